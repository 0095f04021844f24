#include "app/jobs_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "livelihood/units.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_regions.h"

namespace lz::app {

using namespace lz::livelihood;
using sqlite::Tx;

Result<std::string> JobsService::county() {
  if (county_.empty()) {
    auto c = sqlite::read_county(store_.db());
    if (!c) return c.error();
    county_ = c->code;
  }
  return county_;
}

Status JobsService::check_date(Date d, const char* field) const {
  if (d < *Date::from_ymd(2000, 1, 1) || d > *Date::from_ymd(2099, 12, 31))
    return invalid("date.out_of_range", field, fmt::format("{}应在2000年至2099年之间", field),
                   fmt::format("{} must lie between 2000 and 2099", field));
  return {};
}

Result<IncomeEffect> JobsService::credit(int64_t household_id, int year, int64_t delta,
                                         const Actor& actor) {
  IncomeEffect e;
  e.household_id = household_id;
  e.year = year;
  e.credited_fen = delta;
  auto status = store_.poverty_status(household_id);
  if (!status) return status.error();
  if (status->empty()) return e;  // not in the poverty register: nothing to credit or check
  auto before = store_.wage(household_id, year);
  if (!before) return before.error();
  e.wage_before_fen = *before;
  LZ_TRY(store_.add_wage(household_id, year, delta, actor));
  auto after = store_.wage(household_id, year);
  if (!after) return after.error();
  e.wage_after_fen = *after;
  if (year == poverty_.config().year) {
    auto c = poverty_.recheck(household_id, actor);
    if (!c) return c.error();
    e.check = std::move(*c);
  }
  return e;
}

// ---------------------------------------------------------------- labourers

Result<sqlite::LabourerView> JobsService::register_labourer(Labourer in, const Actor& actor) {
  auto p = store_.person(in.person_id);
  if (!p) return p.error();
  LZ_TRY(check_eligible(p->id, p->name, p->household_id, p->poverty_status));
  LZ_TRY(check_can_work(p->name, p->labour, p->birth_date, today()));
  in.household_id = *p->household_id;
  in.region_code = p->region_code;
  if (in.available_from == Date()) in.available_from = today();
  if (in.status.empty() || in.status == "placed") in.status = "available";
  LZ_TRY(validate_labourer(in));
  LZ_TRY(check_date(in.available_from, "available_from"));
  auto saved = store_.insert_labourer(in, actor);
  if (!saved) return saved.error();
  return store_.labourer(saved->id);
}

Result<sqlite::LabourerView> JobsService::update_labourer(Labourer in, const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto before = store_.labourer(in.id);
  if (!before) return before.error();
  if (in.version != before->l.version)
    return conflict(
        "version.stale", "version", fmt::format("劳动力登记{}已被他人修改，请刷新后重试", in.id),
        fmt::format("Labourer {} was changed by someone else: reload and try again", in.id));
  LZ_TRY(validate_labourer(in));
  LZ_TRY(check_date(in.available_from, "available_from"));
  if (in.status != before->l.status && (in.status == "placed" || before->l.status == "placed"))
    return conflict(
        "labourer.status_by_placement", "status",
        "“已就业”状态由就业安置设置和解除：请登记或结束安置",
        "The status \"placed\" is set and cleared by placements: record or end a placement");
  in.person_id = before->l.person_id;
  in.household_id = before->l.household_id;
  in.region_code = before->l.region_code;
  auto saved = store_.update_labourer(in, before->l, actor);
  if (!saved) return saved.error();
  auto out = store_.labourer(in.id);
  if (!out) return out.error();
  LZ_TRY(tx.commit());
  return out;
}

// ---------------------------------------------------------------- employers and postings

Result<Employer> JobsService::add_employer(Employer in, const Actor& actor) {
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_employer(in, *county_code));
  return store_.insert_employer(in, actor);
}

Result<Employer> JobsService::update_employer(Employer in, int64_t expected_version,
                                              const Actor& actor) {
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_employer(in, *county_code));
  return store_.update_employer(in, expected_version, actor);
}

Result<Posting> JobsService::update_posting(Posting in, int64_t expected_version,
                                            const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto before = store_.posting(in.id, today());
  if (!before) return before.error();
  in.status = before->status == "closed" ? "closed" : "open";
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_posting(in, *county_code));
  if (in.places < before->filled)
    return conflict("job_posting.places_below_filled", "places",
                    fmt::format("已有{}人在岗，名额不能少于{}", before->filled, before->filled),
                    fmt::format("{} places are filled: places cannot be fewer", before->filled));
  auto saved = store_.update_posting(in, expected_version, today(), actor);
  if (!saved) return saved.error();
  LZ_TRY(tx.commit());
  return saved;
}

