// XlsxReader: streams the first worksheet of an .xlsx (Office Open XML: a
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
  static Result<std::unique_ptr<XlsxReader>> open(const std::string& path);
  ~XlsxReader() override;
  Result<bool> next(Row& row) override;
  double fraction_done() const override;
  std::string format() const override { return "xlsx"; }

  struct State;  // the parser's state (internal)

 private:
  XlsxReader() = default;
  std::unique_ptr<State> s_;
};

// Excel's serial day number (1900 system) to an ISO date, if in range.
std::optional<std::string> excel_serial_to_iso(double serial);

}  // namespace lz::exchange
