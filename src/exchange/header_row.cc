#include "exchange/header_row.h"

#include <fmt/format.h>

#include <optional>

namespace lz::exchange {

Result<HeaderRow> read_header_row(TableReader& in, const KindSpec& spec) {
  HeaderRow out;
  std::optional<Error> first_error;  // of the first non-blank row, if not the header
  for (;;) {
    auto r = in.next(out.row);
    if (!r) return r.error();
    if (!*r) {
      if (first_error) return *first_error;
      return invalid("file.empty", "file", "文件中没有表头行，也没有数据",
                     "The file has no header row and no data");
    }
    if (out.row.blank()) continue;
    auto m = match_headers(spec, out.row.cells, out.row.number);
    if (m) {
      out.match = std::move(m).value();
      return out;
    }
    if (known_headers(spec, out.row.cells) > 0) return m.error();
    if (!first_error) first_error = m.error();
    if (out.title_rows.size() >= static_cast<size_t>(kMaxTitleRows)) return *first_error;
    out.title_rows.push_back(out.row.number);
  }
}

std::string title_row_skipped_zh(long row, long header_row) {
  return fmt::format("第{}行是表格标题（表头在第{}行），已跳过", row, header_row);
}
std::string title_row_skipped_en(long row, long header_row) {
  return fmt::format("row {} is a title above the header (row {}); skipped", row, header_row);
}

}  // namespace lz::exchange
