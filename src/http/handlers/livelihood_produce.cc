// Livelihood front: produce routes (see README "Livelihood front API"):
// listings of unsold produce, purchase points and their daily prices,
// purchases, backstop buyers and the dispatch, unsold produce per township,
// and the public (no sign-in) page of what a township has for sale today.
#include <fmt/format.h>

#include <cmath>

#include "core/region_code.h"
#include "http/handlers/livelihood_common.h"
#include "http/region_names.h"
#include "livelihood/produce_json.h"
#include "livelihood/units.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::livelihood;

namespace {

// ---------------------------------------------------------------- body readers

Error field_error(const std::string& field, const std::string& zh, const std::string& en) {
  return invalid("request.field", field, zh, en);
}

Result<std::string> str_field(const json& b, const char* key, bool required = false) {
  if (!b.contains(key) || b[key].is_null()) {
    if (required)
      return field_error(key, fmt::format("请填写{}", key), fmt::format("{} is required", key));
    return std::string();
  }
  if (!b[key].is_string())
    return field_error(key, fmt::format("{}应为文字", key),
                       fmt::format("{} must be a string", key));
  return b[key].get<std::string>();
}

Result<std::optional<double>> num_field(const json& b, const char* key) {
  if (!b.contains(key) || b[key].is_null()) return std::optional<double>();
  if (!b[key].is_number())
    return field_error(key, fmt::format("{}应为数字", key),
                       fmt::format("{} must be a number", key));
  return std::optional<double>(b[key].get<double>());
}

Result<std::optional<int64_t>> id_field(const json& b, const char* key) {
  if (!b.contains(key) || b[key].is_null()) return std::optional<int64_t>();
  if (!b[key].is_number_integer() || b[key].get<int64_t>() <= 0)
    return field_error(key, fmt::format("{}应为正整数", key),
                       fmt::format("{} must be a positive integer", key));
  return std::optional<int64_t>(b[key].get<int64_t>());
}

Result<std::optional<Date>> date_field(const json& b, const char* key) {
  auto s = str_field(b, key);
  if (!s) return s.error();
  if (s->empty()) return std::optional<Date>();
  auto d = Date::parse_iso(*s);
  if (!d)
    return field_error(key, fmt::format("{}应为YYYY-MM-DD格式的日期", key),
                       fmt::format("{} must be YYYY-MM-DD", key));
  return std::optional<Date>(*d);
}

// A number field as a whole amount (jin -> grams, yuan -> fen): nullopt when
// absent; the field error in the words of `zh`/`en` ("{}" is the key) when
// convert() refuses the number.
template <typename Convert>
Result<std::optional<int64_t>> amount_field(const json& b, const char* key, Convert convert,
                                            const char* zh, const char* en) {
  auto n = num_field(b, key);
  if (!n) return n.error();
  if (!*n) return std::optional<int64_t>();
  auto v = convert(**n);
  if (!v)
    return field_error(key, fmt::format(fmt::runtime(zh), key), fmt::format(fmt::runtime(en), key));
  return std::optional<int64_t>(*v);
}

Result<std::optional<int64_t>> jin_field(const json& b, const char* key) {
  return amount_field(b, key, jin_to_grams, "{}应为0到10亿之间的斤数",
                      "{} must be jin from 0 to 10^9");
}

Result<std::optional<int64_t>> yuan_field(const json& b, const char* key) {
  return amount_field(b, key, yuan_to_fen, "{}应为不小于0的金额（元）",
                      "{} must be yuan, 0 or more");
}

Result<std::optional<bool>> bool_field(const json& b, const char* key) {
  if (!b.contains(key) || b[key].is_null()) return std::optional<bool>();
  if (!b[key].is_boolean())
    return field_error(key, fmt::format("{}应为true或false", key),
                       fmt::format("{} must be true or false", key));
  return std::optional<bool>(b[key].get<bool>());
}

// floor_prices [{kind, price}] of a buyer's body into `x` (when given).
Status floor_prices_field(const json& b, BackstopBuyer& x) {
  if (!b.contains("floor_prices")) return {};
  if (!b["floor_prices"].is_array())
    return field_error("floor_prices", "floor_prices应为[{kind, price}]",
                       "floor_prices must be a list of {kind, price}");
  x.floor_fen_per_jin.clear();
  for (size_t i = 0; i < b["floor_prices"].size(); ++i) {
    const json& f = b["floor_prices"][i];
    std::string at = fmt::format("floor_prices[{}]", i);
    if (!f.is_object())
      return field_error(at, "每项应为{kind, price}", "each item must be {kind, price}");
    auto kind = str_field(f, "kind", true);
    if (!kind) {
      Error e = kind.error();
      return e.at(at);
    }
    auto fen = yuan_field(f, "price");
    if (!fen) {
      Error e = fen.error();
      return e.at(at);
    }
    if (x.floor_fen_per_jin.contains(*kind))
      return field_error(at + ".kind", "同一品种填写了两次", "The same kind is given twice");
    x.floor_fen_per_jin[*kind] = fen->value_or(0);
  }
  return {};
}

#define LZ_GET(var, expr)                                \
  auto var##_r = (expr);                                 \
  if (!var##_r) return problem(var##_r.error(), c.lang); \
  auto var = std::move(*var##_r)

Result<Date> day_param(const Ctx& c, const char* name = "date") {
  auto d = c.q_date(name);
  if (!d) return d.error();
  if (!*d) return c.svc.produce->today();
  return **d;
}

Result<std::string> region_field(const Ctx& c, const json& b) {
  auto s = str_field(b, "region_code", true);
  if (!s) return s.error();
  auto code = RegionCode::parse(*s, "region_code");
  if (!code) return code.error();
  if (!c.scope.covers(code->str()))
    return invalid("region.out_of_scope", "region_code",
                   fmt::format("区划{}不在您的管辖范围内", code->str()),
                   fmt::format("Region {} is outside your jurisdiction", code->str()));
  return code->str();
}

bool is_operator(const Ctx& c) {
  return c.scope.role == Role::kPurchasePointOperator;
}

// The list prefix for livelihood readers; nullopt: disjoint (empty list).
Result<std::optional<std::string>> produce_prefix(const Ctx& c) {
  return list_prefix(c);
}

// ---------------------------------------------------------------- visibility

bool point_visible(const Ctx& c, const PurchasePoint& p) {
  if (is_operator(c)) return c.scope.purchase_point_id == p.id;
  return c.scope.livelihood && !c.scope.paired_only && c.scope.covers(p.region_code);
}

Result<PurchasePoint> visible_point(Ctx& c, int64_t id) {
  auto p = c.svc.produce_store->point(id);
  if (!p || !point_visible(c, *p)) return not_in_scope("收购点", "purchase point", id);
  return p;
}

Result<Listing> visible_listing(Ctx& c, int64_t id) {
  auto l = c.svc.produce_store->listing(id);
  if (!l) return not_in_scope("待售信息", "listing", id);
  auto v = household_visible(c, l->household_id, l->region_code);
  if (!v || !*v) return not_in_scope("待售信息", "listing", id);
  return l;
}

Status require_reader(const Ctx& c) {
  if (is_operator(c)) return {};
  return require_livelihood(c);
}

// ---------------------------------------------------------------- output

json purchase_out(const app::PurchaseOutcome& o) {
  json j = to_json(o.purchase);
  if (o.listing) j["listing"] = to_json(*o.listing);
  j["income"] = {
      {"year", o.year},
      {"business_before",
       o.business_before_fen ? json(fen_to_yuan(*o.business_before_fen)) : json(nullptr)},
      {"business_after", fen_to_yuan(o.business_after_fen)}};
  json check = nullptr;
  if (!o.poverty_status.empty()) {
    check = {{"status", o.poverty_status}};
    if (o.income_outcome)
      check["income_above_line"] = {{"outcome", poverty::id(*o.income_outcome)},
                                    {"reason_zh", o.income_reason_zh},
                                    {"reason_en", o.income_reason_en}};
  }
  j["poverty_check"] = check;
  return j;
}

json unsold_out(Services& svc, const std::vector<sqlite::TownshipUnsold>& rows) {
  json items = json::array();
  for (const auto& t : rows) {
    json kinds = json::array();
    for (const auto& [k, g] : t.grams_by_kind)
      kinds.push_back({{"kind", kind_json(k)}, {"jin", grams_to_jin(g)}});
    items.push_back({{"township_code", t.township_code},
                     {"township", region_name_of(svc, t.township_code)},
                     {"listings", t.listings},
                     {"jin", grams_to_jin(t.grams)},
                     {"past_sell_by_listings", t.past_sell_by_listings},
                     {"past_sell_by_jin", grams_to_jin(t.past_sell_by_grams)},
                     {"kinds", kinds}});
  }
  return items;
}

// The public view of a township: villages and kinds only (no names, ID
// numbers, phones or household numbers), and its purchase points' places
// and prices of the day.
Result<json> public_view(Ctx& c, Date d) {
  auto code = RegionCode::parse(c.params["code"], "code");
  const std::string town = code ? region_name_of(c.svc, code->str()) : "";
  if (!code || town.empty() || code->level() != RegionLevel::kTownship)
    return not_found("not_found", "code", fmt::format("乡镇“{}”不存在", c.params["code"]),
                     fmt::format("There is no township \"{}\"", c.params["code"]));
  auto offers = c.svc.produce_store->public_offers(code->str(), d);
  if (!offers) return offers.error();
  json items = json::array();
  int64_t total = 0;
  for (const auto& o : *offers) {
    total += o.grams;
    items.push_back(
        {{"village_code", o.village_code},
         {"village", region_name_of(c.svc, o.village_code)},
         {"kind", kind_json(o.kind)},
         {"jin", grams_to_jin(o.grams)},
         {"listings", o.listings},
         {"price_min", o.min_price_fen ? json(fen_to_yuan(*o.min_price_fen)) : json(nullptr)},
         {"price_max", o.max_price_fen ? json(fen_to_yuan(*o.max_price_fen)) : json(nullptr)},
         {"sell_by", o.earliest_sell_by.iso()}});
  }
  auto pts = c.svc.produce_store->points(code->str());
  if (!pts) return pts.error();
  json points = json::array();
  for (const auto& p : *pts) {
    if (!p.active) continue;
    auto prices = c.svc.produce_store->prices(p.id, d);
    if (!prices) return prices.error();
    json pr = json::array();
    for (const auto& x : *prices)
      pr.push_back({{"kind", kind_json(x.kind)}, {"price", fen_to_yuan(x.fen_per_jin)}});
    points.push_back({{"name", p.name}, {"place", p.place}, {"prices", pr}});
  }
  return json{{"township", {{"code", code->str()}, {"name", town}}},
              {"date", d.iso()},
              {"total_jin", grams_to_jin(total)},
              {"offers", items},
              {"purchase_points", points}};
}

std::string esc(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string jin_text(double jin) {
  return format_jin(static_cast<int64_t>(std::llround(jin * kGramsPerJin)));
}

std::string public_html(const json& v) {
  std::string rows;
  for (const auto& o : v["offers"]) {
    std::string price = "面议";
    if (o["price_min"].is_number()) {
      double lo = o["price_min"], hi = o["price_max"];
      price = lo == hi ? fmt::format("{:.2f}元/斤", lo) : fmt::format("{:.2f}–{:.2f}元/斤", lo, hi);
    }
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"n\">{}斤</td><td>{}</td><td>{}</td></tr>",
        esc(o["village"].get<std::string>()), esc(o["kind"]["zh"].get<std::string>()),
        jin_text(o["jin"]), price, esc(o["sell_by"].get<std::string>()).substr(5));
  }
  if (rows.empty()) rows = "<tr><td colspan=\"5\">今日暂无待售农产品</td></tr>";
  std::string points;
  for (const auto& p : v["purchase_points"]) {
    std::string prices;
    for (const auto& x : p["prices"])
      prices += fmt::format("{} {:.2f}元/斤　", esc(x["kind"]["zh"].get<std::string>()),
                            x["price"].get<double>());
    points += fmt::format(
        "<li><b>{}</b>{}<br><small>{}</small></li>", esc(p["name"].get<std::string>()),
        p["place"].get<std::string>().empty() ? ""
                                              : "（" + esc(p["place"].get<std::string>()) + "）",
        prices.empty() ? "今日收购价待定" : prices);
  }
  std::string name = esc(v["township"]["name"].get<std::string>());
  return fmt::format(
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>{0}今日待售农产品</title>"
      "<style>body{{font-family:\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft "
      "YaHei\",sans-serif;margin:0;"
      "padding:12px;color:#222;background:#fafafa}}h1{{font-size:20px;color:#2e7d32;margin:4px 0}}"
      "p{{margin:4px "
      "0;color:#555;font-size:14px}}table{{width:100%;border-collapse:collapse;background:#fff;"
      "font-size:15px}}th,td{{padding:8px 4px;border-bottom:1px solid "
      "#e0e0e0;text-align:left}}th{{color:#555;"
      "font-weight:normal;font-size:13px}}td.n{{text-align:right;white-space:nowrap}}h2{{font-size:"
      "17px;"
      "margin:16px 0 6px}}ul{{padding-left:18px;margin:0}}li{{margin:6px 0}}small{{color:#555}}"
      "footer{{margin-top:16px;font-size:12px;color:#888}}</style></head><body>"
      "<h1>{0}今日待售农产品</h1><p>{1}　共{2}斤　欢迎各单位食堂、商超和市民选购</p>"
      "<table><thead><tr><th>村（社区）</th><th>品种</th><th class=\"n\">数量</th><th>期望价格</th>"
      "<th>最晚</th></tr></thead><tbody>{3}</tbody></table>"
      "<h2>收购点及今日收购价</h2><ul>{4}</ul>"
      "<footer>购买请联系所在村委会或乡镇产销对接专班。本页仅列村名和品种，不含个人信息。</footer>"
      "</body></html>",
      name, esc(v["date"].get<std::string>()), jin_text(v["total_jin"]), rows,
      points.empty() ? "<li>本镇暂无收购点</li>" : points);
}

}  // namespace

void add_produce_schemas(json& s) {
  const json str = {{"type", "string"}}, num = {{"type", "number"}},
             integer = {{"type", "integer"}}, boolean = {{"type", "boolean"}},
             date = {{"type", "string"}, {"format", "date"}};
  const json label = {{"type", "object"}, {"properties", {{"id", str}, {"zh", str}, {"en", str}}}};
  s["ProduceKind"] = {
      {"type", "object"},
      {"properties", {{"id", str}, {"zh", str}, {"en", str}, {"vegetable", boolean}}}};
  s["ProduceListingInput"] = {{"type", "object"},
                              {"required", {"household_id", "kind", "jin", "sell_by"}},
                              {"properties",
                               {{"household_id", integer},
                                {"kind", str},
                                {"jin", num},
                                {"expected_price", num},
                                {"listed_on", date},
                                {"sell_by", date},
                                {"note", str}}}};
  s["ProduceListing"] = {
      {"type", "object"},
      {"properties",
       {{"id", integer},
        {"household_id", integer},
        {"region_code", str},
        {"kind", str},
        {"kind_label", label},
        {"jin", num},
        {"remaining_jin", num},
        {"expected_price", num},
        {"listed_on", date},
        {"sell_by", date},
        {"status", {{"type", "string"}, {"enum", {"open", "sold", "withdrawn"}}}},
        {"closed_on", date},
        {"note", str},
        {"version", integer}}}};
  s["PurchasePointInput"] = {{"type", "object"},
                             {"required", {"name", "region_code", "capacity_jin"}},
                             {"properties",
                              {{"name", str},
                               {"place", str},
                               {"region_code", str},
                               {"operator_name", str},
                               {"phone", str},
                               {"capacity_jin", num},
                               {"checkpoint_id", integer}}}};
  s["Seller"] = {
      {"type", "object"},
      {"properties",
       {{"household_id", integer},
        {"number", str},
        {"region_code", str},
        {"village", str},
        {"head", {{"type", "object"}}},
        {"listings",
         {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/ProduceListing"}}}}}}}};
  s["PurchasePointPatch"] = {{"type", "object"},
                             {"properties",
                              {{"name", str},
                               {"place", str},
                               {"region_code", str},
                               {"operator_name", str},
                               {"phone", str},
                               {"capacity_jin", num},
                               {"checkpoint_id", {{"type", {"integer", "null"}}}},
                               {"active", boolean},
                               {"version", integer}}}};
  s["PurchasePoint"] = {{"type", "object"},
                        {"properties",
                         {{"id", integer},
                          {"name", str},
                          {"place", str},
                          {"region_code", str},
                          {"operator_name", str},
                          {"phone", str},
                          {"capacity_jin", num},
                          {"checkpoint_id", integer},
                          {"active", boolean},
                          {"bought_jin_today", num},
                          {"version", integer}}}};
  const json price = {{"type", "object"}, {"properties", {{"kind", str}, {"price", num}}}};
  s["PriceList"] = {
      {"type", "object"},
      {"required", {"prices"}},
      {"properties",
       {{"point_id", integer}, {"date", date}, {"prices", {{"type", "array"}, {"items", price}}}}}};
  s["PurchaseInput"] = {{"type", "object"},
                        {"required", {"point_id", "jin"}},
                        {"properties",
                         {{"point_id", integer},
                          {"listing_id", integer},
                          {"household_id", integer},
                          {"kind", str},
                          {"jin", num},
                          {"price", num},
                          {"on", date},
                          {"note", str}}}};
  s["Purchase"] = {{"type", "object"},
                   {"properties",
                    {{"id", integer},
                     {"point_id", integer},
                     {"buyer_id", integer},
                     {"listing_id", integer},
                     {"household_id", integer},
                     {"region_code", str},
                     {"kind", str},
                     {"jin", num},
                     {"price", num},
                     {"amount", num},
                     {"on", date},
                     {"poor", boolean},
                     {"note", str},
                     {"income", {{"type", "object"}}},
                     {"poverty_check", {{"type", "object"}}},
                     {"listing", {{"$ref", "#/components/schemas/ProduceListing"}}}}}};
  s["BackstopBuyerInput"] = {{"type", "object"},
                             {"required", {"name", "region_code", "capacity_jin", "floor_prices"}},
                             {"properties",
                              {{"name", str},
                               {"unit", str},
                               {"region_code", str},
                               {"capacity_jin", num},
                               {"floor_prices", {{"type", "array"}, {"items", price}}}}}};
  s["BackstopBuyerPatch"] = {{"type", "object"},
                             {"properties",
                              {{"name", str},
                               {"unit", str},
                               {"region_code", str},
                               {"capacity_jin", num},
                               {"floor_prices", {{"type", "array"}, {"items", price}}},
                               {"active", boolean},
                               {"version", integer}}}};
  s["BackstopBuyer"] = {{"type", "object"},
                        {"properties",
                         {{"id", integer},
                          {"name", str},
                          {"unit", str},
                          {"region_code", str},
                          {"capacity_jin", num},
                          {"floor_prices", {{"type", "array"}, {"items", price}}},
                          {"active", boolean},
                          {"version", integer}}}};
  s["BackstopDispatchInput"] = {
      {"type", "object"},
      {"properties", {{"date", date}, {"within_days", integer}, {"region_code", str}}}};
  s["UnsoldByTownship"] = {{"type", "object"},
                           {"properties",
                            {{"township_code", str},
                             {"township", str},
                             {"listings", integer},
                             {"jin", num},
                             {"past_sell_by_listings", integer},
                             {"past_sell_by_jin", num},
                             {"kinds", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  s["BackstopDispatch"] = {
      {"type", "object"},
      {"properties",
       {{"date", date},
        {"within_days", integer},
        {"jin", num},
        {"amount", num},
        {"purchases", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Purchase"}}}}},
        {"risk_cases", {{"type", "array"}, {"items", integer}}},
        {"skipped", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"unsold",
         {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/UnsoldByTownship"}}}}}}}};
  s["PublicProduce"] = {
      {"type", "object"},
      {"properties",
       {{"township", {{"type", "object"}}},
        {"date", date},
        {"total_jin", num},
        {"offers", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"purchase_points", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
}

void add_produce_routes(Router& r) {
  r.add(
      {"GET",
       "/api/v1/produce/kinds",
       "livelihood",
       "The kinds of produce (ids with Chinese and English labels)",
       true,
       {},
       "",
       "ProduceKind",
       true,
       {},
       [](Ctx&) -> HttpResponse {
         json items = json::array();
         for (const auto& k : produce_kinds())
           items.push_back({{"id", k.id}, {"zh", k.zh}, {"en", k.en}, {"vegetable", k.vegetable}});
         return list_response(items, static_cast<int64_t>(items.size()));
       }});

  // ---- listings
  r.add({"GET",
         "/api/v1/produce/listings",
         "livelihood",
         "Listings of unsold produce in the jurisdiction (a paired cadre: their households), "
         "soonest sell-by first",
         true,
         {{"region", "query", "string", "region-code prefix inside the jurisdiction"},
          {"status", "query", "string", "open | sold | withdrawn"},
          {"kind", "query", "string", "kind id"},
          {"household_id", "query", "integer", ""},
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "ProduceListing",
         true,
         {403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_GET(prefix, produce_prefix(c));
           if (!prefix) return list_response(json::array(), 0);
           sqlite::ListingFilter f;
           f.region_prefix = *prefix;
           if (auto s = c.q("status"); s && !s->empty()) {
             f.status = parse_listing_status(*s);
             if (!f.status)
               return problem(bad_parameter("status", "status应为open、sold或withdrawn",
                                            "status must be open, sold or withdrawn"),
                              c.lang);
           }
           if (auto k = c.q("kind"); k && !k->empty()) {
             const ProduceKind* pk = find_produce_kind(*k);
             if (!pk)
               return problem(bad_parameter("kind", fmt::format("未知的品种“{}”", *k),
                                            fmt::format("Unknown kind \"{}\"", *k)),
                              c.lang);
             f.kind = pk->id;
           }
           LZ_GET(hid, c.q_int("household_id", 1, INT64_MAX));
           f.household_id = hid;
           if (auto st = c.paging(f.limit, f.offset); !st) return problem(st.error(), c.lang);
           if (c.scope.paired_only) {
             f.households_only = true;
             if (c.scope.cadre_id) {
               LZ_GET(ids, c.svc.produce_store->paired_households(*c.scope.cadre_id));
               f.household_ids = std::move(ids);
             }
           }
           LZ_GET(res, c.svc.produce_store->listings(f));
           json items = json::array();
           for (const auto& l : res.items) items.push_back(to_json(l));
           return list_response(items, res.total);
         }});

  r.add({"POST",
         "/api/v1/produce/listings",
         "livelihood",
         "List a household's unsold produce: {household_id, kind, jin, expected_price (yuan/jin), "
         "sell_by, listed_on, "
         "note}. Village and paired cadres for their households; county and township users in "
         "their region.",
         true,
         {},
         "ProduceListingInput",
         "ProduceListing",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true); !st) return problem(st.error(), c.lang);
           LZ_GET(b, c.body());
           LZ_GET(l, read_all(b, [](const json& b) -> Result<Listing> {
                    Listing l;
                    LZ_READ(hid, id_field(b, "household_id"));
                    LZ_READ(kind, str_field(b, "kind"));
                    LZ_READ(grams, jin_field(b, "jin"));
                    LZ_READ(price, yuan_field(b, "expected_price"));
                    LZ_READ(listed, date_field(b, "listed_on"));
                    LZ_READ(sell_by, date_field(b, "sell_by"));
                    LZ_READ(note, str_field(b, "note"));
                    if (!hid)
                      return field_error("household_id", "请填写农户（household_id）",
                                         "household_id is required");
                    if (auto k = str_field(b, "kind", true); !k) return k.error();
                    l.household_id = *hid;
                    l.kind = kind;
                    l.grams = grams.value_or(0);
                    l.expected_fen_per_jin = price;
                    if (listed) l.listed_on = *listed;
                    if (sell_by) l.sell_by = *sell_by;
                    l.note = note;
                    return l;
                  }));
           LZ_GET(h, c.svc.produce_store->household(l.household_id));
           LZ_GET(vis, household_visible(c, h.id, h.region_code));
           if (!vis) return problem(not_in_scope("户", "household", l.household_id), c.lang);
           LZ_GET(saved, c.svc.produce->add_listing(l, c.actor));
           return record_response(to_json(saved), 201);
         }});

  r.add({"GET",
         "/api/v1/produce/listings/{id}",
         "livelihood",
         "One listing",
         true,
         {},
         "",
         "ProduceListing",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           LZ_GET(l, visible_listing(c, id));
           return record_response(to_json(l));
         }});

  r.add({"POST",
         "/api/v1/produce/listings/{id}/withdraw",
         "livelihood",
         "Withdraw an open listing (what was bought stays bought); needs the version (If-Match or "
         "body)",
         true,
         {},
         "",
         "ProduceListing",
         false,
         {403, 404, 409, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           LZ_GET(l, visible_listing(c, id));
           json b = json::object();
           if (!c.req.body.empty()) {
             LZ_GET(parsed, c.body());
             b = std::move(parsed);
           }
           LZ_GET(version, c.expected_version(&b));
           LZ_GET(saved, c.svc.produce->withdraw_listing(l.id, version, c.actor));
           return record_response(to_json(saved));
         }});

  // ---- purchase points
  r.add(
      {"GET",
       "/api/v1/purchase-points",
       "livelihood",
       "Purchase points in the jurisdiction (an operator: their own), with what they bought today",
       true,
       {{"region", "query", "string", "region-code prefix"}, active_param_doc()},
       "",
       "PurchasePoint",
       true,
       {400, 403},
       [](Ctx& c) -> HttpResponse {
         if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
         LZ_GET(active, active_param(c));
         std::vector<PurchasePoint> pts;
         if (is_operator(c)) {
           if (c.scope.purchase_point_id)
             if (auto p = c.svc.produce_store->point(*c.scope.purchase_point_id)) pts.push_back(*p);
         } else {
           LZ_GET(prefix, produce_prefix(c));
           if (prefix) {
             LZ_GET(all, c.svc.produce_store->points(*prefix));
             pts = std::move(all);
           }
         }
         Date today = c.svc.produce->today();
         json items = json::array();
         for (const auto& p : pts) {
           if (active && p.active != *active) continue;
           json j = to_json(p);
           auto bought = c.svc.produce_store->bought_at_point(p.id, today);
           j["bought_jin_today"] = grams_to_jin(bought ? *bought : 0);
           items.push_back(j);
         }
         return list_response(items, static_cast<int64_t>(items.size()));
       }});

  r.add({"POST",
         "/api/v1/purchase-points",
         "livelihood",
         "Set up a purchase point: {name, place, region_code, operator_name, phone, capacity_jin "
         "(a day), "
         "checkpoint_id (optional: it sits at that checkpoint)}. County and township users.",
         true,
         {},
         "PurchasePointInput",
         "PurchasePoint",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_GET(b, c.body());
           LZ_GET(p, read_all(b, [&c](const json& b) -> Result<PurchasePoint> {
                    PurchasePoint p;
                    LZ_READ(name, str_field(b, "name"));
                    LZ_READ(place, str_field(b, "place"));
                    LZ_READ(op, str_field(b, "operator_name"));
                    LZ_READ(phone, str_field(b, "phone"));
                    LZ_READ(cap, jin_field(b, "capacity_jin"));
                    LZ_READ(cp, id_field(b, "checkpoint_id"));
                    LZ_READ(region, region_field(c, b));  // required: last
                    if (auto n = str_field(b, "name", true); !n) return n.error();
                    p.name = name;
                    p.place = place;
                    p.region_code = region;
                    p.operator_name = op;
                    p.phone = phone;
                    p.capacity_grams = cap.value_or(0);
                    p.checkpoint_id = cp;
                    return p;
                  }));
           if (auto cp = p.checkpoint_id) {
             auto k = c.svc.epidemic_store->checkpoint(*cp);
             if (!k || !c.scope.covers(k->region_code)) {
               Error e = not_in_scope("卡点", "checkpoint", *cp);
               e.field = "checkpoint_id";
               return problem(e, c.lang);
             }
             p.checkpoint_id = cp;
             if (p.place.empty()) p.place = k->location;
           }
           LZ_GET(saved, c.svc.produce->create_point(p, c.actor));
           return record_response(to_json(saved), 201);
         }});

  r.add({"GET",
         "/api/v1/purchase-points/{id}",
         "livelihood",
         "One purchase point",
         true,
         {},
         "",
         "PurchasePoint",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           LZ_GET(p, visible_point(c, id));
           json j = to_json(p);
           auto bought = c.svc.produce_store->bought_at_point(p.id, c.svc.produce->today());
           j["bought_jin_today"] = grams_to_jin(bought ? *bought : 0);
           return record_response(j);
         }});

  r.add({"GET",
         "/api/v1/purchase-points/{id}/sellers",
         "livelihood",
         "Find the selling household when recording a purchase: households with an open listing "
         "in the point's township whose household number contains q (digits), a member's ID "
         "number is q (18 characters) or whose head's name contains q; each with its open "
         "listings. ID numbers masked, phones per role. At most 20, by number.",
         true,
         {{"q", "query", "string", "Household number, head's name or ID number (2+ characters)"}},
         "",
         "Seller",
         true,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           LZ_GET(p, visible_point(c, id));
           std::string q = c.q_or("q", "");
           while (!q.empty() && q.back() == ' ') q.pop_back();
           while (!q.empty() && q.front() == ' ') q.erase(0, 1);
           if (q.size() < 2)
             return problem(bad_parameter("q", "请输入户编号、户主姓名或身份证号（至少2个字符）",
                                          "Enter a household number, the head's name or an ID "
                                          "number (2 characters or more)"),
                            c.lang);
           std::string township =
               p.region_code.substr(0, std::min<size_t>(9, p.region_code.size()));
           LZ_GET(found, c.svc.produce_store->sellers(township, q, 20));
           json items = json::array();
           for (const auto& s : found) {
             json head = {
                 {"name", s.head_name}, {"id_number", s.head_id_number}, {"phone", s.head_phone}};
             mask_person(head, c.scope);
             head.erase("masked");
             sqlite::ListingFilter f;
             f.household_id = s.household_id;
             f.status = ListingStatus::kOpen;
             f.limit = 50;
             json listings = json::array();
             if (auto ls = c.svc.produce_store->listings(f))
               for (const auto& l : ls->items)
                 if (l.remaining_grams > 0) listings.push_back(to_json(l));
             const std::string village = region_name_of(c.svc, s.region_code.substr(0, 12));
             items.push_back({{"household_id", s.household_id},
                              {"number", s.number},
                              {"region_code", s.region_code},
                              {"village", village},
                              {"head", head},
                              {"listings", listings}});
           }
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  r.add({"PATCH",
         "/api/v1/purchase-points/{id}",
         "livelihood",
         "Change a purchase point (the fields given; If-Match or version; a stale version is "
         "409): {name, place, region_code, operator_name, phone, capacity_jin, checkpoint_id "
         "(null: no longer at a checkpoint), active (false: closed, records no purchases)}. "
         "County and township users.",
         true,
         {},
         "PurchasePointPatch",
         "PurchasePoint",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           LZ_GET(p, visible_point(c, id));
           LZ_GET(b, c.body());
           LZ_GET(version, c.expected_version(&b));
           for (auto [key, dst] : {std::pair{"name", &p.name},
                                   {"place", &p.place},
                                   {"operator_name", &p.operator_name},
                                   {"phone", &p.phone}}) {
             if (!b.contains(key)) continue;
             LZ_GET(v, str_field(b, key, std::string_view(key) == "name"));
             *dst = v;
           }
           if (b.contains("region_code")) {
             LZ_GET(region, region_field(c, b));
             p.region_code = region;
           }
           if (b.contains("capacity_jin")) {
             LZ_GET(cap, jin_field(b, "capacity_jin"));
             p.capacity_grams = cap.value_or(0);
           }
           if (b.contains("checkpoint_id")) {
             LZ_GET(cp, id_field(b, "checkpoint_id"));
             if (cp) {
               auto k = c.svc.epidemic_store->checkpoint(*cp);
               if (!k || !c.scope.covers(k->region_code)) {
                 Error e = not_in_scope("卡点", "checkpoint", *cp);
                 e.field = "checkpoint_id";
                 return problem(e, c.lang);
               }
             }
             p.checkpoint_id = cp;
           }
           LZ_GET(active, bool_field(b, "active"));
           if (active) p.active = *active;
           LZ_GET(saved, c.svc.produce->update_point(p, version, c.actor));
           json j = to_json(saved);
           auto bought = c.svc.produce_store->bought_at_point(saved.id, c.svc.produce->today());
           j["bought_jin_today"] = grams_to_jin(bought ? *bought : 0);
           return record_response(j);
         }});

  r.add(
      {"GET",
       "/api/v1/purchase-points/{id}/prices",
       "livelihood",
       "The point's price list of a day (default today)",
       true,
       {{"date", "query", "string", "YYYY-MM-DD"}},
       "",
       "PriceList",
       false,
       {403, 404},
       [](Ctx& c) -> HttpResponse {
         if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
         LZ_GET(id, c.id());
         LZ_GET(p, visible_point(c, id));
         LZ_GET(d, day_param(c));
         LZ_GET(prices, c.svc.produce_store->prices(p.id, d));
         return json_response({{"point_id", p.id}, {"date", d.iso()}, {"prices", to_json(prices)}});
       }});

  r.add(
      {"PUT",
       "/api/v1/purchase-points/{id}/prices",
       "livelihood",
       "Set the day's price list (replaces that day's): {date (default today), prices:[{kind, "
       "price (yuan/jin)}]}. "
       "County and township users, and the point's operator.",
       true,
       {},
       "PriceList",
       "PriceList",
       false,
       {403, 404, 422},
       [](Ctx& c) -> HttpResponse {
         if (!is_operator(c))
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
         LZ_GET(id, c.id());
         LZ_GET(p, visible_point(c, id));
         LZ_GET(b, c.body());
         LZ_GET(d, date_field(b, "date"));
         Date on = d.value_or(c.svc.produce->today());
         if (!b.contains("prices") || !b["prices"].is_array())
           return problem(field_error("prices", "请填写价格表 prices:[{kind, price}]",
                                      "prices must be a list of {kind, price}"),
                          c.lang);
         std::vector<Price> prices;
         for (size_t i = 0; i < b["prices"].size(); ++i) {
           const json& x = b["prices"][i];
           std::string at = fmt::format("prices[{}]", i);
           if (!x.is_object())
             return problem(
                 field_error(at, "每项应为{kind, price}", "each item must be {kind, price}"),
                 c.lang);
           auto kind = str_field(x, "kind", true);
           if (!kind) return problem(kind.error().at(at), c.lang);
           auto fen = yuan_field(x, "price");
           if (!fen) return problem(fen.error().at(at), c.lang);
           prices.push_back({*kind, fen->value_or(0)});
         }
         LZ_GET(saved, c.svc.produce->set_prices(p.id, on, prices, c.actor));
         return json_response({{"point_id", p.id}, {"date", on.iso()}, {"prices", to_json(saved)}});
       }});

  // ---- purchases
  r.add({"GET",
         "/api/v1/purchases",
         "livelihood",
         "Purchases in the jurisdiction, newest first (an operator: their point's only)",
         true,
         {{"region", "query", "string", "region-code prefix (the household's)"},
          {"point_id", "query", "integer", ""},
          {"buyer_id", "query", "integer", "backstop buyer"},
          {"household_id", "query", "integer", ""},
          {"listing_id", "query", "integer", ""},
          {"from", "query", "string", "YYYY-MM-DD"},
          {"to", "query", "string", "YYYY-MM-DD"},
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "Purchase",
         true,
         {403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           sqlite::PurchaseFilter f;
           LZ_GET(point, c.q_int("point_id", 1, INT64_MAX));
           LZ_GET(buyer, c.q_int("buyer_id", 1, INT64_MAX));
           LZ_GET(hid, c.q_int("household_id", 1, INT64_MAX));
           LZ_GET(lid, c.q_int("listing_id", 1, INT64_MAX));
           f.point_id = point;
           f.buyer_id = buyer;
           f.household_id = hid;
           f.listing_id = lid;
           if (is_operator(c)) {
             if (!c.scope.purchase_point_id || (point && *point != *c.scope.purchase_point_id))
               return list_response(json::array(), 0);
             f.point_id = c.scope.purchase_point_id;
           } else {
             if (c.scope.paired_only) return problem(require(false).error(), c.lang);
             LZ_GET(prefix, produce_prefix(c));
             if (!prefix) return list_response(json::array(), 0);
             f.region_prefix = *prefix;
           }
           for (const char* k : {"from", "to"}) {
             LZ_GET(d, c.q_date(k));
             if (d) (std::string_view(k) == "from" ? f.from : f.to) = *d;
           }
           if (auto st = c.paging(f.limit, f.offset); !st) return problem(st.error(), c.lang);
           LZ_GET(res, c.svc.produce_store->purchases(f));
           json items = json::array();
           for (const auto& p : res.items) items.push_back(to_json(p));
           return list_response(items, res.total);
         }});

  r.add(
      {"POST",
       "/api/v1/purchases",
       "livelihood",
       "Record a purchase at a point: {point_id, listing_id or household_id + kind, jin, price "
       "(yuan/jin; default "
       "the point's price of the day), on, note}. The amount is computed; it is credited to the "
       "household's "
       "business income and the household re-checked. 409 when more than the listing holds or the "
       "point can still "
       "take that day. A purchase-point operator records only at their point.",
       true,
       {},
       "PurchaseInput",
       "Purchase",
       false,
       {403, 404, 409, 422},
       [](Ctx& c) -> HttpResponse {
         LZ_GET(b, c.body());
         LZ_GET(point_id, id_field(b, "point_id"));
         if (!point_id)
           return problem(
               field_error("point_id", "请填写收购点（point_id）", "point_id is required"), c.lang);
         if (is_operator(c)) {
           if (c.scope.purchase_point_id != point_id)
             return problem(
                 invalid("purchase.forbidden", "point_id", "您只能在本人所在的收购点登记收购",
                         "You may record purchases only at your own purchase point"),
                 c.lang);
         } else {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_GET(p, visible_point(c, *point_id));
           (void)p;
         }
         LZ_GET(in, read_all(b, [](const json& b) -> Result<Purchase> {
                  Purchase in;
                  LZ_READ(lid, id_field(b, "listing_id"));
                  LZ_READ(hid, id_field(b, "household_id"));
                  LZ_READ(kind, str_field(b, "kind"));
                  LZ_READ(grams, jin_field(b, "jin"));
                  LZ_READ(price, yuan_field(b, "price"));
                  if (price && *price == 0)
                    return field_error("price", "价格须大于0", "The price must be above 0");
                  LZ_READ(on, date_field(b, "on"));
                  LZ_READ(note, str_field(b, "note"));
                  in.listing_id = lid;
                  in.household_id = hid.value_or(0);
                  in.kind = kind;
                  in.grams = grams.value_or(0);
                  in.fen_per_jin = price.value_or(0);
                  if (on) in.on = *on;
                  in.note = note;
                  return in;
                }));
         in.point_id = point_id;
         const auto& lid = in.listing_id;
         // The household (or listing's) must be visible to a regional user.
         if (!is_operator(c)) {
           int64_t check_id = in.household_id;
           if (lid) {
             auto l = c.svc.produce_store->listing(*lid);
             if (!l) {
               Error e = l.error();
               return problem(e, c.lang);
             }
             check_id = l->household_id;
           }
           if (check_id > 0) {
             auto h = c.svc.produce_store->household(check_id);
             if (!h || !c.scope.covers(h->region_code)) {
               Error e = not_in_scope("户", "household", check_id);
               e.field = lid ? "listing_id" : "household_id";
               return problem(e, c.lang);
             }
           }
         }
         LZ_GET(out, c.svc.produce->record_purchase(in, c.actor));
         return json_response(purchase_out(out), 201);
       }});

  // ---- backstop
  r.add({"GET",
         "/api/v1/backstop-buyers",
         "livelihood",
         "Backstop buyers (canteens) serving (part of) the jurisdiction",
         true,
         {active_param_doc()},
         "",
         "BackstopBuyer",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_GET(active, active_param(c));
           LZ_GET(all, c.svc.produce_store->buyers(c.scope.region_prefix));
           json items = json::array();
           for (const auto& b : all)
             if (!active || b.active == *active) items.push_back(to_json(b));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  r.add({"POST",
         "/api/v1/backstop-buyers",
         "livelihood",
         "Register a backstop buyer: {name, unit, region_code (whom it buys from), capacity_jin (a "
         "day), "
         "floor_prices:[{kind, price}]}. County and township users.",
         true,
         {},
         "BackstopBuyerInput",
         "BackstopBuyer",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_GET(b, c.body());
           LZ_GET(x, read_all(b, [&c](const json& b) -> Result<BackstopBuyer> {
                    BackstopBuyer x;
                    LZ_READ(name, str_field(b, "name"));
                    LZ_READ(unit, str_field(b, "unit"));
                    LZ_READ(cap, jin_field(b, "capacity_jin"));
                    LZ_TRY(floor_prices_field(b, x));
                    LZ_READ(region, region_field(c, b));  // required: last
                    if (auto n = str_field(b, "name", true); !n) return n.error();
                    x.name = name;
                    x.unit = unit;
                    x.region_code = region;
                    x.capacity_grams = cap.value_or(0);
                    return x;
                  }));
           LZ_GET(saved, c.svc.produce->create_buyer(x, c.actor));
           return record_response(to_json(saved), 201);
         }});

  r.add({"GET",
         "/api/v1/backstop-buyers/{id}",
         "livelihood",
         "One backstop buyer",
         true,
         {},
         "",
         "BackstopBuyer",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           auto x = c.svc.produce_store->buyer(id);
           if (!x || !c.scope.covers(x->region_code))
             return problem(not_in_scope("兜底收购单位", "backstop buyer", id), c.lang);
           return record_response(to_json(*x));
         }});

  r.add({"PATCH",
         "/api/v1/backstop-buyers/{id}",
         "livelihood",
         "Change a backstop buyer (the fields given; If-Match or version; stale: 409): {name, "
         "unit, region_code, capacity_jin, floor_prices:[{kind, price}] (replaces the list), "
         "active (false: the dispatch passes it over)}. County and township users.",
         true,
         {},
         "BackstopBuyerPatch",
         "BackstopBuyer",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_GET(id, c.id());
           auto found = c.svc.produce_store->buyer(id);
           if (!found || !c.scope.covers(found->region_code))
             return problem(not_in_scope("兜底收购单位", "backstop buyer", id), c.lang);
           BackstopBuyer x = *found;
           LZ_GET(b, c.body());
           LZ_GET(version, c.expected_version(&b));
           for (auto [key, dst] : {std::pair{"name", &x.name}, {"unit", &x.unit}}) {
             if (!b.contains(key)) continue;
             LZ_GET(v, str_field(b, key, std::string_view(key) == "name"));
             *dst = v;
           }
           if (b.contains("region_code")) {
             LZ_GET(region, region_field(c, b));
             x.region_code = region;
           }
           if (b.contains("capacity_jin")) {
             LZ_GET(cap, jin_field(b, "capacity_jin"));
             x.capacity_grams = cap.value_or(0);
           }
           if (auto st = floor_prices_field(b, x); !st) return problem(st.error(), c.lang);
           LZ_GET(active, bool_field(b, "active"));
           if (active) x.active = *active;
           LZ_GET(saved, c.svc.produce->update_buyer(x, version, c.actor));
           return record_response(to_json(saved));
         }});

  r.add({"POST",
         "/api/v1/backstop/dispatch",
         "livelihood",
         "Dispatch for a day: {date (default today), within_days (default 2), region_code (default "
         "the "
         "jurisdiction)}: open listings due within N days of their sell-by date go to buyers with "
         "capacity at their "
         "floor price, as purchases credited like any other; listings of lifted and marginal "
         "households past their "
         "sell-by date unsold open relapse monitoring. Returns the purchases and what is still "
         "unsold per township.",
         true,
         {},
         "BackstopDispatchInput",
         "BackstopDispatch",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           json b = json::object();
           if (!c.req.body.empty()) {
             LZ_GET(parsed, c.body());
             b = std::move(parsed);
           }
           LZ_GET(d, date_field(b, "date"));
           int within_days = 2;
           if (b.contains("within_days")) {
             if (!b["within_days"].is_number_integer())
               return problem(field_error("within_days", "within_days应为0到14之间的整数",
                                          "within_days must be an integer from 0 to 14"),
                              c.lang);
             within_days = b["within_days"].get<int>();
           }
           std::string prefix = c.scope.region_prefix;
           if (b.contains("region_code")) {
             LZ_GET(region, region_field(c, b));
             prefix = region;
           }
           LZ_GET(out, c.svc.produce->dispatch(d.value_or(c.svc.produce->today()), within_days,
                                               prefix, c.actor));
           json purchases = json::array();
           for (const auto& p : out.purchases) purchases.push_back(purchase_out(p));
           json skipped = json::array();
           for (const Error& e : out.skipped)
             skipped.push_back({{"code", e.code}, {"message", e.message(c.lang)}});
           return json_response({{"date", out.on.iso()},
                                 {"within_days", out.within_days},
                                 {"jin", grams_to_jin(out.dispatched_grams)},
                                 {"amount", fen_to_yuan(out.dispatched_fen)},
                                 {"purchases", purchases},
                                 {"risk_cases", out.risk_cases},
                                 {"skipped", skipped},
                                 {"unsold", unsold_out(c.svc, out.unsold)}});
         }});

  r.add({"GET",
         "/api/v1/produce/unsold",
         "livelihood",
         "Listed produce still unsold at the end of a day, per township (listings, jin, past their "
         "sell-by date, by "
         "kind)",
         true,
         {{"date", "query", "string", "YYYY-MM-DD (default today)"},
          {"region", "query", "string", "region prefix"}},
         "",
         "UnsoldByTownship",
         true,
         {403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           if (c.scope.paired_only) return problem(require(false).error(), c.lang);
           LZ_GET(prefix, produce_prefix(c));
           if (!prefix) return list_response(json::array(), 0);
           LZ_GET(d, day_param(c));
           LZ_GET(rows, c.svc.produce_store->unsold_by_township(*prefix, d));
           json items = unsold_out(c.svc, rows);
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  // ---- public (no sign-in): villages and kinds only
  r.add({"GET",
         "/api/v1/public/townships/{code}/produce",
         "public",
         "What a township has for sale today (no sign-in; villages and kinds only, no personal "
         "data), and its "
         "purchase points' prices of the day",
         false,
         {{"code", "path", "string", "township code (9 digits)", true}},
         "",
         "PublicProduce",
         false,
         {404},
         [](Ctx& c) -> HttpResponse {
           LZ_GET(v, public_view(c, c.svc.produce->today()));
           HttpResponse out = json_response(v);
           out.header("Cache-Control", "public, max-age=60");
           return out;
         }});

  r.add({"GET",
         "/api/v1/public/townships/{code}/produce.html",
         "public",
         "The same as a small mobile-friendly Chinese page to share in the township's WeChat group "
         "(no sign-in, no "
         "JavaScript)",
         false,
         {{"code", "path", "string", "township code (9 digits)", true}},
         "",
         "",
         false,
         {404},
         [](Ctx& c) -> HttpResponse {
           LZ_GET(v, public_view(c, c.svc.produce->today()));
           HttpResponse out;
           out.content_type = "text/html; charset=utf-8";
           out.body = public_html(v);
           out.header("Cache-Control", "public, max-age=60");
           return out;
         }});
}

}  // namespace lz::http
