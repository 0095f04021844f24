#include "exchange/sqlite_import_sink.h"

#include <fmt/format.h>

#include <array>
#include <iterator>
#include <nlohmann/json.hpp>

#include "exchange/table.h"
#include "registry/json.h"
#include "store/audit.h"
#include "store/sqlite/rows.h"

namespace lz::exchange {

using sqlite::Stmt;

namespace {

// The audit "after" of a person or household, byte for byte what
// audit_text() (nlohmann's dump of registry/json.h's to_json) writes: keys
// in sorted order, compact, integers in decimal. Written directly for the
// common case where no string needs escaping; any string with a quote, a
// backslash, a control character or bad UTF-8 goes through audit_text().
bool plain(std::string_view s) {
  bool ascii = true;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == '"' || c == '\\') return false;
    if (c >= 0x80) ascii = false;
  }
  return ascii || valid_utf8(s);
}

bool plain(const Person& p) {
  return plain(p.meta.created_at) && plain(p.meta.created_by) && plain(p.education) &&
         plain(p.enrolment) && plain(p.ethnicity) && plain(p.health) && plain(p.id_number) &&
         plain(p.labour) && plain(p.name) && plain(p.phone) && plain(p.region_code) &&
         plain(p.relationship) && plain(p.sex) && plain(p.meta.updated_at) &&
         plain(p.meta.updated_by);
}

struct JsonText {
  std::string out;
  bool first = true;
  void open() {
    out.push_back('{');
    first = true;
  }
  void close() {
    out.push_back('}');
    first = false;
  }
  void key(std::string_view k) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(k);
    out.append("\":");
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    out.push_back('"');
    out.append(v);
    out.push_back('"');
  }
  void num(std::string_view k, int64_t v) {
    key(k);
    fmt::format_to(std::back_inserter(out), "{}", v);
  }
  void id(std::string_view k, const std::optional<int64_t>& v) {
    if (v)
      num(k, *v);
    else
      key(k), out.append("null");
  }
  void person(const Person& p) {
    open();
    str("birth_date", p.birth_date.iso());
    str("created_at", p.meta.created_at);
    str("created_by", p.meta.created_by);
    str("education", p.education);
    str("enrolment", p.enrolment);
    str("ethnicity", p.ethnicity);
    str("health", p.health);
    id("household_id", p.household_id);
    num("id", p.id);
    str("id_number", p.id_number);
    str("labour", p.labour);
    str("name", p.name);
    str("phone", p.phone);
    str("region_code", p.region_code);
    str("relationship", p.relationship);
    str("sex", p.sex);
    str("updated_at", p.meta.updated_at);
    str("updated_by", p.meta.updated_by);
    num("version", p.meta.version);
    close();
  }
};

}  // namespace

std::string household_audit_text(const Household& h) {
  bool ok = plain(h.address) && plain(h.meta.created_at) && plain(h.meta.created_by) &&
            plain(h.number) && plain(h.phone) && plain(h.region_code) && plain(h.meta.updated_at) &&
            plain(h.meta.updated_by);
  for (const auto& m : h.members) ok = ok && plain(m);
  if (!ok) return audit_text(h);
  JsonText j;
  j.out.reserve(256 + 420 * h.members.size());
  j.open();
  j.str("address", h.address);
  j.str("created_at", h.meta.created_at);
  j.str("created_by", h.meta.created_by);
  j.id("head_person_id", h.head_person_id);
  j.num("id", h.id);
  j.key("members");
  j.out.push_back('[');
  for (size_t i = 0; i < h.members.size(); ++i) {
    if (i) j.out.push_back(',');
    j.person(h.members[i]);
  }
  j.out.push_back(']');
  j.str("number", h.number);
  j.str("phone", h.phone);
  j.str("region_code", h.region_code);
  j.str("updated_at", h.meta.updated_at);
  j.str("updated_by", h.meta.updated_by);
  j.num("version", h.meta.version);
  j.close();
  return std::move(j.out);
}

std::string person_audit_text(const Person& p) {
  if (!plain(p)) return audit_text(p);
  JsonText j;
  j.out.reserve(420);
  j.person(p);
  return std::move(j.out);
}

