// SqliteEpidemicStore, the field work: phone-screening campaigns with their
// call lists and outcomes, checkpoints with their staff, duty rosters and
// passages. A campaign's call list is written once, when the campaign is
// created (the assignment is the domain's assign_calls()); each outcome is
// kept (call_outcome) and the call list row shows the latest.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "epidemic/json.h"
#include "store/sqlite/epidemic_rows_internal.h"
#include "store/sqlite/region_insert.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_epidemic.h"

namespace lz::sqlite {

using namespace lz::epidemic;
using nlohmann::json;

// ---------------------------------------------------------------- campaigns

Result<std::vector<HouseholdToCall>> SqliteEpidemicStore::households_to_call(
    const std::string& region_prefix) {
  auto s = db_.prepare(
      "SELECT h.id, h.region_code, COALESCE(ph.status IN ('registered_poor','lifted'), 0), "
      "pr.cadre_id FROM household "
      "h LEFT JOIN poverty_household ph ON ph.household_id = h.id LEFT JOIN pairing pr ON "
      "pr.household_id = h.id AND "
      "pr.to_date IS NULL AND pr.deleted_at IS NULL WHERE h.deleted_at IS NULL AND h.region_code "
      ">= ? AND "
      "h.region_code < ? ORDER BY h.id");
  s.bind(1, region_prefix).bind(2, prefix_end(region_prefix));
  std::vector<HouseholdToCall> out;
  while (s.step()) out.push_back({s.i64(0), s.str(1), s.i64(2) != 0, s.opt_i64(3)});
  return out;
}

Result<std::vector<VillageCadres>> SqliteEpidemicStore::village_cadres(
    const std::string& region_prefix) {
  // The cadres who work in a village: stationed there or on its committee.
  // A township-wide prefix covers its villages; a village prefix its own.
  std::string village = region_prefix.substr(0, std::min<size_t>(12, region_prefix.size()));
  auto s = db_.prepare(
      "SELECT DISTINCT substr(c.region_code, 1, 12), c.id FROM cadre c JOIN cadre_kind k ON "
      "k.cadre_id = c.id WHERE "
      "k.kind IN ('village_stationed','village_committee') AND c.deleted_at IS NULL AND "
      "length(c.region_code) >= 12 "
      "AND c.region_code >= ? AND c.region_code < ? ORDER BY 1, 2");
  s.bind(1, village).bind(2, prefix_end(village));
  std::vector<VillageCadres> out;
  while (s.step()) {
    std::string v = s.str(0);
    if (out.empty() || out.back().village_code != v) out.push_back({v, {}});
    out.back().cadre_ids.push_back(s.i64(1));
  }
  return out;
}

static Campaign read_campaign(const Stmt& s) {
  Campaign c;
  c.id = s.i64(0);
  c.name = s.str(1);
  c.region_prefix = s.str(2);
  c.start_on = date_col(s, 3);
  c.end_on = s.is_null(4) ? c.start_on : date_col(s, 4);
  c.by = s.str(5);
  return c;
}

Result<Campaign> SqliteEpidemicStore::add_campaign(Campaign c, const CallAssignment& a,
                                                   const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO campaign (name, region_code, start_on, end_on, created_at, created_by) VALUES "
      "(?,?,?,?,?,?)");
  s.bind(1, c.name)
      .bind(2, c.region_prefix)
      .bind(3, c.start_on.iso())
      .bind(4, c.end_on.iso())
      .bind(5, now_iso());
  s.bind(6, actor.name);
  LZ_TRY(s.exec());
  c.id = sqlite3_last_insert_rowid(db_.handle());
  c.by = actor.name;
  auto ins =
      db_.prepare("INSERT INTO campaign_call (campaign_id, household_id, cadre_id) VALUES (?,?,?)");
  size_t calls = 0;
  for (const CallList& l : a.lists)
    for (int64_t h : l.household_ids) {
      ins.bind(1, c.id).bind(2, h).bind(3, l.cadre_id);
      LZ_TRY(ins.exec());
      ins.reset();
      ++calls;
    }
  for (int64_t h : a.unassigned) {
    ins.bind(1, c.id).bind(2, h).bind_null(3);
    LZ_TRY(ins.exec());
    ins.reset();
  }
  json after = to_json(c);
  after["calls_assigned"] = calls;
  after["cadres"] = a.lists.size();
  after["unassigned"] = a.unassigned.size();
  LZ_TRY(log(actor, "campaign.create", "campaign", c.id, "", after.dump()));
  LZ_TRY(tx.commit());
  return c;
}

