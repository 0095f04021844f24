// The poverty front's part of the demo county: for each registered poor or
// marginal household, causes, income, members' insurance and disability,
// housing, water, benefits, loans, assistance and monitoring cases; and the
// cadres' visits. Shares are chosen so that the check finds a plausible
// minority of gaps, all three classes occur, and some households are under
// relapse monitoring. Each household draws from its own random stream, so
// the result does not depend on generation order.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "poverty/facts.h"
#include "registry/model.h"

namespace lz::demo {

poverty::HouseholdFacts poverty_details(const Household& h, const std::string& status, int registered_year,
                                        std::optional<int> lifted_year, Date as_of, uint64_t seed);

// The visit log of one household up to `as_of` (oldest first).
std::vector<poverty::VisitFacts> visits_for(int64_t household_id, Date as_of, uint64_t seed);

}  // namespace lz::demo
