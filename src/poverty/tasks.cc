#include "poverty/tasks.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/text.h"
#include "poverty/check.h"

namespace lz::poverty {

static constexpr uint32_t bit(TaskState s) {
  return 1u << static_cast<unsigned>(s);
}

static const TaskTransition kTransitions[] = {
    {TaskAction::kRecordFix, bit(TaskState::kOpen) | bit(TaskState::kReturned), TaskState::kFixed,
     TaskActorKind::kResponsibleCadre},
    {TaskAction::kVerify, bit(TaskState::kFixed), TaskState::kVerified,
     TaskActorKind::kTownshipOfficer},
    {TaskAction::kSendBack, bit(TaskState::kFixed), TaskState::kReturned,
     TaskActorKind::kTownshipOfficer},
    {TaskAction::kAutoClose,
     bit(TaskState::kOpen) | bit(TaskState::kFixed) | bit(TaskState::kReturned),
     TaskState::kClosedAuto, TaskActorKind::kSystem},
    {TaskAction::kReopen, bit(TaskState::kVerified) | bit(TaskState::kClosedAuto), TaskState::kOpen,
     TaskActorKind::kSystem},
};

std::span<const TaskTransition> task_transitions() {
  return kTransitions;
}

const char* task_action_id(TaskAction a) {
  switch (a) {
    case TaskAction::kOpen:
      return "open";
    case TaskAction::kRecordFix:
      return "record_fix";
    case TaskAction::kVerify:
      return "verify";
    case TaskAction::kSendBack:
      return "send_back";
    case TaskAction::kAutoClose:
      return "auto_close";
    case TaskAction::kReopen:
      return "reopen";
  }
  return "";
}

static const char* action_zh(TaskAction a) {
  switch (a) {
    case TaskAction::kOpen:
      return "建立";
    case TaskAction::kRecordFix:
      return "登记整改";
    case TaskAction::kVerify:
      return "核实销号";
    case TaskAction::kSendBack:
      return "退回";
    case TaskAction::kAutoClose:
      return "复查消除";
    case TaskAction::kReopen:
      return "重新打开";
  }
  return "";
}
static const char* action_en(TaskAction a) {
  switch (a) {
    case TaskAction::kOpen:
      return "open";
    case TaskAction::kRecordFix:
      return "record a fix for";
    case TaskAction::kVerify:
      return "verify";
    case TaskAction::kSendBack:
      return "send back";
    case TaskAction::kAutoClose:
      return "close";
    case TaskAction::kReopen:
      return "reopen";
  }
  return "";
}

static const TaskTransition* transition_for(TaskAction a) {
  for (const auto& t : kTransitions)
    if (t.action == a) return &t;
  return nullptr;
}

static std::string states_zh(uint32_t mask) {
  std::string out;
  for (const auto& v : vocabulary<TaskState>()) {
    auto s = static_cast<TaskState>(&v - vocabulary<TaskState>().data());
    if (!(mask & bit(s))) continue;
    if (!out.empty()) out += "、";
    out += fmt::format("“{}”", v.zh);
  }
  return out;
}
static std::string states_en(uint32_t mask) {
  std::string out;
  for (const auto& v : vocabulary<TaskState>()) {
    auto s = static_cast<TaskState>(&v - vocabulary<TaskState>().data());
    if (!(mask & bit(s))) continue;
    if (!out.empty()) out += ", ";
    out += v.id;
  }
  return out;
}

static bool covers(const std::string& prefix, const std::string& region) {
  return !prefix.empty() && region.compare(0, prefix.size(), prefix) == 0;
}

// A task's rule as people name it (低保应保尽保), not its id (policy.dibao),
// in messages shown to users; the id when the rule is unknown.
static std::string rule_name_zh(const GapTask& t) {
  const Rule* r = find_rule(t.rule_id);
  return r ? std::string(r->name_zh) : t.rule_id;
}
static std::string rule_name_en(const GapTask& t) {
  const Rule* r = find_rule(t.rule_id);
  return r ? std::string(r->name_en) : t.rule_id;
}

Status may_apply(const GapTask& task, TaskAction action, const TaskActor* actor) {
  const TaskTransition* t = transition_for(action);
  if (!t) return internal("task.no_transition", "任务操作无定义", "The task action is not defined");
  if (!(t->from_states & bit(task.state))) {
    Error e =
        invalid("task.invalid_transition", "state",
                fmt::format("任务（{}）当前状态为“{}”，不能{}：只有{}状态的任务可以{}",
                            rule_name_zh(task), zh(task.state), action_zh(action),
                            states_zh(t->from_states), action_zh(action)),
                fmt::format("Cannot {} the task ({}) while it is {}: only a task that is {} can be",
                            action_en(action), rule_name_en(task), id(task.state),
                            states_en(t->from_states)));
    e.kind = ErrorKind::kConflict;
    return e;
  }
  switch (t->who) {
    case TaskActorKind::kSystem:
      if (actor)
        return invalid("task.forbidden", "actor",
                       fmt::format("“{}”由系统复查自动完成，不能人工操作", action_zh(action)),
                       fmt::format("Only the re-check may {} a task", action_en(action)));
      break;
    case TaskActorKind::kResponsibleCadre:
      if (!actor || actor->role != Role::kPairedCadre || !actor->cadre_id || !task.cadre_id ||
          *actor->cadre_id != *task.cadre_id)
        return invalid("task.forbidden", "actor",
                       fmt::format("只有该户的责任结对帮扶干部可以{}此任务", action_zh(action)),
                       fmt::format("Only the household's responsible paired cadre may {} this task",
                                   action_en(action)));
      break;
    case TaskActorKind::kTownshipOfficer:
      if (!actor || actor->role != Role::kTownshipOfficer ||
          !covers(actor->region_prefix, task.region_code))
        return invalid("task.forbidden", "actor",
                       fmt::format("只有该户所在乡镇的乡镇干部可以{}此任务", action_zh(action)),
                       fmt::format("Only a township officer of the household's township may {} "
                                   "this task",
                                   action_en(action)));
      break;
  }
  return Status::Ok();
}

static void log(GapTask& t, TaskAction a, TaskState to, Date on, std::string by, std::string note) {
  t.history.push_back({a, t.state, to, on, std::move(by), std::move(note)});
  t.state = to;
}

static Status check_date(Date on, Date not_before, const char* not_before_what_zh,
                         const char* not_before_what_en, Date as_of) {
  if (on < not_before)
    return invalid(
        "task.date_before_opened", "on",
        fmt::format("日期{}早于{}（{}）", on.iso(), not_before_what_zh, not_before.iso()),
        fmt::format("The date {} is before {} ({})", on.iso(), not_before_what_en,
                    not_before.iso()));
  if (on > as_of)
    return invalid("task.date_future", "on",
                   fmt::format("日期{}晚于今天（{}）", on.iso(), as_of.iso()),
                   fmt::format("The date {} is after today ({})", on.iso(), as_of.iso()));
  return Status::Ok();
}

GapTask open_task(const HouseholdFacts& h, const RuleResult& gap, Date on,
                  const CheckConfig& config) {
  GapTask t;
  t.household_id = h.household_id;
  t.region_code = h.region_code;
  t.cadre_id = h.cadre_id;
  t.rule_id = std::string(gap.rule->id);
  t.rule_version = gap.rule->version;
  t.group = gap.rule->group;
  t.reason_zh = gap.finding.reason_zh;
  t.reason_en = gap.finding.reason_en;
  t.field = gap.finding.field;
  t.state = TaskState::kOpen;
  t.opened_on = on;
  t.deadline = on.plus_days(config.task_deadline_days.for_group(t.group));
  t.history.push_back(
      {TaskAction::kOpen, TaskState::kOpen, TaskState::kOpen, on, "system", gap.finding.reason_zh});
  return t;
}

Result<GapTask> record_fix(const GapTask& task, const TaskActor& actor, TaskFix fix, Date as_of) {
  LZ_TRY(may_apply(task, TaskAction::kRecordFix, &actor));
  if (text::trim(fix.what).empty())
    return invalid("task.fix_what_required", "what", "请填写整改措施（做了什么）",
                   "Say what was done to fix the gap");
  if (text::trim(fix.evidence_note).empty() && text::trim(fix.photo_ref).empty())
    return invalid("task.fix_evidence_required", "evidence_note",
                   "请填写佐证说明或上传照片（二者至少其一）",
                   "Give an evidence note or a photo reference (at least one)");
  LZ_TRY(check_date(fix.on, task.opened_on, "任务建立日期", "the day the task was opened", as_of));
  GapTask t = task;
  fix.by = actor.login;
  std::string note = fix.what;
  t.fix = std::move(fix);
  log(t, TaskAction::kRecordFix, TaskState::kFixed, t.fix->on, actor.login, std::move(note));
  return t;
}

Result<GapTask> verify(const GapTask& task, const TaskActor& actor, Date on, std::string note,
                       Date as_of) {
  LZ_TRY(may_apply(task, TaskAction::kVerify, &actor));
  LZ_TRY(check_date(on, task.fix ? task.fix->on : task.opened_on, "整改日期", "the day of the fix",
                    as_of));
  GapTask t = task;
  t.verified_on = on;
  t.verified_by = actor.login;
  log(t, TaskAction::kVerify, TaskState::kVerified, on, actor.login, std::move(note));
  return t;
}

Result<GapTask> send_back(const GapTask& task, const TaskActor& actor, Date on, std::string note,
                          Date as_of) {
  LZ_TRY(may_apply(task, TaskAction::kSendBack, &actor));
  if (text::trim(note).empty())
    return invalid("task.return_note_required", "note", "退回时请说明原因（整改哪里不到位）",
                   "Say why the fix is sent back");
  LZ_TRY(check_date(on, task.fix ? task.fix->on : task.opened_on, "整改日期", "the day of the fix",
                    as_of));
  GapTask t = task;
  t.return_note = note;
  log(t, TaskAction::kSendBack, TaskState::kReturned, on, actor.login, std::move(note));
  return t;
}

Result<GapTask> auto_close(const GapTask& task, Date on) {
  LZ_TRY(may_apply(task, TaskAction::kAutoClose, nullptr));
  GapTask t = task;
  t.closed_on = on;
  log(t, TaskAction::kAutoClose, TaskState::kClosedAuto, on, "system", "复查未再发现该短板");
  return t;
}

Result<GapTask> reopen(const GapTask& task, const RuleResult& gap, Date on,
                       const CheckConfig& config) {
  LZ_TRY(may_apply(task, TaskAction::kReopen, nullptr));
  GapTask t = task;
  t.rule_version = gap.rule->version;
  t.group = gap.rule->group;
  t.reason_zh = gap.finding.reason_zh;
  t.reason_en = gap.finding.reason_en;
  t.field = gap.finding.field;
  t.opened_on = on;
  t.deadline = on.plus_days(config.task_deadline_days.for_group(t.group));
  t.fix.reset();
  t.verified_on.reset();
  t.verified_by.clear();
  t.return_note.clear();
  t.closed_on.reset();
  ++t.reopened;
  log(t, TaskAction::kReopen, TaskState::kOpen, on, "system", gap.finding.reason_zh);
  return t;
}

// The task that speaks for a rule: an active one if any, else the latest
// (by opened_on, then id, then position).
static const GapTask* current_task(std::span<const GapTask> tasks, std::string_view rule_id) {
  const GapTask* best = nullptr;
  for (const auto& t : tasks) {
    if (t.rule_id != rule_id) continue;
    if (!best) {
      best = &t;
      continue;
    }
    if (t.active() != best->active()) {
      if (t.active()) best = &t;
      continue;
    }
    if (t.opened_on > best->opened_on || (t.opened_on == best->opened_on && t.id >= best->id))
      best = &t;
  }
  return best;
}

Reconciliation reconcile(const HouseholdFacts& household, std::span<const GapTask> existing,
                         const CheckResult& now, Date as_of, const CheckConfig& config) {
  Reconciliation out;
  for (const RuleResult& r : now.results) {
    const GapTask* t = current_task(existing, r.rule->id);
    if (r.outcome == Outcome::kGap) {
      if (!t) {
        out.opened.push_back(open_task(household, r, as_of, config));
      } else if (t->state == TaskState::kVerified || t->state == TaskState::kClosedAuto) {
        auto re = reopen(*t, r, as_of, config);
        if (re) {
          re->cadre_id = household.cadre_id;
          out.reopened.push_back(std::move(*re));
        }
      } else if (t->cadre_id != household.cadre_id) {
        GapTask moved = *t;
        moved.cadre_id = household.cadre_id;
        out.reassigned.push_back(std::move(moved));
      }
    } else if (r.outcome == Outcome::kPass && t && t->active()) {
      auto closed = auto_close(*t, as_of);
      if (closed) out.closed.push_back(std::move(*closed));
    }
  }
  return out;
}

bool is_overdue(const GapTask& task, Date as_of) {
  return task.active() && task.deadline < as_of;
}

static std::string township_of(const std::string& region) {
  return region.substr(0, 9);
}

template <typename Key, typename KeyFn, typename Fill>
static std::vector<OverdueTally> tally(std::span<const GapTask> tasks, Date as_of, KeyFn key,
                                       Fill fill) {
  std::map<Key, OverdueTally> by;
  for (const auto& t : tasks) {
    if (!is_overdue(t, as_of)) continue;
    OverdueTally& o = by[key(t)];
    fill(o, t);
    ++o.overdue;
    o.awaiting_verification += t.state == TaskState::kFixed;
    o.max_days_overdue = std::max(o.max_days_overdue, as_of - t.deadline);
  }
  std::vector<OverdueTally> out;
  out.reserve(by.size());
  for (auto& [k, v] : by) out.push_back(std::move(v));
  return out;
}

std::vector<OverdueTally> overdue_by_township(std::span<const GapTask> tasks, Date as_of) {
  return tally<std::string>(
      tasks, as_of, [](const GapTask& t) { return township_of(t.region_code); },
      [](OverdueTally& o, const GapTask& t) { o.township_code = township_of(t.region_code); });
}

std::vector<OverdueTally> overdue_by_cadre(std::span<const GapTask> tasks, Date as_of) {
  // Tasks without a cadre sort first (key -1).
  return tally<int64_t>(
      tasks, as_of, [](const GapTask& t) { return t.cadre_id.value_or(-1); },
      [](OverdueTally& o, const GapTask& t) { o.cadre_id = t.cadre_id; });
}

}  // namespace lz::poverty