Result<std::unique_ptr<SqliteImportSink>> SqliteImportSink::begin(sqlite::SqliteStore& store,
                                                                  const Actor& actor,
                                                                  std::string detail) {
  std::unique_ptr<SqliteImportSink> s(new SqliteImportSink(store, actor, std::move(detail)));
  LZ_TRY(s->db_.exec("BEGIN IMMEDIATE"));
  s->open_ = true;
  s->now_ = now_iso();
  s->person_by_id_number_sql_ = fmt::format(
      "SELECT {} FROM person WHERE id_number = ? AND deleted_at IS NULL", sqlite::kPersonCols);
  {
    auto q = s->db_.prepare("SELECT COALESCE(MAX(id), 0) FROM person");
    if (q.step()) s->base_person_ = q.i64(0);
    s->next_person_id_ = s->base_person_ + 1;
  }
  {
    auto q = s->db_.prepare("SELECT COALESCE(MAX(id), 0) FROM household");
    if (q.step()) s->base_household_ = q.i64(0);
    s->next_household_id_ = s->base_household_ + 1;
  }
  s->created_.set_meta(s->now_, s->actor_.name);
  return s;
}

SqliteImportSink::~SqliteImportSink() {
  if (open_) (void)db_.exec("ROLLBACK");
}

static ExistingHousehold read_household(const Stmt& s, int64_t base) {
  ExistingHousehold h;
  h.id = s.i64(0);
  h.number = s.str(1);
  h.region_code = s.str(2);
  h.address = s.str(3);
  h.head_person_id = s.opt_i64(4);
  h.created_here = h.id > base;
  return h;
}

void HashSet64::insert(uint64_t h) {
  if (h == 0) {
    zero_ = true;
    return;
  }
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), 0);
    used_ = 0;
    for (uint64_t x : old)
      if (x) insert(x);
  }
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return;
    if (slots_[i] == 0) {
      slots_[i] = h;
      ++used_;
      return;
    }
  }
}

bool HashSet64::count(uint64_t h) const {
  if (h == 0) return zero_;
  if (slots_.empty()) return false;
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return true;
    if (slots_[i] == 0) return false;
  }
}

Status SqliteImportSink::prefilter(int64_t expected_rows) {
  if (!open_ || filtered_) return {};
  int64_t persons = 0;
  {
    auto q = db_.prepare("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL");
    if (q.step()) persons = q.i64(0);
  }
  if (persons > expected_rows) return {};
  std::hash<std::string_view> hash;
  auto p = db_.prepare("SELECT id_number FROM person WHERE deleted_at IS NULL");
  while (p.step()) id_hashes_.insert(hash(p.text(0)));
  auto h = db_.prepare("SELECT number FROM household WHERE deleted_at IS NULL");
  while (h.step()) number_hashes_.insert(hash(h.text(0)));
  filtered_ = true;
  return {};
}

Result<std::optional<ExistingHousehold>> SqliteImportSink::household_by_number(
    const std::string& number) {
  if (filtered_ && !number_hashes_.count(std::hash<std::string_view>{}(number)))
    return std::optional<ExistingHousehold>();
  LZ_TRY(created_.flush());
  auto s = db_.prepare(
      "SELECT id, number, region_code, address, head_person_id FROM household WHERE number = ? AND "
      "deleted_at IS NULL");
  s.bind(1, number);
  if (!s.step()) return std::optional<ExistingHousehold>();
  return std::optional<ExistingHousehold>(read_household(s, base_household_));
}

Result<std::optional<ExistingHousehold>> SqliteImportSink::household_by_id(int64_t id) {
  LZ_TRY(created_.flush());
  auto s = db_.prepare(
      "SELECT id, number, region_code, address, head_person_id FROM household WHERE id = ? AND "
      "deleted_at IS NULL");
  s.bind(1, id);
  if (!s.step()) return std::optional<ExistingHousehold>();
  return std::optional<ExistingHousehold>(read_household(s, base_household_));
}

// The store's person_by_id_number, with the statement's text built once.
Result<std::optional<Person>> SqliteImportSink::person_by_id_number(const std::string& id_number) {
  if (filtered_ && !id_hashes_.count(std::hash<std::string_view>{}(id_number)))
    return std::optional<Person>();
  LZ_TRY(created_.flush());
  if (!person_by_id_number_) person_by_id_number_ = db_.prepare(person_by_id_number_sql_);
  sqlite::Stmt& s = *person_by_id_number_;
  s.bind(1, id_number);
  std::optional<Person> out;
  if (s.step()) out = sqlite::read_person(s);
  s.reset();
  return out;
}

