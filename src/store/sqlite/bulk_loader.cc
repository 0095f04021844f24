#include "store/sqlite/bulk_loader.h"

#include <nlohmann/json.hpp>

#include "epidemic/json.h"
#include "poverty/vocab.h"

namespace lz::sqlite {

SqliteBulkLoader::SqliteBulkLoader(Db& db, std::string_view actor, std::string_view timestamp)
    : db_(db),
      now_(timestamp.empty() ? now_iso() : std::string(timestamp)),
      actor_(actor),
      region_(db.prepare("INSERT INTO region (code, name, level, parent_code) VALUES (?,?,?,?)")),
      household_(db.prepare("INSERT INTO household (id, number, region_code, address, phone, "
                            "head_person_id, version, created_at, "
                            "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,?,?,?)")),
      person_(db.prepare("INSERT INTO person (id, household_id, name, id_number, sex, birth_date, "
                         "relationship, ethnicity, "
                         "education, enrolment, health, labour, phone, region_code, version, "
                         "created_at, created_by, updated_at, "
                         "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)")),
      poverty_(db.prepare("INSERT INTO poverty_household (household_id, status, registered_year, "
                          "lifted_year, version, created_at, "
                          "created_by, updated_at, updated_by) VALUES (?,?,?,?,1,?,?,?,?)")),
      cadre_(db.prepare("INSERT INTO cadre (id, name, unit, phone, region_code, version, "
                        "created_at, created_by, updated_at, "
                        "updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)")),
      cadre_kind_(db.prepare("INSERT INTO cadre_kind (cadre_id, kind) VALUES (?,?)")),
      team_(db.prepare(
          "INSERT INTO village_team (id, village_code, name, leader_cadre_id, from_date, to_date, "
          "version, "
          "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,?,?,?)")),
      team_member_(db.prepare("INSERT INTO village_team_member (team_id, cadre_id) VALUES (?,?)")),
      pairing_(db.prepare("INSERT INTO pairing (id, cadre_id, household_id, from_date, to_date, "
                          "version, created_at, created_by, "
                          "updated_at, updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)")),
      cause_(db.prepare("INSERT INTO poverty_cause (household_id, cause, is_main) VALUES (?,?,?)")),
      income_(db.prepare(
          "INSERT INTO poverty_income (household_id, year, wage_fen, business_fen, property_fen, "
          "transfer_fen, "
          "business_costs_fen, version, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,1,?,?)")),
      member_(db.prepare("INSERT INTO poverty_member (person_id, household_id, basic_medical, "
                         "serious_illness, chronic_card, "
                         "disability_certificate, disability_subsidy, updated_at, updated_by) "
                         "VALUES (?,?,?,?,?,?,?,?,?)")),
      condition_(db.prepare("INSERT INTO poverty_condition (household_id, housing_grade, "
                            "water_quality, water_quantity, "
                            "water_convenience, water_reliability, dibao, tekun, version, "
                            "updated_at, updated_by) VALUES "
                            "(?,?,?,?,?,?,?,?,1,?,?)")),
      loan_(db.prepare("INSERT INTO microcredit_loan (household_id, amount_fen, start_date, "
                       "due_date, repaid_fen, repaid_on, "
                       "created_at, created_by) VALUES (?,?,?,?,?,?,?,?)")),
      measure_(db.prepare("INSERT INTO assistance_measure (household_id, kind, on_date, "
                          "amount_fen, note, created_at, created_by) "
                          "VALUES (?,?,?,?,'',?,?)")),
      risk_(db.prepare(
          "INSERT INTO risk_case (household_id, category, trigger_kind, trigger_on, person_id, "
          "kinds, opened_on, "
          "deadline, closed_on, close_method, note, close_note, closed_by, source, version, "
          "created_at, created_by, "
          "updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'demo',1,?,?,?,?)")),
      visit_(db.prepare("INSERT INTO visit (household_id, cadre_id, visited_on, mode, food_ok, "
                        "clothing_ok, notes, created_at, "
                        "created_by) VALUES (?,?,?,?,?,?,?,?,?)")),
      key_person_(db.prepare(
          "INSERT INTO key_person (id, person_id, category, source, region_code, added_on, "
          "arrival_on, arrived_from, "
          "travel_mode, note, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")),
      case_(db.prepare("INSERT INTO epi_case (id, person_id, region_code, state, suspected_on, "
                       "suspected_place, confirmed_on, "
                       "confirmed_place, closed_on, closed_place, version, created_at, created_by, "
                       "updated_at, updated_by) VALUES "
                       "(?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)")),
      contact_(db.prepare("INSERT INTO contact (person_a, person_b, on_date, setting, closeness, "
                          "created_at, created_by) VALUES "
                          "(?,?,?,?,?,?,?)")),
      observation_(db.prepare("INSERT INTO observation (id, person_id, region_code, kind, site, "
                              "room, start_on, last_exposure, "
                              "planned_end, released_on, cadre_id, version, created_at, "
                              "created_by, updated_at, updated_by) VALUES "
                              "(?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)")),
      follow_up_(db.prepare("INSERT INTO follow_up (observation_id, on_date, done_at, temperature, "
                            "symptoms, alert, by_name) VALUES "
                            "(?,?,?,?,?,?,?)")),
      checkpoint_(db.prepare("INSERT INTO checkpoint (id, name, location, region_code, created_at, "
                             "created_by) VALUES (?,?,?,?,?,?)")),
      passage_(db.prepare("INSERT INTO passage (checkpoint_id, at, on_date, plate, persons, "
                          "origin, max_temperature, fever, "
                          "created_by) VALUES (?,?,?,?,?,?,?,?,?)")) {}

Result<std::unique_ptr<SqliteBulkLoader>> SqliteBulkLoader::begin(Db& db, std::string_view actor,
                                                                  std::string_view timestamp) {
  std::unique_ptr<SqliteBulkLoader> l(new SqliteBulkLoader(db, actor, timestamp));
  auto st = db.exec("BEGIN IMMEDIATE");
  if (!st) return st.error();
  l->open_ = true;
  // Every row here is new: the household_facts triggers (a sub-program and
  // a statement journal per row) wait until commit().
  auto pause = FactsTriggersPause::begin(db);
  if (!pause) return pause.error();
  l->facts_pause_ = std::move(pause).value();
  return l;
}

SqliteBulkLoader::~SqliteBulkLoader() {
  if (open_) (void)db_.exec("ROLLBACK");
}

Status SqliteBulkLoader::add_region(const Region& r) {
  region_.bind(1, r.code).bind(2, r.name).bind(3, level_name(r.level));
  if (r.parent_code.empty())
    region_.bind_null(4);
  else
    region_.bind(4, r.parent_code);
  return region_.exec();
}

Status SqliteBulkLoader::add_household(const Household& h) {
  household_.bind(1, h.id)
      .bind(2, h.number)
      .bind(3, h.region_code)
      .bind(4, h.address)
      .bind(5, h.phone);
  household_.bind(6, h.head_person_id).bind(7, now_).bind(8, actor_).bind(9, now_).bind(10, actor_);
  LZ_TRY(household_.exec());
  for (const auto& p : h.members) {
    person_.bind(1, p.id).bind(2, h.id).bind(3, p.name).bind(4, p.id_number).bind(5, p.sex);
    person_.bind(6, p.birth_date.iso())
        .bind(7, p.relationship)
        .bind(8, p.ethnicity)
        .bind(9, p.education);
    person_.bind(10, p.enrolment)
        .bind(11, p.health)
        .bind(12, p.labour)
        .bind(13, p.phone)
        .bind(14, h.region_code);
    person_.bind(15, now_).bind(16, actor_).bind(17, now_).bind(18, actor_);
    LZ_TRY(person_.exec());
  }
  return {};
}

Status SqliteBulkLoader::add_poverty_status(int64_t household_id, const std::string& status,
                                            int registered_year, std::optional<int> lifted_year) {
  poverty_.bind(1, household_id).bind(2, status);
  if (registered_year > 0)
    poverty_.bind(3, registered_year);
  else
    poverty_.bind_null(3);
  if (lifted_year)
    poverty_.bind(4, *lifted_year);
  else
    poverty_.bind_null(4);
  poverty_.bind(5, now_).bind(6, actor_).bind(7, now_).bind(8, actor_);
  return poverty_.exec();
}

Status SqliteBulkLoader::add_cadre(const Cadre& c) {
  cadre_.bind(1, c.id).bind(2, c.name).bind(3, c.unit).bind(4, c.phone).bind(5, c.region_code);
  cadre_.bind(6, now_).bind(7, actor_).bind(8, now_).bind(9, actor_);
  LZ_TRY(cadre_.exec());
  for (const auto& k : c.kinds) LZ_TRY(cadre_kind_.bind(1, c.id).bind(2, k).exec());
  return {};
}

Status SqliteBulkLoader::add_village_team(const VillageTeam& t) {
  team_.bind(1, t.id)
      .bind(2, t.village_code)
      .bind(3, t.name)
      .bind(4, t.leader_cadre_id)
      .bind(5, t.from_date.iso());
  if (t.to_date)
    team_.bind(6, t.to_date->iso());
  else
    team_.bind_null(6);
  team_.bind(7, now_).bind(8, actor_).bind(9, now_).bind(10, actor_);
  LZ_TRY(team_.exec());
  for (auto cid : t.member_cadre_ids) LZ_TRY(team_member_.bind(1, t.id).bind(2, cid).exec());
  return {};
}

Status SqliteBulkLoader::add_pairing(const Pairing& p) {
  pairing_.bind(1, p.id).bind(2, p.cadre_id).bind(3, p.household_id).bind(4, p.from_date.iso());
  if (p.to_date)
    pairing_.bind(5, p.to_date->iso());
  else
    pairing_.bind_null(5);
  pairing_.bind(6, now_).bind(7, actor_).bind(8, now_).bind(9, actor_);
  return pairing_.exec();
}

Status SqliteBulkLoader::commit() {
  LZ_TRY(facts_pause_.resume_all(db_));
  auto st = db_.exec("COMMIT");
  if (st) open_ = false;
  return st;
}

}  // namespace lz::sqlite

