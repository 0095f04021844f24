#include "http/field_labels.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/date.h"
#include "exchange/columns.h"
#include "exchange/follow_up_import.h"
#include "exchange/key_person_import.h"
#include "exchange/livelihood_import.h"
#include "exchange/passage_import.h"
#include "http/api.h"

namespace lz::http {

namespace {

// Keys of the API's request bodies and query parameters that the import
// templates do not name, or name otherwise (terms of the glossary).
const std::unordered_map<std::string_view, FieldLabel>& api_labels() {
  static const std::unordered_map<std::string_view, FieldLabel> m = {
      {"active", {"是否在用", "active"}},
      {"actor", {"操作人", "actor"}},
      {"added_on", {"列入日期", "date added"}},
      {"address", {"地址", "address"}},
      {"amount_fen", {"金额（分）", "amount (fen)"}},
      {"assignments", {"指导对象", "assignments"}},
      {"at", {"时间", "time"}},
      {"available_from", {"可就业日期", "available from"}},
      {"basic_medical", {"基本医疗保险", "basic medical insurance"}},
      {"basis", {"隔离依据", "basis"}},
      {"body", {"请求内容", "request body"}},
      {"business_costs_fen", {"生产经营性支出（分）", "business costs (fen)"}},
      {"business_fen", {"生产经营性收入（分）", "business income (fen)"}},
      {"by", {"随访人", "follow-up by"}},
      {"cadre_id", {"干部", "cadre"}},
      {"capacity_jin", {"日收购能力（斤）", "daily capacity (jin)"}},
      {"category", {"类别", "category"}},
      {"causes", {"致贫原因", "causes of poverty"}},
      {"checkpoint_id", {"卡点", "checkpoint"}},
      {"chronic_card", {"慢性病卡", "chronic-illness card"}},
      {"class", {"分类", "class"}},
      {"closeness", {"接触程度", "closeness"}},
      {"clothing_ok", {"不愁穿", "clothing secure"}},
      {"contact_name", {"联系人", "contact name"}},
      {"contact_of", {"密切接触对象", "contact of"}},
      {"contact_phone", {"联系电话", "contact phone"}},
      {"cooperative_id", {"农民专业合作社", "cooperative"}},
      {"credit_code", {"统一社会信用代码", "credit code"}},
      {"date", {"日期", "date"}},
      {"day", {"日期", "day"}},
      {"depot_id", {"物资点", "depot"}},
      {"destination", {"目的地", "destination"}},
      {"dibao", {"低保", "dibao"}},
      {"disability_certificate", {"残疾人证号", "disability certificate"}},
      {"disability_subsidy", {"残疾人补贴", "disability subsidy"}},
      {"disabled", {"停用", "disabled"}},
      {"disinfectant_litres", {"消毒液（升）", "disinfectant (litres)"}},
      {"disinfection", {"消毒", "disinfection"}},
      {"display_name", {"显示名称", "display name"}},
      {"dry_run", {"试导入", "dry run"}},
      {"employer_id", {"用工单位", "employer"}},
      {"end", {"结束时间", "end"}},
      {"end_date", {"结束日期", "end date"}},
      {"end_on", {"结束日期", "end date"}},
      {"enterprise_id", {"企业", "enterprise"}},
      {"entry_checks", {"入口测温", "temperature checks at entry"}},
      {"evidence_note", {"佐证说明", "evidence note"}},
      {"expected_price", {"期望价格", "expected price"}},
      {"exposure_on", {"接触日期", "exposure date"}},
      {"file_name", {"文件名", "file name"}},
      {"floor_prices", {"保底收购价", "floor prices"}},
      {"food_ok", {"不愁吃", "food secure"}},
      {"format", {"文件格式", "file format"}},
      {"found_on", {"发现日期", "date found"}},
      {"from", {"开始时间", "from"}},
      {"from_date", {"开始日期", "from date"}},
      {"health_declared_on", {"健康申报日期", "health declared on"}},
      {"health_note", {"健康说明", "health note"}},
      {"hours", {"工时", "hours"}},
      {"household_id", {"农户", "household"}},
      {"housing_grade", {"住房安全等级", "housing grade"}},
      {"id", {"编号", "id"}},
      {"If-Match", {"版本号", "version"}},
      {"item", {"物资品种", "item"}},
      {"jin", {"重量（斤）", "weight (jin)"}},
      {"keeper_name", {"保管员", "keeper"}},
      {"keeper_phone", {"保管员电话", "keeper's phone"}},
      {"kind", {"类型", "kind"}},
      {"kinds", {"干部类型", "kinds"}},
      {"labourer_id", {"劳动力", "labourer"}},
      {"last_exposure", {"末次接触日期", "last exposure"}},
      {"leader_cadre_id", {"队长", "team leader"}},
      {"leader_name", {"负责人", "leader"}},
      {"leader_phone", {"负责人电话", "leader's phone"}},
      {"limit", {"每页条数", "limit"}},
      {"listed_on", {"登记日期", "listed on"}},
      {"location", {"位置", "location"}},
      {"login", {"登录名", "login"}},
      {"main", {"主要致贫原因", "main cause"}},
      {"masks", {"口罩", "masks"}},
      {"member_cadre_ids", {"队员", "team members"}},
      {"members", {"家庭成员", "members"}},
      {"method", {"消除方式", "method"}},
      {"mode", {"走访方式", "mode"}},
      {"monthly_pay", {"月薪（元）", "monthly pay"}},
      {"monthly_wage", {"月工资（元）", "monthly wage"}},
      {"needed_by", {"需要日期", "needed by"}},
      {"needs", {"需求", "needs"}},
      {"notes", {"备注", "notes"}},
      {"open_on", {"在观察日期", "open on"}},
      {"running_on", {"在岗日期", "running on"}},
      {"since", {"起始日期", "since"}},
      {"as_of", {"截至日期", "as of"}},
      {"offset", {"起始位置", "offset"}},
      {"on", {"日期", "date"}},
      {"operator_name", {"经营者", "operator"}},
      {"password", {"密码", "password"}},
      {"person_a", {"接触一方", "person A"}},
      {"person_b", {"接触另一方", "person B"}},
      {"person_id", {"人员", "person"}},
      {"photo_ref", {"照片", "photo reference"}},
      {"place", {"地点", "place"}},
      {"places", {"岗位数", "places"}},
      {"point_id", {"收购点", "purchase point"}},
      {"posting_id", {"岗位", "job posting"}},
      {"price", {"价格", "price"}},
      {"prices", {"收购价", "prices"}},
      {"produce", {"主要产品", "produce"}},
      {"property_fen", {"财产性收入（分）", "property income (fen)"}},
      {"quantity", {"数量", "quantity"}},
      {"readings", {"体温记录", "readings"}},
      {"reason", {"原因", "reason"}},
      {"recipient", {"领取对象", "recipient"}},
      {"region", {"区划", "region"}},
      {"registered_year", {"建档立卡年度", "registered year"}},
      {"replace", {"替换现有结对", "replace"}},
      {"request_id", {"物资申请", "supply request"}},
      {"result", {"结果", "result"}},
      {"returned_from", {"从何地返乡", "returned from"}},
      {"returnees", {"返乡人数", "returnees"}},
      {"role", {"角色", "role"}},
      {"room", {"房间", "room"}},
      {"sell_by", {"最晚出售日期", "sell by"}},
      {"separate_meals", {"分餐", "separate meals"}},
      {"serious_illness", {"大病保险", "serious-illness insurance"}},
      {"site", {"隔离点", "site"}},
      {"size", {"文件大小", "size"}},
      {"skills", {"技能", "skills"}},
      {"speciality", {"专长", "speciality"}},
      {"start", {"开始", "start"}},
      {"start_date", {"开始日期", "start date"}},
      {"start_on", {"开始日期", "start date"}},
      {"state", {"状态", "state"}},
      {"symptomatic", {"有症状人数", "symptomatic"}},
      {"tekun", {"特困供养", "tekun support"}},
      {"thermometers", {"体温计", "thermometers"}},
      {"title", {"名称", "title"}},
      {"to", {"结束时间", "to"}},
      {"to_date", {"结束日期", "to date"}},
      {"transfer_fen", {"转移性收入（分）", "transfer income (fen)"}},
      {"travel", {"旅居史", "travel"}},
      {"travellers", {"乘车人员", "travellers"}},
      {"trigger", {"触发原因", "trigger"}},
      {"unit", {"单位", "unit"}},
      {"version", {"版本号", "version"}},
      {"village_code", {"村", "village"}},
      {"wage_fen", {"工资性收入（分）", "wage income (fen)"}},
      {"wanted_kind", {"意向工种", "wanted kind of work"}},
      {"wanted_place", {"意向地点", "wanted place"}},
      {"water", {"饮水安全", "safe drinking water"}},
      {"what", {"整改内容", "what was done"}},
      {"within_days", {"天数", "within days"}},
      {"workers_planned", {"计划复工人数", "workers planned"}},
      {"year", {"年度", "year"}},
  };
  return m;
}

// The column label of an import kind, in the kinds' order (households and
// persons first: a person's fields keep their register names).
FieldLabel column_label(std::string_view key) {
  static const std::vector<const exchange::KindSpec*> kinds = {
      exchange::find_kind("households"), exchange::find_kind("persons"),
      &exchange::key_persons_spec(),     &exchange::follow_ups_spec(),
      &exchange::passages_spec(),        &exchange::purchases_spec(),
      &exchange::labourers_spec(),       &exchange::poverty_register_spec(),
      &exchange::listings_spec(),        &exchange::cooperatives_spec()};
  for (const auto* k : kinds) {
    if (!k) continue;
    int i = k->index(key);
    if (i >= 0) return {k->columns[i].zh, k->columns[i].en};
  }
  return {};
}

// Request schemas whose "name" is a person's.
bool person_schema(std::string_view schema) {
  return schema == "KeyPersonInput" || schema == "PersonInput" || schema == "PersonPatch" ||
         schema == "WorkerInput" || schema == "HouseholdInput";
}

FieldLabel key_label(std::string_view key, std::string_view schema, bool person) {
  if (key == "name") {
    if (person || person_schema(schema)) return column_label("name");
    return {"名称", "name"};
  }
  if (key == "members" && schema.starts_with("Cooperative")) return column_label("members");
  if (key == "note" || key == "phone" || key == "region_code" || key == "number") {
    auto c = column_label(key);
    if (!c.empty()) return c;
  }
  auto& m = api_labels();
  if (auto it = m.find(key); it != m.end()) return it->second;
  return column_label(key);
}

bool ident_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '[' ||
         ch == ']' || ch == '-';
}

}  // namespace

