// Imports of the livelihood front's lists: purchases at purchase points
// (purchase_import.*: a point's ledger), the labour register
// (labourer_import.*) and cooperatives (cooperative_import.*). Each row goes
// through the front's own use cases (app::ProduceService, JobsService,
// SuppliesService), so every rule and every effect applies to imported rows
// as to a form: a purchase is checked against its listing and the point's
// capacity that day, its amount computed with the units.h rounding, credited
// to the household's business income and the household re-checked. The row
// loop, modes, dry run, errors by row and column, and the one transaction
// per file are epidemic_import.h's (detail::run_rows).
// Called by `liangzhan import`, the API's upload and the tests.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/jobs_service.h"
#include "app/produce_service.h"
#include "app/supplies_service.h"
#include "exchange/epidemic_import.h"
#include "exchange/livelihood_lookup.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {

// Who imports and what their rows may touch. Without `covers` every region
// is allowed (the CLI). `point_only`: a purchase-point operator's uploads
// record purchases at their point only (from any household of the county).
struct LivelihoodImportEnv {
  sqlite::SqliteStore& store;
  app::ProduceService& produce;
  app::JobsService& jobs;
  app::SuppliesService& supplies;
  Actor actor;
  std::function<bool(const std::string& region_code)> covers;
  std::optional<int64_t> point_only;
  const RegionTree* regions = nullptr;  // village names (所在村)
};

// purchases, listings, labourers, cooperatives.
const KindSpec* find_livelihood_kind(std::string_view kind);

Result<KindImport> import_livelihood(std::string_view kind, TableReader& in,
                                     LivelihoodImportEnv& env, const ImportOptions& opts);

// The kinds' importers.
const KindSpec& purchases_spec();
const KindSpec& labourers_spec();
const KindSpec& cooperatives_spec();
Result<KindImport> import_purchases(TableReader& in, LivelihoodImportEnv& env,
                                    const ImportOptions& opts);
Result<KindImport> import_labourers(TableReader& in, LivelihoodImportEnv& env,
                                    const ImportOptions& opts);
Result<KindImport> import_cooperatives(TableReader& in, LivelihoodImportEnv& env,
                                       const ImportOptions& opts);

const KindSpec& listings_spec();
// The poverty register (poverty_register_import.cc): each household's status
// and years, as PUT /households/{id}/poverty/status sets them.
const KindSpec& poverty_register_spec();
Result<KindImport> import_poverty_register(TableReader& in, LivelihoodImportEnv& env,
                                           const ImportOptions& opts);
Result<KindImport> import_listings(TableReader& in, LivelihoodImportEnv& env,
                                   const ImportOptions& opts);

namespace detail {
// A header naming kilograms (公斤, 千克, kg): 1 kg = 2 jin.
bool unit_is_kg(const std::string& header);
// A number with at most `decimals` decimals (what Excel shows in General format).
bool at_most_decimals(double v, int decimals);
// The household of a row from its 户编号 (column household_number) and/or a
// member's ID number (id_number; both: they must agree; a masked number
// next to a 户编号 is ignored), the name (column name) checked against the
// head's or the ID number holder's; errors recorded in `g` with codes
// `code_prefix`.household_mismatch / .name_mismatch. nullopt when neither
// column is filled in or on an error; an Error only for an internal failure.
Result<std::optional<HouseholdRef>> household_cell(RowGroup& g, const Row& r,
                                                   LivelihoodLookup& lookup,
                                                   sqlite::SqliteStore& store, Date today,
                                                   const std::string& code_prefix);
// The column naming a row's household, for errors about it: household_number
// where the file has it, else id_number, else "" (the whole row).
std::string_view household_col(const RowGroup& g);
// What row_household asks of a row's household: `required` (else
// `code_prefix`.household_required, "请填写<who_zh>（户编号或户主公民身份
// 号码）"), and within env.covers when `in_scope` (else out_of_scope).
struct HouseholdNeed {
  bool required = true;
  bool in_scope = true;
  const char* who_zh = "农户";
  const char* who_en = "household";
};
// household_cell, then the household refused as `need` says, in the column
// household_col(g) (the household is still returned: g.ok() says whether the
// row stands). An Error only for an internal failure.
Result<std::optional<HouseholdRef>> row_household(RowGroup& g, const Row& r,
                                                  LivelihoodLookup& lookup,
                                                  const LivelihoodImportEnv& env, Date today,
                                                  const std::string& code_prefix,
                                                  const HouseholdNeed& need = {});
// The header of a produce file (listings, purchases): a column naming the
// household (户编号 or 户主公民身份号码; `listing_id` too where `allow_listing`)
// is required; a quantity column in kg sets `jin_factor` to 2; a price column
// (`price_key`, called `price_zh`) in yuan per kg is refused.
Status produce_header(const KindSpec& k, const HeaderMatch& m,
                      const std::vector<std::string>& header, long row, bool allow_listing,
                      const char* price_key, const char* price_zh, double& jin_factor);
// The produce kind of a row's column `kind`: nullopt for an empty cell (the
// caller says whether it is required), "" for an unknown one (the error
// produce.kind_unknown recorded in `g`), else the kind's id.
std::optional<std::string> produce_kind_cell(RowGroup& g, const Row& r);
// Column `jin` times `jin_factor` as grams: nullopt for an empty cell or a bad
// one (the error `code` recorded in `g`, naming the quantity `zh` / `en`).
std::optional<int64_t> grams_cell(RowGroup& g, const Row& r, double jin_factor, const char* code,
                                  const char* zh, const char* en);
}  // namespace detail

}  // namespace lz::exchange
