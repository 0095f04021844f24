// Tabular files as a stream of rows: the one interface the importers read
// (CSV in UTF-8 or GB18030, .xlsx). A row is its 1-based number in the file
// (as Excel shows it) and its cells as UTF-8 strings; rows come one at a
// time and a reader holds only a bounded buffer, never the whole sheet.
// Called by the importers (household_import.*) and the tests.
#pragma once
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace lz::exchange {

struct Row {
  long number = 0;                 // 1-based, as the spreadsheet numbers it
  std::vector<std::string> cells;  // UTF-8; missing trailing cells are absent
  bool blank() const;              // every cell empty or whitespace
};

class TableReader {
 public:
  virtual ~TableReader() = default;
  // Reads the next row into `row`: true if there was one, false at the end,
  // or an Error (the row number set) when the file is damaged.
  virtual Result<bool> next(Row& row) = 0;
  // Bytes of the file consumed so far and its size, for progress.
  virtual double fraction_done() const = 0;
  // "csv (UTF-8)", "csv (GB18030)", "xlsx": what was detected.
  virtual std::string format() const = 0;
  // The workbook's sheet read ("" for a CSV), and its other sheets that have
  // rows, not read (an import says so: nothing is left out silently).
  virtual std::string sheet() const { return ""; }
  virtual std::vector<std::string> unread_sheets() const { return {}; }
  // Another sheet of the same workbook, read on its own (any thread).
  virtual Result<std::unique_ptr<TableReader>> open_sheet(const std::string& name) const;
};

// Opens by extension: .csv/.txt -> CSV, .xlsx -> xlsx; .xls is refused with
// a hint to save it as .xlsx.
// `sheet`: of an .xlsx, the sheet to read by name (empty: the first with
// rows); naming one for a CSV is an error.
Result<std::unique_ptr<TableReader>> open_table(const std::string& path,
                                                const std::string& sheet = "");

// The SHA-256 of a file's bytes as 64 hex digits (what an import's audit
// entry names the file by).
Result<std::string> file_sha256(const std::string& path);
// The same, on a thread of its own started now: an import reads and writes
// the file meanwhile and waits for the hash only at its commit (on one
// thread it was ~8 % of a large import's writer).
std::shared_future<Result<std::string>> file_sha256_async(const std::string& path);

// True if `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

// 0-based column index -> "A", "B", ... "AA" (for messages and reports).
std::string column_letter(size_t index);

}  // namespace lz::exchange
