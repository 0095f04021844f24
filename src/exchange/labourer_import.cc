// Import of the kind `labourers`: the labour register of the poor, one row
// per person (姓名*, 公民身份号码*, 技能, 可就业日期, 全职兼职, 从何地返乡,
// 意向工种, 意向地点, 状态, 备注). The person is the registry's with that ID
// number (another name is refused). A person not yet registered goes through
// JobsService::register_labourer (only members of registered-poor, lifted or
// marginal households, aged 16 or over and able to work: the domain's
// reasons); one already registered is updated with the cells filled in
// (JobsService::update_labourer; `unchanged` when they say what is there).
// The same person twice in a file is refused naming the earlier row.
#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "exchange/livelihood_import.h"
#include "exchange/normalize.h"

namespace lz::exchange {

using namespace lz::livelihood;
using detail::RowGroup;

const KindSpec& labourers_spec() {
  static const KindSpec k{"labourers",
                          "劳动力登记",
                          "labour register",
                          {
                              {"name", "姓名", "name", {"劳动力姓名"}, true, "张三"},
                              {"id_number",
                               "公民身份号码",
                               "ID number",
                               {"身份证号", "身份证号码", "证件号码", "身份证", "idnumber"},
                               true,
                               "430281199001011239"},
                              {"skills",
                               "技能",
                               "skills",
                               {"技能特长", "专业技能", "掌握技能", "特长"},
                               false,
                               "电焊、驾驶"},
                              {"available_from",
                               "可就业日期",
                               "available from",
                               {"可上岗日期", "可务工日期", "可外出日期", "可就业时间"},
                               false,
                               "2020-02-15"},
                              {"hours",
                               "全职兼职",
                               "hours",
                               {"全职/兼职", "就业方式", "工作时间", "用工方式"},
                               false,
                               "全职"},
                              {"returned_from",
                               "从何地返乡",
                               "returned from",
                               {"返乡前务工地", "原务工地", "原务工地点", "务工地", "从何地返回"},
                               false,
                               "广东东莞"},
                              {"wanted_kind",
                               "意向工种",
                               "wanted kind of work",
                               {"就业意向", "求职意向", "意向岗位", "意向行业"},
                               false,
                               "制造"},
                              {"wanted_place",
                               "意向地点",
                               "wanted place",
                               {"意向就业地", "就业地点意向", "意向务工地", "务工意向地"},
                               false,
                               "本县(市)"},
                              {"status", "状态", "status", {"就业状态", "登记状态"}, false, "待岗"},
                              {"note", "备注", "note", {"说明"}, false, ""},
                          }};
  return k;
}

namespace {

std::string_view column_of(std::string_view field) {
  if (field == "person_id") return "id_number";
  auto dot = field.rfind('.');
  return dot == std::string_view::npos ? field : field.substr(dot + 1);
}

bool same(const Labourer& a, const Labourer& b) {
  return a.skills == b.skills && a.available_from == b.available_from && a.hours == b.hours &&
         a.returned_from == b.returned_from && a.wanted_kind == b.wanted_kind &&
         a.wanted_place == b.wanted_place && a.status == b.status && a.note == b.note;
}

class LabourerImporter {
 public:
  LabourerImporter(LivelihoodImportEnv& env, const ImportOptions& opts) : env_(env), opts_(opts) {}

 private:
  void domain_error(RowGroup& g, const Row& r, const Error& e) {
    if (!e.details.empty()) {
      for (const auto& d : e.details) domain_error(g, r, d);
      return;
    }
    std::string_view col = column_of(e.field);
    g.error(r, g.has(col) ? col : std::string_view(), e);
  }