Result<Posting> JobsService::add_posting(Posting in, const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto e = store_.employer(in.employer_id);
  if (!e) return e.error();
  if (!e->active)
    return conflict("employer.inactive", "employer_id",
                    fmt::format("用工单位“{}”已停用，不能发布岗位", e->name),
                    fmt::format("The employer \"{}\" is inactive: it posts no new jobs", e->name));
  if (in.status.empty()) in.status = "open";
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_posting(in, *county_code));
  if (in.status != "open")
    return invalid("job_posting.status", "status", "新岗位的状态应为招聘中(open)",
                   "A new posting is open");
  LZ_TRY(check_date(in.start_date, "start_date"));
  auto saved = store_.insert_posting(in, actor);
  if (!saved) return saved.error();
  LZ_TRY(tx.commit());
  return saved;
}

Result<Posting> JobsService::set_posting_status(int64_t id, const std::string& status,
                                                int64_t expected_version, const Actor& actor) {
  if (status != "open" && status != "closed")
    return invalid("job_posting.status", "status", "只能将岗位设为招聘中(open)或已关闭(closed)",
                   "A posting may be set open or closed (filled follows its placements)");
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto p = store_.posting(id, today());
  if (!p) return p.error();
  std::string to = status;
  if (status == "open" && p->filled >= p->places)
    to = "filled";  // reopening a full posting keeps it filled
  auto out = store_.set_posting_status(id, to, expected_version, today(), actor);
  if (!out) return out.error();
  LZ_TRY(tx.commit());
  return out;
}

Result<MatchResult> JobsService::match(int64_t posting_id, const std::string& prefix,
                                       int64_t limit) {
  auto p = store_.posting(posting_id, today());
  if (!p) return p.error();
  auto c = store_.candidates(prefix);
  if (!c) return c.error();
  MatchResult out;
  out.posting = *p;
  out.candidates = static_cast<int64_t>(c->size());
  MatchNeeds n{p->region_code, p->kind, p->skills, p->start_date, p->hours};
  out.ranked = rank_top(n, std::move(*c), static_cast<size_t>(std::max<int64_t>(0, limit)));
  return out;
}

// ---------------------------------------------------------------- placements

Result<PlacementResult> JobsService::place(const PlacementInput& in, const Actor& actor) {
  LZ_TRY(check_date(in.start_date, "start_date"));
  if (in.end_date && *in.end_date < in.start_date)
    return invalid("period.end_before_start", "end_date", "结束日期不能早于开始日期",
                   "The end date cannot be before the start date");
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto l = store_.labourer(in.labourer_id);
  if (!l) return l.error();
  auto posting = store_.posting(in.posting_id, today());
  if (!posting) return posting.error();
  if (l->l.status == "unavailable")
    return conflict(
        "labourer.unavailable", "labourer_id",
        fmt::format("{}登记为暂不就业，请先修改其劳动力登记", l->name),
        fmt::format("{} is registered as unavailable: update the registration first", l->name));
  auto overlapping = store_.overlapping_placements(l->l.id, in.start_date, in.end_date);
  if (!overlapping) return overlapping.error();
  if (l->l.status == "placed" || *overlapping > 0)
    return conflict(
        "labourer.already_placed", "labourer_id",
        fmt::format("{}已有同期的就业安置，请先结束原安置", l->name),
        fmt::format("{} already has a placement in that period: end it first", l->name));
  if (posting->filled >= posting->places)
    return conflict("job_posting.full", "posting_id",
                    fmt::format("岗位“{}”共{}个名额，已安置{}人，已招满", posting->title,
                                posting->places, posting->filled),
                    fmt::format("The posting \"{}\" has {} places and {} are taken: it is full",
                                posting->title, posting->places, posting->filled));
  if (posting->status != "open")
    return conflict("job_posting.not_open", "posting_id",
                    fmt::format("岗位“{}”当前状态为{}，不能再安置", posting->title,
                                find_term(posting_statuses(), posting->status)->zh),
                    fmt::format("The posting \"{}\" is {}: no more placements", posting->title,
                                posting->status));
  Placement p;
  p.labourer_id = l->l.id;
  p.person_id = l->l.person_id;
  p.household_id = l->l.household_id;
  p.posting_id = posting->id;
  p.region_code = l->l.region_code;
  p.start_date = in.start_date;
  p.end_date = in.end_date;
  p.monthly_wage_fen = in.monthly_wage_fen.value_or(posting->monthly_pay_fen);
  if (p.monthly_wage_fen <= 0 || p.monthly_wage_fen > 10'000'000)
    return invalid("pay.out_of_range", "monthly_wage", "月工资应大于0元且不超过10万元",
                   "monthly_wage must be above 0 and at most 100,000 yuan");
  p.credit_year = p.start_date.year();
  p.credited_fen = wage_credit_fen(p.monthly_wage_fen, p.start_date, p.end_date, p.credit_year);
  auto saved = store_.insert_placement(p, actor);
  if (!saved) return saved.error();
  // Still running today (or later): the labourer is placed.
  if (!p.end_date || *p.end_date >= today())
    LZ_TRY(store_.set_labourer_status(l->l.id, "placed", actor));
  auto after = store_.posting(posting->id, today());
  if (!after) return after.error();
  if (after->filled >= after->places) {
    auto f = store_.set_posting_status(posting->id, "filled", std::nullopt, today(), actor);
    if (!f) return f.error();
    after = f;
  }
  auto income = credit(p.household_id, p.credit_year, p.credited_fen, actor);
  if (!income) return income.error();
  LZ_TRY(tx.commit());
  return PlacementResult{*saved, *after, std::move(*income)};
}

