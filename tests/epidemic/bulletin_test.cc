// The daily bulletin's arithmetic on a small hand-made county: every field
// with its exact value for the county, a township, a village and a region
// with nothing; records dated after D ignored; days_without_new_case on its
// edges (a confirmation on D, the day before, none yet).
//
// Regions: A = 430281126232 and B = 430281126233 (township 430281126),
//          C = 430281101001 (township 430281101). D = 2020-02-12.
//
// compute_bulletin_series() and compute_bulletins_by_region() (one pass for
// many days or regions) must give compute_bulletin()'s figures day by day and
// region by region: on this county and on random ones.
#include "epidemic/bulletin.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "epidemic/bulletin_series.h"
#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;

const std::string A = "430281126232", B = "430281126233", C = "430281101001";
const Date kD = D(2020, 2, 12);

std::optional<Date> none() {
  return std::nullopt;
}

struct County {
  std::vector<CaseRecord> cases = {
      // id person region suspected confirmed discharged deceased excluded
      {1, 120, A, D(2020, 1, 28), D(2020, 1, 30), D(2020, 2, 10), none(), none()},
      {2, 121, A, none(), kD, none(), none(), none()},  // opened as confirmed on D
      {3, 103, B, D(2020, 2, 5), D(2020, 2, 7), none(), none(), none()},
      {4, 122, B, D(2020, 2, 8), none(), none(), none(), D(2020, 2, 10)},
      {5, 104, C, D(2020, 2, 11), none(), none(), none(), none()},
      {6, 123, C, D(2020, 2, 1), D(2020, 2, 3), none(), D(2020, 2, 9), none()},
      {7, 124, A, D(2020, 2, 13), none(), none(), none(), none()},          // after D
      {8, 115, B, D(2020, 2, 10), D(2020, 2, 13), none(), none(), none()},  // confirmed after D
      {9, 125, C, none(), D(2020, 2, 2), D(2020, 2, 14), none(), none()},   // discharged after D
  };
  std::vector<KeyPersonRecord> key_persons = {
      {101, A, KeyCategory::kCloseContact, D(2020, 2, 1)},
      {101, A, KeyCategory::kHubeiReturnee, D(2020, 1, 25)},  // the same person again
      {102, A, KeyCategory::kFever, kD},
      {103, B, KeyCategory::kConfirmed, D(2020, 2, 7)},
      {104, C, KeyCategory::kSuspected, D(2020, 2, 11)},
      {105, C, KeyCategory::kHubeiReturnee, D(2020, 2, 13)},  // after D
      {106, B, KeyCategory::kCloseContact, D(2020, 2, 10)},
      {112, C, KeyCategory::kCloseContact, D(2020, 2, 10)},  // registered in B, staying in C
  };
  std::vector<ObservationRecord> observations = {
      {1, 101, A, ObservationKind::kHome, D(2020, 2, 1), D(2020, 2, 15), none()},
      {2, 106, B, ObservationKind::kCentralized, D(2020, 2, 10), D(2020, 2, 24), none()},
      {3, 107, A, ObservationKind::kHome, D(2020, 1, 20), D(2020, 2, 3), D(2020, 2, 3)},
      // Past its planned end (the 12th) without a release: still observed, nothing due.
      {4, 108, C, ObservationKind::kCentralized, D(2020, 1, 29), D(2020, 2, 12), none()},
      {5, 109, C, ObservationKind::kHome, D(2020, 2, 13), D(2020, 2, 27), none()},  // after D
      {6, 110, A, ObservationKind::kHome, D(2020, 2, 5), D(2020, 2, 19), kD},       // released on D
  };
  std::vector<FollowUpRecord> follow_ups = [] {
    std::vector<FollowUpRecord> f;
    auto daily = [&](int64_t obs, Date from, Date to) {  // [from, to], each on its day
      for (Date d = from; d <= to; d = d.plus_days(1)) f.push_back({obs, d, d});
    };
    daily(1, D(2020, 2, 1), D(2020, 2, 4));
    daily(1, D(2020, 2, 7), kD);                      // the 5th and 6th missed ...
    f.push_back({1, D(2020, 2, 6), D(2020, 2, 13)});  // ... the 6th entered after D
    daily(2, D(2020, 2, 10), D(2020, 2, 10));         // the 11th and 12th missed
    daily(3, D(2020, 1, 20), D(2020, 2, 2));          // all 14
    daily(4, D(2020, 1, 29), D(2020, 2, 8));          // the 9th, 10th, 11th missed
    daily(6, D(2020, 2, 5), kD);                      // all; the 12th (release day) is not due
    return f;
  }();
  std::vector<PassageRecord> passages = {
      {"430281110", kD, 3, 2},
      {"430281110", kD, 1, 0},
      {"430281110", D(2020, 2, 11), 2, 2},  // the day before
      {"430281126", kD, 4, 1},
      {"430281126", D(2020, 2, 13), 5, 1},  // after D
  };
  std::vector<RegisteredPoorMember> registered = {
      {101, 1, A}, {111, 1, A}, {101, 1, A},  // 101 listed twice
      {103, 2, B}, {112, 2, B}, {115, 2, B}, {113, 3, C},
      {114, 3, C}, {104, 3, C}, {105, 3, C}, {123, 3, C},
  };
  std::vector<RelapseCaseRecord> relapse = {
      {1, A, D(2020, 2, 5), none(), true, none()},
      {1, A, D(2020, 2, 6), none(), true, none()},                  // hh 1 twice: once
      {2, B, D(2020, 1, 10), D(2020, 2, 1), false, D(2020, 2, 1)},  // closed; not epidemic
      {2, B, D(2020, 2, 8), kD, true, none()},                      // closed on D
      {3, C, D(2020, 2, 13), none(), true, D(2020, 2, 13)},         // after D
      {4, C, D(2020, 2, 1), none(), true, D(2020, 2, 10)},
      {5, B, D(2020, 2, 9), D(2020, 2, 14), false, none()},  // closed after D: open on D
  };
  std::vector<CadreRecord> cadres = {
      {1, A, true, false}, {2, A, false, true},  {3, "430281126", false, true},
      {4, C, true, true},  {5, B, false, false},
  };
  BulletinInput input() const {
    return {cases, key_persons, observations, follow_ups, passages, registered, relapse, cadres};
  }
};

