// Loading a large register's facts through household_facts (migration 016):
// one row per household holding its poverty::HouseholdFacts encoded
// (poverty/facts_codec.h). Triggers on every table the facts come from delete
// a household's row in the same transaction as the change, so a row present
// for the year and codec version asked for is always current; households
// without one are read from the tables (sqlite_poverty_facts.cc) and their
// rows written back. A province register of 1 M households is then one
// sequential read of ~1 M short rows instead of twelve tables (~12 M rows).
//
// Consistency: the rows, the register and the households read from the
// tables are read in one read transaction, without the write lock: a first
// load of a province (seconds) blocks no writer. The missing rows are then
// written back in that same transaction: its first write takes the write
// lock, which SQLite grants only if no other connection has committed since
// the read began, so every row written is of the current data. If another
// connection committed meanwhile, or holds the lock for more than
// kLockWaitMs (an import), or the caller's own transaction is open, nothing
// is written back: the facts returned are right all the same, and the next
// load writes the rows.
#include <algorithm>

#include "poverty/facts_codec.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::sqlite {

using namespace lz::poverty;

namespace {

constexpr int kLockWaitMs = 200;
constexpr int kBusyWaitMs = 10000;  // as Db::open sets it

// The read transaction load_facts_through_snapshot begins when the caller
// has none open (else it reads in the caller's and writes nothing back).
class ReadTx {
 public:
  explicit ReadTx(Db& db) : db_(db), own_(sqlite3_get_autocommit(db.handle()) != 0) {}
  ~ReadTx() {
    if (open_) (void)db_.run("ROLLBACK");
  }
  Status begin() {
    if (!own_) return {};
    LZ_TRY(db_.run("BEGIN"));
    open_ = true;
    return {};
  }
  bool own() const { return own_; }
  Status commit() {
    if (!open_) return {};
    open_ = false;
    return db_.run("COMMIT");
  }
  void rollback() {
    if (open_) (void)db_.run("ROLLBACK");
    open_ = false;
  }

 private:
  Db& db_;
  bool own_;
  bool open_ = false;
};

bool in_region(std::string_view code, const std::string& prefix) {
  return code.starts_with(prefix);
}

}  // namespace

Result<std::vector<HouseholdFacts>> SqlitePovertyStore::load_facts(const FactsFilter& f) {
  using Path = FactsFilter::Path;
  if (f.path == Path::kSnapshot) return load_facts_through_snapshot(f);
  if (f.path == Path::kTables) return load_facts_from_tables(f);
  if (f.path == Path::kChoose && !f.household_id && f.household_ids.empty()) {
    auto s = db_.prepare("SELECT MAX(rowid) FROM poverty_household");
    if (s.step() && s.i64(0) >= kFactsSnapshotMin) return load_facts_through_snapshot(f);
  }
  return load_facts_from_tables(f);
}

Result<std::vector<HouseholdFacts>> SqlitePovertyStore::load_facts_through_snapshot(
    const FactsFilter& f) {
  ReadTx tx(db_);
  LZ_TRY(tx.begin());

  // The register's households (sorted), narrowed as the filter asks.
  std::vector<int64_t> reg;
  {
    auto s =
        db_.prepare(std::string("SELECT ph.household_id FROM poverty_household ph") +
                    (f.include_marginal ? "" : " WHERE ph.status IN ('registered_poor','lifted')") +
                    " ORDER BY ph.household_id");
    while (s.step()) {
      const int64_t id = s.i64(0);
      if (f.household_id && id != *f.household_id) continue;
      if (!f.household_ids.empty() &&
          !std::binary_search(f.household_ids.begin(), f.household_ids.end(), id))
        continue;
      reg.push_back(id);
    }
  }

  // Current rows, matched against the register in id order.
  std::vector<HouseholdFacts> have;
  have.reserve(reg.size());
  std::vector<char> found(reg.size(), 0);
  {
    auto s = db_.prepare(
        "SELECT household_id, region_code, data FROM household_facts WHERE year = ? AND codec = ? "
        "ORDER BY household_id");
    s.bind(1, f.year).bind(2, kFactsCodecVersion);
    size_t i = 0;
    while (s.step()) {
      const int64_t id = s.i64(0);
      while (i < reg.size() && reg[i] < id) ++i;
      if (i == reg.size()) break;
      if (reg[i] != id) continue;
      if (!in_region(s.text(1), f.region_prefix)) {
        found[i] = 1;  // current, outside the region
        continue;
      }
      auto h = decode_facts(s.blob(2));
      if (!h || h->household_id != id) continue;  // unreadable: read from the tables again
      found[i] = 1;
      have.push_back(std::move(h).value());
    }
  }
  std::vector<int64_t> missing;
  for (size_t i = 0; i < reg.size(); ++i)
    if (!found[i]) missing.push_back(reg[i]);

  // The rest from the tables: all of the filter's households when most are
  // missing (a first load: each table scanned once), else just those.
  std::vector<HouseholdFacts> fresh;
  if (!missing.empty()) {
    FactsFilter g = f;
    g.path = FactsFilter::Path::kTables;
    if (missing.size() * 2 > reg.size()) {
      g.household_ids.clear();
      if (f.household_id) g.household_ids = {*f.household_id};
      if (!f.household_ids.empty()) g.household_ids = f.household_ids;
      g.household_id.reset();
      auto all = load_facts_from_tables(g);
      if (!all) return all.error();
      std::erase_if(*all, [&](const HouseholdFacts& h) {
        return !std::binary_search(missing.begin(), missing.end(), h.household_id);
      });
      fresh = std::move(all).value();
    } else {
      g.household_id.reset();
      g.household_ids = missing;
      auto some = load_facts_from_tables(g);
      if (!some) return some.error();
      fresh = std::move(some).value();
    }
  }

  if (tx.own() && !fresh.empty()) {
    // A writer holding the lock is not waited for long; db.cc's wait is
    // restored after.
    sqlite3_busy_timeout(db_.handle(), kLockWaitMs);
    auto write_rows = [&]() -> Status {
      auto ins = db_.prepare(
          "INSERT OR REPLACE INTO household_facts (household_id, year, codec, region_code, data) "
          "VALUES "
          "(?,?,?,?,?)");
      std::string bytes;
      for (const auto& h : fresh) {
        bytes.clear();
        encode_facts(h, bytes);
        LZ_TRY(ins.bind(1, h.household_id)
                   .bind(2, f.year)
                   .bind(3, kFactsCodecVersion)
                   .bind(4, h.region_code)
                   .bind_blob(5, bytes)
                   .exec());
      }
      return {};
    };
    const Status written = write_rows();
    sqlite3_busy_timeout(db_.handle(), kBusyWaitMs);
    if (!written) tx.rollback();  // rows are a cache: written by a later load
  }
  LZ_TRY(tx.commit());

  if (fresh.empty()) return have;
  if (have.empty()) return fresh;
  std::vector<HouseholdFacts> out;
  out.reserve(have.size() + fresh.size());
  std::merge(std::make_move_iterator(have.begin()), std::make_move_iterator(have.end()),
             std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()),
             std::back_inserter(out), [](const HouseholdFacts& a, const HouseholdFacts& b) {
               return a.household_id < b.household_id;
             });
  return out;
}

}  // namespace lz::sqlite