Result<PlacementResult> JobsService::end_placement(int64_t id, Date end_date,
                                                   const std::string& reason,
                                                   int64_t expected_version, const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto v = store_.placement(id);
  if (!v) return v.error();
  const Placement& before = v->p;
  if (expected_version != before.version)
    return conflict(
        "version.stale", "version", fmt::format("就业安置{}已被他人修改，请刷新后重试", id),
        fmt::format("Placement {} was changed by someone else: reload and try again", id));
  if (end_date < before.start_date)
    return invalid(
        "period.end_before_start", "end_date",
        fmt::format("结束日期不能早于上岗日期{}", before.start_date.iso()),
        fmt::format("The end date cannot be before the start on {}", before.start_date.iso()));
  if (end_date > today())
    return invalid("date.future", "end_date",
                   fmt::format("结束日期不能晚于今天（{}）", today().iso()),
                   fmt::format("The end date cannot be after today ({})", today().iso()));
  if (before.end_date && *before.end_date < end_date)
    return conflict("placement.ended", "end_date",
                    fmt::format("该安置已于{}结束", before.end_date->iso()),
                    fmt::format("The placement already ended on {}", before.end_date->iso()));
  Placement p = before;
  p.end_date = end_date;
  p.end_reason = reason;
  p.credited_fen = wage_credit_fen(p.monthly_wage_fen, p.start_date, p.end_date, p.credit_year);
  int64_t delta = p.credited_fen - before.credited_fen;
  auto saved = store_.save_placement_end(p, before, actor);
  if (!saved) return saved.error();
  // Available again (from tomorrow) unless another placement of theirs runs on.
  auto other = store_.overlapping_placements(p.labourer_id, today().plus_days(1), std::nullopt);
  if (!other) return other.error();
  if (*other == 0) LZ_TRY(store_.set_labourer_status(p.labourer_id, "available", actor));
  auto posting = store_.posting(p.posting_id, today());
  if (!posting) return posting.error();
  if (posting->status == "filled" && posting->filled < posting->places) {
    auto o = store_.set_posting_status(p.posting_id, "open", std::nullopt, today(), actor);
    if (!o) return o.error();
    posting = o;
  }
  auto income = credit(p.household_id, p.credit_year, delta, actor);
  if (!income) return income.error();
  LZ_TRY(tx.commit());
  return PlacementResult{*saved, *posting, std::move(*income)};
}

// ---------------------------------------------------------------- welfare posts

Result<WelfarePost> JobsService::add_welfare_post(WelfarePost in, const Actor& actor) {
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_welfare_post(in, *county_code));
  return store_.insert_welfare_post(in, actor);
}

Result<WelfarePost> JobsService::update_welfare_post(WelfarePost in, int64_t expected_version,
                                                     const Actor& actor) {
  auto county_code = county();
  if (!county_code) return county_code.error();
  LZ_TRY(validate_welfare_post(in, *county_code));
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto before = store_.welfare_post(in.id, today());
  if (!before) return before.error();
  auto held = store_.holdings(in.id);
  if (!held) return held.error();
  bool holding = false;
  for (const auto& h : *held) holding = holding || !h.to_date || *h.to_date >= today();
  const WelfarePost& b = before->post;
  const char* changed = in.monthly_pay_fen != b.monthly_pay_fen ? "monthly_pay"
                        : in.region_code != b.region_code       ? "region_code"
                        : in.active != b.active                 ? "active"
                                                                : nullptr;
  if (holding && changed)
    return conflict("welfare_post.held", changed,
                    "该岗位有人在岗，请先结束其任期再修改工资、所在村或停用岗位",
                    "The post is held: end the holder's term before changing its pay or village "
                    "or withdrawing it");
  auto saved = store_.update_welfare_post(in, expected_version, actor);
  if (!saved) return saved.error();
  LZ_TRY(tx.commit());
  return saved;
}

