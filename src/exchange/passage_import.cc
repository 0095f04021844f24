#include "exchange/passage_import.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/id_number.h"
#include "core/text.h"
#include "exchange/normalize.h"

namespace lz::exchange {

namespace {
// A time as people write it in messages: "2020-02-12 08:30" (not ISO's T).
std::string shown_at(epidemic::DateTime at) {
  std::string s = at.iso();
  if (auto t = s.find('T'); t != std::string::npos) s[t] = ' ';
  return s;
}
}  // namespace

using namespace lz::epidemic;
using detail::RowGroup;

const KindSpec& passages_spec() {
  static const KindSpec k{
      "passages",
      "卡点通行登记（每位人员一行）",
      "checkpoint passages (one row per traveller)",
      {
          {"checkpoint",
           "卡点",
           "checkpoint",
           {"卡点名称", "卡点编号", "检查点", "checkpoint_id"},
           true,
           "1"},
          {"at",
           "时间",
           "time",
           {"通行时间", "检查时间", "登记时间", "时刻"},
           true,
           "2020-02-10 08:30"},
          {"date", "日期", "day", {"通行日期", "检查日期"}, false, ""},
          {"plate", "车牌号", "plate", {"车牌", "车牌号码", "号牌号码"}, false, "湘B12345"},
          {"origin", "来自", "from", {"出发地", "从何地来", "来源地", "始发地"}, false, "株洲市区"},
          {"destination",
           "前往",
           "to",
           {"目的地", "去往", "到何地", "前往地"},
           false,
           "官庄镇瓦子坪村"},
          {"name", "姓名", "name", {"人员姓名", "乘员姓名"}, false, "张三"},
          {"id_number",
           "公民身份号码",
           "ID number",
           {"身份证号", "身份证号码", "证件号码", "身份证"},
           false,
           "430281199001011239"},
          {"phone", "联系电话", "phone", {"电话", "手机", "手机号码"}, false, "13812345678"},
          {"temperature", "体温", "temperature", {"体温℃", "测量体温"}, true, "36.5"},
      }};
  return k;
}

namespace {

std::string column_of(const std::string& field) {
  auto [idx, last] = detail::split_field(field);
  if (last == "temperature_tenths") return "temperature";
  if (last == "at") return "at";
  if (last == "persons" || last == "travellers") return "";
  return last;
}

class PassageImporter {
 public:
  PassageImporter(EpidemicImportEnv& env, const ImportOptions& opts) : env_(env), opts_(opts) {}

  std::string key(const RowGroup& g, const Row& r) const {
    return text::strip_spaces(clean_cell(g.cell(r, "checkpoint"))) + "|" +
           text::strip_spaces(clean_cell(g.cell(r, "date"))) + "|" +
           text::strip_spaces(clean_cell(g.cell(r, "at"))) + "|" +
           text::strip_spaces(clean_cell(g.cell(r, "plate")));
  }

