// dump(): every field of a list of HouseholdFacts as text, one line per
// household, member, loan, measure, visit and risk case: two loads are equal
// when their dumps are, and a failing test shows the line that differs.
#pragma once
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "poverty/facts.h"

namespace lz::poverty::testing {

template <typename T>
inline std::string opt(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : "-";
}
inline std::string opt(const std::optional<Date>& v) {
  return v ? v->iso() : "-";
}
template <typename E>
inline std::string opt_e(const std::optional<E>& v) {
  return v ? std::to_string(static_cast<int>(*v)) : "-";
}

// Every field of the facts, one line per household, member, loan, ...
inline std::string dump(const std::vector<HouseholdFacts>& all) {
  std::string o;
  for (const auto& h : all) {
    o +=
        fmt::format("H {} {} {} {} {} {} {} {} {} |", h.household_id, h.region_code,
                    opt(h.cadre_id), static_cast<int>(h.status), opt(h.registered_year),
                    opt(h.lifted_year), h.causes.bits(), opt_e(h.main_cause), opt(h.housing_grade));
    o += fmt::format("I {} {} {} {} {} W {} {} {} {} B {} {}\n", opt(h.income.wage_fen),
                     opt(h.income.business_fen), opt(h.income.property_fen),
                     opt(h.income.transfer_fen), opt(h.income.business_costs_fen),
                     opt(h.water.quality), opt(h.water.quantity), opt(h.water.convenience),
                     opt(h.water.reliability), opt(h.benefits.dibao), opt(h.benefits.tekun));
    for (const auto& m : h.members)
      o += fmt::format("  M {} {} {} {} {} {} {} {} {} {} {} {} {} {}\n", m.person_id, m.name,
                       m.id_number, m.birth_date.iso(), static_cast<int>(m.sex), m.relationship,
                       opt_e(m.health), opt_e(m.labour), opt_e(m.enrolment), opt(m.basic_medical),
                       opt(m.serious_illness), opt(m.chronic_card), m.disability_certificate,
                       opt(m.disability_subsidy));
    for (const auto& l : h.benefits.loans)
      o += fmt::format("  L {} {} {} {} {}\n", l.amount_fen, l.start.iso(), l.due.iso(),
                       l.repaid_fen, opt(l.repaid_on));
    for (const auto& m : h.measures)
      o += fmt::format("  A {} {} {}\n", static_cast<int>(m.kind), m.on.iso(), m.amount_fen);
    if (h.visit)
      o += fmt::format("  V {} {} {} {}\n", h.visit->on.iso(), static_cast<int>(h.visit->mode),
                       opt(h.visit->food_ok), opt(h.visit->clothing_ok));
    for (const auto& r : h.risks)
      o += fmt::format("  R {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}\n", r.id,
                       static_cast<int>(r.category), opt_e(r.trigger), r.trigger_on.iso(),
                       opt(r.person_id), r.kinds.bits(), r.opened_on.iso(), r.deadline.iso(),
                       opt(r.closed_on), opt_e(r.close_method), r.note, r.close_note, r.closed_by,
                       opt(r.assessed_on), r.assessment_note);
  }
  return o;
}

}  // namespace lz::poverty::testing
