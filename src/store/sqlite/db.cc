#include "store/sqlite/db.h"

#include <atomic>

#include <fmt/format.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace lz::sqlite {

Error sqlite_error(sqlite3* db, std::string_view what) {
  std::string msg = db ? sqlite3_errmsg(db) : "cannot allocate";
  return internal("store.sqlite", fmt::format("数据库错误（{}）：{}", what, msg),
                  fmt::format("database error ({}): {}", what, msg));
}

StmtPool::Slot& StmtPool::slot(std::string_view sql) {
  auto it = free.find(sql);
  if (it == free.end()) it = free.emplace(std::string(sql), Slot{}).first;
  return it->second;  // node-based map: the reference stays valid
}

StmtPool::~StmtPool() {
  for (auto& [sql, list] : free)
    for (auto* st : list) sqlite3_finalize(st);
}

Stmt::Stmt(sqlite3* db, std::string_view sql, StmtPool* pool) : db_(db) {
  if (pool) {
    slot_ = &pool->slot(sql);
    if (!slot_->empty()) {
      st_ = slot_->back();
      slot_->pop_back();
      return;
    }
  }
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_,
                              nullptr);
  if (rc != SQLITE_OK)
    throw std::runtime_error(fmt::format("SQL prepare failed: {} in: {}", sqlite3_errmsg(db), sql));
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    release();
    st_ = o.st_;
    db_ = o.db_;
    slot_ = o.slot_;
    o.st_ = nullptr;
  }
  return *this;
}

void Stmt::release() {
  if (!st_) return;
  if (slot_) {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    slot_->push_back(st_);
  } else {
    sqlite3_finalize(st_);
  }
  st_ = nullptr;
}

Stmt::~Stmt() { release(); }

Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(st_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_blob(int i, std::string_view bytes) {
  sqlite3_bind_blob(st_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}

bool Stmt::step() {
  rc_ = sqlite3_step(st_);
  return rc_ == SQLITE_ROW;
}

Status Stmt::exec() {
  while (step()) {
  }
  Status st;
  if (rc_ != SQLITE_DONE) st = sqlite_error(db_, "exec");
  reset();
  return st;
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

std::string Stmt::str(int col) const {
  const unsigned char* p = sqlite3_column_text(st_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, col)) : std::string();
}

namespace {

std::atomic<uint64_t> g_generation{1};

// Tables no cached answer reads: sessions, accounts (a login resets the
// failed attempts), the audit log and household_facts (rows a poverty check
// writes back: a copy of other tables, migration 016). A transaction that changed only these
// keeps the generation when committed by this process's own connection.
bool is_quiet_table(std::string_view table) {
  return table == "session" || table == "account" || table == "audit_log" || table == "household_facts";
}

// What a connection's open transaction changed, from the update hook: rows of
// quiet tables, and whether any other table was touched. A commit changes data
// when another table was touched or when SQLite counted more changed rows than
// the hook reported quiet ones (writes the hook does not see: WITHOUT ROWID
// tables, DELETE without WHERE). Started afresh after each commit and rollback.
struct WriteNote {
  sqlite3* db = nullptr;
  int64_t base_changes = 0;  // total changes when the transaction began
  int64_t quiet_rows = 0;
  bool data = false;
  bool committing_data = false;  // the commit under way changes data (set by on_commit)
  int64_t data_commits = 0;      // commits of this connection that changed data
  void restart() {
    base_changes = sqlite3_total_changes64(db);
    quiet_rows = 0;
    data = false;
    committing_data = false;
  }
};

// Each connection's note (db.h keeps no room for it: the header is included everywhere).
std::mutex g_notes_mu;
std::unordered_map<sqlite3*, std::unique_ptr<WriteNote>> g_notes;

WriteNote* note_of(sqlite3* db) {
  std::lock_guard lock(g_notes_mu);
  auto it = g_notes.find(db);
  return it == g_notes.end() ? nullptr : it->second.get();
}

void on_update(void* self, int, const char*, const char* table, sqlite3_int64) {
  WriteNote& n = *static_cast<WriteNote*>(self);
  if (is_quiet_table(table))
    ++n.quiet_rows;
  else
    n.data = true;
}

// Before the commit (it may yet fail and be retried): counts it as a data
// commit for generation(). SQLite adds an autocommit statement's rows to the
// total only after this hook, so the total may lag here: only a surplus over
// the quiet rows counts (on_wal_commit checks exactly, after the commit).
int on_commit(void* self) {
  WriteNote& n = *static_cast<WriteNote*>(self);
  n.committing_data = n.data || sqlite3_total_changes64(n.db) - n.base_changes > n.quiet_rows;
  if (n.committing_data) ++n.data_commits;  // over-counts a failed commit: harmless
  return 0;
}

void on_rollback(void* self) {
  static_cast<WriteNote*>(self)->restart();
}

// Runs after each commit in WAL mode. It replaces SQLite's default hook, so
// it also checkpoints as that one does (passive, from 1,000 pages on).
int on_wal_commit(void* self, sqlite3* db, const char* name, int pages) {
  WriteNote& n = *static_cast<WriteNote*>(self);
  if (n.committing_data || sqlite3_total_changes64(db) - n.base_changes != n.quiet_rows)
    g_generation.fetch_add(1, std::memory_order_acq_rel);
  n.restart();
  if (pages >= 1000)
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return SQLITE_OK;
}

}  // namespace

// Grows when this connection sees another connection's commit (data_version:
// another process, or another connection of this one, whatever it changed)
// or has committed data itself (on_commit; own commits of quiet tables alone
// keep it). seen_changes_ holds the data commits as last seen.
std::optional<uint64_t> Db::generation() {
  if (sqlite3_get_autocommit(db_) == 0) return std::nullopt;
  int64_t version = -1;
  {
    auto s = prepare("PRAGMA data_version");
    if (s.step()) version = s.i64(0);
  }
  int64_t data_commits = sqlite3_total_changes64(db_);  // without a note: every write
  if (WriteNote* n = note_of(db_)) {
    // Outside a transaction every commit is done (counted by on_commit): the
    // next note starts afresh (connections whose WAL hook was replaced, e.g.
    // the server's write lane, and in-memory ones have no WAL hook).
    n->restart();
    data_commits = n->data_commits;
  }
  if (!seen_ || version != seen_version_ || data_commits != seen_changes_) {
    g_generation.fetch_add(1, std::memory_order_acq_rel);
    seen_ = true;
    seen_version_ = version;
    seen_changes_ = data_commits;
  }
  return g_generation.load(std::memory_order_acquire);
}

Result<std::unique_ptr<Db>> Db::open(const std::string& path) {
  // No global allocation statistics: with them every sqlite3_malloc takes a
  // process-wide mutex that the server's worker connections contend on.
  // Only possible before SQLite initialises; later it is refused, harmlessly.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  sqlite3* h = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Error e = internal("store.open", fmt::format("无法打开数据库文件“{}”：{}", path, h ? sqlite3_errmsg(h) : ""),
                       fmt::format("cannot open database file \"{}\": {}", path, h ? sqlite3_errmsg(h) : ""));
    e.kind = ErrorKind::kInvalid;
    if (h) sqlite3_close(h);
    return e;
  }
  std::unique_ptr<Db> db(new Db(h));
  sqlite3_busy_timeout(h, 10000);
  sqlite3_extended_result_codes(h, 1);
  auto st = db->exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;");
  if (!st) {
    Error e = st.error();
    e.kind = ErrorKind::kInvalid;
    e.message_zh = fmt::format("“{}”不是可用的数据库文件：{}", path, e.message_zh);
    e.message_en = fmt::format("\"{}\" is not a usable database file: {}", path, e.message_en);
    return e;
  }
  auto note = std::make_unique<WriteNote>();
  note->db = h;
  WriteNote* n = note.get();
  {
    std::lock_guard lock(g_notes_mu);
    g_notes[h] = std::move(note);
  }
  sqlite3_update_hook(h, on_update, n);
  sqlite3_commit_hook(h, on_commit, n);
  sqlite3_rollback_hook(h, on_rollback, n);
  sqlite3_wal_hook(h, on_wal_commit, n);
  return db;
}

