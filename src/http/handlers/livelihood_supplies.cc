// Livelihood front: spring-farming (春耕) routes (see README "Livelihood
// front API"): depots and stock, receipts, requests from cooperatives and
// households, distributions (stock never below zero), agricultural
// technicians and their assignments, the cooperative register. Readers see
// their region; cadres (livelihood_write) record requests; county and
// township users (livelihood_command) run depots, distributions,
// technicians and the register.
#include <fmt/format.h>

#include <map>

#include "http/handlers/livelihood_common.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::livelihood;
using SStore = sqlite::SqliteSuppliesStore;

namespace {

// A region code member, normalised ("" when absent: the readers say last
// that it is required).
Result<std::string> region(const json& b, const char* k) {
  auto s = body_str(b, k);
  if (!s) return s.error();
  if (s->empty() && (!b.contains(k) || b[k].is_null())) return std::string();
  auto code = RegionCode::parse(*s, k);
  if (!code) return code.error();
  return code->str();
}
Result<const SupplyItem*> item_of(const json& b) {
  auto s = body_str(b, "item", true);
  if (!s) return s.error();
  const SupplyItem* i = find_supply_item(*s);
  if (!i)
    return invalid("supply.item", "item",
                   "物资品种应为seed（种子）、fertilizer（化肥）、sprayer（喷雾器）、plastic_"
                   "film（农膜）或pesticide（农药）",
                   "item must be seed, fertilizer, sprayer, plastic_film or pesticide");
  return i;
}
// The item and its quantity of a body (nullptr when no item is given: the
// reader says last that it is required).
struct ItemQuantity {
  const SupplyItem* item = nullptr;
  int64_t quantity = 0;
};
Result<int64_t> quantity_of(const json& b, const SupplyItem& item);
Result<ItemQuantity> item_quantity(const json& b) {
  if (!b.contains("item") || b["item"].is_null()) return ItemQuantity{};
  auto item = item_of(b);
  if (!item) return item.error();
  auto q = quantity_of(b, **item);
  if (!q) return q.error();
  return ItemQuantity{*item, *q};
}
// Members a reader requires, said after the others were read.
Status required(const json& b, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (!b.contains(k) || b[k].is_null())
      return invalid("request.field_required", k, fmt::format("请填写{}", k),
                     fmt::format("{} is required", k));
  return {};
}

Result<int64_t> quantity_of(const json& b, const SupplyItem& item) {
  if (!b.contains("quantity") || !b["quantity"].is_number())
    return invalid("supply.quantity", "quantity",
                   fmt::format("请填写数量（单位：{}）", item.unit_zh),
                   fmt::format("quantity (in {}) is required", item.unit));
  return parse_quantity(item, b["quantity"].get<double>(), "quantity");
}

Status in_scope(const Ctx& c, const std::string& region_code) {
  if (c.scope.covers(region_code)) return {};
  return invalid("region.out_of_scope", "region_code",
                 fmt::format("区划{}不在您的管辖范围内", region_code),
                 fmt::format("Region {} is outside your jurisdiction", region_code));
}

json qty(const std::string& item_id, int64_t milli) {
  const SupplyItem* i = find_supply_item(item_id);
  return {{"quantity", to_units(milli)}, {"unit", i ? i->unit : ""}};
}

json depot_out(const Depot& d) {
  return {{"id", d.id},
          {"name", d.name},
          {"region_code", d.region_code},
          {"keeper_name", d.keeper_name},
          {"keeper_phone", d.keeper_phone},
          {"address", d.address},
          {"active", d.active},
          {"version", d.version}};
}
json coop_out(const Cooperative& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"region_code", c.region_code},
          {"leader_name", c.leader_name},
          {"leader_phone", c.leader_phone},
          {"members", c.members},
          {"produce", c.produce},
          {"active", c.active},
          {"version", c.version}};
}
json assignment_out(const TechnicianAssignment& a) {
  return {{"id", a.id},
          {"technician_id", a.technician_id},
          {"village_code", a.village_code.empty() ? json(nullptr) : json(a.village_code)},
          {"cooperative_id", a.cooperative_id ? json(*a.cooperative_id) : json(nullptr)},
          {"from", a.from.iso()},
          {"note", a.note}};
}
json tech_out(const Technician& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"phone", t.phone},
          {"speciality", t.speciality},
          {"region_code", t.region_code},
          {"active", t.active},
          {"version", t.version}};
}
json request_out(const SupplyRequest& r) {
  const SupplyItem* i = find_supply_item(r.item);
  return {{"id", r.id},
          {"cooperative_id", r.cooperative_id ? json(*r.cooperative_id) : json(nullptr)},
          {"household_id", r.household_id ? json(*r.household_id) : json(nullptr)},
          {"region_code", r.region_code},
          {"item", r.item},
          {"unit", i ? i->unit : ""},
          {"quantity", to_units(r.quantity)},
          {"fulfilled", to_units(r.fulfilled)},
          {"outstanding", to_units(r.quantity - r.fulfilled)},
          {"state", id(request_state(r))},
          {"needed_by", r.needed_by.iso()},
          {"requested_on", r.requested_on.iso()},
          {"note", r.note}};
}
json dist_out(const Distribution& d) {
  const SupplyItem* i = find_supply_item(d.item);
  return {{"id", d.id},
          {"depot_id", d.depot_id},
          {"item", d.item},
          {"unit", i ? i->unit : ""},
          {"quantity", to_units(d.quantity)},
          {"on", d.on.iso()},
          {"request_id", d.request_id ? json(*d.request_id) : json(nullptr)},
          {"recipient", d.recipient},
          {"region_code", d.region_code},
          {"note", d.note}};
}

