// The demo county's gap tasks (因户定责) with a history, as a county would
// have them on 12 February 2020: the township-wide check of 20 January
// opened a task for every gap then found; since then the paired cadres have
// recorded fixes for some (a share sent back by the township officer for
// missing evidence, some of those fixed again); short-deadline tasks (food,
// clothing: 7 days) not yet fixed are overdue. finish_gap_tasks() then runs
// the check of the demo's date over every household, so new gaps get tasks
// opened that day and gaps gone since close by themselves.
//
// Called by generate_county() only: open_gap_tasks() right after the county
// is committed (before the livelihood generators, whose re-checks then find
// the tasks), finish_gap_tasks() last. Both go through app::PovertyService,
// as the API does. Skipped at province scale (a register for benchmarks).
#pragma once
#include <cstdint>

#include "core/date.h"
#include "core/error.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::demo {

// The earlier check's date: `as_of` minus 23 days (20 January for 12 February).
Date first_check_date(Date as_of);

Status open_gap_tasks(sqlite::SqliteStore& store, Date as_of, uint64_t seed);
Status finish_gap_tasks(sqlite::SqliteStore& store, Date as_of);

}  // namespace lz::demo
