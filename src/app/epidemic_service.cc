#include "app/epidemic_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/id_number.h"
#include "core/text.h"
#include "store/sqlite/db.h"

namespace lz::app {

using namespace lz::epidemic;
using sqlite::Tx;

EpidemicService::EpidemicService(sqlite::SqliteEpidemicStore& store, PovertyService& poverty,
                                 EpidemicConfig config, std::function<Date()> today)
    : store_(store), poverty_(poverty), config_(config), today_(std::move(today)) {}

Date EpidemicService::today() {
  if (today_) return today_();
  return Date::today();
}

// ---------------------------------------------------------------- reactions

void EpidemicService::poverty_reaction(const std::optional<RelapseTrigger>& t, Reactions& out,
                                       const Actor& actor) {
  if (!t) return;
  poverty::Trigger trigger;
  auto kind = poverty::parse<poverty::TriggerKind>(id(t->kind));
  if (!kind) return;
  trigger.kind = *kind;
  trigger.on = t->on;
  trigger.person_id = t->person_id;
  trigger.note = t->note;
  auto r = poverty_.open_monitoring(t->household_id, trigger, t->source_ref, actor);
  if (r)
    out.risk_cases.push_back(r->id);
  else
    out.skipped.push_back(r.error());
}

// A person known to the registry by the ID number given is that person
// (their region counts; a different name is refused).
static Status resolve_by_id_number(sqlite::SqliteEpidemicStore& store, KeyPersonInput& in,
                                   Date today) {
  if (in.person_id || in.id_number.empty()) return {};
  auto id = IdNumber::parse(in.id_number, today.plus_days(1));
  if (!id) return {};  // validation names the problem
  auto p = store.person_by_id_number(id->str());
  if (!p) return p.error();
  if (*p) {
    if (!in.name.empty() && text::normalize(in.name) != (*p)->name)
      return conflict(
          "key_person.name_mismatch", "name",
          fmt::format("公民身份号码{}在户籍库中登记的姓名是“{}”，不是“{}”，请核对", (*p)->id_number,
                      (*p)->name, in.name),
          fmt::format(
              "The ID number {} is registered to \"{}\", not \"{}\": check the name and the "
              "number",
              (*p)->id_number, (*p)->name, in.name));
    in.person_id = (*p)->id;
  }
  return {};
}

Result<std::optional<int64_t>> EpidemicService::list_key_person(const KeyPersonInput& given,
                                                                const Actor& actor,
                                                                bool* person_created) {
  KeyPersonInput raw = given;
  LZ_TRY(resolve_by_id_number(store_, raw, today()));
  auto in = validate_key_person(raw, today());
  if (!in) return in.error();
  std::optional<sqlite::PersonBrief> found;
  if (in->person_id) {
    auto p = store_.person(*in->person_id);
    if (!p) return p.error();
    found = *p;
  } else {
    auto p = store_.person_by_id_number(in->id_number);
    if (!p) return p.error();
    found = *p;
  }
  Person existing;
  if (found) {
    existing.id = found->id;
    existing.name = found->name;
    existing.id_number = found->id_number;
  }
  auto link = link_person(*in, found ? &existing : nullptr);
  if (!link) return link.error();
  int64_t person_id = 0;
  KeyPersonInput with_region = *in;
  if (link->existing_person_id) {
    person_id = *link->existing_person_id;
    with_region.region_code = found->region_code;  // a key person counts where they are registered
  } else {
    auto created = store_.add_outside_person(*link->new_person, actor);
    if (!created) return created.error();
    person_id = *created;
    if (person_created) *person_created = true;
  }
  auto existing_listings = store_.key_persons_of(person_id);
  if (!existing_listings) return existing_listings.error();
  auto k = make_key_person(with_region, person_id, *existing_listings);
  if (!k) {
    if (k.error().code == "key_person.duplicate") return std::optional<int64_t>();
    return k.error();
  }
  k->added_by = in->by.empty() ? actor.name : in->by;
  auto saved = store_.add_key_person(*k, actor);
  if (!saved) return saved.error();
  return std::optional<int64_t>(saved->id);
}

Result<Observation> EpidemicService::extend_if_exposed(int64_t person_id, Date exposure_on,
                                                       const std::string& note, Reactions& out,
                                                       const Actor& actor) {
  auto open = store_.open_observations_of(person_id);
  if (!open) return open.error();
  Observation last;
  for (const auto& v : *open) {
    auto ext = extend_for_exposure(v.o, exposure_on, today(), note, today(), config_);
    if (!ext) return ext.error();
    if (ext->extensions.size() == v.o.extensions.size()) continue;  // not later: unchanged
    auto saved = store_.save_observation(*ext, v.cadre_id, v.version, "observation.extend", actor);
    if (!saved) return saved.error();
    out.observations_extended.push_back(saved->o.id);
    last = saved->o;
  }
  return last;
}

// ---------------------------------------------------------------- key persons

Result<KeyPersonResult> EpidemicService::add_key_person(KeyPersonInput in, const Actor& actor) {
  if (in.added_on == Date()) in.added_on = today();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  bool created = false;
  LZ_TRY(resolve_by_id_number(store_, in, today()));
  // A duplicate is an error for a direct listing (the user asked for it).
  auto valid = validate_key_person(in, today());
  if (!valid) return valid.error();
  if (!in.person_id) {
    auto p = store_.person_by_id_number(valid->id_number);
    if (!p) return p.error();
    if (*p) {
      auto listed = store_.key_persons_of((*p)->id);
      if (!listed) return listed.error();
      auto dup = make_key_person(*valid, (*p)->id, *listed);
      if (!dup && dup.error().code == "key_person.duplicate") return dup.error();
    }
  } else {
    auto listed = store_.key_persons_of(*in.person_id);
    if (!listed) return listed.error();
    auto dup = make_key_person(*valid, *in.person_id, *listed);
    if (!dup && dup.error().code == "key_person.duplicate") return dup.error();
  }
  auto id = list_key_person(in, actor, &created);
  if (!id) return id.error();
  if (!*id)
    return internal("key_person.not_listed", "重点人员未能登记", "The key person was not listed");
  auto view = store_.key_person(**id);
  if (!view) return view.error();
  LZ_TRY(tx.commit());
  return KeyPersonResult{*view, created};
}

// ---------------------------------------------------------------- cases

static Result<std::optional<RelapseTrigger>> case_trigger(sqlite::SqliteEpidemicStore& store,
                                                          const Case& c,
                                                          const sqlite::PersonBrief& p) {
  auto standing = store.standing_of_household(p.household_id);
  if (!standing) return standing.error();
  if (!p.household_id) return std::optional<RelapseTrigger>();
  return relapse_trigger_for(c, *p.household_id, *standing);
}

Result<CaseResult> EpidemicService::open_case(int64_t person_id, CaseStep first,
                                              const Actor& actor) {
  auto p = store_.person(person_id);
  if (!p) return p.error();
  first.by = actor.name;
  auto c = epidemic::open_case(person_id, p->region_code, first, today());
  if (!c) return c.error();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto saved = store_.save_case(*c, 0, "case.open", actor);
  if (!saved) return saved.error();
  CaseResult out{*saved, {}};
  if (auto cat = category_for(c->status)) {
    KeyPersonInput k;
    k.person_id = person_id;
    k.category = *cat;
    k.source = KeySource::kHospital;
    k.added_on = first.on;
    k.source_ref = fmt::format("epidemic.case:{}", saved->c.id);
    auto listed = list_key_person(k, actor);
    if (!listed) return listed.error();
    if (*listed) out.reactions.key_persons.push_back(**listed);
  }
  auto trig = case_trigger(store_, saved->c, *p);
  if (!trig) return trig.error();
  poverty_reaction(*trig, out.reactions, actor);
  LZ_TRY(tx.commit());
  return out;
}

Result<CaseResult> EpidemicService::advance_case(int64_t case_id, CaseStep step,
                                                 int64_t expected_version, const Actor& actor) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto cur = store_.get_case(case_id);
  if (!cur) return cur.error();
  if (cur->version != expected_version)
    return conflict(
        "version.stale", "version",
        fmt::format("病例{}已被他人修改（当前版本{}），请刷新后重试", case_id, cur->version),
        fmt::format("Case {} was changed by someone else (now version {}); reload and retry",
                    case_id, cur->version));
  step.by = actor.name;
  auto next = advance(cur->c, step, today());
  if (!next) return next.error();
  auto saved = store_.save_case(*next, expected_version, "case.advance", actor);
  if (!saved) return saved.error();
  CaseResult out{*saved, {}};
  if (auto cat = category_for(step.status)) {
    KeyPersonInput k;
    k.person_id = cur->c.person_id;
    k.category = *cat;
    k.source = KeySource::kHospital;
    k.added_on = step.on;
    k.source_ref = fmt::format("epidemic.case:{}", case_id);
    auto listed = list_key_person(k, actor);
    if (!listed) return listed.error();
    if (*listed) out.reactions.key_persons.push_back(**listed);
  }
  if (step.status == CaseStatus::kConfirmed) {
    auto trig = case_trigger(store_, saved->c, cur->person);
    if (!trig) return trig.error();
    poverty_reaction(*trig, out.reactions, actor);
  }
  LZ_TRY(tx.commit());
  return out;
}

