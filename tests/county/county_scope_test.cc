// The county is the database's: a database whose regions were replaced by
// 攸县's (as `liangzhan init` does) gives county-wide roles 430223 as their
// default region and scope, and the jobs service checks regions against it;
// the shipped database stays Liling's. Also: a database with data refuses a
// new region tree and keeps its own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "auth/accounts_service.h"
#include "auth/roles.h"
#include "http/services.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_regions.h"

namespace lz {
namespace {

RegionTree youxian() {
  auto t = build_region_tree({{2, "430223000000", "攸县", "county", ""},
                              {3, "430223100000", "网岭镇", "township", "430223000000"},
                              {4, "430223100201", "罗家坪村", "village", "430223100000"}});
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

class CountyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    path_ = (std::filesystem::temp_directory_path() /
             ("lz_county_test_" + std::to_string(::getpid()) + "_" + name + ".db"))
                .string();
    remove_db();
  }
  void TearDown() override { remove_db(); }
  void remove_db() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }
  std::string path_;
  const Actor cli_{"cli", "", ""};
  static constexpr const char* kPassword = "Wangling-2020!";
};

TEST_F(CountyTest, ShippedDatabaseIsLiling) {
  auto svc = http::Services::open(path_);
  ASSERT_TRUE(svc.ok()) << svc.error().describe(Lang::kEn);
  auto county = (*svc)->store->county();
  ASSERT_TRUE(county.ok()) << county.error().describe(Lang::kEn);
  EXPECT_EQ(county->code, "430281");
  EXPECT_EQ(county->name, "醴陵市");
  auto a = (*svc)->auth->add_account({"admin", "", "county_admin", ""}, kPassword, cli_);
  ASSERT_TRUE(a.ok()) << a.error().describe(Lang::kEn);
  EXPECT_EQ(a->region_code, "430281");
}

TEST_F(CountyTest, DefaultScopeFollowsTheDatabasesCounty) {
  {
    auto store = sqlite::SqliteStore::open(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->replace_regions(youxian()).ok());
  }
  auto svc = http::Services::open(path_);
  ASSERT_TRUE(svc.ok()) << svc.error().describe(Lang::kEn);
  auto county = (*svc)->store->county();
  ASSERT_TRUE(county.ok()) << county.error().describe(Lang::kEn);
  EXPECT_EQ(county->code, "430223");
  EXPECT_EQ(county->name, "攸县");

  // county_admin and paired_cadre without a region: the database's county.
  auto a = (*svc)->auth->add_account({"admin", "县级管理员", "county_admin", ""}, kPassword, cli_);
  ASSERT_TRUE(a.ok()) << a.error().describe(Lang::kEn);
  EXPECT_EQ(a->region_code, "430223");
  Scope s = scope_for(Role::kCountyAdmin, a->region_code, {}, county->code);
  EXPECT_EQ(s.region_prefix, "430223");
  EXPECT_TRUE(s.covers("430223100201"));
  EXPECT_FALSE(s.covers("430281126232"));
  EXPECT_EQ(scope_for(Role::kCountyAdmin, "", {}, county->code).region_prefix, "430223");
  EXPECT_EQ(scope_for(Role::kPairedCadre, "", 7, county->code).region_prefix, "430223");
  EXPECT_EQ(scope_for(Role::kTownshipOfficer, "430223100", {}, county->code).region_prefix,
            "430223100");

  // A Liling region does not exist here.
  auto liling =
      (*svc)->auth->add_account({"wang5", "", "township_officer", "430281126"}, kPassword, cli_);
  ASSERT_FALSE(liling.ok());
  EXPECT_EQ(liling.error().code, "region_code.unknown");
  auto town = (*svc)->auth->add_account({"zhang3", "", "township_officer", "430223100000"},
                                        kPassword, cli_);
  ASSERT_TRUE(town.ok()) << town.error().describe(Lang::kEn);

  // The jobs service checks regions against the database's county.
  livelihood::WelfarePost w;
  w.kind = "保洁员";
  w.monthly_pay_fen = 80000;
  w.region_code = "430223100201";
  auto post = (*svc)->jobs->add_welfare_post(w, cli_);
  ASSERT_TRUE(post.ok()) << post.error().describe(Lang::kEn);
  w.region_code = "430281126232";
  auto refused = (*svc)->jobs->add_welfare_post(w, cli_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "region.not_village");
}

TEST_F(CountyTest, DatabaseWithDataKeepsItsRegions) {
  auto svc = http::Services::open(path_);
  ASSERT_TRUE(svc.ok());
  ASSERT_TRUE((*svc)->auth->add_account({"admin", "", "county_admin", ""}, kPassword, cli_).ok());
  auto has = (*svc)->store->has_data();
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  auto st = (*svc)->store->replace_regions(youxian());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "db.has_data");
  auto county = sqlite::read_county((*svc)->store->db());
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->code, "430281");
  auto regions = (*svc)->store->regions("");
  ASSERT_TRUE(regions.ok());
  EXPECT_EQ(regions->size(), RegionTree::liling().all().size());
}

}  // namespace
}  // namespace lz
