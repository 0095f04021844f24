// SqlitePovertyStore writes and reads other than the facts loader
// (sqlite_poverty_facts.cc). Every write: one transaction with its audit entry.
#include "store/sqlite/sqlite_poverty.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/region_filter.h"
#include "store/sqlite/rows.h"

namespace lz::sqlite {

using namespace lz::poverty;
using nlohmann::json;

namespace {

template <typename T>
void bind_opt_bool(Stmt& s, int i, const std::optional<T>& v) {
  if (v)
    s.bind(i, static_cast<int64_t>(*v ? 1 : 0));
  else
    s.bind_null(i);
}
void bind_opt_i64(Stmt& s, int i, const std::optional<int64_t>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind_null(i);
}
void bind_opt_date(Stmt& s, int i, const std::optional<Date>& d) {
  if (d)
    s.bind(i, d->iso());
  else
    s.bind_null(i);
}
json opt(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }
json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
Date date_of(const std::string& s) { return Date::parse_iso(s).value_or(Date()); }

std::string kinds_text(RiskKindSet kinds) {
  std::string out;
  for (size_t i = 0; i < vocabulary<RiskKind>().size(); ++i) {
    auto k = static_cast<RiskKind>(i);
    if (!kinds.has(k)) continue;
    if (!out.empty()) out += ",";
    out += id(k);
  }
  return out;
}

json task_json(const GapTask& t) {
  json history = json::array();
  for (const auto& e : t.history)
    history.push_back({{"action", task_action_id(e.action)},
                       {"from", id(e.from)},
                       {"to", id(e.to)},
                       {"on", e.on.iso()},
                       {"by", e.by},
                       {"note", e.note}});
  return {{"id", t.id},
          {"household_id", t.household_id},
          {"rule_id", t.rule_id},
          {"state", id(t.state)},
          {"cadre_id", t.cadre_id ? json(*t.cadre_id) : json(nullptr)},
          {"deadline", t.deadline.iso()},
          {"history", history}};
}

}  // namespace

Status SqlitePovertyStore::log(const Actor& actor, const char* action, const char* entity, int64_t id,
                               const std::string& before, const std::string& after, const std::string& detail) {
  return audit_record(audit_, actor, action, entity, id, before, after, detail);
}

static Status require_household(Db& db, int64_t household_id) {
  auto s = db.prepare("SELECT 1 FROM household WHERE id = ? AND deleted_at IS NULL");
  s.bind(1, household_id);
  if (!s.step())
    return not_found("household.not_found", "household_id", fmt::format("户{}不存在", household_id),
                     fmt::format("There is no household with id {}", household_id));
  return {};
}

Status SqlitePovertyStore::set_condition(int64_t hid, const ConditionInput& c, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, hid));
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO poverty_condition (household_id, housing_grade, water_quality, water_quantity, water_convenience, "
      "water_reliability, dibao, tekun, version, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,1,?,?) "
      "ON CONFLICT (household_id) DO UPDATE SET housing_grade = excluded.housing_grade, water_quality = "
      "excluded.water_quality, water_quantity = excluded.water_quantity, water_convenience = "
      "excluded.water_convenience, water_reliability = excluded.water_reliability, dibao = excluded.dibao, tekun = "
      "excluded.tekun, version = poverty_condition.version + 1, updated_at = excluded.updated_at, updated_by = "
      "excluded.updated_by");
  s.bind(1, hid);
  if (c.housing_grade)
    s.bind(2, std::string(1, *c.housing_grade));
  else
    s.bind_null(2);
  bind_opt_bool(s, 3, c.water.quality);
  bind_opt_bool(s, 4, c.water.quantity);
  bind_opt_bool(s, 5, c.water.convenience);
  bind_opt_bool(s, 6, c.water.reliability);
  bind_opt_bool(s, 7, c.dibao);
  bind_opt_bool(s, 8, c.tekun);
  s.bind(9, now).bind(10, actor.name);
  LZ_TRY(s.exec());
  json after = {{"housing_grade", c.housing_grade ? json(std::string(1, *c.housing_grade)) : json(nullptr)},
                {"water", {{"quality", opt(c.water.quality)}, {"quantity", opt(c.water.quantity)},
                           {"convenience", opt(c.water.convenience)}, {"reliability", opt(c.water.reliability)}}},
                {"dibao", opt(c.dibao)},
                {"tekun", opt(c.tekun)}};
  LZ_TRY(log(actor, "update", "poverty_condition", hid, "", after.dump()));
  return tx.commit();
}

