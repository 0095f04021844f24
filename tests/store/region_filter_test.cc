// Lists filtered by region (pairings, relapse-monitoring cases) give the same
// rows whichever plan household_in_region() picks: a table of region prefixes
// (county, township, village, one with nothing in it), each compared with a
// plain join counted in SQL on the small demo county.
#include <gtest/gtest.h>

#include <filesystem>

#include "demo/county_generator.h"
#include "store/sqlite/region_filter.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_poverty.h"
#include "store/sqlite/sqlite_store.h"

namespace lz {
namespace {

class RegionFilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = std::filesystem::temp_directory_path() /
            ("lz_region_filter_" + std::to_string(::getpid()) + ".db");
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
    auto s = open_store(path_.string());
    ASSERT_TRUE(s.ok());
    store_ = std::move(s).value().release();
    demo::DemoConfig c;
    c.scale = demo::Scale::kSmall;
    c.seed = 3;
    ASSERT_TRUE(demo::generate_county(*store_, c).ok());
  }
  static void TearDownTestSuite() {
    delete store_;
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
  }
  static int64_t count(const std::string& sql, const std::string& prefix) {
    auto s = static_cast<sqlite::SqliteStore&>(*store_).db().prepare(sql);
    s.bind(1, prefix).bind(2, sqlite::prefix_end(prefix));
    EXPECT_TRUE(s.step());
    return s.i64(0);
  }
  static inline std::filesystem::path path_;
  static inline Store* store_ = nullptr;
};

// County (EXISTS plan), township and village (IN plan), a village with no pairings.
const char* const kPrefixes[] = {"430281", "430281126", "430281102", "430281126003", "430281999"};

TEST_F(RegionFilterTest, PairingsByRegionMatchAJoin) {
  for (const char* prefix : kPrefixes) {
    SCOPED_TRACE(prefix);
    PairingQuery q;
    q.region_prefix = prefix;
    q.current_only = true;
    q.limit = 1000;
    auto page = store_->list_pairings(q);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    int64_t want = count(
        "SELECT COUNT(*) FROM pairing p JOIN household h ON h.id = p.household_id WHERE "
        "p.deleted_at IS NULL AND "
        "p.to_date IS NULL AND h.region_code >= ? AND h.region_code < ?",
        prefix);
    EXPECT_EQ(page->total, want);
    EXPECT_EQ(static_cast<int64_t>(page->items.size()), std::min<int64_t>(want, 1000));
    if (std::string(prefix) == "430281") {
      EXPECT_GT(want, 0);
    }
  }
}

TEST_F(RegionFilterTest, MonitoringCasesByRegionMatchAJoin) {
  auto& db = static_cast<sqlite::SqliteStore&>(*store_).db();
  sqlite::SqlitePovertyStore poverty(db, static_cast<sqlite::SqliteStore&>(*store_).audit());
  for (const char* prefix : kPrefixes) {
    SCOPED_TRACE(prefix);
    sqlite::RiskQuery q;
    q.region_prefix = prefix;
    q.limit = 1000;
    auto page = poverty.list_risks(q);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    int64_t want = count(
        "SELECT COUNT(*) FROM risk_case r JOIN household h ON h.id = r.household_id WHERE "
        "h.region_code >= ? AND "
        "h.region_code < ?",
        prefix);
    EXPECT_EQ(page->total, want);
    if (std::string(prefix) == "430281") {
      EXPECT_GT(want, 0);
    }
  }
}

TEST(HouseholdInRegion, PlanByPrefixLength) {
  EXPECT_NE(sqlite::household_in_region("x.household_id", "430281").find("EXISTS"),
            std::string::npos);
  EXPECT_NE(sqlite::household_in_region("x.household_id", "430281126").find(" IN ("),
            std::string::npos);
}

}  // namespace
}  // namespace lz
