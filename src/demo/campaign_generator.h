// The demo county's phone screening (issue 5): one county-wide campaign, 27
// January to 9 February 2020, with the call lists the domain assigns (paired
// cadres for poor households, village cadres for the rest) and outcomes with
// high but not total coverage: most households reached, some unreachable,
// a few never called; returnee households report their returnees; a few
// needs (food, medicine, unsold produce). Outcomes are written in bulk
// without their reactions: the key persons they would list already exist;
// they are written as they are made (SqliteCallOutcomeLoader), so memory
// does not grow with the county (a province register has ~1 M outcomes).
//
// Called by generate_county() after the registry and the epidemic records.
#pragma once
#include <cstdint>

#include "core/date.h"
#include "core/error.h"
#include "store/audit.h"
#include "store/sqlite/sqlite_epidemic.h"

namespace lz::demo {

struct CampaignFigures {
  int64_t households = 0, reached = 0, unreachable = 0, not_called = 0;
};

// `audit`: the trail `store` writes to (the outcomes' entry goes there too).
Result<CampaignFigures> generate_campaign(sqlite::SqliteEpidemicStore& store, AuditLog& audit,
                                          Date as_of, uint64_t seed);

}  // namespace lz::demo
