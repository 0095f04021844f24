// Jobs on the livelihood front, the pure parts: the matching ranking (tables
// of candidates and the order they must come in, with their reasons), the
// wage-income credit arithmetic, eligibility and validation.
#include <gtest/gtest.h>

#include "livelihood/jobs.h"
#include "livelihood/matching.h"

namespace lz::livelihood {
namespace {

Date d(const char* s) {
  return *Date::parse_iso(s);
}

// The posting: processing work in village 430281126232 (官庄镇), wanting 缝纫
// and 包装, full time, starting 2020-02-15.
MatchNeeds needs() {
  return {"430281126232", "processing", {"缝纫", "包装"}, d("2020-02-15"), "full_time"};
}

Candidate cand(int64_t id, Tier tier, std::string region, std::vector<std::string> skills,
               const char* available = "2020-02-01", std::string wanted_kind = "",
               std::string wanted_place = "anywhere", std::string hours = "full_time") {
  Candidate c;
  c.labourer_id = id;
  c.person_id = 1000 + id;
  c.tier = tier;
  c.region_code = std::move(region);
  c.skills = std::move(skills);
  c.available_from = d(available);
  c.wanted_kind = std::move(wanted_kind);
  c.wanted_place = std::move(wanted_place);
  c.hours = std::move(hours);
  return c;
}

std::vector<int64_t> order(const std::vector<Ranked>& r) {
  std::vector<int64_t> out;
  for (const auto& x : r) out.push_back(x.candidate.labourer_id);
  return out;
}

bool has_reason(const Ranked& r, const std::string& code) {
  for (const auto& x : r.reasons)
    if (x.code == code) return true;
  return false;
}

TEST(JobsMatching, RankingTable) {
  const auto P = Tier::kRegisteredPoor, M = Tier::kMarginal, O = Tier::kOther;
  struct Case {
    const char* name;
    std::vector<Candidate> candidates;
    std::vector<int64_t> expected;
  } cases[] = {
      {"registered poor before marginal before others, whatever their skills",
       {cand(1, O, "430281126232", {"缝纫", "包装"}), cand(2, M, "430281126232", {"缝纫", "包装"}),
        cand(3, P, "430281101001", {})},
       {3, 2, 1}},
      {"within a tier: more skills matched first",
       {cand(1, P, "430281126232", {}), cand(2, P, "430281126232", {"缝纫", "包装"}),
        cand(3, P, "430281126232", {"包装", "电焊"})},
       {2, 3, 1}},
      {"same skills: same village, then township, then county, then outside",
       {cand(1, P, "430281101001", {"缝纫"}), cand(2, P, "430202001001", {"缝纫"}),
        cand(3, P, "430281126201", {"缝纫"}), cand(4, P, "430281126232003", {"缝纫"})},
       {4, 3, 1, 2}},
      {"same distance: available by the start first",
       {cand(1, P, "430281126232", {}, "2020-03-01"), cand(2, P, "430281126232", {}, "2020-02-15")},
       {2, 1}},
      {"then wanted work: kind and place fitting first",
       {cand(1, P, "430281126201", {}, "2020-02-01", "farming", "village"),
        cand(2, P, "430281126201", {}, "2020-02-01", "processing", "township"),
        cand(3, P, "430281126201", {}, "2020-02-01", "processing", "village")},
       {2, 3, 1}},
      {"all equal: earlier registration first",
       {cand(7, M, "430281126232", {}), cand(5, M, "430281126232", {})},
       {5, 7}},
      {"no candidates", {}, {}},
  };
  for (auto& c : cases) {
    auto r = rank(needs(), c.candidates);
    EXPECT_EQ(order(r), c.expected) << c.name;
    for (size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r[i].rank, static_cast<int>(i) + 1) << c.name;
  }
}

// rank_top keeps only `limit` candidates while ranking (a province-sized
// register): it must give exactly rank()'s first `limit`, ranks included,
// whatever order the candidates come in.
TEST(JobsMatching, TopIsThePrefixOfTheFullRanking) {
  const Tier tiers[] = {Tier::kRegisteredPoor, Tier::kMarginal, Tier::kOther};
  const char* regions[] = {"430281126232", "430281126201", "430281101001", "430202001001"};
  const char* dates[] = {"2020-02-01", "2020-02-15", "2020-03-01"};
  std::vector<std::vector<std::string>> skills = {{}, {"缝纫"}, {"包装"}, {"缝纫", "包装"}};
  std::vector<Candidate> all;
  uint64_t x = 12345;
  auto next = [&](uint64_t n) {
    x = x * 6364136223846793005ULL +
        1442695040888963407ULL;  // a fixed LCG: the same table each run
    return (x >> 33) % n;
  };
  for (int64_t id = 200; id > 0; --id)  // descending ids: the input order is not the rank order
    all.push_back(cand(id, tiers[next(3)], regions[next(4)], skills[next(4)], dates[next(3)],
                       next(2) ? "processing" : "", next(2) ? "village" : "anywhere"));
  auto full = rank(needs(), all);
  for (size_t limit : {size_t{0}, size_t{1}, size_t{7}, size_t{50}, size_t{200}, size_t{1000}}) {
    auto top = rank_top(needs(), all, limit);
    ASSERT_EQ(top.size(), std::min(limit, full.size())) << limit;
    for (size_t i = 0; i < top.size(); ++i) {
      EXPECT_EQ(top[i].candidate.labourer_id, full[i].candidate.labourer_id) << limit << " #" << i;
      EXPECT_EQ(top[i].rank, full[i].rank) << limit << " #" << i;
      EXPECT_EQ(top[i].reasons.size(), full[i].reasons.size()) << limit << " #" << i;
    }
  }
}

TEST(JobsMatching, ReasonsExplainEachRank) {
  auto r = rank(needs(), {cand(1, Tier::kMarginal, "430281126201", {"包装"}, "2020-03-01",
                               "farming", "village", "part_time")});
  ASSERT_EQ(r.size(), 1u);
  const auto& x = r[0];
  EXPECT_TRUE(has_reason(x, "tier.marginal"));
  EXPECT_TRUE(has_reason(x, "skills.matched"));
  EXPECT_TRUE(has_reason(x, "distance.same_township"));
  EXPECT_TRUE(has_reason(x, "availability.late"));
  EXPECT_TRUE(has_reason(x, "wish.kind_differs"));
  EXPECT_TRUE(has_reason(x, "wish.place_differs"));
  EXPECT_TRUE(has_reason(x, "wish.hours_differ"));
  EXPECT_EQ(x.skills_matched, 1);
  EXPECT_EQ(x.skills_missing, std::vector<std::string>{"缝纫"});
  EXPECT_EQ(x.distance, Distance::kSameTownship);
  EXPECT_FALSE(x.available_by_start);
  EXPECT_EQ(x.wish_fit, 0);
  for (const auto& reason : x.reasons) {
    EXPECT_FALSE(reason.zh.empty()) << reason.code;
    EXPECT_FALSE(reason.en.empty()) << reason.code;
  }
  EXPECT_NE(x.reasons[1].zh.find("包装"), std::string::npos);
}

// The reasons name the county neutrally (本县（市）: a county or a county-level
// city like Liling), never 本市.
TEST(JobsMatching, DistanceReasonsSayTheCounty) {
  auto r = rank(needs(), {cand(1, Tier::kRegisteredPoor, "430281101001", {}),
                          cand(2, Tier::kRegisteredPoor, "430223100201", {})});
  ASSERT_EQ(r.size(), 2u);
  auto reason = [&](int64_t id, const std::string& code) {
    for (const auto& x : r)
      if (x.candidate.labourer_id == id)
        for (const auto& y : x.reasons)
          if (y.code == code) return y;
    ADD_FAILURE() << id << " has no reason " << code;
    return Reason{};
  };
  auto same = reason(1, "distance.same_county"), farther = reason(2, "distance.farther");
  EXPECT_EQ(same.zh, "岗位在本县（市）其他镇");
  EXPECT_EQ(same.en, "The work is in another township of the county");
  EXPECT_EQ(farther.zh, "岗位在本县（市）以外");
  EXPECT_EQ(farther.en, "The work is outside the county");
}

TEST(JobsIncome, WageCreditArithmetic) {
  struct Case {
    const char* name;
    int64_t monthly;
    const char* start;
    const char* end;  // nullptr: open
    int year;
    int64_t expected;
  } cases[] = {
      {"open from 1 March: ten full months", 300000, "2020-03-01", nullptr, 2020, 3000000},
      {"open from 15 February 2020 (29 days): 15/29 of a month + 10", 290000, "2020-02-15", nullptr,
       2020, 150000 + 2900000},
      {"one full month", 250000, "2020-04-01", "2020-04-30", 2020, 250000},
      {"part of one month rounds half up", 100000, "2020-04-01", "2020-04-04", 2020, 13333},
      {"1 fen a month for 15 of 30 days rounds up", 1, "2020-04-01", "2020-04-15", 2020, 1},
      {"a whole year", 200000, "2020-01-01", nullptr, 2020, 2400000},
      {"started the year before: only this year counts", 200000, "2019-11-01", "2020-01-31", 2020,
       200000},
      {"ended before the year", 200000, "2019-03-01", "2019-12-31", 2020, 0},
      {"starts after the year", 200000, "2021-01-01", nullptr, 2020, 0},
      {"one day in a 31-day month", 310000, "2020-01-31", "2020-01-31", 2020, 10000},
      {"February of a common year (28 days)", 280000, "2021-02-01", "2021-02-14", 2021, 140000},
  };
  for (const auto& c : cases) {
    std::optional<Date> end;
    if (c.end) end = d(c.end);
    EXPECT_EQ(wage_credit_fen(c.monthly, d(c.start), end, c.year), c.expected) << c.name;
  }
}

TEST(JobsIncome, EndingEarlyCreditsBackTheDifference) {
  // 3,000 yuan a month from 10 February, open; ended on 31 March.
  int64_t open = wage_credit_fen(300000, d("2020-02-10"), std::nullopt, 2020);
  int64_t ended = wage_credit_fen(300000, d("2020-02-10"), d("2020-03-31"), 2020);
  EXPECT_EQ(ended, (300000 * 20 * 2 + 29) / 58 + 300000);  // 20 of 29 February days, all of March
  EXPECT_EQ(open - ended, 9 * 300000);                     // April to December taken back
}

TEST(JobsEligibility, PoorLiftedAndMarginalOnly) {
  EXPECT_TRUE(check_eligible(1, "张三", 10, "registered_poor").ok());
  EXPECT_TRUE(check_eligible(1, "张三", 10, "lifted").ok());
  EXPECT_TRUE(check_eligible(1, "张三", 10, "marginal").ok());
  auto st = check_eligible(1, "张三", 10, "");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "labourer.not_eligible");
  EXPECT_NE(st.error().message_zh.find("边缘户"), std::string::npos);
  EXPECT_FALSE(check_eligible(1, "张三", std::nullopt, "registered_poor").ok());
  EXPECT_EQ(tier_of("lifted"), Tier::kRegisteredPoor);
  EXPECT_EQ(tier_of("marginal"), Tier::kMarginal);
  EXPECT_EQ(tier_of(""), Tier::kOther);
  Date today = d("2020-02-12");
  EXPECT_TRUE(check_can_work("李四", "ordinary", d("1980-01-01"), today).ok());
  EXPECT_EQ(check_can_work("李四", "lost", d("1980-01-01"), today).error().code,
            "labourer.cannot_work");
  EXPECT_FALSE(check_can_work("李四", "ordinary", d("2010-01-01"), today).ok());
}

TEST(JobsValidation, LabourerAndPostingNormalised) {
  Labourer l;
  l.skills = {"电焊、驾驶", " 电焊 ", "包装，缝纫"};
  l.available_from = d("2020-02-12");
  l.hours = "全职";
  l.wanted_kind = "加工";
  l.wanted_place = "本镇";
  l.returned_from = "  广东东莞 ";
  ASSERT_TRUE(validate_labourer(l).ok());
  EXPECT_EQ(l.skills, (std::vector<std::string>{"电焊", "驾驶", "包装", "缝纫"}));
  EXPECT_EQ(l.hours, "full_time");
  EXPECT_EQ(l.wanted_kind, "processing");
  EXPECT_EQ(l.wanted_place, "township");
  EXPECT_EQ(l.returned_from, "广东东莞");
  l.wanted_kind = "摸鱼";
  auto st = validate_labourer(l);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "wanted_kind");