Status SqlitePovertyStore::set_income(int64_t hid, int year, const Income& in, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, hid));
  std::string before;
  {
    auto b = db_.prepare(
        "SELECT wage_fen, business_fen, property_fen, transfer_fen, business_costs_fen FROM poverty_income WHERE "
        "household_id = ? AND year = ?");
    b.bind(1, hid).bind(2, static_cast<int64_t>(year));
    if (b.step())
      before = json({{"wage_fen", opt(b.opt_i64(0))}, {"business_fen", opt(b.opt_i64(1))},
                     {"property_fen", opt(b.opt_i64(2))}, {"transfer_fen", opt(b.opt_i64(3))},
                     {"business_costs_fen", opt(b.opt_i64(4))}})
                   .dump();
  }
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO poverty_income (household_id, year, wage_fen, business_fen, property_fen, transfer_fen, "
      "business_costs_fen, version, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,1,?,?) ON CONFLICT (household_id, "
      "year) DO UPDATE SET wage_fen = excluded.wage_fen, business_fen = excluded.business_fen, property_fen = "
      "excluded.property_fen, transfer_fen = excluded.transfer_fen, business_costs_fen = excluded.business_costs_fen, "
      "version = poverty_income.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  s.bind(1, hid).bind(2, static_cast<int64_t>(year));
  bind_opt_i64(s, 3, in.wage_fen);
  bind_opt_i64(s, 4, in.business_fen);
  bind_opt_i64(s, 5, in.property_fen);
  bind_opt_i64(s, 6, in.transfer_fen);
  bind_opt_i64(s, 7, in.business_costs_fen);
  s.bind(8, now).bind(9, actor.name);
  LZ_TRY(s.exec());
  json after = {{"year", year}, {"wage_fen", opt(in.wage_fen)}, {"business_fen", opt(in.business_fen)},
                {"property_fen", opt(in.property_fen)}, {"transfer_fen", opt(in.transfer_fen)},
                {"business_costs_fen", opt(in.business_costs_fen)}};
  LZ_TRY(log(actor, "update", "poverty_income", hid, before, after.dump()));
  return tx.commit();
}

Status SqlitePovertyStore::set_member(const MemberFacts& m, int64_t hid, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  {
    auto p = db_.prepare("SELECT household_id FROM person WHERE id = ? AND deleted_at IS NULL");
    p.bind(1, m.person_id);
    if (!p.step() || p.is_null(0) || p.i64(0) != hid)
      return not_found("person.not_found", "person_id", fmt::format("该户没有成员{}", m.person_id),
                       fmt::format("Person {} is not a member of this household", m.person_id));
  }
  auto s = db_.prepare(
      "INSERT INTO poverty_member (person_id, household_id, basic_medical, serious_illness, chronic_card, "
      "disability_certificate, disability_subsidy, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT "
      "(person_id) DO UPDATE SET basic_medical = excluded.basic_medical, serious_illness = excluded.serious_illness, "
      "chronic_card = excluded.chronic_card, disability_certificate = excluded.disability_certificate, "
      "disability_subsidy = excluded.disability_subsidy, updated_at = excluded.updated_at, updated_by = "
      "excluded.updated_by");
  s.bind(1, m.person_id).bind(2, hid);
  bind_opt_bool(s, 3, m.basic_medical);
  bind_opt_bool(s, 4, m.serious_illness);
  bind_opt_bool(s, 5, m.chronic_card);
  s.bind(6, m.disability_certificate);
  bind_opt_bool(s, 7, m.disability_subsidy);
  s.bind(8, now_iso()).bind(9, actor.name);
  LZ_TRY(s.exec());
  json after = {{"basic_medical", opt(m.basic_medical)}, {"serious_illness", opt(m.serious_illness)},
                {"chronic_card", opt(m.chronic_card)}, {"disability_certificate", m.disability_certificate},
                {"disability_subsidy", opt(m.disability_subsidy)}};
  LZ_TRY(log(actor, "update", "poverty_member", m.person_id, "", after.dump()));
  return tx.commit();
}

