#include "exchange/header_row.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "core/text.h"

namespace lz::exchange {

namespace {

// `upper` with its empty cells filled from `lower`'s, and `lower`'s own
// where it has them (a group header above its columns).
Row merged(const Row& upper, const Row& lower) {
  static const std::string kEmpty;
  Row m;
  m.number = lower.number;
  m.cells.resize(std::max(upper.cells.size(), lower.cells.size()));
  for (size_t i = 0; i < m.cells.size(); ++i) {
    const std::string& u = i < upper.cells.size() ? upper.cells[i] : kEmpty;
    const std::string& l = i < lower.cells.size() ? lower.cells[i] : kEmpty;
    m.cells[i] = text::trim(l).empty() ? u : l;
  }
  return m;
}

}  // namespace

Result<HeaderRow> read_header_row(TableReader& in, const KindSpec& spec) {
  HeaderRow out;
  std::optional<Error> first_error;  // of the first non-blank row, if not the header
  auto next_filled = [&](Row& row) -> Result<bool> {
    for (;;) {
      auto r = in.next(row);
      if (!r || !*r) return r;
      if (!row.blank()) return true;
    }
  };
  for (;;) {
    auto r = next_filled(out.row);
    if (!r) return r.error();
    if (!*r) {
      if (first_error) return *first_error;
      return invalid("file.empty", "file", "文件中没有表头行，也没有数据",
                     "The file has no header row and no data");
    }
    auto m = match_headers(spec, out.row.cells, out.row.number);
    if (m) {
      out.match = std::move(m).value();
      return out;
    }
    if (known_headers(spec, out.row.cells) > 0) {
      // Perhaps the upper row of two: the row below completes it.
      Row lower;
      auto l = next_filled(lower);
      if (!l) return l.error();
      if (!*l || known_headers(spec, lower.cells) == 0) return m.error();
      Row both = merged(out.row, lower);
      auto m2 = match_headers(spec, both.cells, both.number);
      if (!m2) return m.error();
      out.upper_row = out.row.number;
      out.row = std::move(both);
      out.match = std::move(m2).value();
      return out;
    }
    if (!first_error) first_error = m.error();
    if (out.title_rows.size() >= static_cast<size_t>(kMaxTitleRows)) return *first_error;
    out.title_rows.push_back(out.row.number);
  }
}

std::vector<std::string> other_sheets_of_kind(const TableReader& in, const KindSpec& spec) {
  std::vector<std::string> out;
  for (const auto& name : in.unread_sheets()) {
    auto sheet = in.open_sheet(name);
    if (!sheet) continue;
    Row row;
    for (int filled = 0; filled < kMaxTitleRows + 2;) {
      auto r = (*sheet)->next(row);
      if (!r || !*r) break;
      if (row.blank()) continue;
      ++filled;
      if (known_headers(spec, row.cells) >= 2) {
        out.push_back(name);
        break;
      }
    }
  }
  return out;
}

bool is_footer_row(const Row& row) {
  static constexpr std::string_view kTotals[] = {"合计", "总计", "小计"};
  static constexpr std::string_view kSigned[] = {"填表人", "填报人", "审核人", "制表人",
                                                 "负责人", "备注",   "说明",   "注"};
  for (const auto& cell : row.cells) {
    // A data row's first cell mostly opens with a digit or a letter (户编号):
    // decided without normalising it.
    size_t i = cell.find_first_not_of(" \t");
    if (i == std::string::npos) continue;
    if (static_cast<unsigned char>(cell[i]) < 0x80) return false;
    std::string s = text::strip_spaces(text::to_half_width(cell));
    if (s.empty()) continue;
    for (auto w : kTotals)
      if (s.starts_with(w)) return true;
    for (auto w : kSigned)
      if (s.starts_with(w) && s.size() > w.size() && s[w.size()] == ':') return true;
    return false;  // the first filled cell decides
  }
  return false;
}

std::string title_row_skipped_zh(long row, long header_row) {
  return fmt::format("第{}行是表格标题（表头在第{}行），已跳过", row, header_row);
}
std::string title_row_skipped_en(long row, long header_row) {
  return fmt::format("row {} is a title above the header (row {}); skipped", row, header_row);
}
std::string two_row_header_zh(long upper, long lower) {
  return fmt::format("第{}行和第{}行合为表头", upper, lower);
}
std::string two_row_header_en(long upper, long lower) {
  return fmt::format("rows {} and {} together are the header", upper, lower);
}
std::string footer_row_skipped_zh(long row) {
  return fmt::format("第{}行是表尾（合计、填表人等），已跳过", row);
}
std::string footer_row_skipped_en(long row) {
  return fmt::format("row {} is the form's foot (a total, who filled it in); skipped", row);
}

}  // namespace lz::exchange
