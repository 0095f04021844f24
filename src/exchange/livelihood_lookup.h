// LivelihoodLookup: the few read-only questions the livelihood imports and
// exports ask the registry and the produce records that the stores do not
// answer in one query: a household by its number with its head's name, a
// household's number and head by id (exports), and whether a purchase like
// one in a file is already recorded (re-importing a ledger must not credit
// it twice). The SQLite side of the exchange, like sqlite_import_sink.* and
// sqlite_export.*: prepared statements on the import's own connection, so
// they see what the import wrote in its transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "livelihood/produce.h"
#include "store/sqlite/db.h"

namespace lz::exchange {

struct HouseholdRef {
  int64_t id = 0;
  std::string number, region_code;
  std::string head_name, head_id_number;
};

// A household's entry in the poverty register, with its number and head.
struct RegisterEntry {
  HouseholdRef household;
  std::string status;  // registered_poor, lifted, marginal
  std::optional<int> registered_year, lifted_year;
};

class LivelihoodLookup {
 public:
  explicit LivelihoodLookup(sqlite::Db& db) : db_(db) {}
  Result<std::optional<HouseholdRef>> household_by_number(const std::string& number);
  Result<std::optional<HouseholdRef>> household_by_id(int64_t id);
  // The poverty register under a region code prefix ("" for all), in
  // household number order, a page at a time (after the number `after`).
  // A household's status, years in the register (nullopt: not in it).
  struct RegisterStatus {
    std::string status;
    std::optional<int> registered_year, lifted_year;
    bool operator==(const RegisterStatus&) const = default;
  };
  Result<std::optional<RegisterStatus>> register_status(int64_t household_id);
  Result<std::vector<RegisterEntry>> register_page(const std::string& prefix,
                                                   const std::string& after, int64_t limit);
  // The id of a recorded purchase with the same point, household, day,
  // kind, weight, price and note whose id is at most `max_id` (the last
  // purchase before the import), if any.
  Result<std::optional<int64_t>> same_purchase(const livelihood::Purchase& p, int64_t max_id);
  Result<int64_t> last_purchase_id();
  // The id of a listing with the same household, kind, weight, listing and
  // sell-by dates whose id is at most `max_id`, if any.
  Result<std::optional<int64_t>> same_listing(const livelihood::Listing& l, int64_t max_id);
  Result<int64_t> last_listing_id();
  // A cooperative of that name in that village (the register has no unique key).
  Result<std::optional<int64_t>> cooperative_named(const std::string& name,
                                                   const std::string& region_code);

 private:
  sqlite::Db& db_;
};

}  // namespace lz::exchange
