#include "livelihood/jobs.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace lz::livelihood {

namespace {

constexpr Term kEmployerKinds[] = {
    {"enterprise", "企业", "enterprise"},
    {"poverty_workshop", "扶贫车间", "poverty workshop"},
    {"poverty_enterprise", "扶贫企业", "poverty enterprise"},
};
constexpr Term kWorkKinds[] = {
    {"farming", "种养殖", "farming"},           {"processing", "加工", "processing"},
    {"manufacturing", "制造", "manufacturing"}, {"construction", "建筑", "construction"},
    {"services", "服务", "services"},           {"sanitation", "保洁环卫", "sanitation"},
    {"logistics", "物流运输", "logistics"},     {"other", "其他", "other"},
};
constexpr Term kHours[] = {{"full_time", "全职", "full time"}, {"part_time", "兼职", "part time"}};
constexpr Term kLabourerStatuses[] = {{"available", "待岗", "available"},
                                      {"placed", "已就业", "placed"},
                                      {"unavailable", "暂不就业", "unavailable"}};
constexpr Term kPlaces[] = {
    {"village", "本村", "own village"},
    {"township", "本镇", "own township"},
    {"county", "本县(市)", "within the county"},
    {"anywhere", "不限", "anywhere"},
};
constexpr Term kPostingStatuses[] = {
    {"open", "招聘中", "open"}, {"filled", "已招满", "filled"}, {"closed", "已关闭", "closed"}};
constexpr Term kWelfareKinds[] = {
    {"cleaner", "保洁员", "cleaner"},
    {"mask_collector", "口罩回收员", "mask collector"},
    {"forest_ranger", "护林员", "forest ranger"},
    {"epidemic_duty", "防疫值守", "epidemic duty"},
    {"road_keeper", "护路员", "road keeper"},
    {"water_keeper", "管水员", "water keeper"},
    {"other", "其他", "other"},
};

Error bad_term(const char* field, std::string_view given, std::span<const Term> terms) {
  std::string ids, zh;
  for (const auto& t : terms) {
    if (!ids.empty()) ids += ", ", zh += "、";
    ids += t.id;
    zh += fmt::format("{}({})", t.zh, t.id);
  }
  return invalid(fmt::format("{}.unknown", field), field,
                 fmt::format("“{}”不是有效取值，可选：{}", given, zh),
                 fmt::format("\"{}\" is not a valid value; one of: {}", given, ids));
}

Status norm_term(std::string& v, const char* field, std::span<const Term> terms, bool required) {
  v = text::normalize(v);
  if (v.empty()) {
    if (!required) return {};
    return invalid("required", field, fmt::format("{}不能为空", field),
                   fmt::format("{} is required", field));
  }
  auto id = term_id(terms, v);
  if (!id) return bad_term(field, v, terms);
  v = *id;
  return {};
}

Status norm_text(std::string& v, const char* field, long max_chars, bool required) {
  v = text::normalize(v);
  if (v.empty() && required)
    return invalid("required", field, fmt::format("{}不能为空", field),
                   fmt::format("{} is required", field));
  if (text::utf8_length(v) > max_chars)
    return invalid("too_long", field, fmt::format("{}最多{}个字", field, max_chars),
                   fmt::format("{} may have at most {} characters", field, max_chars));
  return {};
}

Status check_village(const std::string& code, const char* field, std::string_view county) {
  if (is_village_code(code, county)) return {};
  return invalid(
      "region.not_village", field,
      fmt::format("{}应为本县（市）的村或社区代码（12位），而不是“{}”", field, code),
      fmt::format("{} must be a village or community code of the county (12 digits), not \"{}\"",
                  field, code));
}

Status check_pay(int64_t fen, const char* field) {
  if (fen > 0 && fen <= 10'000'000) return {};
  return invalid("pay.out_of_range", field, fmt::format("{}应大于0元且不超过10万元", field),
                 fmt::format("{} must be above 0 and at most 100,000 yuan", field));
}

Status norm_skills(std::vector<std::string>& skills, const char* field) {
  std::vector<std::string> out;
  for (auto& s : skills) {
    for (auto& part : split_skills(s)) {
      if (text::utf8_length(part) > 20)
        return invalid("too_long", field, fmt::format("技能“{}”过长（最多20个字）", part),
                       fmt::format("The skill \"{}\" is too long (at most 20 characters)", part));
      if (std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
    }
  }
  if (out.size() > 20) return invalid("too_many", field, "技能最多20项", "At most 20 skills");
  skills = std::move(out);
  return {};
}

}  // namespace

std::span<const Term> employer_kinds() {
  return kEmployerKinds;
}
std::span<const Term> work_kinds() {
  return kWorkKinds;
}
std::span<const Term> work_hours() {
  return kHours;
}
std::span<const Term> labourer_statuses() {
  return kLabourerStatuses;
}
std::span<const Term> place_preferences() {
  return kPlaces;
}
std::span<const Term> posting_statuses() {
  return kPostingStatuses;
}
std::span<const Term> welfare_post_kinds() {
  return kWelfareKinds;
}

std::optional<std::string> term_id(std::span<const Term> terms, std::string_view given) {
  for (const auto& t : terms)
    if (given == t.id || given == t.zh) return std::string(t.id);
  return std::nullopt;
}

const Term* find_term(std::span<const Term> terms, std::string_view id) {
  for (const auto& t : terms)
    if (id == t.id) return &t;
  return nullptr;
}

const char* tier_id(Tier t) {
  switch (t) {
    case Tier::kRegisteredPoor:
      return "registered_poor";
    case Tier::kMarginal:
      return "marginal";
    case Tier::kOther:
      return "other";
  }
  return "other";
}

Tier tier_of(std::string_view s) {
  if (s == "registered_poor" || s == "lifted") return Tier::kRegisteredPoor;
  if (s == "marginal") return Tier::kMarginal;
  return Tier::kOther;
}

Status check_eligible(int64_t person_id, const std::string& name,
                      std::optional<int64_t> household_id, std::string_view status) {
  if (!household_id)
    return invalid(
        "labourer.not_eligible", "person_id",
        fmt::format("{}（人员{}）不属于任何户，不能登记为贫困劳动力", name, person_id),
        fmt::format(
            "{} (person {}) belongs to no household and cannot be registered as a poor labourer",
            name, person_id));
  if (tier_of(status) == Tier::kOther)
    return invalid(
        "labourer.not_eligible", "person_id",
        fmt::format(
            "{}（人员{}）所在户{}不是建档立卡贫困户（含脱贫户）或边缘户，不能登记为贫困劳动力",
            name, person_id, *household_id),
        fmt::format("{} (person {}): household {} is neither registered poor (incl. lifted) nor "
                    "marginal, so they "
                    "cannot be registered as a poor labourer",
                    name, person_id, *household_id));
  return {};
}

bool is_village_code(std::string_view code, std::string_view county) {
  return code.size() == 12 && text::is_all_digits(code) && !county.empty() &&
         code.starts_with(county);
}

std::vector<std::string> split_skills(std::string_view text_in) {
  std::string t = text::to_half_width(text_in);
  // Chinese separators to commas.
  for (const char* sep : {"、", "，", "；"}) {
    std::string s(sep);
    for (size_t p; (p = t.find(s)) != std::string::npos;) t.replace(p, s.size(), ",");
  }
  for (char& ch : t)
    if (ch == ';') ch = ',';
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= t.size()) {
    size_t comma = t.find(',', start);
    if (comma == std::string::npos) comma = t.size();
    auto part = text::normalize(std::string_view(t).substr(start, comma - start));
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

std::string join_skills(const std::vector<std::string>& skills) {
  std::string out;
  for (const auto& s : skills) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

Status validate_labourer(Labourer& l) {
  LZ_TRY(norm_skills(l.skills, "skills"));
  LZ_TRY(norm_term(l.hours, "hours", work_hours(), true));
  LZ_TRY(norm_term(l.wanted_kind, "wanted_kind", work_kinds(), false));
  if (l.wanted_place.empty()) l.wanted_place = "anywhere";
  LZ_TRY(norm_term(l.wanted_place, "wanted_place", place_preferences(), true));
  LZ_TRY(norm_term(l.status, "status", labourer_statuses(), true));
  LZ_TRY(norm_text(l.returned_from, "returned_from", 40, false));
  LZ_TRY(norm_text(l.note, "note", 500, false));
  if (l.available_from < *Date::from_ymd(2000, 1, 1))
    return invalid("date.out_of_range", "available_from", "available_from应为2000年以后的日期",
                   "available_from must be a date from 2000 on");
  return {};
}

Status validate_employer(Employer& e, std::string_view county) {
  LZ_TRY(norm_term(e.kind, "kind", employer_kinds(), true));
  LZ_TRY(norm_text(e.name, "name", 60, true));
  LZ_TRY(norm_text(e.contact_name, "contact_name", 30, false));
  e.contact_phone = text::strip_spaces(text::to_half_width(e.contact_phone));
  if (!e.contact_phone.empty() && (e.contact_phone.size() < 7 || e.contact_phone.size() > 20))
    return invalid("phone.invalid", "contact_phone", "联系电话应为7到20位",
                   "contact_phone must have 7 to 20 digits");
  LZ_TRY(norm_text(e.note, "note", 500, false));
  if (e.region_code.size() < 6 || county.empty() || !e.region_code.starts_with(county) ||
      !text::is_all_digits(e.region_code))
    return invalid("region.invalid", "region_code", "region_code应为本县（市）的区划代码",
                   "region_code must be a division code of the county");
  return {};
}

Status validate_posting(Posting& p, std::string_view county) {
  LZ_TRY(norm_text(p.title, "title", 60, true));
  LZ_TRY(norm_term(p.kind, "kind", work_kinds(), true));
  LZ_TRY(norm_term(p.hours, "hours", work_hours(), true));
  LZ_TRY(norm_term(p.status, "status", posting_statuses(), true));
  LZ_TRY(norm_skills(p.skills, "skills"));
  LZ_TRY(norm_text(p.note, "note", 500, false));
  LZ_TRY(check_pay(p.monthly_pay_fen, "monthly_pay"));
  if (p.places < 1 || p.places > 10000)
    return invalid("places.out_of_range", "places", "招聘人数应在1到10000之间",
                   "places must be 1 to 10,000");
  if (p.region_code.size() < 9 || county.empty() || !p.region_code.starts_with(county) ||
      !text::is_all_digits(p.region_code))
    return invalid("region.invalid", "region_code", "region_code应为本县（市）的镇或村代码",
                   "region_code must be a township or village code of the county");
  return {};
}

Status validate_welfare_post(WelfarePost& w, std::string_view county) {
  LZ_TRY(norm_term(w.kind, "kind", welfare_post_kinds(), true));
  LZ_TRY(norm_text(w.title, "title", 60, false));
  if (w.title.empty()) w.title = find_term(welfare_post_kinds(), w.kind)->zh;
  LZ_TRY(check_village(w.region_code, "region_code", county));
  LZ_TRY(check_pay(w.monthly_pay_fen, "monthly_pay"));
  LZ_TRY(norm_text(w.note, "note", 500, false));
  return {};
}

int64_t wage_credit_fen(int64_t monthly_fen, Date start, std::optional<Date> end, int year) {
  Date first = *Date::from_ymd(year, 1, 1), last = *Date::from_ymd(year, 12, 31);
  Date from = std::max(start, first);
  Date to = end ? std::min(*end, last) : last;
  if (to < from) return 0;
  int64_t total = 0;
  for (int m = from.month(); m <= to.month(); ++m) {
    int dim = days_in_month(year, m);
    Date m_first = *Date::from_ymd(year, m, 1), m_last = *Date::from_ymd(year, m, dim);
    int days = (std::min(to, m_last) - std::max(from, m_first)) + 1;
    if (days >= dim)
      total += monthly_fen;
    else
      total += (monthly_fen * days * 2 + dim) / (2 * dim);  // halves up
  }
  return total;
}

bool periods_overlap(Date a_from, std::optional<Date> a_to, Date b_from, std::optional<Date> b_to) {
  bool a_before_b = a_to && *a_to < b_from;
  bool b_before_a = b_to && *b_to < a_from;
  return !a_before_b && !b_before_a;
}

}  // namespace lz::livelihood

namespace lz::livelihood {
Status check_can_work(const std::string& name, const std::string& labour, Date birth_date,
                      Date today) {
  if (labour == "lost" || labour == "none")
    return invalid("labourer.cannot_work", "person_id",
                   fmt::format("{}在户籍库中登记为{}，不能登记为待就业劳动力", name,
                               labour == "lost" ? "丧失劳动力" : "无劳动力"),
                   fmt::format("{} is registered with {}: not a labourer to place", name,
                               labour == "lost" ? "lost labour capacity" : "no labour capacity"));
  if (birth_date.age_on(today) < 16)
    return invalid("labourer.cannot_work", "person_id",
                   fmt::format("{}未满16周岁，不能登记为劳动力", name),
                   fmt::format("{} is under 16 and cannot be registered as a labourer", name));
  return {};
}
}  // namespace lz::livelihood
