#include "store/sqlite/sqlite_enterprises.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/rows.h"

namespace lz::sqlite {

using namespace lz::livelihood;
using nlohmann::json;

namespace {

const char* kEntCols =
    "e.id, e.name, e.credit_code, e.kind, e.region_code, e.address, e.contact_name, "
    "e.contact_phone, "
    "e.workers_planned, e.version";

Enterprise read_enterprise(const Stmt& s) {
  Enterprise e;
  e.id = s.i64(0);
  e.name = s.str(1);
  e.credit_code = s.str(2);
  e.kind = parse_enterprise_kind(s.str(3)).value_or(EnterpriseKind::kEnterprise);
  e.region_code = s.str(4);
  e.address = s.str(5);
  e.contact_name = s.str(6);
  e.contact_phone = s.str(7);
  e.workers_planned = s.i64(8);
  e.version = s.i64(9);
  return e;
}

json enterprise_json(const Enterprise& e) {
  return {{"name", e.name},
          {"credit_code", e.credit_code},
          {"kind", id(e.kind)},
          {"region_code", e.region_code},
          {"address", e.address},
          {"contact_name", e.contact_name},
          {"contact_phone", e.contact_phone},
          {"workers_planned", e.workers_planned}};
}

std::optional<Date> opt_date(const Stmt& s, int c) {
  if (s.is_null(c)) return std::nullopt;
  return Date::parse_iso(s.str(c));
}

const char* kWorkerCols =
    "w.id, w.enterprise_id, w.name, w.id_number, w.phone, w.person_id, w.health_declared_on, "
    "w.health_note, "
    "w.active, p.household_id, COALESCE(ph.status, ''), e.name, e.region_code";
const char* kWorkerJoin =
    "FROM enterprise_worker w JOIN enterprise e ON e.id = w.enterprise_id LEFT JOIN person p ON "
    "p.id = w.person_id "
    "LEFT JOIN poverty_household ph ON ph.household_id = p.household_id";

SqliteEnterpriseStore::WorkerView read_worker(const Stmt& s) {
  SqliteEnterpriseStore::WorkerView v;
  v.w.id = s.i64(0);
  v.w.enterprise_id = s.i64(1);
  v.w.name = s.str(2);
  v.w.id_number = s.str(3);
  v.w.phone = s.str(4);
  v.w.person_id = s.opt_i64(5);
  v.w.health_declared_on = opt_date(s, 6);
  v.w.health_note = s.str(7);
  v.w.active = s.i64(8) != 0;
  v.household_id = s.opt_i64(9);
  v.poverty_status = s.str(10);
  v.enterprise_name = s.str(11);
  v.enterprise_region = s.str(12);
  return v;
}

std::vector<std::string> split_csv(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find(',', b);
    if (e == std::string::npos) e = s.size();
    if (e > b) out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- enterprises

Result<Enterprise> SqliteEnterpriseStore::add_enterprise(Enterprise e, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  {
    auto d = db_.prepare("SELECT id, name FROM enterprise WHERE credit_code = ?");
    d.bind(1, e.credit_code);
    if (d.step())
      return conflict("enterprise.duplicate", "credit_code",
                      fmt::format("统一社会信用代码{}已登记为“{}”（编号{}）", e.credit_code,
                                  d.str(1), d.i64(0)),
                      fmt::format("Credit code {} is already registered as \"{}\" (id {})",
                                  e.credit_code, d.str(1), d.i64(0)));
  }
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO enterprise (name, credit_code, kind, region_code, address, contact_name, "
      "contact_phone, "
      "workers_planned, version, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,1,?,?)");
  s.bind(1, e.name)
      .bind(2, e.credit_code)
      .bind(3, id(e.kind))
      .bind(4, e.region_code)
      .bind(5, e.address);
  s.bind(6, e.contact_name)
      .bind(7, e.contact_phone)
      .bind(8, e.workers_planned)
      .bind(9, now)
      .bind(10, actor.name);
  LZ_TRY(s.exec());
  e.id = sqlite3_last_insert_rowid(db_.handle());
  e.version = 1;
  auto r = db_.prepare(
      "INSERT INTO resumption (enterprise_id, region_code, state, updated_at, updated_by) VALUES "
      "(?,?,'draft',?,?)");
  r.bind(1, e.id).bind(2, e.region_code).bind(3, now).bind(4, actor.name);
  LZ_TRY(r.exec());
  LZ_TRY(log(actor, "enterprise.create", "enterprise", e.id, "", enterprise_json(e).dump()));
  LZ_TRY(tx.commit());
  return e;
}

Result<Enterprise> SqliteEnterpriseStore::enterprise(int64_t eid) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM enterprise e WHERE e.id = ?", kEntCols));
  s.bind(1, eid);
  if (!s.step())
    return not_found("enterprise.not_found", "enterprise_id", fmt::format("企业{}不存在", eid),
                     fmt::format("There is no enterprise {}", eid));
  return read_enterprise(s);
}

Result<Enterprise> SqliteEnterpriseStore::update_enterprise(const Enterprise& e,
                                                            int64_t expected_version,
                                                            const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = enterprise(e.id);
  if (!before) return before.error();
  if (before->version != expected_version)
    return conflict(
        "enterprise.stale", "version",
        fmt::format("企业信息已被他人修改（当前版本{}），请刷新后重试", before->version),
        fmt::format("The enterprise was changed meanwhile (now version {}): reload and retry",
                    before->version));
  {
    auto d = db_.prepare("SELECT id FROM enterprise WHERE credit_code = ? AND id != ?");
    d.bind(1, e.credit_code).bind(2, e.id);
    if (d.step())
      return conflict(
          "enterprise.duplicate", "credit_code",
          fmt::format("统一社会信用代码{}已登记（编号{}）", e.credit_code, d.i64(0)),
          fmt::format("Credit code {} is already registered (id {})", e.credit_code, d.i64(0)));
  }
  auto s = db_.prepare(
      "UPDATE enterprise SET name=?, credit_code=?, kind=?, region_code=?, address=?, "
      "contact_name=?, "
      "contact_phone=?, workers_planned=?, version=version+1 WHERE id=?");
  s.bind(1, e.name)
      .bind(2, e.credit_code)
      .bind(3, id(e.kind))
      .bind(4, e.region_code)
      .bind(5, e.address);
  s.bind(6, e.contact_name).bind(7, e.contact_phone).bind(8, e.workers_planned).bind(9, e.id);
  LZ_TRY(s.exec());
  LZ_TRY(db_.prepare("UPDATE resumption SET region_code = ? WHERE enterprise_id = ?")
             .bind(1, e.region_code)
             .bind(2, e.id)
             .exec());
  LZ_TRY(log(actor, "enterprise.update", "enterprise", e.id, enterprise_json(*before).dump(),
             enterprise_json(e).dump()));
  auto after = enterprise(e.id);
  if (!after) return after.error();
  LZ_TRY(tx.commit());
  return after;
}

Result<ListResult<SqliteEnterpriseStore::EnterpriseRow>> SqliteEnterpriseStore::enterprises(
    const EnterpriseQuery& q) {
  std::string where = " WHERE 1=1";
  std::vector<std::string> binds;
  if (!q.region_prefix.empty()) {
    where += " AND e.region_code >= ? AND e.region_code < ?";
    binds.push_back(q.region_prefix);
    binds.push_back(prefix_end(q.region_prefix));
  }
  if (q.only_id) where += fmt::format(" AND e.id = {}", *q.only_id);
  if (!q.kind.empty()) {
    where += " AND e.kind = ?";
    binds.push_back(q.kind);
  }
  if (!q.state.empty()) {
    where += " AND r.state = ?";
    binds.push_back(q.state);
  }
  if (!q.q.empty()) {
    where += " AND instr(e.name, ?) > 0";
    binds.push_back(q.q);
  }
  const std::string from = " FROM enterprise e JOIN resumption r ON r.enterprise_id = e.id";
  ListResult<EnterpriseRow> out;
  {
    auto c = db_.prepare("SELECT COUNT(*)" + from + where);
    for (size_t i = 0; i < binds.size(); ++i) c.bind(static_cast<int>(i + 1), binds[i]);
    if (c.step()) out.total = c.i64(0);
  }
  auto s =
      db_.prepare(fmt::format("SELECT {}, r.state, r.approved_on, (SELECT COUNT(*) FROM "
                              "enterprise_worker w WHERE w.enterprise_id = e.id "
                              "AND w.active = 1){}{} ORDER BY e.region_code, e.id LIMIT ? OFFSET ?",
                              kEntCols, from, where));
  int n = 1;
  for (const auto& b : binds) s.bind(n++, b);
  s.bind(n, q.limit).bind(n + 1, q.offset);
  while (s.step()) {
    EnterpriseRow row;
    row.e = read_enterprise(s);
    row.state = parse_resumption_state(s.str(10)).value_or(ResumptionState::kDraft);
    row.approved_on = opt_date(s, 11);
    row.workers = s.i64(12);
    out.items.push_back(std::move(row));
  }
  return out;
}

// ---------------------------------------------------------------- resumption

Result<Resumption> SqliteEnterpriseStore::resumption(int64_t eid) {
  auto s = db_.prepare(
      "SELECT state, masks, thermometers, disinfectant_ml, entry_checks, disinfection, "
      "separate_meals, "
      "submitted_on, approved_on, return_reason, steps, version FROM resumption WHERE "
      "enterprise_id = ?");
  s.bind(1, eid);
  if (!s.step())
    return not_found("enterprise.not_found", "enterprise_id", fmt::format("企业{}不存在", eid),
                     fmt::format("There is no enterprise {}", eid));
  Resumption r;
  r.enterprise_id = eid;
  r.state = parse_resumption_state(s.str(0)).value_or(ResumptionState::kDraft);
  r.checklist = {s.i64(1), s.i64(2), s.i64(3), s.i64(4) != 0, s.i64(5) != 0, s.i64(6) != 0};
  r.submitted_on = opt_date(s, 7);
  r.approved_on = opt_date(s, 8);
  r.return_reason = s.str(9);
  json steps = json::parse(s.str(10), nullptr, false);
  if (steps.is_array())
    for (const auto& j : steps)
      r.steps.push_back(
          {parse_resumption_state(j.value("state", "")).value_or(ResumptionState::kDraft),
           Date::parse_iso(j.value("on", "")).value_or(Date()), j.value("by", ""),
           j.value("note", "")});
  r.version = s.i64(11);
  return r;
}

Result<Resumption> SqliteEnterpriseStore::save_resumption(const Resumption& r, const char* action,
                                                          const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  json steps = json::array();
  for (const auto& st : r.steps)
    steps.push_back(
        {{"state", id(st.state)}, {"on", st.on.iso()}, {"by", st.by}, {"note", st.note}});
  auto opt = [](const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
  };
  auto s = db_.prepare(
      "UPDATE resumption SET state=?, masks=?, thermometers=?, disinfectant_ml=?, entry_checks=?, "
      "disinfection=?, "
      "separate_meals=?, submitted_on=?, approved_on=?, return_reason=?, steps=?, "
      "version=version+1, updated_at=?, "
      "updated_by=? WHERE enterprise_id=? AND version=?");
  const Checklist& c = r.checklist;
  s.bind(1, id(r.state)).bind(2, c.masks).bind(3, c.thermometers).bind(4, c.disinfectant_ml);
  s.bind(5, c.entry_checks ? 1 : 0)
      .bind(6, c.disinfection ? 1 : 0)
      .bind(7, c.separate_meals ? 1 : 0);
  s.bind(8, opt(r.submitted_on))
      .bind(9, opt(r.approved_on))
      .bind(10, r.return_reason)
      .bind(11, steps.dump());
  s.bind(12, now_iso()).bind(13, actor.name).bind(14, r.enterprise_id).bind(15, r.version);
  LZ_TRY(s.exec());
  if (sqlite3_changes(db_.handle()) != 1)
    return conflict("resumption.stale", "version", "复工申请已被他人修改，请刷新后重试",
                    "The resumption application was changed meanwhile: reload and retry");
  json after = {{"state", id(r.state)},
                {"masks", c.masks},
                {"thermometers", c.thermometers},
                {"disinfectant_ml", c.disinfectant_ml},
                {"entry_checks", c.entry_checks},
                {"disinfection", c.disinfection},
                {"separate_meals", c.separate_meals},
                {"return_reason", r.return_reason}};
  LZ_TRY(log(actor, action, "resumption", r.enterprise_id, "", after.dump()));
  auto out = resumption(r.enterprise_id);
  if (!out) return out.error();
  LZ_TRY(tx.commit());
  return out;
}

Result<Workforce> SqliteEnterpriseStore::workforce(int64_t eid) {
  auto s = db_.prepare(
      "SELECT COUNT(*), COUNT(health_declared_on) FROM enterprise_worker WHERE enterprise_id = ? "
      "AND active = 1");
  s.bind(1, eid);
  Workforce w;
  if (s.step()) w = {s.i64(0), s.i64(1)};
  return w;
}

// ---------------------------------------------------------------- workers

Result<SqliteEnterpriseStore::WorkerView> SqliteEnterpriseStore::add_worker(Worker w,
                                                                            const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  {
    auto d =
        db_.prepare("SELECT id FROM enterprise_worker WHERE enterprise_id = ? AND id_number = ?");
    d.bind(1, w.enterprise_id).bind(2, w.id_number);
    if (d.step())
      return conflict(
          "worker.duplicate", "id_number",
          fmt::format("该公民身份号码已登记为本企业职工（编号{}）", d.i64(0)),
          fmt::format("This ID number is already a worker of the enterprise (id {})", d.i64(0)));
  }
  {
    auto p = db_.prepare("SELECT id FROM person WHERE id_number = ? AND deleted_at IS NULL");
    p.bind(1, w.id_number);
    if (p.step()) w.person_id = p.i64(0);
  }
  auto s = db_.prepare(
      "INSERT INTO enterprise_worker (enterprise_id, name, id_number, phone, person_id, "
      "health_declared_on, "
      "health_note, active, created_at, created_by) VALUES (?,?,?,?,?,?,?,1,?,?)");
  s.bind(1, w.enterprise_id)
      .bind(2, w.name)
      .bind(3, w.id_number)
      .bind(4, w.phone)
      .bind(5, w.person_id);
  if (w.health_declared_on)
    s.bind(6, w.health_declared_on->iso());
  else
    s.bind_null(6);
  s.bind(7, w.health_note).bind(8, now_iso()).bind(9, actor.name);
  LZ_TRY(s.exec());
  w.id = sqlite3_last_insert_rowid(db_.handle());
  json after = {{"enterprise_id", w.enterprise_id},
                {"name", w.name},
                {"person_id", w.person_id ? json(*w.person_id) : json(nullptr)},
                {"health_declared_on",
                 w.health_declared_on ? json(w.health_declared_on->iso()) : json(nullptr)}};
  LZ_TRY(log(actor, "enterprise.worker.create", "enterprise_worker", w.id, "", after.dump()));
  auto v = worker(w.id);
  if (!v) return v.error();
  LZ_TRY(tx.commit());
  return v;
}

Result<SqliteEnterpriseStore::WorkerView> SqliteEnterpriseStore::worker(int64_t wid) {
  auto s = db_.prepare(fmt::format("SELECT {} {} WHERE w.id = ?", kWorkerCols, kWorkerJoin));
  s.bind(1, wid);
  if (!s.step())
    return not_found("worker.not_found", "worker_id", fmt::format("职工{}不存在", wid),
                     fmt::format("There is no worker {}", wid));
  return read_worker(s);
}

Result<SqliteEnterpriseStore::WorkerView> SqliteEnterpriseStore::declare_health(
    int64_t wid, Date on, const std::string& note, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "UPDATE enterprise_worker SET health_declared_on = ?, health_note = ? WHERE id = ?");
  s.bind(1, on.iso()).bind(2, note).bind(3, wid);
  LZ_TRY(s.exec());
  if (sqlite3_changes(db_.handle()) != 1)
    return not_found("worker.not_found", "worker_id", fmt::format("职工{}不存在", wid),
                     fmt::format("There is no worker {}", wid));
  LZ_TRY(log(actor, "enterprise.worker.declare", "enterprise_worker", wid, "",
             json{{"health_declared_on", on.iso()}, {"health_note", note}}.dump()));
  auto v = worker(wid);
  if (!v) return v.error();
  LZ_TRY(tx.commit());
  return v;
}

Result<SqliteEnterpriseStore::WorkerView> SqliteEnterpriseStore::set_worker_active(
    int64_t wid, bool active, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = worker(wid);
  if (!before) return before.error();
  LZ_TRY(db_.prepare("UPDATE enterprise_worker SET active = ? WHERE id = ?")
             .bind(1, active ? 1 : 0)
             .bind(2, wid)
             .exec());
  LZ_TRY(log(actor, active ? "enterprise.worker.return" : "enterprise.worker.leave",
             "enterprise_worker", wid, json{{"active", before->w.active}}.dump(),
             json{{"active", active}}.dump()));
  auto v = worker(wid);
  if (!v) return v.error();
  LZ_TRY(tx.commit());
  return v;
}

Result<ListResult<SqliteEnterpriseStore::WorkerView>> SqliteEnterpriseStore::workers(
    int64_t eid, int64_t limit, int64_t offset) {
  ListResult<WorkerView> out;
  {
    auto c = db_.prepare("SELECT COUNT(*) FROM enterprise_worker WHERE enterprise_id = ?");
    c.bind(1, eid);
    if (c.step()) out.total = c.i64(0);
  }
  auto s = db_.prepare(
      fmt::format("SELECT {} {} WHERE w.enterprise_id = ? ORDER BY w.id LIMIT ? OFFSET ?",
                  kWorkerCols, kWorkerJoin));
  s.bind(1, eid).bind(2, limit).bind(3, offset);
  while (s.step()) out.items.push_back(read_worker(s));
  return out;
}

Result<std::vector<SqliteEnterpriseStore::WorkerView>> SqliteEnterpriseStore::jobs_of_person(
    int64_t person_id) {
  std::vector<WorkerView> out;
  auto s = db_.prepare(
      fmt::format("SELECT {} {} WHERE w.person_id = ? ORDER BY w.id", kWorkerCols, kWorkerJoin));
  s.bind(1, person_id);
  while (s.step()) out.push_back(read_worker(s));
  return out;
}

// ---------------------------------------------------------------- temperatures

Result<std::vector<SqliteEnterpriseStore::TemperatureRow>> SqliteEnterpriseStore::add_temperatures(
    const TemperatureBatch& b, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::vector<TemperatureRow> out;
  std::string now = now_iso();
  auto ins = db_.prepare(
      "INSERT INTO worker_temperature (worker_id, enterprise_id, on_date, temperature_tenths, "
      "symptoms, note, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?)");
  auto who = db_.prepare(
      "SELECT name FROM enterprise_worker WHERE id = ? AND enterprise_id = ? AND active = 1");
  for (size_t i = 0; i < b.readings.size(); ++i) {
    const auto& r = b.readings[i];
    std::string at = fmt::format("readings[{}].worker_id", i);
    who.bind(1, r.worker_id).bind(2, b.enterprise_id);
    if (!who.step())
      return not_found(
          "worker.not_found", at,
          fmt::format("第{}条：职工{}不是本企业在岗职工", i + 1, r.worker_id),
          fmt::format("Reading {}: worker {} is not an active worker of this enterprise", i + 1,
                      r.worker_id));
    std::string name = who.str(0);
    who.reset();
    std::string symptoms;
    for (const auto& sy : r.symptoms) symptoms += (symptoms.empty() ? "" : ",") + sy;
    ins.bind(1, r.worker_id)
        .bind(2, b.enterprise_id)
        .bind(3, b.on.iso())
        .bind(4, r.temperature_tenths);
    ins.bind(5, symptoms).bind(6, r.note).bind(7, now).bind(8, actor.name);
    auto st = ins.exec();
    if (!st) {
      if (sqlite3_extended_errcode(db_.handle()) == SQLITE_CONSTRAINT_UNIQUE)
        return conflict(
            "temperature.duplicate", at,
            fmt::format("第{}条：{}（职工{}）{}的体温已报告", i + 1, name, r.worker_id, b.on.iso()),
            fmt::format("Reading {}: {} (worker {}) already has a reading for {}", i + 1, name,
                        r.worker_id, b.on.iso()));
      return st.error();
    }
    TemperatureRow row;
    row.id = sqlite3_last_insert_rowid(db_.handle());
    row.worker_id = r.worker_id;
    row.enterprise_id = b.enterprise_id;
    row.worker_name = name;
    row.on = b.on;
    row.temperature_tenths = r.temperature_tenths;
    row.symptoms = r.symptoms;
    row.note = r.note;
    out.push_back(std::move(row));
  }
  LZ_TRY(log(actor, "enterprise.temperatures", "enterprise", b.enterprise_id, "",
             json{{"on", b.on.iso()}, {"readings", b.readings.size()}}.dump()));
  LZ_TRY(tx.commit());
  return out;
}

Status SqliteEnterpriseStore::set_referral(int64_t tid, int64_t key_person_id) {
  return db_.prepare("UPDATE worker_temperature SET key_person_id = ? WHERE id = ?")
      .bind(1, key_person_id)
      .bind(2, tid)
      .exec();
}

Result<std::vector<SqliteEnterpriseStore::TemperatureRow>> SqliteEnterpriseStore::temperatures(
    int64_t eid, Date on) {
  std::vector<TemperatureRow> out;
  auto s = db_.prepare(
      "SELECT t.id, t.worker_id, w.name, t.temperature_tenths, t.symptoms, t.note, t.key_person_id "
      "FROM "
      "worker_temperature t JOIN enterprise_worker w ON w.id = t.worker_id WHERE t.enterprise_id = "
      "? AND t.on_date = ? "
      "ORDER BY t.worker_id");
  s.bind(1, eid).bind(2, on.iso());
  while (s.step()) {
    TemperatureRow r;
    r.id = s.i64(0);
    r.worker_id = s.i64(1);
    r.enterprise_id = eid;
    r.worker_name = s.str(2);
    r.on = on;
    r.temperature_tenths = static_cast<int>(s.i64(3));
    r.symptoms = split_csv(s.str(4));
    r.note = s.str(5);
    r.key_person_id = s.opt_i64(6);
    out.push_back(std::move(r));
  }
  return out;
}

// ---------------------------------------------------------------- bulletin

Status fill_enterprise_figures(Db& db, Date d, const std::string& region_prefix,
                               livelihood::LivelihoodFigures& out) {
  // resumption_approved covers (approved_on, region_code): a range scan on the date.
  auto s = region_prefix.empty() ? db.prepare(
                                       "SELECT COUNT(*) FROM resumption WHERE approved_on IS NOT "
                                       "NULL AND approved_on <= ?")
                                 : db.prepare(
                                       "SELECT COUNT(*) FROM resumption WHERE approved_on IS NOT "
                                       "NULL AND approved_on <= ? AND "
                                       "region_code >= ? AND region_code < ?");
  s.bind(1, d.iso());
  if (!region_prefix.empty()) s.bind(2, region_prefix).bind(3, prefix_end(region_prefix));
  if (s.step()) out.enterprises_resumed = s.i64(0);
  return Status::Ok();
}

}  // namespace lz::sqlite
