#include "exchange/livelihood_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lz::exchange {

const KindSpec* find_livelihood_kind(std::string_view kind) {
  if (kind == "purchases") return &purchases_spec();
  if (kind == "labourers") return &labourers_spec();
  if (kind == "cooperatives") return &cooperatives_spec();
  return nullptr;
}

Result<KindImport> import_livelihood(std::string_view kind, TableReader& in,
                                     LivelihoodImportEnv& env, const ImportOptions& opts) {
  if (kind == "purchases") return import_purchases(in, env, opts);
  if (kind == "labourers") return import_labourers(in, env, opts);
  if (kind == "cooperatives") return import_cooperatives(in, env, opts);
  return invalid(
      "kind.unknown", "kind",
      fmt::format("不能导入“{}”，可选：{}", kind, fmt::join(import_kind_names(), "、")),
      fmt::format("Cannot import \"{}\": expected {}", kind, fmt::join(import_kind_names(), ", ")));
}

}  // namespace lz::exchange