Status SqlitePovertyStore::set_causes(int64_t hid, CauseSet causes, std::optional<Cause> main, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, hid));
  LZ_TRY(db_.prepare("DELETE FROM poverty_cause WHERE household_id = ?").bind(1, hid).exec());
  auto ins = db_.prepare("INSERT INTO poverty_cause (household_id, cause, is_main) VALUES (?,?,?)");
  json list = json::array();
  for (size_t i = 0; i < vocabulary<Cause>().size(); ++i) {
    auto c = static_cast<Cause>(i);
    if (!causes.has(c)) continue;
    LZ_TRY(ins.bind(1, hid).bind(2, id(c)).bind(3, static_cast<int64_t>(main && *main == c)).exec());
    list.push_back(id(c));
  }
  LZ_TRY(log(actor, "update", "poverty_cause", hid, "",
             json({{"causes", list}, {"main", main ? json(id(*main)) : json(nullptr)}}).dump()));
  return tx.commit();
}

Result<int64_t> SqlitePovertyStore::add_loan(int64_t hid, const Loan& l, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, hid));
  auto s = db_.prepare(
      "INSERT INTO microcredit_loan (household_id, amount_fen, start_date, due_date, repaid_fen, repaid_on, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?)");
  s.bind(1, hid).bind(2, l.amount_fen).bind(3, l.start.iso()).bind(4, l.due.iso()).bind(5, l.repaid_fen);
  bind_opt_date(s, 6, l.repaid_on);
  s.bind(7, now_iso()).bind(8, actor.name);
  LZ_TRY(s.exec());
  int64_t id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "create", "microcredit_loan", id, "",
             json({{"household_id", hid}, {"amount_fen", l.amount_fen}, {"start", l.start.iso()}, {"due", l.due.iso()},
                   {"repaid_fen", l.repaid_fen}})
                 .dump()));
  LZ_TRY(tx.commit());
  return id;
}

Result<int64_t> SqlitePovertyStore::add_measure(int64_t hid, const AssistanceMeasure& m, const std::string& note,
                                                const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, hid));
  auto s = db_.prepare(
      "INSERT INTO assistance_measure (household_id, kind, on_date, amount_fen, note, created_at, created_by) VALUES "
      "(?,?,?,?,?,?,?)");
  s.bind(1, hid).bind(2, id(m.kind)).bind(3, m.on.iso()).bind(4, m.amount_fen).bind(5, note).bind(6, now_iso());
  s.bind(7, actor.name);
  LZ_TRY(s.exec());
  int64_t mid = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "create", "assistance_measure", mid, "",
             json({{"household_id", hid}, {"kind", id(m.kind)}, {"on", m.on.iso()}, {"amount_fen", m.amount_fen},
                   {"note", note}})
                 .dump()));
  LZ_TRY(tx.commit());
  return mid;
}

// ---------------------------------------------------------------- visits

static VisitRecord read_visit(const Stmt& s) {
  VisitRecord v;
  v.id = s.i64(0);
  v.household_id = s.i64(1);
  v.cadre_id = s.opt_i64(2);
  v.facts.on = date_of(s.str(3));
  v.facts.mode = s.str(4) == "phone" ? VisitMode::kPhone : VisitMode::kInPerson;
  v.facts.food_ok = s.is_null(5) ? std::nullopt : std::optional<bool>(s.i64(5) != 0);
  v.facts.clothing_ok = s.is_null(6) ? std::nullopt : std::optional<bool>(s.i64(6) != 0);
  v.notes = s.str(7);
  v.created_at = s.str(8);
  v.created_by = s.str(9);
  return v;
}

