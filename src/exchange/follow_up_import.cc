#include "exchange/follow_up_import.h"

#include <fmt/format.h>

#include <map>

#include "core/id_number.h"
#include "core/text.h"
#include "exchange/normalize.h"

namespace lz::exchange {

using namespace lz::epidemic;
using detail::RowGroup;

const KindSpec& follow_ups_spec() {
  static const KindSpec k{
      "follow_ups",
      "医学观察随访",
      "follow-ups of medical observation",
      {
          {"id_number",
           "公民身份号码",
           "ID number",
           {"身份证号", "身份证号码", "证件号码", "身份证"},
           false,
           "430281199001011239"},
          {"observation_id",
           "观察编号",
           "observation id",
           {"医学观察编号", "observation"},
           false,
           ""},
          {"name", "姓名", "name", {"人员姓名", "观察对象"}, false, "张三"},
          {"day", "日期", "day", {"随访日期", "观察日期"}, false, "2020-02-10"},
          {"day_number",
           "第几天",
           "day of observation",
           {"观察第几天", "天数", "第n天"},
           false,
           ""},
          {"temperature", "体温", "temperature", {"体温℃", "测量体温"}, true, "36.5"},
          {"symptoms", "症状", "symptoms", {"主要症状", "有无症状"}, false, "无"},
          {"by", "随访人", "by", {"随访人员", "随访责任人", "填报人", "随访医生"}, true, "李医生"},
          {"at", "随访时间", "time taken", {"填报时间", "记录时间"}, false, ""},
          {"note", "备注", "note", {"说明"}, false, ""},
      }};
  return k;
}

namespace {

Status check_header(const HeaderMatch& m, const std::vector<std::string>&, long header_row) {
  const KindSpec& k = follow_ups_spec();
  auto has = [&](const char* key) { return m.file_column[k.index(key)] >= 0; };
  std::vector<std::string> zh, en;
  if (!has("id_number") && !has("observation_id")) {
    zh.push_back("“公民身份号码”或“观察编号”");
    en.push_back("公民身份号码 (id_number) or 观察编号 (observation_id)");
  }
  if (!has("day") && !has("day_number")) {
    zh.push_back("“日期”或“第几天”");
    en.push_back("日期 (day) or 第几天 (day_number)");
  }
  if (zh.empty()) return {};
  Error e = invalid(
      "header.missing", "header",
      fmt::format("第{}行（表头）缺少{}列（至少要有其中一列）", header_row,
                  fmt::format("{}", fmt::join(zh, "和"))),
      fmt::format("Row {} (the header) needs a column {}", header_row, fmt::join(en, " and ")));
  e.row = header_row;
  return e;
}

class FollowUpImporter {
 public:
  FollowUpImporter(EpidemicImportEnv& env, const ImportOptions& opts) : env_(env), opts_(opts) {}

  Status apply(RowGroup& g, KindImport& out) {
    for (const Row& r : g.rows) LZ_TRY(apply_row(g, r, out));
    return {};
  }

 private:
  std::string who_key(const RowGroup& g) const {
    return g.has("observation_id") ? "observation_id" : "id_number";
  }

