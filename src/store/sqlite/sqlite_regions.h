// The division tree in SQLite, for the code that holds a Db rather than a
// SqliteStore (the bulletin, the poverty check): the database's county (its
// one region of level county) and single regions and children by code. The
// SqliteStore methods county(), region(), regions(), region_tree(),
// replace_regions() and has_data() are built on these (sqlite_regions.cc).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "registry/model.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

// The county: the one region of level county. An error if there is none or
// more than one (a database not made by this program).
Result<Region> read_county(Db& db);
// One region by code (shortest-prefix form); nullopt if there is none.
Result<std::optional<Region>> read_region(Db& db, std::string_view code);
// The region `prefix` and every region under it (all of them for ""), in code
// order.
Result<std::vector<Region>> read_subtree(Db& db, std::string_view prefix);
// The regions whose parent is `code`, in code order.
Result<std::vector<Region>> read_children(Db& db, std::string_view code);

}  // namespace lz::sqlite
