// The daily bulletin (a contract: the web UI and outside checks read it):
// computed from the records of that date and before, never stored as typed-in
// figures. Shared by `liangzhan bulletin` and GET /api/v1/bulletin.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "store/sqlite/db.h"

namespace lz::app {

// region_code: "" or a code (6/9/12 digits); the JSON of the README's shape.
Result<nlohmann::json> daily_bulletin(sqlite::Db& db, Date date, const std::string& region_code);

// The bulletins of every day from..to (at most 367 days) for trends, the
// records loaded once: {"region":{..},"from","to","days":[bulletin, ...]};
// days[i] equals daily_bulletin(from + i).
Result<nlohmann::json> bulletin_series(sqlite::Db& db, Date from, Date to, const std::string& region_code);

// The bulletin of day `date` for each child region of region_code (the
// townships of the county, the villages of a township, ...), with the
// registry's counts of each child: {"date","region":{..},"regions":[bulletin
// + "level" + "registry":{"households","persons","poor_households"}, ...]}
// in code order. Each element without "level" and "registry" equals
// daily_bulletin(date, child); the registry counts equal those of GET
// /households?region=child&limit=0 (and &poverty_status=poor) and
// /persons?region=child&limit=0.
Result<nlohmann::json> bulletin_by_child_region(sqlite::Db& db, Date date,
                                                const std::string& region_code);

// All three answer from BulletinCache (bulletin_cache.h) while the data's
// generation is unchanged, else compute and keep the answer.

}  // namespace lz::app