// Every field as (name, value), so a failure names the field.
std::vector<std::pair<std::string, int64_t>> fields(const Bulletin& b) {
  const EpidemicFigures& e = b.epidemic;
  const PovertyFigures& p = b.poverty;
  return {
      {"confirmed_new", e.confirmed_new},
      {"confirmed_total", e.confirmed_total},
      {"discharged_total", e.discharged_total},
      {"in_hospital", e.in_hospital},
      {"deaths_total", e.deaths_total},
      {"suspected", e.suspected},
      {"under_observation", e.under_observation},
      {"observation_home", e.observation_home},
      {"observation_centralized", e.observation_centralized},
      {"released_total", e.released_total},
      {"key_persons_total", e.key_persons_total},
      {"kp.confirmed", e.key_persons_by_category.confirmed},
      {"kp.suspected", e.key_persons_by_category.suspected},
      {"kp.fever", e.key_persons_by_category.fever},
      {"kp.close_contact", e.key_persons_by_category.close_contact},
      {"kp.hubei_returnee", e.key_persons_by_category.hubei_returnee},
      {"follow_ups_due", e.follow_ups_due},
      {"follow_ups_done", e.follow_ups_done},
      {"follow_ups_overdue", e.follow_ups_overdue},
      {"days_without_new_case", e.days_without_new_case.value_or(-1)},
      {"checkpoint_passages", e.checkpoint_passages},
      {"checkpoint_fevers", e.checkpoint_fevers},
      {"registered_households", p.registered_households},
      {"registered_persons", p.registered_persons},
      {"registered_persons_key_persons", p.registered_persons_key_persons},
      {"registered_persons_infected", p.registered_persons_infected},
      {"households_relapse_monitoring", p.households_relapse_monitoring},
      {"households_relapsed_due_to_epidemic", p.households_relapsed_due_to_epidemic},
      {"cadres.village_stationed", b.cadres.village_stationed},
      {"cadres.paired", b.cadres.paired},
  };
}

void expect_fields(const Bulletin& b, const std::vector<int64_t>& want, const std::string& what) {
  auto got = fields(b);
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_EQ(got[i].second, want[i]) << what << ": " << got[i].first;
}

