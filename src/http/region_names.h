// The database's division tree as handlers use it: for validating a region
// code a user sent and for place names in responses. Comes from
// Store::region_tree() (cached per worker, read again when a code is not in
// it, e.g. a group another worker just added), never from the shipped Liling
// tree, so that a database made by `liangzhan init` for another county works.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/region_code.h"
#include "http/services.h"
#include "registry/region_tree.h"

namespace lz::http {

// The tree, refreshed if `code` (raw input is fine) is valid and missing.
inline Result<std::shared_ptr<const RegionTree>> regions_of(Services& svc,
                                                            std::string_view code = "") {
  std::string need;
  if (!code.empty())
    if (auto c = RegionCode::parse(code); c) need = c->str();
  return svc.store->region_tree(need);
}

// "攸县 网岭镇 罗家坪村" for a code, down to the village (a group's name is in
// the address already, as ever); "" if the tree cannot be read.
inline std::string full_region_name(Services& svc, std::string_view code) {
  std::string_view village = code.substr(0, 12);
  auto t = regions_of(svc, village);
  return t ? (*t)->full_name(village) : std::string();
}

// The name of one region; "" if unknown.
inline std::string region_name_of(Services& svc, std::string_view code) {
  auto t = regions_of(svc, code);
  if (!t) return "";
  const Region* r = (*t)->find(code);
  return r ? r->name : "";
}

}  // namespace lz::http
