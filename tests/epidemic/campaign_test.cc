// Phone screening campaigns: call-list assignment (paired cadres keep their
// poor households, village cadres share the rest evenly, households without
// any cadre are reported), outcome validation, coverage per village, and the
// reactions an outcome implies (key persons, relapse triggers, support
// requests).
#include "epidemic/campaign.h"

#include <gtest/gtest.h>

#include <map>

#include "epidemic/case.h"
#include "epidemic/observation.h"
#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;
using test::T;

const std::string kWazi = "430281126232";   // 瓦子坪村
const std::string kGuan = "430281126233";   // another village of 官庄镇
const std::string kEmpty = "430281126299";  // a village without cadres

std::map<int64_t, std::vector<int64_t>> as_map(const CallAssignment& a) {
  std::map<int64_t, std::vector<int64_t>> out;
  for (const auto& l : a.lists) out[l.cadre_id] = l.household_ids;
  return out;
}

TEST(CallListTest, PairedCadresKeepTheirHouseholdsVillageCadresShareTheRest) {
  std::vector<HouseholdToCall> hs = {
      {1, kWazi + "001", true, 500},  // poor, paired with 500
      {2, kWazi + "001", false, {}},
      {3, kWazi + "002", false, {}},
      {4, kWazi, true, {}},  // poor without a paired cadre: village cadres
      {5, kWazi, false, {}},
      {6, kWazi, true, 500},
      {7, kGuan, false, {}},
      {8, kGuan, true, 501},
      {9, kEmpty, false, {}},
      {10, kEmpty, true, 502},  // paired: called even without village cadres
      {11, kWazi, false, 500},  // not poor: a stale pairing does not count
  };
  std::vector<VillageCadres> vc = {{kWazi, {21, 20}}, {kGuan, {30}}};
  CallAssignment a = assign_calls(hs, vc);
  // 瓦子坪: 2, 3, 4, 5 to 20 and 21 in turn (ties to the lowest id).
  std::map<int64_t, std::vector<int64_t>> want = {
      {20, {2, 4, 11}}, {21, {3, 5}}, {30, {7}}, {500, {1, 6}}, {501, {8}}, {502, {10}},
  };
  EXPECT_EQ(as_map(a), want);
  EXPECT_EQ(a.unassigned, std::vector<int64_t>{9});
  // Lists come by cadre id.
  ASSERT_EQ(a.lists.size(), 6u);
  EXPECT_EQ(a.lists.front().cadre_id, 20);
  EXPECT_EQ(a.lists.back().cadre_id, 502);
  // Every household once.
  size_t total = a.unassigned.size();
  for (const auto& l : a.lists) total += l.household_ids.size();
  EXPECT_EQ(total, hs.size());
}

TEST(CallListTest, BalancedCountingPairedLoad) {
  // Cadre 20 is also the paired cadre of three poor households of the village:
  // the ten other households go to 21 and 22 until they catch up.
  std::vector<HouseholdToCall> hs;
  for (int64_t id = 1; id <= 3; ++id) hs.push_back({id, kWazi, true, 20});
  for (int64_t id = 11; id <= 20; ++id) hs.push_back({id, kWazi, false, {}});
  CallAssignment a = assign_calls(hs, std::vector<VillageCadres>{{kWazi, {20, 21, 22}}});
  auto m = as_map(a);
  EXPECT_EQ(m[20].size(), 5u);  // 3 paired + 2
  EXPECT_EQ(m[21].size(), 4u);
  EXPECT_EQ(m[22].size(), 4u);
  EXPECT_EQ(m[21], (std::vector<int64_t>{11, 13, 15, 18}));
  EXPECT_EQ(m[22], (std::vector<int64_t>{12, 14, 16, 19}));
  EXPECT_EQ(m[20], (std::vector<int64_t>{1, 2, 3, 17, 20}));
}

TEST(CallListTest, LargeVillageBalancedWithinOne) {
  std::vector<HouseholdToCall> hs;
  for (int64_t id = 1; id <= 1003; ++id)
    hs.push_back({id, kWazi + "00" + std::to_string(id % 7), false, {}});
  // The same cadre listed twice and the village split over two entries.
  std::vector<VillageCadres> vc = {{kWazi, {7, 3, 9}}, {kWazi, {3, 12}}};
  CallAssignment a = assign_calls(hs, vc);
  ASSERT_EQ(a.lists.size(), 4u);
  size_t lo = SIZE_MAX, hi = 0;
  for (const auto& l : a.lists) {
    lo = std::min(lo, l.household_ids.size());
    hi = std::max(hi, l.household_ids.size());
  }
  EXPECT_EQ(lo, 250u);
  EXPECT_EQ(hi, 251u);
  EXPECT_TRUE(a.unassigned.empty());
}

