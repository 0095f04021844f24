// GET /api/v1/bulletin?date=YYYY-MM-DD[&region=CODE]: the daily bulletin;
// /bulletin/series (a range of days) and /bulletin/regions (each child
// region). Scoped: a region wider than the user's jurisdiction is narrowed to
// it, a disjoint one is not found.
#include <initializer_list>
#include <string>
#include <vector>

#include "app/bulletin.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {
namespace {

// What every bulletin route reads before it computes: the reader's right
// (403 unless the role reads the whole registry, not only its pairings), the
// required YYYY-MM-DD query parameters in order (400 naming the first bad
// one) and ?region= narrowed to the jurisdiction (404 when disjoint).
struct BulletinQuery {
  std::vector<Date> dates;  // one per name asked for, in that order
  std::string prefix;
};

Result<BulletinQuery> bulletin_query(const Ctx& c, std::initializer_list<const char*> date_names) {
  LZ_TRY(require(c.scope.registry && !c.scope.paired_only));
  BulletinQuery q;
  for (const char* name : date_names) {
    auto d = Date::parse_iso(c.q_or(name, ""));
    if (!d)
      return bad_parameter(name, std::string(name) + "应为YYYY-MM-DD",
                           std::string(name) + " must be YYYY-MM-DD");
    q.dates.push_back(*d);
  }
  auto prefix = list_prefix(c);
  if (!prefix) return prefix.error();
  if (!*prefix)
    return not_found("region.not_found", "region", "该区划不在您的管辖范围内",
                     "That region is outside your jurisdiction");
  q.prefix = std::move(**prefix);
  return q;
}

}  // namespace

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
           auto q = bulletin_query(c, {"date"});
           if (!q) return problem(q.error(), c.lang);
           auto b = app::daily_bulletin(c.svc.store->db(), q->dates[0], q->prefix);
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
           auto q = bulletin_query(c, {"from", "to"});
           if (!q) return problem(q.error(), c.lang);
           auto b = app::bulletin_series(c.svc.store->db(), q->dates[0], q->dates[1], q->prefix);
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
           auto q = bulletin_query(c, {"date"});
           if (!q) return problem(q.error(), c.lang);
           auto b = app::bulletin_by_child_region(c.svc.store->db(), q->dates[0], q->prefix);
           if (!b) return problem(b.error(), c.lang);
           return json_response(*b);
         }});
}

}  // namespace lz::http
