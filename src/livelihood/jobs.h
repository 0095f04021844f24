// Jobs (就业) on the livelihood front: the labour register of the poor,
// employers, job postings, placements and public-welfare posts (公益岗位), as
// domain values with their validation and the wage-income credit rule.
// No SQL, no HTTP. Matching (ranking candidates for a posting) is in
// livelihood/matching.h.
//
// Who may be registered: a member of a household in the poverty register
// (建档立卡: registered_poor, and lifted — still registered and monitored) or
// a non-poor marginal household (边缘户). Anybody else is refused
// (labourer.not_eligible) with the reason.
//
// The wage-income credit (一超过): a placement or a welfare-post holding adds
// to its household's poverty_income.wage_fen of the year of its start:
//   each calendar month of that year worked in full counts the monthly wage;
//   a month worked in part counts wage x days worked / days in that month
//   (rounded to the fen, halves up);
// from the start date to the end date (inclusive) or, when open, to 31
// December of that year. Ending early (or changing the end) credits the
// difference (negative: the income goes down), so the household's wage income
// always holds exactly what its placements are worth.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace lz::livelihood {

// ---------------------------------------------------------------- vocabularies

struct Term {
  const char* id;
  const char* zh;
  const char* en;
};

// employer kinds: enterprise 企业, poverty_workshop 扶贫车间, poverty_enterprise 扶贫企业
std::span<const Term> employer_kinds();
// kinds of work (a posting's kind, a labourer's wanted kind): farming 种养殖,
// processing 加工, manufacturing 制造, construction 建筑, services 服务,
// sanitation 保洁环卫, logistics 物流运输, other 其他
std::span<const Term> work_kinds();
// full_time 全职, part_time 兼职
std::span<const Term> work_hours();
// labourer status: available 待岗, placed 已就业, unavailable 暂不就业
std::span<const Term> labourer_statuses();
// where a labourer would work: village 本村, township 本镇, county 本县(市), anywhere 不限(含外出)
std::span<const Term> place_preferences();
// posting status: open 招聘中, filled 已招满, closed 已关闭
std::span<const Term> posting_statuses();
// welfare posts: cleaner 保洁员, mask_collector 口罩回收员, forest_ranger 护林员,
// epidemic_duty 防疫值守, road_keeper 护路员, water_keeper 管水员, other 其他
std::span<const Term> welfare_post_kinds();

// The term with this id or Chinese label (normalised to the id); nullopt if none.
std::optional<std::string> term_id(std::span<const Term> terms, std::string_view given);
const Term* find_term(std::span<const Term> terms, std::string_view id);

// ---------------------------------------------------------------- eligibility

// A household's standing for jobs: the matching tier and who may register.
enum class Tier { kRegisteredPoor = 0, kMarginal = 1, kOther = 2 };
const char* tier_id(Tier t);  // registered_poor | marginal | other
// From poverty_household.status ("" when the household is not in the register).
Tier tier_of(std::string_view poverty_status);
// Ok for registered_poor, lifted and marginal; else labourer.not_eligible
// naming the person and why.
Status check_eligible(int64_t person_id, const std::string& name,
                      std::optional<int64_t> household_id, std::string_view poverty_status);

// ---------------------------------------------------------------- records

struct Labourer {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t household_id = 0;
  std::string region_code;  // the household's
  std::vector<std::string> skills;
  Date available_from;
  std::string hours = "full_time";
  std::string returned_from;  // 广东东莞, "" if they did not go away
  std::string wanted_kind;    // a work kind or ""
  std::string wanted_place = "anywhere";
  std::string status = "available";
  std::string note;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct Employer {
  int64_t id = 0;
  std::string kind;  // employer_kinds
  std::string name;
  std::string region_code;
  std::string contact_name, contact_phone;
  std::optional<int64_t> enterprise_id;  // the enterprise register (011), not a foreign key
  std::string note;
  bool active = true;  // a deactivated employer posts no new jobs
  int64_t version = 1;
};

struct Posting {
  int64_t id = 0;
  int64_t employer_id = 0;
  std::string title;
  std::string kind;         // work_kinds
  std::string region_code;  // where the work is
  int64_t monthly_pay_fen = 0;
  int64_t places = 1;
  int64_t filled = 0;  // placements running now (kept by the store)
  Date start_date;
  std::vector<std::string> skills;
  std::string hours = "full_time";
  std::string status = "open";
  std::string note;
  int64_t version = 1;
};

struct Placement {
  int64_t id = 0;
  int64_t labourer_id = 0;
  int64_t person_id = 0;
  int64_t household_id = 0;
  int64_t posting_id = 0;
  std::string region_code;  // the labourer's
  Date start_date;
  std::optional<Date> end_date;
  int64_t monthly_wage_fen = 0;
  int credit_year = 0;
  int64_t credited_fen = 0;  // what is in the household's wage income now
  std::string end_reason;
  int64_t version = 1;
};

struct WelfarePost {
  int64_t id = 0;
  std::string kind;         // welfare_post_kinds
  std::string title;        // e.g. 瓦子坪村保洁员
  std::string region_code;  // a village
  int64_t monthly_pay_fen = 0;
  std::string note;
  bool active = true;  // a withdrawn post takes no new holder
  int64_t version = 1;
};

struct WelfareHolding {
  int64_t id = 0;
  int64_t post_id = 0;
  int64_t person_id = 0;
  int64_t household_id = 0;
  std::string region_code;  // the post's
  Date from_date;
  std::optional<Date> to_date;
  int credit_year = 0;
  int64_t credited_fen = 0;
  std::string end_reason;
};

// ---------------------------------------------------------------- validation

// Normalises and checks a labourer: skills trimmed, deduplicated, at most 20
// of 20 characters; vocabularies; available_from not before 2000.
Status validate_labourer(Labourer& l);
// `county`: the database's county code (6 digits), which every region code
// here must lie in.
Status validate_employer(Employer& e, std::string_view county);
Status validate_posting(Posting& p,
                        std::string_view county);  // places 1..10000, pay > 0 and <= 100,000 yuan
Status validate_welfare_post(WelfarePost& w, std::string_view county);
// A region code is a village (12 digits) of the county.
bool is_village_code(std::string_view code, std::string_view county);

// The skills list as stored ("电焊、驾驶" -> {"电焊","驾驶"}); accepts 、，, ; separators.
std::vector<std::string> split_skills(std::string_view text);
std::string join_skills(const std::vector<std::string>& skills);  // comma-separated

// ---------------------------------------------------------------- income credit

// The wage credited for work from `start` to `end` (inclusive; open: to 31
// December) within `year` at `monthly_fen` a month (see the rule above). Days
// outside `year` count nothing.
int64_t wage_credit_fen(int64_t monthly_fen, Date start, std::optional<Date> end, int year);

// Overlap of two periods [a_from, a_to] and [b_from, b_to] (open end: nullopt).
bool periods_overlap(Date a_from, std::optional<Date> a_to, Date b_from, std::optional<Date> b_to);

}  // namespace lz::livelihood

namespace lz::livelihood {
// A registered labourer must be able to work: aged 16 or over on `today` and
// not of lost / no labour capacity (registry labour ids); else
// labourer.cannot_work with the reason.
Status check_can_work(const std::string& name, const std::string& labour, Date birth_date,
                      Date today);
}  // namespace lz::livelihood
