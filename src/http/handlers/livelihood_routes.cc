#include "http/handlers/livelihood_common.h"

#include <fmt/format.h>

namespace lz::http {

Status require_livelihood(const Ctx& c, bool write, bool command) {
  const Scope& s = c.scope;
  bool ok = s.livelihood && (!write || s.livelihood_write) && (!command || s.livelihood_command);
  if (ok) return {};
  return invalid("livelihood.forbidden", "", "您的角色无权进行此项生产生活保障操作",
                 "Your role may not do this on the livelihood front");
}

Result<ListPage> livelihood_list(const Ctx& c) {
  LZ_TRY(require_livelihood(c));
  auto prefix = list_prefix(c);
  if (!prefix) return prefix.error();
  ListPage out;
  out.prefix = *prefix;
  if (out.prefix) LZ_TRY(c.paging(out.limit, out.offset));
  auto active = active_param(c);
  if (!active) return active.error();
  out.active = *active;
  return out;
}

Result<std::string> body_str(const nlohmann::json& b, const char* k, bool required) {
  if (!b.contains(k) || b[k].is_null()) {
    if (required)
      return invalid("request.field_required", k, fmt::format("请填写{}", k),
                     fmt::format("{} is required", k));
    return std::string();
  }
  if (!b[k].is_string())
    return invalid("request.field_type", k, fmt::format("{}应为字符串", k),
                   fmt::format("{} must be a string", k));
  return b[k].get<std::string>();
}

Result<std::optional<int64_t>> body_int(const nlohmann::json& b, const std::string& k,
                                        const std::string& path_given) {
  const std::string& path = path_given.empty() ? k : path_given;
  if (!b.contains(k) || b[k].is_null()) return std::optional<int64_t>();
  if (!b[k].is_number_integer())
    return invalid("request.field_type", path, fmt::format("{}应为整数", path),
                   fmt::format("{} must be an integer", path));
  return std::optional<int64_t>(b[k].get<int64_t>());
}

Result<std::optional<Date>> body_date(const nlohmann::json& b, const char* k, bool required) {
  auto s = body_str(b, k, required);
  if (!s) return s.error();
  if (s->empty()) return std::optional<Date>();
  auto d = Date::parse_iso(*s);
  if (!d)
    return invalid("request.date", k, fmt::format("{}应为YYYY-MM-DD", k),
                   fmt::format("{} must be YYYY-MM-DD", k));
  return std::optional<Date>(*d);
}

Result<std::optional<bool>> active_param(const Ctx& c) {
  std::string v = c.q_or("active", "");
  if (v.empty()) return std::optional<bool>();
  if (v == "true" || v == "1") return std::optional<bool>(true);
  if (v == "false" || v == "0") return std::optional<bool>(false);
  return bad_parameter(
      "active", "active应为true（只看在用的）或false（只看已关闭/停用的）",
      "active must be true (only active ones) or false (only closed or inactive ones)");
}

ParamDoc active_param_doc() {
  return {"active", "query", "boolean",
          "true: only active (open) records; false: only closed or inactive ones"};
}

void add_livelihood_schemas(nlohmann::json& s) {
  add_produce_schemas(s);
  add_jobs_schemas(s);
  add_enterprise_schemas(s);
  add_supplies_schemas(s);
}

void add_livelihood_routes(Router& r) {
  add_produce_routes(r);
  add_jobs_routes(r);
  add_enterprise_routes(r);
  add_supplies_routes(r);
}

}  // namespace lz::http