  // The observation the row is about; nullopt with the row error recorded.
  Result<std::optional<sqlite::ObservationView>> observation(RowGroup& g, const Row& r,
                                                             std::optional<Date> day,
                                                             std::optional<int> day_number) {
    using Out = std::optional<sqlite::ObservationView>;
    std::string oid = clean_cell(g.cell(r, "observation_id"));
    std::string idn = clean_cell(g.cell(r, "id_number"));
    if (!oid.empty()) {
      if (!text::is_all_digits(oid) || oid.size() > 15) {
        g.error(r, "observation_id",
                invalid("observation_id.format", "observation_id",
                        fmt::format("观察编号“{}”应为数字", oid),
                        fmt::format("The observation id \"{}\" must be a number", oid)));
        return Out();
      }
      auto v = env_.svc.store().observation(std::stoll(oid));
      if (!v) {
        if (v.error().kind == ErrorKind::kInternal) return v.error();
        g.error(r, "observation_id",
                not_found("observation.unknown", "observation_id",
                          fmt::format("没有编号为{}的医学观察", oid),
                          fmt::format("There is no observation {}", oid)));
        return Out();
      }
      if (!idn.empty()) {
        auto id = IdNumber::parse(idn, opts_.today.plus_days(1));
        if (id && id->str() != v->person.id_number)
          g.error(r, "id_number",
                  conflict(
                      "observation.person_mismatch", "id_number",
                      fmt::format("观察编号{}的对象不是公民身份号码{}", oid, id->str()),
                      fmt::format("Observation {} is not about the ID number {}", oid, id->str())));
      }
      return Out(*v);
    }
    if (idn.empty()) {
      g.error(r, who_key(g),
              invalid("follow_up.person_required", "id_number", "须填写公民身份号码（或观察编号）",
                      "Give the ID number (or the observation id)"));
      return Out();
    }
    auto id = IdNumber::parse(idn, opts_.today.plus_days(1));
    if (!id) {
      g.error(r, "id_number", id.error());
      return Out();
    }
    auto p = env_.svc.store().person_by_id_number(id->str());
    if (!p) return p.error();
    sqlite::ObservationQuery q;
    if (*p) q.person_id = (*p)->id;
    q.limit = 100;
    ListResult<sqlite::ObservationView> list;
    if (*p) {
      auto l = env_.svc.store().list_observations(q);
      if (!l) return l.error();
      list = std::move(l).value();
    }
    if (list.items.empty()) {
      g.error(r, "id_number",
              not_found("observation.none", "id_number",
                        fmt::format("公民身份号码{}没有医学观察记录，请先登记医学观察", id->str()),
                        fmt::format("The ID number {} has no medical observation: plan one first",
                                    id->str())));
      return Out();
    }
    // The one whose follow-up days include the day; else the latest (the domain says why not).
    const sqlite::ObservationView* pick = &list.items.front();
    for (const auto& v : list.items) {
      Date d = day ? *day : v.o.start.plus_days(day_number ? *day_number - 1 : 0);
      if (due_window(v.o).contains(d)) {
        pick = &v;
        break;
      }
      if (v.o.start > pick->o.start) pick = &v;
    }
    return Out(*pick);
  }

  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    auto day = detail::date_cell(g, r, "day");
    std::optional<int> day_number;
    if (std::string n = clean_cell(g.cell(r, "day_number")); !n.empty()) {
      std::string digits = n;
      for (const char* s : {"第", "天", "日"})
        for (size_t p; (p = digits.find(s)) != std::string::npos;)
          digits.erase(p, std::string_view(s).size());
      if (!text::is_all_digits(digits) || digits.empty() || digits.size() > 3 ||
          std::stoi(digits) < 1)
        g.error(r, "day_number",
                invalid("day_number.format", "day_number",
                        fmt::format("“{}”不是观察的第几天（1、2、3……）", n),
                        fmt::format("\"{}\" is not a day of observation (1, 2, 3 ...)", n)));
      else
        day_number = std::stoi(digits);
    }
    if (!day && !day_number && clean_cell(g.cell(r, "day")).empty() &&
        clean_cell(g.cell(r, "day_number")).empty())
      g.error(r, g.has("day") ? "day" : "day_number",
              invalid("follow_up.day_required", "day", "须填写随访日期（或观察第几天）",
                      "Give the day (or the day of observation)"));
    FollowUp f;
    if (auto t = detail::temperature_cell(g, r, "temperature"))
      f.temperature_tenths = *t;
    else if (clean_cell(g.cell(r, "temperature")).empty())
      g.error(r, "temperature",
              invalid("temperature.required", "temperature", "体温不能为空",
                      "The temperature is missing"));
    if (auto s = detail::symptoms_cell(g, r, "symptoms")) f.symptoms = *s;
    f.by = clean_name(g.cell(r, "by"));
    if (f.by.empty())  // the use case would put the importer's login: a sheet names who did it
      g.error(r, "by",
              invalid("follow_up.by_required", "by", "请填写随访人", "Say who did the follow-up"));
    f.note = text::trim(clean_cell(g.cell(r, "note")));
    std::optional<DateTime> at;
    if (!clean_cell(g.cell(r, "at")).empty()) at = detail::datetime_cell(g, r, "at", "day");
    auto ov = observation(g, r, day, day_number);
    if (!ov) return ov.error();
    if (!*ov || !g.ok()) return {};
    const auto& v = **ov;
    std::string name = clean_name(g.cell(r, "name"));
    if (!name.empty() && name != v.person.name) {
      g.error(r, "name",
              conflict("follow_up.name_mismatch", "name",
                       fmt::format("该医学观察的对象是“{}”，不是“{}”，请核对", v.person.name, name),
                       fmt::format("The observation is about \"{}\", not \"{}\": check the row",
                                   v.person.name, name)));
      return {};
    }
    if (env_.covers && !env_.covers(v.o.region_code)) {
      g.error(r, who_key(g), detail::out_of_scope(v.o.region_code));
      return {};
    }
    f.day = day ? *day : v.o.start.plus_days(*day_number - 1);
    if (day && day_number && *day != v.o.start.plus_days(*day_number - 1)) {
      g.error(r, "day_number",
              invalid("follow_up.day_mismatch", "day_number",
                      fmt::format("{}是观察的第{}天，不是第{}天", day->iso(), *day - v.o.start + 1,
                                  *day_number),
                      fmt::format("{} is day {} of the observation, not day {}", day->iso(),
                                  *day - v.o.start + 1, *day_number)));
      return {};
    }
    // Without a time: taken on its day (at noon); a paper sheet typed in later keeps its day.
    f.at = at ? *at : DateTime::of(f.day, 12, 0);
    std::string dup = fmt::format("{}|{}", v.o.id, f.day.iso());
    if (auto it = seen_.find(dup); it != seen_.end()) {
      g.error(r, g.has("day") ? "day" : "day_number",
              conflict(
                  "follow_up.duplicate_in_file", "day",
                  fmt::format("第{}行已有{}（观察编号{}）{}的随访，每天只记一次", it->second,
                              v.person.name, v.o.id, f.day.iso()),
                  fmt::format(
                      "Row {} already has the follow-up of {} (observation {}) for {}: one per day",
                      it->second, v.person.name, v.o.id, f.day.iso())));
      return {};
    }
    auto res = env_.svc.record_follow_up(v.o.id, f, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      domain_error(g, r, res.error());
      return {};
    }
    seen_[dup] = r.number;
    ++out.report.added;
    if (res->alert) ++out.count("alerts");
    return {};
  }

  void domain_error(RowGroup& g, const Row& r, const Error& e) {
    if (!e.details.empty()) {
      for (const auto& d : e.details) domain_error(g, r, d);
      return;
    }
    auto [idx, last] = detail::split_field(e.field);
    std::string col = last == "temperature_tenths" ? "temperature" : last;
    if (col == "day" && !g.has("day")) col = "day_number";
    if (col == "at" && !g.has("at")) col = g.has("day") ? "day" : "day_number";
    g.error(r, g.has(col) ? col : "", e);
  }

  EpidemicImportEnv& env_;
  const ImportOptions& opts_;
  std::map<std::string, long> seen_;
};

}  // namespace

Result<KindImport> import_follow_ups(TableReader& in, EpidemicImportEnv& env,
                                     const ImportOptions& opts) {
  FollowUpImporter imp(env, opts);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &follow_ups_spec();
  h.check_header = check_header;
  h.apply = [&](RowGroup& g, KindImport& out) { return imp.apply(g, out); };
  auto r = detail::run_rows(in, env.svc.store().db(), h, opts);
  if (r) r->count("alerts");
  return r;
}

}  // namespace lz::exchange
