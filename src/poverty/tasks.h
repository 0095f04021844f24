// Gap tasks (发现问题短板及时解决): each gap the check finds becomes a task for the
// household's responsible paired cadre, with a deadline by rule group. A pure
// state machine: functions take a task and return the changed copy or an
// Error; the store persists what they return.
//
//   open ──record_fix (responsible cadre)──> fixed ──verify (township officer)──> verified
//    ^                                         │
//    └──── returned <──send_back (officer)─────┘     returned ──record_fix──> fixed
//   open | fixed | returned ──auto_close (re-check: gap gone)──> closed_auto
//   verified | closed_auto ──reopen (re-check: gap came back)──> open
//
// reconcile() compares a household's tasks with a new CheckResult and says
// which to open, auto-close, reopen and reassign. Overdue: a task not yet
// verified or closed (open, returned, or fixed awaiting verification) whose
// deadline is before as_of.
//
// Called by the store/API (task endpoints, the re-check job) and the demo.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "core/error.h"
#include "poverty/check.h"
#include "poverty/config.h"
#include "poverty/facts.h"

namespace lz::poverty {

enum class TaskAction : uint8_t { kOpen, kRecordFix, kVerify, kSendBack, kAutoClose, kReopen };
const char* task_action_id(TaskAction a);  // "open", "record_fix", "verify", ...

// Who may take an action.
enum class TaskActorKind : uint8_t {
  kResponsibleCadre,  // the paired cadre the task is assigned to (role paired_cadre)
  kTownshipOfficer,   // a township_officer whose region covers the household
  kSystem,            // the check itself (reconcile)
};

// The transition table, as data: from which states an action may be taken,
// the state it leads to, and who may take it.
struct TaskTransition {
  TaskAction action;
  uint32_t from_states;  // bit per TaskState
  TaskState to;
  TaskActorKind who;
};
std::span<const TaskTransition> task_transitions();

// What the cadre did.
struct TaskFix {
  std::string what;           // what was done (required)
  std::string evidence_note;  // an evidence note ...
  std::string photo_ref;      // ... or a photo reference: at least one of the two
  Date on;
  std::string by;  // login
};

struct TaskEvent {
  TaskAction action = TaskAction::kOpen;
  TaskState from = TaskState::kOpen, to = TaskState::kOpen;
  Date on;
  std::string by;    // login, or "system"
  std::string note;  // what was done / why returned / the gap's reason
};

struct GapTask {
  int64_t id = 0;  // assigned by the store; 0 = not yet stored
  int64_t household_id = 0;
  std::string region_code;          // the household's village or group
  std::optional<int64_t> cadre_id;  // responsible paired cadre (may be none)
  std::string rule_id;
  int rule_version = 1;
  RuleGroup group = RuleGroup::kConsistency;
  std::string reason_zh, reason_en, field;  // the gap as last found
  TaskState state = TaskState::kOpen;
  Date opened_on;  // first opened, or last reopened
  Date deadline;
  std::optional<TaskFix> fix;  // the latest fix
  std::optional<Date> verified_on;
  std::string verified_by;
  std::string return_note;        // why it was last sent back
  std::optional<Date> closed_on;  // closed_auto
  int reopened = 0;               // times reopened
  std::vector<TaskEvent> history;

  // open, fixed or returned: the gap is not settled.
  bool active() const {
    return state == TaskState::kOpen || state == TaskState::kFixed || state == TaskState::kReturned;
  }
};

// Who is acting (from the signed-in account).
struct TaskActor {
  std::string login;
  Role role = Role::kPairedCadre;
  std::optional<int64_t> cadre_id;  // paired cadres
  std::string region_prefix;        // township officers: their township
};

// Checks the state and the actor for `action` (actor null = the system).
// Error codes: task.invalid_transition (ErrorKind::kConflict), task.forbidden
// (kInvalid; the API answers 403).
Status may_apply(const GapTask& task, TaskAction action, const TaskActor* actor);

// A new open task for a gap found on `on` (deadline by the rule's group).
GapTask open_task(const HouseholdFacts& household, const RuleResult& gap, Date on,
                  const CheckConfig& config);

// open | returned -> fixed, by the responsible cadre. Needs `what` and an
// evidence note or photo reference; the date may not be before the task was
// opened nor after as_of. Codes: task.fix_what_required,
// task.fix_evidence_required, task.date_before_opened, task.date_future.
Result<GapTask> record_fix(const GapTask& task, const TaskActor& actor, TaskFix fix, Date as_of);
// fixed -> verified, by a township officer covering the household.
Result<GapTask> verify(const GapTask& task, const TaskActor& actor, Date on, std::string note,
                       Date as_of);
// fixed -> returned, by a township officer; the note (why) is required
// (task.return_note_required).
Result<GapTask> send_back(const GapTask& task, const TaskActor& actor, Date on, std::string note,
                          Date as_of);
// open | fixed | returned -> closed_auto: the re-check found the gap gone.
Result<GapTask> auto_close(const GapTask& task, Date on);
// verified | closed_auto -> open: the gap came back; new reason and deadline.
Result<GapTask> reopen(const GapTask& task, const RuleResult& gap, Date on,
                       const CheckConfig& config);

struct Reconciliation {
  std::vector<GapTask> opened;      // new tasks (id 0) for new gaps
  std::vector<GapTask> closed;      // active tasks whose gap is gone (now closed_auto)
  std::vector<GapTask> reopened;    // settled tasks whose gap came back (now open)
  std::vector<GapTask> reassigned;  // active tasks moved to the household's current cadre
  bool empty() const {
    return opened.empty() && closed.empty() && reopened.empty() && reassigned.empty();
  }
};

// Compares one household's tasks (any states, any age) with a new check:
//  - a gap with no task for its rule opens one;
//  - a gap whose latest task is verified or closed_auto reopens that task;
//  - a gap with an active task leaves it (reassigned if the cadre changed);
//  - a pass closes the rule's active task (closed_auto); an unknown leaves it
//    (the gap is not shown gone);
//  - tasks of rules no longer in the check are left alone.
// Results are in rules() order; deterministic.
Reconciliation reconcile(const HouseholdFacts& household, std::span<const GapTask> existing,
                         const CheckResult& now, Date as_of, const CheckConfig& config);

bool is_overdue(const GapTask& task, Date as_of);

struct OverdueTally {
  std::string township_code;          // by township: the 9-digit prefix
  std::optional<int64_t> cadre_id;    // by cadre (none: tasks without a cadre)
  int64_t overdue = 0;                // overdue tasks
  int64_t awaiting_verification = 0;  // of which fixed, waiting for the officer
  int max_days_overdue = 0;
};
// Only keys with overdue tasks; sorted by key.
std::vector<OverdueTally> overdue_by_township(std::span<const GapTask> tasks, Date as_of);
std::vector<OverdueTally> overdue_by_cadre(std::span<const GapTask> tasks, Date as_of);

}  // namespace lz::poverty
