// GET /api/v1/bulletin?date=YYYY-MM-DD[&region=CODE]: the daily bulletin;
// /bulletin/series (a range of days) and /bulletin/regions (each child
// region). Scoped: a region wider than the user's jurisdiction is narrowed to
// it, a disjoint one is not found.
#include "app/bulletin.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

void add_bulletin_routes(Router& r) {
  r.add({"GET",
         "/api/v1/bulletin",
         "epidemic",
         "The daily bulletin: epidemic, poverty and cadre figures computed from the records of "
         "that date and before",
         true,
         {{"date", "query", "string", "The day, YYYY-MM-DD", true},
          {"region", "query", "string", "Region code (default: the user's jurisdiction)"}},
         "",
         "Bulletin",
         false,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && !c.scope.paired_only); !st)
             return problem(st.error(), c.lang);
           auto d = Date::parse_iso(c.q_or("date", ""));
           if (!d)
             return problem(bad_parameter("date", "date应为YYYY-MM-DD", "date must be YYYY-MM-DD"),
                            c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix)
             return problem(not_found("region.not_found", "region", "该区划不在您的管辖范围内",
                                      "That region is outside your jurisdiction"),
                            c.lang);
           auto b = app::daily_bulletin(c.svc.store->db(), *d, **prefix);
           if (!b) return problem(b.error(), c.lang);
           return json_response(*b);
         }});
  r.add({"GET",
         "/api/v1/bulletin/series",
         "epidemic",
         "The daily bulletins of a range of days (trends), computed from the records like the "
         "daily bulletin",
         true,
         {{"from", "query", "string", "First day, YYYY-MM-DD", true},
          {"to", "query", "string", "Last day, YYYY-MM-DD (at most 367 days after from)", true},
          {"region", "query", "string", "Region code (default: the user's jurisdiction)"}},
         "",
         "BulletinSeries",
         false,
         {400, 403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && !c.scope.paired_only); !st)
             return problem(st.error(), c.lang);
           auto from = Date::parse_iso(c.q_or("from", ""));
           if (!from)
             return problem(bad_parameter("from", "from应为YYYY-MM-DD", "from must be YYYY-MM-DD"),
                            c.lang);
           auto to = Date::parse_iso(c.q_or("to", ""));
           if (!to)
             return problem(bad_parameter("to", "to应为YYYY-MM-DD", "to must be YYYY-MM-DD"),
                            c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix)
             return problem(not_found("region.not_found", "region", "该区划不在您的管辖范围内",
                                      "That region is outside your jurisdiction"),
                            c.lang);
           auto b = app::bulletin_series(c.svc.store->db(), *from, *to, **prefix);
           if (!b) return problem(b.error(), c.lang);
           return json_response(*b);
         }});
  r.add({"GET",
         "/api/v1/bulletin/regions",
         "epidemic",
         "The daily bulletin of each child region of a region (the townships of the county, the "
         "villages of a township), with each child's registry counts (households, persons, poor "
         "households), in one response",
         true,
         {{"date", "query", "string", "The day, YYYY-MM-DD", true},
          {"region", "query", "string",
           "Region code whose children are listed (default: the user's jurisdiction)"}},
         "",
         "BulletinRegions",
         false,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && !c.scope.paired_only); !st)
             return problem(st.error(), c.lang);
           auto d = Date::parse_iso(c.q_or("date", ""));
           if (!d)
             return problem(bad_parameter("date", "date应为YYYY-MM-DD", "date must be YYYY-MM-DD"),
                            c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix)
             return problem(not_found("region.not_found", "region", "该区划不在您的管辖范围内",
                                      "That region is outside your jurisdiction"),
                            c.lang);
           auto b = app::bulletin_by_child_region(c.svc.store->db(), *d, **prefix);
           if (!b) return problem(b.error(), c.lang);
           return json_response(*b);
         }});
}

}  // namespace lz::http
