// Where a sheet's data are: its header found past a printed form's title,
// a header written over two rows, and the form's foot below the data.
//
// Chinese registers are often kept as printed forms:
// - a title (醴陵市建档立卡贫困户花名册) and a line saying who filled the form
//   in and when (填报单位：官庄镇  填报日期：2020年2月12日) stand above the
//   header. Such a row names no column of the kind: it is read as a title
//   and skipped, up to kMaxTitleRows of them;
// - the header may take two rows: a merged cell over a group of columns
//   (家庭成员信息) or one spanning both rows (户编号, written in the upper
//   row only). When the first row naming a column lacks a required one,
//   the row below fills its empty cells; if that makes a whole header, the
//   two rows are the header;
// - below the data a total (合计：35户) or who filled and checked the form
//   (填表人：张三 审核人：李四) is not data, and is skipped.
// The first row naming a column is otherwise the header, checked by
// match_headers, whose errors are then the file's. Called by every importer.
#pragma once
#include <string>
#include <vector>

#include "exchange/columns.h"
#include "exchange/table.h"

namespace lz::exchange {

inline constexpr int kMaxTitleRows = 5;

struct HeaderRow {
  Row row;                       // the header as read (for two rows: merged, numbered as the lower)
  HeaderMatch match;             // its columns
  std::vector<long> title_rows;  // the non-blank rows above it, skipped
  long upper_row = 0;            // the upper row of a two-row header, or 0
};

// Reads rows until the header. An Error when the file is damaged or empty,
// when the first row naming a column lacks a required one (that row's
// error, unless the next row completes it), or when no row within
// kMaxTitleRows + 1 names any column (the first row's error, as for a file
// whose header is missing).
Result<HeaderRow> read_header_row(TableReader& in, const KindSpec& spec);

// True for a row of the form's foot: its first filled cell is a total
// (合计, 总计, 小计, with anything after) or names who filled, checked or
// made the form, or a note (填表人：, 填报人：, 审核人：, 制表人：, 负责人：,
// 备注：, 说明：, 注：).
bool is_footer_row(const Row& row);

// The workbook's other sheets with rows (in.unread_sheets()) that hold rows
// of `spec`'s kind: a row among their first kMaxTitleRows + 2 names two of
// its columns (a sheet explaining the columns, as our templates have, names
// one per row and is not one).
std::vector<std::string> other_sheets_of_kind(const TableReader& in, const KindSpec& spec);

// The notes an import gives for the rows it skipped.
std::string title_row_skipped_zh(long row, long header_row);
std::string title_row_skipped_en(long row, long header_row);
std::string two_row_header_zh(long upper, long lower);
std::string two_row_header_en(long upper, long lower);
std::string footer_row_skipped_zh(long row);
std::string footer_row_skipped_en(long row);

}  // namespace lz::exchange
