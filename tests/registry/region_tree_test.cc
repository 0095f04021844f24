// RegionTree: the shipped Liling divisions (data/regions/liling.tsv) and
// loading a tree from TSV. Known entries are listed as table rows; to check
// another one, add a row.
#include "registry/region_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace lz {
namespace {

std::vector<std::string> Codes(const std::vector<const Region*>& rs) {
  std::vector<std::string> out;
  for (const Region* r : rs) out.push_back(r->code);
  return out;
}

// ===========================================================================
// The shipped tree
// ===========================================================================
TEST(RegionTreeTest, LilingCounts) {
  const RegionTree& t = RegionTree::liling();
  EXPECT_EQ(t.at_level(RegionLevel::kCounty).size(), 1u);
  EXPECT_EQ(t.at_level(RegionLevel::kTownship).size(), 25u);
  EXPECT_EQ(t.at_level(RegionLevel::kVillage).size(), 272u);
  EXPECT_EQ(t.at_level(RegionLevel::kGroup).size(), 0u);
  EXPECT_EQ(t.all().size(), 1u + 25u + 272u);
}

TEST(RegionTreeTest, LilingRoot) {
  const RegionTree& t = RegionTree::liling();
  const Region& root = t.root();
  EXPECT_EQ(root.code, "430281");
  EXPECT_EQ(root.name, "醴陵市");
  EXPECT_EQ(root.level, RegionLevel::kCounty);
  EXPECT_EQ(root.parent_code, "");
  EXPECT_EQ(t.find("430281"), &root);
  EXPECT_EQ(t.all().begin()->first, "430281");  // sorted by code: the county first
  EXPECT_EQ(&RegionTree::liling(), &t);         // one shared instance
}

TEST(RegionTreeTest, LilingKnownEntries) {
  struct Case {
    const char* code;  // shortest-prefix form
    const char* name;
    RegionLevel level;
    const char* parent;
    size_t children;
  };
  // clang-format off
  const Case cases[] = {
      // code             name                       level                    parent       children
      {"430281",          "醴陵市",                  RegionLevel::kCounty,    "",          25},
      {"430281126",       "官庄镇",                  RegionLevel::kTownship,  "430281",    7},
      {"430281129",       "沩山镇",                  RegionLevel::kTownship,  "430281",    7},
      {"430281122",       "石亭镇",                  RegionLevel::kTownship,  "430281",    10},
      {"430281134",       "茶山镇",                  RegionLevel::kTownship,  "430281",    18},
      {"430281004",       "国瓷街道",                RegionLevel::kTownship,  "430281",    8},
      {"430281003",       "仙岳山街道",              RegionLevel::kTownship,  "430281",    10},
      {"430281132",       "明月镇",                  RegionLevel::kTownship,  "430281",    20},
      {"430281400",       "湖南醴陵经济开发区",      RegionLevel::kTownship,  "430281",    1},
      {"430281126232",    "瓦子坪村",                RegionLevel::kVillage,   "430281126", 0},
      {"430281126239",    "官庄村",                  RegionLevel::kVillage,   "430281126", 0},
      {"430281003001",    "南门社区",                RegionLevel::kVillage,   "430281003", 0},
      {"430281122001",    "石亭居委会",              RegionLevel::kVillage,   "430281122", 0},
      {"430281400498",    "醴陵市经济开发区虚拟社区", RegionLevel::kVillage,  "430281400", 0},
  };
  // clang-format on
  const RegionTree& t = RegionTree::liling();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    const Region* r = t.find(c.code);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->code, c.code);
    EXPECT_EQ(r->name, c.name);
    EXPECT_EQ(r->level, c.level);
    EXPECT_EQ(r->parent_code, c.parent);
    EXPECT_EQ(t.children(c.code).size(), c.children);
  }
}

TEST(RegionTreeTest, LilingUnknownCodes) {
  const RegionTree& t = RegionTree::liling();
  const char* const cases[] = {
      "",
      "430282",        // another county
      "430281000000",  // the 12-digit form is not how codes are stored
      "430281126000",
      "430281001",        // no such township
      "430281126999",     // no such village
      "430281126232003",  // the shipped data has no groups
      "43028112",         // not a whole code
  };
  for (const char* code : cases) {
    SCOPED_TRACE(code);
    EXPECT_EQ(t.find(code), nullptr);
  }
}