Result<Campaign> SqliteEpidemicStore::campaign(int64_t id) {
  auto s = db_.prepare(
      "SELECT id, name, region_code, start_on, end_on, created_by FROM campaign WHERE id = ?");
  s.bind(1, id);
  if (!s.step())
    return not_found("campaign.not_found", "id", fmt::format("排查活动{}不存在", id),
                     fmt::format("There is no campaign {}", id));
  return read_campaign(s);
}

Result<std::vector<Campaign>> SqliteEpidemicStore::campaigns(const std::string& region_prefix) {
  // Campaigns over the region or over a wider region that contains it.
  auto s = db_.prepare(
      "SELECT id, name, region_code, start_on, end_on, created_by FROM campaign WHERE (region_code "
      ">= ? AND "
      "region_code < ?) OR ? LIKE region_code || '%' ORDER BY start_on DESC, id DESC");
  s.bind(1, region_prefix).bind(2, prefix_end(region_prefix)).bind(3, region_prefix);
  std::vector<Campaign> out;
  while (s.step()) out.push_back(read_campaign(s));
  return out;
}

static const char* kCallSelect =
    "SELECT cc.household_id, h.number, h.region_code, COALESCE(hp.name, ''), h.phone, cc.cadre_id, "
    "COALESCE(cd.name, ''), COALESCE(cc.outcome, ''), COALESCE(cc.called_at, '') FROM "
    "campaign_call cc JOIN "
    "household h ON h.id = cc.household_id LEFT JOIN person hp ON hp.id = h.head_person_id LEFT "
    "JOIN cadre cd ON "
    "cd.id = cc.cadre_id ";

static SqliteEpidemicStore::CallRow read_call(const Stmt& s) {
  return {s.i64(0),     s.str(1), s.str(2), s.str(3), s.str(4),
          s.opt_i64(5), s.str(6), s.str(7), s.str(8)};
}

Result<ListResult<SqliteEpidemicStore::CallRow>> SqliteEpidemicStore::calls(const CallQuery& q) {
  std::string where = "cc.campaign_id = ? AND h.region_code >= ? AND h.region_code < ?";
  if (q.cadre_id) where += " AND cc.cadre_id = ?";
  if (q.state == "pending") where += " AND cc.outcome IS NULL";
  if (q.state == "called") where += " AND cc.outcome IS NOT NULL";
  if (q.state == "reached" || q.state == "unreachable") where += " AND cc.outcome = ?";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.campaign_id);
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (q.cadre_id) s.bind(i++, *q.cadre_id);
    if (q.state == "reached" || q.state == "unreachable") s.bind(i++, q.state);
    return i;
  };
  ListResult<CallRow> out;
  {
    auto s = db_.prepare(
        "SELECT COUNT(*) FROM campaign_call cc JOIN household h ON h.id = cc.household_id WHERE " +
        where);
    bind_all(s);
    if (s.step()) out.total = s.i64(0);
  }
  auto s =
      db_.prepare(std::string(kCallSelect) + "WHERE " + where +
                  " ORDER BY cc.outcome IS NOT NULL, h.region_code, h.number LIMIT ? OFFSET ?");
  int i = bind_all(s);
  s.bind(i++, q.limit);
  s.bind(i++, q.offset);
  while (s.step()) out.items.push_back(read_call(s));
  return out;
}

Result<std::optional<SqliteEpidemicStore::CallRow>> SqliteEpidemicStore::call(
    int64_t campaign_id, int64_t household_id) {
  auto s =
      db_.prepare(std::string(kCallSelect) + "WHERE cc.campaign_id = ? AND cc.household_id = ?");
  s.bind(1, campaign_id).bind(2, household_id);
  if (!s.step()) return std::optional<CallRow>();
  return std::optional<CallRow>(read_call(s));
}

