// Visits: the latest visit (ties), what it feeds into the check, a household's
// visit status, the overdue list, findings mapped to the check's items and
// where they disagree with it.
#include "poverty/visits.h"

#include <gtest/gtest.h>

#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;
const Date kToday = D(2020, 2, 12);

Visit visit(int64_t id, Date on, VisitMode mode, std::optional<bool> food = true,
            std::optional<bool> clothing = true, int64_t household = 1001) {
  Visit v;
  v.id = id;
  v.household_id = household;
  v.cadre_id = 7;
  v.on = on;
  v.mode = mode;
  v.findings.food_ok = food;
  v.findings.clothing_ok = clothing;
  return v;
}

TEST(VisitsTest, LastVisit) {
  const std::vector<Visit> visits = {
      visit(1, D(2020, 1, 5), VisitMode::kInPerson), visit(2, D(2020, 2, 3), VisitMode::kPhone),
      visit(3, D(2020, 2, 3), VisitMode::kInPerson),   // same day: in person wins
      visit(4, D(2020, 2, 20), VisitMode::kInPerson),  // after as_of: ignored
  };
  const Visit* last = last_visit(visits, kToday);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->id, 3);
  EXPECT_EQ(last_visit(visits, D(2020, 1, 31))->id, 1);
  EXPECT_EQ(last_visit(visits, D(2020, 1, 1)), nullptr);
  EXPECT_EQ(last_visit({}, kToday), nullptr);
  // Same day, same mode: the later record.
  const std::vector<Visit> twins = {visit(8, D(2020, 2, 3), VisitMode::kPhone),
                                    visit(9, D(2020, 2, 3), VisitMode::kPhone)};
  EXPECT_EQ(last_visit(twins, kToday)->id, 9);
}

TEST(VisitsTest, FactsFromTheLatestVisit) {
  const std::vector<Visit> visits = {
      visit(1, D(2020, 1, 5), VisitMode::kInPerson, false, true),
      visit(2, D(2020, 2, 3), VisitMode::kPhone, std::nullopt, true),
  };
  auto f = visit_facts(visits, kToday);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->on, D(2020, 2, 3));
  EXPECT_EQ(f->mode, VisitMode::kPhone);
  EXPECT_EQ(f->food_ok, std::nullopt);  // not asked on the phone: unknown, not the old answer
  EXPECT_EQ(f->clothing_ok, true);
  EXPECT_FALSE(visit_facts({}, kToday).has_value());

  // What the check then says about food.
  auto h = test::good_household();
  h.visit = f;
  auto r = test::run("food.secure", h);
  EXPECT_EQ(r.outcome, Outcome::kUnknown);
  EXPECT_EQ(r.finding.field, "visit.food_ok");
  h.visit = visit_facts(visits, D(2020, 1, 31));
  EXPECT_EQ(test::run("food.secure", h).outcome, Outcome::kGap);
}

TEST(VisitsTest, Status) {
  const CheckConfig config;  // 30-day interval
  const std::vector<Visit> visits = {
      visit(1, D(2020, 1, 13), VisitMode::kInPerson),
      visit(2, D(2020, 1, 2), VisitMode::kPhone, true, true, 2002),
  };
  auto s = visit_status(1001, visits, kToday, config);
  EXPECT_EQ(s.household_id, 1001);
  EXPECT_EQ(s.last_on, D(2020, 1, 13));
  EXPECT_EQ(s.last_mode, VisitMode::kInPerson);
  EXPECT_EQ(s.due, D(2020, 2, 12));
  EXPECT_FALSE(s.overdue);  // due today
  EXPECT_EQ(s.days_since, 30);

  auto late = visit_status(2002, visits, kToday, config);
  EXPECT_EQ(late.due, D(2020, 2, 1));
  EXPECT_TRUE(late.overdue);
  EXPECT_EQ(late.days_since, 41);

  auto never = visit_status(3003, visits, kToday, config);
  EXPECT_TRUE(never.overdue);
  EXPECT_FALSE(never.last_on.has_value());
  EXPECT_FALSE(never.due.has_value());
  EXPECT_EQ(never.days_since, -1);

  CheckConfig weekly;
  weekly.visit_interval_days = 7;
  EXPECT_TRUE(visit_status(1001, visits, kToday, weekly).overdue);
}

TEST(VisitsTest, OverdueList) {
  const std::vector<HouseholdVisitRow> rows = {
      {1, "430281126232", 7, D(2020, 2, 1)},   // fine
      {2, "430281126232", 7, D(2020, 1, 12)},  // due 2020-02-11: overdue
      {3, "430281126232", 8, std::nullopt},    // never visited
      {4, "430281101201", 9, D(2019, 12, 1)},  // most overdue of the visited
      {5, "430281101201", 9, D(2020, 1, 13)},  // due today: not overdue
      {6, "430281101201", 9, std::nullopt},    // never visited
  };
  auto out = overdue_visits(rows, kToday, CheckConfig{});
  std::vector<int64_t> ids;
  for (const auto& r : out) ids.push_back(r.household_id);
  EXPECT_EQ(ids, (std::vector<int64_t>{3, 6, 4, 2}));
}

TEST(VisitsTest, ItemsMapToTheCheck) {
  auto items = visit_items();
  ASSERT_EQ(items.size(), 6u);
  int read = 0;
  for (const auto& i : items) {
    read += i.read_by_check;
    bool group_has_rule = false;
    for (const auto& r : rules()) group_has_rule |= r.group == i.group;
    EXPECT_TRUE(group_has_rule) << i.id;
  }
  EXPECT_EQ(read, 2);
  EXPECT_STREQ(items[0].id, "food_ok");
  EXPECT_EQ(items[0].group, RuleGroup::kFood);
  EXPECT_EQ(items[4].group, RuleGroup::kHousing);
}

TEST(VisitsTest, Discrepancies) {
  auto h = test::good_household();
  h.housing_grade = 'D';
  auto result = check(h, CheckConfig{});
  Visit v = visit(1, D(2020, 2, 3), VisitMode::kInPerson);
  v.findings.housing_ok = true;  // the cadre saw no problem; the check has a gap
  v.findings.water_ok = false;   // the cadre saw a problem; the check passes
  v.findings.medical_ok = true;  // agrees
  auto d = discrepancies(v, result);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_STREQ(d[0].item->id, "housing_ok");
  EXPECT_TRUE(d[0].visit_ok);
  EXPECT_EQ(d[0].check_outcome, Outcome::kGap);
  EXPECT_EQ(d[0].zh, "2020-02-03走访认为“住房安全”没有问题，但检查发现短板");
  EXPECT_STREQ(d[1].item->id, "water_ok");
  EXPECT_FALSE(d[1].visit_ok);
  EXPECT_EQ(d[1].zh, "2020-02-03走访发现“饮水安全”有问题，但检查数据显示达标，请核实数据");

  // An unknown in the check is no disagreement.
  h.water.quality.reset();
  EXPECT_EQ(discrepancies(v, check(h, CheckConfig{})).size(), 1u);
}

TEST(VisitsTest, Validation) {
  Visit v = visit(1, kToday, VisitMode::kPhone);
  EXPECT_TRUE(validate_visit(v, kToday).ok());
  v.on = D(2020, 2, 13);
  EXPECT_EQ(validate_visit(v, kToday).error().code, "visit.date_future");
  v.on = kToday;
  v.household_id = 0;
  EXPECT_EQ(validate_visit(v, kToday).error().code, "visit.household_required");
}

}  // namespace
}  // namespace lz::poverty