FieldLabel field_label(std::string_view path, std::string_view schema) {
  // Split "a[1].b" into its last member and the nearest indexed parent.
  std::string_view leaf = path;
  if (auto dot = path.rfind('.'); dot != std::string_view::npos) leaf = path.substr(dot + 1);
  std::optional<long> index;
  std::string_view parent;
  if (auto open = leaf.find('['); open != std::string_view::npos) {  // "members[2]" itself
    parent = leaf.substr(0, open);
    index = std::strtol(std::string(leaf.substr(open + 1)).c_str(), nullptr, 10);
    leaf = {};
  } else if (leaf.size() < path.size()) {
    std::string_view head = path.substr(0, path.size() - leaf.size() - 1);
    if (auto open = head.rfind('['); open != std::string_view::npos && head.back() == ']') {
      auto start = head.rfind('.', open);
      parent = head.substr(start == std::string_view::npos ? 0 : start + 1,
                           open - (start == std::string_view::npos ? 0 : start + 1));
      index = std::strtol(std::string(head.substr(open + 1)).c_str(), nullptr, 10);
    }
  }
  bool members = parent == "members" && !schema.starts_with("Cooperative");
  bool travellers = parent == "travellers";
  if (!index) return leaf.empty() ? FieldLabel{} : key_label(leaf, schema, false);
  long n = *index + 1;
  FieldLabel p = key_label(parent, schema, false);
  if (p.empty()) p = {std::string(parent), std::string(parent)};
  if (leaf.empty()) {
    if (members) return {fmt::format("第{}位成员", n), fmt::format("member {}", n)};
    return {fmt::format("{}第{}项", p.zh, n), fmt::format("{} {}", p.en, n)};
  }
  FieldLabel l = key_label(leaf, schema, members);
  if (l.empty()) return {};
  if (members)
    return {fmt::format("第{}位成员的{}", n, l.zh), fmt::format("member {}: {}", n, l.en)};
  if (travellers)
    return {fmt::format("第{}位乘车人员的{}", n, l.zh), fmt::format("traveller {}: {}", n, l.en)};
  return {fmt::format("{}第{}项的{}", p.zh, n, l.zh), fmt::format("{} {}: {}", p.en, n, l.en)};
}

