// TableWriter: rows out to a .csv (UTF-8 with a BOM, so that Excel and WPS
// open it in the right encoding; RFC 4180 quoting) or an .xlsx
// (libxlsxwriter in constant-memory mode: rows are flushed as written, so a
// 1,000,000-row export holds one row; every cell is text so ID numbers
// keep their digits). Used by exports, templates and the tests.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace lz::exchange {

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // `header` rows are bold (xlsx); `bad` columns are highlighted (xlsx).
  virtual Status write_row(const std::vector<std::string>& cells, bool header = false,
                           const std::vector<int>& bad = {}) = 0;
  virtual Status close() = 0;
};

// By extension: .csv or .xlsx (`sheet` names the worksheet).
Result<std::unique_ptr<TableWriter>> create_table_writer(const std::string& path, const std::string& sheet);

// CSV quoting of one field.
std::string csv_field(const std::string& s);

}  // namespace lz::exchange