Result<HoldingResult> JobsService::assign_welfare_post(int64_t post_id, int64_t person_id,
                                                       Date from, std::optional<Date> to,
                                                       const Actor& actor) {
  LZ_TRY(check_date(from, "from_date"));
  if (to && *to < from)
    return invalid("period.end_before_start", "to_date", "结束日期不能早于开始日期",
                   "The end date cannot be before the start date");
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto post = store_.welfare_post(post_id, today());
  if (!post) return post.error();
  if (!post->post.active)
    return conflict("welfare_post.inactive", "id",
                    fmt::format("公益岗位“{}”已撤销", post->post.title),
                    fmt::format("The welfare post \"{}\" is withdrawn", post->post.title));
  auto person = store_.person(person_id);
  if (!person) return person.error();
  LZ_TRY(check_eligible(person->id, person->name, person->household_id, person->poverty_status));
  LZ_TRY(check_can_work(person->name, person->labour, person->birth_date, today()));
  auto held = store_.holdings(post_id);
  if (!held) return held.error();
  for (const auto& h : *held)
    if (periods_overlap(h.from_date, h.to_date, from, to)) {
      auto other = store_.person(h.person_id);
      std::string who = other ? other->name : std::to_string(h.person_id);
      return conflict(
          "welfare_post.held", "from_date",
          fmt::format("公益岗位“{}”自{}起由{}担任{}，一个岗位同一时间只能有一人", post->post.title,
                      h.from_date.iso(), who, h.to_date ? "至" + h.to_date->iso() : std::string()),
          fmt::format("The welfare post \"{}\" is held by {} from {}{}: one holder at a time",
                      post->post.title, who, h.from_date.iso(),
                      h.to_date ? " to " + h.to_date->iso() : std::string()));
    }
  WelfareHolding h;
  h.post_id = post_id;
  h.person_id = person_id;
  h.household_id = *person->household_id;
  h.region_code = post->post.region_code;
  h.from_date = from;
  h.to_date = to;
  h.credit_year = from.year();
  h.credited_fen = wage_credit_fen(post->post.monthly_pay_fen, from, to, h.credit_year);
  auto saved = store_.insert_holding(h, actor);
  if (!saved) return saved.error();
  auto income = credit(h.household_id, h.credit_year, h.credited_fen, actor);
  if (!income) return income.error();
  LZ_TRY(tx.commit());
  return HoldingResult{*saved, std::move(*income)};
}

Result<HoldingResult> JobsService::release_welfare_post(int64_t post_id, Date to,
                                                        const std::string& reason,
                                                        const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto post = store_.welfare_post(post_id, today());
  if (!post) return post.error();
  auto held = store_.holdings(post_id);
  if (!held) return held.error();
  const WelfareHolding* current = nullptr;
  for (const auto& h : *held)
    if (!h.to_date || *h.to_date >= to)
      if (h.from_date <= to) current = &h;
  if (!current)
    return conflict(
        "welfare_post.vacant", "to_date",
        fmt::format("公益岗位“{}”在{}无人担任", post->post.title, to.iso()),
        fmt::format("Nobody holds the welfare post \"{}\" on {}", post->post.title, to.iso()));
  if (to > today())
    return invalid("date.future", "to_date",
                   fmt::format("结束日期不能晚于今天（{}）", today().iso()),
                   fmt::format("The end date cannot be after today ({})", today().iso()));
  WelfareHolding h = *current;
  h.to_date = to;
  h.end_reason = reason;
  h.credited_fen =
      wage_credit_fen(post->post.monthly_pay_fen, h.from_date, h.to_date, h.credit_year);
  int64_t delta = h.credited_fen - current->credited_fen;
  auto saved = store_.save_holding_end(h, *current, actor);
  if (!saved) return saved.error();
  auto income = credit(h.household_id, h.credit_year, delta, actor);
  if (!income) return income.error();
  LZ_TRY(tx.commit());
  return HoldingResult{*saved, std::move(*income)};
}

}  // namespace lz::app