TEST(BulletinTest, TheCountyOnD) {
  County c;
  Bulletin b = compute_bulletin(c.input(), kD, "430281");
  EXPECT_EQ(b.date, kD);
  EXPECT_EQ(b.region_prefix, "430281");
  expect_fields(b,
                {
                    1,               // confirmed_new: case 2
                    5,               // confirmed_total: 1, 2, 3, 6, 9
                    1,               // discharged_total: 1 (9 is discharged after D)
                    3,               // in_hospital: 2, 3, 9
                    1,               // deaths_total: 6
                    2,               // suspected: 5, 8 (4 excluded, 7 after D)
                    3,               // under_observation: 1, 2, 4 (6 released on D, 5 after D)
                    1,               // observation_home: 1
                    2,               // observation_centralized: 2, 4
                    2,               // released_total: 3, 6
                    6,               // key_persons_total: 101, 102, 103, 104, 106, 112
                    1,  1, 1, 3, 1,  // by category: confirmed, suspected, fever, close, hubei
                    2,               // follow_ups_due: observations 1, 2
                    1,               // follow_ups_done: 1's 12th
                    6,               // overdue: 1 (5th, 6th), 2 (11th), 4 (9th, 10th, 11th)
                    0,               // days_without_new_case: a confirmation on D
                    3,               // checkpoint_passages on D
                    3,               // checkpoint_fevers on D (persons, not passages)
                    3,               // registered_households
                    10,              // registered_persons (101 once)
                    4,  // registered_persons_key_persons: 101, 103, 104, 112 (105 after D)
                    2,  // registered_persons_infected: 103, 123 (115 after D)
                    3,  // households_relapse_monitoring: 1, 4, 5
                    1,  // households_relapsed_due_to_epidemic: 4
                    2,  // cadres.village_stationed: 1, 4
                    3,  // cadres.paired: 2, 3, 4
                },
                "county");
  // The empty prefix is the county too.
  EXPECT_EQ(fields(compute_bulletin(c.input(), kD, "")), fields(b));
}

TEST(BulletinTest, RegionFilters) {
  County c;
  expect_fields(compute_bulletin(c.input(), kD, "430281126"),
                {
                    1, 3, 1, 2, 0, 1,  // cases 1, 2, 3 confirmed; in hospital 2, 3; suspected 8
                    2, 1, 1, 2,        // observations 1 (home), 2 (centralised); released 3, 6
                    4, 1, 0, 1, 2, 1,  // key persons 101, 102, 103, 106
                    2, 1, 3,           // follow-ups: 1 and 2 due; 1 done; 1: 5th, 6th, 2: 11th
                    0,                 // confirmed on D
                    1, 1,              // the township's checkpoint
                    2, 5, 3, 1,        // hh 1, 2: 101 111 103 112 115; kp 101 103 112 (112 in C)
                    2, 0,              // relapse: hh 1, 5
                    1, 2,              // cadres 1; 2, 3
                },
                "township 430281126");
  expect_fields(compute_bulletin(c.input(), kD, A),
                {
                    1, 2, 1, 1, 0, 0,  // cases 1 (discharged), 2 (new)
                    1, 1, 0, 2,        // observation 1; released 3, 6
                    2, 0, 0, 1, 1, 1,  // key persons 101 (twice), 102
                    1, 1, 2,           //
                    0,                 //
                    0, 0,              // checkpoints are at township level
                    1, 2, 1, 0,        // hh 1: 101 (key person), 111
                    1, 0,              //
                    1, 1,              //
                },
                "village A");
  expect_fields(compute_bulletin(c.input(), kD, B),
                {
                    0, 1, 0, 1, 0, 1,  // case 3 confirmed on the 7th; 8 suspected
                    1, 0, 1, 0,        //
                    2, 1, 0, 0, 1, 0,  // 103 confirmed, 106 close contact
                    1, 0, 1,           //
                    5,                 // the last confirmation on the 7th
                    0, 0,              //
                    1, 3, 2, 1,        // hh 2: 103 (listed, infected), 112 (listed in C), 115
                    1, 0,              // hh 5 (hh 2's cases: closed before or on D)
                    0, 0,              // cadre 5 has neither kind
                },
                "village B");
  expect_fields(compute_bulletin(c.input(), kD, "430281101"),
                {
                    0, 2, 0, 1, 1, 1,  // 6 (deceased), 9 (in hospital), 5 suspected
                    1, 0, 1, 0,        // observation 4 (past its end); 5 after D
                    2, 0, 1, 0, 1, 0,  // 104, 112 (105 after D)
                    0, 0, 3,           // 4: 9th, 10th, 11th
                    9,                 // last confirmation on the 3rd
                    0, 0,              //
                    1, 5, 1, 1,        // hh 3: 113 114 104 105 123; kp 104 (not 112); infected 123
                    1, 1,              // hh 4 (hh 3's case is after D)
                    1, 1,              // cadre 4: both kinds
                },
                "township 430281101");
  // A region with nothing: every figure 0 and no confirmation yet (null).
  Bulletin empty = compute_bulletin(c.input(), kD, "430281102");
  EXPECT_FALSE(empty.epidemic.days_without_new_case.has_value());
  std::vector<int64_t> zeros(30, 0);
  zeros[19] = -1;  // days_without_new_case: null
  expect_fields(empty, zeros, "empty region");
}