Result<VisitRecord> SqlitePovertyStore::add_visit(VisitRecord v, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, v.household_id));
  auto s = db_.prepare(
      "INSERT INTO visit (household_id, cadre_id, visited_on, mode, food_ok, clothing_ok, notes, created_at, "
      "created_by) VALUES (?,?,?,?,?,?,?,?,?)");
  s.bind(1, v.household_id);
  bind_opt_i64(s, 2, v.cadre_id);
  s.bind(3, v.facts.on.iso()).bind(4, v.facts.mode == VisitMode::kPhone ? "phone" : "in_person");
  bind_opt_bool(s, 5, v.facts.food_ok);
  bind_opt_bool(s, 6, v.facts.clothing_ok);
  s.bind(7, v.notes).bind(8, now_iso()).bind(9, actor.name);
  LZ_TRY(s.exec());
  v.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "create", "visit", v.id, "",
             json({{"household_id", v.household_id}, {"on", v.facts.on.iso()},
                   {"mode", v.facts.mode == VisitMode::kPhone ? "phone" : "in_person"},
                   {"food_ok", opt(v.facts.food_ok)}, {"clothing_ok", opt(v.facts.clothing_ok)}, {"notes", v.notes}})
                 .dump()));
  LZ_TRY(tx.commit());
  auto r = db_.prepare(
      "SELECT id, household_id, cadre_id, visited_on, mode, food_ok, clothing_ok, notes, created_at, created_by FROM "
      "visit WHERE id = ?");
  r.bind(1, v.id);
  r.step();
  return read_visit(r);
}

Result<std::vector<VisitRecord>> SqlitePovertyStore::visits(int64_t hid) {
  auto s = db_.prepare(
      "SELECT id, household_id, cadre_id, visited_on, mode, food_ok, clothing_ok, notes, created_at, created_by FROM "
      "visit WHERE household_id = ? ORDER BY visited_on DESC, id DESC");
  s.bind(1, hid);
  std::vector<VisitRecord> out;
  while (s.step()) out.push_back(read_visit(s));
  return out;
}

Result<ListResult<std::pair<int64_t, std::string>>> SqlitePovertyStore::overdue_visits(
    const std::string& prefix, std::optional<int64_t> cadre_id, Date before, int64_t limit, int64_t offset) {
  std::string where =
      "h.deleted_at IS NULL AND ph.status IN ('registered_poor','lifted','marginal') AND h.region_code >= ? AND "
      "h.region_code < ?";
  if (cadre_id)
    where += " AND h.id IN (SELECT household_id FROM pairing WHERE cadre_id = ? AND to_date IS NULL AND deleted_at IS NULL)";
  std::string base =
      " FROM household h JOIN poverty_household ph ON ph.household_id = h.id LEFT JOIN (SELECT household_id, "
      "MAX(visited_on) AS last FROM visit GROUP BY household_id) v ON v.household_id = h.id WHERE " +
      where + " AND (v.last IS NULL OR v.last < ?)";
  auto bind = [&](Stmt& s) {
    int i = 1;
    s.bind(i, prefix);
    s.bind(i + 1, prefix_end(prefix));
    i += 2;
    if (cadre_id) s.bind(i++, *cadre_id);
    s.bind(i++, before.iso());
    return i;
  };
  ListResult<std::pair<int64_t, std::string>> out;
  auto c = db_.prepare("SELECT COUNT(*)" + base);
  bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare("SELECT h.id, COALESCE(v.last, '')" + base + " ORDER BY v.last, h.id LIMIT ? OFFSET ?");
  int i = bind(s);
  s.bind(i, limit).bind(i + 1, offset);
  while (s.step()) out.items.emplace_back(s.i64(0), s.str(1));
  return out;
}

// ---------------------------------------------------------------- risk cases

static const char* kRiskCols =
    "household_id, id, category, trigger_kind, trigger_on, person_id, kinds, opened_on, deadline, closed_on, "
    "close_method, note, close_note, closed_by";

static json risk_json(const RiskCase& r) {
  return {{"id", r.id},
          {"household_id", r.household_id},
          {"category", id(r.category)},
          {"trigger", r.trigger ? json(id(*r.trigger)) : json(nullptr)},
          {"opened_on", r.opened_on.iso()},
          {"deadline", r.deadline.iso()},
          {"closed_on", r.closed_on ? json(r.closed_on->iso()) : json(nullptr)},
          {"close_method", r.close_method ? json(id(*r.close_method)) : json(nullptr)},
          {"note", r.note},
          {"close_note", r.close_note}};
}

