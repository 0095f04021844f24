// SqliteImportSink: the ImportSink on the SQLite store's own connection.
// The whole file is one BEGIN IMMEDIATE transaction (so a killed import
// leaves nothing: SQLite's journal rolls it back on the next open); each
// household is a SAVEPOINT inside it. Rows and audit entries are written
// with the store's prepared-statement pool and its AuditLog, in the same
// form as SqliteStore's own writes (actor, timestamps, version 1). The audit
// trail of the file: one entry at commit (action "import", entity "import",
// entity_id the upload's id or empty from the CLI; "after": the file's name
// and SHA-256, the mode, the counts, and the id ranges of the households and
// persons it created), and one entry per change to a record that was there
// before the file (a person updated, before and after; a household updated
// or given a member). Created by `liangzhan import` and the API's uploads.
#pragma once
#include <array>
#include <future>
#include <memory>
#include <unordered_set>
#include <vector>

#include "exchange/import_sink.h"
#include "exchange/sqlite_created_rows.h"
#include "store/sqlite/facts_triggers.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {

// The audit text of a household or person as registry/json.h's audit_text()
// writes it, byte for byte, without building a JSON document (the sink's
// hot path; the tests compare the two).
std::string household_audit_text(const Household& h);
std::string person_audit_text(const Person& p);

// A set of 64-bit hashes in one array (open addressing, at most half full:
// 16 bytes a member, a third of a node-based set's).
class HashSet64 {
 public:
  void insert(uint64_t h);
  bool count(uint64_t h) const;

 private:
  std::vector<uint64_t> slots_;  // 0: empty (the hash 0 is kept aside)
  size_t used_ = 0;
  bool zero_ = false;
};

class SqliteImportSink final : public ImportSink {
 public:
  // Begins the transaction. `detail` goes into every audit entry (the file).
  static Result<std::unique_ptr<SqliteImportSink>> begin(sqlite::SqliteStore& store,
                                                         const Actor& actor, std::string detail);
  ~SqliteImportSink() override;

  Result<std::optional<ExistingHousehold>> household_by_number(const std::string& number) override;
  Result<std::optional<ExistingHousehold>> household_by_id(int64_t id) override;
  Result<std::optional<Person>> person_by_id_number(const std::string& id_number) override;
  bool created_here(const Person& p) const override { return p.id > base_person_; }
  Status begin_unit() override;
  Status end_unit(bool keep) override;
  void set_undo_units(bool undo) override { undo_units_ = undo; }
  Status create_household(Household& h) override;
  Status add_member(const ExistingHousehold& h, Person& p) override;
  Status update_person(const Person& before, const Person& after) override;
  Status update_household(const ExistingHousehold& before, const std::string& region_code,
                          const std::string& address) override;
  // Writes the import's audit entry, builds deferred indexes, COMMIT.
  Status commit(const ImportTally& tally) override;

  // What the import's audit entry names: the file as the user gave it, its
  // SHA-256 (hex; see file_sha256()) and the upload's id (empty from the CLI).
  // The SHA-256 may still be being computed (file_sha256_async):
  // commit() then waits for it.
  struct Source {
    std::string file_name, sha256, import_id;
    std::shared_future<Result<std::string>> sha256_pending;
  };
  void set_source(Source s) { source_ = std::move(s); }

