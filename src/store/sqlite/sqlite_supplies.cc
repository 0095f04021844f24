#include "store/sqlite/sqlite_supplies.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/rows.h"
#include "store/sqlite/versioned.h"

namespace lz::sqlite {

using namespace lz::livelihood;
using nlohmann::json;

namespace {

Error missing(const char* code, const char* field, const char* zh, const char* en, int64_t id) {
  return not_found(code, field, fmt::format("{}{}不存在", zh, id),
                   fmt::format("There is no {} {}", en, id));
}

// "region_code >= ? AND region_code < ?" when a prefix is given.
struct Where {
  std::string sql = " WHERE 1=1";
  std::vector<std::string> binds;
  void prefix(const char* col, const std::string& p) {
    if (p.empty()) return;
    sql += fmt::format(" AND {} >= ? AND {} < ?", col, col);
    binds.push_back(p);
    binds.push_back(prefix_end(p));
  }
  // Only active (true) or only closed/inactive (false) records; no filter when unset.
  void active(const std::optional<bool>& a) {
    if (a) sql += *a ? " AND active = 1" : " AND active = 0";
  }
  void eq(const char* col, const std::string& v) {
    sql += fmt::format(" AND {} = ?", col);
    binds.push_back(v);
  }
  int bind(Stmt& s) const {
    int n = 1;
    for (const auto& b : binds) s.bind(n++, b);
    return n;
  }
};

const char* kDepotCols =
    "id, name, region_code, keeper_name, keeper_phone, address, active, version";
Depot read_depot(const Stmt& s) {
  return {s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4), s.str(5), s.i64(6) != 0, s.i64(7)};
}
const char* kCoopCols =
    "id, name, region_code, leader_name, leader_phone, members, produce, active, version";
Cooperative read_coop(const Stmt& s) {
  return {s.i64(0), s.str(1), s.str(2),      s.str(3), s.str(4),
          s.i64(5), s.str(6), s.i64(7) != 0, s.i64(8)};
}
const char* kTechCols = "id, name, phone, speciality, region_code, active, version";
Technician read_tech(const Stmt& s) {
  return {s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4), s.i64(5) != 0, s.i64(6)};
}

json depot_json(const Depot& d) {
  return {{"name", d.name},
          {"region_code", d.region_code},
          {"keeper_name", d.keeper_name},
          {"keeper_phone", d.keeper_phone},
          {"address", d.address},
          {"active", d.active},
          {"version", d.version}};
}
json coop_json(const Cooperative& c) {
  return {{"name", c.name},
          {"region_code", c.region_code},
          {"leader_name", c.leader_name},
          {"leader_phone", c.leader_phone},
          {"members", c.members},
          {"produce", c.produce},
          {"active", c.active},
          {"version", c.version}};
}

const char* kRequestCols =
    "id, cooperative_id, household_id, region_code, item, quantity, fulfilled, needed_by, "
    "requested_on, note";
SupplyRequest read_request(const Stmt& s) {
  SupplyRequest r;
  r.id = s.i64(0);
  r.cooperative_id = s.opt_i64(1);
  r.household_id = s.opt_i64(2);
  r.region_code = s.str(3);
  r.item = s.str(4);
  r.quantity = s.i64(5);
  r.fulfilled = s.i64(6);
  r.needed_by = Date::parse_iso(s.str(7)).value_or(Date());
  r.requested_on = Date::parse_iso(s.str(8)).value_or(Date());
  r.note = s.str(9);
  return r;
}

const char* kDistCols =
    "id, depot_id, item, quantity, on_date, request_id, recipient, region_code, note";
Distribution read_dist(const Stmt& s) {
  Distribution d;
  d.id = s.i64(0);
  d.depot_id = s.i64(1);
  d.item = s.str(2);
  d.quantity = s.i64(3);
  d.on = Date::parse_iso(s.str(4)).value_or(Date());
  d.request_id = s.opt_i64(5);
  d.recipient = s.str(6);
  d.region_code = s.str(7);
  d.note = s.str(8);
  return d;
}

}  // namespace

// ---------------------------------------------------------------- depots and stock