// ---------------------------------------------------------------- contacts

Result<ContactResult> EpidemicService::add_contact(Contact c, const Actor& actor) {
  if (auto st = validate_contact(c, today()); !st) return st.error();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  for (int64_t pid : {c.person_a, c.person_b}) {
    auto p = store_.person(pid);
    if (!p) {
      Error e = p.error();
      e.field = pid == c.person_a ? "person_a" : "person_b";
      return e;
    }
  }
  auto saved = store_.add_contact(c, actor);
  if (!saved) return saved.error();
  ContactResult out{*saved, {}};
  // A close contact with a (not excluded) case is an exposure for the other
  // person: their running observation is extended if it is later.
  if (c.closeness == Closeness::kClose) {
    for (auto [self, other] :
         {std::pair{c.person_a, c.person_b}, std::pair{c.person_b, c.person_a}}) {
      auto cases = store_.cases_of(other);
      if (!cases) return cases.error();
      bool is_case = std::any_of(cases->begin(), cases->end(),
                                 [](const Case& k) { return k.status != CaseStatus::kExcluded; });
      if (!is_case) continue;
      auto ext =
          extend_if_exposed(self, c.on, fmt::format("与病例（人员{}）{}接触", other, c.on.iso()),
                            out.reactions, actor);
      if (!ext) return ext.error();
    }
  }
  LZ_TRY(tx.commit());
  return out;
}

