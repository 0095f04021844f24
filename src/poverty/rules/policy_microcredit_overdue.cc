// Rule policy.microcredit_overdue (政策落实·扶贫小额信贷逾期), version 1.
// Pass: no microcredit loan is past its due date with money still owed.
// Gap: a loan is overdue (due before as_of, repaid less than borrowed), with
//   the amount, the due date, what is still owed and the days overdue.
// Never unknown: loans are recorded with their amounts and dates.
#include <fmt/format.h>

#include "poverty/money.h"
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static bool overdue(const Loan& l, Date as_of) {
  return l.outstanding() && l.due < as_of;
}

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const auto& loans = h.facts->benefits.loans;
  const Date as_of = ctx.config->as_of;
  bool gap = false;
  for (const auto& l : loans)
    if (overdue(l, as_of)) {
      if (!why) return Outcome::kGap;
      gap = true;
    }
  if (!gap) return Outcome::kPass;
  std::vector<std::string> zh_items, en_items;
  for (size_t i = 0; i < loans.size(); ++i) {
    const Loan& l = loans[i];
    if (!overdue(l, as_of)) continue;
    int64_t owed = l.amount_fen - l.repaid_fen;
    int days = as_of - l.due;
    zh_items.push_back(fmt::format("{}借款{}元于{}到期，尚欠{}元，已逾期{}天", l.start.iso(),
                                   format_yuan(l.amount_fen), l.due.iso(), format_yuan(owed),
                                   days));
    en_items.push_back(fmt::format(
        "the loan of {} yuan taken on {} fell due on {} with {} yuan "
        "still owed ({} days overdue)",
        format_yuan(l.amount_fen), l.start.iso(), l.due.iso(), format_yuan(owed), days));
    if (why->field.empty()) why->field = fmt::format("benefits.loans[{}].repaid_fen", i);
  }
  why->reason_zh = fmt::format("扶贫小额信贷逾期：{}", join_zh(zh_items));
  why->reason_en = fmt::format("Microcredit overdue: {}", join_en(en_items));
  return Outcome::kGap;
}

Rule policy_microcredit_overdue() {
  return {
      .id = "policy.microcredit_overdue",
      .version = 1,
      .group = RuleGroup::kPolicy,
      .name_zh = "扶贫小额信贷无逾期",
      .name_en = "No overdue microcredit",
      .description_zh = "扶贫小额信贷无逾期：到期贷款已全部还清（或已办理续贷、展期）",
      .description_en =
          "No overdue microcredit: every loan past its due date is fully repaid (or "
          "renewed or extended)",
      .reads = {"benefits.loans[].amount_fen", "benefits.loans[].due",
                "benefits.loans[].repaid_fen"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