Result<Depot> visible_depot(Ctx& c, int64_t id) {
  auto d = c.svc.supplies_store->depot(id);
  if (!d || !c.scope.covers(d->region_code)) return not_in_scope("仓库", "depot", id);
  return d;
}

Result<std::optional<bool>> flag(const json& b, const char* k) {
  if (!b.contains(k) || b[k].is_null()) return std::optional<bool>();
  if (!b[k].is_boolean())
    return invalid("request.field_type", k, fmt::format("{}应为true或false", k),
                   fmt::format("{} must be true or false", k));
  return std::optional<bool>(b[k].get<bool>());
}

// Text fields of a PATCH body over a record: only those given.
Status patch_texts(const json& b, std::initializer_list<std::pair<const char*, std::string*>> f,
                   const char* required = "name") {
  for (const auto& [k, dst] : f) {
    if (!b.contains(k)) continue;
    auto v = body_str(b, k, std::string_view(k) == required);
    if (!v) return v.error();
    *dst = *v;
  }
  return {};
}

json tech_row_out(const SStore::TechnicianRow& row) {
  json j = tech_out(row.t);
  json a = json::array();
  for (const auto& x : row.assignments) a.push_back(assignment_out(x));
  j["assignments"] = a;
  return j;
}

Result<SStore::TechnicianRow> visible_technician(Ctx& c, int64_t id) {
  auto t = c.svc.supplies_store->technician_row(id);
  if (!t || !c.scope.covers(t->t.region_code)) return not_in_scope("农技员", "technician", id);
  return t;
}

Result<std::optional<std::string>> prefix(const Ctx& c) {
  return list_prefix(c);
}

}  // namespace

