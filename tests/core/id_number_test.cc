// IdNumber: parsing what people type into the 18-character resident ID
// number, and the exact Error code for every kind of wrong input.
//
// The tables below are the specification. To add a case, add a row; every
// valid number in them has a correct check character (ISO 7064 MOD 11-2),
// and every invalid number is wrong in exactly ONE way (its check character
// is otherwise right), so the expected code is unambiguous.
#include "core/id_number.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lz {
namespace {

// All validity decisions in this file are made as of this day.
Date D(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}
const Date kToday = D(2020, 2, 12);

// ---------------------------------------------------------------------------
// Valid numbers: input as typed -> normalised number, birth date, sex.
// ---------------------------------------------------------------------------
struct ValidCase {
  const char* input;
  const char* normalized;
  const char* birth;  // ISO
  Sex sex;            // 17th digit odd = male
};

const ValidCase kValid[] = {
    // {input as typed, normalised number, birth date, sex}
    {"430281199001011239", "430281199001011239", "1990-01-01", Sex::kMale},
    {"430281199001011247", "430281199001011247", "1990-01-01", Sex::kFemale},
    {"440304198506123455", "440304198506123455", "1985-06-12", Sex::kMale},
    {"430281198501091234", "430281198501091234", "1985-01-09", Sex::kMale},
    // Check character X (the GB 11643 example number), and lowercase x.
    {"11010519491231002X", "11010519491231002X", "1949-12-31", Sex::kFemale},
    {"11010519491231002x", "11010519491231002X", "1949-12-31", Sex::kFemale},
    {"43028119900101005X", "43028119900101005X", "1990-01-01", Sex::kMale},
    // Full-width digits and full-width X / x (Chinese input methods).
    {"４３０２８１１９９００１０１１２３９", "430281199001011239", "1990-01-01", Sex::kMale},
    {"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", "1949-12-31", Sex::kFemale},
    {"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", "1949-12-31", Sex::kFemale},
    {"430281１９９００１０１1239", "430281199001011239", "1990-01-01", Sex::kMale},
    // Spaces anywhere: ASCII, tabs, ideographic space U+3000.
    {" 430281199001011239 ", "430281199001011239", "1990-01-01", Sex::kMale},
    {"430281 19900101 1239", "430281199001011239", "1990-01-01", Sex::kMale},
    {"430281\t19900101\t1239\n", "430281199001011239", "1990-01-01", Sex::kMale},
    {"430281　19900101　1239", "430281199001011239", "1990-01-01", Sex::kMale},
    {"　110105 19491231 002x　", "11010519491231002X", "1949-12-31", Sex::kFemale},
    // Leap day; the earliest accepted year; born on `today` itself.
    {"430281200002290028", "430281200002290028", "2000-02-29", Sex::kFemale},
    {"430281188001010013", "430281188001010013", "1880-01-01", Sex::kMale},
    {"43028120200212001X", "43028120200212001X", "2020-02-12", Sex::kMale},
    // Divisions are checked by province and shape only: 430221 (the former
    // Zhuzhou County, now Lukou District) is still a valid birth place; so
    // are Xinjiang (65), Taiwan (71) and Hong Kong (81).
    {"430221199001011232", "430221199001011232", "1990-01-01", Sex::kMale},
    {"652901199001011238", "652901199001011238", "1990-01-01", Sex::kMale},
    {"710001199001011233", "710001199001011233", "1990-01-01", Sex::kMale},
    {"810001199001011237", "810001199001011237", "1990-01-01", Sex::kMale},
};

TEST(IdNumberTest, ParsesValidNumbers) {
  for (const auto& c : kValid) {
    SCOPED_TRACE(c.input);
    auto r = IdNumber::parse(c.input, kToday);
    ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message_en;
    EXPECT_EQ(r->str(), c.normalized);
    EXPECT_EQ(r->birth_date().iso(), c.birth);
    EXPECT_EQ(r->sex(), c.sex);
    EXPECT_EQ(r->division(), std::string(c.normalized).substr(0, 6));
  }
}

TEST(IdNumberTest, NormalisedFormParsesToItself) {
  for (const auto& c : kValid) {
    SCOPED_TRACE(c.input);
    auto r = IdNumber::parse(c.normalized, kToday);
    ASSERT_TRUE(r.ok()) << r.error().code;
    EXPECT_EQ(r->str(), c.normalized);
  }
}

// ---------------------------------------------------------------------------
// Invalid numbers: input -> Error code. All carry field "id_number".
// ---------------------------------------------------------------------------
struct InvalidCase {
  const char* input;
  const char* code;
};

const InvalidCase kInvalid[] = {
    // Nothing there.
    {"", "id_number.missing"},
    {"   ", "id_number.missing"},
    {"　\t", "id_number.missing"},
    // Wrong number of characters (counted in code points, after spaces go).
    {"43028119900101123", "id_number.length"},    // 17
    {"4302811990010112391", "id_number.length"},  // 19
    {"430281", "id_number.length"},
    {"430281-19900101-1239", "id_number.length"},  // dashes are not spaces
    {"张三", "id_number.length"},
    {"\xff\xfe", "id_number.length"},  // not UTF-8
    // A character that is not a digit (X only allowed at the end).
    {"43028119900A011239", "id_number.chars"},  // letter in the middle
    {"4302811990010112X9", "id_number.chars"},  // X in 17th place
    {"X30281199001011239", "id_number.chars"},
    {"x30281199001011239", "id_number.chars"},   // only a final x is uppercased
    {"43028119900101123Y", "id_number.chars"},   // last char neither digit nor X
    {"43028119900101123三", "id_number.chars"},  // 18 code points, last not ASCII
    {"430281.99001011239", "id_number.chars"},
    // Masked as exports and lists show it (re-imported by mistake): said so.
    {"430281********1239", "id_number.masked"},
    {"430281****0101123*", "id_number.masked"},
    {"4302811990****", "id_number.masked"},  // masked and short: masked first
    // First six digits: unknown province, or a province/prefecture code xx0000.
    {"990281199001011238", "id_number.division"},
    {"100281199001011232", "id_number.division"},
    {"00000019900101123X", "id_number.division"},
    {"43000019900101123X", "id_number.division"},
    {"710000199001011237", "id_number.division"},
    // Birth date that does not exist, or before 1880.
    {"430281199002301238", "id_number.birth_date"},  // 30 Feb
    {"430281199013011236", "id_number.birth_date"},  // month 13
    {"430281199001001233", "id_number.birth_date"},  // day 00
    {"430281190002291235", "id_number.birth_date"},  // 1900 is not a leap year
    {"430281187912311234", "id_number.birth_date"},  // 1879 < 1880
    {"430281000001011238", "id_number.birth_date"},  // year 0000
    // Born after `today` (2020-02-12).
    {"430281202002131237", "id_number.birth_future"},
    {"430281202101011230", "id_number.birth_future"},
    // Sequence 000 is never issued.
    {"430281199001010009", "id_number.sequence"},
    // One character changed: the check character no longer matches.
    {"430281199001011238", "id_number.checksum"},  // last 9 -> 8
    {"430281199001021239", "id_number.checksum"},  // day 01 -> 02
    {"430281199001012239", "id_number.checksum"},  // sequence 123 -> 223
    {"43028119900101123X", "id_number.checksum"},  // 9 -> X
    {"110105194912310020", "id_number.checksum"},  // X -> 0
    // What Excel makes of a number typed into a numeric cell.
    {"4.30281E+17", "id_number.scientific"},
    {"4.30281e+17", "id_number.scientific"},
    {"4.30281199001011E+17", "id_number.scientific"},
    {" 4.30281E+17 ", "id_number.scientific"},
};

TEST(IdNumberTest, RejectsInvalidNumbersWithExactCode) {
  for (const auto& c : kInvalid) {
    SCOPED_TRACE(c.input);
    auto r = IdNumber::parse(c.input, kToday);
    ASSERT_FALSE(r.ok()) << "accepted as " << r->str();
    EXPECT_EQ(r.error().code, c.code) << r.error().message_en;
    EXPECT_EQ(r.error().field, "id_number");
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(r.error().row, -1);
    EXPECT_TRUE(r.error().details.empty());
    EXPECT_FALSE(r.error().message(Lang::kZh).empty());
    EXPECT_FALSE(r.error().message(Lang::kEn).empty());
    EXPECT_NE(r.error().message_zh, r.error().message_en);
  }
}

// The same digits are valid or "in the future" depending on `today`.
TEST(IdNumberTest, BirthFutureDependsOnToday) {
  struct Case {
    const char* input;
    Date today;
    const char* code;  // "" = valid
  };
  const Case cases[] = {
      {"430281202002131237", D(2020, 2, 12), "id_number.birth_future"},
      {"430281202002131237", D(2020, 2, 13), ""},  // born today
      {"430281202002131237", D(2030, 1, 1), ""},
      {"43028120200212001X", D(2020, 2, 11), "id_number.birth_future"},
      {"43028120200212001X", D(2020, 2, 12), ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.input) + " today=" + c.today.iso());
    auto r = IdNumber::parse(c.input, c.today);
    if (*c.code == '\0') {
      EXPECT_TRUE(r.ok()) << r.error().code;
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, c.code);
    }
  }
}