Result<RiskCase> SqlitePovertyStore::risk(int64_t rid) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM risk_case WHERE id = ?", kRiskCols));
  s.bind(1, rid);
  if (!s.step())
    return not_found("risk_case.not_found", "id", fmt::format("监测对象{}不存在", rid),
                     fmt::format("There is no monitoring case {}", rid));
  return read_risk_case(s, 0);
}

Result<RiskCase> SqlitePovertyStore::save_risk(const RiskCase& c, const std::string& source, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(require_household(db_, c.household_id));
  std::string now = now_iso(), before;
  int64_t rid = c.id;
  if (rid == 0) {
    auto s = db_.prepare(
        "INSERT INTO risk_case (household_id, category, trigger_kind, trigger_on, person_id, kinds, opened_on, "
        "deadline, closed_on, close_method, note, close_note, closed_by, source, version, created_at, created_by, "
        "updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
    s.bind(1, c.household_id).bind(2, id(c.category));
    if (c.trigger) s.bind(3, id(*c.trigger)); else s.bind_null(3);
    s.bind(4, c.trigger_on.iso());
    bind_opt_i64(s, 5, c.person_id);
    s.bind(6, kinds_text(c.kinds)).bind(7, c.opened_on.iso()).bind(8, c.deadline.iso());
    bind_opt_date(s, 9, c.closed_on);
    if (c.close_method) s.bind(10, id(*c.close_method)); else s.bind_null(10);
    s.bind(11, c.note).bind(12, c.close_note).bind(13, c.closed_by).bind(14, source);
    s.bind(15, now).bind(16, actor.name).bind(17, now).bind(18, actor.name);
    LZ_TRY(s.exec());
    rid = sqlite3_last_insert_rowid(db_.handle());
  } else {
    auto old = risk(rid);
    if (!old) return old.error();
    before = risk_json(*old).dump();
    auto s = db_.prepare(
        "UPDATE risk_case SET category = ?, kinds = ?, deadline = ?, closed_on = ?, close_method = ?, note = ?, "
        "close_note = ?, closed_by = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
    s.bind(1, id(c.category)).bind(2, kinds_text(c.kinds)).bind(3, c.deadline.iso());
    bind_opt_date(s, 4, c.closed_on);
    if (c.close_method) s.bind(5, id(*c.close_method)); else s.bind_null(5);
    s.bind(6, c.note).bind(7, c.close_note).bind(8, c.closed_by).bind(9, now).bind(10, actor.name).bind(11, rid);
    LZ_TRY(s.exec());
  }
  auto saved = risk(rid);
  if (!saved) return saved.error();
  LZ_TRY(log(actor, c.id == 0 ? "create" : "update", "risk_case", rid, before, risk_json(*saved).dump(), source));
  LZ_TRY(tx.commit());
  return saved;
}

Result<ListResult<RiskCase>> SqlitePovertyStore::list_risks(const RiskQuery& q) {
  std::string where = "1=1";
  std::vector<std::string> args;
  if (!q.region_prefix.empty()) {
    where += " AND " + household_in_region("risk_case.household_id", q.region_prefix);
    args.push_back(q.region_prefix);
    args.push_back(prefix_end(q.region_prefix));
  }
  if (q.household_id) where += " AND household_id = ?", args.push_back(std::to_string(*q.household_id));
  if (q.open_only) where += " AND closed_on IS NULL";
  if (!q.category.empty()) where += " AND category = ?", args.push_back(q.category);
  ListResult<RiskCase> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM risk_case WHERE " + where);
  for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format("SELECT {} FROM risk_case WHERE {} ORDER BY id DESC LIMIT ? OFFSET ?", kRiskCols, where));
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, q.limit).bind(i + 1, q.offset);
  while (s.step()) out.items.push_back(read_risk_case(s, 0));
  return out;
}

// ---------------------------------------------------------------- check results and classes

