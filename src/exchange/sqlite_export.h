// Exports of registry lists straight from the SQLite store, one streaming
// query per list (no paging, no list in memory): `households` (one row per
// member under its household: the import format, so an export imports
// back) and `persons` (with age). The region scope is a code prefix as in
// the API; ID numbers and phones are masked unless `full_ids`.
// Called by `liangzhan export`.
#pragma once
#include <functional>
#include <string>

#include "core/date.h"
#include "exchange/table_writer.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {

struct ExportOptions {
  std::string kind = "households";
  std::string region;  // code prefix; empty: the whole county
  bool full_ids = false;
  Date today = Date::today();  // for ages
  std::function<void(long rows)> progress;
};

// Writes the header and every row; returns the number of data rows.
Result<long> export_rows(sqlite::SqliteStore& store, const ExportOptions& opts, TableWriter& out);

}  // namespace lz::exchange