Status SqliteImportSink::begin_unit() {
  if (created_.persons() >= kFlushPersons) LZ_TRY(created_.flush());
  in_unit_ = true;
  savepoint_ = false;
  unit_mark_ = created_.households();
  return {};
}
Status SqliteImportSink::write_begins() {
  LZ_TRY(created_.flush());  // before the savepoint: a rollback to it keeps them
  if (!in_unit_ || savepoint_ || !undo_units_) return {};
  LZ_TRY(db_.prepare("SAVEPOINT household").exec());
  savepoint_ = true;
  return {};
}
Status SqliteImportSink::end_unit(bool keep) {
  in_unit_ = false;
  if (!keep && undo_units_) created_.truncate(unit_mark_);  // as a ROLLBACK TO would
  if (!savepoint_) return {};
  savepoint_ = false;
  if (!keep) LZ_TRY(db_.prepare("ROLLBACK TO household").exec());
  return db_.prepare("RELEASE household").exec();
}

Status SqliteImportSink::audit(const char* action, const char* entity, int64_t id,
                               const std::string& before, const std::string& after) {
  AuditEntry e;
  e.at = now_;
  e.actor = actor_.name;
  e.role = actor_.role;
  e.address = actor_.address;
  e.action = action;
  e.entity = entity;
  e.entity_id = std::string_view(entity) == "import" ? source_.import_id : std::to_string(id);
  e.before = before;
  e.after = after;
  e.detail = detail_;
  return store_.audit().append(e);
}

// Up to kRowsPerInsert members in one INSERT of as many rows: a statement's
// start, cursors and halt are paid once per household, not per member
// (~0.5 µs a row of a 1 M-row import). One statement per row count, held.
Status SqliteImportSink::insert_persons(Person* members, size_t n, int64_t household_id,
                                        const std::string& region_code) {
  while (n > kRowsPerInsert) {
    LZ_TRY(insert_persons(members, kRowsPerInsert, household_id, region_code));
    members += kRowsPerInsert;
    n -= kRowsPerInsert;
  }
  if (n == 0) return {};
  RawStmt& held = insert_persons_[n - 1];
  if (!held.st) {
    std::string sql =
        "INSERT INTO person (household_id, name, id_number, sex, birth_date, relationship, "
        "ethnicity, education, enrolment, health, labour, phone, region_code, version, "
        "created_at, created_by, updated_at, updated_by, id) VALUES ";
    for (size_t i = 0; i < n; ++i)
      sql += i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?)"
               : "(?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?)";
    if (sqlite3_prepare_v3(db_.handle(), sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &held.st, nullptr) != SQLITE_OK)
      return sqlite::sqlite_error(db_.handle(), "prepare");
  }
  // The text is bound without a copy (SQLITE_STATIC): every string bound
  // outlives the step (the birth dates are kept in `births`), and the
  // statement is reset right after.
  sqlite3_stmt* s = held.st;
  std::array<std::string, kRowsPerInsert> births;
  auto text = [s](int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  };
  for (size_t r = 0; r < n; ++r) {
    const Person& p = members[r];
    const int b = static_cast<int>(r) * 18;
    births[r] = p.birth_date.iso();
    sqlite3_bind_int64(s, b + 1, household_id);
    text(b + 2, p.name);
    text(b + 3, p.id_number);
    text(b + 4, p.sex);
    text(b + 5, births[r]);
    text(b + 6, p.relationship);
    text(b + 7, p.ethnicity);
    text(b + 8, p.education);
    text(b + 9, p.enrolment);
    text(b + 10, p.health);
    text(b + 11, p.labour);
    text(b + 12, p.phone);
    text(b + 13, region_code);
    text(b + 14, now_);
    text(b + 15, actor_.name);
    text(b + 16, now_);
    text(b + 17, actor_.name);
    sqlite3_bind_int64(s, b + 18, next_person_id_ + static_cast<int64_t>(r));
  }
  Status st;
  if (sqlite3_step(s) != SQLITE_DONE) st = sqlite::sqlite_error(db_.handle(), "exec");
  sqlite3_reset(s);
  LZ_TRY(st);
  for (size_t r = 0; r < n; ++r) {
    Person& p = members[r];
    p.id = next_person_id_++;
    if (filtered_) id_hashes_.insert(std::hash<std::string_view>{}(p.id_number));
    p.household_id = household_id;
    p.region_code = region_code;
    p.meta.version = 1;  // the rest of meta only where an audit entry shows it (add_member)
  }
  return {};
}

