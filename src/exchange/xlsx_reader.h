// XlsxReader: streams one worksheet of an .xlsx (the one named, else the first
// with rows; the others with rows are listed, so an import can say what it
// did not read) (Office Open XML: a
// zip of XML parts) without loading it: minizip inflates the sheet part in
// 64 KiB pieces and XmlScanner (xml_scanner.h; expat for a sheet it leaves,
// e.g. one with a DOCTYPE) parses each piece, so memory holds one piece and
// the rows it completed. The shared-strings table (unique strings only,
// streamed the same way) and the date styles are read first. Numbers come
// out as Excel shows them in General format (up to 15 significant digits,
// so an ID number stored as a number reads "4.30281199001011e+17" and is
// refused downstream); numbers in a date style come out as ISO dates. Used
// through open_table().
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "exchange/table.h"

namespace lz::exchange {

class XlsxReader final : public TableReader {
 public:
  // Reads the sheet named `sheet_name` (spaces aside), or without a name the
  // first visible sheet that has rows (a workbook may open with an empty
  // Sheet1 or hold one sheet per village).
  static Result<std::unique_ptr<XlsxReader>> open(const std::string& path,
                                                  const std::string& sheet_name = "");
  ~XlsxReader() override;
  Result<bool> next(Row& row) override;
  double fraction_done() const override;
  std::string format() const override { return "xlsx"; }
  std::string sheet() const override { return sheet_; }
  std::vector<std::string> unread_sheets() const override { return unread_sheets_; }
  Result<std::unique_ptr<TableReader>> open_sheet(const std::string& name) const override;

  struct State;  // the parser's state (internal)

 private:
  XlsxReader() = default;
  std::unique_ptr<State> s_;
  std::string path_;
  std::string sheet_;                       // the name of the sheet read
  std::vector<std::string> unread_sheets_;  // the other visible sheets with rows
};

// Excel's serial day number (1900 system) to an ISO date, if in range.
std::optional<std::string> excel_serial_to_iso(double serial);

}  // namespace lz::exchange