// Every village hangs under a township of the tree whose code is its prefix;
// every township under the county; names are non-empty and unique per parent.
TEST(RegionTreeTest, LilingIsAConsistentTree) {
  const RegionTree& t = RegionTree::liling();
  size_t villages_seen = 0;
  for (const auto& [code, r] : t.all()) {
    SCOPED_TRACE(code);
    EXPECT_EQ(r.code, code);
    EXPECT_FALSE(r.name.empty());
    switch (r.level) {
      case RegionLevel::kCounty:
        EXPECT_EQ(code.size(), 6u);
        EXPECT_EQ(r.parent_code, "");
        break;
      case RegionLevel::kTownship: {
        EXPECT_EQ(code.size(), 9u);
        EXPECT_EQ(r.parent_code, "430281");
        break;
      }
      case RegionLevel::kVillage: {
        ++villages_seen;
        EXPECT_EQ(code.size(), 12u);
        const Region* parent = t.find(r.parent_code);
        ASSERT_NE(parent, nullptr) << "parent " << r.parent_code;
        EXPECT_EQ(parent->level, RegionLevel::kTownship);
        EXPECT_EQ(code.substr(0, 9), r.parent_code);
        break;
      }
      case RegionLevel::kGroup:
        ADD_FAILURE() << "unexpected group";
        break;
    }
  }
  EXPECT_EQ(villages_seen, 272u);

  size_t villages_under_townships = 0;
  for (const Region* town : t.at_level(RegionLevel::kTownship)) {
    SCOPED_TRACE(town->code);
    auto kids = t.children(town->code);
    EXPECT_FALSE(kids.empty()) << town->name << " has no villages";
    std::set<std::string> names;
    for (const Region* v : kids) {
      EXPECT_EQ(v->parent_code, town->code);
      EXPECT_EQ(v->level, RegionLevel::kVillage);
      EXPECT_TRUE(names.insert(v->name).second) << "duplicate name " << v->name;
    }
    villages_under_townships += kids.size();
  }
  EXPECT_EQ(villages_under_townships, 272u);
}

TEST(RegionTreeTest, Children) {
  const RegionTree& t = RegionTree::liling();
  // Direct children only, in code order.
  auto towns = Codes(t.children("430281"));
  ASSERT_EQ(towns.size(), 25u);
  EXPECT_EQ(towns.front(), "430281002");  // 阳三石街道
  EXPECT_EQ(towns.back(), "430281400");   // 湖南醴陵经济开发区
  EXPECT_TRUE(std::is_sorted(towns.begin(), towns.end()));
  for (const auto& c : towns) EXPECT_EQ(c.size(), 9u) << c;

  EXPECT_EQ(
      Codes(t.children("430281126")),
      (std::vector<std::string>{"430281126219", "430281126227", "430281126232", "430281126237",
                                "430281126239", "430281126240", "430281126241"}));
  EXPECT_EQ(Codes(t.children("430281400")), (std::vector<std::string>{"430281400498"}));
  EXPECT_TRUE(t.children("430281126232").empty());  // a village
  EXPECT_TRUE(t.children("430281999").empty());     // unknown
  EXPECT_TRUE(t.children("430282").empty());
  EXPECT_TRUE(t.children("43028112").empty());  // a prefix that is not a code
}

TEST(RegionTreeTest, FullName) {
  struct Case {
    const char* code;
    const char* name;
  };
  // clang-format off
  const Case cases[] = {
      {"430281",            "醴陵市"},
      {"430281126",         "醴陵市 官庄镇"},
      {"430281126232",      "醴陵市 官庄镇 瓦子坪村"},
      {"430281129",         "醴陵市 沩山镇"},
      {"430281004005",      "醴陵市 国瓷街道 国光社区"},
      {"430281400498",      "醴陵市 湖南醴陵经济开发区 醴陵市经济开发区虚拟社区"},
      {"430281126232003",   "醴陵市 官庄镇 瓦子坪村"},  // group unknown to the tree: skipped
      {"430281126999",      "醴陵市 官庄镇"},           // unknown village: skipped
      {"430282",            ""},
      {"",                  ""},
  };
  // clang-format on
  const RegionTree& t = RegionTree::liling();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    EXPECT_EQ(t.full_name(c.code), c.name);
  }
}

// ===========================================================================
// from_tsv / from_regions
// ===========================================================================
// A hand-made tree: codes in 12-digit statistical form or shortest form, a
// group, CRLF line ends, a blank line.
const char kSmallTsv[] =
    "code\tname\tlevel\tparent\n"
    "430281000000\t醴陵市\tcounty\t\n"
    "430281126000\t官庄镇\ttownship\t430281000000\n"
    "430281126232\t瓦子坪村\tvillage\t430281126000\r\n"
    "430281126232003\t三组\tgroup\t430281126232\n"
    "\n"
    "430281129\t沩山镇\ttownship\t430281\n"
    "430281129213\t老鸦山村\tvillage\t430281129\n";