Status SqliteImportSink::create_household(Household& h) {
  if (!known_regions_.count(h.region_code)) {
    auto r = db_.prepare("SELECT level FROM region WHERE code = ?");
    r.bind(1, h.region_code);
    if (!r.step())
      return not_found("region_code.unknown", "region_code",
                       "区划代码“" + h.region_code + "”不存在",
                       "There is no region with code \"" + h.region_code + "\"");
    known_regions_.insert(h.region_code);
  }
  // Held, not written (created_): the household and its members get their
  // ids here, the head among them.
  h.id = next_household_id_++;
  h.meta.version = 1;
  for (Person& p : h.members) {
    p.id = next_person_id_++;
    p.household_id = h.id;
    p.region_code = h.region_code;
    p.meta.version = 1;  // the rest of meta only where an audit entry shows it (add_member)
    if (p.relationship == "01") h.head_person_id = p.id;
    if (filtered_) id_hashes_.insert(std::hash<std::string_view>{}(p.id_number));
  }
  if (filtered_) number_hashes_.insert(std::hash<std::string_view>{}(h.number));
  created_.add(h);
  return {};  // in the import's audit entry (created households' ids)
}

Status SqliteImportSink::add_member(const ExistingHousehold& h, Person& p) {
  LZ_TRY(write_begins());
  touch(h.id);
  LZ_TRY(insert_persons(&p, 1, h.id, h.region_code));
  if (p.relationship == "01" && !h.head_person_id)
    LZ_TRY(db_.prepare(
                  "UPDATE household SET head_person_id = ?, version = version + 1, updated_at = ?, "
                  "updated_by = ? WHERE id = ?")
               .bind(1, p.id)
               .bind(2, now_)
               .bind(3, actor_.name)
               .bind(4, h.id)
               .exec());
  if (h.created_here) return {};  // a household of this file: the import's entry
  p.meta = {1, now_, actor_.name, now_, actor_.name};
  return audit("create", "person", p.id, "", person_audit_text(p));
}

