// SqliteProduceStore: the livelihood front's produce listings, purchase
// points and their prices, purchases (credited to the household's business
// income), backstop buyers on a SQLite connection (shared with SqliteStore,
// so a record and its audit entry commit together, and a use case's records
// and its reactions on the other fronts too).
// Persistence only: the rules live in src/livelihood/ and app/produce_service.
//
// Called by app::ProduceService only (handlers go through the service).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "livelihood/produce.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz::sqlite {

// A household as the produce front needs it: where it is and its poverty
// status ("" when it is not in the poverty register).
struct ProduceHousehold {
  int64_t id = 0;
  std::string region_code;
  std::string poverty_status;  // registered_poor | lifted | marginal | ""
  bool poor() const { return poverty_status == "registered_poor" || poverty_status == "lifted"; }
};

struct ListingFilter {
  std::string region_prefix;  // "" = everywhere
  std::optional<int64_t> household_id;
  std::optional<livelihood::ListingStatus> status;
  std::string kind;
  std::vector<int64_t> household_ids;  // paired cadres: only these (empty = no restriction)
  bool households_only = false;        // true: restrict to household_ids even when empty
  int64_t limit = 50, offset = 0;
};

struct PurchaseFilter {
  std::string region_prefix;
  std::optional<int64_t> point_id, buyer_id, household_id, listing_id;
  std::optional<Date> from, to;
  int64_t limit = 50, offset = 0;
};

// Unsold produce of one township on a day.
struct TownshipUnsold {
  std::string township_code;
  int64_t listings = 0;
  int64_t grams = 0;
  int64_t past_sell_by_listings = 0, past_sell_by_grams = 0;
  std::map<std::string, int64_t> grams_by_kind;
};

// One line of a township's public page: a village and a kind.
struct PublicOffer {
  std::string village_code;
  std::string kind;
  int64_t grams = 0;
  int64_t listings = 0;
  std::optional<int64_t> min_price_fen, max_price_fen;  // expected prices
  Date earliest_sell_by;
};

// A household a purchase point may buy from: one with an open listing in
// the point's township, and its head (for the operator to confirm who sells).
struct Seller {
  int64_t household_id = 0;
  std::string number;  // 户编号
  std::string region_code;
  std::string head_name, head_id_number, head_phone;
};

class SqliteProduceStore {
 public:
  SqliteProduceStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}
  Db& db() { return db_; }

  Result<ProduceHousehold> household(int64_t id);
  Result<std::vector<int64_t>> paired_households(int64_t cadre_id);

  // ---- listings
  Result<livelihood::Listing> add_listing(livelihood::Listing l, const Actor& actor);
  Result<livelihood::Listing> listing(int64_t id);
  // Saves a changed listing if its version is still `expected_version`.
  Result<livelihood::Listing> save_listing(const livelihood::Listing& l, int64_t expected_version,
                                           const char* action, const Actor& actor,
                                           bool audit = true);
  Result<ListResult<livelihood::Listing>> listings(const ListingFilter& f);
  // Open listings with something left under a prefix (dispatch candidates
  // and the sweep for produce past its sell-by date), with each household's
  // poverty status.
  Result<std::vector<std::pair<livelihood::Listing, std::string>>> open_listings(
      const std::string& region_prefix);

  // Households with an open listing (something left) under `prefix` whose
  // number contains `q` (digits), any member's ID number is `q` (18
  // characters), or whose head's name contains `q`; by number, at most `limit`.
  Result<std::vector<Seller>> sellers(const std::string& prefix, const std::string& q,
                                      int64_t limit);
  // ---- purchase points
  Result<livelihood::PurchasePoint> add_point(livelihood::PurchasePoint p, const Actor& actor);
  Result<livelihood::PurchasePoint> point(int64_t id);
  // Saves an edited point / buyer if its version is still `expected_version`
  // (409 `<entity>.stale` otherwise), audited with before and after.
  Result<livelihood::PurchasePoint> update_point(const livelihood::PurchasePoint& p,
                                                 int64_t expected_version, const Actor& actor);
  Result<std::vector<livelihood::PurchasePoint>> points(const std::string& region_prefix);
  Status set_prices(int64_t point_id, Date on, const std::vector<livelihood::Price>& prices,
                    const Actor& actor);
  Result<std::vector<livelihood::Price>> prices(int64_t point_id, Date on);
  Result<std::optional<int64_t>> price(int64_t point_id, Date on, const std::string& kind);
  Result<int64_t> bought_at_point(int64_t point_id, Date on);

  // ---- backstop buyers
  Result<livelihood::BackstopBuyer> add_buyer(livelihood::BackstopBuyer b, const Actor& actor);
  Result<livelihood::BackstopBuyer> buyer(int64_t id);
  Result<livelihood::BackstopBuyer> update_buyer(const livelihood::BackstopBuyer& b,
                                                 int64_t expected_version, const Actor& actor);
  // Buyers serving (part of) a region: their prefix contains it or lies in it.
  Result<std::vector<livelihood::BackstopBuyer>> buyers(const std::string& region_prefix);
  Result<int64_t> bought_by_buyer(int64_t buyer_id, Date on);

  // ---- purchases
  // Inserts the purchase (no audit: the service writes one entry with the
  // income credit).
  Result<livelihood::Purchase> insert_purchase(livelihood::Purchase p, const Actor& actor);
  Result<ListResult<livelihood::Purchase>> purchases(const PurchaseFilter& f);
  // Adds amount_fen to the household's business income of `year` (a missing
  // row is created with only business_fen; a missing business_fen counts as
  // 0). Returns {before, after} business_fen (before nullopt when unknown).
  Result<std::pair<std::optional<int64_t>, int64_t>> credit_business_income(int64_t household_id,
                                                                            int year,
                                                                            int64_t amount_fen,
                                                                            const Actor& actor);
  Status audit(const Actor& actor, const char* action, const char* entity, int64_t id,
               const std::string& before, const std::string& after, const std::string& detail = "");

  // ---- views
  Result<std::vector<TownshipUnsold>> unsold_by_township(const std::string& region_prefix, Date d);
  Result<std::vector<PublicOffer>> public_offers(const std::string& township_code, Date d);

 private:
  Db& db_;
  AuditLog& audit_;
};

}  // namespace lz::sqlite