void add_supplies_routes(Router& r) {
  const std::vector<ParamDoc> paging = {
      {"limit", "query", "integer", "Page size (default 50, max 1000)"},
      {"offset", "query", "integer", "Rows to skip"}};
  auto with_region = [&](std::vector<ParamDoc> extra) {
    std::vector<ParamDoc> p = {
        {"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"}};
    p.insert(p.end(), extra.begin(), extra.end());
    p.push_back(active_param_doc());
    p.insert(p.end(), paging.begin(), paging.end());
    return p;
  };

  r.add({"GET",
         "/api/v1/supplies/items",
         "livelihood",
         "Spring-farming items and their units (quantities are exact to 0.001 of the unit; "
         "sprayers whole)",
         true,
         {},
         "",
         "SupplyItem",
         true,
         {},
         [](Ctx& c) -> HttpResponse {
           json items = json::array();
           for (const auto& i : supply_items())
             items.push_back({{"id", i.id},
                              {"label", c.lang == Lang::kEn ? i.en : i.zh},
                              {"unit", i.unit},
                              {"unit_label", c.lang == Lang::kEn ? i.unit : i.unit_zh},
                              {"whole", i.whole}});
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  // ------------------------------------------------------------ depots
  r.add({"GET",
         "/api/v1/depots",
         "livelihood",
         "Supply depots in the jurisdiction",
         true,
         with_region({}),
         "",
         "Depot",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           LZ_FIELD(page, livelihood_list(c));
           if (!page->prefix) return list_response(json::array(), 0);
           LZ_FIELD(res, c.svc.supplies_store->depots(*page->prefix, page->limit, page->offset, page->active));
           json items = json::array();
           for (const auto& d : res->items) items.push_back(depot_out(d));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/depots",
         "livelihood",
         "Open a depot: {name, region_code (township), keeper_name, keeper_phone, address}",
         true,
         {},
         "DepotInput",
         "Depot",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<Depot> {
                      Depot d;
                      LZ_TRY(patch_texts(b, {{"name", &d.name},
                                             {"keeper_name", &d.keeper_name},
                                             {"keeper_phone", &d.keeper_phone},
                                             {"address", &d.address}}));
                      LZ_READ(reg, region(b, "region_code"));
                      LZ_TRY(required(b, {"name", "region_code"}));
                      d.region_code = reg;
                      return d;
                    }));
           Depot& d = *in;
           if (auto st = in_scope(c, d.region_code); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.supplies->create_depot(d, c.actor));
           return json_response(depot_out(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/depots/{id}",
         "livelihood",
         "A depot with its stock per item",
         true,
         {},
         "",
         "DepotDetail",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(d, visible_depot(c, *id));
           LZ_FIELD(stock, c.svc.supplies_store->stock("", *id));
           json j = depot_out(*d);
           json items = json::array();
           for (const auto& s : *stock) {
             json q = qty(s.item, s.quantity);
             q["item"] = s.item;
             items.push_back(q);
           }
           j["stock"] = items;
           return json_response(j);
         }});

  r.add({"PATCH",
         "/api/v1/depots/{id}",
         "livelihood",
         "Change a depot (the fields given; If-Match or version; stale: 409): {name, region_code, "
         "keeper_name, keeper_phone, address, active (false: closed, takes no receipts nor "
         "distributions; its stock stays on record)}",
         true,
         {},
         "DepotPatch",
         "Depot",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(d, visible_depot(c, *id));
           LZ_FIELD(b, c.body());
           LZ_FIELD(version, c.expected_version(&*b));
           if (auto st = patch_texts(*b, {{"name", &d->name},
                                          {"keeper_name", &d->keeper_name},
                                          {"keeper_phone", &d->keeper_phone},
                                          {"address", &d->address}});
               !st)
             return problem(st.error(), c.lang);
           if (b->contains("region_code")) {
             LZ_FIELD(reg, region(*b, "region_code"));
             if (auto st = in_scope(c, *reg); !st) return problem(st.error(), c.lang);
             d->region_code = *reg;
           }
           LZ_FIELD(active, flag(*b, "active"));
           if (*active) d->active = **active;
           LZ_FIELD(res, c.svc.supplies->update_depot(*d, *version, c.actor));
           return record_response(depot_out(*res));
         }});

  r.add({"POST",
         "/api/v1/depots/{id}/receipts",
         "livelihood",
         "Receive stock into a depot: {item, quantity (in the item's unit), on, source}; returns "
         "the new stock",
         true,
         {},
         "ReceiptInput",
         "StockLevel",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(d, visible_depot(c, *id));
           LZ_FIELD(b, c.body());
           struct Receipt {
             ItemQuantity iq;
             std::optional<Date> on;
             std::string source;
           };
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<Receipt> {
                      LZ_READ(on, body_date(b, "on"));
                      LZ_READ(source, body_str(b, "source"));
                      LZ_READ(iq, item_quantity(b));
                      LZ_TRY(required(b, {"item"}));
                      return Receipt{iq, on, source};
                    }));
           const SupplyItem* item = in->iq.item;
           LZ_FIELD(res, c.svc.supplies->receive(*id, item->id, in->iq.quantity, in->on, in->source,
                                                 c.actor));
           json j = qty(item->id, *res);
           j["depot_id"] = *id;
           j["item"] = item->id;
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/supplies/stock",
         "livelihood",
         "Stock in the jurisdiction's depots: totals per item and each depot's",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"}},
         "",
         "StockReport",
         false,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(p, prefix(c));
           json totals = json::object(), depots = json::array();
           if (*p) {
             LZ_FIELD(rows, c.svc.supplies_store->stock(**p, std::nullopt));
             std::map<std::string, int64_t> sum;
             for (const auto& s : *rows) {
               sum[s.item] += s.quantity;
               json q = qty(s.item, s.quantity);
               q["depot_id"] = s.depot_id;
               q["depot_name"] = s.depot_name;
               q["region_code"] = s.region_code;
               q["item"] = s.item;
               depots.push_back(q);
             }
             for (const auto& i : supply_items()) totals[i.id] = qty(i.id, sum[i.id]);
           }
           return json_response({{"totals", totals}, {"depots", depots}});
         }});

  // ------------------------------------------------------------ cooperatives
  r.add({"GET",
         "/api/v1/cooperatives",
         "livelihood",
         "The cooperative register (农民专业合作社)",
         true,
         with_region({{"q", "query", "string", "Name contains"}}),
         "",
         "Cooperative",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           LZ_FIELD(page, livelihood_list(c));
           if (!page->prefix) return list_response(json::array(), 0);
           LZ_FIELD(res, c.svc.supplies_store->cooperatives(*page->prefix, c.q_or("q", ""),
                                                            page->limit, page->offset, page->active));
           json items = json::array();
           for (const auto& x : res->items) items.push_back(coop_out(x));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/cooperatives",
         "livelihood",
         "Register a cooperative: {name, region_code (village), leader_name, leader_phone, "
         "members, produce}",
         true,
         {},
         "CooperativeInput",
         "Cooperative",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<Cooperative> {
                      Cooperative x;
                      LZ_TRY(patch_texts(b, {{"name", &x.name},
                                             {"leader_name", &x.leader_name},
                                             {"leader_phone", &x.leader_phone},
                                             {"produce", &x.produce}}));
                      LZ_READ(reg, region(b, "region_code"));
                      LZ_READ(members, body_int(b, "members"));
                      LZ_TRY(required(b, {"name", "region_code"}));
                      x.region_code = reg;
                      x.members = members.value_or(0);
                      return x;
                    }));
           Cooperative& x = *in;
           if (auto st = in_scope(c, x.region_code); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.supplies->create_cooperative(x, c.actor));
           return json_response(coop_out(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/cooperatives/{id}",
         "livelihood",
         "A cooperative",
         true,
         {},
         "",
         "Cooperative",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           auto x = c.svc.supplies_store->cooperative(*id);
           if (!x || !c.scope.covers(x->region_code))
             return problem(not_in_scope("合作社", "cooperative", *id), c.lang);
           return json_response(coop_out(*x));
         }});

  r.add({"PATCH",
         "/api/v1/cooperatives/{id}",
         "livelihood",
         "Change a cooperative (the fields given; If-Match or version; stale: 409): {name, "
         "region_code, leader_name, leader_phone, members, produce, active (false: dissolved, "
         "makes no new requests)}",
         true,
         {},
         "CooperativePatch",
         "Cooperative",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           auto x = c.svc.supplies_store->cooperative(*id);
           if (!x || !c.scope.covers(x->region_code))
             return problem(not_in_scope("合作社", "cooperative", *id), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(version, c.expected_version(&*b));
           if (auto st = patch_texts(*b, {{"name", &x->name},
                                          {"leader_name", &x->leader_name},
                                          {"leader_phone", &x->leader_phone},
                                          {"produce", &x->produce}});
               !st)
             return problem(st.error(), c.lang);
           if (b->contains("region_code")) {
             LZ_FIELD(reg, region(*b, "region_code"));
             if (auto st = in_scope(c, *reg); !st) return problem(st.error(), c.lang);
             x->region_code = *reg;
           }
           LZ_FIELD(members, body_int(*b, "members"));
           if (*members) x->members = **members;
           LZ_FIELD(active, flag(*b, "active"));
           if (*active) x->active = **active;
           LZ_FIELD(res, c.svc.supplies->update_cooperative(*x, *version, c.actor));
           return record_response(coop_out(*res));
         }});

  // ------------------------------------------------------------ technicians
  r.add({"GET",
         "/api/v1/technicians",
         "livelihood",
         "Agricultural technicians (农技员) and where they are assigned",
         true,
         with_region({}),
         "",
         "Technician",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           LZ_FIELD(page, livelihood_list(c));
           if (!page->prefix) return list_response(json::array(), 0);
           LZ_FIELD(res,
                    c.svc.supplies_store->technicians(*page->prefix, page->limit, page->offset, page->active));
           json items = json::array();
           for (const auto& row : res->items) items.push_back(tech_row_out(row));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/technicians",
         "livelihood",
         "Register a technician: {name, phone, speciality, region_code (their township)}",
         true,
         {},
         "TechnicianInput",
         "Technician",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(
               in, read_all(*b, [](const json& b) -> Result<Technician> {
                 Technician t;
                 LZ_TRY(patch_texts(
                     b, {{"name", &t.name}, {"phone", &t.phone}, {"speciality", &t.speciality}}));
                 LZ_READ(reg, region(b, "region_code"));
                 LZ_TRY(required(b, {"name", "region_code"}));
                 t.region_code = reg;
                 return t;
               }));
           Technician& t = *in;
           if (auto st = in_scope(c, t.region_code); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.supplies->create_technician(t, c.actor));
           return json_response(tech_out(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/technicians/{id}",
         "livelihood",
         "A technician with their current assignments",
         true,
         {},
         "",
         "Technician",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(t, visible_technician(c, *id));
           return record_response(tech_row_out(*t));
         }});

  r.add({"PATCH",
         "/api/v1/technicians/{id}",
         "livelihood",
         "Change a technician (the fields given; If-Match or version; stale: 409): {name, phone, "
         "speciality, region_code, active (false: their assignments end), assignments: "
         "[{village_code} | {cooperative_id}] (replaces the current ones from today: those left "
         "out end, new ones start; history kept)}",
         true,
         {},
         "TechnicianPatch",
         "Technician",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(row, visible_technician(c, *id));
           Technician t = row->t;
           LZ_FIELD(b, c.body());
           LZ_FIELD(version, c.expected_version(&*b));
           if (auto st = patch_texts(
                   *b, {{"name", &t.name}, {"phone", &t.phone}, {"speciality", &t.speciality}});
               !st)
             return problem(st.error(), c.lang);
           if (b->contains("region_code")) {
             LZ_FIELD(reg, region(*b, "region_code"));
             if (auto st = in_scope(c, *reg); !st) return problem(st.error(), c.lang);
             t.region_code = *reg;
           }
           LZ_FIELD(active, flag(*b, "active"));
           if (*active) t.active = **active;
           std::optional<std::vector<TechnicianAssignment>> targets;
           if (b->contains("assignments")) {
             const json& list = (*b)["assignments"];
             if (!list.is_array())
               return problem(invalid("request.field_type", "assignments",
                                      "assignments应为[{village_code}或{cooperative_id}]",
                                      "assignments must be a list of {village_code} or "
                                      "{cooperative_id}"),
                              c.lang);
             targets.emplace();
             for (size_t i = 0; i < list.size(); ++i) {
               std::string at = fmt::format("assignments[{}]", i);
               if (!list[i].is_object())
                 return problem(
                     invalid("request.field_type", at, "每项应为{village_code}或{cooperative_id}",
                             "each item must be {village_code} or {cooperative_id}"),
                     c.lang);
               TechnicianAssignment a;
               auto coop = body_int(list[i], "cooperative_id");
               if (!coop) {
                 Error e = coop.error();
                 return problem(e.at(at), c.lang);
               }
               a.cooperative_id = *coop;
               if (list[i].contains("village_code") && !list[i]["village_code"].is_null()) {
                 auto v = region(list[i], "village_code");
                 if (!v) {
                   Error e = v.error();
                   return problem(e.at(at), c.lang);
                 }
                 a.village_code = *v;
                 if (auto st = in_scope(c, a.village_code); !st) {
                   Error e = st.error();
                   e.field = at + ".village_code";
                   return problem(e, c.lang);
                 }
               }
               if (a.cooperative_id) {
                 auto x = c.svc.supplies_store->cooperative(*a.cooperative_id);
                 if (!x || !c.scope.covers(x->region_code)) {
                   Error e = not_in_scope("合作社", "cooperative", *a.cooperative_id);
                   e.field = at + ".cooperative_id";
                   return problem(e, c.lang);
                 }
               }
               targets->push_back(a);
             }
           }
           LZ_FIELD(res, c.svc.supplies->update_technician(t, *version, targets, c.actor));
           return record_response(tech_row_out(*res));
         }});

  r.add({"POST",
         "/api/v1/technicians/{id}/assignments",
         "livelihood",
         "Assign a technician to a village or a cooperative: {village_code | cooperative_id, from, "
         "note}",
         true,
         {},
         "AssignmentInput",
         "TechnicianAssignment",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           auto t = c.svc.supplies_store->technician(*id);
           if (!t || !c.scope.covers(t->region_code))
             return problem(not_in_scope("农技员", "technician", *id), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<TechnicianAssignment> {
                      TechnicianAssignment a;
                      LZ_READ(coop, body_int(b, "cooperative_id"));
                      LZ_READ(village, region(b, "village_code"));
                      LZ_READ(from, body_date(b, "from"));
                      LZ_READ(note, body_str(b, "note"));
                      a.cooperative_id = coop;
                      a.village_code = village;
                      if (from) a.from = *from;
                      a.note = note;
                      return a;
                    }));
           TechnicianAssignment& a = *in;
           a.technician_id = *id;
           if (!a.village_code.empty())
             if (auto st = in_scope(c, a.village_code); !st) return problem(st.error(), c.lang);
           if (a.cooperative_id) {
             auto x = c.svc.supplies_store->cooperative(*a.cooperative_id);
             if (!x || !c.scope.covers(x->region_code))
               return problem(not_in_scope("合作社", "cooperative", *a.cooperative_id), c.lang);
           }
           LZ_FIELD(res, c.svc.supplies->assign(a, c.actor));
           return json_response(assignment_out(*res), 201);
         }});

  // ------------------------------------------------------------ requests
  r.add({"GET",
         "/api/v1/supply-requests",
         "livelihood",
         "Requests for spring-farming supplies, soonest needed first",
         true,
         with_region(
             {{"item", "query", "string", "seed | fertilizer | sprayer | plastic_film | pesticide"},
              {"state", "query", "string", "open | partly | fulfilled | outstanding"}}),
         "",
         "SupplyRequest",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(p, prefix(c));
           if (!*p) return list_response(json::array(), 0);
           SStore::RequestQuery q;
           q.region_prefix = **p;
           q.item = c.q_or("item", "");
           q.state = c.q_or("state", "");
           if (!q.state.empty() && q.state != "open" && q.state != "partly" &&
               q.state != "fulfilled" && q.state != "outstanding")
             return problem(bad_parameter("state", "state应为open、partly、fulfilled或outstanding",
                                          "state must be open, partly, fulfilled or outstanding"),
                            c.lang);
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.supplies_store->requests(q));
           json items = json::array();
           for (const auto& x : res->items) items.push_back(request_out(x));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/supply-requests",
         "livelihood",
         "Record a request: {cooperative_id | household_id, item, quantity (in the item's unit), "
         "needed_by, note}",
         true,
         {},
         "SupplyRequestInput",
         "SupplyRequest",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<SupplyRequest> {
                      SupplyRequest x;
                      LZ_READ(coop, body_int(b, "cooperative_id"));
                      LZ_READ(hh, body_int(b, "household_id"));
                      LZ_READ(needed, body_date(b, "needed_by"));
                      LZ_READ(note, body_str(b, "note"));
                      LZ_READ(iq, item_quantity(b));
                      LZ_TRY(required(b, {"item", "needed_by"}));
                      x.cooperative_id = coop;
                      x.household_id = hh;
                      x.item = iq.item->id;
                      x.quantity = iq.quantity;
                      x.needed_by = *needed;
                      x.note = note;
                      return x;
                    }));
           SupplyRequest& x = *in;
           // The requester must be the user's to speak for.
           if (x.cooperative_id) {
             auto co = c.svc.supplies_store->cooperative(*x.cooperative_id);
             if (!co || !c.scope.covers(co->region_code))
               return problem(not_in_scope("合作社", "cooperative", *x.cooperative_id), c.lang);
           } else if (x.household_id) {
             auto reg = c.svc.supplies_store->household_region(*x.household_id);
             bool ok = false;
             if (reg) {
               auto vis = household_visible(c, *x.household_id, *reg);
               ok = vis && *vis;
             }
             if (!ok) return problem(not_in_scope("农户", "household", *x.household_id), c.lang);
           }
           LZ_FIELD(res, c.svc.supplies->create_request(x, c.actor));
           return json_response(request_out(*res), 201);
         }});

  // ------------------------------------------------------------ distributions
  r.add({"GET",
         "/api/v1/supply-distributions",
         "livelihood",
         "Distributions, newest first",
         true,
         with_region({{"depot_id", "query", "integer", "One depot's"},
                      {"request_id", "query", "integer", "Against one request"},
                      {"from", "query", "string", "From (YYYY-MM-DD)"},
                      {"to", "query", "string", "To (YYYY-MM-DD, inclusive)"}}),
         "",
         "Distribution",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(p, prefix(c));
           if (!*p) return list_response(json::array(), 0);
           SStore::DistributionQuery q;
           q.region_prefix = **p;
           LZ_FIELD(depot, c.q_int("depot_id", 1, INT64_MAX));
           LZ_FIELD(req, c.q_int("request_id", 1, INT64_MAX));
           q.depot_id = *depot;
           q.request_id = *req;
           for (const char* k : {"from", "to"}) {
             LZ_FIELD(d, c.q_date(k));
             if (*d) (std::string_view(k) == "from" ? q.from : q.to) = **d;
           }
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.supplies_store->distributions(q));
           json items = json::array();
           for (const auto& x : res->items) items.push_back(dist_out(x));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/supply-distributions",
         "livelihood",
         "Distribute from a depot: {depot_id, item, quantity, on, request_id, recipient, note}. "
         "Refused (409, nothing "
         "written) if the depot has less in stock, or if it is more than the request still needs",
         true,
         {},
         "DistributionInput",
         "Distribution",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(b, c.body());
           LZ_FIELD(in, read_all(*b, [](const json& b) -> Result<Distribution> {
                      Distribution d;
                      LZ_READ(depot, body_int(b, "depot_id"));
                      LZ_READ(on, body_date(b, "on"));
                      LZ_READ(req, body_int(b, "request_id"));
                      LZ_READ(recipient, body_str(b, "recipient"));
                      LZ_READ(note, body_str(b, "note"));
                      LZ_READ(iq, item_quantity(b));
                      if (!depot)
                        return invalid("request.field_required", "depot_id", "请选择仓库",
                                       "depot_id is required");
                      LZ_TRY(required(b, {"item"}));
                      d.depot_id = *depot;
                      d.item = iq.item->id;
                      d.quantity = iq.quantity;
                      if (on) d.on = *on;
                      d.request_id = req;
                      d.recipient = recipient;
                      d.note = note;
                      return d;
                    }));
           Distribution& d = *in;
           LZ_FIELD(dep, visible_depot(c, d.depot_id));
           if (d.request_id) {
             auto rq = c.svc.supplies_store->request(*d.request_id);
             if (!rq || !c.scope.covers(rq->region_code))
               return problem(not_in_scope("物资申请", "supply request", *d.request_id), c.lang);
           }
           LZ_FIELD(res, c.svc.supplies->distribute(d, c.actor));
           json j = dist_out(*res);
           auto left = c.svc.supplies_store->stock("", d.depot_id);
           if (left)
             for (const auto& s : *left)
               if (s.item == d.item) j["stock_left"] = to_units(s.quantity);
           if (d.request_id) {
             auto rq = c.svc.supplies_store->request(*d.request_id);
             if (rq) j["request"] = request_out(*rq);
           }
           return json_response(j, 201);
         }});
}