namespace lz::sqlite {

using namespace lz::poverty;

static void bind_tri(Stmt& s, int i, const std::optional<bool>& b) {
  if (b)
    s.bind(i, static_cast<int64_t>(*b));
  else
    s.bind_null(i);
}
static void bind_fen(Stmt& s, int i, const std::optional<int64_t>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind_null(i);
}

Status SqliteBulkLoader::add_poverty_details(const HouseholdFacts& f, int year) {
  const int64_t hid = f.household_id;
  for (size_t i = 0; i < vocabulary<Cause>().size(); ++i) {
    auto c = static_cast<Cause>(i);
    if (f.causes.has(c))
      LZ_TRY(cause_.bind(1, hid)
                 .bind(2, id(c))
                 .bind(3, static_cast<int64_t>(f.main_cause && *f.main_cause == c))
                 .exec());
  }
  const auto& in = f.income;
  if (in.wage_fen || in.business_fen || in.property_fen || in.transfer_fen ||
      in.business_costs_fen) {
    income_.bind(1, hid).bind(2, static_cast<int64_t>(year));
    bind_fen(income_, 3, in.wage_fen);
    bind_fen(income_, 4, in.business_fen);
    bind_fen(income_, 5, in.property_fen);
    bind_fen(income_, 6, in.transfer_fen);
    bind_fen(income_, 7, in.business_costs_fen);
    income_.bind(8, now_).bind(9, actor_);
    LZ_TRY(income_.exec());
  }
  for (const auto& m : f.members) {
    member_.bind(1, m.person_id).bind(2, hid);
    bind_tri(member_, 3, m.basic_medical);
    bind_tri(member_, 4, m.serious_illness);
    bind_tri(member_, 5, m.chronic_card);
    member_.bind(6, m.disability_certificate);
    bind_tri(member_, 7, m.disability_subsidy);
    member_.bind(8, now_).bind(9, actor_);
    LZ_TRY(member_.exec());
  }
  condition_.bind(1, hid);
  if (f.housing_grade)
    condition_.bind(2, std::string(1, *f.housing_grade));
  else
    condition_.bind_null(2);
  bind_tri(condition_, 3, f.water.quality);
  bind_tri(condition_, 4, f.water.quantity);
  bind_tri(condition_, 5, f.water.convenience);
  bind_tri(condition_, 6, f.water.reliability);
  bind_tri(condition_, 7, f.benefits.dibao);
  bind_tri(condition_, 8, f.benefits.tekun);
  condition_.bind(9, now_).bind(10, actor_);
  LZ_TRY(condition_.exec());
  for (const auto& l : f.benefits.loans) {
    loan_.bind(1, hid)
        .bind(2, l.amount_fen)
        .bind(3, l.start.iso())
        .bind(4, l.due.iso())
        .bind(5, l.repaid_fen);
    if (l.repaid_on)
      loan_.bind(6, l.repaid_on->iso());
    else
      loan_.bind_null(6);
    loan_.bind(7, now_).bind(8, actor_);
    LZ_TRY(loan_.exec());
  }
  for (const auto& m : f.measures)
    LZ_TRY(measure_.bind(1, hid)
               .bind(2, id(m.kind))
               .bind(3, m.on.iso())
               .bind(4, m.amount_fen)
               .bind(5, now_)
               .bind(6, actor_)
               .exec());
  for (const auto& r : f.risks) {
    std::string kinds;
    for (size_t i = 0; i < vocabulary<RiskKind>().size(); ++i)
      if (r.kinds.has(static_cast<RiskKind>(i)))
        kinds += (kinds.empty() ? "" : ",") + std::string(id(static_cast<RiskKind>(i)));
    risk_.bind(1, hid).bind(2, id(r.category));
    if (r.trigger)
      risk_.bind(3, id(*r.trigger));
    else
      risk_.bind_null(3);
    risk_.bind(4, r.trigger_on.iso());
    if (r.person_id)
      risk_.bind(5, *r.person_id);
    else
      risk_.bind_null(5);
    risk_.bind(6, kinds).bind(7, r.opened_on.iso()).bind(8, r.deadline.iso());
    if (r.closed_on)
      risk_.bind(9, r.closed_on->iso());
    else
      risk_.bind_null(9);
    if (r.close_method)
      risk_.bind(10, id(*r.close_method));
    else
      risk_.bind_null(10);
    risk_.bind(11, r.note).bind(12, r.close_note).bind(13, r.closed_by);
    risk_.bind(14, now_).bind(15, actor_).bind(16, now_).bind(17, actor_);
    LZ_TRY(risk_.exec());
  }
  return {};
}

Status SqliteBulkLoader::add_visit(int64_t household_id, std::optional<int64_t> cadre_id,
                                   const VisitFacts& v, const std::string& notes) {
  visit_.bind(1, household_id);
  if (cadre_id)
    visit_.bind(2, *cadre_id);
  else
    visit_.bind_null(2);
  visit_.bind(3, v.on.iso()).bind(4, v.mode == VisitMode::kPhone ? "phone" : "in_person");
  bind_tri(visit_, 5, v.food_ok);
  bind_tri(visit_, 6, v.clothing_ok);
  visit_.bind(7, notes).bind(8, now_).bind(9, actor_);
  return visit_.exec();
}

}  // namespace lz::sqlite