Status SqlitePovertyStore::save_check(const CheckResult& r, const Classification& c, const std::string& checked_at) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(db_.prepare("DELETE FROM check_finding WHERE household_id = ?").bind(1, r.household_id).exec());
  auto ins = db_.prepare(
      "INSERT INTO check_finding (household_id, rule_id, outcome, reason_zh, reason_en, missing_field) VALUES "
      "(?,?,?,?,?,?)");
  for (const auto& x : r.results) {
    if (x.outcome == Outcome::kPass) continue;
    LZ_TRY(ins.bind(1, r.household_id).bind(2, x.rule->id).bind(3, id(x.outcome)).bind(4, x.finding.reason_zh)
               .bind(5, x.finding.reason_en).bind(6, x.finding.field).exec());
  }
  json reasons = json::array();
  for (const auto& why : c.reasons) reasons.push_back({{"code", why.code}, {"zh", why.zh}, {"en", why.en}});
  LZ_TRY(db_.prepare("INSERT INTO household_class (household_id, computed, reasons, checked_at) VALUES (?,?,?,?) ON "
                     "CONFLICT (household_id) DO UPDATE SET computed = excluded.computed, reasons = excluded.reasons, "
                     "checked_at = excluded.checked_at")
             .bind(1, r.household_id).bind(2, id(c.computed)).bind(3, reasons.dump()).bind(4, checked_at).exec());
  return tx.commit();
}

Result<std::vector<StoredFinding>> SqlitePovertyStore::findings(int64_t hid) {
  auto s = db_.prepare(
      "SELECT rule_id, outcome, reason_zh, reason_en, missing_field FROM check_finding WHERE household_id = ? ORDER BY "
      "rule_id");
  s.bind(1, hid);
  std::vector<StoredFinding> out;
  while (s.step()) out.push_back({s.str(0), s.str(1), s.str(2), s.str(3), s.str(4)});
  return out;
}

Result<std::optional<StoredClass>> SqlitePovertyStore::stored_class(int64_t hid) {
  auto s = db_.prepare(
      "SELECT computed, reasons, override_class, override_reason, override_by, override_at, checked_at FROM "
      "household_class WHERE household_id = ?");
  s.bind(1, hid);
  if (!s.step()) return std::optional<StoredClass>();
  return std::optional<StoredClass>(
      StoredClass{s.str(0), s.str(1), s.opt_str(2), s.opt_str(3), s.opt_str(4), s.opt_str(5), s.str(6)});
}

Status SqlitePovertyStore::set_override(int64_t hid, const ClassOverride& o, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto cur = stored_class(hid);
  if (!cur) return cur.error();
  if (!*cur)
    return invalid("class.not_checked", "household_id", "该户尚未核查，不能调整分类",
                   "This household has not been checked yet, so its class cannot be overridden");
  json before = {{"computed", (*cur)->computed}, {"override", (*cur)->override_class ? json(*(*cur)->override_class) : json(nullptr)}};
  LZ_TRY(db_.prepare("UPDATE household_class SET override_class = ?, override_reason = ?, override_by = ?, override_at = ? "
                     "WHERE household_id = ?")
             .bind(1, id(o.cls)).bind(2, o.reason).bind(3, o.by).bind(4, o.on.iso()).bind(5, hid).exec());
  LZ_TRY(log(actor, "override", "household_class", hid, before.dump(),
             json({{"computed", (*cur)->computed}, {"override", id(o.cls)}, {"reason", o.reason}}).dump(), o.reason));
  return tx.commit();
}

Status SqlitePovertyStore::clear_override(int64_t hid, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(db_.prepare("UPDATE household_class SET override_class = NULL, override_reason = NULL, override_by = NULL, "
                     "override_at = NULL WHERE household_id = ?")
             .bind(1, hid).exec());
  LZ_TRY(log(actor, "clear_override", "household_class", hid, "", ""));
  return tx.commit();
}

// ---------------------------------------------------------------- gap tasks

static const char* kTaskCols =
    "t.id, t.household_id, h.region_code, t.cadre_id, t.rule_id, t.rule_version, t.rule_group, t.reason_zh, "
    "t.reason_en, t.field, t.state, t.opened_on, t.deadline, t.fix_what, t.fix_evidence, t.fix_photo, t.fixed_on, "
    "t.fixed_by, t.verified_on, t.verified_by, t.return_note, t.closed_on, t.reopened, t.history";