Db::~Db() {
  for (auto& [sql, list] : pool_.free)
    for (auto* st : list) sqlite3_finalize(st);
  pool_.free.clear();
  // The hooks go before their note (a close rolls back an open transaction).
  sqlite3_update_hook(db_, nullptr, nullptr);
  sqlite3_commit_hook(db_, nullptr, nullptr);
  sqlite3_rollback_hook(db_, nullptr, nullptr);
  sqlite3_wal_hook(db_, nullptr, nullptr);
  {
    std::lock_guard lock(g_notes_mu);
    g_notes.erase(db_);
  }
  sqlite3_close_v2(db_);
}

Status Db::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return internal("store.sqlite", fmt::format("数据库错误：{}", msg), fmt::format("database error: {}", msg));
  }
  return {};
}

Status Db::run(std::string_view sql) {
  Stmt s = prepare(sql);
  if (auto st = s.exec(); !st) return st;
  return {};
}

// Inside another transaction (a use case that spans several store calls) a
// Tx is a savepoint: its commit releases the savepoint and the outer
// transaction decides; its rollback undoes only its own writes.
Tx::Tx(Db& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  begin_ = db_.run(nested_ ? "SAVEPOINT lz_tx" : "BEGIN IMMEDIATE");
}
Tx::~Tx() {
  if (done_ || !begin_) return;
  if (nested_) {
    (void)db_.run("ROLLBACK TO lz_tx");
    (void)db_.run("RELEASE lz_tx");
  } else {
    (void)db_.run("ROLLBACK");
  }
}
Status Tx::commit() {
  auto st = db_.run(nested_ ? "RELEASE lz_tx" : "COMMIT");
  if (st) done_ = true;
  return st;
}

}  // namespace lz::sqlite
