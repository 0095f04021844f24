#include "store/sqlite/sqlite_bulletin.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/sqlite/rows.h"

namespace lz::sqlite {

using namespace lz::epidemic;

// Parses ISO day columns, remembering the last day of each column: bulletin
// tables repeat the same days thousands of times, mostly in runs.
struct DayCache {
  static constexpr size_t kColumns = 8;
  std::string last_text[kColumns];
  Date last[kColumns];
  Date parse(const Stmt& s, int c) {
    std::string v = s.str(c);  // dates fit std::string's inline buffer: no allocation
    size_t slot = static_cast<size_t>(c) % kColumns;
    if (v == last_text[slot]) return last[slot];
    last[slot] = Date::parse_iso(v).value_or(Date());
    last_text[slot] = std::move(v);
    return last[slot];
  }
};

static std::optional<Date> opt_date(const Stmt& s, int c) {
  if (s.is_null(c)) return std::nullopt;
  return Date::parse_iso(s.str(c));
}

// A stored category id (the vocabulary's ids; anything else as parse() reads it).
static std::optional<KeyCategory> key_category(std::string_view v) {
  for (KeyCategory c : {KeyCategory::kHubeiReturnee, KeyCategory::kCloseContact,
                        KeyCategory::kFever, KeyCategory::kSuspected, KeyCategory::kConfirmed})
    if (v == id(c)) return c;
  return parse<KeyCategory>(v);
}

// Every case opened on or before `t` (any region: registered members count
// as infected wherever they were confirmed).
static void load_cases(Db& db, const std::string& t, BulletinData& d) {
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
    const std::string state = s.str(3);
    r.suspected_on = opt_date(s, 4);
    r.confirmed_on = opt_date(s, 5);
    auto closed = opt_date(s, 6);
    if (state == "discharged") r.discharged_on = closed;
    if (state == "deceased") r.deceased_on = closed;
    if (state == "excluded") r.excluded_on = closed;
    d.cases.push_back(std::move(r));
  }
}

// Every key-person listing added on or before `t` (any region, as cases).
static void load_key_persons(Db& db, const std::string& t, BulletinData& d) {
  auto s = db.prepare(
      "SELECT person_id, region_code, category, added_on FROM key_person WHERE added_on <= ?");
  s.bind(1, t);
  DayCache days;
  while (s.step()) {
    auto cat = key_category(s.str(2));
    if (!cat) continue;
    d.key_persons.push_back({s.i64(0), s.str(1), *cat, days.parse(s, 3)});
  }
}

static void read_observation(const Stmt& s, DayCache& days, BulletinData& d) {
  ObservationRecord r;
  r.observation_id = s.i64(0);
  r.person_id = s.i64(1);
  r.region_code = s.str(2);
  r.kind = s.str(3) == "centralized" ? ObservationKind::kCentralized : ObservationKind::kHome;
  r.start = days.parse(s, 4);
  r.planned_end = days.parse(s, 5);
  r.released_on = opt_date(s, 6);
  d.observations.push_back(std::move(r));
}

static void read_follow_ups(Stmt& s, Date through, BulletinData& d, bool recorded_by_through) {
  DayCache days;
  while (s.step())
    d.follow_ups.push_back({s.i64(0), days.parse(s, 1),
                            recorded_by_through || s.is_null(2) ? through : days.parse(s, 2)});
}

static void read_relapse_cases(Stmt& s, BulletinData& d) {
  while (s.step()) {
    RelapseCaseRecord r;
    r.household_id = s.i64(0);
    r.region_code = s.str(1);
    r.opened_on = *Date::parse_iso(s.str(2));
    r.closed_on = opt_date(s, 3);
    const std::string trig = s.str(4);
    r.epidemic =
        trig == "epidemic_quarantine" || trig == "epidemic_infection" || trig == "produce_unsold";
    d.relapse_cases.push_back(std::move(r));
  }
}

