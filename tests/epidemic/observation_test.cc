// Medical observation: the planned end (14 days from the last exposure, a
// setting), extension on a later exposure, release and its validation,
// is_under_observation on the edges; follow-ups: the schedule, recording and
// its validation, fever alerts at 37.2 / 37.3, and due/done/overdue counts
// and the daily work list.
#include "epidemic/observation.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;
using test::T;

const Date kAsOf = D(2020, 2, 12);

ObservationPlan a_plan(Date exposure = D(2020, 1, 28), Date start = D(2020, 1, 30)) {
  ObservationPlan p;
  p.person_id = 42;
  p.region_code = "430281126232";
  p.kind = ObservationKind::kHome;
  p.last_exposure = exposure;
  p.start = start;
  p.basis = "病例12的密切接触者";
  p.by = "cadre7";
  return p;
}

Observation planned(Date exposure = D(2020, 1, 28), Date start = D(2020, 1, 30)) {
  auto o = plan_observation(a_plan(exposure, start), kAsOf, EpidemicConfig{});
  EXPECT_TRUE(o.ok()) << o.error().describe(Lang::kEn);
  Observation out = *o;
  out.id = 5;
  return out;
}

TEST(ObservationTest, PlannedEndIsFourteenDaysAfterTheLastExposure) {
  Observation o = planned();
  EXPECT_EQ(o.person_id, 42);
  EXPECT_EQ(o.start, D(2020, 1, 30));
  EXPECT_EQ(o.last_exposure, D(2020, 1, 28));
  EXPECT_EQ(o.planned_end, D(2020, 2, 11));
  EXPECT_FALSE(o.released());
  // Returnee arrived 20 January: observed to 2 February, released on the 3rd.
  Observation r = planned(D(2020, 1, 20), D(2020, 1, 20));
  EXPECT_EQ(r.planned_end, D(2020, 2, 3));
  EXPECT_EQ(follow_up_schedule(r).size(), 14u);
  EXPECT_EQ(follow_up_schedule(r).front(), D(2020, 1, 20));
  EXPECT_EQ(follow_up_schedule(r).back(), D(2020, 2, 2));
  // The period is a setting.
  EpidemicConfig cfg;
  cfg.observation_days = 21;
  auto longer = plan_observation(a_plan(D(2020, 1, 20), D(2020, 1, 20)), kAsOf, cfg);
  ASSERT_TRUE(longer.ok());
  EXPECT_EQ(longer->planned_end, D(2020, 2, 10));
}

TEST(ObservationTest, PlanIsValidated) {
  struct Row {
    void (*change)(ObservationPlan&);
    const char* code;
    const char* field;
  };
  const Row rows[] = {
      {[](ObservationPlan& p) { p.person_id = 0; }, "observation.person_required", "person_id"},
      {[](ObservationPlan& p) { p.region_code = ""; }, "observation.region_required",
       "region_code"},
      {[](ObservationPlan& p) {
         p.kind = ObservationKind::kCentralized;
         p.room = "301";
       },
       "observation.site_required", "site"},
      {[](ObservationPlan& p) {
         p.kind = ObservationKind::kCentralized;
         p.site = "市委党校";
       },
       "observation.room_required", "room"},
      {[](ObservationPlan& p) {
         p.last_exposure = D(2020, 2, 13);
         p.start = D(2020, 2, 12);
       },
       "observation.date_future", "last_exposure"},
      {[](ObservationPlan& p) { p.start = D(2020, 2, 13); }, "observation.date_future", "start"},
      {[](ObservationPlan& p) { p.start = D(2020, 1, 27); }, "observation.start_before_exposure",
       "start"},
      // exposure 28 Jan + 14 = 11 Feb: a start on the 11th is too late.
      {[](ObservationPlan& p) { p.start = D(2020, 2, 11); }, "observation.period_over",
       "last_exposure"},
  };
  for (const Row& r : rows) {
    ObservationPlan p = a_plan();
    r.change(p);
    auto o = plan_observation(p, kAsOf, EpidemicConfig{});
    ASSERT_FALSE(o.ok()) << r.code;
    EXPECT_EQ(o.error().code, r.code);
    EXPECT_EQ(o.error().field, r.field) << r.code;
  }
  // The day before the end is still worth observing; centralised with both.
  ObservationPlan last = a_plan();
  last.start = D(2020, 2, 10);
  last.kind = ObservationKind::kCentralized;
  last.site = " 市委党校 ";
  last.room = "301";
  auto ok = plan_observation(last, kAsOf, EpidemicConfig{});
  ASSERT_TRUE(ok.ok()) << ok.error().describe(Lang::kEn);
  EXPECT_EQ(ok->site, "市委党校");
  EXPECT_EQ(follow_up_schedule(*ok), std::vector<Date>{D(2020, 2, 10)});
}

