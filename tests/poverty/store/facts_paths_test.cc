// The facts loader's two ways of reaching each table (SqlitePovertyStore::
// load_facts): index probes driven from the register and sequential scans
// filtered in memory must load equal facts, on a small demo county made
// awkward on purpose (a deleted household and person, a measure recorded
// out of date order, two visits on one day, an ended pairing), for the whole
// county, a township, the register without marginal households and one
// household.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "demo/county_generator.h"
#include "facts_dump.h"
#include "store/sqlite/sqlite_poverty.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::sqlite {
namespace {

using namespace lz::poverty;
using Path = FactsFilter::Path;

using lz::poverty::testing::dump;

class FactsPathsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() /
             ("lz_facts_paths_" + std::to_string(::getpid()) + ".db"))
                .string();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    auto st = SqliteStore::open(path_);
    ASSERT_TRUE(st.ok());
    store_ = std::move(st).value().release();
    demo::DemoConfig cfg;
    cfg.seed = 7;
    ASSERT_TRUE(demo::generate_county(*store_, cfg).ok());
    auto& db = store_->db();
    auto one = [&](const char* sql) {
      auto s = db.prepare(sql);
      EXPECT_TRUE(s.step()) << sql;
      return s.i64(0);
    };
    // Households of the register with members, loans/visits/measures to disturb.
    const int64_t gone =
        one("SELECT household_id FROM poverty_household ORDER BY household_id LIMIT 1 OFFSET 3");
    household_ =
        one("SELECT household_id FROM poverty_household ORDER BY household_id LIMIT 1 OFFSET 10");
    const int64_t member = one(
        ("SELECT MIN(id) FROM person WHERE household_id = " + std::to_string(household_)).c_str());
    const std::string h = std::to_string(household_);
    for (const std::string& sql : std::vector<std::string>{
             "UPDATE household SET deleted_at = '2020-02-01T00:00:00Z' WHERE id = " +
                 std::to_string(gone),
             "UPDATE person SET deleted_at = '2020-02-01T00:00:00Z' WHERE id = " +
                 std::to_string(member),
             "INSERT INTO assistance_measure (household_id, kind, on_date, amount_fen, created_at, "
             "created_by) "
             "VALUES (" +
                 h + ", 'industry', '2019-03-01', 100, 'x', 'x'), (" + h +
                 ", 'employment', '2018-01-05', 200, 'x', 'x'), (" + h +
                 ", 'education_aid', '2019-03-01', 300, 'x', 'x')",
             "INSERT INTO visit (household_id, visited_on, mode, food_ok, clothing_ok, created_at, "
             "created_by) "
             "VALUES (" +
                 h + ", '2020-02-10', 'phone', 1, 0, 'x', 'x'), (" + h +
                 ", '2020-02-10', 'in_person', 0, 1, 'x', 'x'), (" + h +
                 ", '2019-12-01', 'phone', 1, 1, 'x', 'x')",
             "UPDATE pairing SET to_date = '2020-01-01' WHERE household_id = (SELECT household_id "
             "FROM "
             "poverty_household ORDER BY household_id LIMIT 1 OFFSET 20)",
         })
      ASSERT_TRUE(db.exec(sql).ok()) << sql;
  }
  static void TearDownTestSuite() {
    delete store_;
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }
  static std::string load(FactsFilter f, Path p) {
    SqlitePovertyStore ps(store_->db(), store_->audit());
    f.path = p;
    auto r = ps.load_facts(f);
    EXPECT_TRUE(r.ok());
    return r.ok() ? dump(*r) : "";
  }
  static void expect_equal(const FactsFilter& f) {
    const std::string index = load(f, Path::kIndex);
    EXPECT_FALSE(index.empty());
    EXPECT_EQ(index, load(f, Path::kScan));
    EXPECT_EQ(index, load(f, Path::kChoose));
  }
  static inline std::string path_;
  static inline SqliteStore* store_ = nullptr;
  static inline int64_t household_ = 0;
};

TEST_F(FactsPathsTest, WholeCountyEqualBothWays) {
  FactsFilter f;
  f.region_prefix = "430281";
  expect_equal(f);
  // The disturbed household: the deleted member is gone, measures by date
  // then id, the later of two same-day visits wins.
  f.household_id = household_;
  const std::string one = load(f, Path::kScan);
  EXPECT_NE(one.find("A 1 2018-01-05 200"), std::string::npos) << one;
  EXPECT_LT(one.find(" 2019-03-01 100"), one.find(" 2019-03-01 300")) << one;
  EXPECT_NE(one.find("V 2020-02-10 0 false true"), std::string::npos) << one;
}

TEST_F(FactsPathsTest, TownshipAndRegisterOnlyEqualBothWays) {
  auto s = store_->db().prepare("SELECT substr(region_code, 1, 9) FROM household WHERE id = ?");
  s.bind(1, household_);
  ASSERT_TRUE(s.step());
  FactsFilter f;
  f.region_prefix = s.str(0);
  expect_equal(f);
  FactsFilter g;
  g.include_marginal = false;
  expect_equal(g);
}

TEST_F(FactsPathsTest, OneHouseholdEqualBothWays) {
  FactsFilter f;
  f.household_id = household_;
  expect_equal(f);
  f.household_id = -5;  // not in the register: empty either way
  EXPECT_EQ(load(f, Path::kScan), "");
  EXPECT_EQ(load(f, Path::kIndex), "");
}

}  // namespace
}  // namespace lz::sqlite