Result<ChainResult> EpidemicService::chain(int64_t person_id, const TraceOptions& options) {
  auto graph = store_.contact_graph();
  if (!graph) return graph.error();
  ChainResult out;
  out.trace = (*graph)->trace(person_id, options);
  out.graph_persons = (*graph)->person_count();
  out.graph_pairs = (*graph)->pair_count();
  std::vector<int64_t> ids;
  ids.reserve(out.trace.reached.size());
  for (const auto& r : out.trace.reached) ids.push_back(r.person_id);
  auto persons = store_.persons(ids);
  if (!persons) return persons.error();
  // persons() returns found persons in the order asked; line them up by id.
  out.persons.resize(ids.size());
  size_t j = 0;
  for (size_t i = 0; i < ids.size() && j < persons->size(); ++i)
    if ((*persons)[j].id == ids[i]) out.persons[i] = (*persons)[j++];
  return out;
}

// ---------------------------------------------------------------- observations

Result<ObservationResult> EpidemicService::plan_observation(ObservationPlan plan,
                                                            std::optional<int64_t> cadre_id,
                                                            const Actor& actor) {
  auto p = store_.person(plan.person_id);
  if (!p) return p.error();
  plan.region_code = p->region_code;
  plan.by = actor.name;
  if (plan.start == Date()) plan.start = today();
  auto o = epidemic::plan_observation(plan, today(), config_);
  if (!o) return o.error();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto open = store_.open_observations_of(plan.person_id);
  if (!open) return open.error();
  for (const auto& v : *open)
    if (is_under_observation(v.o, o->start))
      return conflict(
          "observation.already_open", "person_id",
          fmt::format("此人正在医学观察中（记录{}，至{}），如有新的暴露请延长该观察", v.o.id,
                      v.o.planned_end.plus_days(-1).iso()),
          fmt::format(
              "This person is already under observation (record {}, until {}); extend it for "
              "a later exposure",
              v.o.id, v.o.planned_end.plus_days(-1).iso()));
  auto saved = store_.save_observation(*o, cadre_id, 0, "observation.plan", actor);
  if (!saved) return saved.error();
  ObservationResult out{*saved, {}};
  auto standing = store_.standing_of_household(p->household_id);
  if (!standing) return standing.error();
  if (p->household_id)
    poverty_reaction(relapse_trigger_for(saved->o, *p->household_id, *standing), out.reactions,
                     actor);
  LZ_TRY(tx.commit());
  return out;
}

