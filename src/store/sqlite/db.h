// Thin RAII wrappers over the SQLite C API: Db (a connection opened with WAL,
// foreign keys and a busy timeout), Stmt (a prepared statement) and Tx (a
// transaction rolled back unless committed). Only src/store/sqlite uses them.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace lz::sqlite {

class Db;

// Prepared statements are pooled per connection and SQL text: a Stmt hands
// its statement back (reset, bindings cleared) when it goes out of scope, so
// the hot paths compile each statement once. The SQL text is looked up
// without copying it (heterogeneous lookup) and a Stmt keeps its slot.
struct StmtPool {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using Slot = std::vector<sqlite3_stmt*>;
  std::unordered_map<std::string, Slot, Hash, std::equal_to<>> free;
  Slot& slot(std::string_view sql);
  ~StmtPool();
};

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql, StmtPool* pool = nullptr);  // throws on a bad statement (a bug)
  Stmt(Stmt&& o) noexcept : st_(o.st_), db_(o.db_), slot_(o.slot_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  ~Stmt();

  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, std::string_view bytes);
  template <typename T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Returns true while a row is available; false when done. Errors -> Status via last_error.
  bool step();
  // Runs to completion; returns an error if the statement failed (e.g. a constraint).
  Status exec();
  void reset();

  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  int64_t i64(int col) const { return sqlite3_column_int64(st_, col); }
  double f64(int col) const { return sqlite3_column_double(st_, col); }
  std::string str(int col) const;
  // The text of a column, valid until the next step/reset (no copy).
  std::string_view text(int col) const {
    const unsigned char* p = sqlite3_column_text(st_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<size_t>(sqlite3_column_bytes(st_, col)))
             : std::string_view();
  }
  // The bytes of a BLOB column, valid until the next step/reset (no copy).
  std::string_view blob(int col) const {
    const void* p = sqlite3_column_blob(st_, col);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st_, col)))
             : std::string_view();
  }
  // str() into an existing string, reusing its capacity (hot readers).
  void str_into(int col, std::string& out) const { out.assign(text(col)); }
  std::optional<int64_t> opt_i64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(i64(col));
  }
  std::optional<std::string> opt_str(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::string>(str(col));
  }
  int last_rc() const { return rc_; }
  const char* error_message() const { return sqlite3_errmsg(db_); }
  int extended_rc() const { return sqlite3_extended_errcode(db_); }

 private:
  void release();
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
  StmtPool::Slot* slot_ = nullptr;  // where the statement goes back; null: finalize it
  int rc_ = SQLITE_OK;
};

class Db {
 public:
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  sqlite3* handle() { return db_; }
  Status exec(std::string_view sql);  // one or more statements, no results
  // One statement without results, prepared once per connection (pooled):
  // for the statements a hot path repeats (SAVEPOINT, RELEASE, COMMIT...).
  Status run(std::string_view sql);
  Stmt prepare(std::string_view sql) { return Stmt(db_, sql, &pool_); }

  // The data's generation, for read caches (the bulletin's): a process-wide
  // number that grows after every commit by a connection of this process
  // that changed data (a WAL hook, run once the commit is done) and whenever
  // this connection sees that another connection committed (PRAGMA
  // data_version, whatever it changed) or has committed data itself. A
  // connection's own commits that changed only sessions, accounts or the
  // audit log keep it (db.cc: the update hook notes the tables each
  // transaction changed). An answer computed from reads that began after
  // generation() returned g is current as long as generation() still returns
  // g. nullopt inside an open transaction (its writes may yet roll back): do
  // not cache then.
  std::optional<uint64_t> generation();

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  StmtPool pool_;
  bool seen_ = false;  // data_version and total changes as last seen by generation()
  int64_t seen_version_ = 0;
  int64_t seen_changes_ = 0;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit()
// succeeded. Within an open transaction it is a savepoint instead, so a use
// case may wrap several store calls (each with its own Tx) in one outer Tx.
class Tx {
 public:
  explicit Tx(Db& db);
  ~Tx();
  Status begin_status() const { return begin_; }
  Status commit();

 private:
  Db& db_;
  bool nested_ = false;
  Status begin_;
  bool done_ = false;
};

Error sqlite_error(sqlite3* db, std::string_view what);

}  // namespace lz::sqlite