Result<Depot> SqliteSuppliesStore::add_depot(Depot d, const Actor& actor) {
  auto id = insert_audited(
      db_, audit_, actor, "supplies.depot.create", "depot",
      "INSERT INTO depot (name, region_code, keeper_name, keeper_phone, address, created_at, "
      "created_by) VALUES (?,?,?,?,?,?,?)",
      [&](Stmt& s) {
        s.bind(1, d.name).bind(2, d.region_code).bind(3, d.keeper_name).bind(4, d.keeper_phone);
        s.bind(5, d.address).bind(6, now_iso()).bind(7, actor.name);
      },
      [&](int64_t) {
        return json{
            {"name", d.name}, {"region_code", d.region_code}, {"keeper_name", d.keeper_name}}
            .dump();
      });
  if (!id) return id.error();
  d.id = *id;
  return d;
}

Result<Depot> SqliteSuppliesStore::depot(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM depot WHERE id = ?", kDepotCols));
  s.bind(1, id);
  if (!s.step()) return missing("depot.not_found", "depot_id", "仓库", "depot", id);
  return read_depot(s);
}

Result<ListResult<Depot>> SqliteSuppliesStore::depots(const std::string& prefix, int64_t limit,
                                                      int64_t offset, std::optional<bool> active) {
  Where w;
  w.prefix("region_code", prefix);
  w.active(active);
  ListResult<Depot> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM depot" + w.sql);
  w.bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format("SELECT {} FROM depot", kDepotCols) + w.sql +
                       " ORDER BY region_code, id LIMIT ? OFFSET ?");
  int n = w.bind(s);
  s.bind(n, limit).bind(n + 1, offset);
  while (s.step()) out.items.push_back(read_depot(s));
  return out;
}

Result<std::vector<SqliteSuppliesStore::StockRow>> SqliteSuppliesStore::stock(
    const std::string& prefix, std::optional<int64_t> depot_id) {
  Where w;
  w.prefix("d.region_code", prefix);
  if (depot_id) w.eq("d.id", std::to_string(*depot_id));
  auto s = db_.prepare(
      "SELECT d.id, d.name, d.region_code, st.item, st.quantity FROM depot_stock st JOIN depot d "
      "ON "
      "d.id = st.depot_id" +
      w.sql + " ORDER BY d.region_code, d.id, st.item");
  w.bind(s);
  std::vector<StockRow> out;
  while (s.step()) out.push_back({s.i64(0), s.str(1), s.str(2), s.str(3), s.i64(4)});
  return out;
}

Result<int64_t> SqliteSuppliesStore::receive(int64_t depot_id, const std::string& item,
                                             int64_t quantity, Date on, const std::string& source,
                                             const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto d = depot(depot_id);
  if (!d) return d.error();
  auto r = db_.prepare(
      "INSERT INTO supply_receipt (depot_id, item, quantity, received_on, source, created_at, "
      "created_by) VALUES "
      "(?,?,?,?,?,?,?)");
  r.bind(1, depot_id)
      .bind(2, item)
      .bind(3, quantity)
      .bind(4, on.iso())
      .bind(5, source)
      .bind(6, now_iso())
      .bind(7, actor.name);
  LZ_TRY(r.exec());
  int64_t rid = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(db_.prepare("INSERT INTO depot_stock (depot_id, item, quantity) VALUES (?,?,?) ON "
                     "CONFLICT (depot_id, item) "
                     "DO UPDATE SET quantity = quantity + excluded.quantity")
             .bind(1, depot_id)
             .bind(2, item)
             .bind(3, quantity)
             .exec());
  auto q = db_.prepare("SELECT quantity FROM depot_stock WHERE depot_id = ? AND item = ?");
  q.bind(1, depot_id).bind(2, item);
  int64_t now_stock = q.step() ? q.i64(0) : 0;
  LZ_TRY(log(actor, "supplies.receive", "supply_receipt", rid, "",
             json{{"depot_id", depot_id},
                  {"item", item},
                  {"quantity", quantity},
                  {"on", on.iso()},
                  {"source", source}}
                 .dump()));
  LZ_TRY(tx.commit());
  return now_stock;
}

// ---------------------------------------------------------------- cooperatives

Result<Cooperative> SqliteSuppliesStore::add_cooperative(Cooperative c, const Actor& actor) {
  auto id = insert_audited(
      db_, audit_, actor, "supplies.cooperative.create", "cooperative",
      "INSERT INTO cooperative (name, region_code, leader_name, leader_phone, members, produce, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
      [&](Stmt& s) {
        s.bind(1, c.name).bind(2, c.region_code).bind(3, c.leader_name).bind(4, c.leader_phone);
        s.bind(5, c.members).bind(6, c.produce).bind(7, now_iso()).bind(8, actor.name);
      },
      [&](int64_t) {
        return json{{"name", c.name}, {"region_code", c.region_code}, {"members", c.members}}
            .dump();
      });
  if (!id) return id.error();
  c.id = *id;
  return c;
}