void add_supplies_schemas(json& s) {
  const json str = {{"type", "string"}}, nstr = {{"type", {"string", "null"}}},
             integer = {{"type", "integer"}}, nint = {{"type", {"integer", "null"}}},
             num = {{"type", "number"}}, boolean = {{"type", "boolean"}}, arr = {{"type", "array"}},
             object = {{"type", "object"}};
  auto obj = [](json props) { return json{{"type", "object"}, {"properties", std::move(props)}}; };
  s["SupplyItem"] =
      obj({{"id", str}, {"label", str}, {"unit", str}, {"unit_label", str}, {"whole", boolean}});
  json depot = {{"id", integer},      {"name", str},         {"region_code", str},
                {"keeper_name", str}, {"keeper_phone", str}, {"address", str}};
  json din = depot;
  din.erase("id");
  s["DepotInput"] = obj(din);
  din["active"] = boolean;
  din["version"] = integer;
  s["DepotPatch"] = obj(din);
  depot["active"] = boolean;
  depot["version"] = integer;
  s["Depot"] = obj(depot);
  depot["stock"] = {{"type", "array"},
                    {"items", obj({{"item", str}, {"quantity", num}, {"unit", str}})}};
  s["DepotDetail"] = obj(depot);
  s["ReceiptInput"] = obj({{"item", str}, {"quantity", num}, {"on", str}, {"source", str}});
  s["StockLevel"] = obj({{"depot_id", integer}, {"item", str}, {"quantity", num}, {"unit", str}});
  s["StockReport"] = obj({{"totals", object}, {"depots", arr}});
  json coop = {{"id", integer},      {"name", str},         {"region_code", str},
               {"leader_name", str}, {"leader_phone", str}, {"members", integer},
               {"produce", str}};
  coop["active"] = boolean;
  coop["version"] = integer;
  s["Cooperative"] = obj(coop);
  coop.erase("id");
  s["CooperativePatch"] = obj(coop);
  coop.erase("active");
  coop.erase("version");
  s["CooperativeInput"] = obj(coop);
  json assignment = {{"id", integer},        {"technician_id", integer},
                     {"village_code", nstr}, {"cooperative_id", nint},
                     {"from", str},          {"note", str}};
  s["TechnicianAssignment"] = obj(assignment);
  s["AssignmentInput"] =
      obj({{"village_code", str}, {"cooperative_id", integer}, {"from", str}, {"note", str}});
  json tech = {
      {"id", integer}, {"name", str}, {"phone", str}, {"speciality", str}, {"region_code", str}};
  json tin = tech;
  tin.erase("id");
  s["TechnicianInput"] = obj(tin);
  tin["active"] = boolean;
  tin["version"] = integer;
  tin["assignments"] = {{"type", "array"},
                        {"items", obj({{"village_code", str}, {"cooperative_id", integer}})}};
  s["TechnicianPatch"] = obj(tin);
  tech["active"] = boolean;
  tech["version"] = integer;
  tech["assignments"] = {{"type", "array"},
                         {"items", {{"$ref", "#/components/schemas/TechnicianAssignment"}}}};
  s["Technician"] = obj(tech);
  s["SupplyRequest"] = obj({{"id", integer},
                            {"cooperative_id", nint},
                            {"household_id", nint},
                            {"region_code", str},
                            {"item", str},
                            {"unit", str},
                            {"quantity", num},
                            {"fulfilled", num},
                            {"outstanding", num},
                            {"state", str},
                            {"needed_by", str},
                            {"requested_on", str},
                            {"note", str}});
  s["SupplyRequestInput"] = obj({{"cooperative_id", integer},
                                 {"household_id", integer},
                                 {"item", str},
                                 {"quantity", num},
                                 {"needed_by", str},
                                 {"note", str}});
  json dist = {{"id", integer},      {"depot_id", integer}, {"item", str},
               {"unit", str},        {"quantity", num},     {"on", str},
               {"request_id", nint}, {"recipient", str},    {"region_code", str},
               {"note", str}};
  s["DistributionInput"] = obj({{"depot_id", integer},
                                {"item", str},
                                {"quantity", num},
                                {"on", str},
                                {"request_id", integer},
                                {"recipient", str},
                                {"note", str}});
  dist["stock_left"] = num;
  dist["request"] = {{"$ref", "#/components/schemas/SupplyRequest"}};
  s["Distribution"] = obj(dist);
}

}  // namespace lz::http