Status SqliteImportSink::update_person(const Person& before, const Person& after) {
  LZ_TRY(write_begins());
  if (before.household_id) touch(*before.household_id);
  auto s = db_.prepare(
      "UPDATE person SET name = ?, relationship = ?, ethnicity = ?, education = ?, enrolment = ?, "
      "health = ?, "
      "labour = ?, phone = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
  s.bind(1, after.name)
      .bind(2, after.relationship)
      .bind(3, after.ethnicity)
      .bind(4, after.education);
  s.bind(5, after.enrolment).bind(6, after.health).bind(7, after.labour).bind(8, after.phone);
  s.bind(9, now_).bind(10, actor_.name).bind(11, before.id);
  LZ_TRY(s.exec());
  Person a = after;
  a.id = before.id;
  a.meta = before.meta;
  a.meta.version = before.meta.version + 1;
  a.meta.updated_at = now_;
  a.meta.updated_by = actor_.name;
  if (after.relationship == "01")
    LZ_TRY(db_.prepare(
                  "UPDATE household SET head_person_id = ? WHERE id = ? AND head_person_id IS NULL")
               .bind(1, before.id)
               .bind(2, *before.household_id)
               .exec());
  return audit("update", "person", before.id, person_audit_text(before), person_audit_text(a));
}

Status SqliteImportSink::update_household(const ExistingHousehold& before,
                                          const std::string& region_code,
                                          const std::string& address) {
  LZ_TRY(write_begins());
  touch(before.id);
  auto s = db_.prepare(
      "UPDATE household SET region_code = ?, address = ?, version = version + 1, updated_at = ?, "
      "updated_by = ? "
      "WHERE id = ?");
  s.bind(1, region_code).bind(2, address).bind(3, now_).bind(4, actor_.name).bind(5, before.id);
  LZ_TRY(s.exec());
  if (region_code != before.region_code)
    LZ_TRY(db_.prepare("UPDATE person SET region_code = ? WHERE household_id = ?")
               .bind(1, region_code)
               .bind(2, before.id)
               .exec());
  nlohmann::json b{{"id", before.id},
                   {"number", before.number},
                   {"region_code", before.region_code},
                   {"address", before.address}};
  nlohmann::json a{{"id", before.id},
                   {"number", before.number},
                   {"region_code", region_code},
                   {"address", address}};
  return audit("update", "household", before.id, b.dump(), a.dump());
}

Status SqliteImportSink::prepare_bulk(int64_t expected_rows) {
  if (!open_) return {};
  if (expected_rows >= kPauseTriggersRows && !facts_pause_.paused()) {
    auto p = sqlite::FactsTriggersPause::begin(db_, {"person", "household"});
    if (!p) return p.error();
    facts_pause_ = std::move(p).value();
  }
  if (!deferred_.empty() || expected_rows * 2 <= base_person_) return {};
  std::vector<std::pair<std::string, std::string>> drop;
  for (const char* table : {"person", "household"}) {
    // Each non-unique index made by CREATE INDEX whose first column is not household_id.
    auto list = db_.prepare(
        "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name = ? AND "
        "m.sql IS NOT NULL AND m.sql NOT LIKE 'CREATE UNIQUE%' AND (SELECT name FROM "
        "pragma_index_info(m.name) WHERE seqno = 0) <> 'household_id' ORDER BY m.name");
    list.bind(1, std::string(table));
    while (list.step()) drop.emplace_back(list.str(0), list.str(1));
  }
  for (const auto& [name, sql] : drop) {
    LZ_TRY(db_.exec("DROP INDEX \"" + name + "\""));
    deferred_.emplace_back(name, sql);
  }
  return {};
}

std::vector<std::string> SqliteImportSink::deferred_indexes() const {
  std::vector<std::string> out;
  for (const auto& d : deferred_) out.push_back(d.first);
  return out;
}

Status SqliteImportSink::commit(const ImportTally& t) {
  LZ_TRY(created_.flush());
  if (source_.sha256_pending.valid()) {
    auto sha = source_.sha256_pending.get();
    if (!sha) return sha.error();
    source_.sha256 = *sha;
    source_.sha256_pending = {};
  }
  auto range = [&](const char* table, int64_t base) {
    int64_t last = base;
    auto q = db_.prepare(fmt::format("SELECT COALESCE(MAX(id), 0) FROM {}", table));
    if (q.step()) last = q.i64(0);
    return last > base ? nlohmann::json::array({base + 1, last}) : nlohmann::json();
  };
  nlohmann::json after{{"file_name", source_.file_name},
                       {"sha256", source_.sha256},
                       {"mode", t.mode},
                       {"rows_read", t.rows_read},
                       {"added", t.added},
                       {"updated", t.updated},
                       {"unchanged", t.unchanged},
                       {"refused", t.refused},
                       {"households_added", t.households_added},
                       {"households_updated", t.households_updated},
                       {"household_ids", range("household", base_household_)},
                       {"person_ids", range("person", base_person_)}};
  LZ_TRY(audit("import", "import", 0, "", after.dump()));
  if (!deferred_.empty()) {
    // The builds sort through temporary files, not memory (the connection's
    // temp_store=MEMORY would hold a sort of the whole table).
    int64_t temp_store = 0;
    {
      auto q = db_.prepare("PRAGMA temp_store");
      if (q.step()) temp_store = q.i64(0);
    }
    // A second thread sorts for each build (SQLite's sorter workers).
    LZ_TRY(db_.exec("PRAGMA temp_store=FILE; PRAGMA threads=2"));
    Status built;
    for (const auto& d : deferred_)
      if (built = db_.exec(d.second); !built) break;
    LZ_TRY(db_.exec(fmt::format("PRAGMA temp_store={}; PRAGMA threads=0", temp_store)));
    LZ_TRY(built);
    deferred_.clear();
  }
  LZ_TRY(facts_pause_.resume(db_, base_household_, touched_));
  LZ_TRY(db_.exec("COMMIT"));
  open_ = false;
  return {};
}

}  // namespace lz::exchange