TEST(RegionTreeTest, FromTsvSmall) {
  auto r = RegionTree::from_tsv(kSmallTsv);
  ASSERT_TRUE(r.ok()) << r.error().describe(Lang::kEn);
  const RegionTree& t = *r;
  struct Case {
    const char* code;
    const char* name;
    RegionLevel level;
    const char* parent;
  };
  // clang-format off
  const Case cases[] = {
      {"430281",            "醴陵市",     RegionLevel::kCounty,    ""},
      {"430281126",         "官庄镇",     RegionLevel::kTownship,  "430281"},
      {"430281126232",      "瓦子坪村",   RegionLevel::kVillage,   "430281126"},
      {"430281126232003",   "三组",       RegionLevel::kGroup,     "430281126232"},
      {"430281129",         "沩山镇",     RegionLevel::kTownship,  "430281"},
      {"430281129213",      "老鸦山村",   RegionLevel::kVillage,   "430281129"},
  };
  // clang-format on
  EXPECT_EQ(t.all().size(), std::size(cases));
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    const Region* reg = t.find(c.code);
    ASSERT_NE(reg, nullptr);
    EXPECT_EQ(reg->name, c.name);  // no trailing '\r'
    EXPECT_EQ(reg->level, c.level);
    EXPECT_EQ(reg->parent_code, c.parent);
  }
  EXPECT_EQ(t.root().code, "430281");
  EXPECT_EQ(t.at_level(RegionLevel::kTownship).size(), 2u);
  EXPECT_EQ(t.at_level(RegionLevel::kGroup).size(), 1u);
  EXPECT_EQ(Codes(t.children("430281")), (std::vector<std::string>{"430281126", "430281129"}));
  EXPECT_EQ(Codes(t.children("430281126232")), (std::vector<std::string>{"430281126232003"}));
  EXPECT_EQ(t.full_name("430281126232003"), "醴陵市 官庄镇 瓦子坪村 三组");
}

TEST(RegionTreeTest, FromTsvHeaderOnly) {
  auto r = RegionTree::from_tsv("code\tname\tlevel\tparent\n");
  ASSERT_TRUE(r.ok()) << r.error().describe(Lang::kEn);
  EXPECT_TRUE(r->all().empty());
}

TEST(RegionTreeTest, FromTsvMalformed) {
  struct Case {
    const char* name;
    std::string tsv;
    const char* code;
    const char* message_contains;  // in the English message
  };
  const std::string head = "code\tname\tlevel\tparent\n430281000000\t醴陵市\tcounty\t\n";
  const std::vector<Case> cases = {
      {"three columns", head + "430281126000\t官庄镇\ttownship\n", "regions.columns", "line 3"},
      {"one column", head + "430281126000\n", "regions.columns", "line 3"},
      {"spaces instead of tabs", head + "430281126000 官庄镇 township 430281000000\n",
       "regions.columns", "line 3"},
      {"error on a later line", head + "430281126000\t官庄镇\ttownship\t430281000000\nbad\n",
       "regions.columns", "line 4"},
      {"bad code", head + "43028112600A\t官庄镇\ttownship\t430281000000\n", "region_code.invalid",
       "43028112600A"},
      {"code of a province", head + "430000000000\t湖南省\tprovince\t\n", "region_code.invalid",
       "430000"},
      {"bad parent", head + "430281126000\t官庄镇\ttownship\t4302810\n", "region_code.invalid",
       "4302810"},
      {"empty code", head + "\t官庄镇\ttownship\t430281000000\n", "region_code.invalid", "invalid"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = RegionTree::from_tsv(c.tsv);
    ASSERT_FALSE(r.ok()) << "accepted";
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_FALSE(r.error().message_zh.empty());
    EXPECT_NE(r.error().message_en.find(c.message_contains), std::string::npos)
        << r.error().message_en;
  }
}

TEST(RegionTreeTest, FromRegions) {
  RegionTree t = RegionTree::from_regions({
      {"430281126", "官庄镇", RegionLevel::kTownship, "430281"},
      {"430281", "醴陵市", RegionLevel::kCounty, ""},
      {"430281126232", "瓦子坪村", RegionLevel::kVillage, "430281126"},
  });
  EXPECT_EQ(t.root().code, "430281");
  EXPECT_EQ(t.all().size(), 3u);
  EXPECT_EQ(Codes(t.children("430281")), (std::vector<std::string>{"430281126"}));
  EXPECT_EQ(t.full_name("430281126232"), "醴陵市 官庄镇 瓦子坪村");
}

}  // namespace
}  // namespace lz