Campaign a_campaign() {
  Campaign c;
  c.id = 3;
  c.name = "全市第二轮电话排查";
  c.region_prefix = "430281";
  c.start_on = D(2020, 2, 1);
  c.end_on = D(2020, 2, 10);
  return c;
}

TEST(CampaignTest, Validation) {
  EXPECT_TRUE(validate_campaign(a_campaign()).ok());
  Campaign c = a_campaign();
  c.name = " ";
  c.region_prefix = "";
  c.end_on = D(2020, 1, 31);
  Status s = validate_campaign(c);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "campaign.name_required");
  ASSERT_EQ(s.error().details.size(), 2u);
  EXPECT_EQ(s.error().details[0].code, "campaign.region_required");
  EXPECT_EQ(s.error().details[1].code, "campaign.end_before_start");
}

CallOutcome reached_call() {
  CallOutcome o;
  o.id = 77;
  o.campaign_id = 3;
  o.household_id = 1;
  o.cadre_id = 500;
  o.at = T(2020, 2, 5, 10, 30);
  o.result = CallResult::kReached;
  o.by = "cadre500";
  return o;
}

ReturneeReport a_returnee(std::optional<int64_t> person = 9001) {
  ReturneeReport r;
  r.person_id = person;
  r.name = "刘伟";
  r.id_number = test::id_no(1990, 5, 4);
  r.travel.arrived_on = D(2020, 1, 22);
  r.travel.from_place = "湖北省武汉市";
  r.travel.mode = TravelMode::kTrain;
  r.travel.detail = "G1001";
  return r;
}

TEST(OutcomeTest, Validation) {
  const Date as_of = D(2020, 2, 12);
  EpidemicConfig cfg;
  EXPECT_TRUE(validate_outcome(reached_call(), a_campaign(), as_of, cfg).ok());
  struct Row {
    void (*change)(CallOutcome&);
    const char* code;
    const char* field;
  };
  const Row rows[] = {
      {[](CallOutcome& o) { o.at = T(2020, 1, 31, 9, 0); }, "call.date_outside_campaign", "at"},
      {[](CallOutcome& o) { o.at = T(2020, 2, 11, 9, 0); }, "call.date_outside_campaign", "at"},
      {[](CallOutcome& o) { o.at = T(2020, 2, 13, 9, 0); }, "call.date_future", "at"},
      {[](CallOutcome& o) {
         o.result = CallResult::kUnreachable;
         o.needs.push_back({NeedKind::kFood, ""});
       },
       "call.details_when_unreachable", "result"},
      {[](CallOutcome& o) {
         o.returnees.push_back(a_returnee());
         o.returnees.push_back(a_returnee(std::nullopt));
         o.returnees[1].name = "";
       },
       "call.returnee_person_required", "returnees[1].name"},
      {[](CallOutcome& o) {
         o.returnees.push_back(a_returnee());
         o.returnees[0].travel.arrived_on = D(2020, 2, 6);
       },
       "call.arrival_future", "returnees[0].travel.arrived_on"},
      {[](CallOutcome& o) {
         o.returnees.push_back(a_returnee());
         o.returnees[0].travel.from_place = "";
       },
       "call.from_place_required", "returnees[0].travel.from_place"},
      {[](CallOutcome& o) {
         o.returnees.push_back(a_returnee());
         o.returnees[0].id_number = "430281199005041234";
       },
       "id_number.checksum", "returnees[0].id_number"},
      {[](CallOutcome& o) {
         o.symptomatic.push_back({{}, "", "", 380, {}});
       },
       "call.symptom_person_required", "symptomatic[0].name"},
      {[](CallOutcome& o) {
         o.symptomatic.push_back({9002, "", "", 372, {}});
       },
       "call.symptom_report_empty", "symptomatic[0].symptoms"},
      {[](CallOutcome& o) {
         o.symptomatic.push_back({9002, "", "", 450, {Symptom::kCough}});
       },
       "temperature.implausible", "symptomatic[0].temperature_tenths"},
      {[](CallOutcome& o) {
         o.needs.push_back({NeedKind::kProduceUnsold, " "});
       },
       "call.need_note_required", "needs[0].note"},
      {[](CallOutcome& o) {
         o.needs.push_back({NeedKind::kOther, ""});
       },
       "call.need_note_required", "needs[0].note"},
  };
  for (const Row& r : rows) {
    CallOutcome o = reached_call();
    r.change(o);
    Status s = validate_outcome(o, a_campaign(), as_of, cfg);
    ASSERT_FALSE(s.ok()) << r.code;
    EXPECT_EQ(s.error().code, r.code);
    EXPECT_EQ(s.error().field, r.field);
  }
  // Accepted: a fever alone, symptoms alone, food and medicine without a note,
  // the campaign's last day.
  CallOutcome ok = reached_call();
  ok.at = T(2020, 2, 10, 21, 0);
  ok.symptomatic.push_back({9002, "", "", 373, {}});
  ok.symptomatic.push_back({9003, "", "", {}, {Symptom::kCough}});
  ok.needs.push_back({NeedKind::kFood, ""});
  ok.needs.push_back({NeedKind::kMedicine, ""});
  Status s = validate_outcome(ok, a_campaign(), as_of, cfg);
  EXPECT_TRUE(s.ok()) << s.error().describe(Lang::kEn);
  // Every error is reported.
  CallOutcome bad = reached_call();
  bad.at = T(2020, 1, 31, 9, 0);
  bad.needs.push_back({NeedKind::kOther, ""});
  bad.symptomatic.push_back({9002, "", "", {}, {}});
  Status all = validate_outcome(bad, a_campaign(), as_of, cfg);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().details.size(), 2u);
}