Result<Cooperative> SqliteSuppliesStore::cooperative(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM cooperative WHERE id = ?", kCoopCols));
  s.bind(1, id);
  if (!s.step())
    return missing("cooperative.not_found", "cooperative_id", "合作社", "cooperative", id);
  return read_coop(s);
}

Result<ListResult<Cooperative>> SqliteSuppliesStore::cooperatives(const std::string& prefix,
                                                                  const std::string& q,
                                                                  int64_t limit, int64_t offset,
                                                                  std::optional<bool> active) {
  Where w;
  w.prefix("region_code", prefix);
  w.active(active);
  if (!q.empty()) {
    w.sql += " AND instr(name, ?) > 0";
    w.binds.push_back(q);
  }
  ListResult<Cooperative> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM cooperative" + w.sql);
  w.bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format("SELECT {} FROM cooperative", kCoopCols) + w.sql +
                       " ORDER BY region_code, id LIMIT ? OFFSET ?");
  int n = w.bind(s);
  s.bind(n, limit).bind(n + 1, offset);
  while (s.step()) out.items.push_back(read_coop(s));
  return out;
}

// ---------------------------------------------------------------- technicians

Result<Technician> SqliteSuppliesStore::add_technician(Technician t, const Actor& actor) {
  auto id = insert_audited(
      db_, audit_, actor, "supplies.technician.create", "technician",
      "INSERT INTO technician (name, phone, speciality, region_code, created_at, created_by) "
      "VALUES (?,?,?,?,?,?)",
      [&](Stmt& s) {
        s.bind(1, t.name).bind(2, t.phone).bind(3, t.speciality).bind(4, t.region_code);
        s.bind(5, now_iso()).bind(6, actor.name);
      },
      [&](int64_t) {
        return json{{"name", t.name}, {"speciality", t.speciality}, {"region_code", t.region_code}}
            .dump();
      });
  if (!id) return id.error();
  t.id = *id;
  return t;
}

Result<Technician> SqliteSuppliesStore::technician(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM technician WHERE id = ?", kTechCols));
  s.bind(1, id);
  if (!s.step())
    return missing("technician.not_found", "technician_id", "农技员", "technician", id);
  return read_tech(s);
}

Result<ListResult<SqliteSuppliesStore::TechnicianRow>> SqliteSuppliesStore::technicians(
    const std::string& prefix, int64_t limit, int64_t offset, std::optional<bool> active) {
  Where w;
  w.prefix("region_code", prefix);
  w.active(active);
  ListResult<TechnicianRow> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM technician" + w.sql);
  w.bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format("SELECT {} FROM technician", kTechCols) + w.sql +
                       " ORDER BY region_code, id LIMIT ? OFFSET ?");
  int n = w.bind(s);
  s.bind(n, limit).bind(n + 1, offset);
  while (s.step()) {
    TechnicianRow row;
    row.t = read_tech(s);
    auto a = assignments(row.t.id);
    if (!a) return a.error();
    row.assignments = std::move(*a);
    out.items.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<TechnicianAssignment>> SqliteSuppliesStore::assignments(int64_t technician_id) {
  auto a = db_.prepare(
      "SELECT id, technician_id, village_code, cooperative_id, from_date, note FROM "
      "technician_assignment WHERE technician_id = ? AND to_date IS NULL ORDER BY id");
  a.bind(1, technician_id);
  std::vector<TechnicianAssignment> out;
  while (a.step())
    out.push_back({a.i64(0), a.i64(1), a.opt_str(2).value_or(""), a.opt_i64(3),
                   Date::parse_iso(a.str(4)).value_or(Date()), a.str(5), std::nullopt});
  return out;
}

Result<TechnicianAssignment> SqliteSuppliesStore::add_assignment(TechnicianAssignment a, const std::string& region_code,
                                                       const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO technician_assignment (technician_id, village_code, cooperative_id, "
      "region_code, from_date, note, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?)");
  s.bind(1, a.technician_id);
  if (a.village_code.empty())
    s.bind_null(2);
  else
    s.bind(2, a.village_code);
  s.bind(3, a.cooperative_id)
      .bind(4, region_code)
      .bind(5, a.from.iso())
      .bind(6, a.note)
      .bind(7, now_iso());
  s.bind(8, actor.name);
  LZ_TRY(s.exec());
  a.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "supplies.technician.assign", "technician_assignment", a.id, "",
             json{{"technician_id", a.technician_id},
                  {"village_code", a.village_code},
                  {"cooperative_id", a.cooperative_id ? json(*a.cooperative_id) : json(nullptr)}}
                 .dump()));
  LZ_TRY(tx.commit());
  return a;
}

