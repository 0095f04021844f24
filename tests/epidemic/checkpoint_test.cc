// Checkpoints: validation, the duty roster (overlaps, length, gaps, who is on
// duty), passages (plates, temperatures) and referrals: a fever at 37.3 but
// not at 37.2, travellers from Hubei, both at once.
#include "epidemic/checkpoint.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;
using test::T;

TEST(CheckpointTest, Validation) {
  Checkpoint c{0, "石亭镇G106卡点", "G106与S211交叉口", "430281110", "430281110", true};
  EXPECT_TRUE(validate_checkpoint(c).ok());
  c.region_code = "430281110201";  // a village of the township
  EXPECT_TRUE(validate_checkpoint(c).ok());
  c.region_code = "430281126232";
  EXPECT_EQ(validate_checkpoint(c).error().code, "checkpoint.region_outside_township");
  c.township_code = "430281";
  EXPECT_EQ(validate_checkpoint(c).error().code, "checkpoint.township_required");
  c.name = "";
  EXPECT_EQ(validate_checkpoint(c).error().code, "checkpoint.name_required");
}

DutyShift shift(int64_t id, int64_t cp, std::optional<int64_t> cadre, std::string name, DateTime a,
                DateTime b) {
  DutyShift s;
  s.id = id;
  s.checkpoint_id = cp;
  s.cadre_id = cadre;
  s.name = std::move(name);
  s.start = a;
  s.end = b;
  return s;
}

TEST(RosterTest, ShiftValidation) {
  EpidemicConfig cfg;
  std::vector<DutyShift> roster = {
      shift(1, 1, 20, "", T(2020, 2, 5, 8, 0), T(2020, 2, 5, 16, 0)),
      shift(2, 2, {}, "王警官", T(2020, 2, 5, 16, 0), T(2020, 2, 6, 0, 0)),
  };
  struct Row {
    DutyShift s;
    const char* code;  // nullptr: accepted
  };
  const Row rows[] = {
      {shift(0, 1, 21, "", T(2020, 2, 5, 8, 0), T(2020, 2, 5, 16, 0)), nullptr},   // another cadre
      {shift(0, 2, 20, "", T(2020, 2, 5, 16, 0), T(2020, 2, 5, 23, 0)), nullptr},  // back to back
      {shift(0, 2, 20, "", T(2020, 2, 5, 0, 0), T(2020, 2, 5, 8, 0)), nullptr},    // ... before
      {shift(0, 2, 20, "", T(2020, 2, 5, 15, 59), T(2020, 2, 5, 23, 0)), "shift.overlap"},
      {shift(0, 2, 20, "", T(2020, 2, 5, 0, 0), T(2020, 2, 5, 8, 1)), "shift.overlap"},
      {shift(0, 1, {}, " 王警官 ", T(2020, 2, 5, 20, 0), T(2020, 2, 5, 22, 0)), "shift.overlap"},
      {shift(0, 1, {}, "李医生", T(2020, 2, 5, 20, 0), T(2020, 2, 5, 22, 0)), nullptr},
      {shift(1, 1, 20, "", T(2020, 2, 5, 9, 0), T(2020, 2, 5, 17, 0)), nullptr},  // editing shift 1
      {shift(0, 1, {}, "", T(2020, 2, 7, 8, 0), T(2020, 2, 7, 9, 0)), "shift.who_required"},
      {shift(0, 1, 22, "", T(2020, 2, 7, 8, 0), T(2020, 2, 7, 8, 0)), "shift.end_not_after_start"},
      {shift(0, 1, 22, "", T(2020, 2, 7, 8, 0), T(2020, 2, 8, 8, 0)), nullptr},  // 24 h
      {shift(0, 1, 22, "", T(2020, 2, 7, 8, 0), T(2020, 2, 8, 8, 1)), "shift.too_long"},
  };
  for (size_t i = 0; i < std::size(rows); ++i) {
    Status s = validate_shift(rows[i].s, roster, cfg);
    if (!rows[i].code) {
      EXPECT_TRUE(s.ok()) << i << " " << s.error().describe(Lang::kEn);
    } else {
      ASSERT_FALSE(s.ok()) << i;
      EXPECT_EQ(s.error().code, rows[i].code) << i;
    }
  }
  Status overlap = validate_shift(rows[3].s, roster, cfg);
  EXPECT_EQ(overlap.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(overlap.error().message_zh,
            "该人员在2020-02-05T08:00至2020-02-05T16:00已有执勤安排（卡点1）");
}

TEST(RosterTest, GapsAndOnDuty) {
  std::vector<DutyShift> roster = {
      shift(1, 1, 20, "", T(2020, 2, 5, 8, 0), T(2020, 2, 5, 16, 0)),
      shift(2, 1, 21, "", T(2020, 2, 5, 12, 0), T(2020, 2, 5, 18, 0)),
      shift(3, 1, 22, "", T(2020, 2, 5, 20, 0), T(2020, 2, 6, 8, 0)),
      shift(4, 2, 23, "", T(2020, 2, 5, 0, 0), T(2020, 2, 6, 0, 0)),  // another checkpoint
  };
  auto gaps = roster_gaps(roster, 1, T(2020, 2, 5, 0, 0), T(2020, 2, 6, 0, 0));
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[0].start, T(2020, 2, 5, 0, 0));
  EXPECT_EQ(gaps[0].end, T(2020, 2, 5, 8, 0));
  EXPECT_EQ(gaps[1].start, T(2020, 2, 5, 18, 0));
  EXPECT_EQ(gaps[1].end, T(2020, 2, 5, 20, 0));
  EXPECT_TRUE(roster_gaps(roster, 2, T(2020, 2, 5, 0, 0), T(2020, 2, 6, 0, 0)).empty());
  auto none = roster_gaps(roster, 3, T(2020, 2, 5, 0, 0), T(2020, 2, 6, 0, 0));
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].end - none[0].start, 24 * 60);
  auto duty = on_duty(roster, 1, T(2020, 2, 5, 13, 0));
  ASSERT_EQ(duty.size(), 2u);
  EXPECT_EQ(duty[0].cadre_id, 20);
  EXPECT_EQ(duty[1].cadre_id, 21);
  EXPECT_EQ(on_duty(roster, 1, T(2020, 2, 5, 16, 0)).size(), 1u);  // end is exclusive
  EXPECT_TRUE(on_duty(roster, 1, T(2020, 2, 5, 19, 0)).empty());
}