std::string name_field(const std::string& message, std::string_view path, const FieldLabel& label,
                       Lang lang) {
  if (label.empty() || path.empty()) return message;
  std::string_view leaf = path;
  if (auto dot = path.rfind('.'); dot != std::string_view::npos) leaf = path.substr(dot + 1);
  const std::string& name = label.in(lang);
  std::string out;
  out.reserve(message.size() + 16);
  bool quoted = false;  // inside “…” or "…": a value, never renamed
  for (size_t i = 0; i < message.size();) {
    if (message.compare(i, 3, "“") == 0) quoted = true;
    if (message.compare(i, 3, "”") == 0) quoted = false;
    if (message[i] == '"') quoted = !quoted;
    if (!quoted && ident_char(message[i]) && (i == 0 || !ident_char(message[i - 1]))) {
      size_t j = i;
      while (j < message.size() && ident_char(message[j])) ++j;
      std::string_view word(message.data() + i, j - i);
      // A trailing '.' ends an English sentence, not the word.
      size_t keep = 0;
      while (!word.empty() && word.back() == '.') word.remove_suffix(1), ++keep;
      bool is_key = word == path || word == leaf;
      bool plain = word.find_first_of("_.[") != std::string_view::npos;
      if (is_key && (lang == Lang::kZh || i == 0 || plain)) {
        std::string n = name;
        if (lang == Lang::kEn && i == 0 && !n.empty())
          n[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(n[0])));
        out += n;
        i = j - keep;
        continue;
      }
      out.append(message, i, j - i);
      i = j;
      continue;
    }
    out += message[i];
    ++i;
  }
  return out;
}