// ---------------------------------------------------------------- edits

namespace {
json tech_json(const SqliteSuppliesStore::TechnicianRow& r) {
  json a = json::array();
  for (const auto& x : r.assignments)
    a.push_back({{"id", x.id},
                 {"village_code", x.village_code},
                 {"cooperative_id", x.cooperative_id ? json(*x.cooperative_id) : json(nullptr)},
                 {"from", x.from.iso()}});
  return {{"name", r.t.name},
          {"phone", r.t.phone},
          {"speciality", r.t.speciality},
          {"region_code", r.t.region_code},
          {"active", r.t.active},
          {"version", r.t.version},
          {"assignments", a}};
}
}  // namespace

int64_t version_of(const SqliteSuppliesStore::TechnicianRow& r) {
  return r.t.version;
}

Result<Depot> SqliteSuppliesStore::update_depot(const Depot& d, int64_t expected_version,
                                                const Actor& actor) {
  return versioned_edit<Depot>(
      db_, audit_, actor, {"depot", "supplies.depot.update", "仓库", "depot"}, d.id,
      expected_version, [&](int64_t id) { return depot(id); },
      [&](const Depot&) -> Status {
        auto s = db_.prepare(
            "UPDATE depot SET name=?, region_code=?, keeper_name=?, keeper_phone=?, address=?, "
            "active=?, version=version+1 WHERE id=?");
        s.bind(1, d.name).bind(2, d.region_code).bind(3, d.keeper_name).bind(4, d.keeper_phone);
        s.bind(5, d.address).bind(6, d.active ? 1 : 0).bind(7, d.id);
        return s.exec();
      },
      depot_json);
}

Result<Cooperative> SqliteSuppliesStore::update_cooperative(const Cooperative& c,
                                                            int64_t expected_version,
                                                            const Actor& actor) {
  return versioned_edit<Cooperative>(
      db_, audit_, actor, {"cooperative", "supplies.cooperative.update", "合作社", "cooperative"},
      c.id, expected_version, [&](int64_t id) { return cooperative(id); },
      [&](const Cooperative&) -> Status {
        auto s = db_.prepare(
            "UPDATE cooperative SET name=?, region_code=?, leader_name=?, leader_phone=?, "
            "members=?, produce=?, active=?, version=version+1 WHERE id=?");
        s.bind(1, c.name).bind(2, c.region_code).bind(3, c.leader_name).bind(4, c.leader_phone);
        s.bind(5, c.members).bind(6, c.produce).bind(7, c.active ? 1 : 0).bind(8, c.id);
        return s.exec();
      },
      coop_json);
}

Result<SqliteSuppliesStore::TechnicianRow> SqliteSuppliesStore::technician_row(int64_t id) {
  auto t = technician(id);
  if (!t) return t.error();
  auto a = assignments(id);
  if (!a) return a.error();
  return TechnicianRow{*t, std::move(*a)};
}

