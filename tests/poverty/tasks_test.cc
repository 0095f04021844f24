// Gap tasks as a state machine: opening with a deadline by group; the
// lifecycle open -> fixed -> verified, and fixed -> returned -> fixed;
// refused transitions and roles; auto-close and reopen by reconcile();
// overdue tasks per township and per cadre.
#include "poverty/tasks.h"

#include <gtest/gtest.h>

#include "poverty/check.h"
#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;

const TaskActor kCadre7{"cadre7", Role::kPairedCadre, 7, ""};
const TaskActor kCadre8{"cadre8", Role::kPairedCadre, 8, ""};
const TaskActor kOfficer{"officer.guanzhuang", Role::kTownshipOfficer, std::nullopt, "430281126"};
const TaskActor kOtherOfficer{"officer.other", Role::kTownshipOfficer, std::nullopt, "430281101"};
const TaskActor kVillageCadre{"village", Role::kVillageCadre, std::nullopt, "430281126232"};

// A household with a dangerous house, its check, and the housing gap.
struct Fixture {
  HouseholdFacts h = [] {
    auto h = test::good_household();
    h.housing_grade = 'D';
    return h;
  }();
  CheckConfig config;
  CheckResult result = check(h, config);
  const RuleResult& gap() const { return *result.find("housing.safe"); }
  GapTask task() const { return open_task(h, gap(), D(2020, 2, 12), config); }
};

TaskFix a_fix(Date on = D(2020, 2, 20)) {
  TaskFix f;
  f.what = "联系住建部门鉴定并启动危房改造，临时安置到村部";
  f.evidence_note = "改造协议已签";
  f.photo_ref = "photos/2020/02/1001-house.jpg";
  f.on = on;
  return f;
}

std::vector<TaskAction> actions(const GapTask& t) {
  std::vector<TaskAction> out;
  for (const auto& e : t.history) out.push_back(e.action);
  return out;
}

TEST(GapTaskTest, OpensForTheResponsibleCadreWithADeadlineByGroup) {
  Fixture f;
  GapTask t = f.task();
  EXPECT_EQ(t.id, 0);
  EXPECT_EQ(t.household_id, 1001);
  EXPECT_EQ(t.region_code, "430281126232");
  EXPECT_EQ(t.cadre_id, 7);
  EXPECT_EQ(t.rule_id, "housing.safe");
  EXPECT_EQ(t.rule_version, 1);
  EXPECT_EQ(t.group, RuleGroup::kHousing);
  EXPECT_EQ(t.reason_zh, "住房安全等级为D级（整栋危房），不符合住房安全有保障");
  EXPECT_EQ(t.field, "housing_grade");
  EXPECT_EQ(t.state, TaskState::kOpen);
  EXPECT_EQ(t.opened_on, D(2020, 2, 12));
  EXPECT_EQ(t.deadline, D(2020, 5, 12));  // housing: 90 days
  EXPECT_EQ(actions(t), std::vector<TaskAction>{TaskAction::kOpen});
  EXPECT_TRUE(t.active());

  f.config.task_deadline_days.housing = 30;
  EXPECT_EQ(f.task().deadline, D(2020, 3, 13));
}

TEST(GapTaskTest, FixedThenVerified) {
  Fixture f;
  auto fixed = record_fix(f.task(), kCadre7, a_fix(), D(2020, 2, 21));
  ASSERT_TRUE(fixed.ok()) << fixed.error().message_zh;
  EXPECT_EQ(fixed->state, TaskState::kFixed);
  ASSERT_TRUE(fixed->fix.has_value());
  EXPECT_EQ(fixed->fix->by, "cadre7");
  EXPECT_EQ(fixed->fix->on, D(2020, 2, 20));
  EXPECT_EQ(fixed->fix->photo_ref, "photos/2020/02/1001-house.jpg");
  EXPECT_TRUE(fixed->active());

  auto verified = verify(*fixed, kOfficer, D(2020, 2, 22), "现场查看属实", D(2020, 2, 22));
  ASSERT_TRUE(verified.ok()) << verified.error().message_zh;
  EXPECT_EQ(verified->state, TaskState::kVerified);
  EXPECT_EQ(verified->verified_on, D(2020, 2, 22));
  EXPECT_EQ(verified->verified_by, "officer.guanzhuang");
  EXPECT_FALSE(verified->active());
  EXPECT_EQ(actions(*verified), (std::vector<TaskAction>{TaskAction::kOpen, TaskAction::kRecordFix,
                                                         TaskAction::kVerify}));
  const TaskEvent& last = verified->history.back();
  EXPECT_EQ(last.from, TaskState::kFixed);
  EXPECT_EQ(last.to, TaskState::kVerified);
  EXPECT_EQ(last.by, "officer.guanzhuang");
  EXPECT_EQ(last.note, "现场查看属实");
}

