#include "exchange/key_person_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "core/id_number.h"
#include "core/text.h"
#include "exchange/normalize.h"

namespace lz::exchange {

using namespace lz::epidemic;
using detail::RowGroup;

const KindSpec& key_persons_spec() {
  static const KindSpec k{
      "key_persons",
      "重点人员",
      "key persons",
      {
          {"name", "姓名", "name", {"人员姓名"}, true, "张三"},
          {"id_number",
           "公民身份号码",
           "ID number",
           {"身份证号", "身份证号码", "证件号码", "身份证", "idnumber"},
           true,
           "430281199001011239"},
          {"category",
           "类别",
           "category",
           {"人员类别", "重点人员类别", "类型", "分类"},
           true,
           "湖北返乡"},
          {"source", "来源", "source", {"发现途径", "发现方式", "信息来源"}, false, "走访摸排"},
          {"added_on",
           "登记日期",
           "date listed",
           {"发现日期", "登记时间", "排查日期"},
           false,
           "2020-02-10"},
          {"arrived_on",
           "返乡日期",
           "arrival",
           {"返回日期", "抵达日期", "到达日期", "返乡时间", "抵醴日期"},
           false,
           "2020-02-01"},
          {"from_place",
           "从何地返回",
           "from where",
           {"从何地返乡", "返回地", "出发地", "来源地", "从何处返回"},
           false,
           "湖北省武汉市"},
          {"travel_mode",
           "交通方式",
           "travel mode",
           {"返乡方式", "出行方式", "乘坐交通工具"},
           false,
           "火车"},
          {"travel_detail",
           "车次航班车牌",
           "train, flight or plate",
           {"车次/航班/车牌", "车次", "航班", "车次航班"},
           false,
           "G1234"},
          {"last_exposure",
           "末次接触日期",
           "last exposure",
           {"最后接触日期", "末次暴露日期", "接触日期"},
           false,
           ""},
          {"temperature", "体温", "temperature", {"体温℃"}, false, ""},
          {"symptoms", "症状", "symptoms", {"主要症状", "有无症状"}, false, "无"},
          {"phone", "联系电话", "phone", {"电话", "手机", "手机号码"}, false, "13812345678"},
          {"region_code", "行政区划代码", "region code", {"区划代码", "村代码"}, false, ""},
          {"village",
           "所在村",
           "village",
           {"所在村（社区）", "村（社区）", "现住村", "村名"},
           false,
           "瓦子坪村"},
          {"note", "备注", "note", {"说明"}, false, ""},
      }};
  return k;
}

namespace {

std::optional<KeyCategory> category_of(const std::string& s) {
  if (auto c = parse<KeyCategory>(s)) return c;
  static const std::map<std::string, KeyCategory> aliases{
      {"确诊", KeyCategory::kConfirmed},
      {"确诊病例", KeyCategory::kConfirmed},
      {"疑似", KeyCategory::kSuspected},
      {"疑似病例", KeyCategory::kSuspected},
      {"发热", KeyCategory::kFever},
      {"发热病人", KeyCategory::kFever},
      {"发热人员", KeyCategory::kFever},
      {"密接", KeyCategory::kCloseContact},
      {"密切接触", KeyCategory::kCloseContact},
      {"湖北返乡", KeyCategory::kHubeiReturnee},
      {"湖北返回", KeyCategory::kHubeiReturnee},
      {"湖北来醴", KeyCategory::kHubeiReturnee},
      {"湖北返乡人员", KeyCategory::kHubeiReturnee}};
  auto it = aliases.find(text::strip_spaces(s));
  return it == aliases.end() ? std::nullopt : std::optional(it->second);
}

std::optional<KeySource> source_of(const std::string& s) {
  if (auto c = parse<KeySource>(s)) return c;
  static const std::map<std::string, KeySource> aliases{
      {"卡点", KeySource::kCheckpoint},     {"电话", KeySource::kPhoneScreening},
      {"主动申报", KeySource::kSelfReport}, {"自主申报", KeySource::kSelfReport},
      {"申报", KeySource::kSelfReport},     {"医院", KeySource::kHospital},
      {"医疗机构", KeySource::kHospital},   {"流调", KeySource::kContactTracing},
      {"走访", KeySource::kVisit},          {"摸排", KeySource::kVisit},
      {"走访排查", KeySource::kVisit},      {"网格排查", KeySource::kVisit}};
  auto it = aliases.find(text::strip_spaces(s));
  return it == aliases.end() ? std::nullopt : std::optional(it->second);
}

std::optional<TravelMode> mode_of(const std::string& s) {
  if (auto c = parse<TravelMode>(s)) return c;
  static const std::map<std::string, TravelMode> aliases{
      {"自驾车", TravelMode::kCar}, {"私家车", TravelMode::kCar},   {"汽车", TravelMode::kCar},
      {"高铁", TravelMode::kTrain}, {"动车", TravelMode::kTrain},   {"铁路", TravelMode::kTrain},
      {"大巴", TravelMode::kBus},   {"长途客车", TravelMode::kBus}, {"客运班车", TravelMode::kBus},
      {"航班", TravelMode::kPlane}, {"乘飞机", TravelMode::kPlane}};
  auto it = aliases.find(text::strip_spaces(s));
  return it == aliases.end() ? std::nullopt : std::optional(it->second);
}

template <typename E>
Error unknown_value(const std::string& value, const char* what_zh, const char* what_en) {
  std::vector<std::string> zh, en;
  for (const auto& v : vocabulary<E>()) {
    zh.push_back(v.zh);
    en.push_back(fmt::format("{} ({})", v.id, v.zh));
  }
  return invalid(
      "value.unknown", what_en,
      fmt::format("{}“{}”无法识别，可填：{}", what_zh, value, fmt::join(zh, "、")),
      fmt::format("Unknown {} \"{}\"; accepted: {}", what_en, value, fmt::join(en, ", ")));
}

// A domain field -> the column it came from.
std::string_view column_of(std::string_view field) {
  if (field == "travel" || field == "travel.from_place") return "from_place";
  if (field == "travel.arrived_on") return "arrived_on";
  if (field == "travel.mode") return "travel_mode";
  auto dot = field.rfind('.');
  std::string_view last = dot == std::string_view::npos ? field : field.substr(dot + 1);
  if (last == "temperature_tenths") return "temperature";
  return last;
}

class KeyPersonImporter {
 public:
  KeyPersonImporter(EpidemicImportEnv& env, const ImportOptions& opts) : env_(env), opts_(opts) {}

