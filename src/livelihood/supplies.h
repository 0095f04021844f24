// Spring farming (春耕) on the livelihood front: depots and their stock,
// requests from cooperatives and households, distributions that draw stock
// down (never below zero: enforced by the store in SQL), agricultural
// technicians and the cooperative register. Domain values and validation
// only; no SQL, no HTTP.
//
// Quantities are exact integers in thousandths of the item's unit
// ("milli-units"): seed in jin (1 jin = 1000), fertilizer in tonnes
// (1 t = 1000, i.e. kilograms), sprayers in pieces (whole pieces only),
// plastic film and pesticide in kilograms. The API speaks the item's unit
// with up to 3 decimals (12.5 jin, 0.25 t, 3 pieces).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace lz::livelihood {

inline constexpr int64_t kMilli = 1000;

struct SupplyItem {
  const char* id;       // seed | fertilizer | sprayer | plastic_film | pesticide
  const char* zh;       // 种子
  const char* en;       // seed
  const char* unit;     // jin | tonne | piece | kg
  const char* unit_zh;  // 斤 | 吨 | 台 | 公斤
  const char* unit_en;  // jin | t | pcs | kg (the unit as English text shows it)
  bool whole;           // counted in whole units only
};
std::span<const SupplyItem> supply_items();
const SupplyItem* find_supply_item(std::string_view id);

// A number in the item's unit -> milli-units (supply.quantity at `field`:
// negative, not finite, more than 3 decimals, a fraction of a whole unit,
// above 10^9 units; zero unless allow_zero).
Result<int64_t> parse_quantity(const SupplyItem& item, double value, const std::string& field,
                               bool allow_zero = false);
double to_units(int64_t milli);
// "1250斤" / "1250 jin", "3.5吨" / "3.5 t" for messages and the bulletin.
std::string format_quantity(const SupplyItem& item, int64_t milli, bool zh);

struct Depot {
  int64_t id = 0;
  std::string name;
  std::string region_code;  // the township (or village) it serves
  std::string keeper_name, keeper_phone, address;
  bool active = true;  // a closed depot takes no receipts nor distributions
  int64_t version = 1;
};
Result<Depot> validate_depot(Depot d);

struct Cooperative {
  int64_t id = 0;
  std::string name;
  std::string region_code;  // the village (12 digits)
  std::string leader_name, leader_phone;
  int64_t members = 0;
  std::string produce;  // main produce, e.g. 水稻、蔬菜
  bool active = true;   // a dissolved cooperative makes no requests
  int64_t version = 1;
};
Result<Cooperative> validate_cooperative(Cooperative c);

struct Technician {
  int64_t id = 0;
  std::string name, phone, speciality;  // speciality: 水稻, 植保, 果蔬 ...
  std::string region_code;              // township of their station
  bool active = true;                   // deactivating ends their assignments
  int64_t version = 1;
};
Result<Technician> validate_technician(Technician t);

// A technician assigned to a village or a cooperative (exactly one).
struct TechnicianAssignment {
  int64_t id = 0;
  int64_t technician_id = 0;
  std::string village_code;
  std::optional<int64_t> cooperative_id;
  Date from;
  std::string note;
  std::optional<Date> to;  // set when the technician was reassigned
};
Status validate_assignment(const TechnicianAssignment& a);

enum class RequestState : uint8_t { kOpen, kPartly, kFulfilled };
const char* id(RequestState s);

struct SupplyRequest {
  int64_t id = 0;
  std::optional<int64_t> cooperative_id;  // from a cooperative ...
  std::optional<int64_t> household_id;    // ... or a household (exactly one)
  std::string region_code;                // the requester's village (set by the service)
  std::string item;
  int64_t quantity = 0;   // milli-units
  int64_t fulfilled = 0;  // milli-units distributed against it
  Date needed_by;
  Date requested_on;
  std::string note;
};
Status validate_request(const SupplyRequest& r, Date today);
RequestState request_state(const SupplyRequest& r);

struct Distribution {
  int64_t id = 0;
  int64_t depot_id = 0;
  std::string item;
  int64_t quantity = 0;  // milli-units
  Date on;
  std::optional<int64_t> request_id;
  std::string recipient;    // who received it (a name, or the requester's)
  std::string region_code;  // where it went: the request's village, else the depot's region
  std::string note;
};
// Quantity > 0, date not in the future; with a request: the same item and
// not more than what is still outstanding (distribution.over_request, a
// conflict, naming what is left).
Status validate_distribution(const Distribution& d, const SupplyRequest* request, Date today);

// Stock too low, as the store reports it (supply.insufficient, a conflict).
Error insufficient_stock(const SupplyItem& item, int64_t wanted, int64_t available);

}  // namespace lz::livelihood