TEST(GapTaskTest, ReturnedThenFixedAgain) {
  Fixture f;
  auto fixed = record_fix(f.task(), kCadre7, a_fix(), D(2020, 2, 21));
  ASSERT_TRUE(fixed.ok());
  auto returned = send_back(*fixed, kOfficer, D(2020, 2, 22), "照片不是该户住房", D(2020, 2, 22));
  ASSERT_TRUE(returned.ok()) << returned.error().message_zh;
  EXPECT_EQ(returned->state, TaskState::kReturned);
  EXPECT_EQ(returned->return_note, "照片不是该户住房");
  EXPECT_TRUE(returned->active());

  auto again = record_fix(*returned, kCadre7, a_fix(D(2020, 2, 25)), D(2020, 2, 25));
  ASSERT_TRUE(again.ok()) << again.error().message_zh;
  EXPECT_EQ(again->state, TaskState::kFixed);
  EXPECT_EQ(again->fix->on, D(2020, 2, 25));
  auto verified = verify(*again, kOfficer, D(2020, 2, 26), "", D(2020, 2, 26));
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(
      actions(*verified),
      (std::vector<TaskAction>{TaskAction::kOpen, TaskAction::kRecordFix, TaskAction::kSendBack,
                               TaskAction::kRecordFix, TaskAction::kVerify}));
}

GapTask in_state(TaskState s) {
  Fixture f;
  GapTask t = f.task();
  t.state = s;
  if (s == TaskState::kFixed) t.fix = a_fix();
  return t;
}

TEST(GapTaskTest, RefusesInvalidTransitions) {
  struct Case {
    TaskState state;
    TaskAction action;
  };
  const Case cases[] = {
      {TaskState::kOpen, TaskAction::kVerify},
      {TaskState::kOpen, TaskAction::kSendBack},
      {TaskState::kOpen, TaskAction::kReopen},
      {TaskState::kFixed, TaskAction::kRecordFix},
      {TaskState::kFixed, TaskAction::kReopen},
      {TaskState::kReturned, TaskAction::kVerify},
      {TaskState::kVerified, TaskAction::kRecordFix},
      {TaskState::kVerified, TaskAction::kVerify},
      {TaskState::kVerified, TaskAction::kAutoClose},
      {TaskState::kClosedAuto, TaskAction::kRecordFix},
      {TaskState::kClosedAuto, TaskAction::kAutoClose},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << id(c.state) << " + " << task_action_id(c.action));
    GapTask t = in_state(c.state);
    const TaskActor* actor = nullptr;
    if (c.action == TaskAction::kRecordFix) actor = &kCadre7;
    if (c.action == TaskAction::kVerify || c.action == TaskAction::kSendBack) actor = &kOfficer;
    auto st = may_apply(t, c.action, actor);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "task.invalid_transition");
    EXPECT_EQ(st.error().kind, ErrorKind::kConflict);
  }
  auto r = verify(in_state(TaskState::kOpen), kOfficer, D(2020, 2, 12), "", D(2020, 2, 12));
  ASSERT_FALSE(r.ok());
  // The rule as people name it, not its id (the message said 任务（housing.safe）).
  EXPECT_EQ(r.error().message_zh,
            "任务（住房安全有保障）当前状态为“待整改”，不能核实销号：只有“已整改待核实”状态的任务可"
            "以核实销号");
  EXPECT_EQ(r.error().message_en, "Cannot verify the task (" +
                                      std::string(find_rule("housing.safe")->name_en) +
                                      ") while it is open: only a task that is fixed can be");
}

