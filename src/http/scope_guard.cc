#include "http/scope_guard.h"

#include <fmt/format.h>

#include "core/id_number.h"
#include "core/region_code.h"
#include "registry/validate.h"

namespace lz::http {

Status require(bool allowed) {
  if (allowed) return {};
  Error e = invalid("auth.forbidden", "", "您的角色无权进行此操作", "Your role may not do this");
  return e;
}

Status require_registry(const Ctx& c, bool write) {
  return require(write ? c.scope.registry_write : c.scope.registry);
}

Result<std::optional<std::string>> list_prefix(const Ctx& c, const std::string& param) {
  std::string mine = c.scope.region_prefix;
  auto req = c.q(param);
  if (!req || req->empty()) return std::optional<std::string>(mine);
  auto code = RegionCode::parse(*req, param);
  if (!code) {
    Error e = code.error();
    e.code = "request.bad_parameter";
    return e;
  }
  const std::string& want = code->str();
  if (want.starts_with(mine)) return std::optional<std::string>(want);  // inside my scope
  if (mine.starts_with(want)) return std::optional<std::string>(mine);  // wider than my scope
  return std::optional<std::string>();                                  // disjoint
}

Result<std::optional<std::string>> scoped_page(const Ctx& c, const Status& allowed, int64_t& limit,
                                               int64_t& offset) {
  LZ_TRY(allowed);
  LZ_TRY(c.paging(limit, offset));
  return list_prefix(c);
}

Error not_in_scope(const char* what_zh, const char* what_en, int64_t id, const char* field) {
  return not_found("not_found", field, fmt::format("{}{}不存在或不在您的管辖范围内", what_zh, id),
                   fmt::format("There is no {} {} in your jurisdiction", what_en, id));
}

Status cadre_in_scope(Ctx& c, int64_t cadre_id, const std::string& field) {
  auto cadre = c.svc.store->cadre(cadre_id);
  if (cadre && c.scope.covers(cadre->region_code)) return {};
  // The store's words for a cadre that does not exist, so both read alike.
  return not_found("cadre.not_found", field, fmt::format("干部{}不存在", cadre_id),
                   fmt::format("There is no cadre with id {}", cadre_id));
}

Result<bool> household_visible(Ctx& c, int64_t household_id, const std::string& region_code) {
  if (!c.scope.covers(region_code)) return false;
  if (c.scope.paired_only) {
    if (!c.scope.cadre_id) return false;
    return c.svc.store->is_paired(*c.scope.cadre_id, household_id);
  }
  return true;
}

Result<Household> visible_household(Ctx& c, int64_t id) {
  auto h = c.svc.store->household(id);
  if (!h) return not_in_scope("户", "household", id);
  auto ok = household_visible(c, h->id, h->region_code);
  if (!ok) return ok.error();
  if (!*ok) return not_in_scope("户", "household", id);
  return h;
}

void mask_person(nlohmann::json& p, const Scope& s) {
  if (p.contains("id_number") && p["id_number"].is_string()) {
    p["id_number"] = mask_id_number(p["id_number"].get<std::string>());
  }
  if (!s.full_phone && p.contains("phone") && p["phone"].is_string() &&
      !p["phone"].get<std::string>().empty())
    p["phone"] = mask_phone(p["phone"]);
  p["masked"] = true;
}

void mask_household(nlohmann::json& h, const Scope& s) {
  if (!s.full_phone && h.contains("phone") && h["phone"].is_string() &&
      !h["phone"].get<std::string>().empty())
    h["phone"] = mask_phone(h["phone"]);
  if (h.contains("members"))
    for (auto& m : h["members"]) mask_person(m, s);
}

std::string text_of(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return "";
  const auto& v = j[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return v.dump();
}

}  // namespace lz::http
