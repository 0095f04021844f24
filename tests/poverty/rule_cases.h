// The table runner for rule tests: each row changes good_household() in one
// way (and optionally the config) and states the exact outcome, field and
// Chinese reason. The runner also checks that the fast path (no Finding)
// gives the same outcome, and that a pass carries no finding.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <span>

#include "test_facts.h"

namespace lz::poverty::test {

struct RuleCase {
  const char* name;
  std::function<void(HouseholdFacts&)> change;
  Outcome outcome;
  const char* field = "";      // expected Finding::field ("" on pass)
  const char* reason_zh = "";  // expected exactly; "" on pass
  std::function<void(CheckConfig&)> configure = nullptr;
};

inline void run_rule_cases(std::string_view rule_id, std::span<const RuleCase> cases) {
  const Rule* rule = find_rule(rule_id);
  ASSERT_NE(rule, nullptr) << rule_id;
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << rule_id << ": " << c.name);
    HouseholdFacts h = good_household();
    if (c.change) c.change(h);
    CheckConfig config;
    if (c.configure) c.configure(config);
    RuleResult r = evaluate(*rule, h, config);
    EXPECT_EQ(r.outcome, c.outcome) << r.finding.reason_zh;
    EXPECT_EQ(r.finding.field, c.field);
    EXPECT_EQ(r.finding.reason_zh, c.reason_zh);
    if (c.outcome == Outcome::kPass) {
      EXPECT_TRUE(r.finding.reason_en.empty());
    } else {
      EXPECT_FALSE(r.finding.reason_en.empty());
    }
    // The fast path agrees.
    const RuleContext ctx = make_context(config);
    const HouseholdView view = make_view(h);
    EXPECT_EQ(rule->evaluate(view, ctx, nullptr), c.outcome);
  }
}

}  // namespace lz::poverty::test
