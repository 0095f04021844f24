#include "poverty/facts.h"

#include "poverty/money.h"

namespace lz::poverty {

const MemberFacts* HouseholdFacts::member(int64_t person_id) const {
  for (const auto& m : members)
    if (m.person_id == person_id) return &m;
  return nullptr;
}

PerCapitaIncome per_capita_net_income(const HouseholdFacts& h) {
  PerCapitaIncome out;
  const Income& in = h.income;
  if (!in.wage_fen) {
    out.missing = "income.wage_fen";
  } else if (!in.business_fen) {
    out.missing = "income.business_fen";
  } else if (!in.property_fen) {
    out.missing = "income.property_fen";
  } else if (!in.transfer_fen) {
    out.missing = "income.transfer_fen";
  } else if (!in.business_costs_fen) {
    out.missing = "income.business_costs_fen";
  } else if (h.members.empty()) {
    out.missing = "members";
  }
  if (!out.missing.empty()) return out;
  out.net_fen = *in.wage_fen + *in.business_fen + *in.property_fen + *in.transfer_fen -
                *in.business_costs_fen;
  out.persons = static_cast<int>(h.members.size());
  out.fen = per_capita_fen(out.net_fen, out.persons);
  return out;
}

int labourers(const HouseholdFacts& h) {
  int n = 0;
  for (const auto& m : h.members)
    if (m.labour && can_work(*m.labour)) ++n;
  return n;
}

bool labour_unrecorded(const HouseholdFacts& h) {
  for (const auto& m : h.members)
    if (!m.labour) return true;
  return false;
}

}  // namespace lz::poverty
