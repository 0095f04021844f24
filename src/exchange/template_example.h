// The example row of an import kind's template (`liangzhan template KIND
// OUT.xlsx` writes it under the header) and its recognition in a file: a
// template filled in below its example, or sent untouched, must not import
// the example as data. The importers skip a row identical to it and say so
// in their report (ImportReport::skipped_rows). Used by sheets.cc (writing
// the template), household_import.cc and epidemic_import.cc (run_rows).
#pragma once
#include <string>
#include <vector>

#include "exchange/columns.h"
#include "exchange/table.h"
#include "registry/region_tree.h"

namespace lz::exchange {

// The example row, one value per spec column, set in `county` (its first
// village, its code in the ID and household numbers, its names for
// Liling's) when given, else in Liling as shipped.
std::vector<std::string> template_example(const KindSpec& spec, const RegionTree* county);

// The example rows a file of `spec` may hold for the county of `county`:
// the template made with its database (`template --db`) and the one made
// without (Liling's).
class TemplateExamples {
 public:
  TemplateExamples(const KindSpec& spec, const RegionTree* county);
  // True if `r` is one of them: every column of the spec the file has
  // (`m`) holds the example's value (cells cleaned as the importers clean
  // them) and every other cell is empty.
  bool matches(const HeaderMatch& m, const Row& r) const;

 private:
  std::vector<std::vector<std::string>> rows_;  // cleaned
};

// The report's words for a skipped example row.
std::string example_row_skipped_zh(long row);
std::string example_row_skipped_en(long row);

}  // namespace lz::exchange
