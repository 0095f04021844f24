#include "livelihood/produce_json.h"

#include "livelihood/units.h"

namespace lz::livelihood {

using nlohmann::json;

static json opt_date(const std::optional<Date>& d) {
  return d ? json(d->iso()) : json(nullptr);
}
static json opt_id(const std::optional<int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}

json kind_json(std::string_view kind) {
  const ProduceKind* k = find_produce_kind(kind);
  if (!k) return {{"id", kind}, {"zh", kind}, {"en", kind}};
  return {{"id", k->id}, {"zh", k->zh}, {"en", k->en}};
}

json to_json(const Listing& l) {
  return {{"id", l.id},
          {"household_id", l.household_id},
          {"region_code", l.region_code},
          {"kind", l.kind},
          {"kind_label", kind_json(l.kind)},
          {"jin", grams_to_jin(l.grams)},
          {"remaining_jin", grams_to_jin(l.remaining_grams)},
          {"expected_price",
           l.expected_fen_per_jin ? json(fen_to_yuan(*l.expected_fen_per_jin)) : json(nullptr)},
          {"listed_on", l.listed_on.iso()},
          {"sell_by", l.sell_by.iso()},
          {"status", id(l.status)},
          {"closed_on", opt_date(l.closed_on)},
          {"note", l.note},
          {"version", l.version}};
}

json to_json(const PurchasePoint& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"place", p.place},
          {"region_code", p.region_code},
          {"operator_name", p.operator_name},
          {"phone", p.phone},
          {"capacity_jin", grams_to_jin(p.capacity_grams)},
          {"checkpoint_id", opt_id(p.checkpoint_id)},
          {"active", p.active},
          {"version", p.version}};
}

json to_json(const Purchase& p) {
  return {{"id", p.id},
          {"point_id", opt_id(p.point_id)},
          {"buyer_id", opt_id(p.buyer_id)},
          {"listing_id", opt_id(p.listing_id)},
          {"household_id", p.household_id},
          {"region_code", p.region_code},
          {"kind", p.kind},
          {"jin", grams_to_jin(p.grams)},
          {"price", fen_to_yuan(p.fen_per_jin)},
          {"amount", fen_to_yuan(p.amount_fen)},
          {"on", p.on.iso()},
          {"poor", p.poor},
          {"note", p.note},
          {"created_by", p.created_by}};
}

json to_json(const BackstopBuyer& b) {
  json floors = json::array();
  for (const auto& [kind, fen] : b.floor_fen_per_jin)
    floors.push_back({{"kind", kind}, {"price", fen_to_yuan(fen)}});
  return {{"id", b.id},
          {"name", b.name},
          {"unit", b.unit},
          {"region_code", b.region_code},
          {"capacity_jin", grams_to_jin(b.capacity_grams)},
          {"floor_prices", floors},
          {"active", b.active},
          {"version", b.version}};
}

json to_json(const std::vector<Price>& prices) {
  json out = json::array();
  for (const auto& p : prices)
    out.push_back({{"kind", p.kind}, {"price", fen_to_yuan(p.fen_per_jin)}});
  return out;
}

}  // namespace lz::livelihood
