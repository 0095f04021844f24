// Spreadsheets made for people rather than for re-import: the template of
// an import kind (its header, required columns marked, an example row, and
// a sheet explaining each column and its accepted values) and the daily
// bulletin as a formatted sheet an office prints (title, date, region,
// sections of figures, set for A4). Called by `liangzhan template` and
// `liangzhan bulletin --xlsx`.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"
#include "exchange/columns.h"
#include "registry/region_tree.h"

namespace lz::exchange {

// The example row is set in `county` (its first village, its code in the ID
// number and household number, its names for Liling's) when given, else in
// Liling as shipped.
Status write_template(const KindSpec& spec, const std::string& path,
                      const RegionTree* county = nullptr);
Status write_bulletin_xlsx(const nlohmann::json& bulletin, const std::string& path, Lang lang);

}  // namespace lz::exchange