TEST(BulletinTest, DaysWithoutNewCase) {
  County c;
  struct Row {
    Date d;
    std::string region;
    std::optional<int64_t> want;
  };
  const Row rows[] = {
      {D(2020, 1, 29), "", std::nullopt},  // nothing confirmed yet
      {D(2020, 1, 30), "", 0},             // case 1 confirmed on D
      {D(2020, 1, 31), "", 1},             // the day before
      {D(2020, 2, 2), "", 0},              // case 9
      {D(2020, 2, 6), "", 3},              // last: 3 Feb (case 6)
      {D(2020, 2, 7), "", 0},              // case 3
      {D(2020, 2, 11), "", 4},
      {D(2020, 2, 12), "", 0},  // case 2
      {D(2020, 2, 20), "", 7},  // case 8's confirmation on the 13th
      {D(2020, 2, 12), C, 9},
      {D(2020, 2, 12), B, 5},
      {D(2020, 2, 6), B, std::nullopt},
      {D(2020, 2, 13), B, 0},
  };
  for (const Row& r : rows) {
    Bulletin b = compute_bulletin(c.input(), r.d, r.region);
    EXPECT_EQ(b.epidemic.days_without_new_case, r.want) << r.d.iso() << " " << r.region;
  }
}

TEST(BulletinTest, EarlierDaysSeeOnlyTheirRecords) {
  County c;
  Bulletin b = compute_bulletin(c.input(), D(2020, 2, 5), "");
  const EpidemicFigures& e = b.epidemic;
  EXPECT_EQ(e.confirmed_new, 0);
  EXPECT_EQ(e.confirmed_total, 3);  // 1, 6, 9
  EXPECT_EQ(e.discharged_total, 0);
  EXPECT_EQ(e.in_hospital, 3);
  EXPECT_EQ(e.deaths_total, 0);
  EXPECT_EQ(e.suspected, 1);          // 3 (suspected on the 5th)
  EXPECT_EQ(e.under_observation, 3);  // 1, 4, 6 (started on the 5th)
  EXPECT_EQ(e.released_total, 1);     // 3
  EXPECT_EQ(e.key_persons_total, 1);  // 101
  EXPECT_EQ(e.follow_ups_due, 3);     // 1, 4, 6
  EXPECT_EQ(e.follow_ups_done, 2);    // 4 and 6 on the 5th; 1 missed it
  EXPECT_EQ(e.follow_ups_overdue, 0);
  EXPECT_EQ(e.checkpoint_passages, 0);
  EXPECT_EQ(b.poverty.registered_persons_infected, 1);    // 123 (confirmed 3 Feb)
  EXPECT_EQ(b.poverty.households_relapse_monitoring, 2);  // 1 (opened on the 5th), 4
  EXPECT_EQ(b.poverty.households_relapsed_due_to_epidemic, 0);
}

// A loader's day totals (the daily bulletin's SQL counts of passages and
// cadres) stand in for those lists, but only for their own day and region;
// the other figures are still counted from the records.
TEST(BulletinTest, DayTotalsOnlyForTheirDayAndRegion) {
  County c;
  const std::string town = A.substr(0, 9);
  Bulletin rows = compute_bulletin(c.input(), kD, town);
  BulletinDayTotals totals{kD, town, 101, 7, {11, 13}};
  BulletinInput in = c.input();
  in.day_totals = &totals;
  Bulletin b = compute_bulletin(in, kD, town);
  EXPECT_EQ(b.epidemic.checkpoint_passages, 101);
  EXPECT_EQ(b.epidemic.checkpoint_fevers, 7);
  EXPECT_EQ(b.cadres.village_stationed, 11);
  EXPECT_EQ(b.cadres.paired, 13);
  EXPECT_EQ(b.epidemic.key_persons_total, rows.epidemic.key_persons_total);
  EXPECT_EQ(b.poverty.registered_persons, rows.poverty.registered_persons);
  // Another day or region: the lists are counted as without totals.
  expect_fields(
      compute_bulletin(in, kD.plus_days(-1), town),
      [&] {
        std::vector<int64_t> v;
        for (auto& [name, value] : fields(compute_bulletin(c.input(), kD.plus_days(-1), town)))
          v.push_back(value);
        return v;
      }(),
      "another day");
  EXPECT_EQ(compute_bulletin(in, kD, "430281").cadres.paired,
            compute_bulletin(c.input(), kD, "430281").cadres.paired);
  EXPECT_EQ(compute_bulletin(in, kD, "430281").epidemic.checkpoint_passages,
            compute_bulletin(c.input(), kD, "430281").epidemic.checkpoint_passages);
}