  Status apply(RowGroup& g, KindImport& out) {
    const Row& first = g.rows.front();
    auto cp = checkpoint(g, first);
    if (!cp) return cp.error();
    auto at = detail::datetime_cell(g, first, "at", "date");
    Passage p;
    p.checkpoint_id = *cp ? (*cp)->id : 0;
    if (at) p.at = *at;
    p.plate = clean_cell(g.cell(first, "plate"));
    p.origin = clean_name(g.cell(first, "origin"));
    p.destination = clean_name(g.cell(first, "destination"));
    for (const Row& r : g.rows) {
      // The passage's own cells must agree on every row of the group.
      for (const char* k : {"origin", "destination"}) {
        std::string v = clean_name(g.cell(r, k));
        if (&r != &first && !v.empty() && v != clean_name(g.cell(first, k)))
          g.error(
              r, k,
              invalid("passage.inconsistent", k,
                      fmt::format("同一车次（第{}行起）的“{}”不一致：第{}行是“{}”", first.number,
                                  k == std::string("origin") ? "来自" : "前往", first.number,
                                  clean_name(g.cell(first, k))),
                      fmt::format("Rows of the same passage (from row {}) disagree on \"{}\": row "
                                  "{} has \"{}\"",
                                  first.number, k, first.number, clean_name(g.cell(first, k)))));
      }
      Traveller t;
      t.name = clean_name(g.cell(r, "name"));
      t.phone = clean_cell(g.cell(r, "phone"));
      std::string idn = clean_cell(g.cell(r, "id_number"));
      if (!idn.empty()) {
        if (auto id = IdNumber::parse(idn, opts_.today.plus_days(1)))
          t.id_number = id->str();
        else
          g.error(r, "id_number", id.error());
      }
      if (auto temp = detail::temperature_cell(g, r, "temperature"))
        t.temperature_tenths = *temp;
      else if (clean_cell(g.cell(r, "temperature")).empty())
        g.error(r, "temperature",
                invalid("temperature.required", "temperature", "体温不能为空",
                        "The temperature is missing"));
      p.travellers.push_back(t);
    }
    if (!g.ok() || !*cp) return {};
    // The same passage already recorded, or earlier in this file.
    std::string plate_key = text::strip_spaces(text::to_half_width(p.plate));
    for (auto& ch : plate_key) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string dup = fmt::format("{}|{}|{}", p.checkpoint_id, p.at.iso(), plate_key);
    if (auto it = seen_.find(dup); it != seen_.end()) {
      g.error(
          first, "at",
          conflict(
              "passage.duplicate_in_file", "at",
              fmt::format(
                  "与第{}行是同一卡点、同一时间、同一车牌的通行记录（同一车次的人员请写在相邻行）",
                  it->second),
              fmt::format(
                  "Same checkpoint, time and plate as row {} (put the travellers of one passage in "
                  "adjacent rows)",
                  it->second)));
      return {};
    }
    auto known = recorded(p.checkpoint_id, p.at.date());
    if (!known) return known.error();
    if ((*known)->count(fmt::format("{}|{}", p.at.iso(), plate_key))) {
      g.error(
          first, "at",
          conflict(
              "passage.duplicate", "at",
              fmt::format("卡点{}在{}已有车牌“{}”的通行记录，不重复导入", (*cp)->name,
                          shown_at(p.at), p.plate),
              fmt::format("Checkpoint {} already has a passage of \"{}\" at {}: not imported twice",
                          (*cp)->name, p.plate, shown_at(p.at))));
      return {};
    }
    auto res = env_.svc.record_passage(p, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      domain_error(g, p, **cp, res.error());
      return {};
    }
    seen_[dup] = first.number;
    (*known)->insert(fmt::format("{}|{}", res->view.p.at.iso(), res->view.p.plate));
    out.report.added += static_cast<long>(g.rows.size());
    ++out.count("passages");
    out.count("fevers") += res->view.fevers;
    out.count("key_persons_referred") += static_cast<long>(res->reactions.key_persons.size());
    return {};
  }

