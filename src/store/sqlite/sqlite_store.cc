// SqliteStore: every write is one BEGIN IMMEDIATE transaction that checks
// its references first and rolls back on any failure. Reads use prepared
// statements; jurisdiction filters are code-prefix ranges on indexed columns.
#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <ctime>
#include <tuple>

#include "core/embedded_data.h"
#include "registry/json.h"
#include "registry/region_tree.h"
#include "store/sqlite/bulk_loader.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_audit.h"
#include "store/sqlite/sqlite_regions.h"

namespace lz {

std::string now_iso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace sqlite {




static std::string substitute_dialect(std::string_view sql) {
  std::string s(sql);
  const std::string token = "{{id_pk}}";
  for (size_t pos; (pos = s.find(token)) != std::string::npos;) s.replace(pos, token.size(), "INTEGER PRIMARY KEY");
  return s;
}

SqliteStore::SqliteStore(std::unique_ptr<Db> db)
    : db_(std::move(db)), audit_(std::make_unique<SqliteAuditLog>(*db_)) {}
SqliteStore::~SqliteStore() = default;
AuditLog& SqliteStore::audit() { return *audit_; }

Status SqliteStore::log(const Actor& actor, const char* action, const char* entity, int64_t id,
                        const std::string& before, const std::string& after, const std::string& detail) {
  return audit_record(*audit_, actor, action, entity, id, before, after, detail);
}

Status SqliteStore::check_version(const char* table, const char* what_zh, const char* what_en, int64_t id,
                                  int64_t expected) {
  auto s = db_->prepare(fmt::format("SELECT version FROM {} WHERE id = ? AND deleted_at IS NULL", table));
  s.bind(1, id);
  if (!s.step())
    return not_found(fmt::format("{}.not_found", table), "id", fmt::format("{}{}不存在", what_zh, id),
                     fmt::format("There is no {} with id {}", what_en, id));
  if (s.i64(0) != expected)
    return conflict("version.stale", "version",
                    fmt::format("该{}已被他人修改（当前版本{}，您提交的是版本{}），请刷新后重新编辑", what_zh, s.i64(0),
                                expected),
                    fmt::format("This {} was changed by someone else (it is now version {}, you sent version {}): "
                                "reload it and edit again",
                                what_en, s.i64(0), expected));
  return {};
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  auto db = Db::open(path);
  if (!db) return db.error();
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db).value()));
  auto st = store->migrate();
  if (!st) return st.error();
  return store;
}

Status SqliteStore::migrate() {
  LZ_TRY(db_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)"));
  int64_t current = 0;
  {
    auto s = db_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
    if (s.step()) current = s.i64(0);
  }
  int64_t newest = 0;
  for (const auto& m : embedded::kMigrations) {
    int64_t version = std::stoll(std::string(m.name.substr(0, m.name.find('_'))));
    newest = std::max(newest, version);
    if (version <= current) continue;
    Tx tx(*db_);
    LZ_TRY(tx.begin_status());
    LZ_TRY(db_->exec(substitute_dialect(m.sql)));
    if (version == 1) {
      // A new database gets Liling's divisions.
      auto ins = db_->prepare("INSERT INTO region (code, name, level, parent_code) VALUES (?,?,?,?)");
      for (const auto& [code, r] : RegionTree::liling().all()) {
        ins.bind(1, r.code).bind(2, r.name).bind(3, level_name(r.level));
        if (r.parent_code.empty())
          ins.bind_null(4);
        else
          ins.bind(4, r.parent_code);
        LZ_TRY(ins.exec());
      }
    }
    LZ_TRY(db_->prepare("INSERT INTO schema_migration (version, name, applied_at) VALUES (?,?,?)")
               .bind(1, version)
               .bind(2, m.name)
               .bind(3, now_iso())
               .exec());
    LZ_TRY(tx.commit());
  }
  LZ_TRY(SqliteAuditLog::install_guards(*db_));
  if (current > newest)
    return internal("store.schema_newer",
                    fmt::format("数据库结构版本{}比本程序支持的{}新，请升级程序", current, newest),
                    fmt::format("the database schema version {} is newer than this program's {}: upgrade it",
                                current, newest));
  return {};
}

// ---------------------------------------------------------------- regions

Result<std::vector<Region>> SqliteStore::regions(std::string_view prefix) {
  return sqlite::read_subtree(*db_, prefix);
}

