// The demo county's livelihood front (issue 6), from the seed: purchase
// points at Shiting's checkpoints buying ~10,000 jin of vegetables a day,
// backstop buyers, households whose vegetables went unsold before being
// bought; the labour register, employers, placements and welfare posts;
// enterprises (吉泰农牧, the gift fruit-and-vegetable base in 茶山镇) resuming
// work; ~1,000 cooperatives, 100+ technicians, 30,000 jin of seed, 3,000 t of
// fertilizer and 6,000 sprayers in depots. Each part is seeded and
// deterministic and runs on the committed county (after the epidemic front),
// through the same services the API uses.
//
// Called by generate_county() only.
#pragma once
#include <cstdint>

#include "core/date.h"
#include "core/error.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::demo {

Status generate_enterprises(sqlite::SqliteStore& store, Date as_of,
                            uint64_t seed);  // livelihood_enterprise_generator.cc
Status generate_supplies(sqlite::SqliteStore& store, Date as_of,
                         uint64_t seed);  // livelihood_supplies_generator.cc
Status generate_jobs(sqlite::SqliteStore& store, Date as_of,
                     uint64_t seed);  // livelihood_jobs_generator.cc
Status generate_produce(sqlite::SqliteStore& store, Date as_of,
                        uint64_t seed);  // livelihood_produce_generator.cc

}  // namespace lz::demo
