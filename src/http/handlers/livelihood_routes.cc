#include "http/handlers/livelihood_common.h"

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