 private:
  void domain_error(RowGroup& g, const Row& r, const Error& e) {
    if (!e.details.empty()) {
      for (const auto& d : e.details) domain_error(g, r, d);
      return;
    }
    std::string_view col = column_of(e.field);
    if (col == "region_code" && !g.has("region_code")) col = "village";
    g.error(r, g.has(col) ? col : std::string_view(), e);
  }

 public:
  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    KeyPersonInput in;
    in.name = clean_name(g.cell(r, "name"));
    in.id_number = clean_cell(g.cell(r, "id_number"));
    in.phone = clean_cell(g.cell(r, "phone"));
    in.note = text::trim(clean_cell(g.cell(r, "note")));
    std::string cat = clean_name(g.cell(r, "category"));  // 類別 in Traditional too
    if (cat.empty()) {
      g.error(r, "category",
              invalid("category.required", "category",
                      "类别不能为空（确诊、疑似、发热、密切接触者、湖北返乡）",
                      "The category is missing (confirmed, suspected, fever, close_contact, "
                      "hubei_returnee)"));
    } else if (auto c = category_of(cat)) {
      in.category = *c;
    } else {
      g.error(r, "category", unknown_value<KeyCategory>(cat, "类别", "category"));
    }
    in.source = KeySource::kSelfReport;
    if (std::string s = clean_name(g.cell(r, "source")); !s.empty()) {
      if (auto v = source_of(s))
        in.source = *v;
      else
        g.error(r, "source", unknown_value<KeySource>(s, "来源", "source"));
    }
    in.added_on = opts_.today;
    if (auto d = detail::date_cell(g, r, "added_on")) in.added_on = *d;
    in.last_exposure = detail::date_cell(g, r, "last_exposure");
    in.temperature_tenths = detail::temperature_cell(g, r, "temperature");
    if (auto s = detail::symptoms_cell(g, r, "symptoms")) in.symptoms = *s;
    // Travel: any of its cells given (required for returnees: the domain says so).
    auto arrived = detail::date_cell(g, r, "arrived_on");
    std::string from = clean_name(g.cell(r, "from_place"));
    std::string mode = clean_name(g.cell(r, "travel_mode"));
    if (arrived || !from.empty() || !mode.empty() || in.category == KeyCategory::kHubeiReturnee) {
      HubeiTravel t;
      if (arrived) t.arrived_on = *arrived;
      t.from_place = from;
      t.detail = clean_cell(g.cell(r, "travel_detail"));
      if (!mode.empty()) {
        if (auto m = mode_of(mode))
          t.mode = *m;
        else
          g.error(r, "travel_mode", unknown_value<TravelMode>(mode, "交通方式", "travel mode"));
      }
      if (!arrived && in.category == KeyCategory::kHubeiReturnee &&
          g.cell(r, "arrived_on").empty()) {
        g.error(
            r, g.has("arrived_on") ? "arrived_on" : "",
            invalid("key_person.travel_required", "travel.arrived_on", "湖北返乡人员须填写返乡日期",
                    "A returnee from Hubei needs the day of arrival"));
      }
      if (arrived || in.category == KeyCategory::kHubeiReturnee) in.travel = t;
    }
    if (auto region = detail::region_cell(g, r, "region_code", "village", env_.regions))
      in.region_code = *region;
    // The ID number: parsed here so the cell is named; the domain checks the rest.
    std::string id_key;
    if (in.id_number.find_first_of("Ee") != std::string::npos &&
        in.id_number.find('+') != std::string::npos) {
      g.error(
          r, "id_number",
          invalid("id_number.scientific", "id_number",
                  fmt::format("公民身份号码“{}"
                              "”已被Excel变成科学计数法，后几位已丢失，请把该列设为文本后重新填写",
                              in.id_number),
                  fmt::format(
                      "The ID number \"{}\" was turned into scientific notation by Excel: its last "
                      "digits are lost; format the column as text and type it again",
                      in.id_number)));
    } else if (auto id = IdNumber::parse(in.id_number, opts_.today.plus_days(1))) {
      in.id_number = id->str();
      id_key = id->str();
    } else {
      g.error(r, "id_number", id.error());
    }
    if (!g.ok()) return {};
    // The same listing earlier in this file.
    std::string dup_key = id_key + "/" + id(in.category);
    if (auto it = seen_.find(dup_key); it != seen_.end()) {
      g.error(r, "id_number",
              conflict("key_person.duplicate_in_file", "id_number",
                       fmt::format("公民身份号码{}已在第{}行登记为{}，同一人同一类别只登记一次",
                                   id_key, it->second, zh(in.category)),
                       fmt::format("The ID number {} is already listed as {} in row {}: once per "
                                   "person and category",
                                   id_key, en(in.category), it->second)));
      return {};
    }
    // The jurisdiction: where the registry has the person, else the region given.
    auto existing = env_.svc.store().person_by_id_number(id_key);
    if (!existing) return existing.error();
    std::string region = *existing ? (*existing)->region_code : in.region_code;
    if (!*existing && region.empty()) {
      g.error(
          r, g.has("region_code") ? "region_code" : (g.has("village") ? "village" : ""),
          invalid(
              "key_person.region_required", "region_code",
              fmt::format(
                  "公民身份号码{}不在户籍库中，须填写所在村（或行政区划代码）以登记为外来人员",
                  id_key),
              fmt::format(
                  "The ID number {} is not in the registry: give the village (or region code) to "
                  "register the person",
                  id_key)));
      return {};
    }
    if (env_.covers && !env_.covers(region)) {
      g.error(r, *existing ? "id_number" : (g.has("region_code") ? "region_code" : "village"),
              detail::out_of_scope(region));
      return {};
    }
    auto res = env_.svc.add_key_person(in, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      domain_error(g, r, res.error());
      return {};
    }
    seen_[dup_key] = r.number;
    ++out.report.added;
    if (res->person_created) ++out.count("persons_created");
    return {};
  }

 private:
  EpidemicImportEnv& env_;
  const ImportOptions& opts_;
  std::map<std::string, long> seen_;
};

}  // namespace

Result<KindImport> import_key_persons(TableReader& in, EpidemicImportEnv& env,
                                      const ImportOptions& opts) {
  KeyPersonImporter imp(env, opts);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &key_persons_spec();
  h.apply = detail::each_row(
      [&](RowGroup& g, const Row& r, KindImport& out) { return imp.apply_row(g, r, out); });
  auto r = detail::run_rows(in, env.svc.store().db(), h, opts);
  if (r) r->count("persons_created");
  return r;
}

}  // namespace lz::exchange
