#include "exchange/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "exchange/csv_reader.h"
#include "exchange/xlsx_reader.h"

namespace lz::exchange {

bool Row::blank() const {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

std::string column_letter(size_t index) {
  std::string s;
  size_t n = index + 1;
  while (n > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return s;
}

static std::string extension(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return "";
  std::string e = path.substr(dot + 1);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

Result<std::unique_ptr<TableReader>> open_table(const std::string& path) {
  std::string ext = extension(path);
  if (ext == "xlsx") {
    auto r = XlsxReader::open(path);
    if (!r) return r.error();
    return std::unique_ptr<TableReader>(std::move(r).value());
  }
  if (ext == "csv" || ext == "txt" || ext == "tsv") {
    auto r = CsvReader::open(path);
    if (!r) return r.error();
    return std::unique_ptr<TableReader>(std::move(r).value());
  }
  if (ext == "xls" || ext == "et")
    return invalid("file.format", "file", "不支持旧的.xls/.et格式：请在Excel或WPS中另存为.xlsx或CSV",
                   "The old .xls/.et format is not supported: save the file as .xlsx or CSV");
  return invalid("file.format", "file", fmt::format("无法识别文件“{}”的格式：应为.xlsx或.csv", path),
                 fmt::format("Unknown file type \"{}\": expected .xlsx or .csv", path));
}

}  // namespace lz::exchange