Result<SqliteSuppliesStore::TechnicianRow> SqliteSuppliesStore::update_technician(
    const Technician& t, int64_t expected_version,
    const std::optional<std::vector<AssignTarget>>& targets, Date on, const Actor& actor) {
  return versioned_edit<TechnicianRow>(
      db_, audit_, actor, {"technician", "supplies.technician.update", "农技员", "technician"},
      t.id, expected_version, [&](int64_t id) { return technician_row(id); },
      [&](const TechnicianRow& before) -> Status {
        auto s = db_.prepare(
            "UPDATE technician SET name=?, phone=?, speciality=?, region_code=?, active=?, "
            "version=version+1 WHERE id=?");
        s.bind(1, t.name).bind(2, t.phone).bind(3, t.speciality).bind(4, t.region_code);
        s.bind(5, t.active ? 1 : 0).bind(6, t.id);
        LZ_TRY(s.exec());
        if (!targets && t.active) return {};
        std::vector<AssignTarget> keep = t.active ? *targets : std::vector<AssignTarget>{};
        auto same = [](const TechnicianAssignment& a, const AssignTarget& x) {
          return x.cooperative_id ? a.cooperative_id == x.cooperative_id
                                  : !a.cooperative_id && a.village_code == x.village_code;
        };
        auto end = db_.prepare("UPDATE technician_assignment SET to_date = ? WHERE id = ?");
        for (const auto& a : before.assignments) {
          bool kept = false;
          for (const auto& x : keep) kept = kept || same(a, x);
          if (kept) continue;
          LZ_TRY(end.bind(1, on.iso()).bind(2, a.id).exec());
          end.reset();
        }
        auto ins = db_.prepare(
            "INSERT INTO technician_assignment (technician_id, village_code, cooperative_id, "
            "region_code, from_date, note, created_at, created_by) VALUES (?,?,?,?,?,'',?,?)");
        for (const auto& x : keep) {
          bool had = false;
          for (const auto& a : before.assignments) had = had || same(a, x);
          if (had) continue;
          ins.bind(1, t.id);
          if (x.village_code.empty())
            ins.bind_null(2);
          else
            ins.bind(2, x.village_code);
          ins.bind(3, x.cooperative_id).bind(4, x.region_code).bind(5, on.iso());
          ins.bind(6, now_iso()).bind(7, actor.name);
          LZ_TRY(ins.exec());
          ins.reset();
        }
        return {};
      },
      tech_json);
}

// ---------------------------------------------------------------- requests

Result<std::string> SqliteSuppliesStore::household_region(int64_t household_id) {
  auto s = db_.prepare("SELECT region_code FROM household WHERE id = ? AND deleted_at IS NULL");
  s.bind(1, household_id);
  if (!s.step())
    return missing("household.not_found", "household_id", "农户", "household", household_id);
  return s.str(0);
}

Result<SupplyRequest> SqliteSuppliesStore::add_request(SupplyRequest r, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO supply_request (cooperative_id, household_id, region_code, item, quantity, "
      "fulfilled, needed_by, "
      "requested_on, note, created_at, created_by) VALUES (?,?,?,?,?,0,?,?,?,?,?)");
  s.bind(1, r.cooperative_id)
      .bind(2, r.household_id)
      .bind(3, r.region_code)
      .bind(4, r.item)
      .bind(5, r.quantity);
  s.bind(6, r.needed_by.iso())
      .bind(7, r.requested_on.iso())
      .bind(8, r.note)
      .bind(9, now_iso())
      .bind(10, actor.name);
  LZ_TRY(s.exec());
  r.id = sqlite3_last_insert_rowid(db_.handle());
  r.fulfilled = 0;
  LZ_TRY(
      log(actor, "supplies.request.create", "supply_request", r.id, "",
          json{{"item", r.item}, {"quantity", r.quantity}, {"region_code", r.region_code}}.dump()));
  LZ_TRY(tx.commit());
  return r;
}

Result<SupplyRequest> SqliteSuppliesStore::request(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM supply_request WHERE id = ?", kRequestCols));
  s.bind(1, id);
  if (!s.step())
    return missing("request.not_found", "request_id", "物资申请", "supply request", id);
  return read_request(s);
}

Result<ListResult<SupplyRequest>> SqliteSuppliesStore::requests(const RequestQuery& q) {
  Where w;
  w.prefix("region_code", q.region_prefix);
  if (!q.item.empty()) w.eq("item", q.item);
  if (q.state == "open") w.sql += " AND fulfilled = 0";
  if (q.state == "partly") w.sql += " AND fulfilled > 0 AND fulfilled < quantity";
  if (q.state == "fulfilled") w.sql += " AND fulfilled = quantity";
  if (q.state == "outstanding") w.sql += " AND fulfilled < quantity";
  ListResult<SupplyRequest> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM supply_request" + w.sql);
  w.bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM supply_request{} ORDER BY needed_by, id LIMIT ? OFFSET ?",
                  kRequestCols, w.sql));
  int n = w.bind(s);
  s.bind(n, q.limit).bind(n + 1, q.offset);
  while (s.step()) out.items.push_back(read_request(s));
  return out;
}

// ---------------------------------------------------------------- distributions

