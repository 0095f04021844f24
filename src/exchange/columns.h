// The columns of each import/export kind and the header matcher. A column
// has a key (the English snake_case name, also accepted as a header), the
// Chinese header of our templates, the other names local templates use,
// and an example value for the template. Headers are matched leniently:
// full-width and half-width alike, spaces ignored, a unit or note in
// brackets dropped (收入（元）), a required-mark * dropped, Traditional
// characters read as Simplified. Called by the importers, exporters and
// `liangzhan template`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace lz::exchange {

struct ColumnSpec {
  std::string key;                   // "id_number"
  std::string zh;                    // "公民身份号码" (template header)
  std::string en;                    // "ID number" (messages in English)
  std::vector<std::string> aliases;  // "身份证号", "身份证号码", ...
  bool required = false;
  std::string example;               // template example value
};

struct KindSpec {
  std::string kind;  // "households", "persons"
  std::string title_zh, title_en;
  std::vector<ColumnSpec> columns;
  int index(std::string_view key) const;  // -1 if not a column of the kind
};

// "households" (one row per member, grouped by 户编号; import, export,
// template) and "persons" (export).
const KindSpec* find_kind(std::string_view kind);
std::vector<std::string> kind_names();

// The form a header is compared in: half-width, no spaces, no bracketed
// note, no *, Simplified, ASCII lower case, '-' and ' ' as '_'.
std::string header_key(std::string_view header);

struct HeaderMatch {
  std::vector<int> file_column;       // per spec column: the file's column index, or -1
  std::vector<std::string> ignored;   // file headers that match no column
};

// Matches a header row. An Error (row 1 or `header_row`) names the missing
// required columns or a column given twice.
Result<HeaderMatch> match_headers(const KindSpec& spec, const std::vector<std::string>& header, long header_row);

// How many of the kind's columns `cells` name (0 for a sheet's title row,
// read_header_row; 1 for a row explaining a column by its Chinese and
// English names).
int known_headers(const KindSpec& spec, const std::vector<std::string>& cells);

}  // namespace lz::exchange
