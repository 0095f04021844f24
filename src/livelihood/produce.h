// Produce matching (产销对接) on the livelihood front, as domain values and
// rules: the kinds of produce, listings of unsold produce by households,
// purchase points and their daily price lists, purchases (price, amount,
// what a listing and a point's daily capacity still allow), backstop buyers
// (兜底: canteens of government units and institutions) and the dispatch plan
// that gives them what is left near its sell-by date at their floor price.
// Weights are grams, money fen (livelihood/units.h). No SQL, no HTTP.
//
// Called by app::ProduceService (and the tests).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace lz::livelihood {

// ---------------------------------------------------------------- kinds

struct ProduceKind {
  const char* id;
  const char* zh;
  const char* en;
  bool vegetable;
};

// cabbage 白菜, radish 萝卜, greens 青菜, lettuce 莴笋, celery 芹菜, spinach 菠菜,
// garlic_sprout 蒜苗, scallion 葱, potato 土豆, sweet_potato 红薯, taro 芋头,
// pepper 辣椒, mushroom 香菇, other_vegetable 其他蔬菜; fruit 水果, eggs 鸡蛋,
// poultry 家禽, livestock 生猪, fish 鱼, rice 稻谷, tea 茶叶, other 其他.
std::span<const ProduceKind> produce_kinds();
// The kind with this id or Chinese label, or of a variety written for it
// (白萝卜 -> radish, 马铃薯 -> potato: produce.cc kVarieties); nullptr if none.
const ProduceKind* find_produce_kind(std::string_view id_or_label);

// ---------------------------------------------------------------- listings

enum class ListingStatus : uint8_t { kOpen, kSold, kWithdrawn };
const char* id(ListingStatus s);
std::optional<ListingStatus> parse_listing_status(std::string_view s);

struct Listing {
  int64_t id = 0;
  int64_t household_id = 0;
  std::string region_code;  // the household's village (or group)
  std::string kind;
  int64_t grams = 0;            // listed
  int64_t remaining_grams = 0;  // still for sale
  std::optional<int64_t> expected_fen_per_jin;
  Date listed_on, sell_by;
  ListingStatus status = ListingStatus::kOpen;
  std::optional<Date> closed_on;  // sold out or withdrawn
  std::string note;
  int64_t version = 1;
};

// A new listing: a known kind, more than 0 jin, listed today or before, a
// sell-by date on or after the listing date (within 120 days).
Result<Listing> make_listing(Listing in, Date today);
// Withdrawing an open listing (what was bought stays bought).
Result<Listing> withdraw(const Listing& l, Date on);

// ---------------------------------------------------------------- purchase points

struct PurchasePoint {
  int64_t id = 0;
  std::string name, place;
  std::string region_code;  // the township (or a village)
  std::string operator_name, phone;
  int64_t capacity_grams = 0;  // a day
  std::optional<int64_t> checkpoint_id;
  bool active = true;
  int64_t version = 1;
};
Status validate_point(const PurchasePoint& p);

struct Price {
  std::string kind;
  int64_t fen_per_jin = 0;
};
// The day's price list: known kinds, each once, more than 0 (fields
// prices[i].kind / prices[i].price).
Status validate_prices(std::vector<Price>& prices);

// ---------------------------------------------------------------- purchases

struct Purchase {
  int64_t id = 0;
  std::optional<int64_t> point_id;  // a purchase point, or
  std::optional<int64_t> buyer_id;  // a backstop buyer
  std::optional<int64_t> listing_id;
  int64_t household_id = 0;
  std::string region_code;  // the household's
  std::string kind;
  int64_t grams = 0;
  int64_t fen_per_jin = 0;
  int64_t amount_fen = 0;
  Date on;
  bool poor = false;  // the household was registered poor or lifted on the day
  std::string note;
  std::string created_by;
};

// What a purchase is checked against.
struct PurchaseContext {
  Date today;
  const Listing* listing = nullptr;     // when the purchase is from a listing
  int64_t capacity_grams = 0;           // the point's (or buyer's) daily capacity
  int64_t bought_grams_that_day = 0;    // already bought there that day
  std::optional<int64_t> listed_price;  // the day's price (or floor price) for the kind
};

// Fills in the kind and household from the listing, the price from the list
// when not given, and the amount (units.h rounding). Refused: no weight
// (purchase.jin_required, field jin), a date in the future (date_future, on),
// an unknown kind, a listing not open (listing_closed, 409, listing_id), of
// another household or kind (listing_mismatch), more than the listing still
// holds (exceeds_listing, 409, jin), more than the point can still take that
// day (exceeds_capacity, 409, jin), no price given and none listed for the
// kind that day (price_required, 422, price).
Result<Purchase> make_purchase(Purchase in, const PurchaseContext& ctx);

// The listing after a purchase from it (sold when nothing remains).
Listing after_purchase(const Listing& l, const Purchase& p);

// ---------------------------------------------------------------- backstop

struct BackstopBuyer {
  int64_t id = 0;
  std::string name, unit;      // 食堂, and the government unit or institution it feeds
  std::string region_code;     // whom it serves: listings under this prefix
  int64_t capacity_grams = 0;  // a day
  std::map<std::string, int64_t> floor_fen_per_jin;  // by kind; only these kinds are bought
  bool active = true;
  int64_t version = 1;
};
Status validate_buyer(BackstopBuyer& b);

// A listing the dispatch may give to a buyer.
struct DispatchListing {
  Listing listing;
  bool poor = false;  // registered poor or lifted household
};
struct BuyerCapacity {
  const BackstopBuyer* buyer = nullptr;
  int64_t remaining_grams = 0;  // capacity less what it already bought that day
};
struct BackstopAssignment {
  int64_t listing_id = 0;
  int64_t buyer_id = 0;
  int64_t grams = 0;
  int64_t fen_per_jin = 0;
};

// Which listings are due on day d: open, something left, listed on or before
// d, sell-by from d to d + within_days (past it the produce is spoiled and
// not dispatched).
bool due_for_backstop(const Listing& l, Date d, int within_days);

// The dispatch plan for day d. Listings in order: the nearest sell-by first,
// then households registered poor or lifted, then the oldest listing; each
// goes to buyers that serve its region (prefix), have a floor price for its
// kind and capacity left: a buyer of the listing's own township before a
// county-wide one (the longest region prefix), then the most capacity left,
// then the lowest id; a listing may be split between buyers. Capacities are
// drawn down as assigned.
std::vector<BackstopAssignment> plan_backstop(std::vector<DispatchListing> listings,
                                              std::vector<BuyerCapacity> buyers, Date d,
                                              int within_days);

}  // namespace lz::livelihood
