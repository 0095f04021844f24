#include "epidemic/campaign.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/id_number.h"
#include "core/text.h"
#include "epidemic/case.h"
#include "epidemic/detail.h"
#include "epidemic/observation.h"

namespace lz::epidemic {

Status validate_campaign(const Campaign& c) {
  std::vector<Error> errors;
  if (text::trim(c.name).empty())
    errors.push_back(invalid("campaign.name_required", "name", "请填写排查活动名称",
                             "Give the campaign a name"));
  std::string region = text::strip_spaces(c.region_prefix);
  if (region.empty() || !text::is_all_digits(region))
    errors.push_back(invalid("campaign.region_required", "region_prefix",
                             "请选择排查覆盖的区域（区划代码）",
                             "Choose the region the campaign covers (a division code)"));
  if (c.end_on < c.start_on)
    errors.push_back(invalid(
        "campaign.end_before_start", "end_on",
        fmt::format("结束日期{}早于开始日期{}", c.end_on.iso(), c.start_on.iso()),
        fmt::format("The end ({}) is before the start ({})", c.end_on.iso(), c.start_on.iso())));
  return detail::first_of(std::move(errors));
}

// ---------------------------------------------------------------------------
// Call lists
// ---------------------------------------------------------------------------
CallAssignment assign_calls(std::span<const HouseholdToCall> households,
                            std::span<const VillageCadres> village_cadres) {
  std::unordered_map<std::string, std::vector<int64_t>> cadres_of;
  for (const auto& v : village_cadres) {
    auto& list = cadres_of[v.village_code.substr(0, 12)];
    list.insert(list.end(), v.cadre_ids.begin(), v.cadre_ids.end());
  }
  for (auto& [village, list] : cadres_of) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  std::vector<const HouseholdToCall*> order;
  order.reserve(households.size());
  for (const auto& h : households) order.push_back(&h);
  std::sort(order.begin(), order.end(), [](const HouseholdToCall* a, const HouseholdToCall* b) {
    return a->household_id < b->household_id;
  });

  std::map<int64_t, std::vector<int64_t>> lists;
  std::unordered_map<int64_t, int64_t> load;
  CallAssignment out;
  // Paired households first, so the balancing sees every cadre's full load.
  for (const HouseholdToCall* h : order) {
    if (h->poor && h->paired_cadre_id) {
      lists[*h->paired_cadre_id].push_back(h->household_id);
      ++load[*h->paired_cadre_id];
    }
  }
  for (const HouseholdToCall* h : order) {
    if (h->poor && h->paired_cadre_id) continue;
    auto it = cadres_of.find(h->region_code.substr(0, 12));
    if (it == cadres_of.end() || it->second.empty()) {
      out.unassigned.push_back(h->household_id);
      continue;
    }
    int64_t best = it->second.front();
    for (int64_t c : it->second)
      if (load[c] < load[best]) best = c;  // ascending ids: ties keep the lowest
    lists[best].push_back(h->household_id);
    ++load[best];
  }
  for (auto& [cadre, ids] : lists) {
    std::sort(ids.begin(), ids.end());
    out.lists.push_back({cadre, std::move(ids)});
  }
  return out;
}

// ---------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------
static void check_id_number(const std::string& raw, Date as_of, const std::string& field,
                            std::vector<Error>& errors) {
  std::string s = text::strip_spaces(text::to_half_width(raw));
  if (s.empty()) return;
  auto id = IdNumber::parse(s, as_of);
  if (!id.ok()) {
    Error e = id.error();
    e.field = field;
    errors.push_back(std::move(e));
  }
}

Status validate_outcome(const CallOutcome& o, const Campaign& c, Date as_of,
                        const EpidemicConfig& config) {
  std::vector<Error> errors;
  const Date day = o.at.date();
  if (day > as_of)
    errors.push_back(
        detail::date_future("call.date_future", "at", "通话日期", "call date", day, as_of));
  else if (day < c.start_on || day > c.end_on)
    errors.push_back(invalid("call.date_outside_campaign", "at",
                             fmt::format("通话日期{}不在排查活动“{}”期间（{}至{}）", day.iso(),
                                         c.name, c.start_on.iso(), c.end_on.iso()),
                             fmt::format("The call ({}) is outside the campaign \"{}\" ({} to {})",
                                         day.iso(), c.name, c.start_on.iso(), c.end_on.iso())));
  if (o.result == CallResult::kUnreachable &&
      (!o.returnees.empty() || !o.symptomatic.empty() || !o.needs.empty()))
    errors.push_back(invalid("call.details_when_unreachable", "result",
                             "未联系上的住户不能登记返乡人员、症状或需求",
                             "An unreachable household cannot have returnees, symptoms or "
                             "needs recorded"));
  for (size_t i = 0; i < o.returnees.size(); ++i) {
    const ReturneeReport& r = o.returnees[i];
    const std::string at = fmt::format("returnees[{}]", i);
    if (!r.person_id && text::trim(r.name).empty())
      errors.push_back(invalid("call.returnee_person_required", at + ".name",
                               "请填写返乡人员的姓名", "Give the returnee's name"));
    check_id_number(r.id_number, as_of, at + ".id_number", errors);
    if (r.travel.arrived_on > day)
      errors.push_back(
          invalid("call.arrival_future", at + ".travel.arrived_on",
                  fmt::format("返乡日期{}晚于通话日期{}", r.travel.arrived_on.iso(), day.iso()),
                  fmt::format("The arrival ({}) is after the call ({})", r.travel.arrived_on.iso(),
                              day.iso())));
    if (text::trim(r.travel.from_place).empty())
      errors.push_back(invalid("call.from_place_required", at + ".travel.from_place",
                               "请填写从湖北何地返乡", "Say where in Hubei they came from"));
  }
  for (size_t i = 0; i < o.symptomatic.size(); ++i) {
    const SymptomReport& r = o.symptomatic[i];
    const std::string at = fmt::format("symptomatic[{}]", i);
    if (!r.person_id && text::trim(r.name).empty())
      errors.push_back(invalid("call.symptom_person_required", at + ".name",
                               "请填写有症状人员的姓名",
                               "Give the name of the person with symptoms"));
    check_id_number(r.id_number, as_of, at + ".id_number", errors);
    if (r.temperature_tenths) {
      Status t = validate_temperature(*r.temperature_tenths, at + ".temperature_tenths");
      if (!t) errors.push_back(t.error());
    }
    bool fever = r.temperature_tenths && *r.temperature_tenths >= config.fever_threshold_tenths;
    if (!fever && r.symptoms.empty())
      errors.push_back(invalid("call.symptom_report_empty", at + ".symptoms",
                               "请填写症状或发热体温", "Give the symptoms or the fever reading"));
  }
  for (size_t i = 0; i < o.needs.size(); ++i) {
    const NeedReport& n = o.needs[i];
    if ((n.kind == NeedKind::kProduceUnsold || n.kind == NeedKind::kOther) &&
        text::trim(n.note).empty())
      errors.push_back(invalid("call.need_note_required", fmt::format("needs[{}].note", i),
                               fmt::format("“{}”须说明具体内容（品种、数量等）", zh(n.kind)),
                               fmt::format("Describe the {} (what, how much)", en(n.kind))));
  }
  return detail::first_of(std::move(errors));
}

// ---------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------
CampaignCoverage call_coverage(std::span<const HouseholdToCall> households,
                               std::span<const CallOutcome> outcomes) {
  struct Flags {
    std::string village;
    bool called = false, reached = false, returnees = false, symptoms = false, needs = false;
  };
  std::unordered_map<int64_t, Flags> flags;
  flags.reserve(households.size());
  for (const auto& h : households) flags[h.household_id].village = h.region_code.substr(0, 12);
  for (const auto& o : outcomes) {
    auto it = flags.find(o.household_id);
    if (it == flags.end()) continue;
    Flags& f = it->second;
    f.called = true;
    if (o.result != CallResult::kReached) continue;
    f.reached = true;
    f.returnees |= !o.returnees.empty();
    f.symptoms |= !o.symptomatic.empty();
    f.needs |= !o.needs.empty();
  }
  std::map<std::string, VillageCoverage> villages;
  CampaignCoverage out;
  auto add = [](VillageCoverage& v, const Flags& f) {
    ++v.households;
    v.called += f.called;
    v.reached += f.reached;
    v.unreachable += f.called && !f.reached;
    v.with_returnees += f.returnees;
    v.with_symptoms += f.symptoms;
    v.with_needs += f.needs;
  };
  for (const auto& [id, f] : flags) {
    VillageCoverage& v = villages[f.village];
    v.village_code = f.village;
    add(v, f);
    add(out.total, f);
  }
  auto ratio = [](VillageCoverage& v) {
    v.coverage =
        v.households ? static_cast<double>(v.reached) / static_cast<double>(v.households) : 0.0;
  };
  for (auto& [code, v] : villages) {
    ratio(v);
    out.villages.push_back(v);
  }
  ratio(out.total);
  return out;
}

// ---------------------------------------------------------------------------
// Reactions
// ---------------------------------------------------------------------------
static bool monitored(PovertyStanding s) {
  return s == PovertyStanding::kLifted || s == PovertyStanding::kMarginal;
}

CallReactions reactions(const CallOutcome& o, const CallHousehold& h,
                        const EpidemicConfig& config) {
  CallReactions r;
  if (o.result != CallResult::kReached) return r;
  const Date day = o.at.date();
  const std::string ref = fmt::format("epidemic.call:{}", o.id);
  for (const ReturneeReport& x : o.returnees) {
    KeyPersonInput k;
    k.person_id = x.person_id;
    k.id_number = x.id_number;
    k.name = x.name;
    k.phone = x.phone;
    k.region_code = h.region_code;
    k.category = KeyCategory::kHubeiReturnee;
    k.source = KeySource::kPhoneScreening;
    k.added_on = day;
    k.travel = x.travel;
    k.source_ref = ref;
    k.by = o.by;
    r.key_persons.push_back(std::move(k));
  }
  for (const SymptomReport& x : o.symptomatic) {
    KeyPersonInput k;
    k.person_id = x.person_id;
    k.id_number = x.id_number;
    k.name = x.name;
    k.region_code = h.region_code;
    k.category = KeyCategory::kFever;
    k.source = KeySource::kPhoneScreening;
    k.added_on = day;
    k.temperature_tenths = x.temperature_tenths;
    k.symptoms = x.symptoms;
    k.source_ref = ref;
    k.by = o.by;
    bool fever = x.temperature_tenths && *x.temperature_tenths >= config.fever_threshold_tenths;
    k.note = fever ? fmt::format("电话排查：体温{}℃", format_temperature(*x.temperature_tenths))
                   : "电话排查：" + symptoms_zh(x.symptoms);
    r.key_persons.push_back(std::move(k));
  }
  for (const NeedReport& n : o.needs)
    r.support_requests.push_back({o.household_id, n.kind, text::trim(n.note), o.cadre_id, day});
  if (monitored(h.standing)) {
    for (const NeedReport& n : o.needs)
      if (n.kind == NeedKind::kProduceUnsold)
        r.relapse_triggers.push_back({o.household_id, RelapseTriggerKind::kProduceUnsold, day,
                                      std::nullopt, text::trim(n.note), ref});
    for (const ReturneeReport& x : o.returnees)
      if (x.person_id)
        r.relapse_triggers.push_back({o.household_id, RelapseTriggerKind::kEpidemicQuarantine, day,
                                      x.person_id,
                                      fmt::format("{}自{}返乡，需居家医学观察", text::trim(x.name),
                                                  text::trim(x.travel.from_place)),
                                      ref});
  }
  return r;
}

std::optional<RelapseTrigger> relapse_trigger_for(const Observation& o, int64_t household_id,
                                                  PovertyStanding standing) {
  if (!monitored(standing)) return std::nullopt;
  return RelapseTrigger{household_id,
                        RelapseTriggerKind::kEpidemicQuarantine,
                        o.start,
                        o.person_id,
                        fmt::format("{}（{}起）", zh(o.kind), o.start.iso()),
                        fmt::format("epidemic.observation:{}", o.id)};
}

std::optional<RelapseTrigger> relapse_trigger_for(const Case& c, int64_t household_id,
                                                  PovertyStanding standing) {
  if (!monitored(standing)) return std::nullopt;
  auto confirmed = c.date_of(CaseStatus::kConfirmed);
  if (!confirmed) return std::nullopt;
  return RelapseTrigger{household_id,
                        RelapseTriggerKind::kEpidemicInfection,
                        *confirmed,
                        c.person_id,
                        fmt::format("{}确诊新冠肺炎", confirmed->iso()),
                        fmt::format("epidemic.case:{}", c.id)};
}

}  // namespace lz::epidemic