Result<sqlite::ObservationView> EpidemicService::extend_observation(int64_t id, Date exposure_on,
                                                                    std::optional<Date> found_on,
                                                                    std::string note,
                                                                    int64_t expected_version,
                                                                    const Actor& actor) {
  auto cur = store_.observation(id);
  if (!cur) return cur.error();
  auto ext = extend_for_exposure(cur->o, exposure_on, found_on.value_or(today()), std::move(note),
                                 today(), config_);
  if (!ext) return ext.error();
  if (ext->extensions.size() == cur->o.extensions.size())
    return invalid(
        "observation.not_later", "exposure_on",
        fmt::format("该暴露日期不晚于原观察的计算起点，观察期不变（仍至{}）",
                    cur->o.planned_end.plus_days(-1).iso()),
        fmt::format("That exposure is not later than the one the period counts from; it still ends "
                    "after {}",
                    cur->o.planned_end.plus_days(-1).iso()));
  return store_.save_observation(*ext, cur->cadre_id, expected_version, "observation.extend",
                                 actor);
}

Result<sqlite::ObservationView> EpidemicService::release_observation(int64_t id, Release r,
                                                                     int64_t expected_version,
                                                                     const Actor& actor) {
  auto cur = store_.observation(id);
  if (!cur) return cur.error();
  r.by = actor.name;
  auto next = release(cur->o, r, today());
  if (!next) return next.error();
  return store_.save_observation(*next, cur->cadre_id, expected_version, "observation.release",
                                 actor);
}

Result<FollowUpResult> EpidemicService::record_follow_up(int64_t observation_id, FollowUp f,
                                                         const Actor& actor) {
  auto cur = store_.observation(observation_id);
  if (!cur) return cur.error();
  return record_follow_up(*cur, std::move(f), actor);
}

Result<FollowUpResult> EpidemicService::record_follow_up(const sqlite::ObservationView& cur,
                                                         FollowUp f, const Actor& actor) {
  const int64_t observation_id = cur.o.id;
  auto existing = store_.follow_ups_of(observation_id);
  if (!existing) return existing.error();
  if (f.by.empty()) f.by = actor.name;
  if (f.at == DateTime()) {
    // Entered now: the county's day, at the wall clock's minute.
    auto now = DateTime::parse_iso(now_iso().substr(0, 16));
    f.at = DateTime::of(today(), now ? now->minute_of_day() / 60 : 12,
                        now ? now->minute_of_day() % 60 : 0);
  }
  auto rec = epidemic::record_follow_up(cur.o, f, *existing, today());
  if (!rec) return rec.error();
  auto alert = alert_for(*rec, config_);
  auto saved = store_.add_follow_up(*rec, alert.has_value(), actor);
  if (!saved) return saved.error();
  return FollowUpResult{*saved, alert};
}