static GapTask read_task(const Stmt& s) {
  GapTask t;
  t.id = s.i64(0);
  t.household_id = s.i64(1);
  t.region_code = s.str(2);
  t.cadre_id = s.opt_i64(3);
  t.rule_id = s.str(4);
  t.rule_version = static_cast<int>(s.i64(5));
  t.group = parse<RuleGroup>(s.str(6)).value_or(RuleGroup::kConsistency);
  t.reason_zh = s.str(7);
  t.reason_en = s.str(8);
  t.field = s.str(9);
  t.state = parse<TaskState>(s.str(10)).value_or(TaskState::kOpen);
  t.opened_on = date_of(s.str(11));
  t.deadline = date_of(s.str(12));
  if (!s.is_null(13)) {
    TaskFix f;
    f.what = s.str(13);
    f.evidence_note = s.str(14);
    f.photo_ref = s.str(15);
    f.on = date_of(s.str(16));
    f.by = s.str(17);
    t.fix = f;
  }
  if (!s.is_null(18)) t.verified_on = date_of(s.str(18));
  t.verified_by = s.str(19);
  t.return_note = s.str(20);
  if (!s.is_null(21)) t.closed_on = date_of(s.str(21));
  t.reopened = static_cast<int>(s.i64(22));
  auto h = json::parse(s.str(23), nullptr, false);
  if (h.is_array())
    for (const auto& e : h) {
      TaskEvent ev;
      for (size_t i = 0; i < 6; ++i)
        if (e.value("action", "") == task_action_id(static_cast<TaskAction>(i))) ev.action = static_cast<TaskAction>(i);
      ev.from = parse<TaskState>(e.value("from", "")).value_or(TaskState::kOpen);
      ev.to = parse<TaskState>(e.value("to", "")).value_or(TaskState::kOpen);
      ev.on = date_of(e.value("on", ""));
      ev.by = e.value("by", "");
      ev.note = e.value("note", "");
      t.history.push_back(ev);
    }
  return t;
}

Result<GapTask> SqlitePovertyStore::task(int64_t tid) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM gap_task t JOIN household h ON h.id = t.household_id WHERE t.id = ?",
                                   kTaskCols));
  s.bind(1, tid);
  if (!s.step())
    return not_found("task.not_found", "id", fmt::format("整改任务{}不存在", tid),
                     fmt::format("There is no gap task {}", tid));
  return read_task(s);
}

Result<std::vector<GapTask>> SqlitePovertyStore::tasks_of(int64_t hid) {
  auto s = db_.prepare(fmt::format(
      "SELECT {} FROM gap_task t JOIN household h ON h.id = t.household_id WHERE t.household_id = ? ORDER BY t.id",
      kTaskCols));
  s.bind(1, hid);
  std::vector<GapTask> out;
  while (s.step()) out.push_back(read_task(s));
  return out;
}

Result<ListResult<GapTask>> SqlitePovertyStore::list_tasks(const TaskQuery& q) {
  std::string where = "1=1";
  std::vector<std::string> args;
  if (!q.region_prefix.empty()) {
    where += " AND h.region_code >= ? AND h.region_code < ?";
    args.push_back(q.region_prefix);
    args.push_back(prefix_end(q.region_prefix));
  }
  if (q.cadre_id) where += " AND t.cadre_id = ?", args.push_back(std::to_string(*q.cadre_id));
  if (q.household_id) where += " AND t.household_id = ?", args.push_back(std::to_string(*q.household_id));
  if (q.state == "active") where += " AND t.state IN ('open','fixed','returned')";
  else if (!q.state.empty()) where += " AND t.state = ?", args.push_back(q.state);
  if (!q.rule_id.empty()) where += " AND t.rule_id = ?", args.push_back(q.rule_id);
  if (q.overdue_only) where += " AND t.state IN ('open','fixed','returned') AND t.deadline < ?", args.push_back(q.as_of.iso());
  if (q.limit < 0 || q.limit > 1000 || q.offset < 0)
    return invalid("limit.range", "limit", "每页条数应在0到1000之间", "limit must be 0 to 1000");
  const std::string from = " FROM gap_task t JOIN household h ON h.id = t.household_id WHERE " + where;
  ListResult<GapTask> out;
  auto c = db_.prepare("SELECT COUNT(*)" + from);
  for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format("SELECT {}{} ORDER BY t.deadline, t.id LIMIT ? OFFSET ?", kTaskCols, from));
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, q.limit).bind(i + 1, q.offset);
  while (s.step()) out.items.push_back(read_task(s));
  return out;
}

