// XlsxBook: a thin RAII wrapper over libxlsxwriter for our sheets: a
// workbook in constant-memory mode, a few named formats (header, bad cell,
// title, section, text) and rows of strings. Used by TableWriter (exports,
// templates), the import report and the bulletin sheet.
#pragma once
#include <xlsxwriter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace lz::exchange {

// `name` as Excel takes a sheet's name: without the characters it forbids
// ([ ] : * ? / \), at most 31 characters (cut between characters, never
// inside one's UTF-8 bytes), and "Sheet1" if nothing is left.
std::string excel_sheet_name(std::string_view name);

class XlsxBook {
 public:
  enum Style {
    kText,
    kHeader,
    kRequiredHeader,
    kBad,
    kTitle,
    kSection,
    kLabel,
    kNumber,
    kNote,
    kStyles
  };
  static Result<std::unique_ptr<XlsxBook>> create(const std::string& path);
  ~XlsxBook();
  // A sheet named `name` as Excel allows it (excel_sheet_name).
  lxw_worksheet* add_sheet(const std::string& name);
  lxw_format* style(Style s) const { return formats_[s]; }
  // Writes strings from column 0; cells in `bad` use the bad-cell style.
  void write_row(lxw_worksheet* ws, long row, const std::vector<std::string>& cells,
                 Style style = kText, const std::vector<int>& bad = {});
  Status close();

 private:
  XlsxBook() = default;
  lxw_workbook* wb_ = nullptr;
  std::string path_;
  lxw_format* formats_[kStyles] = {};
};

}  // namespace lz::exchange