Result<std::vector<DueItem>> EpidemicService::follow_ups_due(const std::string& region_prefix,
                                                             std::optional<int64_t> cadre_id,
                                                             Date d) {
  std::vector<sqlite::ObservationDue> obs;
  std::vector<FollowUpRecord> fus;
  LZ_TRY(store_.due_inputs(region_prefix, cadre_id, d, obs, fus));
  std::vector<ObservationRecord> records;
  records.reserve(obs.size());
  std::map<int64_t, const sqlite::ObservationDue*> by_id;
  for (const auto& o : obs) {
    records.push_back(o.record);
    by_id[o.record.observation_id] = &o;
  }
  std::vector<DueItem> out;
  for (const FollowUpItem& it : follow_up_items(records, fus, d)) {
    const auto* o = by_id[it.observation_id];
    out.push_back({it, o ? o->cadre_id : std::nullopt, o ? o->record.region_code : ""});
  }
  return out;
}

// ---------------------------------------------------------------- campaigns

Result<Campaign> EpidemicService::create_campaign(Campaign c, const Actor& actor) {
  c.by = actor.name;
  if (auto st = validate_campaign(c); !st) return st.error();
  auto households = store_.households_to_call(c.region_prefix);
  if (!households) return households.error();
  if (households->empty())
    return invalid(
        "campaign.no_households", "region_code",
        fmt::format("区划{}下没有登记的户，无法开展电话排查", c.region_prefix),
        fmt::format("There are no registered households under {} to call", c.region_prefix));
  auto cadres = store_.village_cadres(c.region_prefix);
  if (!cadres) return cadres.error();
  CallAssignment a = assign_calls(*households, *cadres);
  return store_.add_campaign(c, a, actor);
}

Result<CallResultOut> EpidemicService::record_call(int64_t campaign_id, int64_t household_id,
                                                   CallOutcome o, const Actor& actor) {
  auto c = store_.campaign(campaign_id);
  if (!c) return c.error();
  auto row = store_.call(campaign_id, household_id);
  if (!row) return row.error();
  if (!*row)
    return not_found("call.not_found", "household_id",
                     fmt::format("户{}不在排查活动{}的名单中", household_id, campaign_id),
                     fmt::format("Household {} is not on the call list of campaign {}",
                                 household_id, campaign_id));
  o.campaign_id = campaign_id;
  o.household_id = household_id;
  if (o.cadre_id == 0 && (*row)->cadre_id) o.cadre_id = *(*row)->cadre_id;
  o.by = actor.name;
  if (o.at == DateTime()) {
    auto now = DateTime::parse_iso(now_iso().substr(0, 16));
    o.at = DateTime::of(today(), now ? now->minute_of_day() / 60 : 12,
                        now ? now->minute_of_day() % 60 : 0);
  }
  if (auto st = validate_outcome(o, *c, today(), config_); !st) return st.error();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto saved = store_.add_outcome(o, actor);
  if (!saved) return saved.error();
  CallResultOut out{*saved, {}};
  CallHousehold h{household_id, (*row)->region_code, PovertyStanding::kNone};
  auto standing = store_.standing_of_household(household_id);
  if (!standing) return standing.error();
  h.standing = *standing;
  CallReactions r = reactions(*saved, h, config_);
  for (size_t i = 0; i < r.key_persons.size(); ++i) {
    auto listed = list_key_person(r.key_persons[i], actor);
    if (!listed) {
      Error e = listed.error();
      e.field = fmt::format("key_persons[{}].{}", i, e.field);
      return e;
    }
    if (*listed) out.reactions.key_persons.push_back(**listed);
  }
  for (const auto& t : r.relapse_triggers) poverty_reaction(t, out.reactions, actor);
  out.reactions.support_requests = r.support_requests;
  LZ_TRY(tx.commit());
  return out;
}

