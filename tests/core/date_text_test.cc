// Date (civil dates as day numbers) and text:: (normalising what people type
// and what Excel saves). Table-driven: one row per input and its result.
#include <gtest/gtest.h>

#include <string>

#include "core/date.h"
#include "core/text.h"

namespace lz {
namespace {

Date D(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}

// ===========================================================================
// Date
// ===========================================================================
TEST(DateTest, FromYmdValidity) {
  struct Case {
    int y, m, d;
    bool valid;
  };
  // clang-format off
  const Case cases[] = {
      {2000, 2, 29, true},    // divisible by 400: leap
      {1900, 2, 29, false},   // divisible by 100 only: not leap
      {2100, 2, 29, false},
      {2400, 2, 29, true},
      {2020, 2, 29, true},    // divisible by 4: leap
      {2019, 2, 29, false},
      {2019, 2, 28, true},
      {2020, 2, 30, false},
      {2020, 1, 31, true},
      {2020, 4, 30, true},
      {2020, 4, 31, false},
      {2020, 6, 31, false},
      {2020, 9, 31, false},
      {2020, 11, 31, false},
      {2020, 12, 31, true},
      {2020, 13, 1, false},
      {2020, 0, 1, false},
      {2020, 1, 0, false},
      {2020, 1, 32, false},
      {2020, -1, 1, false},
      {1, 1, 1, true},
      {0, 1, 1, false},
      {9999, 12, 31, true},
      {10000, 1, 1, false},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.y << "-" << c.m << "-" << c.d);
    auto d = Date::from_ymd(c.y, c.m, c.d);
    EXPECT_EQ(d.has_value(), c.valid);
    if (d) {
      EXPECT_EQ(d->year(), c.y);
      EXPECT_EQ(d->month(), c.m);
      EXPECT_EQ(d->day(), c.d);
    }
  }
}

TEST(DateTest, LeapYearsAndMonthLengths) {
  struct Case {
    int y;
    bool leap;
    int feb_days;
  };
  const Case cases[] = {
      {2000, true, 29},  {1900, false, 28}, {2020, true, 29}, {2019, false, 28},
      {2100, false, 28}, {2400, true, 29},  {1904, true, 29}, {1880, true, 29},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.y);
    EXPECT_EQ(is_leap_year(c.y), c.leap);
    EXPECT_EQ(days_in_month(c.y, 2), c.feb_days);
  }
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) EXPECT_EQ(days_in_month(2019, m), lengths[m - 1]) << "month " << m;
}

TEST(DateTest, DayNumbers) {
  struct Case {
    Date date;
    int32_t days;  // since 1970-01-01
  };
  const Case cases[] = {
      {D(1970, 1, 1), 0},     {D(1970, 1, 2), 1},      {D(1969, 12, 31), -1},
      {D(2000, 1, 1), 10957}, {D(2020, 2, 12), 18304}, {D(1880, 1, 1), -32872},
      {D(2000, 3, 1), 11017}, {D(1, 1, 1), -719162},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.date.iso());
    EXPECT_EQ(c.date.days(), c.days);
    EXPECT_EQ(Date::from_days(c.days), c.date);
  }
  EXPECT_EQ(Date().iso(), "1970-01-01");
}

TEST(DateTest, ParseIsoGood) {
  struct Case {
    const char* input;
    int y, m, d;
  };
  const Case cases[] = {
      {"2020-02-12", 2020, 2, 12},  {"2000-02-29", 2000, 2, 29},  {"2020-02-29", 2020, 2, 29},
      {"1880-01-01", 1880, 1, 1},   {"1969-12-31", 1969, 12, 31}, {"0001-01-01", 1, 1, 1},
      {"9999-12-31", 9999, 12, 31},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto d = Date::parse_iso(c.input);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(*d, D(c.y, c.m, c.d));
    EXPECT_EQ(d->iso(), c.input);
  }
}