TEST(ObservationTest, ALaterExposureExtends) {
  Observation o = planned();  // exposure 28 Jan, end 11 Feb
  auto ext =
      extend_for_exposure(o, D(2020, 2, 3), D(2020, 2, 5), "同住家属确诊", kAsOf, EpidemicConfig{});
  ASSERT_TRUE(ext.ok()) << ext.error().describe(Lang::kEn);
  EXPECT_EQ(ext->planned_end, D(2020, 2, 17));
  EXPECT_EQ(ext->last_exposure, D(2020, 2, 3));
  ASSERT_EQ(ext->extensions.size(), 1u);
  EXPECT_EQ(ext->extensions[0].old_end, D(2020, 2, 11));
  EXPECT_EQ(ext->extensions[0].new_end, D(2020, 2, 17));
  EXPECT_EQ(ext->extensions[0].found_on, D(2020, 2, 5));
  EXPECT_EQ(ext->extensions[0].note, "同住家属确诊");
  EXPECT_EQ(follow_up_schedule(*ext).size(), 18u);  // 30 Jan .. 16 Feb

  // An exposure that is not later changes nothing.
  for (Date earlier : {D(2020, 1, 25), D(2020, 1, 28)}) {
    auto same = extend_for_exposure(o, earlier, D(2020, 2, 5), "", kAsOf, EpidemicConfig{});
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->planned_end, D(2020, 2, 11));
    EXPECT_TRUE(same->extensions.empty());
    EXPECT_EQ(same->last_exposure, D(2020, 1, 28));
  }
  // Refusals.
  auto future = extend_for_exposure(o, D(2020, 2, 13), D(2020, 2, 13), "", kAsOf, EpidemicConfig{});
  EXPECT_EQ(future.error().code, "observation.date_future");
  auto found_early =
      extend_for_exposure(o, D(2020, 2, 5), D(2020, 2, 4), "", kAsOf, EpidemicConfig{});
  EXPECT_EQ(found_early.error().code, "observation.found_before_exposure");
  auto rel = release(o, {D(2020, 2, 11), "", "cadre7"}, kAsOf);
  ASSERT_TRUE(rel.ok());
  auto after =
      extend_for_exposure(*rel, D(2020, 2, 10), D(2020, 2, 12), "", kAsOf, EpidemicConfig{});
  EXPECT_EQ(after.error().code, "observation.already_released");
  EXPECT_EQ(after.error().kind, ErrorKind::kConflict);
}

TEST(ObservationTest, ReleaseValidation) {
  Observation o = planned();  // 30 Jan .. end 11 Feb
  struct Row {
    Date on;
    const char* reason;
    const char* code;  // nullptr: released
  };
  const Row rows[] = {
      {D(2020, 2, 11), "", nullptr},  // on the planned end: no reason needed
      {D(2020, 2, 12), "", nullptr},  // later (as_of)
      {D(2020, 2, 10), "", "observation.early_release_reason_required"},
      {D(2020, 2, 10), "  ", "observation.early_release_reason_required"},
      {D(2020, 2, 10), "转为疑似病例，送定点医院", nullptr},
      {D(2020, 1, 29), "转院", "observation.release_before_start"},
      {D(2020, 2, 13), "", "observation.date_future"},
  };
  for (const Row& r : rows) {
    auto x = release(o, {r.on, r.reason, "cadre7"}, kAsOf);
    if (!r.code) {
      ASSERT_TRUE(x.ok()) << r.on.iso() << " " << x.error().describe(Lang::kEn);
      EXPECT_EQ(x->released_on, r.on);
      EXPECT_EQ(x->released_by, "cadre7");
    } else {
      ASSERT_FALSE(x.ok()) << r.on.iso();
      EXPECT_EQ(x.error().code, r.code);
    }
  }
  auto once = release(o, {D(2020, 2, 11), "", "cadre7"}, kAsOf);
  auto twice = release(*once, {D(2020, 2, 12), "", "cadre7"}, kAsOf);
  EXPECT_EQ(twice.error().code, "observation.already_released");
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  auto early = release(o, {D(2020, 2, 10), "", "cadre7"}, kAsOf);
  EXPECT_EQ(early.error().message_zh, "观察期应至2020-02-11届满，提前解除须说明理由");
}