 public:
  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    std::string name = text::strip_spaces(clean_name(g.cell(r, "name")));
    std::string id = detail::id_number_cell(g, r, "id_number", opts_.today);
    if (name.empty())
      g.error(r, "name", invalid("name.required", "name", "姓名不能为空", "The name is missing"));
    if (id.empty() && g.ok())
      g.error(r, "id_number",
              invalid("id_number.required", "id_number", "公民身份号码不能为空",
                      "The ID number is missing"));
    // The cells given (empty: not given; on an update, left as they are).
    Labourer given;
    given.skills = split_skills(clean_name(g.cell(r, "skills")));
    auto from = detail::date_cell(g, r, "available_from");
    given.hours = clean_name(g.cell(r, "hours"));  // labels in Traditional too
    given.returned_from = clean_name(g.cell(r, "returned_from"));
    given.wanted_kind = clean_name(g.cell(r, "wanted_kind"));
    given.wanted_place = clean_name(g.cell(r, "wanted_place"));
    given.status = clean_name(g.cell(r, "status"));
    given.note = text::trim(clean_cell(g.cell(r, "note")));
    if (!g.ok()) return {};
    if (auto it = seen_.find(id); it != seen_.end()) {
      g.error(r, "id_number",
              conflict("labourer.duplicate_in_file", "id_number",
                       fmt::format("公民身份号码{}已在第{}行登记，每人一行", id, it->second),
                       fmt::format("The ID number {} is already in row {}: one row per person", id,
                                   it->second)));
      return {};
    }
    auto person = env_.store.person_by_id_number(id);
    if (!person) return person.error();
    if (!*person) {
      g.error(r, "id_number",
              not_found("person.unknown", "id_number",
                        fmt::format("公民身份号码{}不在户籍库中（先登记户籍）", id),
                        fmt::format("The ID number {} is not in the registry (register the "
                                    "household first)",
                                    id)));
      return {};
    }
    const Person& p = **person;
    if (text::strip_spaces(p.name) != name) {
      g.error(r, "name",
              invalid("labourer.name_mismatch", "name",
                      fmt::format("公民身份号码{}登记的姓名是“{}”，不是“{}”", id, p.name, name),
                      fmt::format("The ID number {} is registered as \"{}\", not \"{}\"", id,
                                  p.name, name)));
      return {};
    }
    if (env_.covers && !env_.covers(p.region_code)) {
      g.error(r, "id_number", detail::out_of_scope(p.region_code));
      return {};
    }
    seen_[id] = r.number;
    // Already registered? (one registration per person; looked up by household)
    std::optional<sqlite::LabourerView> before;
    if (p.household_id) {
      sqlite::LabourerQuery q;
      q.household_id = p.household_id;
      q.limit = 100;
      auto list = env_.jobs.store().labourers(q);
      if (!list) return list.error();
      for (auto& v : list->items)
        if (v.l.person_id == p.id) before = std::move(v);
    }
    if (!before) {
      Labourer in = given;
      in.person_id = p.id;
      if (from) in.available_from = *from;
      if (in.hours.empty()) in.hours = "full_time";
      if (in.wanted_place.empty()) in.wanted_place = "anywhere";
      auto res = env_.jobs.register_labourer(in, env_.actor);
      if (!res) {
        if (res.error().kind == ErrorKind::kInternal) return res.error();
        domain_error(g, r, res.error());
        return {};
      }
      ++out.report.added;
      return {};
    }
    Labourer in = before->l;
    if (!given.skills.empty()) in.skills = given.skills;
    if (from) in.available_from = *from;
    for (auto [field, value] : {std::pair{&in.hours, &given.hours},
                                {&in.returned_from, &given.returned_from},
                                {&in.wanted_kind, &given.wanted_kind},
                                {&in.wanted_place, &given.wanted_place},
                                {&in.status, &given.status},
                                {&in.note, &given.note}})
      if (!value->empty()) *field = *value;
    // "placed" in the file for a placed labourer says what is there.
    Labourer check = in;
    if (auto st = validate_labourer(check); !st) {
      domain_error(g, r, st.error());
      return {};
    }
    if (same(check, before->l)) {
      ++out.report.unchanged;
      return {};
    }
    auto res = env_.jobs.update_labourer(in, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      domain_error(g, r, res.error());
      return {};
    }
    ++out.report.updated;
    return {};
  }

 private:
  LivelihoodImportEnv& env_;
  const ImportOptions& opts_;
  std::map<std::string, long> seen_;
};

}  // namespace

Result<KindImport> import_labourers(TableReader& in, LivelihoodImportEnv& env,
                                    const ImportOptions& opts) {
  LabourerImporter imp(env, opts);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &labourers_spec();
  h.apply = detail::each_row(
      [&](RowGroup& g, const Row& r, KindImport& out) { return imp.apply_row(g, r, out); });
  return detail::run_rows(in, env.store.db(), h, opts);
}

}  // namespace lz::exchange