Error label_error(Error e, Lang lang, std::string_view schema) {
  for (auto& d : e.details) d = label_error(std::move(d), lang, schema);
  if (e.field.empty()) return e;
  FieldLabel l = field_label(e.field, schema);
  if (l.empty()) return e;
  std::string& msg = lang == Lang::kEn ? e.message_en : e.message_zh;
  msg = name_field(msg, e.field, l, lang);
  std::string lower = msg, name = l.in(lang);
  if (lang == Lang::kEn) {
    auto low = [](std::string& s) {
      for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    };
    low(lower), low(name);
  }
  e.field = lower.find(name) != std::string::npos ? "" : l.in(lang);
  return e;
}

// Members that are dates (YYYY-MM-DD) whatever their schema says (a birth
// date is left to the register's own reading).
static bool date_key(std::string_view k) {
  return k == "on" || k == "date" || k == "last_exposure" || k == "available_from" ||
         k == "needed_by" || k == "sell_by" || k.ends_with("_on") ||
         (k.ends_with("_date") && k != "birth_date");
}

// The member of the body a field path is about: "members[2].name" -> members.
static std::string top_member(const std::string& field) {
  return field.substr(0, field.find_first_of(".["));
}

std::vector<Error> schema_type_errors(const nlohmann::json& body, std::string_view schema,
                                      const std::vector<std::string>& known) {
  std::vector<Error> out;
  const auto& all = api_schemas();
  auto s = all.find(std::string(schema));
  if (s == all.end() || !s->contains("properties") || !body.is_object()) return out;
  const auto& props = (*s)["properties"];
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& k = it.key();
    const auto& v = it.value();
    if (v.is_null() || !props.contains(k) || !props[k].contains("type") ||
        !props[k]["type"].is_string())
      continue;
    if (std::find(known.begin(), known.end(), k) != known.end()) continue;
    std::string type = props[k]["type"].get<std::string>();
    bool bad = false;
    const char *zh = "", *en = "";
    if (type == "string") {
      bad = !v.is_string();
      zh = "{}应为文字";
      en = "{} must be text";
      if (!bad && (props[k].value("format", "") == "date" || date_key(k)) &&
          !v.get<std::string>().empty() && !Date::parse_iso(v.get<std::string>())) {
        bad = true;
        zh = "{}应为YYYY-MM-DD格式的日期";
        en = "{} must be a date YYYY-MM-DD";
      }
    } else if (type == "integer") {
      // Ids may come as text ("12").
      bad = !v.is_number_integer() &&
            !(v.is_string() && !v.get<std::string>().empty() &&
              v.get<std::string>().find_first_not_of("0123456789") == std::string::npos);
      zh = "{}应为整数";
      en = "{} must be a whole number";
    } else if (type == "number") {
      // Text is read as a number where it starts like one ("37.3℃").
      bad =
          v.is_boolean() || v.is_object() || v.is_array() ||
          (v.is_string() && (v.get<std::string>().empty() ||
                             !(std::isdigit(static_cast<unsigned char>(v.get<std::string>()[0])) ||
                               v.get<std::string>()[0] == '-' || v.get<std::string>()[0] == '.')));
      zh = "{}应为数字";
      en = "{} must be a number";
    } else if (type == "boolean") {
      bad = !v.is_boolean();
      zh = "{}应为true或false";
      en = "{} must be true or false";
    } else if (type == "array") {
      bad = v.is_number() || v.is_boolean() || v.is_object();
      zh = "{}应为列表";
      en = "{} must be a list";
    } else if (type == "object") {
      bad = !v.is_object();
      zh = "{}应为对象";
      en = "{} must be an object";
    }
    if (bad)
      out.push_back(invalid("request.field_type", k, fmt::format(fmt::runtime(zh), k),
                            fmt::format(fmt::runtime(en), k)));
  }
  return out;
}