Result<CallOutcome> SqliteEpidemicStore::add_outcome(CallOutcome o, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  json report = to_json(o);
  json kept = {{"returnees", report["returnees"]},
               {"symptomatic", report["symptomatic"]},
               {"needs", report["needs"]}};
  auto s = db_.prepare(
      "INSERT INTO call_outcome (campaign_id, household_id, cadre_id, at, result, report, note, "
      "created_at, "
      "created_by) VALUES (?,?,?,?,?,?,?,?,?)");
  s.bind(1, o.campaign_id).bind(2, o.household_id);
  if (o.cadre_id)
    s.bind(3, o.cadre_id);
  else
    s.bind_null(3);
  s.bind(4, o.at.iso())
      .bind(5, id(o.result))
      .bind(6, kept.dump())
      .bind(7, o.note)
      .bind(8, now_iso());
  s.bind(9, actor.name);
  LZ_TRY(s.exec());
  o.id = sqlite3_last_insert_rowid(db_.handle());
  o.by = actor.name;
  std::string needs;
  for (const auto& n : o.needs) needs += (needs.empty() ? "" : ",") + std::string(id(n.kind));
  auto u = db_.prepare(
      "UPDATE campaign_call SET outcome = ?, needs = ?, notes = ?, called_at = ?, called_by = ? "
      "WHERE campaign_id = ? "
      "AND household_id = ?");
  u.bind(1, id(o.result)).bind(2, needs).bind(3, o.note).bind(4, o.at.iso()).bind(5, actor.name);
  u.bind(6, o.campaign_id).bind(7, o.household_id);
  LZ_TRY(u.exec());
  LZ_TRY(log(actor, "call.record", "call_outcome", o.id, "", to_json(o).dump()));
  LZ_TRY(tx.commit());
  return o;
}

Status SqliteEpidemicStore::add_outcomes_bulk(std::span<const CallOutcome> outcomes,
                                              const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto ins = db_.prepare(
      "INSERT INTO call_outcome (campaign_id, household_id, cadre_id, at, result, report, note, "
      "created_at, "
      "created_by) VALUES (?,?,?,?,?,?,?,?,?)");
  auto upd = db_.prepare(
      "UPDATE campaign_call SET outcome = ?, needs = ?, notes = ?, called_at = ?, called_by = ? "
      "WHERE campaign_id = ? "
      "AND household_id = ?");
  std::string now = now_iso();
  for (const CallOutcome& o : outcomes) {
    json report = to_json(o);
    json kept = {{"returnees", report["returnees"]},
                 {"symptomatic", report["symptomatic"]},
                 {"needs", report["needs"]}};
    ins.bind(1, o.campaign_id).bind(2, o.household_id);
    if (o.cadre_id)
      ins.bind(3, o.cadre_id);
    else
      ins.bind_null(3);
    ins.bind(4, o.at.iso()).bind(5, id(o.result)).bind(6, kept.dump()).bind(7, o.note).bind(8, now);
    ins.bind(9, actor.name);
    LZ_TRY(ins.exec());
    ins.reset();
    std::string needs;
    for (const auto& n : o.needs) needs += (needs.empty() ? "" : ",") + std::string(id(n.kind));
    upd.bind(1, id(o.result))
        .bind(2, needs)
        .bind(3, o.note)
        .bind(4, o.at.iso())
        .bind(5, actor.name);
    upd.bind(6, o.campaign_id).bind(7, o.household_id);
    LZ_TRY(upd.exec());
    upd.reset();
  }
  if (!outcomes.empty())
    LZ_TRY(log(actor, "call.record_bulk", "campaign", outcomes.front().campaign_id, "",
               json{{"outcomes", outcomes.size()}}.dump()));
  return tx.commit();
}

Result<std::vector<std::pair<int64_t, int64_t>>> SqliteEpidemicStore::returnee_members() {
  auto s = db_.prepare(
      "SELECT DISTINCT p.household_id, p.id FROM key_person k JOIN person p ON p.id = k.person_id "
      "WHERE k.category = "
      "'hubei_returnee' AND p.household_id IS NOT NULL ORDER BY 1, 2");
  std::vector<std::pair<int64_t, int64_t>> out;
  while (s.step()) out.emplace_back(s.i64(0), s.i64(1));
  return out;
}

