// RegionCode: parsing division codes into their shortest-prefix form, and
// the hierarchy operations (level, parent, division12, contains).
// Each table row is one input and what must come out; add rows freely.
#include "core/region_code.h"

#include <gtest/gtest.h>

#include <string>

namespace lz {
namespace {

// ---------------------------------------------------------------------------
// Valid codes: input as typed -> stored form and level.
// ---------------------------------------------------------------------------
struct ValidCase {
  const char* input;
  const char* code;
  RegionLevel level;
};

// clang-format off
const ValidCase kValid[] = {
    // input                         stored               level
    {"430281",                       "430281",            RegionLevel::kCounty},
    {"430281126",                    "430281126",         RegionLevel::kTownship},
    {"430281126232",                 "430281126232",      RegionLevel::kVillage},
    {"430281126232003",              "430281126232003",   RegionLevel::kGroup},
    // 12-digit statistical form with trailing zero groups.
    {"430281126000",                 "430281126",         RegionLevel::kTownship},
    {"430281000000",                 "430281",            RegionLevel::kCounty},
    {"430281004005",                 "430281004005",      RegionLevel::kVillage},
    {"430281400498",                 "430281400498",      RegionLevel::kVillage},
    // Full-width digits and spaces (ASCII and U+3000).
    {"４３０２８１",                 "430281",            RegionLevel::kCounty},
    {"４３０２８１１２６０００",     "430281126",         RegionLevel::kTownship},
    {" 430281 126 232 ",             "430281126232",      RegionLevel::kVillage},
    {"430281　126\t232　003",        "430281126232003",   RegionLevel::kGroup},
    // Zeros inside a part are fine; only a whole part of zeros is not.
    {"430281100",                    "430281100",         RegionLevel::kTownship},
    {"430281126001",                 "430281126001",      RegionLevel::kVillage},
    {"430281126232100",              "430281126232100",   RegionLevel::kGroup},
    {"110101",                       "110101",            RegionLevel::kCounty},
};
// clang-format on

TEST(RegionCodeTest, ParsesValidCodes) {
  for (const auto& c : kValid) {
    SCOPED_TRACE(c.input);
    auto r = RegionCode::parse(c.input);
    ASSERT_TRUE(r.ok()) << r.error().message_en;
    EXPECT_EQ(r->str(), c.code);
    EXPECT_EQ(r->level(), c.level);
    // The stored form parses to itself.
    auto again = RegionCode::parse(r->str());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *r);
  }
}

// ---------------------------------------------------------------------------
// Invalid codes: all give code "region_code.invalid" on the given field.
// ---------------------------------------------------------------------------
// clang-format off
const char* const kInvalid[] = {
    "",                    // empty
    "   ",                 // only spaces
    "43028A",              // letter
    "430281-126",          // dash
    "4302.81",
    "-430281",
    "43028",               // 5 digits
    "4302811",             // 7
    "43028112",            // 8
    "4302811262",          // 10
    "43028112623",         // 11
    "4302811262320",       // 13
    "43028112623200",      // 14
    "4302811262320031",    // 16
    "430281126232003001",  // 18
    "430000",              // a province, not a county
    "430200",              // a prefecture (Zhuzhou), not a county
    "000000",
    "430000000000",        // province in 12-digit form
    "430281000",           // township part 000
    "430281000232",        // township part 000 in a village code
    "430281126000123",     // village part 000 in a group code
    "430281126232000",     // group number 000
    "430281000000000",
};
// clang-format on

TEST(RegionCodeTest, RejectsInvalidCodes) {
  for (const char* input : kInvalid) {
    SCOPED_TRACE(input);
    auto r = RegionCode::parse(input);
    ASSERT_FALSE(r.ok()) << "accepted as " << r->str();
    EXPECT_EQ(r.error().code, "region_code.invalid");
    EXPECT_EQ(r.error().field, "region_code");
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_FALSE(r.error().message_zh.empty());
    EXPECT_FALSE(r.error().message_en.empty());
  }
}

TEST(RegionCodeTest, ErrorNamesTheGivenField) {
  auto r = RegionCode::parse("abc", "village_code");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "region_code.invalid");
  EXPECT_EQ(r.error().field, "village_code");
  EXPECT_NE(r.error().message_zh.find("“abc”"), std::string::npos) << r.error().message_zh;
  EXPECT_NE(r.error().message_en.find("\"abc\""), std::string::npos) << r.error().message_en;
}