TEST(GapTaskTest, RolesAreChecked) {
  struct Case {
    const char* name;
    TaskState state;
    TaskAction action;
    const TaskActor* actor;
    bool allowed;
  };
  const Case cases[] = {
      {"the responsible cadre fixes", TaskState::kOpen, TaskAction::kRecordFix, &kCadre7, true},
      {"the responsible cadre fixes a returned task", TaskState::kReturned, TaskAction::kRecordFix,
       &kCadre7, true},
      {"another cadre", TaskState::kOpen, TaskAction::kRecordFix, &kCadre8, false},
      {"an officer cannot fix", TaskState::kOpen, TaskAction::kRecordFix, &kOfficer, false},
      {"a village cadre cannot fix", TaskState::kOpen, TaskAction::kRecordFix, &kVillageCadre,
       false},
      {"the township's officer verifies", TaskState::kFixed, TaskAction::kVerify, &kOfficer, true},
      {"another township's officer", TaskState::kFixed, TaskAction::kVerify, &kOtherOfficer, false},
      {"the cadre cannot verify own fix", TaskState::kFixed, TaskAction::kVerify, &kCadre7, false},
      {"the officer sends back", TaskState::kFixed, TaskAction::kSendBack, &kOfficer, true},
      {"a village cadre cannot send back", TaskState::kFixed, TaskAction::kSendBack, &kVillageCadre,
       false},
      {"nobody closes by hand", TaskState::kOpen, TaskAction::kAutoClose, &kOfficer, false},
      {"the system closes", TaskState::kOpen, TaskAction::kAutoClose, nullptr, true},
      {"nobody reopens by hand", TaskState::kVerified, TaskAction::kReopen, &kOfficer, false},
      {"the system cannot fix", TaskState::kOpen, TaskAction::kRecordFix, nullptr, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto st = may_apply(in_state(c.state), c.action, c.actor);
    EXPECT_EQ(st.ok(), c.allowed);
    if (!c.allowed) {
      EXPECT_EQ(st.error().code, "task.forbidden");
    }
  }
  // A household without a responsible cadre: nobody may record a fix.
  GapTask t = in_state(TaskState::kOpen);
  t.cadre_id.reset();
  auto st = may_apply(t, TaskAction::kRecordFix, &kCadre7);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message_zh, "只有该户的责任结对帮扶干部可以登记整改此任务");
}

TEST(GapTaskTest, FixAndReviewInputIsValidated) {
  Fixture f;
  const GapTask t = f.task();
  struct Case {
    const char* name;
    void (*change)(TaskFix&);
    Date as_of;
    const char* code;
  };
  const Case cases[] = {
      {"fine", [](TaskFix&) {}, D(2020, 2, 21), nullptr},
      {"a photo alone is evidence", [](TaskFix& x) { x.evidence_note.clear(); }, D(2020, 2, 21),
       nullptr},
      {"a note alone is evidence", [](TaskFix& x) { x.photo_ref.clear(); }, D(2020, 2, 21),
       nullptr},
      {"nothing said", [](TaskFix& x) { x.what = " "; }, D(2020, 2, 21), "task.fix_what_required"},
      {"no evidence",
       [](TaskFix& x) {
         x.evidence_note.clear();
         x.photo_ref.clear();
       },
       D(2020, 2, 21), "task.fix_evidence_required"},
      {"before the task opened", [](TaskFix& x) { x.on = D(2020, 2, 11); }, D(2020, 2, 21),
       "task.date_before_opened"},
      {"in the future", [](TaskFix& x) { x.on = D(2020, 2, 22); }, D(2020, 2, 21),
       "task.date_future"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TaskFix fix = a_fix();
    c.change(fix);
    auto r = record_fix(t, kCadre7, fix, c.as_of);
    if (!c.code) {
      EXPECT_TRUE(r.ok()) << r.error().message_zh;
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, c.code);
    }
  }
  auto fixed = *record_fix(t, kCadre7, a_fix(), D(2020, 2, 21));
  auto no_note = send_back(fixed, kOfficer, D(2020, 2, 22), "  ", D(2020, 2, 22));
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().code, "task.return_note_required");
  auto early = verify(fixed, kOfficer, D(2020, 2, 19), "", D(2020, 2, 22));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "task.date_before_opened");
  auto future = verify(fixed, kOfficer, D(2020, 2, 23), "", D(2020, 2, 22));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, "task.date_future");
}