Result<Region> SqliteStore::region(std::string_view code) {
  auto r = sqlite::read_region(*db_, code);
  if (!r) return r.error();
  if (!*r)
    return not_found("region.not_found", "region_code", fmt::format("区划代码“{}”不存在", code),
                     fmt::format("There is no region with code \"{}\"", code));
  return std::move(**r);
}

Result<Region> SqliteStore::add_group(std::string_view village_code, int group_no, std::string_view name,
                                      const Actor&) {
  auto village = region(village_code);
  if (!village) return village.error();
  if (village->level != RegionLevel::kVillage)
    return invalid("region_code.level", "region_code", fmt::format("“{}”不是村（社区）", village_code),
                   fmt::format("\"{}\" is not a village", village_code));
  if (group_no < 1 || group_no > 999)
    return invalid("group_no.range", "group_no", "组号应在1到999之间", "The group number must be 1 to 999");
  Region g;
  g.code = fmt::format("{}{:03}", village->code, group_no);
  g.name = name.empty() ? fmt::format("{}组", group_no) : std::string(name);
  g.level = RegionLevel::kGroup;
  g.parent_code = village->code;
  auto st = db_->prepare("INSERT INTO region (code, name, level, parent_code) VALUES (?,?,'group',?)")
                .bind(1, g.code)
                .bind(2, g.name)
                .bind(3, g.parent_code)
                .exec();
  if (!st)
    return conflict("region.exists", "group_no", fmt::format("{}已有第{}组", village->name, group_no),
                    fmt::format("{} already has group {}", village->name, group_no));
  return g;
}

// ---------------------------------------------------------------- persons

Status SqliteStore::check_new_person(const Person& p, const std::string& at) {
  auto s = db_->prepare(
      "SELECT p.name, COALESCE(h.number, ''), p.region_code FROM person p LEFT JOIN household h ON h.id = "
      "p.household_id WHERE p.id_number = ? AND p.deleted_at IS NULL");
  s.bind(1, p.id_number);
  if (s.step()) {
    std::string name = s.str(0), number = s.str(1), code = s.str(2), where;
    s.reset();
    if (auto tree = region_tree(code); tree) where = (*tree)->full_name(code);
    return conflict("id_number.duplicate", at.empty() ? "id_number" : at + ".id_number",
                    fmt::format("公民身份号码{}已登记为{}（户编号{}，{}），不能重复登记", p.id_number, name,
                                number.empty() ? "无" : number, where),
                    fmt::format("The ID number {} is already registered to {} (household {}, {})", p.id_number,
                                name, number.empty() ? "none" : number, where));
  }
  return {};
}