// The messages say what to fix: which character, which check character.
TEST(IdNumberTest, MessagesNameTheProblem) {
  struct Case {
    const char* input;
    const char* zh_contains;
    const char* en_contains;
  };
  const Case cases[] = {
      {"430281199001011238", "第18位应为9", "should be 9"},
      {"430281199001021239", "第18位应为4", "should be 4"},
      {"110105194912310020", "第18位应为X", "should be X"},
      {"43028119900A011239", "第12位应为数字", "Character 12"},
      {"43028119900101123", "实为17位", "has 17"},
      {"990281199001011238", "“990281”", "\"990281\""},
      {"430281199002301238", "“19900230”", "\"19900230\""},
      {"430281202002131237", "2020-02-13", "2020-02-13"},
      {"4.30281E+17", "科学计数法", "scientific notation"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = IdNumber::parse(c.input, kToday);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message_zh.find(c.zh_contains), std::string::npos) << r.error().message_zh;
    EXPECT_NE(r.error().message_en.find(c.en_contains), std::string::npos) << r.error().message_en;
  }
}

// ---------------------------------------------------------------------------
// check_char, is_province_code, masked(), make().
// ---------------------------------------------------------------------------
TEST(IdNumberTest, CheckChar) {
  struct Case {
    const char* first17;
    char want;
  };
  const Case cases[] = {
      {"43028119900101123", '9'}, {"43028119900101124", '7'}, {"11010519491231002", 'X'},
      {"44030419850612345", '5'}, {"43028119900101000", '9'}, {"43028119900101001", '7'},
      {"43028119900101002", '5'}, {"43028119900101003", '3'}, {"43028119900101004", '1'},
      {"43028119900101005", 'X'}, {"43028119900101006", '8'}, {"43028119900101010", '5'},
      {"00000000000000000", '1'},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.first17);
    EXPECT_EQ(IdNumber::check_char(c.first17), c.want);
  }
}