TEST(ObservationTest, UnderObservationOnTheEdges) {
  Observation o = planned();  // start 30 Jan, end 11 Feb
  EXPECT_FALSE(is_under_observation(o, D(2020, 1, 29)));
  EXPECT_TRUE(is_under_observation(o, D(2020, 1, 30)));
  EXPECT_TRUE(is_under_observation(o, D(2020, 2, 10)));
  // Past the planned end without a release: still observed, release due.
  EXPECT_TRUE(is_under_observation(o, D(2020, 2, 11)));
  EXPECT_FALSE(is_release_due(o, D(2020, 2, 10)));
  EXPECT_TRUE(is_release_due(o, D(2020, 2, 11)));
  Observation r = *release(o, {D(2020, 2, 5), "转院", "x"}, kAsOf);
  EXPECT_TRUE(is_under_observation(r, D(2020, 2, 4)));
  EXPECT_FALSE(is_under_observation(r, D(2020, 2, 5)));
  EXPECT_FALSE(is_release_due(r, D(2020, 2, 12)));
  // Released early: follow-ups only until the day before.
  EXPECT_EQ(follow_up_schedule(r).size(), 6u);  // 30 Jan .. 4 Feb
  EXPECT_EQ(due_window(r).end, D(2020, 2, 5));
}

FollowUp a_follow_up(Date day, int temp = 365, DateTime at = {}) {
  FollowUp f;
  f.day = day;
  f.temperature_tenths = temp;
  f.by = "村医李华";
  f.at = at.minutes() == 0 ? DateTime::of(day, 9, 0) : at;
  return f;
}

TEST(FollowUpTest, RecordsAndValidates) {
  Observation o = planned();
  auto f = record_follow_up(o, a_follow_up(D(2020, 2, 1)), {}, kAsOf);
  ASSERT_TRUE(f.ok()) << f.error().describe(Lang::kEn);
  EXPECT_EQ(f->observation_id, 5);
  EXPECT_EQ(f->person_id, 42);
  struct Row {
    FollowUp f;
    const char* code;
  };
  FollowUp no_by = a_follow_up(D(2020, 2, 2));
  no_by.by = " ";
  const Row rows[] = {
      {a_follow_up(D(2020, 1, 29)), "follow_up.day_not_due"},  // before the start
      {a_follow_up(D(2020, 2, 11)), "follow_up.day_not_due"},  // the planned end
      {a_follow_up(D(2020, 2, 13)), "follow_up.date_future"},
      {a_follow_up(D(2020, 2, 2), 365, T(2020, 2, 1, 20, 0)), "follow_up.recorded_before_day"},
      {a_follow_up(D(2020, 2, 2), 365, T(2020, 2, 13, 8, 0)), "follow_up.date_future"},
      {no_by, "follow_up.by_required"},
      {a_follow_up(D(2020, 2, 2), 339), "temperature.implausible"},
      {a_follow_up(D(2020, 2, 2), 431), "temperature.implausible"},
  };
  for (const Row& r : rows) {
    auto x = record_follow_up(o, r.f, {}, kAsOf);
    ASSERT_FALSE(x.ok()) << r.code;
    EXPECT_EQ(x.error().code, r.code);
  }
  // Edges of the plausible range are accepted; a late entry is fine.
  EXPECT_TRUE(record_follow_up(o, a_follow_up(D(2020, 2, 2), 340), {}, kAsOf).ok());
  EXPECT_TRUE(record_follow_up(o, a_follow_up(D(2020, 2, 2), 430), {}, kAsOf).ok());
  EXPECT_TRUE(
      record_follow_up(o, a_follow_up(D(2020, 2, 2), 365, T(2020, 2, 12, 23, 59)), {}, kAsOf).ok());
  // A second follow-up for the same day is a conflict; editing the same one is not.
  std::vector<FollowUp> existing = {*f};
  existing[0].id = 9;
  auto dup = record_follow_up(o, a_follow_up(D(2020, 2, 1)), existing, kAsOf);
  EXPECT_EQ(dup.error().code, "follow_up.duplicate");
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
  FollowUp edit = a_follow_up(D(2020, 2, 1), 366);
  edit.id = 9;
  EXPECT_TRUE(record_follow_up(o, edit, existing, kAsOf).ok());
  EXPECT_TRUE(record_follow_up(o, a_follow_up(D(2020, 2, 2)), existing, kAsOf).ok());
}

