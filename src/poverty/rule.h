// A rule of the poverty check (两不愁三保障 and the rest): its id, version,
// group, a description in Chinese and English, the fields it reads, and its
// evaluate function. Each rule lives in its own file under rules/ (the file is
// the rule's readable, versioned form) and is listed once in check.cc.
//
// Evaluation is allocation-free on the fast path: evaluate(view, ctx, nullptr)
// only answers pass / gap / unknown. With a Finding* it also writes the reason
// in words (with figures) and the field concerned: that is done only for gaps
// and unknowns, and only when asked.
//
// Called by check.cc (and through it by everyone); rule files implement it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "poverty/config.h"
#include "poverty/facts.h"
#include "poverty/vocab.h"

namespace lz::poverty {

// Why a rule did not pass. For a gap: what is wrong, with figures
// ("人均纯收入3,210元，低于4,000元的标准"), and the field at fault (the first one
// when several are). For unknown: which data is missing, and `field` names it
// ("members[2].basic_medical").
struct Finding {
  std::string reason_zh;
  std::string reason_en;
  std::string field;
};

// What one check run derives once from its config (not per household).
struct RuleContext {
  const CheckConfig* config = nullptr;
  int64_t relapse_threshold_fen = 0;
  // Compulsory-education age: born after `school_born_after` and on or before
  // `school_born_by` (ages school_age_min..school_age_max on the cutoff).
  Date school_year_cutoff;
  Date school_born_after;
  Date school_born_by;
  // Risk cases opened on or before this day are past the development-measure
  // grace period (as_of - development_grace_months).
  Date grace_cutoff;
};
RuleContext make_context(const CheckConfig& config);

// One household as the rules see it: the facts plus what several rules need
// and is computed once.
struct HouseholdView {
  const HouseholdFacts* facts = nullptr;
  PerCapitaIncome income;
};
HouseholdView make_view(const HouseholdFacts& facts);

// True if `m` is of compulsory-education age in this check.
inline bool of_school_age(const MemberFacts& m, const RuleContext& ctx) {
  return m.birth_date > ctx.school_born_after && m.birth_date <= ctx.school_born_by;
}

// Must not allocate when `why` is null; when `why` is set and the outcome is
// gap or unknown, fills it.
using EvaluateFn = Outcome (*)(const HouseholdView& h, const RuleContext& ctx, Finding* why);

struct Rule {
  std::string_view id;  // "income.above_line": group-ish prefix, then the item
  int version = 1;      // bumped when the rule's logic changes
  RuleGroup group = RuleGroup::kConsistency;
  // Short name for tables (the CLI's audit, as the web UI's poverty.rules).
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view description_zh;
  std::string_view description_en;
  std::vector<std::string_view> reads;  // field paths, as in facts.h
  EvaluateFn evaluate = nullptr;
};

}  // namespace lz::poverty