TEST(IdNumberTest, ProvinceCodes) {
  const int valid[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                       43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
  const int invalid[] = {0,  1,  10, 16, 20, 24, 30, 38, 40, 47,
                         49, 55, 60, 66, 70, 72, 80, 83, 90, 99};
  for (int c : valid) EXPECT_TRUE(is_province_code(c)) << c;
  for (int c : invalid) EXPECT_FALSE(is_province_code(c)) << c;
}

TEST(IdNumberTest, Masked) {
  struct Case {
    const char* input;
    const char* masked;
  };
  const Case cases[] = {
      {"430281198501091234", "430281********1234"},
      {"11010519491231002x", "110105********002X"},
      {"430281 19900101 1239", "430281********1239"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = IdNumber::parse(c.input, kToday);
    ASSERT_TRUE(r.ok()) << r.error().code;
    EXPECT_EQ(r->masked(), c.masked);
  }
}

TEST(IdNumberTest, MaskOfAValueAsStored) {
  EXPECT_EQ(mask_id_number("430281198501091234"), "430281********1234");
  EXPECT_EQ(mask_id_number("E12345678"), "******");  // not an ID number: hidden whole
  EXPECT_EQ(mask_id_number(""), "");  // none given (a traveller): shown empty, not as a mask
}

TEST(IdNumberTest, MakeBuildsTheExpectedNumber) {
  struct Case {
    const char* division;
    Date birth;
    int sequence;
    const char* want;
  };
  const Case cases[] = {
      {"110105", D(1949, 12, 31), 2, "11010519491231002X"},
      {"430281", D(1990, 1, 1), 123, "430281199001011239"},
      {"430281", D(1990, 1, 1), 124, "430281199001011247"},
      {"430281", D(2000, 2, 29), 2, "430281200002290028"},
      {"430281", D(1880, 1, 1), 1, "430281188001010013"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.want);
    IdNumber id = IdNumber::make(c.division, c.birth, c.sequence);
    EXPECT_EQ(id.str(), c.want);
    EXPECT_EQ(id.birth_date(), c.birth);
  }
}

TEST(IdNumberTest, MakeRoundTripsThroughParse) {
  const char* divisions[] = {"430281", "430221", "110105", "440304", "652901", "810001"};
  const Date births[] = {D(1880, 1, 1), D(1949, 12, 31), D(1990, 1, 1), D(2000, 2, 29),
                         D(2020, 2, 12)};
  for (const char* div : divisions) {
    for (Date birth : births) {
      for (int seq = 1; seq <= 999; seq += 37) {  // odd and even, all check chars
        IdNumber made = IdNumber::make(div, birth, seq);
        SCOPED_TRACE(made.str());
        auto parsed = IdNumber::parse(made.str(), kToday);
        ASSERT_TRUE(parsed.ok()) << parsed.error().code;
        EXPECT_EQ(*parsed, made);
        EXPECT_EQ(parsed->birth_date(), birth);
        EXPECT_EQ(parsed->division(), div);
        EXPECT_EQ(parsed->sex(), seq % 2 ? Sex::kMale : Sex::kFemale);
      }
    }
  }
}

}  // namespace
}  // namespace lz