TEST(GapTaskTest, AutoCloseAndReopen) {
  Fixture f;
  for (TaskState s : {TaskState::kOpen, TaskState::kFixed, TaskState::kReturned}) {
    auto closed = auto_close(in_state(s), D(2020, 3, 1));
    ASSERT_TRUE(closed.ok()) << id(s);
    EXPECT_EQ(closed->state, TaskState::kClosedAuto);
    EXPECT_EQ(closed->closed_on, D(2020, 3, 1));
    EXPECT_EQ(closed->history.back().by, "system");
  }
  auto verified = *verify(*record_fix(f.task(), kCadre7, a_fix(), D(2020, 2, 21)), kOfficer,
                          D(2020, 2, 21), "", D(2020, 2, 21));
  f.h.housing_grade = 'C';
  auto again = check(f.h, f.config);
  auto reopened = reopen(verified, *again.find("housing.safe"), D(2020, 4, 1), f.config);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message_zh;
  EXPECT_EQ(reopened->state, TaskState::kOpen);
  EXPECT_EQ(reopened->reopened, 1);
  EXPECT_EQ(reopened->opened_on, D(2020, 4, 1));
  EXPECT_EQ(reopened->deadline, D(2020, 6, 30));
  EXPECT_EQ(reopened->reason_zh, "住房安全等级为C级（局部危房），不符合住房安全有保障");
  EXPECT_FALSE(reopened->fix.has_value());
  EXPECT_FALSE(reopened->verified_on.has_value());
  EXPECT_EQ(reopened->history.back().action, TaskAction::kReopen);
}

// ---------------------------------------------------------------------------
// reconcile
// ---------------------------------------------------------------------------
GapTask task_for(std::string rule_id, TaskState state, int64_t id, int64_t cadre = 7) {
  GapTask t;
  t.id = id;
  t.household_id = 1001;
  t.region_code = "430281126232";
  t.cadre_id = cadre;
  t.rule_id = std::move(rule_id);
  t.group = find_rule(t.rule_id) ? find_rule(t.rule_id)->group : RuleGroup::kConsistency;
  t.state = state;
  t.opened_on = D(2020, 1, 1);
  t.deadline = D(2020, 1, 31);
  if (state == TaskState::kFixed) t.fix = a_fix(D(2020, 1, 10));
  return t;
}

std::vector<std::string> rule_ids(const std::vector<GapTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.rule_id);
  return out;
}

TEST(ReconcileTest, NewGapsOpenTasksInRuleOrder) {
  auto h = test::good_household();
  h.housing_grade = 'D';
  h.members[1].basic_medical = false;
  h.water.quality.reset();  // unknown: no task
  const CheckConfig config;
  auto r = reconcile(h, {}, check(h, config), D(2020, 2, 12), config);
  EXPECT_EQ(rule_ids(r.opened), (std::vector<std::string>{"medical.insurance", "housing.safe"}));
  EXPECT_EQ(r.opened[0].deadline, D(2020, 3, 13));  // medical: 30 days
  EXPECT_EQ(r.opened[1].deadline, D(2020, 5, 12));  // housing: 90 days
  EXPECT_EQ(r.opened[0].cadre_id, 7);
  EXPECT_EQ(r.opened[0].reason_zh, "王秀英未参加基本医疗保险");
  EXPECT_TRUE(r.closed.empty());
  EXPECT_TRUE(r.reopened.empty());
  EXPECT_TRUE(r.reassigned.empty());
}