Status SqliteStore::insert_person(Person& p, int64_t household_id, const std::string& region_code,
                                  const Actor& actor, const std::string& now) {
  auto s = db_->prepare(
      "INSERT INTO person (household_id, name, id_number, sex, birth_date, relationship, ethnicity, education, "
      "enrolment, health, labour, phone, region_code, version, created_at, created_by, updated_at, updated_by) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, household_id).bind(2, p.name).bind(3, p.id_number).bind(4, p.sex).bind(5, p.birth_date.iso());
  s.bind(6, p.relationship).bind(7, p.ethnicity).bind(8, p.education).bind(9, p.enrolment).bind(10, p.health);
  s.bind(11, p.labour).bind(12, p.phone).bind(13, region_code).bind(14, now).bind(15, actor.name);
  s.bind(16, now).bind(17, actor.name);
  LZ_TRY(s.exec());
  p.id = sqlite3_last_insert_rowid(db_->handle());
  return {};
}

Result<Person> SqliteStore::person(int64_t id) {
  auto s = db_->prepare(fmt::format("SELECT {} FROM person WHERE id = ? AND deleted_at IS NULL", kPersonCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("person.not_found", "id", fmt::format("人员{}不存在", id),
                     fmt::format("There is no person with id {}", id));
  return read_person(s);
}

Result<std::optional<Person>> SqliteStore::person_by_id_number(std::string_view id_number) {
  auto s = db_->prepare(
      fmt::format("SELECT {} FROM person WHERE id_number = ? AND deleted_at IS NULL", kPersonCols));
  s.bind(1, id_number);
  if (!s.step()) return std::optional<Person>();
  return std::optional<Person>(read_person(s));
}

// ---------------------------------------------------------------- households

Result<Household> SqliteStore::create_household(Household h, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  {
    auto r = db_->prepare("SELECT level FROM region WHERE code = ?");
    r.bind(1, h.region_code);
    if (!r.step())
      return not_found("region_code.unknown", "region_code", fmt::format("区划代码“{}”不存在", h.region_code),
                       fmt::format("There is no region with code \"{}\"", h.region_code));
    std::string level = r.str(0);
    if (level != "village" && level != "group")
      return invalid("region_code.level", "region_code", "户必须属于村（社区）或组",
                     "A household belongs to a village or group");
  }
  {
    auto s = db_->prepare("SELECT id FROM household WHERE number = ? AND deleted_at IS NULL");
    s.bind(1, h.number);
    if (s.step())
      return conflict("number.duplicate", "number", fmt::format("户编号{}已存在", h.number),
                      fmt::format("The household number {} already exists", h.number));
  }
  std::vector<Error> errs;
  for (size_t i = 0; i < h.members.size(); ++i) {
    auto st = check_new_person(h.members[i], fmt::format("members[{}]", i));
    if (!st) errs.push_back(st.error());
  }
  if (!errs.empty()) {
    if (errs.size() == 1) return errs.front();
    Error e = conflict("id_number.duplicate", "members", fmt::format("有{}名成员的公民身份号码已登记", errs.size()),
                       fmt::format("{} members' ID numbers are already registered", errs.size()));
    e.details = std::move(errs);
    return e;
  }
  std::string now = now_iso();
  auto s = db_->prepare(
      "INSERT INTO household (number, region_code, address, phone, version, created_at, created_by, updated_at, "
      "updated_by) VALUES (?,?,?,?,1,?,?,?,?)");
  s.bind(1, h.number).bind(2, h.region_code).bind(3, h.address).bind(4, h.phone);
  s.bind(5, now).bind(6, actor.name).bind(7, now).bind(8, actor.name);
  LZ_TRY(s.exec());
  h.id = sqlite3_last_insert_rowid(db_->handle());
  std::optional<int64_t> head;
  for (auto& m : h.members) {
    LZ_TRY(insert_person(m, h.id, h.region_code, actor, now));
    if (m.relationship == "01") head = m.id;
  }
  if (head) LZ_TRY(db_->prepare("UPDATE household SET head_person_id = ? WHERE id = ?").bind(1, *head).bind(2, h.id).exec());
  auto created = household(h.id);
  if (!created) return created.error();
  LZ_TRY(log(actor, "create", "household", h.id, "", audit_text(*created)));
  LZ_TRY(tx.commit());
  return created;
}

// One statement: the household's columns on every row, then one member per row
// (a household without members gives one row whose person columns are NULL).
// The text is built once; Db::prepare keeps the compiled statement pooled.
Result<Household> SqliteStore::household(int64_t id) {
  Household h;
  LZ_TRY(household_into(id, h));
  return h;
}

// Every field of `h` is overwritten; its strings and members are reused.
Status SqliteStore::household_into(int64_t id, Household& h) {
  static const std::string kSql = std::string(
      "SELECT h.id, h.number, h.region_code, h.address, h.phone, h.head_person_id, h.version, h.created_at, "
      "h.created_by, h.updated_at, h.updated_by, ") + kPersonColsP +
      " FROM household h LEFT JOIN person p ON p.household_id = h.id AND p.deleted_at IS NULL"
      " WHERE h.id = ? AND h.deleted_at IS NULL";  // members sorted below: no temporary B-tree per read
  constexpr int kFirstPersonCol = 11;
  auto s = db_->prepare(kSql);
  s.bind(1, id);
  if (!s.step())
    return not_found("household.not_found", "id", fmt::format("户{}不存在", id),
                     fmt::format("There is no household with id {}", id));
  h.id = s.i64(0);
  s.str_into(1, h.number);
  s.str_into(2, h.region_code);
  s.str_into(3, h.address);
  s.str_into(4, h.phone);
  h.head_person_id = s.opt_i64(5);
  h.meta.version = s.i64(6);
  s.str_into(7, h.meta.created_at);
  s.str_into(8, h.meta.created_by);
  s.str_into(9, h.meta.updated_at);
  s.str_into(10, h.meta.updated_by);
  size_t n = 0;
  if (!s.is_null(kFirstPersonCol)) {
    do {
      if (n == h.members.size()) h.members.emplace_back();
      read_person_into(s, kFirstPersonCol, h.members[n++]);
    } while (s.step());
  }
  h.members.resize(n);
  // By relationship (01 head first), birth date, id: the order lists and forms show.
  std::sort(h.members.begin(), h.members.end(), [](const Person& a, const Person& b) {
    return std::tie(a.relationship, a.birth_date, a.id) < std::tie(b.relationship, b.birth_date, b.id);
  });
  return {};
}

Result<ListResult<HouseholdSummary>> SqliteStore::list_households(const HouseholdQuery& q) {
  std::string where = "h.deleted_at IS NULL";
  std::vector<std::string> args;
  if (!q.region_prefix.empty()) {
    where += " AND h.region_code >= ? AND h.region_code < ?";
    args.push_back(q.region_prefix);
    args.push_back(prefix_end(q.region_prefix));
  }
  if (q.paired_cadre_id) {
    where += " AND h.id IN (SELECT household_id FROM pairing WHERE cadre_id = ? AND to_date IS NULL AND deleted_at IS NULL)";
    args.push_back(std::to_string(*q.paired_cadre_id));
  }
  if (!q.text.empty()) {
    where +=
        " AND (h.number = ? OR h.id IN (SELECT household_id FROM person WHERE deleted_at IS NULL AND "
        "(id_number = ? OR name LIKE ? OR name LIKE ?)))";
    args.push_back(q.text);
    args.push_back(q.text);
    args.push_back("%" + q.text + "%");
    args.push_back("%" + (q.text_simplified.empty() ? q.text : q.text_simplified) + "%");
  }
  if (q.poverty_status == "poor") {
    where += " AND ph.status IN ('registered_poor','lifted')";
  } else if (!q.poverty_status.empty()) {
    where += " AND ph.status = ?";
    args.push_back(q.poverty_status);
  }
  std::string order = "h.number";
  if (q.sort == "-number") order = "h.number DESC";
  else if (q.sort == "id") order = "h.id";
  else if (q.sort == "-id") order = "h.id DESC";
  else if (q.sort == "region_code") order = "h.region_code, h.number";
  else if (q.sort != "number")
    return invalid("sort.unknown", "sort", fmt::format("排序字段“{}”无效，可选：number、-number、id、-id、region_code", q.sort),
                   fmt::format("Unknown sort \"{}\"; expected number, -number, id, -id or region_code", q.sort));
  if (q.limit < 0 || q.limit > 1000 || q.offset < 0)
    return invalid("limit.range", "limit", "每页条数应在0到1000之间，偏移量不能为负",
                   "limit must be 0 to 1000 and offset not negative");
  // Join the poverty register only when the filter needs it, so that counts
  // and pages of a region come from the household_region index alone.
  const bool needs_status = !q.poverty_status.empty();
  const std::string from = std::string(" FROM household h") +
                           (needs_status ? " JOIN poverty_household ph ON ph.household_id = h.id" : "") +
                           " WHERE " + where;
  ListResult<HouseholdSummary> out;
  {
    auto c = db_->prepare("SELECT COUNT(*)" + from);
    for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
    if (c.step()) out.total = c.i64(0);
  }
  // Page first (ids only), then fetch the details of just that page.
  auto s = db_->prepare(
      "SELECT h.id, h.number, h.region_code, h.address, COALESCE(hp.name, ''), "
      "(SELECT COUNT(*) FROM person m WHERE m.household_id = h.id AND m.deleted_at IS NULL), "
      "COALESCE(px.status, '') FROM (SELECT h.id AS id" + from + " ORDER BY " + order +
      " LIMIT ? OFFSET ?) page JOIN household h ON h.id = page.id "
      "LEFT JOIN poverty_household px ON px.household_id = h.id "
      "LEFT JOIN person hp ON hp.id = h.head_person_id ORDER BY " + order);
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, q.limit);
  s.bind(i + 1, q.offset);
  while (s.step()) {
    out.items.push_back({s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4), s.i64(5), s.str(6)});
  }
  return out;
}

Result<Person> SqliteStore::add_member(int64_t household_id, Person p, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  auto h = db_->prepare("SELECT region_code, head_person_id FROM household WHERE id = ? AND deleted_at IS NULL");
  h.bind(1, household_id);
  if (!h.step())
    return not_found("household.not_found", "household_id", fmt::format("户{}不存在", household_id),
                     fmt::format("There is no household with id {}", household_id));
  std::string region_code = h.str(0);
  bool has_head = !h.is_null(1);
  if (p.relationship == "01" && has_head)
    return conflict("relationship.second_head", "relationship", "该户已有户主，不能再登记“本人”",
                    "This household already has a head; a second member cannot be 01 self");
  LZ_TRY(check_new_person(p, ""));
  std::string now = now_iso();
  LZ_TRY(insert_person(p, household_id, region_code, actor, now));
  if (p.relationship == "01")
    LZ_TRY(db_->prepare("UPDATE household SET head_person_id = ?, version = version + 1, updated_at = ?, "
                        "updated_by = ? WHERE id = ?")
               .bind(1, p.id).bind(2, now).bind(3, actor.name).bind(4, household_id).exec());
  auto created = person(p.id);
  if (!created) return created.error();
  LZ_TRY(log(actor, "create", "person", p.id, "", audit_text(*created)));
  LZ_TRY(tx.commit());
  return created;
}

// ---------------------------------------------------------------- cadres, teams, pairings

Result<Cadre> SqliteStore::create_cadre(Cadre c, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  {
    auto r = db_->prepare("SELECT 1 FROM region WHERE code = ?");
    r.bind(1, c.region_code);
    if (!r.step())
      return not_found("region_code.unknown", "region_code", fmt::format("区划代码“{}”不存在", c.region_code),
                       fmt::format("There is no region with code \"{}\"", c.region_code));
  }
  std::string now = now_iso();
  LZ_TRY(db_->prepare(
                "INSERT INTO cadre (name, unit, phone, region_code, version, created_at, created_by, updated_at, "
                "updated_by) VALUES (?,?,?,?,1,?,?,?,?)")
             .bind(1, c.name).bind(2, c.unit).bind(3, c.phone).bind(4, c.region_code)
             .bind(5, now).bind(6, actor.name).bind(7, now).bind(8, actor.name).exec());
  c.id = sqlite3_last_insert_rowid(db_->handle());
  auto k = db_->prepare("INSERT INTO cadre_kind (cadre_id, kind) VALUES (?,?)");
  for (const auto& kind : c.kinds) LZ_TRY(k.bind(1, c.id).bind(2, kind).exec());
  auto created = cadre(c.id);
  if (!created) return created.error();
  LZ_TRY(log(actor, "create", "cadre", c.id, "", audit_text(*created)));
  LZ_TRY(tx.commit());
  return created;
}

Result<Cadre> SqliteStore::cadre(int64_t id) {
  auto s = db_->prepare(
      "SELECT id, name, unit, phone, region_code, version, created_at, created_by, updated_at, updated_by "
      "FROM cadre WHERE id = ? AND deleted_at IS NULL");
  s.bind(1, id);
  if (!s.step())
    return not_found("cadre.not_found", "cadre_id", fmt::format("干部{}不存在", id),
                     fmt::format("There is no cadre with id {}", id));
  Cadre c;
  c.id = s.i64(0);
  c.name = s.str(1);
  c.unit = s.str(2);
  c.phone = s.str(3);
  c.region_code = s.str(4);
  c.meta = {s.i64(5), s.str(6), s.str(7), s.str(8), s.str(9)};
  auto k = db_->prepare("SELECT kind FROM cadre_kind WHERE cadre_id = ? ORDER BY kind");
  k.bind(1, id);
  while (k.step()) c.kinds.push_back(k.str(0));
  return c;
}

Result<VillageTeam> SqliteStore::create_village_team(VillageTeam t, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  {
    auto r = db_->prepare("SELECT level FROM region WHERE code = ?");
    r.bind(1, t.village_code);
    if (!r.step() || r.str(0) != "village")
      return not_found("village_code.unknown", "village_code", fmt::format("村（社区）“{}”不存在", t.village_code),
                       fmt::format("There is no village with code \"{}\"", t.village_code));
  }
  if (t.leader_cadre_id &&
      std::find(t.member_cadre_ids.begin(), t.member_cadre_ids.end(), *t.leader_cadre_id) == t.member_cadre_ids.end())
    t.member_cadre_ids.insert(t.member_cadre_ids.begin(), *t.leader_cadre_id);
  for (size_t i = 0; i < t.member_cadre_ids.size(); ++i) {
    auto c = db_->prepare("SELECT 1 FROM cadre WHERE id = ? AND deleted_at IS NULL");
    c.bind(1, t.member_cadre_ids[i]);
    if (!c.step())
      return not_found("cadre.not_found", fmt::format("member_cadre_ids[{}]", i),
                       fmt::format("干部{}不存在", t.member_cadre_ids[i]),
                       fmt::format("There is no cadre with id {}", t.member_cadre_ids[i]));
  }
  std::string now = now_iso();
  LZ_TRY(db_->prepare(
                "INSERT INTO village_team (village_code, name, leader_cadre_id, from_date, to_date, version, "
                "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)")
             .bind(1, t.village_code).bind(2, t.name).bind(3, t.leader_cadre_id).bind(4, t.from_date.iso())
             .bind(5, t.to_date ? std::optional<std::string>(t.to_date->iso()) : std::nullopt)
             .bind(6, now).bind(7, actor.name).bind(8, now).bind(9, actor.name).exec());
  t.id = sqlite3_last_insert_rowid(db_->handle());
  auto m = db_->prepare("INSERT INTO village_team_member (team_id, cadre_id) VALUES (?,?)");
  for (auto cid : t.member_cadre_ids) {
    auto st = m.bind(1, t.id).bind(2, cid).exec();
    if (!st)
      return conflict("member_cadre_ids.duplicate", "member_cadre_ids", fmt::format("干部{}重复列出", cid),
                      fmt::format("Cadre {} is listed twice", cid));
  }
  auto created = village_team(t.id);
  if (!created) return created.error();
  LZ_TRY(log(actor, "create", "village_team", t.id, "", audit_text(*created)));
  LZ_TRY(tx.commit());
  return created;
}

Result<VillageTeam> SqliteStore::village_team(int64_t id) {
  auto s = db_->prepare(
      "SELECT id, village_code, name, leader_cadre_id, from_date, to_date, version, created_at, created_by, "
      "updated_at, updated_by FROM village_team WHERE id = ? AND deleted_at IS NULL");
  s.bind(1, id);
  if (!s.step())
    return not_found("village_team.not_found", "id", fmt::format("驻村工作队{}不存在", id),
                     fmt::format("There is no village team with id {}", id));
  VillageTeam t;
  t.id = s.i64(0);
  t.village_code = s.str(1);
  t.name = s.str(2);
  t.leader_cadre_id = s.opt_i64(3);
  t.from_date = Date::parse_iso(s.str(4)).value_or(Date());
  if (auto to = s.opt_str(5)) t.to_date = Date::parse_iso(*to);
  t.meta = {s.i64(6), s.str(7), s.str(8), s.str(9), s.str(10)};
  auto m = db_->prepare("SELECT cadre_id FROM village_team_member WHERE team_id = ? ORDER BY cadre_id");
  m.bind(1, id);
  while (m.step()) t.member_cadre_ids.push_back(m.i64(0));
  return t;
}


Result<std::optional<Pairing>> SqliteStore::current_pairing(int64_t household_id) {
  auto s = db_->prepare(fmt::format(
      "SELECT {} FROM pairing WHERE household_id = ? AND to_date IS NULL AND deleted_at IS NULL", kPairingCols));
  s.bind(1, household_id);
  if (!s.step()) return std::optional<Pairing>();
  return std::optional<Pairing>(read_pairing(s));
}

Result<Pairing> SqliteStore::create_pairing(Pairing p, const Actor& actor, bool replace) {
  if (p.to_date && *p.to_date < p.from_date)
    return invalid("to_date.before_from", "to_date", "结束日期不能早于开始日期", "The end date is before the start date");
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  {
    auto c = db_->prepare(
        "SELECT c.name, (SELECT COUNT(*) FROM cadre_kind k WHERE k.cadre_id = c.id AND k.kind = 'paired') "
        "FROM cadre c WHERE c.id = ? AND c.deleted_at IS NULL");
    c.bind(1, p.cadre_id);
    if (!c.step())
      return not_found("cadre.not_found", "cadre_id", fmt::format("干部{}不存在", p.cadre_id),
                       fmt::format("There is no cadre with id {}", p.cadre_id));
    if (c.i64(1) == 0)
      return invalid("cadre_id.not_paired", "cadre_id", fmt::format("干部{}不是结对帮扶干部", c.str(0)),
                     fmt::format("Cadre {} is not a paired cadre", c.str(0)));
  }
  {
    auto h = db_->prepare("SELECT 1 FROM household WHERE id = ? AND deleted_at IS NULL");
    h.bind(1, p.household_id);
    if (!h.step())
      return not_found("household.not_found", "household_id", fmt::format("户{}不存在", p.household_id),
                       fmt::format("There is no household with id {}", p.household_id));
  }
  std::string now = now_iso();
  if (!p.to_date) {
    auto cur = current_pairing(p.household_id);
    if (!cur) return cur.error();
    if (*cur) {
      const Pairing& old = **cur;
      if (!replace) {
        auto c = cadre(old.cadre_id);
        std::string name = c ? c->name : std::to_string(old.cadre_id);
        return conflict("household_id.already_paired", "household_id",
                        fmt::format("该户已有结对帮扶干部{}（自{}起），一户同一时间只能有一名责任干部", name,
                                    old.from_date.iso()),
                        fmt::format("This household already has a paired cadre, {} (since {}); a household has "
                                    "one responsible cadre at a time",
                                    name, old.from_date.iso()));
      }
      if (p.from_date <= old.from_date)
        return invalid("from_date.before_current", "from_date",
                       fmt::format("新结对开始日期应晚于当前结对的开始日期{}", old.from_date.iso()),
                       fmt::format("The new pairing must start after the current one ({})", old.from_date.iso()));
      LZ_TRY(db_->prepare("UPDATE pairing SET to_date = ?, version = version + 1, updated_at = ?, updated_by = ? "
                          "WHERE id = ?")
                 .bind(1, p.from_date.plus_days(-1).iso()).bind(2, now).bind(3, actor.name).bind(4, old.id).exec());
    }
  }
  LZ_TRY(db_->prepare(
                "INSERT INTO pairing (cadre_id, household_id, from_date, to_date, version, created_at, created_by, "
                "updated_at, updated_by) VALUES (?,?,?,?,1,?,?,?,?)")
             .bind(1, p.cadre_id).bind(2, p.household_id).bind(3, p.from_date.iso())
             .bind(4, p.to_date ? std::optional<std::string>(p.to_date->iso()) : std::nullopt)
             .bind(5, now).bind(6, actor.name).bind(7, now).bind(8, actor.name).exec());
  p.id = sqlite3_last_insert_rowid(db_->handle());
  auto created = pairing(p.id);
  if (!created) return created.error();
  LZ_TRY(log(actor, "create", "pairing", p.id, "", audit_text(*created), replace ? "replaces the current pairing" : ""));
  LZ_TRY(tx.commit());
  return created;
}

Status SqliteStore::set_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                                       std::optional<int> lifted_year, const Actor& actor) {
  if (status != "registered_poor" && status != "lifted" && status != "marginal")
    return invalid("status.unknown", "status", fmt::format("贫困状态“{}”无效", status),
                   fmt::format("Unknown poverty status \"{}\"", status));
  if (status == "lifted" && !lifted_year)
    return invalid("lifted_year.missing", "lifted_year", "脱贫户须填写脱贫年度", "A lifted household needs its lifted year");
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  auto h = db_->prepare("SELECT 1 FROM household WHERE id = ? AND deleted_at IS NULL");
  h.bind(1, household_id);
  if (!h.step())
    return not_found("household.not_found", "household_id", fmt::format("户{}不存在", household_id),
                     fmt::format("There is no household with id {}", household_id));
  // Already as given (an export imported back): nothing to write or audit.
  auto cur = db_->prepare(
      "SELECT 1 FROM poverty_household WHERE household_id = ? AND status = ? AND registered_year "
      "IS ? "
      "AND lifted_year IS ?");
  cur.bind(1, household_id).bind(2, status);
  cur.bind(3, registered_year > 0 ? std::optional<int64_t>(registered_year) : std::nullopt);
  cur.bind(4, lifted_year ? std::optional<int64_t>(*lifted_year) : std::nullopt);
  if (cur.step()) return tx.commit();
  std::string now = now_iso();
  LZ_TRY(db_->prepare(
                "INSERT INTO poverty_household (household_id, status, registered_year, lifted_year, version, "
                "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,1,?,?,?,?) "
                "ON CONFLICT (household_id) DO UPDATE SET status = excluded.status, registered_year = "
                "excluded.registered_year, lifted_year = excluded.lifted_year, version = poverty_household.version "
                "+ 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
             .bind(1, household_id).bind(2, status)
             .bind(3, registered_year > 0 ? std::optional<int64_t>(registered_year) : std::nullopt)
             .bind(4, lifted_year ? std::optional<int64_t>(*lifted_year) : std::nullopt)
             .bind(5, now).bind(6, actor.name).bind(7, now).bind(8, actor.name).exec());
  LZ_TRY(log(actor, "update", "poverty_household", household_id, "",
             fmt::format(R"({{"status":"{}","registered_year":{},"lifted_year":{}}})", status, registered_year,
                         lifted_year ? std::to_string(*lifted_year) : "null")));
  return tx.commit();
}

// ---------------------------------------------------------------- figures

Result<CountyStats> SqliteStore::stats() {
  CountyStats st;
  std::map<std::string, RegionCounts> towns;
  {
    auto r = db_->prepare("SELECT code, name, level FROM region WHERE level IN ('county','township') ORDER BY code");
    while (r.step()) {
      if (r.str(2) == "county") {
        st.county.code = r.str(0);
        st.county.name = r.str(1);
      } else {
        towns[r.str(0)] = RegionCounts{r.str(0), r.str(1)};
      }
    }
  }
  auto add = [&](const char* sql, int64_t RegionCounts::*field) {
    auto s = db_->prepare(sql);
    while (s.step()) {
      auto it = towns.find(s.str(0));
      if (it != towns.end()) it->second.*field += s.i64(1);
      st.county.*field += s.i64(1);
    }
  };
  add("SELECT substr(region_code, 1, 9), COUNT(*) FROM household WHERE deleted_at IS NULL GROUP BY 1",
      &RegionCounts::households);
  add("SELECT substr(region_code, 1, 9), COUNT(*) FROM person WHERE deleted_at IS NULL AND household_id IS NOT NULL "
      "GROUP BY 1",
      &RegionCounts::persons);
  add("SELECT substr(h.region_code, 1, 9), COUNT(*) FROM poverty_household ph JOIN household h ON h.id = "
      "ph.household_id WHERE h.deleted_at IS NULL AND ph.status IN ('registered_poor','lifted') GROUP BY 1",
      &RegionCounts::poor_households);
  add("SELECT substr(h.region_code, 1, 9), COUNT(*) FROM poverty_household ph JOIN household h ON h.id = "
      "ph.household_id JOIN person p ON p.household_id = h.id AND p.deleted_at IS NULL WHERE h.deleted_at IS NULL "
      "AND ph.status IN ('registered_poor','lifted') GROUP BY 1",
      &RegionCounts::poor_persons);
  {
    auto s = db_->prepare(
        "SELECT k.kind, COUNT(*) FROM cadre_kind k JOIN cadre c ON c.id = k.cadre_id WHERE c.deleted_at IS NULL "
        "GROUP BY k.kind");
    while (s.step()) {
      if (s.str(0) == "village_stationed") st.cadres_village_stationed = s.i64(1);
      if (s.str(0) == "paired") st.cadres_paired = s.i64(1);
    }
  }
  auto scalar = [&](const char* sql) {
    auto s = db_->prepare(sql);
    return s.step() ? s.i64(0) : 0;
  };
  st.cadres_total = scalar("SELECT COUNT(*) FROM cadre WHERE deleted_at IS NULL");
  st.village_teams = scalar("SELECT COUNT(*) FROM village_team WHERE deleted_at IS NULL");
  st.pairings_current = scalar("SELECT COUNT(*) FROM pairing WHERE to_date IS NULL AND deleted_at IS NULL");
  for (auto& [code, t] : towns) st.townships.push_back(std::move(t));
  return st;
}

// ---------------------------------------------------------------- bulk and meta

Result<std::unique_ptr<BulkLoader>> SqliteStore::bulk_loader(std::string_view actor, std::string_view timestamp) {
  auto l = SqliteBulkLoader::begin(*db_, actor, timestamp);
  if (!l) return l.error();
  return std::unique_ptr<BulkLoader>(std::move(l).value());
}

Result<std::optional<std::string>> SqliteStore::meta(std::string_view key) {
  auto s = db_->prepare("SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::optional<std::string>();
  return std::optional<std::string>(s.str(0));
}

Status SqliteStore::set_meta(std::string_view key, std::string_view value) {
  return db_->prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .exec();
}

Result<int64_t> SqliteStore::household_count() {
  auto s = db_->prepare("SELECT COUNT(*) FROM household WHERE deleted_at IS NULL");
  return s.step() ? s.i64(0) : int64_t{0};
}

}  // namespace sqlite
}  // namespace lz
