#include "http/handlers/epidemic_common.h"

#include <fmt/format.h>

namespace lz::http {

using nlohmann::json;

Status require_epidemic(const Ctx& c, bool write, bool command) {
  const Scope& s = c.scope;
  bool ok = s.epidemic && (!write || s.epidemic_write) && (!command || s.epidemic_command);
  if (ok) return {};
  return invalid("epidemic.forbidden", "", "您的角色无权进行此项疫情防控操作",
                 "Your role may not do this on the epidemic front");
}

Result<std::optional<std::string>> epidemic_prefix(const Ctx& c) {
  return list_prefix(c);
}

bool epidemic_covers(const Ctx& c, const std::string& region_code) {
  return c.scope.covers(region_code);
}

HttpResponse out_of_scope(const Ctx& c, const char* what_zh, const char* what_en, int64_t id) {
  return problem(not_in_scope(what_zh, what_en, id), c.lang);
}

json person_brief_json(const sqlite::PersonBrief& p, const Scope& s) {
  json j = {
      {"id", p.id},       {"household_id", p.household_id ? json(*p.household_id) : json(nullptr)},
      {"name", p.name},   {"id_number", p.id_number},
      {"phone", p.phone}, {"region_code", p.region_code}};
  mask_person(j, s);
  return j;
}

json reactions_json(const app::Reactions& r, Lang lang) {
  json skipped = json::array();
  for (const Error& e : r.skipped)
    skipped.push_back(
        {{"code", e.code}, {"message", lang == Lang::kEn ? e.message_en : e.message_zh}});
  json support = json::array();
  for (const auto& s : r.support_requests)
    support.push_back({{"household_id", s.household_id},
                       {"kind", epidemic::id(s.kind)},
                       {"note", s.note},
                       {"cadre_id", s.cadre_id ? json(*s.cadre_id) : json(nullptr)},
                       {"on", s.on.iso()}});
  return {{"key_persons", r.key_persons},
          {"risk_cases", r.risk_cases},
          {"observations_extended", r.observations_extended},
          {"support_requests", support},
          {"skipped", skipped}};
}

Result<Date> date_param(const Ctx& c, const char* name) {
  auto d = c.q_date(name);
  if (!d) return d.error();
  if (!*d) return c.svc.epidemic->today();
  return **d;
}

}  // namespace lz::http