TEST(DateTest, ParseIsoBad) {
  // clang-format off
  const char* const cases[] = {
      "",
      "2020-2-12",       // month needs two digits
      "2020-02-1",
      "20-02-12",
      "2020/02/12",      // only ISO; importers normalise the rest
      "2020.02.12",
      "20200212",
      "2020年2月12日",
      "12-02-2020",
      " 2020-02-12",     // no trimming here
      "2020-02-12 ",
      "2020-02-12T00:00",
      "2020-02-30",      // no such day
      "2019-02-29",
      "1900-02-29",
      "2020-13-01",
      "2020-00-10",
      "2020-01-00",
      "0000-01-01",      // there is no year 0
      "2020-0a-12",
      "2020-02-1a",
      "+020-02-12",
      "-020-02-12",
      "2020-+2-12",
      "２０２０-02-12",  // full-width digits: normalise first
  };
  // clang-format on
  for (const char* input : cases) {
    SCOPED_TRACE(input);
    auto d = Date::parse_iso(input);
    EXPECT_FALSE(d.has_value()) << "parsed as " << d->iso();
  }
}

// iso() and parse_iso() are inverse over every day from 1880 to 2100, and
// consecutive day numbers are consecutive calendar days.
TEST(DateTest, IsoRoundTripOverRange) {
  const Date first = D(1880, 1, 1), last = D(2100, 12, 31);
  Date prev = first.plus_days(-1);
  ASSERT_EQ(prev.iso(), "1879-12-31");
  int checked = 0;
  for (Date d = first; d <= last; d = d.plus_days(1), ++checked) {
    std::string s = d.iso();
    auto back = Date::parse_iso(s);
    ASSERT_TRUE(back.has_value()) << s;
    ASSERT_EQ(*back, d) << s;
    ASSERT_EQ(Date::from_ymd(d.year(), d.month(), d.day()), d) << s;
    // Next day after prev: same month and day+1, or the first of the next month/year.
    if (d.day() == 1) {
      ASSERT_EQ(prev.day(), days_in_month(prev.year(), prev.month())) << s;
      if (d.month() == 1) {
        ASSERT_EQ(prev.month(), 12) << s;
        ASSERT_EQ(d.year(), prev.year() + 1) << s;
      } else {
        ASSERT_EQ(d.month(), prev.month() + 1) << s;
        ASSERT_EQ(d.year(), prev.year()) << s;
      }
    } else {
      ASSERT_EQ(d.day(), prev.day() + 1) << s;
      ASSERT_EQ(d.month(), prev.month()) << s;
      ASSERT_EQ(d.year(), prev.year()) << s;
    }
    prev = d;
  }
  // 221 years; 54 leap years (1880..2100 by 4 is 56, less 1900 and 2100).
  EXPECT_EQ(checked, 221 * 365 + 54);
  EXPECT_EQ(last - first + 1, checked);
}

TEST(DateTest, PlusDays) {
  struct Case {
    Date from;
    int n;
    const char* want;
  };
  // clang-format off
  const Case cases[] = {
      {D(2020, 2, 12), 0,    "2020-02-12"},
      {D(2020, 2, 28), 1,    "2020-02-29"},  // leap year
      {D(2019, 2, 28), 1,    "2019-03-01"},
      {D(1900, 2, 28), 1,    "1900-03-01"},
      {D(2000, 2, 28), 1,    "2000-02-29"},
      {D(2020, 3, 1),  -1,   "2020-02-29"},
      {D(2020, 12, 31), 1,   "2021-01-01"},
      {D(2021, 1, 1),  -1,   "2020-12-31"},
      {D(2020, 1, 1),  366,  "2021-01-01"},
      {D(2021, 1, 1),  365,  "2022-01-01"},
      {D(1970, 1, 1),  -1,   "1969-12-31"},
      {D(2020, 2, 12), 10000, "2047-06-30"},
      {D(2020, 2, 12), -36500, "1920-03-08"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.from.iso() << " + " << c.n);
    Date got = c.from.plus_days(c.n);
    EXPECT_EQ(got.iso(), c.want);
    EXPECT_EQ(got - c.from, c.n);
  }
}

TEST(DateTest, Ordering) {
  EXPECT_LT(D(2020, 2, 11), D(2020, 2, 12));
  EXPECT_LT(D(1999, 12, 31), D(2000, 1, 1));
  EXPECT_GT(D(2020, 3, 1), D(2020, 2, 29));
  EXPECT_EQ(D(2020, 2, 12), *Date::parse_iso("2020-02-12"));
  EXPECT_NE(D(2020, 2, 12), D(2021, 2, 12));
}