  // What a large file's import does differently (a dry run too: it rolls
  // back, which puts the schema back as it was and builds nothing):
  // - From kPauseTriggersRows rows on: the household_facts triggers on
  //   person and household are paused for the transaction
  //   (store/sqlite/facts_triggers.h; ~2 µs a row otherwise); commit()
  //   deletes the facts rows of the households created and touched and
  //   puts the triggers back before COMMIT.
  // - For a file that adds many rows relative to the registry
  //   (expected_rows above half the persons already there): drops the
  //   person and household indexes the import never reads (not unique, not
  //   led by household_id: person_name, person_region_live, ...) and creates
  //   them again in commit(), before COMMIT: one sorted build instead of a
  //   B-tree insert at a random place per row. The unique indexes (dedupe
  //   by ID number and household number) and those by household stay.
  // Both inside the transaction, so a rollback (an error, a kill) leaves
  // the schema as it was.
  static constexpr int64_t kPauseTriggersRows = 5000;
  Status prepare_bulk(int64_t expected_rows);
  bool facts_triggers_paused() const { return facts_pause_.paused(); }
  // For a file about as large as the registry or larger (expected_rows at
  // least the persons there): reads the ID numbers and household numbers
  // already there once, into sets of their 64-bit hashes, to which each one
  // written is added; a lookup of a number not in its set is then answered
  // "not there" without asking the database (most of a large file's rows
  // are new). A hash in the set still asks the database (it decides).
  Status prefilter(int64_t expected_rows);
  // The indexes defer_indexes() dropped (their names), for the tests.
  std::vector<std::string> deferred_indexes() const;
  // Rows an import of a file of this size may add (about 100 bytes a member
  // row in CSV, fewer in xlsx): what to pass to defer_indexes().
  static int64_t rows_estimate(uint64_t file_bytes) {
    return static_cast<int64_t>(file_bytes / 100);
  }

 private:
  SqliteImportSink(sqlite::SqliteStore& store, const Actor& actor, std::string detail)
      : store_(store),
        db_(store.db()),
        actor_(actor),
        detail_(std::move(detail)),
        created_(store.db().handle()) {}
  // Writes members [0, n) with the ids from next_person_id_ on, several to a statement.
  static constexpr size_t kRowsPerInsert = 8;
  Status insert_persons(Person* members, size_t n, int64_t household_id,
                        const std::string& region_code);
  // Opens the household's savepoint before its first write (a household
  // that writes nothing needs none; none at all when units need not be
  // undone alone: a savepoint copies every page it touches to the
  // sub-journal, 11 % of an all-or-nothing import).
  Status write_begins();
  Status audit(const char* action, const char* entity, int64_t id, const std::string& before,
               const std::string& after);

  sqlite::SqliteStore& store_;
  sqlite::Db& db_;
  Actor actor_;
  std::string detail_, now_;
  Source source_;
  bool open_ = false, in_unit_ = false, savepoint_ = false, undo_units_ = true;
  int64_t base_person_ = 0, base_household_ = 0;
  // The id of the next person written: the file's persons are numbered by
  // the sink (one writer: the transaction holds the write lock throughout).
  int64_t next_person_id_ = 1, next_household_id_ = 1;
  // The households created (with their members) not yet written: held and
  // written many to a statement (see sqlite_created_rows.h). Flushed before
  // any lookup that reaches the database, before any other write (and so
  // before a unit's savepoint opens), every kFlushPersons members (at a
  // unit's start) and at commit. A unit undone forgets what it held.
  static constexpr size_t kFlushPersons = 4096;
  SqliteCreatedRows created_;
  size_t unit_mark_ = 0;  // created_.households() when the unit began
  std::string person_by_id_number_sql_;
  // The hot statements, held (not looked up in the pool per row); declared
  // after db_ and reset after each use.
  std::optional<sqlite::Stmt> person_by_id_number_;
  struct RawStmt {  // finalized with the sink
    sqlite3_stmt* st = nullptr;
    ~RawStmt() { sqlite3_finalize(st); }
  };
  std::array<RawStmt, kRowsPerInsert> insert_persons_;  // [n - 1]: n rows
  std::unordered_set<std::string> known_regions_;       // region codes seen to exist
  bool filtered_ = false;  // prefilter(): the sets below hold every number there is
  HashSet64 id_hashes_, number_hashes_;
  std::vector<std::pair<std::string, std::string>>
      deferred_;  // name, CREATE INDEX to run at commit
  sqlite::FactsTriggersPause facts_pause_;
  // Existing households written while the triggers are paused (their facts
  // rows go at commit; the created ones go by id range).
  std::vector<int64_t> touched_;
  void touch(int64_t household_id) {
    if (facts_pause_.paused()) touched_.push_back(household_id);
  }
};

}  // namespace lz::exchange
