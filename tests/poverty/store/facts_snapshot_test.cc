// household_facts (migration 016, sqlite_facts_snapshot.cc): loading through
// the stored rows gives exactly the facts read from the tables, before and
// after every kind of write to every table the facts come from; each such
// write deletes the household's row (the triggers), rows of another year or
// codec version or unreadable rows are read again and rewritten, rows are
// written back only when the loader owns its transaction and can take the
// write lock, and a present row is what the loader returns (it is used, not
// just kept).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "demo/county_generator.h"
#include "facts_dump.h"
#include "poverty/facts_codec.h"
#include "store/sqlite/sqlite_poverty.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::sqlite {
namespace {

using namespace lz::poverty;
using lz::poverty::testing::dump;
using Path = FactsFilter::Path;

class FactsSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("lz_facts_snapshot_" + std::to_string(::getpid()) + ".db"))
                .string();
    remove_files();
    auto st = SqliteStore::open(path_);
    ASSERT_TRUE(st.ok());
    store_ = std::move(st).value();
    demo::DemoConfig cfg;
    cfg.seed = 11;
    ASSERT_TRUE(demo::generate_county(*store_, cfg).ok());
    household_ =
        one("SELECT household_id FROM poverty_household ORDER BY household_id LIMIT 1 OFFSET 5");
    person_ = one("SELECT MIN(id) FROM person WHERE deleted_at IS NULL AND household_id = " + h());
  }
  void TearDown() override {
    store_.reset();
    remove_files();
  }
  void remove_files() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }
  std::string h() const { return std::to_string(household_); }
  int64_t one(const std::string& sql) {
    auto s = store_->db().prepare(sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.i64(0);
  }
  void exec(const std::string& sql) { ASSERT_TRUE(store_->db().exec(sql).ok()) << sql; }
  std::string load(FactsFilter f, Path p) {
    SqlitePovertyStore ps(store_->db(), store_->audit());
    f.path = p;
    auto r = ps.load_facts(f);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe(Lang::kEn));
    return r.ok() ? dump(*r) : "error";
  }
  // The snapshot load equals the tables' (index path) and leaves a row for
  // every household of the register that is not deleted.
  void expect_current(const FactsFilter& f = {}) {
    const std::string tables = load(f, Path::kIndex);
    EXPECT_EQ(load(f, Path::kSnapshot), tables);
    EXPECT_EQ(load(f, Path::kSnapshot), tables);  // the second from the rows
  }
  int64_t rows() { return one("SELECT COUNT(*) FROM household_facts"); }
  int64_t row_of_household() {
    return one("SELECT COUNT(*) FROM household_facts WHERE household_id = " + h());
  }
  int64_t live_register() {
    return one(
        "SELECT COUNT(*) FROM poverty_household ph JOIN household x ON x.id = ph.household_id "
        "WHERE x.deleted_at IS NULL");
  }

  std::string path_;
  std::unique_ptr<SqliteStore> store_;
  int64_t household_ = 0, person_ = 0;
};

TEST_F(FactsSnapshotTest, FirstLoadWritesARowPerHouseholdAndBothLoadsAgree) {
  EXPECT_EQ(rows(), 0);
  expect_current();
  EXPECT_EQ(rows(), live_register());
  // The rows of the other filters: a township, the register without marginal households.
  FactsFilter town;
  auto s = store_->db().prepare("SELECT substr(region_code, 1, 9) FROM household WHERE id = ?");
  s.bind(1, household_);
  ASSERT_TRUE(s.step());
  town.region_prefix = s.str(0);
  expect_current(town);
  FactsFilter poor;
  poor.include_marginal = false;
  expect_current(poor);
  FactsFilter single;
  single.household_id = household_;
  expect_current(single);
}

