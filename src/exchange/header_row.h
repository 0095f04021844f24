// The header row of an imported sheet, found past the sheet's title.
//
// Chinese registers are often kept as printed forms: a title
// (醴陵市建档立卡贫困户花名册) and a line saying who filled the form in and
// when (填报单位：官庄镇  填报日期：2020年2月12日) stand above the header.
// Such a row names no column of the kind: it is read as a title and
// skipped, up to kMaxTitleRows of them. The first row that names a column
// is the header, checked by match_headers, whose errors are then the
// file's. Called by every importer before it reads the data rows.
#pragma once
#include <vector>

#include "exchange/columns.h"
#include "exchange/table.h"

namespace lz::exchange {

inline constexpr int kMaxTitleRows = 5;

struct HeaderRow {
  Row row;                       // the header as read
  HeaderMatch match;             // its columns
  std::vector<long> title_rows;  // the non-blank rows above it, skipped
};

// Reads rows until the header. An Error when the file is damaged or empty,
// when the first row naming a column lacks a required one (that row's
// error), or when no row within kMaxTitleRows + 1 names any column (the
// first row's error, as for a file whose header is missing).
Result<HeaderRow> read_header_row(TableReader& in, const KindSpec& spec);

// "第1行是表格标题（表头在第3行），已跳过" / "row 1 is a title above the header
// (row 3); skipped".
std::string title_row_skipped_zh(long row, long header_row);
std::string title_row_skipped_en(long row, long header_row);

}  // namespace lz::exchange