TEST(CoverageTest, PerVillage) {
  std::vector<HouseholdToCall> hs = {
      {1, kWazi + "001", true, 500}, {2, kWazi, false, {}}, {3, kWazi, false, {}},
      {4, kWazi, false, {}},         {5, kGuan, false, {}}, {6, kGuan, false, {}},
  };
  std::vector<CallOutcome> os;
  auto call = [&](int64_t h, CallResult r) {
    CallOutcome o = reached_call();
    o.household_id = h;
    o.result = r;
    os.push_back(o);
    return &os.back();
  };
  call(1, CallResult::kUnreachable);
  call(1, CallResult::kReached)->returnees.push_back(a_returnee());
  call(2, CallResult::kUnreachable);
  call(2, CallResult::kUnreachable);
  call(3, CallResult::kReached)->needs.push_back({NeedKind::kFood, ""});
  call(5, CallResult::kReached)->symptomatic.push_back({{}, "张三", "", 380, {}});
  call(99, CallResult::kReached);  // not in the campaign
  CampaignCoverage c = call_coverage(hs, os);
  ASSERT_EQ(c.villages.size(), 2u);
  const VillageCoverage& w = c.villages[0];
  EXPECT_EQ(w.village_code, kWazi);
  EXPECT_EQ(w.households, 4);
  EXPECT_EQ(w.called, 3);
  EXPECT_EQ(w.reached, 2);
  EXPECT_EQ(w.unreachable, 1);
  EXPECT_EQ(w.with_returnees, 1);
  EXPECT_EQ(w.with_symptoms, 0);
  EXPECT_EQ(w.with_needs, 1);
  EXPECT_DOUBLE_EQ(w.coverage, 0.5);
  const VillageCoverage& g = c.villages[1];
  EXPECT_EQ(g.village_code, kGuan);
  EXPECT_EQ(g.households, 2);
  EXPECT_EQ(g.reached, 1);
  EXPECT_EQ(g.with_symptoms, 1);
  EXPECT_DOUBLE_EQ(g.coverage, 0.5);
  EXPECT_EQ(c.total.village_code, "");
  EXPECT_EQ(c.total.households, 6);
  EXPECT_EQ(c.total.called, 4);
  EXPECT_EQ(c.total.reached, 3);
  EXPECT_EQ(c.total.unreachable, 1);
  EXPECT_DOUBLE_EQ(c.total.coverage, 0.5);
  EXPECT_DOUBLE_EQ(call_coverage({}, os).total.coverage, 0.0);
}

