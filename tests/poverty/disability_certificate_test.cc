// The 20-character disability certificate number: the member's ID number,
// a category digit 1-7 and a grade digit 1-4. One row per input; every
// invalid input is wrong in exactly one way.
#include "poverty/disability_certificate.h"

#include <gtest/gtest.h>

#include <string>

#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;

const std::string kId = IdNumber::make("430281", D(1975, 5, 20), 123).str();
const std::string kOther = IdNumber::make("430281", D(1976, 5, 20), 123).str();
const std::string kX = "11010519491231002X";  // the GB 11643 example

std::string with_check_broken(std::string id) {
  id[17] = id[17] == '0' ? '1' : '0';
  return id;
}

TEST(DisabilityCertificateTest, Check) {
  struct Case {
    std::string certificate;
    std::string member;
    CertificateProblem expected;
  };
  const Case cases[] = {
      {kId + "42", kId, CertificateProblem::kNone},
      {kId + "11", kId, CertificateProblem::kNone},
      {kId + "74", kId, CertificateProblem::kNone},
      {kX + "63", kX, CertificateProblem::kNone},       // check character X
      {kId + "42", "", CertificateProblem::kNone},      // ownership not tested
      {kId + "4", kId, CertificateProblem::kLength},    // 19 characters
      {kId + "421", kId, CertificateProblem::kLength},  // 21
      {"", kId, CertificateProblem::kLength},
      {with_check_broken(kId) + "42", kId, CertificateProblem::kIdNumber},
      {"4302811975A520123" + kId.substr(17) + "42", kId, CertificateProblem::kIdNumber},
      {"990281197505201230"
       "42",
       "", CertificateProblem::kIdNumber},  // no province 99
      {kOther + "42", kId, CertificateProblem::kNotMember},
      {kId + "02", kId, CertificateProblem::kCategory},
      {kId + "82", kId, CertificateProblem::kCategory},
      {kId + "A2", kId, CertificateProblem::kCategory},
      {kId + "40", kId, CertificateProblem::kGrade},
      {kId + "45", kId, CertificateProblem::kGrade},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.certificate);
    EXPECT_EQ(check_disability_certificate(c.certificate, c.member), c.expected);
  }
}

TEST(DisabilityCertificateTest, ParseAcceptsWhatPeopleType) {
  const Date today = D(2020, 2, 12);
  auto r = parse_disability_certificate(" " + kId.substr(0, 6) + " " + kId.substr(6) + "4 2 ", kId,
                                        today);
  ASSERT_TRUE(r.ok()) << r.error().message_zh;
  EXPECT_EQ(r->id_number, kId);
  EXPECT_EQ(r->category, 4);
  EXPECT_EQ(r->grade, 2);
  EXPECT_STREQ(disability_category_zh(r->category), "肢体残疾");
  EXPECT_STREQ(disability_category_en(r->category), "physical");

  auto x = parse_disability_certificate("11010519491231002x63", "", today);  // lower-case x
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->id_number, kX);
  EXPECT_EQ(x->category, 6);
  auto full = parse_disability_certificate("１１０１０５１９４９１２３１００２Ｘ６３", kX, today);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->grade, 3);
}

TEST(DisabilityCertificateTest, ParseErrors) {
  const Date today = D(2020, 2, 12);
  struct Case {
    std::string input;
    std::string member;
    const char* code;
  };
  const Case cases[] = {
      {"", kId, "disability_certificate.missing"},
      {"   ", kId, "disability_certificate.missing"},
      {kId + "4", kId, "disability_certificate.length"},
      {with_check_broken(kId) + "42", kId, "disability_certificate.id_number"},
      {IdNumber::make("430281", D(2021, 1, 1), 11).str() + "42", "",
       "disability_certificate.id_number"},  // born after today
      {kOther + "42", kId, "disability_certificate.not_member"},
      {kId + "92", kId, "disability_certificate.category"},
      {kId + "49", kId, "disability_certificate.grade"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = parse_disability_certificate(c.input, c.member, today);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().field, "disability_certificate");
    EXPECT_FALSE(r.error().message_zh.empty());
    EXPECT_FALSE(r.error().message_en.empty());
  }
  auto grade = parse_disability_certificate(kId + "49", kId, today);
  EXPECT_EQ(grade.error().message_zh, "残疾人证号第20位是残疾等级，应为1-4，实为“9”");
}

TEST(DisabilityCertificateTest, CategoryLabels) {
  EXPECT_STREQ(disability_category_zh(1), "视力残疾");
  EXPECT_STREQ(disability_category_zh(7), "多重残疾");
  EXPECT_STREQ(disability_category_zh(0), "");
  EXPECT_STREQ(disability_category_zh(8), "");
  EXPECT_STREQ(disability_category_en(5), "intellectual");
}

}  // namespace
}  // namespace lz::poverty