TEST(BulletinTest, KeyPersonsByCategoryAccessor) {
  KeyPersonsByCategory k;
  for (int i = 0; i < kKeyCategoryCount; ++i) k.of(static_cast<KeyCategory>(i)) = i + 1;
  EXPECT_EQ(k.confirmed, 1);
  EXPECT_EQ(k.suspected, 2);
  EXPECT_EQ(k.fever, 3);
  EXPECT_EQ(k.close_contact, 4);
  EXPECT_EQ(k.hubei_returnee, 5);
  const KeyPersonsByCategory& ck = k;
  EXPECT_EQ(ck.of(KeyCategory::kHubeiReturnee), 5);
}

// ---------------------------------------------------------------- many days, many regions

void expect_same(const Bulletin& got, const Bulletin& want, const std::string& what) {
  EXPECT_EQ(got.date, want.date) << what;
  EXPECT_EQ(got.region_prefix, want.region_prefix) << what;
  auto g = fields(got), w = fields(want);
  for (size_t i = 0; i < g.size(); ++i)
    EXPECT_EQ(g[i].second, w[i].second) << what << ": " << g[i].first;
  EXPECT_EQ(got.epidemic.days_without_new_case.has_value(),
            want.epidemic.days_without_new_case.has_value())
      << what;
}

void expect_series_matches(const BulletinInput& in, Date from, Date to, const std::string& prefix,
                           const std::string& what) {
  auto series = compute_bulletin_series(in, from, to, prefix);
  ASSERT_EQ(series.size(), static_cast<size_t>(to - from + 1)) << what;
  for (int i = 0; i <= to - from; ++i) {
    Date d = from.plus_days(i);
    expect_same(series[static_cast<size_t>(i)], compute_bulletin(in, d, prefix),
                what + " " + d.iso() + " " + prefix);
  }
}

void expect_by_region_matches(const BulletinInput& in, Date d,
                              const std::vector<std::string>& prefixes, const std::string& what) {
  auto parts = compute_bulletins_by_region(in, d, prefixes);
  ASSERT_EQ(parts.size(), prefixes.size()) << what;
  for (size_t i = 0; i < prefixes.size(); ++i)
    expect_same(parts[i], compute_bulletin(in, d, prefixes[i]),
                what + " " + d.iso() + " " + prefixes[i]);
}

TEST(BulletinSeriesTest, EachDayEqualsTheDailyBulletin) {
  County c;
  for (const std::string& prefix : {std::string(), std::string("430281"), std::string("430281126"),
                                    A, B, C, std::string("430281999")})
    expect_series_matches(c.input(), D(2020, 1, 10), D(2020, 2, 20), prefix, "county");
  // A series that starts after some records and ends before others; one day.
  expect_series_matches(c.input(), D(2020, 2, 6), D(2020, 2, 11), "430281126", "window");
  expect_series_matches(c.input(), kD, kD, "", "one day");
  EXPECT_TRUE(compute_bulletin_series(c.input(), kD, D(2020, 2, 1), "").empty());
}

TEST(BulletinSeriesTest, EachRegionEqualsItsOwnBulletin) {
  County c;
  for (Date d : {D(2020, 1, 25), D(2020, 2, 6), kD, D(2020, 2, 14)}) {
    expect_by_region_matches(c.input(), d, {"430281101", "430281110", "430281126"}, "townships");
    expect_by_region_matches(c.input(), d, {A, B, "430281126234"}, "villages");
    expect_by_region_matches(c.input(), d, {"430281126", A}, "mixed lengths");
  }
  EXPECT_TRUE(compute_bulletins_by_region(c.input(), kD, {}).empty());
}