Result<BulletinData> load_bulletin_data(Db& db, Date through, std::optional<Date> from) {
  BulletinData d;
  const std::string t = through.iso();
  load_cases(db, t, d);
  load_key_persons(db, t, d);
  {
    auto s = db.prepare(
        "SELECT id, person_id, region_code, kind, start_on, planned_end, released_on FROM "
        "observation WHERE start_on "
        "<= ?");
    s.bind(1, t);
    DayCache days;
    while (s.step()) read_observation(s, days, d);
  }
  {
    auto s = db.prepare(
        "SELECT observation_id, on_date, substr(done_at, 1, 10) FROM follow_up WHERE on_date <= ?");
    s.bind(1, t);
    read_follow_ups(s, through, d, false);
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
    read_relapse_cases(s, d);
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

Result<BulletinData> load_bulletin_day(Db& db, Date day, const std::string& region_prefix) {
  BulletinData d;
  const std::string t = day.iso();
  const std::string end = prefix_end(region_prefix);  // region codes in [prefix, end)
  load_cases(db, t, d);
  load_key_persons(db, t, d);
  {
    auto s = db.prepare(
        "SELECT id, person_id, region_code, kind, start_on, planned_end, released_on FROM "
        "observation WHERE region_code >= ? AND region_code < ? AND start_on <= ?");
    s.bind(1, region_prefix).bind(2, end).bind(3, t);
    DayCache days;
    while (s.step()) read_observation(s, days, d);
  }
  {
    // The follow-ups recorded on or before the day (done_at < the next day:
    // its first ten characters are the day recorded; they count as recorded
    // on the day itself, all the bulletin asks of them).
    const std::string next = day.plus_days(1).iso();
    // The county's from the day index (nearly all of them are the county's;
    // cheaper than grouping them per observation in SQL); a township's or
    // village's through its observations.
    const bool county = region_prefix.size() <= 6;
    auto s = county ? db.prepare(
                          "SELECT observation_id, on_date FROM follow_up WHERE on_date <= ? AND "
                          "done_at < ?")
                    : db.prepare(
                          "SELECT f.observation_id, f.on_date FROM observation o JOIN follow_up f "
                          "ON f.observation_id = o.id WHERE o.region_code >= ? AND o.region_code "
                          "< ? AND o.start_on <= ? AND f.on_date <= ? AND f.done_at < ?");
    if (county)
      s.bind(1, t).bind(2, next);
    else
      s.bind(1, region_prefix).bind(2, end).bind(3, t).bind(4, t).bind(5, next);
    read_follow_ups(s, day, d, true);
  }
  epidemic::BulletinDayTotals totals;
  totals.day = day;
  totals.region_prefix = region_prefix;
  {
    // The day's passages at the region's checkpoints: an index range per
    // checkpoint on passage_counts (checkpoint, day, persons, fever).
    auto s = db.prepare(
        "SELECT COUNT(*), TOTAL(p.fever) FROM checkpoint c JOIN passage p ON p.checkpoint_id = "
        "c.id "
        "WHERE c.region_code >= ? AND c.region_code < ? AND p.on_date = ?");
    s.bind(1, region_prefix).bind(2, end).bind(3, t);
    if (s.step()) {
      totals.checkpoint_passages = s.i64(0);
      totals.checkpoint_fevers = static_cast<int64_t>(s.f64(1));
    }
  }
  {
    // The region's members of registered (or lifted) poor households:
    // index-only on person (person_household_cover, migration 008).
    auto s = db.prepare(
        "SELECT p.id, p.household_id, p.region_code FROM poverty_household ph CROSS JOIN person p "
        "WHERE p.household_id = ph.household_id AND ph.status IN ('registered_poor','lifted') AND "
        "p.deleted_at IS NULL AND p.region_code >= ? AND p.region_code < ?");
    s.bind(1, region_prefix).bind(2, end);
    d.registered_poor.reserve(40000);
    while (s.step()) d.registered_poor.push_back({s.i64(0), s.i64(1), s.str(2)});
  }
  {
    auto s = db.prepare(
        "SELECT r.household_id, h.region_code, r.opened_on, r.closed_on, r.trigger_kind FROM "
        "risk_case r JOIN household h ON h.id = r.household_id WHERE r.opened_on <= ? AND "
        "h.region_code >= ? AND h.region_code < ?");
    s.bind(1, t).bind(2, region_prefix).bind(3, end);
    read_relapse_cases(s, d);
  }
  {
    // Cadres of each kind: (cadre, kind) is cadre_kind's key, so a count per
    // kind is a count of cadres.
    auto s = db.prepare(
        "SELECT TOTAL(k.kind = 'village_stationed'), TOTAL(k.kind = 'paired') FROM cadre c JOIN "
        "cadre_kind k ON k.cadre_id = c.id WHERE c.deleted_at IS NULL AND c.region_code >= ? AND "
        "c.region_code < ? AND k.kind IN ('village_stationed', 'paired')");
    s.bind(1, region_prefix).bind(2, end);
    if (s.step()) {
      totals.cadres.village_stationed = static_cast<int64_t>(s.f64(0));
      totals.cadres.paired = static_cast<int64_t>(s.f64(1));
    }
  }
  d.day_totals = std::move(totals);
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