static Status write_task(Db& db, GapTask& t, const Actor& actor) {
  std::string now = now_iso();
  json history = task_json(t)["history"];
  if (t.id == 0) {
    auto s = db.prepare(
        "INSERT INTO gap_task (household_id, rule_id, rule_version, rule_group, cadre_id, state, opened_on, deadline, "
        "reason_zh, reason_en, field, history, version, created_at, created_by, updated_at, updated_by) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
    s.bind(1, t.household_id).bind(2, t.rule_id).bind(3, static_cast<int64_t>(t.rule_version)).bind(4, id(t.group));
    bind_opt_i64(s, 5, t.cadre_id);
    s.bind(6, id(t.state)).bind(7, t.opened_on.iso()).bind(8, t.deadline.iso()).bind(9, t.reason_zh);
    s.bind(10, t.reason_en).bind(11, t.field).bind(12, history.dump()).bind(13, now).bind(14, actor.name);
    s.bind(15, now).bind(16, actor.name);
    LZ_TRY(s.exec());
    t.id = sqlite3_last_insert_rowid(db.handle());
    return {};
  }
  auto s = db.prepare(
      "UPDATE gap_task SET cadre_id = ?, state = ?, opened_on = ?, deadline = ?, reason_zh = ?, reason_en = ?, field = "
      "?, fix_what = ?, fix_evidence = ?, fix_photo = ?, fixed_on = ?, fixed_by = ?, verified_on = ?, verified_by = ?, "
      "return_note = ?, closed_on = ?, reopened = ?, history = ?, version = version + 1, updated_at = ?, updated_by = ? "
      "WHERE id = ?");
  bind_opt_i64(s, 1, t.cadre_id);
  s.bind(2, id(t.state)).bind(3, t.opened_on.iso()).bind(4, t.deadline.iso()).bind(5, t.reason_zh);
  s.bind(6, t.reason_en).bind(7, t.field);
  if (t.fix) {
    s.bind(8, t.fix->what).bind(9, t.fix->evidence_note).bind(10, t.fix->photo_ref).bind(11, t.fix->on.iso());
    s.bind(12, t.fix->by);
  } else {
    s.bind_null(8).bind(9, "").bind(10, "").bind_null(11).bind(12, "");
  }
  bind_opt_date(s, 13, t.verified_on);
  s.bind(14, t.verified_by).bind(15, t.return_note);
  bind_opt_date(s, 16, t.closed_on);
  s.bind(17, static_cast<int64_t>(t.reopened)).bind(18, history.dump()).bind(19, now).bind(20, actor.name);
  s.bind(21, t.id);
  return s.exec();
}

Result<GapTask> SqlitePovertyStore::save_task(const GapTask& in, const char* action, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string before;
  if (in.id != 0) {
    auto old = task(in.id);
    if (!old) return old.error();
    before = task_json(*old).dump();
  }
  GapTask t = in;
  LZ_TRY(write_task(db_, t, actor));
  auto saved = task(t.id);
  if (!saved) return saved.error();
  LZ_TRY(log(actor, action, "gap_task", t.id, before, task_json(*saved).dump()));
  LZ_TRY(tx.commit());
  return saved;
}

Status SqlitePovertyStore::apply(const Reconciliation& r, const Actor& actor) {
  if (r.empty()) return {};
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto each = [&](const std::vector<GapTask>& list, const char* action) -> Status {
    for (GapTask t : list) {
      LZ_TRY(write_task(db_, t, actor));
      LZ_TRY(log(actor, action, "gap_task", t.id, "", task_json(t).dump()));
    }
    return {};
  };
  LZ_TRY(each(r.opened, "open"));
  LZ_TRY(each(r.closed, "auto_close"));
  LZ_TRY(each(r.reopened, "reopen"));
  LZ_TRY(each(r.reassigned, "reassign"));
  return tx.commit();
}

}  // namespace lz::sqlite