void label_problem(HttpResponse& r, const HttpRequest& req, std::string_view schema, Lang lang) {
  if (!r.content_type.starts_with("application/problem+json")) return;
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("errors") || !j["errors"].is_array())
    return;
  auto& errors = j["errors"];
  if (errors.empty()) return;
  // The other members the schema refuses, when the handler stopped at a bad field.
  if (r.status == 422 && !schema.empty()) {
    std::vector<std::string> known;
    for (const auto& e : errors)
      if (e.is_object() && !e.value("field", "").empty())
        known.push_back(top_member(e.value("field", "")));
    if (!known.empty()) {
      auto body = nlohmann::json::parse(req.body, nullptr, false);
      for (const Error& e : schema_type_errors(body, schema, known))
        errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message(lang)}});
    }
  }
  std::string detail = j.value("detail", "");
  std::vector<std::string> messages;
  for (auto& e : errors) {
    if (!e.is_object()) continue;
    std::string field = e.value("field", "");
    std::string message = e.value("message", "");
    FieldLabel l = field.empty() ? FieldLabel{} : field_label(field, schema);
    std::string named = name_field(message, field, l, lang);
    if (detail == message) detail = named;
    e["label"] = l.empty() ? field : l.in(lang);
    e["message"] = named;
    messages.push_back(named);
  }
  if (messages.size() > 1) {
    std::string list;
    for (const auto& m : messages)
      list += (list.empty() ? "" : (lang == Lang::kEn ? "; " : "；")) + m;
    detail = lang == Lang::kEn ? fmt::format("{} fields are invalid: {}", messages.size(), list)
                               : fmt::format("有{}处填写错误：{}", messages.size(), list);
  }
  j["detail"] = detail;
  r.body = j.dump();
}

}  // namespace lz::http
