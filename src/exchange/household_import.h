// Import of the kind `households`: one row per member, the rows of a
// household together under its 户编号. Each row's cells are normalised
// (normalize.h), each household is checked with the registry's own
// validate_household / validate_person, then de-duplicated by ID number
// against the database: a person already in the same household is updated
// (only the cells that are filled in), a person registered in another
// household is refused as a conflict. Two modes: all-or-nothing (any bad
// row: nothing is written) and good-rows (the good households are written,
// the bad rows handed back in the report). A dry run does everything and
// then rolls back. Domain logic only: it reads a TableReader and writes an
// ImportSink. Called by `liangzhan import` and the tests.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "exchange/import_sink.h"
#include "exchange/table.h"
#include "registry/region_tree.h"

namespace lz::exchange {

enum class ImportMode { kAllOrNothing, kGoodRows };

struct ImportOptions {
  ImportMode mode = ImportMode::kAllOrNothing;
  bool dry_run = false;
  Date today = Date::today();
  std::function<void(double fraction, long rows)> progress;  // every few thousand rows
};

// One bad cell (or a bad row when column < 0).
struct CellError {
  long row = 0;
  int column = -1;          // 0-based column of the file, -1 for the whole row
  std::string column_name;  // the file's header of that column
  std::string value;        // the cell as it was in the file
  std::string code;         // e.g. "id_number.checksum"
  std::string reason_zh, reason_en;
};

// A refused row as it was in the file, handed back in good-rows mode.
struct RefusedRow {
  long row = 0;
  std::vector<std::string> cells;
  std::vector<int> bad_columns;
};

struct ImportReport {
  std::string kind = "households", format;
  std::string sheet;                       // of a workbook: the sheet read
  std::vector<std::string> unread_sheets;  // its other sheets with rows of the kind, not read
  ImportMode mode = ImportMode::kAllOrNothing;
  bool dry_run = false, committed = false;
  long header_row = 0;
  std::vector<std::string> header;
  // Rows above the header that name no column: the sheet's title, skipped
  // (header_row.h).
  std::vector<long> title_rows;
  long header_upper_row = 0;  // a header over two rows: the upper (header_row the lower)
  // Rows of the form's foot below the data (合计, 填表人：…), skipped.
  std::vector<long> footer_rows;
  std::vector<std::string> ignored_columns;
  long rows_read = 0, added = 0, updated = 0, unchanged = 0, refused = 0;
  long households_added = 0, households_updated = 0;
  std::vector<CellError> errors;
  std::vector<RefusedRow> refused_rows;
  // The template's example row left in the file (template_example.h): read,
  // neither added nor refused (its row number; at most the first data row).
  std::vector<long> skipped_rows;
};

// Reads every row, writes through `sink` and commits unless a dry run or
// (all-or-nothing) a row was refused. An Error only when the file as a
// whole cannot be read (no header, a required column missing, damaged);
// then nothing is committed either.
Result<ImportReport> import_households(TableReader& in, ImportSink& sink, const RegionTree& regions,
                                       const ImportOptions& opts);

const char* mode_name(ImportMode m);

}  // namespace lz::exchange
