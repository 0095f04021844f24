// facts_codec: a household's facts survive encode → decode field for field
// (compared through the dump of every field), for a table of households from
// empty to awkward (extreme and negative amounts, unrecorded optionals next to
// recorded false, long and non-ASCII text, every collection empty or long);
// and decode refuses every truncated, extended or out-of-range input instead
// of reading past it.
#include <gtest/gtest.h>

#include <climits>

#include "poverty/facts_codec.h"
#include "store/facts_dump.h"
#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;
using testing::dump;

HouseholdFacts empty_household() {
  HouseholdFacts h;
  h.household_id = 1;
  return h;
}

HouseholdFacts awkward_household() {
  HouseholdFacts h = test::good_household();
  h.household_id = INT64_MAX;
  h.region_code = "430281126232";
  h.cadre_id = -3;
  h.status = HouseholdStatus::kOrdinary;
  h.registered_year.reset();
  h.lifted_year = 0;
  h.causes = {Cause::kIllness, Cause::kDisability};
  h.main_cause.reset();
  h.members[0].name = std::string(300, 'x') + "李\"\n\0名";
  h.members[0].health.reset();
  h.members[0].labour = Labour::kNone;
  h.members[0].basic_medical = false;
  h.members[0].serious_illness.reset();
  h.members[0].disability_certificate = h.members[0].id_number + "21";
  h.members[0].disability_subsidy = false;
  h.members[1].sex = Sex::kFemale;
  h.members[1].birth_date = Date::from_days(-200000);
  h.income.wage_fen = INT64_MIN;
  h.income.business_fen = INT64_MAX;
  h.income.property_fen.reset();
  h.income.business_costs_fen = 0;
  h.housing_grade = 'D';
  h.water.quality = false;
  h.water.reliability.reset();
  h.benefits.dibao = false;
  h.benefits.tekun.reset();
  h.benefits.loans = {{5000000, D(2019, 1, 1), D(2022, 1, 1), 0, std::nullopt},
                      {100, D(2018, 5, 5), D(2019, 5, 5), 100, D(2019, 4, 1)}};
  h.visit = VisitFacts{D(2020, 2, 10), VisitMode::kPhone, std::nullopt, false};
  h.measures = {{MeasureKind::kOther, D(2017, 1, 2), -1}, {MeasureKind::kOther, D(2017, 1, 2), 0}};
  RiskCase r;
  r.id = 9;
  r.household_id = h.household_id;
  r.category = RiskCategory::kSuddenHardship;
  r.trigger = TriggerKind::kIllness;
  r.trigger_on = D(2020, 1, 30);
  r.person_id = 2;
  r.kinds = RiskKindSet::from_bits(0b1011);
  r.opened_on = D(2020, 2, 1);
  r.deadline = D(2020, 2, 16);
  r.assessed_on = D(2020, 2, 3);
  r.assessment_note = "已研判";
  r.closed_on = D(2020, 2, 11);
  r.close_method = CloseMethod::kAssistance;
  r.note = "住院";
  r.close_note = "";
  r.closed_by = "官庄镇扶贫专干";
  h.risks = {r, RiskCase{}};
  return h;
}

TEST(FactsCodecTest, EveryFieldSurvivesARoundTrip) {
  const std::vector<HouseholdFacts> cases = {empty_household(), test::good_household(),
                                             awkward_household()};
  for (const auto& h : cases) {
    const std::string bytes = encode_facts(h);
    auto back = decode_facts(bytes);
    ASSERT_TRUE(back.ok()) << dump({h});
    EXPECT_EQ(dump({*back}), dump({h}));
    EXPECT_EQ(encode_facts(*back), bytes);
  }
  // Appending encodes the same bytes after what is there.
  std::string out = "prefix";
  encode_facts(cases[1], out);
  EXPECT_EQ(out, "prefix" + encode_facts(cases[1]));
}

TEST(FactsCodecTest, EveryTruncationAndExtensionIsRefused) {
  const std::string bytes = encode_facts(awkward_household());
  for (size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(decode_facts(bytes.substr(0, n)).ok()) << n;
  EXPECT_FALSE(decode_facts(bytes + '\0').ok());
  EXPECT_TRUE(decode_facts(bytes).ok());
}

TEST(FactsCodecTest, OutOfRangeValuesAreRefused) {
  HouseholdFacts h = empty_household();
  std::string bytes = encode_facts(h);
  // The status is the byte after id (1 byte), region (1 byte: length 0) and cadre (1 byte: absent).
  ASSERT_EQ(bytes[3], static_cast<char>(HouseholdStatus::kRegisteredPoor));
  bytes[3] = 100;
  EXPECT_FALSE(decode_facts(bytes).ok());
  // A count larger than the bytes left.
  std::string huge = encode_facts(h);
  huge[huge.size() - 1] = 0x7f;  // the risk count, last byte of an empty household
  EXPECT_FALSE(decode_facts(huge).ok());
  // A varint that never ends.
  EXPECT_FALSE(decode_facts(std::string(20, '\xff')).ok());
}

}  // namespace
}  // namespace lz::poverty