TEST(ReactionTest, KeyPersonsTriggersAndRequests) {
  EpidemicConfig cfg;
  CallOutcome o = reached_call();
  o.returnees.push_back(a_returnee(9001));          // a member
  o.returnees.push_back(a_returnee(std::nullopt));  // a visitor
  o.symptomatic.push_back({9002, "李梅", "", 381, {}});
  o.symptomatic.push_back({9003, "李强", "", 366, {Symptom::kCough, Symptom::kFatigue}});
  o.needs.push_back({NeedKind::kProduceUnsold, "生猪12头无法出栏"});
  o.needs.push_back({NeedKind::kMedicine, "降压药"});
  struct Row {
    PovertyStanding standing;
    size_t triggers;
  };
  const Row rows[] = {
      {PovertyStanding::kNone, 0},
      {PovertyStanding::kRegisteredPoor, 0},
      {PovertyStanding::kLifted, 2},
      {PovertyStanding::kMarginal, 2},
  };
  for (const Row& r : rows) {
    CallReactions x = reactions(o, {1, kWazi, r.standing}, cfg);
    ASSERT_EQ(x.key_persons.size(), 4u);
    EXPECT_EQ(x.support_requests.size(), 2u);
    EXPECT_EQ(x.relapse_triggers.size(), r.triggers) << id(r.standing);
  }
  CallReactions x = reactions(o, {1, kWazi, PovertyStanding::kLifted}, cfg);
  const KeyPersonInput& k0 = x.key_persons[0];
  EXPECT_EQ(k0.category, KeyCategory::kHubeiReturnee);
  EXPECT_EQ(k0.source, KeySource::kPhoneScreening);
  EXPECT_EQ(k0.person_id, 9001);
  EXPECT_EQ(k0.added_on, D(2020, 2, 5));
  EXPECT_EQ(k0.region_code, kWazi);
  ASSERT_TRUE(k0.travel.has_value());
  EXPECT_EQ(k0.travel->arrived_on, D(2020, 1, 22));
  EXPECT_EQ(k0.source_ref, "epidemic.call:77");
  EXPECT_EQ(x.key_persons[1].person_id, std::nullopt);
  EXPECT_EQ(x.key_persons[1].id_number, test::id_no(1990, 5, 4));
  EXPECT_EQ(x.key_persons[2].category, KeyCategory::kFever);
  EXPECT_EQ(x.key_persons[2].temperature_tenths, 381);
  EXPECT_EQ(x.key_persons[2].note, "电话排查：体温38.1℃");
  EXPECT_EQ(x.key_persons[3].category, KeyCategory::kFever);
  EXPECT_EQ(x.key_persons[3].note, "电话排查：干咳、乏力");
  // Triggers: the unsold produce, and the member returnee's quarantine (not the visitor's).
  EXPECT_EQ(x.relapse_triggers[0].kind, RelapseTriggerKind::kProduceUnsold);
  EXPECT_EQ(x.relapse_triggers[0].note, "生猪12头无法出栏");
  EXPECT_EQ(x.relapse_triggers[0].person_id, std::nullopt);
  EXPECT_EQ(x.relapse_triggers[1].kind, RelapseTriggerKind::kEpidemicQuarantine);
  EXPECT_EQ(x.relapse_triggers[1].person_id, 9001);
  EXPECT_EQ(x.relapse_triggers[1].on, D(2020, 2, 5));
  EXPECT_EQ(x.relapse_triggers[1].source_ref, "epidemic.call:77");
  EXPECT_STREQ(id(x.relapse_triggers[1].kind), "epidemic_quarantine");
  EXPECT_EQ(x.support_requests[0].kind, NeedKind::kProduceUnsold);
  EXPECT_EQ(x.support_requests[0].cadre_id, 500);
  EXPECT_EQ(x.support_requests[1].note, "降压药");
  // Nothing from an unreachable household.
  CallOutcome u = reached_call();
  u.result = CallResult::kUnreachable;
  CallReactions none = reactions(u, {1, kWazi, PovertyStanding::kLifted}, cfg);
  EXPECT_TRUE(none.key_persons.empty() && none.relapse_triggers.empty() &&
              none.support_requests.empty());
}

TEST(ReactionTest, TriggersFromObservationsAndCases) {
  Observation o;
  o.id = 3;
  o.person_id = 9001;
  o.kind = ObservationKind::kHome;
  o.start = D(2020, 2, 2);
  auto t = relapse_trigger_for(o, 1, PovertyStanding::kLifted);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->kind, RelapseTriggerKind::kEpidemicQuarantine);
  EXPECT_EQ(t->household_id, 1);
  EXPECT_EQ(t->person_id, 9001);
  EXPECT_EQ(t->on, D(2020, 2, 2));
  EXPECT_EQ(t->note, "居家隔离（2020-02-02起）");
  EXPECT_EQ(t->source_ref, "epidemic.observation:3");
  EXPECT_FALSE(relapse_trigger_for(o, 1, PovertyStanding::kRegisteredPoor).has_value());
  EXPECT_FALSE(relapse_trigger_for(o, 1, PovertyStanding::kNone).has_value());

  Case c;
  c.id = 5;
  c.person_id = 9001;
  c.steps = {{CaseStatus::kSuspected, D(2020, 2, 1), "x", "", ""}};
  EXPECT_FALSE(relapse_trigger_for(c, 1, PovertyStanding::kMarginal).has_value());
  c.steps.push_back({CaseStatus::kConfirmed, D(2020, 2, 3), "x", "", ""});
  auto i = relapse_trigger_for(c, 1, PovertyStanding::kMarginal);
  ASSERT_TRUE(i.has_value());
  EXPECT_EQ(i->kind, RelapseTriggerKind::kEpidemicInfection);
  EXPECT_EQ(i->on, D(2020, 2, 3));
  EXPECT_EQ(i->source_ref, "epidemic.case:5");
}

}  // namespace
}  // namespace lz::epidemic
