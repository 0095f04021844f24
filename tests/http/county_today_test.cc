// A county that is not the demo lives on the calendar: every front, the
// poverty front included, takes today as today. An observation of a lifted
// household's breadwinner recorded today opens relapse monitoring
// (epidemic_quarantine) instead of being refused as "in the future" by a
// poverty front still living on the demo's 2020-02-12.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/date.h"
#include "core/id_number.h"
#include "registry/region_tree.h"

namespace lz::http {
namespace {

using nlohmann::json;

class CountyTodayTest : public ApiFixture<CountyTodayTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_county_today_", std::nullopt));  // no demo date
    village_ = RegionTree::liling().at_level(RegionLevel::kVillage).front()->code;
    ASSERT_NO_FATAL_FAILURE(add_account("county", "county_admin", "430281"));
  }
  static void TearDownTestSuite() { close_county(); }
  static inline std::string village_;
};

TEST_F(CountyTodayTest, AQuarantinedBreadwinnerOfALiftedHouseholdIsMonitoredToday) {
  std::string today = Date::today().iso();
  std::string head = IdNumber::make("430281", *Date::from_ymd(1970, 3, 5), 11).str();
  auto h =
      call("POST", "/api/v1/households", "county",
           {{"number", "TODAY-1"},
            {"region_code", village_},
            {"members",
             json::array({{{"name", "周大海"}, {"id_number", head}, {"relationship", "01"}}})}});
  ASSERT_EQ(h.status, 201) << h.raw;
  std::string hid = std::to_string(h.body["id"].get<int64_t>());
  int64_t pid = h.body["members"][0]["id"].get<int64_t>();
  auto st = call("PUT", "/api/v1/households/" + hid + "/poverty/status", "county",
                 {{"status", "lifted"}, {"registered_year", 2015}, {"lifted_year", 2019}});
  ASSERT_LT(st.status, 300) << st.raw;

  auto kp =
      call("POST", "/api/v1/key-persons", "county",
           {{"person_id", pid},
            {"category", "hubei_returnee"},
            {"added_on", today},
            {"travel", {{"arrived_on", today}, {"from_place", "湖北武汉"}, {"mode", "train"}}}});
  ASSERT_EQ(kp.status, 201) << kp.raw;
  auto obs = call("POST", "/api/v1/observations", "county",
                  {{"person_id", pid},
                   {"kind", "home"},
                   {"last_exposure", today},
                   {"start", today},
                   {"basis", "hubei_returnee"}});
  ASSERT_EQ(obs.status, 201) << obs.raw;
  EXPECT_TRUE(obs.body["reactions"]["skipped"].empty()) << obs.raw;
  ASSERT_EQ(obs.body["reactions"]["risk_cases"].size(), 1u) << obs.raw;

  auto mon = call("GET", "/api/v1/monitoring", "county");
  ASSERT_EQ(mon.status, 200) << mon.raw;
  bool found = false;
  for (const auto& m : mon.body["items"])
    if (std::to_string(m.value("household_id", int64_t{0})) == hid) found = true;
  EXPECT_TRUE(found) << mon.raw;
  // The poverty front's day is today too.
  auto sum = call("GET", "/api/v1/poverty/summary", "county");
  EXPECT_EQ(sum.status, 200) << sum.raw;
}

}  // namespace
}  // namespace lz::http