Result<CampaignCoverage> EpidemicService::coverage(int64_t campaign_id,
                                                   const std::string& region_prefix) {
  auto households = store_.campaign_households(campaign_id);
  if (!households) return households.error();
  std::erase_if(*households, [&](const HouseholdToCall& h) {
    return !h.region_code.starts_with(region_prefix);
  });
  auto outcomes = store_.outcomes(campaign_id);
  if (!outcomes) return outcomes.error();
  return call_coverage(*households, *outcomes);
}

// ---------------------------------------------------------------- checkpoints

Result<Checkpoint> EpidemicService::create_checkpoint(Checkpoint c, const Actor& actor) {
  if (auto st = validate_checkpoint(c); !st) return st.error();
  return store_.add_checkpoint(c, actor);
}

Result<DutyShift> EpidemicService::add_shift(DutyShift s, const Actor& actor) {
  auto cp = store_.checkpoint(s.checkpoint_id);
  if (!cp) return cp.error();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto roster = store_.shifts(std::nullopt);
  if (!roster) return roster.error();
  if (auto st = validate_shift(s, *roster, config_); !st) return st.error();
  auto saved = store_.add_shift(s, actor);
  if (!saved) return saved.error();
  LZ_TRY(tx.commit());
  return saved;
}

Result<PassageResult> EpidemicService::record_passage(Passage p, const Actor& actor) {
  auto cp = store_.checkpoint(p.checkpoint_id);
  if (!cp) return cp.error();
  p.by = actor.name;
  auto valid = validate_passage(p, today());
  if (!valid) return valid.error();
  int fever_count = fevers(*valid, config_);
  int max_t = 0;
  for (const auto& t : valid->travellers) max_t = std::max(max_t, t.temperature_tenths);
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto saved = store_.add_passage(*valid, fever_count, max_t / 10.0, actor);
  if (!saved) return saved.error();
  PassageResult out{*saved, {}};
  // Referrals need who it is: a traveller to be referred (a fever, or from
  // Hubei when those are referred) without a name and an ID number is
  // refused, so the checkpoint takes them down on the spot.
  bool hubei = config_.refer_hubei_at_checkpoint && from_hubei(*valid);
  for (size_t i = 0; i < valid->travellers.size(); ++i) {
    const Traveller& t = valid->travellers[i];
    bool fever = is_fever(t.temperature_tenths, config_);
    if (!fever && !hubei) continue;
    if (!t.id_number.empty() && !t.name.empty()) continue;
    std::string path = fmt::format("travellers[{}]", i);
    return invalid(
        "passage.referral_identity_required", path + (t.name.empty() ? ".name" : ".id_number"),
        fmt::format("第{}位人员{}，须登记姓名和公民身份号码以便转为重点人员", i + 1,
                    fever ? "体温异常" : "来自湖北"),
        fmt::format(
            "Traveller {} {}: the name and ID number are needed to refer them as a key person",
            i + 1, fever ? "has a fever" : "comes from Hubei"));
  }
  std::vector<KeyPersonInput> refs = referrals(saved->p, cp->region_code, config_);
  for (size_t r = 0; r < refs.size(); ++r) {
    auto& k = refs[r];
    std::string path = fmt::format("referrals[{}]", r);
    auto listed = list_key_person(k, actor);
    if (!listed) {
      Error e = listed.error();
      e.field = path + "." + e.field;
      return e;
    }
    if (*listed) {
      out.reactions.key_persons.push_back(**listed);
      out.view.key_person_ids.push_back(**listed);
    }
  }
  LZ_TRY(tx.commit());
  return out;
}

}  // namespace lz::app
