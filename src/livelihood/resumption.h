// The resumption checklist (复工复产) and its approval, as a domain rule:
// what an enterprise must have before the township lets it resume work, which
// items are missing, and the states of its application. No SQL, no HTTP.
//
// Items (each must hold; ResumptionConfig has the thresholds, settings not
// constants):
//   masks          masks in stock >= masks_per_worker x workers (default 14:
//                  two a day for a week), and at least masks_per_worker
//   thermometers   thermometers >= 1 per thermometer_per_workers workers
//                  (default 1 per 50, at least 1)
//   disinfectant   disinfectant in stock >= disinfectant_min_ml (default 5 L)
//   entry_checks   temperature checks at the entrance
//   disinfection   a disinfection routine
//   separate_meals separate (staggered or boxed) meals
//   workers_health computed, not declared: at least one active worker and
//                  every active worker registered with a health declaration
//
// States: draft -> submitted -> approved | returned; returned -> submitted
// again (after edits). Only draft and returned checklists may be edited;
// approved is final. Submission and approval both refuse an incomplete
// checklist (resumption.incomplete, one detail per missing item, field
// checklist.<item>): approval checks again, since workers may have been
// added since. A return needs a reason.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "registry/enums.h"

namespace lz::livelihood {

struct ResumptionConfig {
  int64_t masks_per_worker = 14;
  int64_t thermometer_per_workers = 50;
  int64_t disinfectant_min_ml = 5000;
};

struct Checklist {
  int64_t masks = 0;            // pieces in stock
  int64_t thermometers = 0;     // pieces
  int64_t disinfectant_ml = 0;  // millilitres in stock (the API speaks litres)
  bool entry_checks = false;
  bool disinfection = false;
  bool separate_meals = false;
};

// The worker list as the checklist sees it.
struct Workforce {
  int64_t workers = 0;   // active workers
  int64_t declared = 0;  // of whom with a health declaration
};

enum class ChecklistItem : uint8_t {
  kMasks,
  kThermometers,
  kDisinfectant,
  kEntryChecks,
  kDisinfection,
  kSeparateMeals,
  kWorkersHealth,
};
std::span<const enums::Value> checklist_items();
const char* id(ChecklistItem i);

struct MissingItem {
  ChecklistItem item;
  std::string need_zh, need_en;  // what is needed, e.g. "口罩至少280只（现有100只）"
};

// Every missing item, in the order above.
std::vector<MissingItem> missing_items(const Checklist& c, const Workforce& w,
                                       const ResumptionConfig& cfg = {});

enum class ResumptionState : uint8_t { kDraft, kSubmitted, kApproved, kReturned };
const char* id(ResumptionState s);
const char* label_zh(ResumptionState s);
std::optional<ResumptionState> parse_resumption_state(std::string_view s);

struct ResumptionStep {
  ResumptionState state = ResumptionState::kDraft;
  Date on;
  std::string by;
  std::string note;
};

struct Resumption {
  int64_t enterprise_id = 0;
  ResumptionState state = ResumptionState::kDraft;
  Checklist checklist;
  std::optional<Date> submitted_on, approved_on;
  std::string return_reason;  // the last return's
  std::vector<ResumptionStep> steps;
  int64_t version = 0;  // 0 = not stored yet
};

// Edits the checklist (draft or returned only: resumption.not_editable, a
// conflict). Negative quantities: resumption.quantity at checklist.<item>.
Result<Resumption> edit_checklist(const Resumption& r, const Checklist& c);
// draft | returned -> submitted, when nothing is missing.
Result<Resumption> submit(const Resumption& r, const Workforce& w, Date on, const std::string& by,
                          const ResumptionConfig& cfg = {});
// submitted -> approved, when nothing is missing (checked again).
Result<Resumption> approve(const Resumption& r, const Workforce& w, Date on, const std::string& by,
                           const std::string& note, const ResumptionConfig& cfg = {});
// submitted -> returned, with a reason.
Result<Resumption> return_for_changes(const Resumption& r, const std::string& reason, Date on,
                                      const std::string& by);

// The error naming every missing item (resumption.incomplete).
Error incomplete_error(const std::vector<MissingItem>& missing);

}  // namespace lz::livelihood