Result<Distribution> SqliteSuppliesStore::distribute(Distribution d, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  const SupplyItem* item = find_supply_item(d.item);
  if (!item) return invalid("supply.item", "item", "物资品种无效", "Unknown item");
  // The draw-down: only if that much is there (never below zero).
  auto take = db_.prepare(
      "UPDATE depot_stock SET quantity = quantity - ? WHERE depot_id = ? AND item = ? AND quantity "
      ">= ?");
  take.bind(1, d.quantity).bind(2, d.depot_id).bind(3, d.item).bind(4, d.quantity);
  LZ_TRY(take.exec());
  if (sqlite3_changes(db_.handle()) != 1) {
    auto q = db_.prepare("SELECT quantity FROM depot_stock WHERE depot_id = ? AND item = ?");
    q.bind(1, d.depot_id).bind(2, d.item);
    return insufficient_stock(*item, d.quantity, q.step() ? q.i64(0) : 0);
  }
  if (d.request_id) {
    auto f = db_.prepare(
        "UPDATE supply_request SET fulfilled = fulfilled + ? WHERE id = ? AND item = ? AND "
        "fulfilled + ? <= quantity");
    f.bind(1, d.quantity).bind(2, *d.request_id).bind(3, d.item).bind(4, d.quantity);
    LZ_TRY(f.exec());
    if (sqlite3_changes(db_.handle()) != 1)
      return conflict("distribution.over_request", "quantity", "发放数量超过该申请尚未满足的数量",
                      "The quantity is more than what is outstanding on the request");
  }
  auto s = db_.prepare(
      "INSERT INTO supply_distribution (depot_id, item, quantity, on_date, request_id, recipient, "
      "region_code, note, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, d.depot_id)
      .bind(2, d.item)
      .bind(3, d.quantity)
      .bind(4, d.on.iso())
      .bind(5, d.request_id);
  s.bind(6, d.recipient)
      .bind(7, d.region_code)
      .bind(8, d.note)
      .bind(9, now_iso())
      .bind(10, actor.name);
  LZ_TRY(s.exec());
  d.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "supplies.distribute", "supply_distribution", d.id, "",
             json{{"depot_id", d.depot_id},
                  {"item", d.item},
                  {"quantity", d.quantity},
                  {"on", d.on.iso()},
                  {"request_id", d.request_id ? json(*d.request_id) : json(nullptr)},
                  {"recipient", d.recipient}}
                 .dump()));
  LZ_TRY(tx.commit());
  return d;
}

Result<ListResult<Distribution>> SqliteSuppliesStore::distributions(const DistributionQuery& q) {
  Where w;
  w.prefix("region_code", q.region_prefix);
  if (q.depot_id) w.eq("depot_id", std::to_string(*q.depot_id));
  if (q.request_id) w.eq("request_id", std::to_string(*q.request_id));
  if (q.from) {
    w.sql += " AND on_date >= ?";
    w.binds.push_back(q.from->iso());
  }
  if (q.to) {
    w.sql += " AND on_date <= ?";
    w.binds.push_back(q.to->iso());
  }
  ListResult<Distribution> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM supply_distribution" + w.sql);
  w.bind(c);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(fmt::format(
      "SELECT {} FROM supply_distribution{} ORDER BY on_date DESC, id DESC LIMIT ? OFFSET ?",
      kDistCols, w.sql));
  int n = w.bind(s);
  s.bind(n, q.limit).bind(n + 1, q.offset);
  while (s.step()) out.items.push_back(read_dist(s));
  return out;
}

// ---------------------------------------------------------------- bulletin

Status fill_supplies_figures(Db& db, Date d, const std::string& region_prefix,
                             livelihood::LivelihoodFigures& out) {
  // supply_distribution_day covers (on_date, region_code, item, quantity).
  auto s = region_prefix.empty() ? db.prepare(
                                       "SELECT item, SUM(quantity) FROM supply_distribution WHERE "
                                       "on_date <= ? GROUP BY item")
                                 : db.prepare(
                                       "SELECT item, SUM(quantity) FROM supply_distribution WHERE "
                                       "on_date <= ? AND region_code >= ? AND "
                                       "region_code < ? GROUP BY item");
  s.bind(1, d.iso());
  if (!region_prefix.empty()) s.bind(2, region_prefix).bind(3, prefix_end(region_prefix));
  // Every item shows, distributed or not.
  for (const auto& i : supply_items()) out.supplies_distributed[i.id] = {i.unit, 0};
  while (s.step()) {
    const SupplyItem* i = find_supply_item(s.str(0));
    if (!i) continue;
    out.supplies_distributed[i->id] = {i->unit, to_units(s.i64(1))};
  }
  return Status::Ok();
}

}  // namespace lz::sqlite
