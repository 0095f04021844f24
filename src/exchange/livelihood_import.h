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
}  // namespace detail

}  // namespace lz::exchange
