// Imports of the epidemic front's lists: key persons (key_person_import.*),
// checkpoint passages (passage_import.*) and follow-ups
// (follow_up_import.*). Each row (or group of rows: the travellers of one
// passage) goes through the front's own use cases (app::EpidemicService),
// so every rule and every reaction (a checkpoint fever listed as a key
// person, a follow-up alert) applies to imported rows as to a form.
//
// What the kinds share is here: their columns (matched leniently as in
// columns.h), the row loop with one transaction for the whole file (each
// row group a savepoint inside it: a killed or refused import leaves the
// database as it was), the two modes and the dry run of household_import.h,
// errors by row and column, the scope of the importer (a township officer's
// rows outside the township are row errors) and the JSON summary.
// Called by `liangzhan import`, the API's upload (handlers/imports.cc) and
// the tests.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/epidemic_service.h"
#include "exchange/columns.h"
#include "exchange/household_import.h"
#include "exchange/table.h"
#include "registry/region_tree.h"

namespace lz::exchange {

// Who imports and what their rows may touch. Without `covers` every region
// is allowed (the CLI); `checkpoint_only` limits passages to one checkpoint
// (checkpoint staff).
struct EpidemicImportEnv {
  app::EpidemicService& svc;
  Actor actor;
  std::function<bool(const std::string& region_code)> covers;
  std::optional<int64_t> checkpoint_only;
  // For village names (所在村) in key persons: the county's regions.
  const RegionTree* regions = nullptr;
};

// The report of household_import.h plus the kind's own counts (passages
// written, key persons referred, alerts ...), in the order they are shown.
struct KindImport {
  ImportReport report;
  std::vector<std::pair<std::string, long>> counts;
  long& count(const std::string& name);
};

// key_persons, passages, follow_ups.
const KindSpec* find_epidemic_kind(std::string_view kind);
// Every kind `liangzhan import` and `template` know: households and the above.
const KindSpec* find_import_kind(std::string_view kind);
std::vector<std::string> import_kind_names();

// Runs the import of `kind` (one of the epidemic kinds) from `in`.
// An Error only when the file as a whole cannot be read (no header, a
// required column missing, damaged); then nothing is committed.
Result<KindImport> import_epidemic(std::string_view kind, TableReader& in, EpidemicImportEnv& env,
                                   const ImportOptions& opts);

// report_json() of the report, without the household counts, with the
// kind's counts.
nlohmann::json kind_report_json(const KindImport& r, Lang lang);

// ---------------------------------------------------------------------------
// For the kinds' files.
namespace detail {

// The rows of one unit (one record; the travellers of one passage), their
// cells by column key, and the errors found in them.
class RowGroup {
 public:
  RowGroup(const KindSpec& spec, const HeaderMatch& m, const std::vector<std::string>& header)
      : spec_(spec), match_(m), header_(header) {}
  std::vector<Row> rows;

  bool has(std::string_view key) const;
  const std::string& cell(const Row& r, std::string_view key) const;
  // An error in the cell of `key` in row `r` ("" or a key not in the file: the whole row).
  void error(const Row& r, std::string_view key, const Error& e);
  bool ok() const { return errs_.empty(); }
  std::vector<CellError>& errors() { return errs_; }

 private:
  int file_col(std::string_view key) const;
  const KindSpec& spec_;
  const HeaderMatch& match_;
  const std::vector<std::string>& header_;
  std::vector<CellError> errs_;
};

struct KindHandler {
  const KindSpec* spec = nullptr;
  // Extra header checks (e.g. one of two columns required; a unit in a
  // header: `header` is the file's header row as it was).
  std::function<Status(const HeaderMatch& m, const std::vector<std::string>& header,
                       long header_row)>
      check_header;
  // Consecutive rows with the same non-empty key form one group; null: each row alone.
  std::function<std::string(const RowGroup& g, const Row& r)> group_key;
  // Checks and writes one group through the use cases, recording row errors
  // in `g`. An Error only for an internal failure (the import stops).
  std::function<Status(RowGroup& g, KindImport& out)> apply;
  // After the last row, inside the file's transaction, unless nothing can be
  // kept (all-or-nothing with a refused row): work done once per file (the
  // purchases re-check each household they credited once). An Error stops
  // the import (nothing committed).
  std::function<Status(KindImport& out)> finish;
  // The county (the template's example row as `template --db` sets it);
  // null: Liling's only.
  const RegionTree* regions = nullptr;
};

// A KindHandler::apply for kinds whose rows stand alone: `row(g, r, out)`
// on each row of the group, in order, stopping at an internal failure.
template <class RowFn>
std::function<Status(RowGroup& g, KindImport& out)> each_row(RowFn row) {
  return [row](RowGroup& g, KindImport& out) -> Status {
    for (const Row& r : g.rows) LZ_TRY(row(g, r, out));
    return {};
  };
}

Result<KindImport> run_rows(TableReader& in, sqlite::Db& db, const KindHandler& h,
                            const ImportOptions& opts);

// Cell helpers: each returns the value or records the error in `g`.
std::optional<Date> date_cell(RowGroup& g, const Row& r, std::string_view key);
std::optional<int> temperature_cell(RowGroup& g, const Row& r, std::string_view key);
std::optional<epidemic::SymptomSet> symptoms_cell(RowGroup& g, const Row& r, std::string_view key);
// "2020-02-12 08:30", "2020/2/12 8:30:00", "2020年2月12日 8时30分", an Excel
// serial with a fraction; a time alone ("08:30") with the date of `date_key`.
std::optional<epidemic::DateTime> datetime_cell(RowGroup& g, const Row& r, std::string_view key,
                                                std::string_view date_key);
// Village name (or township+village) or code -> region code; records the error.
std::optional<std::string> region_cell(RowGroup& g, const Row& r, std::string_view code_key,
                                       std::string_view village_key, const RegionTree* regions);
// A GB 11643 ID number, normalised; records the error (one turned into
// scientific notation by Excel is named as damaged). Empty cell: "" without error.
std::string id_number_cell(RowGroup& g, const Row& r, std::string_view key, Date today);
// A number as typed (full-width digits, thousands commas, a unit after it
// such as 斤 or 元 dropped); nullopt and the error recorded when not a number.
std::optional<double> number_cell(RowGroup& g, const Row& r, std::string_view key,
                                  const char* what_zh, const char* what_en);
Error out_of_scope(const std::string& region_code);
// A domain error's field path ("travellers[2].temperature_tenths") -> the
// index in brackets (or -1) and the last name ("temperature_tenths").
std::pair<int, std::string> split_field(const std::string& field);

}  // namespace detail

}  // namespace lz::exchange
