#include "livelihood/resumption.h"

#include <fmt/format.h>

namespace lz::livelihood {

namespace {

const enums::Value kItems[] = {
    {"masks", "口罩", "masks"},
    {"thermometers", "体温计", "thermometers"},
    {"disinfectant", "消毒液", "disinfectant"},
    {"entry_checks", "进厂测温", "temperature checks at the entrance"},
    {"disinfection", "日常消毒", "disinfection routine"},
    {"separate_meals", "分餐就餐", "separate meals"},
    {"workers_health", "职工健康登记", "every worker's health registered"},
};

const enums::Value kStates[] = {
    {"draft", "草稿", "draft"},
    {"submitted", "已提交", "submitted"},
    {"approved", "已批准复工", "approved"},
    {"returned", "已退回", "returned"},
};

Error wrong_state(const Resumption& r, const char* action_zh, const char* action_en) {
  return conflict("resumption.state", "state",
                  fmt::format("复工申请当前为“{}”，不能{}",
                              kStates[static_cast<size_t>(r.state)].zh, action_zh),
                  fmt::format("The resumption application is {}: it cannot be {}",
                              kStates[static_cast<size_t>(r.state)].en, action_en));
}

}  // namespace

std::span<const enums::Value> checklist_items() {
  return kItems;
}
const char* id(ChecklistItem i) {
  return kItems[static_cast<size_t>(i)].id;
}
const char* id(ResumptionState s) {
  return kStates[static_cast<size_t>(s)].id;
}
const char* label_zh(ResumptionState s) {
  return kStates[static_cast<size_t>(s)].zh;
}
std::optional<ResumptionState> parse_resumption_state(std::string_view s) {
  for (size_t i = 0; i < std::size(kStates); ++i)
    if (s == kStates[i].id) return static_cast<ResumptionState>(i);
  return std::nullopt;
}

std::vector<MissingItem> missing_items(const Checklist& c, const Workforce& w,
                                       const ResumptionConfig& cfg) {
  std::vector<MissingItem> out;
  int64_t workers = std::max<int64_t>(w.workers, 1);
  int64_t masks = cfg.masks_per_worker * workers;
  if (c.masks < masks)
    out.push_back({ChecklistItem::kMasks,
                   fmt::format("口罩库存至少{}只（{}名职工），现有{}只", masks, w.workers, c.masks),
                   fmt::format("at least {} masks in stock ({} workers), {} now", masks, w.workers,
                               c.masks)});
  int64_t per = std::max<int64_t>(cfg.thermometer_per_workers, 1);
  int64_t thermo = (workers + per - 1) / per;
  if (c.thermometers < thermo)
    out.push_back({ChecklistItem::kThermometers,
                   fmt::format("体温计至少{}支，现有{}支", thermo, c.thermometers),
                   fmt::format("at least {} thermometers, {} now", thermo, c.thermometers)});
  if (c.disinfectant_ml < cfg.disinfectant_min_ml)
    out.push_back({ChecklistItem::kDisinfectant,
                   fmt::format("消毒液库存至少{:g}升，现有{:g}升", cfg.disinfectant_min_ml / 1000.0,
                               c.disinfectant_ml / 1000.0),
                   fmt::format("at least {:g} L of disinfectant, {:g} L now",
                               cfg.disinfectant_min_ml / 1000.0, c.disinfectant_ml / 1000.0)});
  if (!c.entry_checks)
    out.push_back({ChecklistItem::kEntryChecks, "须落实进厂测温",
                   "temperature checks at the entrance must be in place"});
  if (!c.disinfection)
    out.push_back({ChecklistItem::kDisinfection, "须落实日常消毒",
                   "a disinfection routine must be in place"});
  if (!c.separate_meals)
    out.push_back(
        {ChecklistItem::kSeparateMeals, "须落实分餐就餐", "meals must be taken separately"});
  if (w.workers == 0)
    out.push_back({ChecklistItem::kWorkersHealth, "尚未登记职工", "no worker is registered yet"});
  else if (w.declared < w.workers)
    out.push_back({ChecklistItem::kWorkersHealth,
                   fmt::format("{}名职工中还有{}名未作健康申报", w.workers, w.workers - w.declared),
                   fmt::format("{} of {} workers have no health declaration",
                               w.workers - w.declared, w.workers)});
  return out;
}

Error incomplete_error(const std::vector<MissingItem>& missing) {
  std::string zh, en;
  for (const auto& m : missing) {
    const auto& v = kItems[static_cast<size_t>(m.item)];
    zh += fmt::format("{}{}：{}", zh.empty() ? "" : "；", v.zh, m.need_zh);
    en += fmt::format("{}{}: {}", en.empty() ? "" : "; ", v.en, m.need_en);
  }
  Error e = invalid(
      "resumption.incomplete", "checklist",
      fmt::format("复工检查清单尚未齐备（{}项）：{}", missing.size(), zh),
      fmt::format("The resumption checklist is incomplete ({} items): {}", missing.size(), en));
  for (const auto& m : missing) {
    const auto& v = kItems[static_cast<size_t>(m.item)];
    e.details.push_back(
        invalid(fmt::format("resumption.missing.{}", v.id), fmt::format("checklist.{}", v.id),
                fmt::format("{}：{}", v.zh, m.need_zh), fmt::format("{}: {}", v.en, m.need_en)));
  }
  return e;
}

Result<Resumption> edit_checklist(const Resumption& r, const Checklist& c) {
  if (r.state != ResumptionState::kDraft && r.state != ResumptionState::kReturned)
    return wrong_state(r, "修改检查清单", "edited");
  auto neg = [](const char* f, const char* zh, const char* en) {
    return invalid("resumption.quantity", fmt::format("checklist.{}", f),
                   fmt::format("{}数量不能为负数", zh),
                   fmt::format("The quantity of {} cannot be negative", en));
  };
  if (c.masks < 0) return neg("masks", "口罩", "masks");
  if (c.thermometers < 0) return neg("thermometers", "体温计", "thermometers");
  if (c.disinfectant_ml < 0) return neg("disinfectant", "消毒液", "disinfectant");
  Resumption out = r;
  out.checklist = c;
  return out;
}

Result<Resumption> submit(const Resumption& r, const Workforce& w, Date on, const std::string& by,
                          const ResumptionConfig& cfg) {
  if (r.state != ResumptionState::kDraft && r.state != ResumptionState::kReturned)
    return wrong_state(r, "提交", "submitted");
  auto missing = missing_items(r.checklist, w, cfg);
  if (!missing.empty()) return incomplete_error(missing);
  Resumption out = r;
  out.state = ResumptionState::kSubmitted;
  out.submitted_on = on;
  out.steps.push_back({ResumptionState::kSubmitted, on, by, ""});
  return out;
}

Result<Resumption> approve(const Resumption& r, const Workforce& w, Date on, const std::string& by,
                           const std::string& note, const ResumptionConfig& cfg) {
  if (r.state != ResumptionState::kSubmitted) return wrong_state(r, "批准", "approved");
  if (r.submitted_on && on < *r.submitted_on)
    return invalid("resumption.date", "on", "批准日期不能早于提交日期",
                   "Approval cannot predate the submission");
  auto missing = missing_items(r.checklist, w, cfg);
  if (!missing.empty()) return incomplete_error(missing);
  Resumption out = r;
  out.state = ResumptionState::kApproved;
  out.approved_on = on;
  out.steps.push_back({ResumptionState::kApproved, on, by, note});
  return out;
}

Result<Resumption> return_for_changes(const Resumption& r, const std::string& reason, Date on,
                                      const std::string& by) {
  if (r.state != ResumptionState::kSubmitted) return wrong_state(r, "退回", "returned");
  if (reason.find_first_not_of(" \t\n") == std::string::npos)
    return invalid("resumption.reason_required", "reason", "退回须说明原因",
                   "A return needs a reason");
  Resumption out = r;
  out.state = ResumptionState::kReturned;
  out.return_reason = reason;
  out.steps.push_back({ResumptionState::kReturned, on, by, reason});
  return out;
}

}  // namespace lz::livelihood
