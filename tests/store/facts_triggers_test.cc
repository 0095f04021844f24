// FactsTriggersPause (store/sqlite/facts_triggers.h): a bulk writer drops the
// household_facts triggers inside its transaction and puts them back before
// COMMIT, deleting the facts rows it was told about. Each test states what a
// writer does and what the schema and the facts rows look like afterwards.
#include <gtest/gtest.h>

#include <filesystem>

#include "sqlite_test_util.h"
#include "store/sqlite/facts_triggers.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::sqlite {
namespace {

class FactsTriggersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("lz_facts_triggers_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_db();
    auto s = SqliteStore::open(path_.string());
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
    seed();
  }
  // Facts rows for households 1..5 (the cache does not check that they exist).
  void seed() {
    for (int id = 1; id <= 5; ++id)
      ASSERT_TRUE(db().prepare("INSERT INTO household_facts (household_id, year, codec, "
                               "region_code, data) VALUES (?, 2020, 1, '', x'00')")
                      .bind(1, id)
                      .exec()
                      .ok());
  }
  void TearDown() override {
    store_.reset();
    remove_db();
  }
  void remove_db() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
  }
  Db& db() { return store_->db(); }
  std::string triggers() { return testing::facts_triggers(db()); }
  int64_t trigger_count() { return testing::facts_trigger_count(db()); }
  std::vector<int64_t> rows() {
    std::vector<int64_t> out;
    auto s = db().prepare("SELECT household_id FROM household_facts ORDER BY 1");
    while (s.step()) out.push_back(s.i64(0));
    return out;
  }
  std::filesystem::path path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(FactsTriggersTest, RefusedOutsideATransaction) {
  auto p = FactsTriggersPause::begin(db());
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(trigger_count(), 36);
}

// Which triggers go, by the tables named.
TEST_F(FactsTriggersTest, DropsTheTriggersOfTheTablesNamed) {
  struct Case {
    std::vector<std::string> tables;
    size_t dropped;
  };
  for (const Case& c : {Case{{}, 36}, Case{{"person"}, 3}, Case{{"person", "household"}, 6},
                        Case{{"no_such_table"}, 0}}) {
    const std::string before = triggers();
    ASSERT_TRUE(db().exec("BEGIN IMMEDIATE").ok());
    auto p = FactsTriggersPause::begin(db(), c.tables);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->dropped().size(), c.dropped);
    EXPECT_EQ(p->paused(), c.dropped > 0);
    EXPECT_EQ(trigger_count(), static_cast<int64_t>(36 - c.dropped));
    ASSERT_TRUE(p->resume(db(), 1000, {}).ok());
    EXPECT_FALSE(p->paused());
    ASSERT_TRUE(db().exec("COMMIT").ok());
    EXPECT_EQ(triggers(), before);  // back byte for byte
  }
}

// A rollback (an error, a kill) leaves the triggers and the rows as they were.
TEST_F(FactsTriggersTest, RollbackLeavesTheTriggers) {
  const std::string before = triggers();
  ASSERT_TRUE(db().exec("BEGIN IMMEDIATE").ok());
  auto p = FactsTriggersPause::begin(db());
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(db().exec("DELETE FROM household_facts WHERE household_id = 2").ok());
  ASSERT_TRUE(db().exec("ROLLBACK").ok());
  EXPECT_EQ(triggers(), before);
  EXPECT_EQ(rows(), (std::vector<int64_t>{1, 2, 3, 4, 5}));
}

// resume() deletes the rows of the households created (ids above the mark)
// and of those touched; resume_all() every row. Then the triggers work again.
TEST_F(FactsTriggersTest, ResumeDeletesTheRowsNamed) {
  struct Case {
    int64_t created_above;
    std::vector<int64_t> touched;
    bool all;
    std::vector<int64_t> left;
  };
  for (const Case& c : {Case{5, {}, false, {1, 2, 3, 4, 5}}, Case{3, {}, false, {1, 2, 3}},
                        Case{5, {2, 4}, false, {1, 3, 5}}, Case{4, {1, 1}, false, {2, 3, 4}},
                        Case{100, {}, true, {}}}) {
    ASSERT_TRUE(db().exec("BEGIN IMMEDIATE").ok());
    auto p = FactsTriggersPause::begin(db());
    ASSERT_TRUE(p.ok());
    ASSERT_TRUE((c.all ? p->resume_all(db()) : p->resume(db(), c.created_above, c.touched)).ok());
    ASSERT_TRUE(db().exec("COMMIT").ok());
    EXPECT_EQ(rows(), c.left);
    ASSERT_TRUE(db().exec("DELETE FROM household_facts").ok());
    seed();
  }
  // The triggers are back and working: household 3 written deletes its row.
  ASSERT_TRUE(
      db().exec(
              "INSERT OR IGNORE INTO region (code, name, level) VALUES ('430281', '县', 'county')")
          .ok());
  ASSERT_TRUE(
      db().exec("INSERT INTO household (id, number, region_code, address, phone, version, "
                "created_at, created_by, updated_at, updated_by) VALUES (3, 'T3', '430281', "
                "'', '', 1, 'x', 'x', 'x', 'x')")
          .ok());
  EXPECT_EQ(rows(), (std::vector<int64_t>{1, 2, 4, 5}));
}

}  // namespace
}  // namespace lz::sqlite
