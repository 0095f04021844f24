#include "store/sqlite/sqlite_bulletin.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/sqlite/rows.h"

namespace lz::sqlite {

using namespace lz::epidemic;

// Parses ISO day columns, remembering each: bulletin tables repeat
// the same days thousands of times.
struct DayCache {
  std::unordered_map<std::string, Date> seen;
  Date parse(const Stmt& s, int c) {
    std::string v = s.str(c);
    auto it = seen.find(v);
    if (it != seen.end()) return it->second;
    Date d = Date::parse_iso(v).value_or(Date());
    seen.emplace(std::move(v), d);
    return d;
  }
};

static std::optional<Date> opt_date(const Stmt& s, int c) {
  if (s.is_null(c)) return std::nullopt;
  return Date::parse_iso(s.str(c));
}

Result<BulletinData> load_bulletin_data(Db& db, Date through, std::optional<Date> from) {
  BulletinData d;
  const std::string t = through.iso();
  {
    auto s = db.prepare(
        "SELECT id, person_id, region_code, state, suspected_on, confirmed_on, closed_on FROM "
        "epi_case WHERE "
        "COALESCE(suspected_on, confirmed_on) <= ?");
    s.bind(1, t);
    while (s.step()) {
      CaseRecord r;
      r.case_id = s.i64(0);
      r.person_id = s.i64(1);
      r.region_code = s.str(2);
      std::string state = s.str(3);
      r.suspected_on = opt_date(s, 4);
      r.confirmed_on = opt_date(s, 5);
      auto closed = opt_date(s, 6);
      if (state == "discharged") r.discharged_on = closed;
      if (state == "deceased") r.deceased_on = closed;
      if (state == "excluded") r.excluded_on = closed;
      d.cases.push_back(std::move(r));
    }
  }
  {
    auto s = db.prepare(
        "SELECT person_id, region_code, category, added_on FROM key_person WHERE added_on <= ?");
    s.bind(1, t);
    while (s.step()) {
      auto cat = parse<KeyCategory>(s.str(2));
      if (!cat) continue;
      d.key_persons.push_back({s.i64(0), s.str(1), *cat, *Date::parse_iso(s.str(3))});
    }
  }
  {
    auto s = db.prepare(
        "SELECT id, person_id, region_code, kind, start_on, planned_end, released_on FROM "
        "observation WHERE start_on "
        "<= ?");
    s.bind(1, t);
    while (s.step()) {
      ObservationRecord r;
      r.observation_id = s.i64(0);
      r.person_id = s.i64(1);
      r.region_code = s.str(2);
      r.kind = s.str(3) == "centralized" ? ObservationKind::kCentralized : ObservationKind::kHome;
      r.start = *Date::parse_iso(s.str(4));
      r.planned_end = *Date::parse_iso(s.str(5));
      r.released_on = opt_date(s, 6);
      d.observations.push_back(std::move(r));
    }
  }
  {
    auto s = db.prepare(
        "SELECT observation_id, on_date, substr(done_at, 1, 10) FROM follow_up WHERE on_date <= ?");
    s.bind(1, t);
    DayCache days;
    while (s.step())
      d.follow_ups.push_back(
          {s.i64(0), days.parse(s, 1), s.is_null(2) ? through : days.parse(s, 2)});
  }
  {
    // Passages: the checkpoints' regions once, then the passages of from..through
    // (an index range on the day; all of them without `from`); days repeat, so
    // their parsing is cached.
    std::unordered_map<int64_t, std::string> region_of;
    auto cps = db.prepare("SELECT id, region_code FROM checkpoint");
    while (cps.step()) region_of[cps.i64(0)] = cps.str(1);
    auto s =
        from ? db.prepare(
                   "SELECT checkpoint_id, on_date, persons, fever FROM passage WHERE on_date >= ? "
                   "AND on_date <= ?")
             : db.prepare(
                   "SELECT checkpoint_id, on_date, persons, fever FROM passage WHERE on_date <= ?");
    if (from) {
      s.bind(1, from->iso());
      s.bind(2, t);
    } else {
      s.bind(1, t);
    }
    DayCache days;
    while (s.step()) {
      auto r = region_of.find(s.i64(0));
      if (r == region_of.end()) continue;
      d.passages.push_back(
          {r->second, days.parse(s, 1), static_cast<int>(s.i64(2)), static_cast<int>(s.i64(3))});
    }
  }
  {
    auto s = db.prepare(
        "SELECT p.id, p.household_id, p.region_code FROM poverty_household ph CROSS JOIN person p "
        "WHERE "
        "p.household_id = ph.household_id AND ph.status IN ('registered_poor','lifted') AND "
        "p.deleted_at IS NULL");  // index-only on person (person_household_cover, migration 008)
    while (s.step()) d.registered_poor.push_back({s.i64(0), s.i64(1), s.str(2)});
  }
  {
    auto s = db.prepare(
        "SELECT r.household_id, h.region_code, r.opened_on, r.closed_on, r.trigger_kind FROM "
        "risk_case r JOIN "
        "household h ON h.id = r.household_id WHERE r.opened_on <= ?");
    s.bind(1, t);
    while (s.step()) {
      RelapseCaseRecord r;
      r.household_id = s.i64(0);
      r.region_code = s.str(1);
      r.opened_on = *Date::parse_iso(s.str(2));
      r.closed_on = opt_date(s, 3);
      std::string trig = s.str(4);
      r.epidemic =
          trig == "epidemic_quarantine" || trig == "epidemic_infection" || trig == "produce_unsold";
      d.relapse_cases.push_back(std::move(r));
    }
  }
  {
    // Each cadre with any kind, its two flags by index look-ups (no grouping sort).
    auto s = db.prepare(
        "SELECT c.id, c.region_code, "
        "EXISTS (SELECT 1 FROM cadre_kind k WHERE k.cadre_id = c.id AND k.kind = "
        "'village_stationed'), "
        "EXISTS (SELECT 1 FROM cadre_kind k WHERE k.cadre_id = c.id AND k.kind = 'paired') "
        "FROM cadre c WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM cadre_kind k WHERE "
        "k.cadre_id = c.id)");
    while (s.step()) d.cadres.push_back({s.i64(0), s.str(1), s.i64(2) != 0, s.i64(3) != 0});
  }
  return d;
}

Result<std::vector<RegistryCounts>> registry_counts(Db& db,
                                                    const std::vector<std::string>& regions) {
  // One count per region over an index range: household_region and
  // person_region_live (migration 014) hold the live rows' region codes, so
  // nothing is read from the tables (a GROUP BY over the whole range would
  // sort a million codes).
  auto households = db.prepare(
      "SELECT COUNT(*) FROM household WHERE deleted_at IS NULL AND region_code >= ? AND "
      "region_code < ?");
  auto persons = db.prepare(
      "SELECT COUNT(*) FROM person WHERE deleted_at IS NULL AND region_code >= ? AND "
      "region_code < ?");
  std::vector<RegistryCounts> out;
  out.reserve(regions.size());
  std::unordered_map<std::string_view, size_t> index;  // region -> its place in out
  for (const std::string& code : regions) {
    const std::string end = prefix_end(code);
    auto count = [&](Stmt& s) {
      s.bind(1, code).bind(2, end);
      int64_t n = s.step() ? s.i64(0) : 0;
      s.reset();
      return n;
    };
    index.emplace(code, out.size());
    out.push_back({count(households), count(persons), 0});
  }
  // The register's 11,000 households once, each counted in the region its
  // code starts with (by region, the status index would be walked per region).
  auto poor = db.prepare(
      "SELECT h.region_code FROM poverty_household ph JOIN household h ON h.id = ph.household_id "
      "WHERE ph.status IN ('registered_poor','lifted') AND h.deleted_at IS NULL");
  std::vector<size_t> lengths;
  for (const std::string& code : regions)
    if (std::find(lengths.begin(), lengths.end(), code.size()) == lengths.end())
      lengths.push_back(code.size());
  while (poor.step()) {
    std::string code = poor.str(0);
    for (size_t len : lengths) {
      if (code.size() < len) continue;
      auto it = index.find(std::string_view(code).substr(0, len));
      if (it != index.end()) ++out[it->second].poor_households;
    }
  }
  return out;
}

}  // namespace lz::sqlite
