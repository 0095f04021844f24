#include "app/produce_service.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "livelihood/produce_json.h"
#include "livelihood/units.h"
#include "store/sqlite/db.h"

namespace lz::app {

using namespace lz::livelihood;
using nlohmann::json;
using sqlite::Tx;

// ---------------------------------------------------------------- listings

Result<Listing> ProduceService::add_listing(Listing in, const Actor& actor) {
  auto h = store_.household(in.household_id);
  if (!h) return h.error();
  auto l = make_listing(std::move(in), today());
  if (!l) return l.error();
  l->region_code = h->region_code;
  return store_.add_listing(*l, actor);
}

Result<Listing> ProduceService::withdraw_listing(int64_t id, int64_t expected_version,
                                                 const Actor& actor) {
  auto cur = store_.listing(id);
  if (!cur) return cur.error();
  auto w = withdraw(*cur, today());
  if (!w) return w.error();
  return store_.save_listing(*w, expected_version, "produce_listing.withdraw", actor);
}

// ---------------------------------------------------------------- points and prices

Result<PurchasePoint> ProduceService::create_point(PurchasePoint p, const Actor& actor) {
  LZ_TRY(validate_point(p));
  return store_.add_point(std::move(p), actor);
}

Result<PurchasePoint> ProduceService::update_point(PurchasePoint p, int64_t expected_version,
                                                   const Actor& actor) {
  LZ_TRY(validate_point(p));
  return store_.update_point(p, expected_version, actor);
}

Result<BackstopBuyer> ProduceService::update_buyer(BackstopBuyer b, int64_t expected_version,
                                                   const Actor& actor) {
  LZ_TRY(validate_buyer(b));
  return store_.update_buyer(b, expected_version, actor);
}

Result<std::vector<Price>> ProduceService::set_prices(int64_t point_id, Date on,
                                                      std::vector<Price> prices,
                                                      const Actor& actor) {
  auto p = store_.point(point_id);
  if (!p) return p.error();
  LZ_TRY(validate_prices(prices));
  LZ_TRY(store_.set_prices(point_id, on, prices, actor));
  return store_.prices(point_id, on);
}

// ---------------------------------------------------------------- purchases

Result<PurchaseOutcome> ProduceService::purchase_in_tx(Purchase in, const Actor& actor,
                                                       DayTotals* totals) {
  std::optional<Listing> listing;
  if (in.listing_id) {
    auto l = store_.listing(*in.listing_id);
    if (!l) return l.error();
    listing = std::move(*l);
  }
  int64_t hid = listing ? listing->household_id : in.household_id;
  if (hid <= 0)
    return invalid("purchase.household_required", "household_id",
                   "请填写出售农户（household_id 或 listing_id）",
                   "Give the selling household (household_id or listing_id)");
  auto h = store_.household(hid);
  if (!h) return h.error();
  Date on = in.on == Date() ? today() : in.on;
  // The kind decides the listed price: from the listing, else as given.
  std::string kind = listing ? listing->kind : in.kind;
  if (const ProduceKind* k = find_produce_kind(kind)) kind = k->id;

  PurchaseContext ctx;
  std::string total_key;  // in `totals`
  auto kept = [&](const std::string& k) { return totals && totals->grams.count(k) > 0; };
  ctx.today = today();
  ctx.listing = listing ? &*listing : nullptr;
  if (in.point_id) {
    auto p = store_.point(*in.point_id);
    if (!p) return p.error();
    if (!p->active)
      return conflict("purchase_point.inactive", "point_id",
                      fmt::format("收购点“{}”已停用", p->name),
                      fmt::format("Purchase point \"{}\" is closed", p->name));
    ctx.capacity_grams = p->capacity_grams;
    total_key = fmt::format("p{} {}", p->id, on.iso());
    auto bought = kept(total_key) ? Result<int64_t>(totals->grams[total_key])
                                  : store_.bought_at_point(p->id, on);
    if (!bought) return bought.error();
    ctx.bought_grams_that_day = *bought;
    auto price = store_.price(p->id, on, kind);
    if (!price) return price.error();
    ctx.listed_price = *price;
  } else if (in.buyer_id) {
    auto b = store_.buyer(*in.buyer_id);
    if (!b) return b.error();
    ctx.capacity_grams = b->capacity_grams;
    total_key = fmt::format("b{} {}", b->id, on.iso());
    auto bought = kept(total_key) ? Result<int64_t>(totals->grams[total_key])
                                  : store_.bought_by_buyer(b->id, on);
    if (!bought) return bought.error();
    ctx.bought_grams_that_day = *bought;
    if (auto it = b->floor_fen_per_jin.find(kind); it != b->floor_fen_per_jin.end())
      ctx.listed_price = it->second;
  } else {
    return invalid("purchase.point_required", "point_id", "请填写收购点（point_id）",
                   "Give the purchase point (point_id)");
  }
  in.household_id = hid;
  in.on = on;
  auto p = make_purchase(std::move(in), ctx);
  if (!p) return p.error();
  p->region_code = h->region_code;
  p->poor = h->poor();
  auto saved = store_.insert_purchase(*p, actor);
  if (!saved) return saved.error();
  if (totals) totals->grams[total_key] = ctx.bought_grams_that_day + saved->grams;

  PurchaseOutcome out;
  out.purchase = *saved;
  out.poverty_status = h->poverty_status;
  json after = to_json(*saved);
  if (listing) {
    auto l = store_.save_listing(after_purchase(*listing, *saved), listing->version,
                                 "produce_listing.purchase", actor, /*audit=*/false);
    if (!l) return l.error();
    out.listing = *l;
    after["listing"] = {{"remaining_jin", grams_to_jin(l->remaining_grams)},
                        {"status", id(l->status)}};
  }
  out.year = saved->on.year();
  auto credit = store_.credit_business_income(hid, out.year, saved->amount_fen, actor);
  if (!credit) return credit.error();
  out.business_before_fen = credit->first;
  out.business_after_fen = credit->second;
  after["income"] = {{"year", out.year},
                     {"business_fen_before", credit->first ? json(*credit->first) : json(nullptr)},
                     {"business_fen_after", credit->second}};
  LZ_TRY(store_.audit(actor, "purchase.create", "produce_purchase", saved->id, "", after.dump()));
  return out;
}

Status ProduceService::recheck_into(PurchaseOutcome& out, const Actor& actor) {
  if (out.poverty_status.empty()) return {};  // not in the poverty register: nothing to check
  auto chk = poverty_.recheck(out.purchase.household_id, actor);
  if (!chk) return chk.error();
  if (const auto* r = chk->result.find("income.above_line")) {
    out.income_outcome = r->outcome;
    out.income_reason_zh = r->finding.reason_zh;
    out.income_reason_en = r->finding.reason_en;
  }
  return {};
}

Result<PurchaseOutcome> ProduceService::record_purchase(Purchase in, const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto out = purchase_in_tx(std::move(in), actor);
  if (!out) return out.error();
  LZ_TRY(recheck_into(*out, actor));
  LZ_TRY(tx.commit());
  return out;
}

Result<std::vector<PurchaseOutcome>> ProduceService::record_purchases(std::vector<Purchase> in,
                                                                      const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  std::vector<PurchaseOutcome> out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    auto o = purchase_in_tx(std::move(in[i]), actor);
    if (!o) return o.error().at(fmt::format("purchases[{}]", i));
    out.push_back(std::move(*o));
  }
  // Each household once, its last purchase carrying the result.
  std::set<int64_t> done;
  for (auto it = out.rbegin(); it != out.rend(); ++it)
    if (done.insert(it->purchase.household_id).second) LZ_TRY(recheck_into(*it, actor));
  LZ_TRY(tx.commit());
  return out;
}