namespace lz::sqlite {

static void bind_date(Stmt& s, int i, const std::optional<Date>& d) {
  if (d)
    s.bind(i, d->iso());
  else
    s.bind_null(i);
}

Status SqliteBulkLoader::add_key_person(const KeyPersonRow& r) {
  key_person_.bind(1, r.id)
      .bind(2, r.person_id)
      .bind(3, r.category)
      .bind(4, r.source)
      .bind(5, r.region_code);
  key_person_.bind(6, r.added_on.iso());
  bind_date(key_person_, 7, r.arrival_on);
  key_person_.bind(8, r.arrived_from)
      .bind(9, r.travel_mode)
      .bind(10, r.note)
      .bind(11, now_)
      .bind(12, actor_);
  return key_person_.exec();
}

Status SqliteBulkLoader::add_case(const CaseRow& r) {
  case_.bind(1, r.id).bind(2, r.person_id).bind(3, r.region_code).bind(4, r.state);
  bind_date(case_, 5, r.suspected_on);
  case_.bind(6, r.suspected_place);
  bind_date(case_, 7, r.confirmed_on);
  case_.bind(8, r.confirmed_place);
  bind_date(case_, 9, r.closed_on);
  case_.bind(10, r.closed_place).bind(11, now_).bind(12, actor_).bind(13, now_).bind(14, actor_);
  return case_.exec();
}

Status SqliteBulkLoader::add_contact(const ContactRow& r) {
  contact_.bind(1, r.person_a)
      .bind(2, r.person_b)
      .bind(3, r.on.iso())
      .bind(4, r.setting)
      .bind(5, r.closeness);
  contact_.bind(6, now_).bind(7, actor_);
  return contact_.exec();
}

Status SqliteBulkLoader::add_observation(const ObservationRow& r) {
  observation_.bind(1, r.id)
      .bind(2, r.person_id)
      .bind(3, r.region_code)
      .bind(4, r.kind)
      .bind(5, r.site);
  observation_.bind(6, r.room)
      .bind(7, r.start.iso())
      .bind(8, r.last_exposure.iso())
      .bind(9, r.planned_end.iso());
  bind_date(observation_, 10, r.released_on);
  if (r.cadre_id)
    observation_.bind(11, *r.cadre_id);
  else
    observation_.bind_null(11);
  observation_.bind(12, now_).bind(13, actor_).bind(14, now_).bind(15, actor_);
  return observation_.exec();
}

Status SqliteBulkLoader::add_follow_up(const FollowUpRow& r) {
  follow_up_.bind(1, r.observation_id)
      .bind(2, r.day.iso())
      .bind(3, r.done_at)
      .bind(4, r.temperature);
  follow_up_.bind(5, r.symptoms)
      .bind(6, static_cast<int64_t>(r.alert))
      .bind(7, r.by.empty() ? actor_ : r.by);
  return follow_up_.exec();
}

Status SqliteBulkLoader::add_checkpoint(const CheckpointRow& r) {
  checkpoint_.bind(1, r.id)
      .bind(2, r.name)
      .bind(3, r.location)
      .bind(4, r.region_code)
      .bind(5, now_)
      .bind(6, actor_);
  return checkpoint_.exec();
}

Status SqliteBulkLoader::add_passage(const PassageRow& r) {
  passage_.bind(1, r.checkpoint_id)
      .bind(2, r.at)
      .bind(3, r.on.iso())
      .bind(4, r.plate)
      .bind(5, static_cast<int64_t>(r.persons));
  passage_.bind(6, r.origin)
      .bind(7, r.max_temperature)
      .bind(8, static_cast<int64_t>(r.fevers))
      .bind(9, actor_);
  return passage_.exec();
}

}  // namespace lz::sqlite

