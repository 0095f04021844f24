// Exports of the livelihood front's lists in their import formats
// (livelihood_import.h): purchases at purchase points (a ledger: backstop
// buyers' purchases are not a point's and are left out), produce listings,
// the labour register, cooperatives and the poverty register (户编号, the
// head's ID number and name, 贫困户属性, 识别年度, 脱贫年度), under a region (a code prefix, as in
// the API), ID numbers and phones masked unless `full_ids`. Read through the stores' own list
// queries a page at a time. An export of purchases imported back is recognised as already recorded
// (purchase.duplicate), with or without the full ID numbers (the household number identifies the
// household). Called by `liangzhan export`.
#pragma once
#include "exchange/livelihood_import.h"
#include "exchange/sqlite_export.h"

namespace lz::exchange {

// opts.kind: purchases, listings, labourers, cooperatives or poverty_register. Returns the data
// rows written.
Result<long> export_livelihood(LivelihoodImportEnv& env, const ExportOptions& opts,
                               TableWriter& out);

}  // namespace lz::exchange