  Posting p;
  p.title = "缝纫工";
  p.kind = "processing";
  p.region_code = "430281126232";
  p.monthly_pay_fen = 250000;
  p.places = 0;
  p.start_date = d("2020-02-15");
  EXPECT_EQ(validate_posting(p, "430281").error().field, "places");
  p.places = 3;
  EXPECT_TRUE(validate_posting(p, "430281").ok());
  p.monthly_pay_fen = 0;
  EXPECT_EQ(validate_posting(p, "430281").error().field, "monthly_pay");

  WelfarePost w;
  w.kind = "保洁员";
  w.region_code = "430281126";
  w.monthly_pay_fen = 80000;
  EXPECT_EQ(validate_welfare_post(w, "430281").error().code, "region.not_village");
  w.region_code = "430281126232";
  ASSERT_TRUE(validate_welfare_post(w, "430281").ok());
  EXPECT_EQ(w.kind, "cleaner");
  EXPECT_EQ(w.title, "保洁员");
}

// The county is the database's, passed in: a Liling code is refused in 攸县
// (430223) and the other way round.
TEST(JobsDomain, RegionChecksFollowTheCountyGiven) {
  WelfarePost w;
  w.kind = "保洁员";
  w.monthly_pay_fen = 80000;
  w.region_code = "430223100201";
  EXPECT_TRUE(validate_welfare_post(w, "430223").ok());
  EXPECT_EQ(validate_welfare_post(w, "430281").error().code, "region.not_village");
  EXPECT_EQ(validate_welfare_post(w, "").error().code, "region.not_village");
  // In words that fit a county as well as a county-level city.
  auto refused = validate_welfare_post(w, "430281").error();
  EXPECT_NE(refused.message(Lang::kZh).find("应为本县（市）的村或社区代码"), std::string::npos)
      << refused.message(Lang::kZh);
  EXPECT_NE(refused.message(Lang::kEn).find("of the county"), std::string::npos);
  Employer e;
  e.kind = "enterprise";
  e.name = "攸县某厂";
  e.region_code = "430223100";
  EXPECT_TRUE(validate_employer(e, "430223").ok())
      << validate_employer(e, "430223").error().describe(Lang::kEn);
  EXPECT_EQ(validate_employer(e, "430281").error().field, "region_code");
  EXPECT_EQ(validate_employer(e, "430281").error().message(Lang::kZh),
            "region_code应为本县（市）的区划代码");
  Posting p;
  p.title = "缝纫工";
  p.kind = "processing";
  p.hours = "full_time";
  p.status = "open";
  p.region_code = "430223100201";
  p.monthly_pay_fen = 250000;
  p.places = 3;
  EXPECT_TRUE(validate_posting(p, "430223").ok())
      << validate_posting(p, "430223").error().describe(Lang::kEn);
  EXPECT_EQ(validate_posting(p, "430281").error().field, "region_code");
  EXPECT_EQ(validate_posting(p, "430281").error().message(Lang::kZh),
            "region_code应为本县（市）的镇或村代码");
  EXPECT_EQ(validate_posting(p, "430281").error().message(Lang::kEn),
            "region_code must be a township or village code of the county");
  EXPECT_TRUE(is_village_code("430223100201", "430223"));
  EXPECT_FALSE(is_village_code("430223100201", "430281"));
}

TEST(JobsPeriods, Overlap) {
  EXPECT_TRUE(periods_overlap(d("2020-01-01"), std::nullopt, d("2020-02-01"), std::nullopt));
  EXPECT_FALSE(periods_overlap(d("2020-01-01"), d("2020-01-31"), d("2020-02-01"), std::nullopt));
  EXPECT_TRUE(periods_overlap(d("2020-01-01"), d("2020-02-01"), d("2020-02-01"), std::nullopt));
  EXPECT_FALSE(periods_overlap(d("2020-03-01"), std::nullopt, d("2020-02-01"), d("2020-02-29")));
}

}  // namespace
}  // namespace lz::livelihood
