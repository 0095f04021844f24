// /api/v1/audit: the audit trail, for the audit administrator only. Read-only:
// no route changes or deletes an entry.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "store/audit.h"

namespace lz::http {

void add_audit_routes(Router& r) {
  r.add({"GET", "/api/v1/audit", "audit", "Audit entries, newest first (audit_admin only)", true,
         {{"actor", "query", "string", "Login of who acted"},
          {"action", "query", "string", "create | update | delete | reveal | login | login_failed | logout | ..."},
          {"entity", "query", "string", "household | person | cadre | village_team | pairing | account | ..."},
          {"entity_id", "query", "string", "Id of the record"},
          {"from", "query", "string", "From this time (ISO 8601, inclusive)"},
          {"to", "query", "string", "Before this time (ISO 8601, exclusive)"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "", "AuditEntry", true, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.read_audit); !st) return problem(st.error(), c.lang);
           AuditQuery q;
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           q.actor = c.q_or("actor", "");
           q.action = c.q_or("action", "");
           q.entity = c.q_or("entity", "");
           q.entity_id = c.q_or("entity_id", "");
           q.from = c.q_or("from", "");
           q.to = c.q_or("to", "");
           auto page = c.svc.store->audit().query(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& e : page->items) {
             auto parse = [](const std::string& s) {
               if (s.empty()) return nlohmann::json(nullptr);
               auto j = nlohmann::json::parse(s, nullptr, false);
               return j.is_discarded() ? nlohmann::json(s) : j;
             };
             items.push_back({{"id", e.id},
                              {"at", e.at},
                              {"actor", e.actor},
                              {"role", e.role},
                              {"address", e.address},
                              {"action", e.action},
                              {"entity", e.entity},
                              {"entity_id", e.entity_id},
                              {"before", parse(e.before)},
                              {"after", parse(e.after)},
                              {"detail", e.detail}});
           }
           return list_response(items, page->total);
         }});
}

}  // namespace lz::http