Passage a_passage(std::vector<int> temps, std::string plate = "湘B12345",
                  std::string origin = "株洲市区") {
  Passage p;
  p.id = 88;
  p.checkpoint_id = 1;
  p.at = T(2020, 2, 5, 14, 20);
  p.plate = std::move(plate);
  p.origin = std::move(origin);
  for (size_t i = 0; i < temps.size(); ++i)
    p.travellers.push_back({"旅客" + std::to_string(i + 1), "", "", temps[i]});
  p.by = "kadian1";
  return p;
}

TEST(PassageTest, Validation) {
  const Date as_of = D(2020, 2, 12);
  struct Row {
    std::string plate;
    const char* code;  // nullptr: accepted
    std::string normalised;
  };
  const Row rows[] = {
      {"湘B12345", nullptr, "湘B12345"},
      {" 湘b·12345 ", nullptr, "湘B12345"},
      {"湘Ｂ-１２３４５", nullptr, "湘B12345"},
      {"湘BD12345", nullptr, "湘BD12345"},  // new energy: 6 after the letter
      {"鄂A1234", "passage.plate_invalid", ""},
      {"HB12345", "passage.plate_invalid", ""},
      {"湘112345", "passage.plate_invalid", ""},
      {"", nullptr, ""},  // on foot
  };
  for (const Row& r : rows) {
    auto p = validate_passage(a_passage({365}, r.plate), as_of);
    if (!r.code) {
      ASSERT_TRUE(p.ok()) << r.plate << " " << p.error().describe(Lang::kEn);
      EXPECT_EQ(p->plate, r.normalised);
    } else {
      ASSERT_FALSE(p.ok()) << r.plate;
      EXPECT_EQ(p.error().code, r.code);
    }
  }
  auto none = validate_passage(a_passage({}), as_of);
  EXPECT_EQ(none.error().code, "passage.persons_required");
  auto hot = validate_passage(a_passage({365, 440}), as_of);
  EXPECT_EQ(hot.error().code, "temperature.implausible");
  EXPECT_EQ(hot.error().field, "travellers[1].temperature_tenths");
  Passage late = a_passage({365});
  late.at = T(2020, 2, 13, 0, 5);
  EXPECT_EQ(validate_passage(late, as_of).error().code, "passage.date_future");
  Passage nocp = a_passage({365});
  nocp.checkpoint_id = 0;
  EXPECT_EQ(validate_passage(nocp, as_of).error().code, "passage.checkpoint_required");
}