namespace lz::sqlite {

namespace {

// The report column: what add_outcome keeps of the outcome's JSON.
std::string call_report(const epidemic::CallOutcome& o) {
  nlohmann::json report = epidemic::to_json(o);
  nlohmann::json kept = {{"returnees", report["returnees"]},
                         {"symptomatic", report["symptomatic"]},
                         {"needs", report["needs"]}};
  return kept.dump();
}

}  // namespace

SqliteCallOutcomeLoader::SqliteCallOutcomeLoader(Db& db, AuditLog& audit, const Actor& actor)
    : db_(db),
      audit_(audit),
      actor_(actor),
      tx_(db),
      now_(now_iso()),
      empty_report_(call_report(epidemic::CallOutcome{})),
      insert_(db.prepare("INSERT INTO call_outcome (campaign_id, household_id, cadre_id, at, "
                         "result, report, note, "
                         "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)")),
      update_(db.prepare("UPDATE campaign_call SET outcome = ?, needs = ?, notes = ?, called_at = "
                         "?, called_by = ? "
                         "WHERE campaign_id = ? AND household_id = ?")) {}

Result<std::unique_ptr<SqliteCallOutcomeLoader>> SqliteCallOutcomeLoader::begin(
    Db& db, AuditLog& audit, const Actor& actor) {
  std::unique_ptr<SqliteCallOutcomeLoader> l(new SqliteCallOutcomeLoader(db, audit, actor));
  LZ_TRY(l->tx_.begin_status());
  return l;
}

SqliteCallOutcomeLoader::~SqliteCallOutcomeLoader() = default;  // tx_ rolls back if open

Status SqliteCallOutcomeLoader::add(const epidemic::CallOutcome& o) {
  const bool nothing_to_report = o.returnees.empty() && o.symptomatic.empty() && o.needs.empty();
  const std::string at = o.at.iso();
  const char* result = epidemic::id(o.result);
  insert_.bind(1, o.campaign_id).bind(2, o.household_id);
  if (o.cadre_id)
    insert_.bind(3, o.cadre_id);
  else
    insert_.bind_null(3);
  insert_.bind(4, at).bind(5, result);
  if (nothing_to_report)
    insert_.bind(6, empty_report_);
  else
    insert_.bind(6, call_report(o));
  insert_.bind(7, o.note).bind(8, now_).bind(9, actor_.name);
  LZ_TRY(insert_.exec());
  insert_.reset();
  std::string needs;
  for (const auto& n : o.needs)
    needs += (needs.empty() ? "" : ",") + std::string(epidemic::id(n.kind));
  update_.bind(1, result).bind(2, needs).bind(3, o.note).bind(4, at).bind(5, actor_.name);
  update_.bind(6, o.campaign_id).bind(7, o.household_id);
  LZ_TRY(update_.exec());
  update_.reset();
  if (added_++ == 0) campaign_id_ = o.campaign_id;
  return {};
}

Status SqliteCallOutcomeLoader::commit() {
  if (added_ > 0)
    LZ_TRY(audit_record(audit_, actor_, "call.record_bulk", "campaign", campaign_id_, "",
                        nlohmann::json{{"outcomes", added_}}.dump()));
  return tx_.commit();
}

}  // namespace lz::sqlite