// Random counties: duplicates, follow-ups recorded late or for days outside
// their window, releases before the start, records after the series.
struct RandomCounty {
  std::vector<CaseRecord> cases;
  std::vector<KeyPersonRecord> key_persons;
  std::vector<ObservationRecord> observations;
  std::vector<FollowUpRecord> follow_ups;
  std::vector<PassageRecord> passages;
  std::vector<RegisteredPoorMember> registered;
  std::vector<RelapseCaseRecord> relapse;
  std::vector<CadreRecord> cadres;
  BulletinInput input() const {
    return {cases, key_persons, observations, follow_ups, passages, registered, relapse, cadres};
  }
  explicit RandomCounty(unsigned seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::vector<std::string> regions = {"430281101001", "430281101002", "430281126232",
                                              "430281126233", "430281110001", "430281101"};
    const Date base = D(2020, 1, 10);
    auto day = [&]() { return base.plus_days(pick(45)); };
    auto maybe = [&](std::optional<Date> after) -> std::optional<Date> {
      if (!after || pick(3) == 0) return std::nullopt;
      return after->plus_days(pick(12));
    };
    auto region = [&]() {
      return regions[static_cast<size_t>(pick(static_cast<int>(regions.size())))];
    };
    for (int i = 0; i < 40; ++i) {
      CaseRecord r;
      r.case_id = i + 1;
      r.person_id = 1 + pick(60);
      r.region_code = region();
      if (pick(4)) r.suspected_on = day();
      if (!r.suspected_on || pick(2))
        r.confirmed_on = r.suspected_on ? maybe(r.suspected_on) : day();
      if (r.confirmed_on) {
        if (pick(2))
          r.discharged_on = maybe(r.confirmed_on);
        else if (pick(4) == 0)
          r.deceased_on = maybe(r.confirmed_on);
      } else if (r.suspected_on && pick(2)) {
        r.excluded_on = maybe(r.suspected_on);
      }
      cases.push_back(r);
    }
    for (int i = 0; i < 300; ++i)
      key_persons.push_back(
          {1 + pick(120), region(), static_cast<KeyCategory>(pick(kKeyCategoryCount)), day()});
    for (int i = 0; i < 120; ++i) {
      ObservationRecord o;
      o.observation_id = 1000 + i;
      o.person_id = 1 + pick(120);
      o.region_code = region();
      o.kind = pick(2) ? ObservationKind::kHome : ObservationKind::kCentralized;
      o.start = day();
      o.planned_end = o.start.plus_days(pick(3) == 0 ? pick(5) : 14);
      if (pick(2)) o.released_on = o.start.plus_days(pick(20) - 3);  // sometimes before the start
      observations.push_back(o);
      for (int k = 0; k < 18; ++k) {
        if (pick(4) == 0) continue;
        Date d = o.start.plus_days(k - 2);
        follow_ups.push_back({o.observation_id, d, d.plus_days(pick(4) == 0 ? pick(4) : 0)});
        if (pick(8) == 0)
          follow_ups.push_back({o.observation_id, d, d.plus_days(pick(3))});  // twice
      }
    }
    follow_ups.push_back({999999, base, base});  // an observation nobody has
    for (int i = 0; i < 400; ++i)
      passages.push_back({region().substr(0, 9), day(), 1 + pick(4), pick(10) == 0});
    for (int i = 0; i < 150; ++i) registered.push_back({1 + pick(160), 1 + pick(50), region()});
    for (int i = 0; i < 60; ++i) {
      Date opened = day();
      relapse.push_back(
          {1 + pick(50), region(), opened, maybe(opened), pick(2) == 0, maybe(opened)});
    }
    for (int i = 0; i < 30; ++i) cadres.push_back({i + 1, region(), pick(2) == 0, pick(2) == 0});
  }
};

TEST(BulletinSeriesTest, RandomCountiesAgreeWithTheDailyBulletin) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    RandomCounty c(seed);
    const std::string what = "seed " + std::to_string(seed);
    for (const std::string& prefix : {std::string(), std::string("430281101"),
                                      std::string("430281126232"), std::string("430281110")})
      expect_series_matches(c.input(), D(2020, 1, 5), D(2020, 3, 10), prefix, what);
    expect_series_matches(c.input(), D(2020, 2, 1), D(2020, 2, 3), "", what + " window");
    for (Date d : {D(2020, 1, 12), D(2020, 2, 1), D(2020, 2, 20)}) {
      expect_by_region_matches(c.input(), d, {"430281101", "430281110", "430281126"}, what);
      expect_by_region_matches(c.input(), d, {"430281101001", "430281101002"}, what);
    }
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace lz::epidemic