Result<std::vector<CallOutcome>> SqliteEpidemicStore::outcomes(
    int64_t campaign_id, std::optional<int64_t> household_id) {
  std::string sql =
      "SELECT id, campaign_id, household_id, cadre_id, at, result, report, note, created_by FROM "
      "call_outcome WHERE "
      "campaign_id = ?";
  if (household_id) sql += " AND household_id = ?";
  auto s = db_.prepare(sql + " ORDER BY id");
  s.bind(1, campaign_id);
  if (household_id) s.bind(2, *household_id);
  std::vector<CallOutcome> out;
  while (s.step()) {
    json report = json::parse(s.str(6), nullptr, false);
    if (!report.is_object()) report = json::object();
    report["result"] = s.str(5);
    auto o = call_outcome_input(report);
    CallOutcome c = o ? *o : CallOutcome{};
    c.id = s.i64(0);
    c.campaign_id = s.i64(1);
    c.household_id = s.i64(2);
    c.cadre_id = s.opt_i64(3).value_or(0);
    c.at = DateTime::parse_iso(s.str(4)).value_or(DateTime());
    c.result = s.str(5) == "unreachable" ? CallResult::kUnreachable : CallResult::kReached;
    c.note = s.str(7);
    c.by = s.str(8);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<HouseholdToCall>> SqliteEpidemicStore::campaign_households(int64_t campaign_id) {
  auto s = db_.prepare(
      "SELECT cc.household_id, h.region_code FROM campaign_call cc JOIN household h ON h.id = "
      "cc.household_id WHERE "
      "cc.campaign_id = ? ORDER BY cc.household_id");
  s.bind(1, campaign_id);
  std::vector<HouseholdToCall> out;
  while (s.step()) out.push_back({s.i64(0), s.str(1), false, std::nullopt});
  return out;
}

// ---------------------------------------------------------------- checkpoints

static Checkpoint read_checkpoint(const Stmt& s) {
  Checkpoint c;
  c.id = s.i64(0);
  c.name = s.str(1);
  c.location = s.str(2);
  c.region_code = s.str(3);
  c.township_code = c.region_code.substr(0, std::min<size_t>(9, c.region_code.size()));
  c.active = s.i64(4) != 0;
  return c;
}

Result<Checkpoint> SqliteEpidemicStore::add_checkpoint(Checkpoint c, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO checkpoint (name, location, region_code, active, created_at, created_by) VALUES "
      "(?,?,?,?,?,?)");
  s.bind(1, c.name)
      .bind(2, c.location)
      .bind(3, c.region_code)
      .bind(4, c.active ? 1 : 0)
      .bind(5, now_iso());
  s.bind(6, actor.name);
  auto id = insert_in_region(db_, s, c.region_code);
  if (!id) return id.error();
  c.id = *id;
  LZ_TRY(log(actor, "checkpoint.create", "checkpoint", c.id, "", to_json(c).dump()));
  LZ_TRY(tx.commit());
  return c;
}

Result<Checkpoint> SqliteEpidemicStore::checkpoint(int64_t id) {
  auto s =
      db_.prepare("SELECT id, name, location, region_code, active FROM checkpoint WHERE id = ?");
  s.bind(1, id);
  if (!s.step())
    return not_found("checkpoint.not_found", "id", fmt::format("卡点{}不存在", id),
                     fmt::format("There is no checkpoint {}", id));
  return read_checkpoint(s);
}

Result<std::vector<Checkpoint>> SqliteEpidemicStore::checkpoints(const std::string& region_prefix) {
  auto s = db_.prepare(
      "SELECT id, name, location, region_code, active FROM checkpoint WHERE region_code >= ? AND "
      "region_code < ? "
      "ORDER BY region_code, id");
  s.bind(1, region_prefix).bind(2, prefix_end(region_prefix));
  std::vector<Checkpoint> out;
  while (s.step()) out.push_back(read_checkpoint(s));
  return out;
}

Result<std::vector<DutyShift>> SqliteEpidemicStore::shifts(std::optional<int64_t> checkpoint_id) {
  std::string sql =
      "SELECT id, checkpoint_id, cadre_id, name, phone, starts_at, ends_at FROM checkpoint_duty";
  if (checkpoint_id) sql += " WHERE checkpoint_id = ?";
  auto s = db_.prepare(sql + " ORDER BY starts_at, id");
  if (checkpoint_id) s.bind(1, *checkpoint_id);
  std::vector<DutyShift> out;
  while (s.step()) {
    DutyShift d;
    d.id = s.i64(0);
    d.checkpoint_id = s.i64(1);
    d.cadre_id = s.opt_i64(2);
    d.name = s.str(3);
    d.phone = s.str(4);
    d.start = DateTime::parse_iso(s.str(5)).value_or(DateTime());
    d.end = DateTime::parse_iso(s.str(6)).value_or(DateTime());
    out.push_back(std::move(d));
  }
  return out;
}

Result<DutyShift> SqliteEpidemicStore::add_shift(DutyShift d, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO checkpoint_duty (checkpoint_id, name, cadre_id, phone, starts_at, ends_at) "
      "VALUES (?,?,?,?,?,?)");
  s.bind(1, d.checkpoint_id)
      .bind(2, d.name)
      .bind(3, d.cadre_id)
      .bind(4, d.phone)
      .bind(5, d.start.iso());
  s.bind(6, d.end.iso());
  if (auto st = s.exec(); !st) {
    if (s.extended_rc() == SQLITE_CONSTRAINT_FOREIGNKEY)
      return invalid("cadre.not_found", "cadre_id", "没有这名干部", "There is no such cadre");
    return st.error();
  }
  d.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "checkpoint.shift_create", "checkpoint_duty", d.id, "", to_json(d).dump()));
  LZ_TRY(tx.commit());
  return d;
}

