#include "poverty/check.h"

#include <cassert>
#include <map>

#include "poverty/classify.h"
#include "poverty/rules/rules.h"

namespace lz::poverty {

std::span<const Rule> rules() {
  static const std::vector<Rule> kRules = [] {
    std::vector<Rule> v = {
        rulebook::income_above_line(),
        rulebook::food_secure(),
        rulebook::clothing_secure(),
        rulebook::education_enrolment(),
        rulebook::medical_insurance(),
        rulebook::medical_chronic_card(),
        rulebook::housing_safe(),
        rulebook::water_safe(),
        rulebook::policy_dibao(),
        rulebook::policy_disability_subsidy(),
        rulebook::policy_microcredit_overdue(),
        rulebook::policy_microcredit_unused(),
        rulebook::consistency_development_measure(),
        rulebook::consistency_assistance_close(),
        rulebook::consistency_unstable_work(),
        rulebook::consistency_student_labour(),
        rulebook::consistency_register_years(),
    };
    assert(v.size() <= kMaxRules);
    return v;
  }();
  return kRules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : rules())
    if (r.id == id) return &r;
  return nullptr;
}

size_t rule_index(const Rule& rule) {
  return static_cast<size_t>(&rule - rules().data());
}

const RuleResult* CheckResult::find(std::string_view rule_id) const {
  for (const auto& r : results)
    if (r.rule->id == rule_id) return &r;
  return nullptr;
}

int CheckResult::count(Outcome o) const {
  int n = 0;
  for (const auto& r : results) n += r.outcome == o;
  return n;
}

bool CheckResult::has_gap(RuleGroup g) const {
  for (const auto& r : results)
    if (r.outcome == Outcome::kGap && r.rule->group == g) return true;
  return false;
}

static void record(Outcomes& out, size_t i, RuleGroup group, Outcome o) {
  out.by_rule[i] = o;
  if (o == Outcome::kGap) {
    out.gap_rules |= 1u << i;
    out.gap_groups |= 1u << static_cast<unsigned>(group);
  } else if (o == Outcome::kUnknown) {
    out.unknown_rules |= 1u << i;
    out.unknown_groups |= 1u << static_cast<unsigned>(group);
  }
}

static Outcomes run(std::span<const Rule> all, const HouseholdView& view, const RuleContext& ctx) {
  Outcomes out;
  out.size = static_cast<uint8_t>(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    record(out, i, all[i].group, all[i].evaluate(view, ctx, nullptr));
  return out;
}

Outcomes check_outcomes(const HouseholdView& view, const RuleContext& ctx) {
  return run(rules(), view, ctx);
}

Outcomes outcomes_of(const CheckResult& result) {
  Outcomes out;
  out.size = static_cast<uint8_t>(result.results.size());
  for (const auto& r : result.results) record(out, rule_index(*r.rule), r.rule->group, r.outcome);
  return out;
}

CheckResult check(const HouseholdFacts& facts, const CheckConfig& config) {
  const RuleContext ctx = make_context(config);
  const HouseholdView view = make_view(facts);
  CheckResult out;
  out.household_id = facts.household_id;
  auto all = rules();
  out.results.reserve(all.size());
  for (const auto& rule : all) {
    RuleResult r;
    r.rule = &rule;
    r.outcome = rule.evaluate(view, ctx, &r.finding);
    out.results.push_back(std::move(r));
  }
  return out;
}

RuleResult evaluate(const Rule& rule, const HouseholdFacts& facts, const CheckConfig& config) {
  const RuleContext ctx = make_context(config);
  const HouseholdView view = make_view(facts);
  RuleResult r;
  r.rule = &rule;
  r.outcome = rule.evaluate(view, ctx, &r.finding);
  return r;
}

const RuleTally* CheckSummary::find(std::string_view rule_id) const {
  for (const auto& t : rules)
    if (t.rule_id == rule_id) return &t;
  return nullptr;
}

void SummaryBuilder::add(const Outcomes& o, PovertyClass c) {
  for (size_t i = 0; i < o.size; ++i) ++counts_[i][static_cast<size_t>(o.by_rule[i])];
  all_pass_ += o.all_pass();
  with_gap_ += o.gap_rules != 0;
  with_unknown_ += o.unknown_rules != 0;
  ++classes_[static_cast<size_t>(c)];
  ++households_;
}

CheckSummary SummaryBuilder::finish() const {
  const auto all = rules();
  CheckSummary s;
  s.households = households_;
  s.classes = classes_;
  s.all_pass = all_pass_;
  s.with_gap = with_gap_;
  s.with_unknown = with_unknown_;
  s.rules.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    s.rules.push_back({all[i].id, counts_[i][0], counts_[i][1], counts_[i][2]});
  return s;
}

CheckSummary check_all(std::span<const HouseholdFacts> households, const CheckConfig& config) {
  const RuleContext ctx = make_context(config);
  const auto all = rules();
  SummaryBuilder b;
  for (const HouseholdFacts& facts : households) {
    const HouseholdView view = make_view(facts);
    const Outcomes o = run(all, view, ctx);
    b.add(o, classify(view, o, ctx));
  }
  return b.finish();
}

GroupedSummary check_all_grouped(std::span<const HouseholdFacts> households,
                                 const CheckConfig& config, size_t prefix) {
  const RuleContext ctx = make_context(config);
  const auto all = rules();
  SummaryBuilder total;
  std::map<std::string, SummaryBuilder, std::less<>> groups;
  SummaryBuilder* last = nullptr;  // households of one group mostly come together
  std::string_view last_key;
  for (const HouseholdFacts& facts : households) {
    const HouseholdView view = make_view(facts);
    const Outcomes o = run(all, view, ctx);
    const PovertyClass c = classify(view, o, ctx);
    total.add(o, c);
    const std::string_view key = std::string_view(facts.region_code).substr(0, prefix);
    if (!last || key != last_key) {
      auto it = groups.find(key);
      if (it == groups.end()) it = groups.emplace(std::string(key), SummaryBuilder{}).first;
      last = &it->second;
      last_key = it->first;
    }
    last->add(o, c);
  }
  GroupedSummary out;
  out.all = total.finish();
  out.groups.reserve(groups.size());
  for (const auto& [key, b] : groups) out.groups.emplace_back(key, b.finish());
  return out;
}

CheckSummary check_all(const std::vector<HouseholdFacts>& households, const CheckConfig& config) {
  return check_all(std::span<const HouseholdFacts>(households), config);
}

}  // namespace lz::poverty