// Every table the facts are read from, and a write of each kind to it: after
// each, the household's row is gone and the load equals the tables again.
TEST_F(FactsSnapshotTest, EveryWriteToTheFactsTablesDeletesTheRow) {
  const std::string hh = h(), p = std::to_string(person_);
  struct Write {
    const char* what;
    std::string sql;
    bool changes_facts = true;
  };
  const std::vector<Write> writes = {
      {"household touched", "UPDATE household SET region_code = region_code WHERE id = " + hh,
       false},
      {"register update",
       "UPDATE poverty_household SET registered_year = COALESCE(registered_year, 2013) - 1 WHERE "
       "household_id = " +
           hh},
      {"condition update",
       "UPDATE poverty_condition SET housing_grade = CASE housing_grade WHEN 'C' THEN 'D' ELSE 'C' "
       "END "
       "WHERE household_id = " +
           hh},
      {"condition delete", "DELETE FROM poverty_condition WHERE household_id = " + hh},
      {"condition insert",
       "INSERT INTO poverty_condition (household_id, housing_grade, water_quality, updated_at, "
       "updated_by) VALUES (" +
           hh + ", 'A', 1, 'x', 'x')"},
      {"pairing end",
       "UPDATE pairing SET to_date = '2020-02-01' WHERE to_date IS NULL AND household_id = " + hh},
      {"person update",
       "UPDATE person SET health = CASE health WHEN 'disabled' THEN 'healthy' ELSE 'disabled' END "
       "WHERE id = " +
           p},
      {"member insurance",
       "UPDATE poverty_member SET basic_medical = 1 - COALESCE(basic_medical, 0) WHERE person_id "
       "= " +
           p},
      {"causes deleted", "DELETE FROM poverty_cause WHERE household_id = " + hh},
      {"cause insert", "INSERT INTO poverty_cause (household_id, cause, is_main) VALUES (" + hh +
                           ", 'disaster', 1)"},
      {"income update", "UPDATE poverty_income SET wage_fen = 1 WHERE household_id = " + hh},
      {"loan insert",
       "INSERT INTO microcredit_loan (household_id, amount_fen, start_date, due_date, repaid_fen, "
       "created_at, "
       "created_by) VALUES (" +
           hh + ", 5000000, '2019-06-01', '2022-06-01', 0, 'x', 'x')"},
      {"measure insert",
       "INSERT INTO assistance_measure (household_id, kind, on_date, amount_fen, created_at, "
       "created_by) VALUES (" +
           hh + ", 'industry', '2019-03-01', 100, 'x', 'x')"},
      {"visit insert",
       "INSERT INTO visit (household_id, visited_on, mode, food_ok, clothing_ok, created_at, "
       "created_by) VALUES (" +
           hh + ", '2020-03-01', 'phone', 0, 1, 'x', 'x')"},
      {"visit delete",
       "DELETE FROM visit WHERE visited_on = '2020-03-01' AND household_id = " + hh},
      {"risk insert",
       "INSERT INTO risk_case (household_id, category, trigger_kind, trigger_on, kinds, opened_on, "
       "deadline, note, "
       "created_at, created_by, updated_at, updated_by) VALUES (" +
           hh +
           ", 'sudden_hardship', 'illness', '2020-02-01', 'illness', '2020-02-02', '2020-02-17', "
           "'住院', 'x', "
           "'x', 'x', 'x')"},
      {"person moved out", "UPDATE person SET household_id = NULL WHERE id = " + p},
      {"household deleted",
       "UPDATE household SET deleted_at = '2020-02-12T00:00:00Z' WHERE id = " + hh},
  };
  expect_current();
  for (const auto& w : writes) {
    SCOPED_TRACE(w.what);
    ASSERT_EQ(row_of_household(), 1) << "no row before: " << w.what;
    const std::string before = load({}, Path::kSnapshot);
    exec(w.sql);
    EXPECT_EQ(row_of_household(), 0);
    if (w.changes_facts) {
      EXPECT_NE(load({}, Path::kIndex), before);
    }
    expect_current();
    if (std::string_view(w.what) != "household deleted") {
      EXPECT_EQ(row_of_household(), 1);
    }
  }
  EXPECT_EQ(rows(), live_register());
}

TEST_F(FactsSnapshotTest, APresentRowIsWhatTheLoaderReturns) {
  expect_current();
  // Replace the household's row by a valid encoding of other facts: the
  // loader trusts it (no trigger ran: nothing in the tables changed).
  FactsFilter single;
  single.household_id = household_;
  SqlitePovertyStore ps(store_->db(), store_->audit());
  auto facts = ps.load_facts(single);
  ASSERT_TRUE(facts.ok() && facts->size() == 1);
  HouseholdFacts changed = facts->front();
  changed.housing_grade = 'D';
  changed.income.wage_fen = 123;
  auto up = store_->db().prepare("UPDATE household_facts SET data = ? WHERE household_id = ?");
  ASSERT_TRUE(up.bind_blob(1, encode_facts(changed)).bind(2, household_).exec().ok());
  EXPECT_EQ(load(single, Path::kSnapshot), dump({changed}));
  EXPECT_NE(load(single, Path::kIndex), dump({changed}));
}

TEST_F(FactsSnapshotTest, RowsOfAnotherYearOrCodecOrUnreadableAreReadAgain) {
  expect_current();
  exec("UPDATE household_facts SET codec = codec + 1 WHERE household_id = " + h());
  expect_current();
  EXPECT_EQ(one("SELECT codec FROM household_facts WHERE household_id = " + h()),
            kFactsCodecVersion);
  exec("UPDATE household_facts SET data = x'0102' WHERE household_id = " + h());
  expect_current();
  EXPECT_GT(one("SELECT length(data) FROM household_facts WHERE household_id = " + h()), 2);
  // Another income year: every row is of 2020, so all are read again for 2019.
  FactsFilter y2019;
  y2019.year = 2019;
  exec(
      "INSERT OR REPLACE INTO poverty_income (household_id, year, wage_fen, business_fen, "
      "property_fen, "
      "transfer_fen, business_costs_fen, updated_at, updated_by) VALUES (" +
      h() + ", 2019, 1, 2, 3, 4, 5, 'x', 'x')");
  expect_current(y2019);
  EXPECT_NE(load(y2019, Path::kSnapshot).find("I 1 2 3 4 5"), std::string::npos);
  EXPECT_EQ(one("SELECT year FROM household_facts WHERE household_id = " + h()), 2019);
}

TEST_F(FactsSnapshotTest,
       NothingIsWrittenBackInsideTheCallersTransactionOrWhileAWriterHoldsTheLock) {
  exec("BEGIN");
  const std::string tables = load({}, Path::kIndex);
  EXPECT_EQ(load({}, Path::kSnapshot), tables);
  exec("COMMIT");
  EXPECT_EQ(rows(), 0);
  // Another connection holds the write lock: the load reads, writes nothing.
  auto other = Db::open(path_);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->exec("BEGIN IMMEDIATE").ok());
  EXPECT_EQ(load({}, Path::kSnapshot), tables);
  ASSERT_TRUE((*other)->exec("ROLLBACK").ok());
  EXPECT_EQ(rows(), 0);
  EXPECT_EQ(load({}, Path::kSnapshot), tables);
  EXPECT_EQ(rows(), live_register());
}

}  // namespace
}  // namespace lz::sqlite
