// Exports of the epidemic front's lists in their import formats
// (key_person_import.h, passage_import.h, follow_up_import.h): key persons,
// checkpoint passages (one row per traveller) and follow-ups, under a
// region (a code prefix, as in the API), ID numbers and phones masked
// unless `full_ids`. Read through the epidemic store's own list queries a
// page at a time (no list held whole). Called by `liangzhan export`.
#pragma once
#include "exchange/sqlite_export.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_epidemic.h"

namespace lz::exchange {

// opts.kind: key_persons, passages or follow_ups. `regions` names villages
// (所在村) in the key-person list; may be null. Returns the data rows written.
Result<long> export_epidemic(sqlite::SqliteEpidemicStore& store, const RegionTree* regions,
                             const ExportOptions& opts, TableWriter& out);

}  // namespace lz::exchange
