// The import report: the summary and every refused cell, as JSON (the CLI's
// --json and, later, the API's upload answer) and as an .xlsx a clerk can
// open: a sheet listing each problem by row, column and reason, and a sheet
// of the refused rows as they were, the bad cells highlighted.
// Called by `liangzhan import`.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "exchange/household_import.h"

namespace lz::exchange {

nlohmann::json report_json(const ImportReport& r, Lang lang);
Status write_report_xlsx(const ImportReport& r, const std::string& path, Lang lang);
// The whole report (both languages, the refused rows as they were) as JSON
// to keep (the API's uploads store it with the upload record) and back, so
// the summary and the .xlsx can be given later in either language.
// `counts`: a kind's own counts (KindImport::counts), in order.
nlohmann::json report_to_storage(const ImportReport& r,
                                 const std::vector<std::pair<std::string, long>>& counts);
Result<ImportReport> report_from_storage(const nlohmann::json& j,
                                         std::vector<std::pair<std::string, long>>* counts);

// "第5行 E列（公民身份号码）：reason" / "row 5, column E (公民身份号码): reason".
std::string describe(const CellError& e, Lang lang);

// The rows read but neither imported nor refused, each with why, in row
// order: a title above the header, the template's example row.
struct SkippedNote {
  long row;
  std::string reason;
};
std::vector<SkippedNote> skipped_notes(const ImportReport& r, Lang lang);

// What the user must know beyond the rows: a workbook's other sheets with
// rows, not read ("工作簿中另有2张表有数据，未导入：白沙村、石门村……").
std::vector<std::string> import_notes(const ImportReport& r, Lang lang);

}  // namespace lz::exchange