TEST(FollowUpTest, FeverAlertAtTheThreshold) {
  EpidemicConfig cfg;
  struct Row {
    int temp;
    SymptomSet symptoms;
    bool alert, fever;
    const char* zh;
  };
  const Row rows[] = {
      {372, {}, false, false, ""},
      {373, {}, true, true, "体温37.3℃（发热）"},
      {385, {}, true, true, "体温38.5℃（发热）"},
      {365, {Symptom::kCough}, true, false, "体温36.5℃，干咳"},
      {374, {Symptom::kCough, Symptom::kFatigue}, true, true, "体温37.4℃（发热），干咳、乏力"},
  };
  for (const Row& r : rows) {
    FollowUp f = a_follow_up(D(2020, 2, 1), r.temp);
    f.symptoms = r.symptoms;
    f.observation_id = 5;
    f.person_id = 42;
    auto a = alert_for(f, cfg);
    ASSERT_EQ(a.has_value(), r.alert) << r.temp;
    EXPECT_EQ(is_fever(r.temp, cfg), r.fever) << r.temp;
    if (!a) continue;
    EXPECT_EQ(a->fever, r.fever);
    EXPECT_EQ(a->message_zh, r.zh);
    EXPECT_EQ(a->person_id, 42);
    EXPECT_EQ(a->day, D(2020, 2, 1));
  }
  FollowUp f = a_follow_up(D(2020, 2, 1), 374);
  f.symptoms = {Symptom::kCough};
  EXPECT_EQ(alert_for(f, cfg)->message_en, "temperature 37.4 °C (fever); dry cough");
  // The threshold is a setting.
  cfg.fever_threshold_tenths = 375;
  EXPECT_FALSE(alert_for(a_follow_up(D(2020, 2, 1), 374), cfg).has_value());
  EXPECT_TRUE(alert_for(a_follow_up(D(2020, 2, 1), 375), cfg).has_value());
}

// Three observations in two villages:
//  #1 430281126232: 1 Feb .. end 15 Feb (due 1..14 Feb)
//  #2 430281126232: 5 Feb .. end 19 Feb, released 8 Feb (due 5..7 Feb)
//  #3 430281101001: 10 Feb .. end 24 Feb (due 10..23 Feb), centralised
std::vector<ObservationRecord> three() {
  return {
      {1, 101, "430281126232", ObservationKind::kHome, D(2020, 2, 1), D(2020, 2, 15), {}},
      {2, 102, "430281126232", ObservationKind::kHome, D(2020, 2, 5), D(2020, 2, 19),
       D(2020, 2, 8)},
      {3, 103, "430281101001", ObservationKind::kCentralized, D(2020, 2, 10), D(2020, 2, 24), {}},
  };
}

TEST(FollowUpTest, DueDoneOverdue) {
  auto obs = three();
  std::vector<FollowUpRecord> fu = {
      // #1: done 1..3 on time, the 4th late (entered on the 6th), 5..9 missing,
      // the 10th on time, the 11th twice.
      {1, D(2020, 2, 1), D(2020, 2, 1)},
      {1, D(2020, 2, 2), D(2020, 2, 2)},
      {1, D(2020, 2, 3), D(2020, 2, 3)},
      {1, D(2020, 2, 4), D(2020, 2, 6)},
      {1, D(2020, 2, 10), D(2020, 2, 10)},
      {1, D(2020, 2, 11), D(2020, 2, 11)},
      {1, D(2020, 2, 11), D(2020, 2, 11)},
      // #2: the 5th only; a stray one after its release and one for an unknown observation.
      {2, D(2020, 2, 5), D(2020, 2, 5)},
      {2, D(2020, 2, 9), D(2020, 2, 9)},
      {99, D(2020, 2, 10), D(2020, 2, 10)},
      // #3: the 10th, entered a day late.
      {3, D(2020, 2, 10), D(2020, 2, 11)},
  };
  struct Row {
    Date d;
    std::string region;
    FollowUpCounts want;
  };
  const Row rows[] = {
      // 31 Jan: nothing started.
      {D(2020, 1, 31), "", {0, 0, 0}},
      // 1 Feb: #1 due and done.
      {D(2020, 2, 1), "", {1, 1, 0}},
      // 5 Feb: due #1, #2; done #2 only; overdue #1's 4th (entered on the 6th).
      {D(2020, 2, 5), "", {2, 1, 1}},
      // 6 Feb: the late entry clears the 4th; #1 5th overdue.
      {D(2020, 2, 6), "", {2, 0, 1}},
      // 8 Feb: #2 released on the 8th: not due. Overdue: #1 5,6,7 + #2 6,7 = 5.
      {D(2020, 2, 8), "", {1, 0, 5}},
      // 10 Feb: due #1, #3; done #1 (#3 entered on the 11th). Overdue #1 5..9 (5) + #2 6,7 (2).
      {D(2020, 2, 10), "", {2, 1, 7}},
      // 11 Feb: #1 done (twice, once); #3 11th not done; its 10th is now entered.
      {D(2020, 2, 11), "", {2, 1, 7}},
      // 12 Feb: nothing done; overdue + #3's 11th.
      {D(2020, 2, 12), "", {2, 0, 8}},
      // Region filters.
      {D(2020, 2, 12), "430281126", {1, 0, 7}},
      {D(2020, 2, 12), "430281101001", {1, 0, 1}},
      {D(2020, 2, 12), "430281102", {0, 0, 0}},
      // 20 Feb: #1 ended on the 15th (its 12..14 overdue too), #3 due.
      {D(2020, 2, 20), "430281126232", {0, 0, 10}},
  };
  for (const Row& r : rows) {
    FollowUpCounts c = follow_up_counts(obs, fu, r.d, r.region);
    EXPECT_EQ(c.due, r.want.due) << r.d.iso() << " " << r.region;
    EXPECT_EQ(c.done, r.want.done) << r.d.iso() << " " << r.region;
    EXPECT_EQ(c.overdue, r.want.overdue) << r.d.iso() << " " << r.region;
  }
}

