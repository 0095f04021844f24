// build_region_tree (registry/region_tree.h): the check of a region file that
// `liangzhan init --regions` brings. A good tree of 攸县 (430223) with real
// codes, then one table row per kind of error: which row, which field, which
// error code. To check another mistake, add a row to the table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry/region_tree.h"

namespace lz {
namespace {

// 攸县 with two townships, three villages and a group (statistical codes).
std::vector<RegionRow> youxian() {
  return {
      {2, "430223000000", "攸县", "county", ""},
      {3, "430223100000", "网岭镇", "township", "430223000000"},
      {4, "430223100201", "罗家坪村", "village", "430223100000"},
      {5, "430223100202", "洞井村", "village", "430223100000"},
      {6, "430223101000", "丫江桥镇", "township", "430223000000"},
      {7, "430223101201", "丫江桥村", "village", "430223101000"},
      {8, "430223101201001", "1组", "group", "430223101201"},
  };
}

TEST(RegionFileTest, GoodTreeIsBuilt) {
  auto t = build_region_tree(youxian());
  ASSERT_TRUE(t.ok()) << t.error().describe(Lang::kEn);
  EXPECT_EQ(t->root().code, "430223");
  EXPECT_EQ(t->root().name, "攸县");
  EXPECT_EQ(t->at_level(RegionLevel::kTownship).size(), 2u);
  EXPECT_EQ(t->at_level(RegionLevel::kVillage).size(), 3u);
  EXPECT_EQ(t->at_level(RegionLevel::kGroup).size(), 1u);
  const Region* v = t->find("430223100201");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->parent_code, "430223100");
  EXPECT_EQ(t->full_name("430223101201001"), "攸县 丫江桥镇 丫江桥村 1组");
}

TEST(RegionFileTest, ChineseLevelsShortCodesAndSpacesAreAccepted) {
  auto t = build_region_tree({{2, " 430223 ", " 攸县 ", "县", ""},
                              {3, "430223100", "网岭镇", "镇", "430223"},
                              {4, "430223100201", "罗家坪村", "村", "430223100000"},
                              {5, "430223101000", "丫江桥镇", "Township", "430223000000"}});
  ASSERT_TRUE(t.ok()) << t.error().describe(Lang::kEn);
  EXPECT_EQ(t->all().size(), 4u);
}

TEST(RegionFileTest, ShippedLilingFileIsValid) {
  std::vector<RegionRow> rows;
  for (const auto& [code, r] : RegionTree::liling().all())
    rows.push_back(
        {static_cast<long>(rows.size() + 2), RegionCode::unchecked(code).division12(), r.name,
         level_name(r.level),
         r.parent_code.empty() ? "" : RegionCode::unchecked(r.parent_code).division12()});
  auto t = build_region_tree(rows);
  ASSERT_TRUE(t.ok()) << t.error().describe(Lang::kEn);
  EXPECT_EQ(t->all().size(), RegionTree::liling().all().size());
}

struct BadCase {
  const char* name;
  size_t index;   // which row of youxian() to change (or append when == size)
  RegionRow row;  // its new content
  long want_row;  // the row the error names
  const char* field;
  const char* code;
};

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.name;
}

class RegionFileErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(RegionFileErrorTest, NamesRowFieldAndReason) {
  const BadCase& c = GetParam();
  auto rows = youxian();
  if (c.index < rows.size())
    rows[c.index] = c.row;
  else
    rows.push_back(c.row);
  auto t = build_region_tree(rows);
  ASSERT_FALSE(t.ok()) << "accepted";
  const Error& e = t.error();
  EXPECT_EQ(e.code, c.code) << e.describe(Lang::kEn);
  EXPECT_EQ(e.row, c.want_row) << e.describe(Lang::kEn);
  EXPECT_EQ(e.field, c.field) << e.describe(Lang::kEn);
  EXPECT_FALSE(e.message_zh.empty());
  EXPECT_FALSE(e.message_en.empty());
  // Chinese by default, with the row: "第N行，field: ..."
  EXPECT_NE(e.describe(Lang::kZh).find("第" + std::to_string(c.want_row) + "行"), std::string::npos)
      << e.describe(Lang::kZh);
  EXPECT_NE(e.describe(Lang::kEn).find("row " + std::to_string(c.want_row)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Table, RegionFileErrorTest,
    ::testing::Values(BadCase{"code_not_digits",
                              2,
                              {4, "43022310020X", "罗家坪村", "village", "430223100000"},
                              4,
                              "code",
                              "region_code.invalid"},
                      BadCase{"code_wrong_length",
                              2,
                              {4, "4302231002", "罗家坪村", "village", "430223100000"},
                              4,
                              "code",
                              "region_code.invalid"},
                      BadCase{"code_not_a_county",
                              0,
                              {2, "430000000000", "湖南省", "county", ""},
                              2,
                              "code",
                              "region_code.invalid"},
                      BadCase{"name_empty",
                              3,
                              {5, "430223100202", " ", "village", "430223100000"},
                              5,
                              "name",
                              "name.required"},
                      BadCase{"name_too_long",
                              3,
                              {5, "430223100202", std::string(41, 'x'), "village", "430223100000"},
                              5,
                              "name",
                              "name.too_long"},
                      BadCase{"level_unknown",
                              3,
                              {5, "430223100202", "洞井村", "hamlet", "430223100000"},
                              5,
                              "level",
                              "level.unknown"},
                      BadCase{"level_mismatch",
                              3,
                              {5, "430223100202", "洞井村", "township", "430223100000"},
                              5,
                              "level",
                              "level.mismatch"},
                      BadCase{"duplicate_code",
                              7,
                              {9, "430223100201", "罗家坪村", "village", "430223100000"},
                              9,
                              "code",
                              "code.duplicate"},
                      BadCase{"second_county",
                              7,
                              {9, "430224000000", "茶陵县", "county", ""},
                              9,
                              "level",
                              "county.duplicate"},
                      BadCase{"outside_the_county",
                              7,
                              {9, "430281126232", "瓦子坪村", "village", "430281126000"},
                              9,
                              "code",
                              "region_code.outside"},
                      BadCase{"parent_missing",
                              3,
                              {5, "430223100202", "洞井村", "village", ""},
                              5,
                              "parent",
                              "parent.required"},
                      BadCase{"parent_invalid",
                              3,
                              {5, "430223100202", "洞井村", "village", "abc"},
                              5,
                              "parent",
                              "parent.invalid"},
                      BadCase{"parent_wrong_level",
                              3,
                              {5, "430223100202", "洞井村", "village", "430223000000"},
                              5,
                              "parent",
                              "parent.level"},
                      BadCase{"parent_other_township",
                              3,
                              {5, "430223100202", "洞井村", "village", "430223101000"},
                              5,
                              "parent",
                              "parent.level"},
                      BadCase{"parent_not_in_file",
                              7,
                              {9, "430223102201", "某村", "village", "430223102000"},
                              9,
                              "parent",
                              "parent.unknown"},
                      BadCase{"county_with_parent",
                              0,
                              {2, "430223000000", "攸县", "county", "430200000000"},
                              2,
                              "parent",
                              "parent.not_allowed"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RegionFileTest, NoCountyIsAnError) {
  auto rows = youxian();
  rows.erase(rows.begin());
  auto t = build_region_tree(rows);
  ASSERT_FALSE(t.ok());
  // The county is missing, and with it every parent of the townships.
  const Error& e = t.error();
  bool missing = e.code == "county.missing";
  for (const auto& d : e.details) missing = missing || d.code == "county.missing";
  EXPECT_TRUE(missing) << e.describe(Lang::kEn);
}

TEST(RegionFileTest, EmptyFileIsAnError) {
  auto t = build_region_tree({});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, "regions.empty");
}

TEST(RegionFileTest, EveryErrorIsReportedWithItsRow) {
  auto rows = youxian();
  rows[2].level = "hamlet";  // row 4
  rows[3].name = "";         // row 5
  rows.push_back({9, "430281126232", "瓦子坪村", "village", "430281126000"});
  auto t = build_region_tree(rows);
  ASSERT_FALSE(t.ok());
  const Error& e = t.error();
  EXPECT_EQ(e.code, "regions.invalid");
  ASSERT_EQ(e.details.size(), 3u) << e.describe(Lang::kEn);
  std::vector<long> rows_named;
  for (const auto& d : e.details) rows_named.push_back(d.row);
  EXPECT_EQ(rows_named, (std::vector<long>{4, 5, 9}));
  EXPECT_NE(e.message_zh.find("3处错误"), std::string::npos) << e.message_zh;
}

}  // namespace
}  // namespace lz