Result<SqliteEpidemicStore::PassageView> SqliteEpidemicStore::add_passage(Passage p, int fevers,
                                                                          double max_temperature,
                                                                          const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  json j = to_json(p);
  auto s = db_.prepare(
      "INSERT INTO passage (checkpoint_id, at, on_date, plate, persons, origin, destination, "
      "max_temperature, fever, "
      "travellers, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, p.checkpoint_id).bind(2, p.at.iso()).bind(3, p.at.date().iso()).bind(4, p.plate);
  s.bind(5, static_cast<int64_t>(p.persons()))
      .bind(6, p.origin)
      .bind(7, p.destination)
      .bind(8, max_temperature);
  s.bind(9, static_cast<int64_t>(fevers))
      .bind(10, j["travellers"].dump())
      .bind(11, now_iso())
      .bind(12, actor.name);
  LZ_TRY(s.exec());
  p.id = sqlite3_last_insert_rowid(db_.handle());
  p.by = actor.name;
  j["id"] = p.id;
  j["fevers"] = fevers;
  LZ_TRY(log(actor, "passage.create", "passage", p.id, "", j.dump()));
  LZ_TRY(tx.commit());
  return PassageView{std::move(p), fevers, {}};
}

Result<ListResult<SqliteEpidemicStore::PassageView>> SqliteEpidemicStore::passages(
    int64_t checkpoint_id, std::optional<Date> on, bool fevers_only, int64_t limit,
    int64_t offset) {
  std::string where = "checkpoint_id = ?";
  if (on) where += " AND on_date = ?";
  if (fevers_only) where += " AND fever > 0";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, checkpoint_id);
    if (on) s.bind(i++, on->iso());
    return i;
  };
  ListResult<PassageView> out;
  {
    auto s = db_.prepare("SELECT COUNT(*) FROM passage WHERE " + where);
    bind_all(s);
    if (s.step()) out.total = s.i64(0);
  }
  auto s = db_.prepare(
      "SELECT id, checkpoint_id, at, plate, origin, destination, travellers, created_by, fever, "
      "persons FROM passage "
      "WHERE " +
      where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
  int i = bind_all(s);
  s.bind(i++, limit);
  s.bind(i++, offset);
  auto refs = db_.prepare("SELECT id FROM key_person WHERE source_ref = ? ORDER BY id");
  while (s.step()) {
    PassageView v;
    v.p.id = s.i64(0);
    v.p.checkpoint_id = s.i64(1);
    v.p.at = DateTime::parse_iso(s.str(2)).value_or(DateTime());
    v.p.plate = s.str(3);
    v.p.origin = s.str(4);
    v.p.destination = s.str(5);
    json tr = json::parse(s.str(6), nullptr, false);
    if (tr.is_array() && !tr.empty()) {
      for (const auto& t : tr)
        v.p.travellers.push_back({t.value("name", ""), t.value("id_number", ""),
                                  t.value("phone", ""), tenths_of(t.value("temperature", 36.5))});
    } else {
      // Passages recorded in bulk (the demo) keep only the head count.
      for (int64_t n = 0; n < s.i64(9); ++n) v.p.travellers.push_back({});
    }
    v.p.by = s.str(7);
    v.fevers = static_cast<int>(s.i64(8));
    refs.bind(1, fmt::format("epidemic.passage:{}", v.p.id));
    while (refs.step()) v.key_person_ids.push_back(refs.i64(0));
    refs.reset();
    out.items.push_back(std::move(v));
  }
  return out;
}

}  // namespace lz::sqlite
