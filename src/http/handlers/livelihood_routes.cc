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
  return out;
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