// ---------------------------------------------------------------- backstop

Result<BackstopBuyer> ProduceService::create_buyer(BackstopBuyer b, const Actor& actor) {
  LZ_TRY(validate_buyer(b));
  return store_.add_buyer(std::move(b), actor);
}

Result<DispatchOutcome> ProduceService::dispatch(Date on, int within_days,
                                                 const std::string& prefix, const Actor& actor) {
  if (on > today())
    return invalid("backstop.date_future", "date", "兜底收购日期不能晚于今天",
                   "The dispatch date cannot be in the future");
  if (within_days < 0 || within_days > 14)
    return invalid("backstop.within_days", "within_days", "临近最晚销售日期的天数应在0到14之间",
                   "within_days must be from 0 to 14");
  DispatchOutcome out;
  out.on = on;
  out.within_days = within_days;
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto open = store_.open_listings(prefix);
  if (!open) return open.error();
  auto buyers = store_.buyers(prefix);
  if (!buyers) return buyers.error();
  std::vector<DispatchListing> candidates;
  for (const auto& [l, status] : *open)
    candidates.push_back({l, status == "registered_poor" || status == "lifted"});
  std::vector<BuyerCapacity> caps;
  for (const auto& b : *buyers) {
    if (!b.active) continue;
    auto bought = store_.bought_by_buyer(b.id, on);
    if (!bought) return bought.error();
    caps.push_back({&b, b.capacity_grams - *bought});
  }
  auto plan = plan_backstop(candidates, caps, on, within_days);
  for (const auto& a : plan) {
    Purchase p;
    p.buyer_id = a.buyer_id;
    p.listing_id = a.listing_id;
    p.grams = a.grams;
    p.fen_per_jin = a.fen_per_jin;
    p.on = on;
    p.note = "兜底收购";
    auto o = purchase_in_tx(std::move(p), actor);
    if (!o) return o.error();
    out.dispatched_grams += o->purchase.grams;
    out.dispatched_fen += o->purchase.amount_fen;
    out.purchases.push_back(std::move(*o));
  }
  std::set<int64_t> done;
  for (auto it = out.purchases.rbegin(); it != out.purchases.rend(); ++it)
    if (done.insert(it->purchase.household_id).second) LZ_TRY(recheck_into(*it, actor));
  // Produce past its sell-by date, unsold, of a lifted or marginal household:
  // relapse monitoring (a registered-poor household is already under support).
  for (const auto& [l, status] : *open) {
    if (l.sell_by >= on || (status != "lifted" && status != "marginal")) continue;
    poverty::Trigger t;
    t.kind = poverty::TriggerKind::kProduceUnsold;
    t.on = std::min(l.sell_by.plus_days(1), on);
    t.note = fmt::format("{}{}斤过了最晚销售日期{}仍未售出", find_produce_kind(l.kind)->zh,
                         format_jin(l.remaining_grams), l.sell_by.iso());
    auto r = poverty_.open_monitoring(l.household_id, t, fmt::format("livelihood.listing:{}", l.id),
                                      actor);
    if (r)
      out.risk_cases.push_back(r->id);
    else
      out.skipped.push_back(r.error());
  }
  json after = {{"on", on.iso()},
                {"within_days", within_days},
                {"region", prefix},
                {"purchases", out.purchases.size()},
                {"jin", grams_to_jin(out.dispatched_grams)},
                {"amount", fen_to_yuan(out.dispatched_fen)},
                {"risk_cases", out.risk_cases}};
  LZ_TRY(
      store_.audit(actor, "backstop.dispatch", "backstop_dispatch", 0, "", after.dump(), prefix));
  auto unsold = store_.unsold_by_township(prefix, on);
  if (!unsold) return unsold.error();
  out.unsold = std::move(*unsold);
  LZ_TRY(tx.commit());
  return out;
}

}  // namespace lz::app