TEST(FollowUpTest, WorkList) {
  auto obs = three();
  std::vector<FollowUpRecord> fu = {
      {1, D(2020, 2, 10), D(2020, 2, 10)},
      {1, D(2020, 2, 8), D(2020, 2, 9)},
      {2, D(2020, 2, 5), D(2020, 2, 5)},
      {3, D(2020, 2, 10), D(2020, 2, 10)},
  };
  auto items = follow_up_items(obs, fu, D(2020, 2, 10));
  std::vector<std::tuple<int64_t, Date, FollowUpState>> got;
  for (const auto& i : items) got.emplace_back(i.observation_id, i.day, i.state);
  using S = FollowUpState;
  std::vector<std::tuple<int64_t, Date, FollowUpState>> want = {
      {1, D(2020, 2, 1), S::kOverdue}, {1, D(2020, 2, 2), S::kOverdue},
      {1, D(2020, 2, 3), S::kOverdue}, {1, D(2020, 2, 4), S::kOverdue},
      {1, D(2020, 2, 5), S::kOverdue}, {1, D(2020, 2, 6), S::kOverdue},
      {1, D(2020, 2, 7), S::kOverdue}, {1, D(2020, 2, 9), S::kOverdue},
      {1, D(2020, 2, 10), S::kDone},   {2, D(2020, 2, 6), S::kOverdue},
      {2, D(2020, 2, 7), S::kOverdue}, {3, D(2020, 2, 10), S::kDone},
  };
  EXPECT_EQ(got, want);
  EXPECT_EQ(items[0].person_id, 101);
  auto next = follow_up_items(obs, fu, D(2020, 2, 11));
  EXPECT_EQ(next.back().state, S::kDue);
  EXPECT_EQ(next.back().observation_id, 3);
  EXPECT_EQ(next.back().day, D(2020, 2, 11));
  // The counts agree with the list.
  FollowUpCounts c = follow_up_counts(obs, fu, D(2020, 2, 10));
  EXPECT_EQ(c.overdue, 10);
  EXPECT_EQ(c.due, 2);
  EXPECT_EQ(c.done, 2);
}

TEST(FollowUpTest, RecordsConvert) {
  Observation o = planned();
  ObservationRecord r = to_record(o);
  EXPECT_EQ(r.observation_id, 5);
  EXPECT_EQ(r.start, D(2020, 1, 30));
  EXPECT_EQ(r.planned_end, D(2020, 2, 11));
  EXPECT_EQ(r.released_on, std::nullopt);
  FollowUp f = a_follow_up(D(2020, 2, 3), 365, T(2020, 2, 4, 7, 30));
  f.observation_id = 5;
  FollowUpRecord fr = to_record(f);
  EXPECT_EQ(fr.day, D(2020, 2, 3));
  EXPECT_EQ(fr.recorded_on, D(2020, 2, 4));
}

}  // namespace
}  // namespace lz::epidemic