TEST(DateTest, AgeOn) {
  struct Case {
    Date birth, on;
    int age;
  };
  // clang-format off
  const Case cases[] = {
      // birth            on                 age
      {D(1990, 6, 15),    D(2020, 6, 14),    29},  // birthday not yet reached
      {D(1990, 6, 15),    D(2020, 6, 15),    30},  // on the day
      {D(1990, 6, 15),    D(2020, 6, 16),    30},
      {D(1990, 6, 15),    D(2020, 5, 31),    29},  // earlier month
      {D(1990, 6, 15),    D(2020, 7, 1),     30},  // later month, earlier day
      {D(1990, 6, 15),    D(2020, 1, 1),     29},
      {D(1990, 6, 15),    D(2020, 12, 31),   30},
      {D(1990, 6, 15),    D(1990, 6, 15),    0},   // born today
      {D(1990, 6, 15),    D(1991, 6, 14),    0},
      {D(1990, 6, 15),    D(1991, 6, 15),    1},
      {D(1990, 12, 31),   D(1991, 1, 1),     0},
      {D(1990, 1, 1),     D(2020, 2, 12),    30},
      // Born on 29 Feb: in common years the birthday counts from 1 Mar.
      {D(2000, 2, 29),    D(2001, 2, 28),    0},
      {D(2000, 2, 29),    D(2001, 3, 1),     1},
      {D(2000, 2, 29),    D(2004, 2, 28),    3},
      {D(2000, 2, 29),    D(2004, 2, 29),    4},
      {D(2000, 2, 29),    D(2018, 2, 28),    17},
      {D(2000, 2, 29),    D(2018, 3, 1),     18},
      {D(2000, 2, 29),    D(2020, 2, 12),    19},
      // Born on 28 Feb / 1 Mar around a leap day.
      {D(2003, 2, 28),    D(2004, 2, 28),    1},
      {D(2003, 3, 1),     D(2004, 2, 29),    0},
      {D(2003, 3, 1),     D(2004, 3, 1),     1},
      // Sixty on the day (retirement, old-age allowances).
      {D(1960, 2, 12),    D(2020, 2, 11),    59},
      {D(1960, 2, 12),    D(2020, 2, 12),    60},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.birth.iso() + " on " + c.on.iso());
    EXPECT_EQ(c.birth.age_on(c.on), c.age);
  }
}

// ===========================================================================
// text::
// ===========================================================================
struct StrCase {
  const char* input;
  const char* want;
};

