// ProduceService: the livelihood front's produce use cases, joining the domain
// (src/livelihood/produce.h) to the store (SqliteProduceStore) and to the
// poverty front. Each use case runs in one transaction with everything it
// sets off, so a refused request writes nothing:
//  - a purchase is checked against its listing (what remains) and its point's
//    (or backstop buyer's) capacity left that day, priced from the day's list
//    (or floor price) when no price is given, and credited to the household's
//    business income of the purchase's year (poverty_income.business_fen; a
//    missing income row is created with only business_fen, so the rest stays
//    "not recorded"; a missing business_fen counts as 0); a household in the
//    poverty register (registered poor, lifted or marginal) is then
//    re-checked (PovertyService::recheck), so its check sees the income at once;
//  - a backstop dispatch for a day buys what is due (near its sell-by date)
//    from the buyers that serve it at their floor price, as purchases credited
//    like any other; it also opens relapse monitoring (produce_unsold) for
//    lifted and marginal households whose listing passed its sell-by date
//    unsold (a refusal by the poverty front, e.g. already monitored, is
//    reported in `skipped`).
// No SQL and no HTTP here. Called by the HTTP handlers
// (handlers/livelihood_produce.cc), the CLI and the demo.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "app/poverty_service.h"
#include "core/date.h"
#include "store/sqlite/sqlite_produce.h"

namespace lz::app {

struct PurchaseOutcome {
  livelihood::Purchase purchase;
  std::optional<livelihood::Listing> listing;  // after the purchase
  int year = 0;
  std::optional<int64_t> business_before_fen;  // nullopt: was not recorded
  int64_t business_after_fen = 0;
  std::string poverty_status;  // "" when the household is not in the poverty register
  // The income rule (一超过) after the re-check, when re-checked.
  std::optional<poverty::Outcome> income_outcome;
  std::string income_reason_zh, income_reason_en;
};

struct DispatchOutcome {
  Date on;
  int within_days = 2;
  std::vector<PurchaseOutcome> purchases;
  int64_t dispatched_grams = 0, dispatched_fen = 0;
  std::vector<int64_t> risk_cases;  // relapse monitoring opened for produce past its sell-by date
  std::vector<Error> skipped;       // monitoring the poverty front refused, with its reason
  std::vector<sqlite::TownshipUnsold> unsold;  // what is still unsold after the dispatch
};

// Grams bought per point (or buyer) and day, kept by a bulk entry (the
// purchases import) across its purchases: "p12 2020-02-12" -> grams.
struct DayTotals {
  std::map<std::string, int64_t> grams;
};

class ProduceService {
 public:
  ProduceService(sqlite::SqliteProduceStore& store, PovertyService& poverty,
                 std::function<Date()> today)
      : store_(store), poverty_(poverty), today_(std::move(today)) {}
  Date today() const { return today_ ? today_() : Date::today(); }
  sqlite::SqliteProduceStore& store() { return store_; }

  Result<livelihood::Listing> add_listing(livelihood::Listing in, const Actor& actor);
  Result<livelihood::Listing> withdraw_listing(int64_t id, int64_t expected_version,
                                               const Actor& actor);

  Result<livelihood::PurchasePoint> create_point(livelihood::PurchasePoint p, const Actor& actor);
  // Edits with the version the user saw (stale: 409); active=false closes
  // the point (it records no purchases) / stops the buyer (no dispatch).
  Result<livelihood::PurchasePoint> update_point(livelihood::PurchasePoint p,
                                                 int64_t expected_version, const Actor& actor);
  Result<livelihood::BackstopBuyer> update_buyer(livelihood::BackstopBuyer b,
                                                 int64_t expected_version, const Actor& actor);
  Result<std::vector<livelihood::Price>> set_prices(int64_t point_id, Date on,
                                                    std::vector<livelihood::Price> prices,
                                                    const Actor& actor);

  // One purchase (point_id or buyer_id set; listing_id or household_id).
  Result<PurchaseOutcome> record_purchase(livelihood::Purchase in, const Actor& actor);
  // Many purchases in one transaction, all or none; each household re-checked
  // once at the end (the demo and bulk entry).
  Result<std::vector<PurchaseOutcome>> record_purchases(std::vector<livelihood::Purchase> in,
                                                        const Actor& actor);

  // Bulk entry (the purchases import): one purchase inside the caller's open
  // transaction, checked, saved, credited and audited as record_purchase
  // does, but not yet re-checked: call recheck() once per household (with
  // its last outcome) before the caller commits.
  // `totals`, if given, keeps the grams bought per point (or buyer) and day
  // across calls, so that each purchase does not re-sum its day (quadratic
  // in purchases per point-day); the caller clears it when it rolls back.
  Result<PurchaseOutcome> purchase_in_open_tx(livelihood::Purchase in, const Actor& actor,
                                              DayTotals* totals = nullptr) {
    return purchase_in_tx(std::move(in), actor, totals);
  }
  Status recheck(PurchaseOutcome& out, const Actor& actor) { return recheck_into(out, actor); }

  Result<livelihood::BackstopBuyer> create_buyer(livelihood::BackstopBuyer b, const Actor& actor);
  // Dispatch for day `on` over a region prefix (within_days: 0..14).
  Result<DispatchOutcome> dispatch(Date on, int within_days, const std::string& region_prefix,
                                   const Actor& actor);

 private:
  Result<PurchaseOutcome> purchase_in_tx(livelihood::Purchase in, const Actor& actor,
                                         DayTotals* totals = nullptr);
  Status recheck_into(PurchaseOutcome& out, const Actor& actor);

  sqlite::SqliteProduceStore& store_;
  PovertyService& poverty_;
  std::function<Date()> today_;
};

}  // namespace lz::app