TEST(ReconcileTest, Table) {
  struct Case {
    const char* name;
    std::vector<GapTask> existing;
    char grade;  // housing grade now: 'A' passes, 'D' is a gap, '?' unknown
    int64_t cadre_now;
    std::vector<std::string> opened, closed, reopened, reassigned;
  };
  const Case cases[] = {
      {"gap still there, task open", {task_for("housing.safe", TaskState::kOpen, 1)}, 'D', 7},
      {"gap still there, task fixed awaiting verification",
       {task_for("housing.safe", TaskState::kFixed, 1)},
       'D',
       7},
      {"gap gone, task open",
       {task_for("housing.safe", TaskState::kOpen, 1)},
       'A',
       7,
       {},
       {"housing.safe"}},
      {"gap gone, task fixed",
       {task_for("housing.safe", TaskState::kFixed, 1)},
       'A',
       7,
       {},
       {"housing.safe"}},
      {"gap gone, task returned",
       {task_for("housing.safe", TaskState::kReturned, 1)},
       'A',
       7,
       {},
       {"housing.safe"}},
      {"gap gone, task verified", {task_for("housing.safe", TaskState::kVerified, 1)}, 'A', 7},
      {"gap came back after verification",
       {task_for("housing.safe", TaskState::kVerified, 1)},
       'D',
       7,
       {},
       {},
       {"housing.safe"}},
      {"gap came back after an auto-close",
       {task_for("housing.safe", TaskState::kClosedAuto, 1)},
       'D',
       7,
       {},
       {},
       {"housing.safe"}},
      {"unknown now: the task stays", {task_for("housing.safe", TaskState::kOpen, 1)}, '?', 7},
      {"the cadre changed",
       {task_for("housing.safe", TaskState::kOpen, 1)},
       'D',
       9,
       {},
       {},
       {},
       {"housing.safe"}},
      {"an old verified task and an active one",
       {task_for("housing.safe", TaskState::kVerified, 1),
        task_for("housing.safe", TaskState::kOpen, 2)},
       'D',
       7},
      {"a retired rule's task is left alone", {task_for("old.rule", TaskState::kOpen, 1)}, 'A', 7},
      {"no task yet", {}, 'D', 7, {"housing.safe"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto h = test::good_household();
    h.cadre_id = c.cadre_now;
    if (c.grade == '?')
      h.housing_grade.reset();
    else
      h.housing_grade = c.grade;
    const CheckConfig config;
    auto r = reconcile(h, c.existing, check(h, config), D(2020, 2, 12), config);
    EXPECT_EQ(rule_ids(r.opened), c.opened);
    EXPECT_EQ(rule_ids(r.closed), c.closed);
    EXPECT_EQ(rule_ids(r.reopened), c.reopened);
    EXPECT_EQ(rule_ids(r.reassigned), c.reassigned);
    for (const auto& t : r.closed) {
      EXPECT_EQ(t.state, TaskState::kClosedAuto);
      EXPECT_EQ(t.id, 1);
    }
    for (const auto& t : r.reopened) {
      EXPECT_EQ(t.state, TaskState::kOpen);
      EXPECT_EQ(t.deadline, D(2020, 5, 12));
      EXPECT_EQ(t.reopened, 1);
    }
    for (const auto& t : r.reassigned) EXPECT_EQ(t.cadre_id, 9);
    EXPECT_EQ(r.empty(),
              c.opened.empty() && c.closed.empty() && c.reopened.empty() && c.reassigned.empty());
  }
}

TEST(ReconcileTest, RecheckingTwiceChangesNothingMore) {
  auto h = test::good_household();
  h.housing_grade = 'D';
  h.visit->food_ok = false;
  const CheckConfig config;
  auto first = reconcile(h, {}, check(h, config), D(2020, 2, 12), config);
  ASSERT_EQ(first.opened.size(), 2u);
  auto second = reconcile(h, first.opened, check(h, config), D(2020, 2, 13), config);
  EXPECT_TRUE(second.empty());
}

// ---------------------------------------------------------------------------
// Overdue
// ---------------------------------------------------------------------------
TEST(OverdueTest, WhichTasksAreOverdue) {
  const Date as_of = D(2020, 2, 12);
  struct Case {
    TaskState state;
    Date deadline;
    bool overdue;
  };
  const Case cases[] = {
      {TaskState::kOpen, D(2020, 2, 11), true},
      {TaskState::kOpen, D(2020, 2, 12), false},  // due today
      {TaskState::kReturned, D(2020, 1, 1), true},
      {TaskState::kFixed, D(2020, 1, 1), true},  // not verified yet
      {TaskState::kVerified, D(2020, 1, 1), false},
      {TaskState::kClosedAuto, D(2020, 1, 1), false},
  };
  for (const auto& c : cases) {
    GapTask t = task_for("housing.safe", c.state, 1);
    t.deadline = c.deadline;
    EXPECT_EQ(is_overdue(t, as_of), c.overdue) << id(c.state) << " " << c.deadline.iso();
  }
}

TEST(OverdueTest, PerTownshipAndPerCadre) {
  const Date as_of = D(2020, 2, 12);
  auto t = [](int64_t id, const char* region, std::optional<int64_t> cadre, TaskState s,
              Date deadline) {
    GapTask g = task_for("housing.safe", s, id);
    g.region_code = region;
    g.cadre_id = cadre;
    g.deadline = deadline;
    return g;
  };
  const std::vector<GapTask> tasks = {
      t(1, "430281126232", 7, TaskState::kOpen, D(2020, 2, 1)),                  // 11 days overdue
      t(2, "430281126232003", 7, TaskState::kFixed, D(2020, 2, 10)),             // 2, awaiting
      t(3, "430281126201", 8, TaskState::kOpen, D(2020, 3, 1)),                  // not yet due
      t(4, "430281101201", std::nullopt, TaskState::kReturned, D(2020, 1, 12)),  // 31
      t(5, "430281101201", 8, TaskState::kVerified, D(2020, 1, 1)),              // settled
  };
  auto by_town = overdue_by_township(tasks, as_of);
  ASSERT_EQ(by_town.size(), 2u);
  EXPECT_EQ(by_town[0].township_code, "430281101");
  EXPECT_EQ(by_town[0].overdue, 1);
  EXPECT_EQ(by_town[0].awaiting_verification, 0);
  EXPECT_EQ(by_town[0].max_days_overdue, 31);
  EXPECT_EQ(by_town[1].township_code, "430281126");
  EXPECT_EQ(by_town[1].overdue, 2);
  EXPECT_EQ(by_town[1].awaiting_verification, 1);
  EXPECT_EQ(by_town[1].max_days_overdue, 11);

  auto by_cadre = overdue_by_cadre(tasks, as_of);
  ASSERT_EQ(by_cadre.size(), 2u);
  EXPECT_EQ(by_cadre[0].cadre_id, std::nullopt);  // tasks without a cadre first
  EXPECT_EQ(by_cadre[0].overdue, 1);
  EXPECT_EQ(by_cadre[1].cadre_id, 7);
  EXPECT_EQ(by_cadre[1].overdue, 2);
  EXPECT_EQ(by_cadre[1].awaiting_verification, 1);
}

TEST(TaskTransitionTableTest, IsData) {
  auto table = task_transitions();
  ASSERT_EQ(table.size(), 5u);
  EXPECT_EQ(table[0].action, TaskAction::kRecordFix);
  EXPECT_EQ(table[0].to, TaskState::kFixed);
  EXPECT_EQ(table[0].who, TaskActorKind::kResponsibleCadre);
  EXPECT_EQ(table[1].who, TaskActorKind::kTownshipOfficer);
  EXPECT_EQ(table[4].action, TaskAction::kReopen);
  EXPECT_EQ(table[4].who, TaskActorKind::kSystem);
}

}  // namespace
}  // namespace lz::poverty