// ---------------------------------------------------------------------------
// Hierarchy: parent, division12, level_name.
// ---------------------------------------------------------------------------
TEST(RegionCodeTest, ParentAndDivision12) {
  struct Case {
    const char* code;
    const char* parent;
    const char* division12;
    const char* level;
  };
  // clang-format off
  const Case cases[] = {
      // code               parent            division12       level
      {"430281",            "430281",         "430281000000",  "county"},  // its own parent
      {"430281126",         "430281",         "430281126000",  "township"},
      {"430281126232",      "430281126",      "430281126232",  "village"},
      {"430281126232003",   "430281126232",   "430281126232",  "group"},   // the village's code
      {"430281400498",      "430281400",      "430281400498",  "village"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto r = RegionCode::parse(c.code);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->parent().str(), c.parent);
    EXPECT_EQ(r->division12(), c.division12);
    EXPECT_STREQ(level_name(r->level()), c.level);
    // division12 parses back to the same code, except for groups.
    if (r->level() != RegionLevel::kGroup) {
      auto back = RegionCode::parse(r->division12());
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(back->str(), c.code);
    }
  }
}

TEST(RegionCodeTest, ParentChainEndsAtCounty) {
  auto r = RegionCode::parse("430281126232003");
  ASSERT_TRUE(r.ok());
  RegionCode c = *r;
  const char* chain[] = {"430281126232003", "430281126232", "430281126", "430281", "430281"};
  for (const char* want : chain) {
    EXPECT_EQ(c.str(), want);
    c = c.parent();
  }
}

// ---------------------------------------------------------------------------
// contains: jurisdiction is a prefix test on the shortest form.
// ---------------------------------------------------------------------------
TEST(RegionCodeTest, Contains) {
  struct Case {
    const char* outer;
    const char* inner;
    bool contains;
  };
  // clang-format off
  const Case cases[] = {
      // outer              inner                contains?
      {"430281",            "430281",            true},   // itself
      {"430281",            "430281126",         true},
      {"430281",            "430281126232",      true},
      {"430281",            "430281126232003",   true},
      {"430281126",         "430281126232",      true},
      {"430281126",         "430281126232003",   true},
      {"430281126232",      "430281126232003",   true},
      {"430281126232003",   "430281126232003",   true},
      {"430281126",         "430281",            false},  // the parent is not inside
      {"430281126232",      "430281126",         false},
      {"430281126232003",   "430281126232",      false},
      {"430281126",         "430281127",         false},  // a sibling township
      {"430281126",         "430281127232",      false},
      {"430281126232",      "430281126233",      false},
      {"430281126232",      "430281126232",      true},
      {"430281126232003",   "430281126232004",   false},
      {"430281",            "430282126",         false},  // another county
      {"430281",            "110101",            false},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.outer) + " contains " + c.inner);
    auto outer = RegionCode::parse(c.outer);
    auto inner = RegionCode::parse(c.inner);
    ASSERT_TRUE(outer.ok());
    ASSERT_TRUE(inner.ok());
    EXPECT_EQ(outer->contains(*inner), c.contains);
    EXPECT_EQ(outer->contains(std::string_view(c.inner)), c.contains);
  }
}

TEST(RegionCodeTest, ContainsStringShorterThanCode) {
  auto township = RegionCode::parse("430281126");
  ASSERT_TRUE(township.ok());
  EXPECT_FALSE(township->contains(std::string_view("430281")));
  EXPECT_FALSE(township->contains(std::string_view("43028112")));
  EXPECT_FALSE(township->contains(std::string_view("")));
}

TEST(RegionCodeTest, OrdersByCode) {
  auto a = RegionCode::parse("430281");
  auto b = RegionCode::parse("430281126");
  auto c = RegionCode::parse("430281127");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_LT(*a, *b);
  EXPECT_LT(*b, *c);
  EXPECT_EQ(*b, *RegionCode::parse("430281126000"));
}

}  // namespace
}  // namespace lz