TEST(TextTest, ToHalfWidth) {
  // clang-format off
  const StrCase cases[] = {
      {"",                     ""},
      {"430281",               "430281"},
      {"４３０２８１",         "430281"},          // U+FF10..U+FF19
      {"ＡＢＣｘｙｚ",         "ABCxyz"},
      {"！",                   "!"},               // U+FF01, first of the range
      {"～",                   "~"},               // U+FF5E, last of the range
      {"（１）",               "(1)"},
      {"，：；？",             ",:;?"},
      {"　",                   " "},               // U+3000 ideographic space
      {"张　三",               "张 三"},
      {"醴陵市",               "醴陵市"},           // CJK untouched
      {"。、",                 "。、"},             // U+3002, U+3001: not full-width forms
      {"｟",                   "｟"},               // U+FF5F: just past the range
      {"￥",                   "￥"},               // U+FFE5: full-width sign, not mapped
      {"ｶ",                    "ｶ"},                // U+FF76: half-width katakana
      {"a\xEF\xBC",            "a\xEF\xBC"},        // truncated sequence kept as is
      {"\xE3\x80",             "\xE3\x80"},
      {"Ｘ１２　３",           "X12 3"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(text::to_half_width(c.input), c.want);
  }
}

TEST(TextTest, Trim) {
  // clang-format off
  const StrCase cases[] = {
      {"",                 ""},
      {"   ",              ""},
      {"  a b  ",          "a b"},
      {"\t\r\n x \v\f",    "x"},
      {"a",                "a"},
      {"张三 ",            "张三"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(text::trim(c.input), c.want);
  }
}

TEST(TextTest, Normalize) {
  // clang-format off
  const StrCase cases[] = {
      {"",                     ""},
      {"   ",                  ""},
      {"　　",                 ""},
      {"张三",                 "张三"},
      {"  张　三  ",           "张 三"},
      {"a  \t b",              "a b"},
      {"\n x \n",              "x"},
      {"a　　 b　",            "a b"},
      {"ＡＢ　ＣＤ",           "AB CD"},
      {"醴陵市  官庄镇",       "醴陵市 官庄镇"},
      {"汉 族",                "汉 族"},           // inner space kept (collapsed), not removed
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(text::normalize(c.input), c.want);
  }
}

TEST(TextTest, StripSpaces) {
  // clang-format off
  const StrCase cases[] = {
      {"",                         ""},
      {" 430281　126 ",            "430281126"},
      {"a\tb\nc\rd\ve\ff",         "abcdef"},
      {"４３ ０",                  "430"},
      {"138 1234 5678",            "13812345678"},
      {"　 \t ",                   ""},
      {"张 三",                    "张三"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(text::strip_spaces(c.input), c.want);
  }
}

TEST(TextTest, IsAllDigits) {
  struct Case {
    const char* input;
    bool digits;
  };
  // clang-format off
  const Case cases[] = {
      {"",            false},  // empty is not a number
      {"0",           true},
      {"0123456789",  true},
      {"430281126232003", true},
      {"12a",         false},
      {" 12",         false},
      {"12 ",         false},
      {"-1",          false},
      {"+1",          false},
      {"1.0",         false},
      {"1e5",         false},
      {"１２",        false},  // full-width: normalise first
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(text::is_all_digits(c.input), c.digits);
  }
}

TEST(TextTest, Utf8Length) {
  struct Case {
    std::string input;
    long length;
  };
  // clang-format off
  const Case cases[] = {
      {"",                       0},
      {"abc",                    3},
      {"张三",                   2},
      {"醴陵市",                 3},
      {"é",                      1},              // 2-byte sequence
      {"😀",                     1},              // 4-byte sequence
      {"a张😀é",                 4},
      {"４３０２８１",           6},
      {std::string("a\0b", 3),   3},              // NUL is a character
      // Not UTF-8.
      {"\xff",                   -1},
      {"\xfe\xff",               -1},
      {"\x80",                   -1},             // stray continuation byte
      {"a\xbf",                  -1},
      {"\xe5\xbc",               -1},             // truncated 3-byte sequence
      {"\xe5",                   -1},
      {"\xf0\x9f\x98",           -1},             // truncated 4-byte sequence
      {"\xe5\x41\xa0",           -1},             // bad continuation
      {"\xc3" "A",               -1},
      {"\xf8\x88\x80\x80\x80",   -1},             // 5-byte form
      {"张\xff三",               -1},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::PrintToString(c.input));
    EXPECT_EQ(text::utf8_length(c.input), c.length);
  }
}

// BUG (src/core/text.cc:73-85, text::utf8_length): the header promises -1 for
// any string that is not valid UTF-8, but only the lead/continuation bit
// patterns are checked. Overlong encodings, UTF-16 surrogates and code points
// above U+10FFFF are counted as characters. They then pass validate_person's
// name check and reach the store and JSON output (nlohmann::json::dump throws
// on them). This test states the correct behaviour and fails until fixed.
TEST(TextTest, Utf8LengthRejectsOverlongSurrogatesAndOutOfRange) {
  struct Case {
    const char* input;
    const char* why;
  };
  // clang-format off
  const Case cases[] = {
      {"\xc0\xaf",           "overlong '/' (2 bytes)"},
      {"\xc1\xbf",           "overlong (C1 lead)"},
      {"\xe0\x80\xaf",       "overlong '/' (3 bytes)"},
      {"\xf0\x80\x80\xaf",   "overlong '/' (4 bytes)"},
      {"\xed\xa0\x80",       "UTF-16 surrogate U+D800"},
      {"\xf4\x90\x80\x80",   "U+110000, above U+10FFFF"},
      {"\xf5\x80\x80\x80",   "lead byte F5"},
  };
  // clang-format on
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(text::utf8_length(c.input), -1);
  }
}

}  // namespace
}  // namespace lz