TEST(PassageTest, FeverReferralAtTheThreshold) {
  EpidemicConfig cfg;
  Passage p = a_passage({365, 372, 373, 390});
  EXPECT_EQ(fevers(p, cfg), 2);
  EXPECT_FALSE(from_hubei(p));
  auto refs = referrals(p, "430281110", cfg);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].name, "旅客3");
  EXPECT_EQ(refs[0].temperature_tenths, 373);
  EXPECT_EQ(refs[0].category, KeyCategory::kFever);
  EXPECT_EQ(refs[0].source, KeySource::kCheckpoint);
  EXPECT_EQ(refs[0].added_on, D(2020, 2, 5));
  EXPECT_EQ(refs[0].region_code, "430281110");
  EXPECT_EQ(refs[0].source_ref, "epidemic.passage:88");
  EXPECT_EQ(refs[0].note, "卡点测温37.3℃（2020-02-05T14:20 湘B12345）");
  EXPECT_EQ(refs[1].name, "旅客4");
  PassageRecord r = to_record(p, "430281110", cfg);
  EXPECT_EQ(r.region_code, "430281110");
  EXPECT_EQ(r.on, D(2020, 2, 5));
  EXPECT_EQ(r.persons, 4);
  EXPECT_EQ(r.fevers, 2);
  cfg.fever_threshold_tenths = 380;
  EXPECT_EQ(fevers(p, cfg), 1);
  EXPECT_TRUE(referrals(a_passage({372}), "430281110", EpidemicConfig{}).empty());
}

TEST(PassageTest, HubeiReferrals) {
  EpidemicConfig cfg;
  struct Row {
    std::string plate, origin;
    bool hubei;
  };
  const Row rows[] = {
      {"鄂A12345", "", true}, {"湘B12345", "湖北省黄冈市", true}, {"湘B12345", "武汉", true},
      {"", "孝感市", true},   {"湘B12345", "江西萍乡", false},    {"赣J12345", "", false},
  };
  for (const Row& r : rows)
    EXPECT_EQ(from_hubei(a_passage({365}, r.plate, r.origin)), r.hubei) << r.origin;

  Passage p = a_passage({365, 380}, "鄂A12345", "湖北省武汉市");
  auto refs = referrals(p, "430281110", cfg);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].category, KeyCategory::kHubeiReturnee);
  EXPECT_EQ(refs[0].name, "旅客1");
  ASSERT_TRUE(refs[0].travel.has_value());
  EXPECT_EQ(refs[0].travel->arrived_on, D(2020, 2, 5));
  EXPECT_EQ(refs[0].travel->from_place, "湖北省武汉市");
  EXPECT_EQ(refs[0].travel->mode, TravelMode::kCar);
  EXPECT_EQ(refs[0].travel->detail, "鄂A12345");
  EXPECT_EQ(refs[1].category, KeyCategory::kFever);  // the second traveller: both
  EXPECT_EQ(refs[2].category, KeyCategory::kHubeiReturnee);
  EXPECT_EQ(refs[2].name, "旅客2");
  // A coach, and on foot.
  std::vector<int> ten(10, 365);
  EXPECT_EQ(referrals(a_passage(ten, "鄂A12345"), "430281110", cfg)[0].travel->mode,
            TravelMode::kBus);
  EXPECT_EQ(referrals(a_passage({365}, "", "武汉"), "430281110", cfg)[0].travel->mode,
            TravelMode::kOther);
  cfg.refer_hubei_at_checkpoint = false;
  EXPECT_EQ(referrals(p, "430281110", cfg).size(), 1u);
}

}  // namespace
}  // namespace lz::epidemic