 private:
  // The checkpoint by id or name; nullopt (row error recorded) if unknown or not the importer's.
  Result<const Checkpoint*> checkpoint(RowGroup& g, const Row& r) {
    if (!loaded_) {
      auto all = env_.svc.store().checkpoints("");
      if (!all) return all.error();
      checkpoints_ = std::move(all).value();
      loaded_ = true;
    }
    std::string s = text::strip_spaces(clean_name(g.cell(r, "checkpoint")));
    const Checkpoint* found = nullptr;
    int named = 0;
    for (const auto& c : checkpoints_) {
      if (text::is_all_digits(s) && std::to_string(c.id) == s) found = &c;
      if (text::strip_spaces(c.name) == s) {
        found = found ? found : &c;
        ++named;
      }
    }
    if (s.empty()) {
      g.error(r, "checkpoint",
              invalid("checkpoint.required", "checkpoint", "卡点不能为空（填卡点编号或名称）",
                      "The checkpoint is missing (its id or name)"));
      return static_cast<const Checkpoint*>(nullptr);
    }
    if (!found) {
      g.error(r, "checkpoint",
              not_found("checkpoint.unknown", "checkpoint", fmt::format("卡点“{}”不存在", s),
                        fmt::format("There is no checkpoint \"{}\"", s)));
      return static_cast<const Checkpoint*>(nullptr);
    }
    if (named > 1 && !text::is_all_digits(s)) {
      g.error(r, "checkpoint",
              invalid("checkpoint.ambiguous", "checkpoint",
                      fmt::format("有多个卡点名为“{}”，请填卡点编号", s),
                      fmt::format("More than one checkpoint is called \"{}\": give its id", s)));
      return static_cast<const Checkpoint*>(nullptr);
    }
    bool mine = env_.checkpoint_only ? *env_.checkpoint_only == found->id
                                     : (!env_.covers || env_.covers(found->region_code));
    if (!mine) {
      g.error(r, "checkpoint",
              invalid("checkpoint.out_of_scope", "checkpoint",
                      fmt::format("卡点“{}”（编号{}）不在您的管辖范围内", found->name, found->id),
                      fmt::format("Checkpoint \"{}\" ({}) is outside your jurisdiction",
                                  found->name, found->id)));
      return static_cast<const Checkpoint*>(nullptr);
    }
    return found;
  }

  // "time|plate" of the passages recorded at a checkpoint on a day.
  Result<std::set<std::string>*> recorded(int64_t checkpoint_id, Date d) {
    auto key = std::make_pair(checkpoint_id, d.iso());
    auto it = recorded_.find(key);
    if (it != recorded_.end()) return &it->second;
    auto list = env_.svc.store().passages(checkpoint_id, d, false, 1000000, 0);
    if (!list) return list.error();
    auto& set = recorded_[key];
    for (const auto& v : list->items) set.insert(fmt::format("{}|{}", v.p.at.iso(), v.p.plate));
    return &set;
  }

  void domain_error(RowGroup& g, const Passage& p, const Checkpoint& cp, const Error& e) {
    if (!e.details.empty()) {
      for (const auto& d : e.details) domain_error(g, p, cp, d);
      return;
    }
    auto [idx, last] = detail::split_field(e.field);
    const Row* row = &g.rows.front();
    if (e.field.rfind("travellers[", 0) == 0 && idx >= 0 &&
        static_cast<size_t>(idx) < g.rows.size()) {
      row = &g.rows[idx];
    } else if (e.field.rfind("referrals[", 0) == 0 && idx >= 0) {
      // The referral's traveller: by its ID number.
      auto refs = referrals(p, cp.region_code, env_.svc.config());
      if (static_cast<size_t>(idx) < refs.size())
        for (size_t i = 0; i < p.travellers.size(); ++i)
          if (!p.travellers[i].id_number.empty() &&
              p.travellers[i].id_number == refs[idx].id_number) {
            row = &g.rows[i];
            break;
          }
      if (last == "region_code" || last == "travel" || last == "from_place") last = "";
    }
    std::string col = column_of(last);
    g.error(*row, g.has(col) ? col : "", e);
  }

  EpidemicImportEnv& env_;
  const ImportOptions& opts_;
  bool loaded_ = false;
  std::vector<Checkpoint> checkpoints_;
  std::map<std::string, long> seen_;
  std::map<std::pair<int64_t, std::string>, std::set<std::string>> recorded_;
};

}  // namespace

Result<KindImport> import_passages(TableReader& in, EpidemicImportEnv& env,
                                   const ImportOptions& opts) {
  PassageImporter imp(env, opts);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &passages_spec();
  h.group_key = [&](const RowGroup& g, const Row& r) { return imp.key(g, r); };
  h.apply = [&](RowGroup& g, KindImport& out) { return imp.apply(g, out); };
  auto r = detail::run_rows(in, env.svc.store().db(), h, opts);
  if (r) {
    r->count("passages");
    r->count("fevers");
    r->count("key_persons_referred");
  }
  return r;
}

}  // namespace lz::exchange
