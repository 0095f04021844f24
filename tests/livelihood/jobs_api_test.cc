// Jobs on the livelihood front through the API on a small demo county (whose
// "today" is 2020-02-12): the labour register and who may be in it,
// employers and postings, matching, placements credited to wage income and
// seen at once by the household's check (一超过 before and after), a full
// posting refused with nothing written, welfare posts with one holder at a
// time, scoping, and the bulletin's jobs figures on hand-made data.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "../http/api_fixture.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz::http {
namespace {

using nlohmann::json;

class JobsApiTest : public ApiFixture<JobsApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_jobs_api_", 7));
    auto& db = svc_->store->db();
    // A registered-poor household (not lifted) with two working-age members
    // with labour capacity not yet in the labour register.
    auto s = db.prepare(
        "SELECT h.id, h.region_code FROM household h JOIN poverty_household ph ON ph.household_id "
        "= h.id WHERE "
        "ph.status IN ('registered_poor', 'lifted') AND (SELECT COUNT(*) FROM person p WHERE p.household_id = "
        "h.id AND "
        "p.labour IN ('ordinary','skilled') AND p.birth_date BETWEEN '1962-01-01' AND '2000-01-01' "
        "AND NOT EXISTS "
        "(SELECT 1 FROM labourer l WHERE l.person_id = p.id)) >= 2 ORDER BY h.id LIMIT 1");
    ASSERT_TRUE(s.step());
    poor_ = s.i64(0);
    region_ = s.str(1);
    auto m = db.prepare(
        "SELECT p.id FROM person p WHERE p.household_id = ? AND p.labour IN ('ordinary','skilled') "
        "AND "
        "p.birth_date BETWEEN '1962-01-01' AND '2000-01-01' AND NOT EXISTS (SELECT 1 FROM labourer "
        "l WHERE "
        "l.person_id = p.id) ORDER BY p.id");
    m.bind(1, poor_);
    while (m.step()) workers_.push_back(m.i64(0));
    auto n = db.prepare("SELECT COUNT(*) FROM person WHERE household_id = ?");
    n.bind(1, poor_);
    n.step();
    size_ = n.i64(0);
    // A household outside the poverty register, and a person of another township.
    auto o = db.prepare(
        "SELECT p.id FROM person p WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
        "poverty_household "
        "ph WHERE ph.household_id = p.household_id) AND p.labour = 'ordinary' ORDER BY p.id LIMIT "
        "1");
    ASSERT_TRUE(o.step());
    not_poor_person_ = o.i64(0);
    auto x = db.prepare(
        "SELECT l.id FROM labourer l WHERE substr(l.region_code, 1, 9) != ? AND l.status = "
        "'available' ORDER BY l.id "
        "LIMIT 1");
    x.bind(1, region_.substr(0, 9));
    ASSERT_TRUE(x.step());
    other_labourer_ = x.i64(0);
    add_account("county", "county_admin", "430281");
    add_account("officer", "township_officer", region_.substr(0, 9));
    add_account("villager", "village_cadre", region_.substr(0, 12));
  }
  static void TearDownTestSuite() { close_county(); }
  int64_t scalar(const std::string& sql, int64_t bind = 0) {
    auto s = svc_->store->db().prepare(sql);
    if (sql.find('?') != std::string::npos) s.bind(1, bind);
    s.step();
    return s.i64(0);
  }
  int64_t wage_fen(int64_t household) {
    return scalar(
        "SELECT COALESCE(wage_fen, 0) FROM poverty_income WHERE year = 2020 AND household_id = ?",
        household);
  }
  // An employer and a posting in the household's township.
  int64_t make_posting(int places, const char* start = "2020-02-01", double pay = 3000) {
    static int n = 0;
    auto e = call("POST", "/api/v1/employers", "officer",
                  {{"kind", "poverty_workshop"},
                   {"name", "测试扶贫车间" + std::to_string(++n)},
                   {"region_code", region_.substr(0, 12)},
                   {"contact_name", "王主任"},
                   {"contact_phone", "13800001111"}});
    EXPECT_EQ(e.status, 201) << e.body.dump();
    auto p = call("POST", "/api/v1/job-postings", "officer",
                  {{"employer_id", e.body["id"]},
                   {"title", "缝纫工"},
                   {"kind", "processing"},
                   {"region_code", region_.substr(0, 12)},
                   {"monthly_pay", pay},
                   {"places", places},
                   {"start_date", start},
                   {"skills", {"缝纫"}}});
    EXPECT_EQ(p.status, 201) << p.body.dump();
    return p.body["id"];
  }
  int64_t register_worker(size_t i) {
    auto r = call("POST", "/api/v1/labourers", "villager",
                  {{"person_id", workers_.at(i)},
                   {"skills", {"缝纫", "包装"}},
                   {"available_from", "2020-02-01"},
                   {"returned_from", "广东东莞"},
                   {"wanted_kind", "加工"},
                   {"wanted_place", "township"}});
    EXPECT_EQ(r.status, 201) << r.body.dump();
    return r.body.value("id", int64_t{0});
  }

  static inline std::string region_;
  static inline int64_t poor_ = 0, size_ = 0, not_poor_person_ = 0, other_labourer_ = 0;
  static inline std::vector<int64_t> workers_;
};

TEST_F(JobsApiTest, DemoCountyHasJobs) {
  EXPECT_GT(scalar("SELECT COUNT(*) FROM labourer"), 20);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM labourer WHERE returned_from LIKE '广东%'"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM employer WHERE name LIKE '%吉泰农牧%' AND kind = "
                   "'poverty_enterprise'"),
            1);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM employer WHERE kind = 'poverty_workshop'"), 2);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM placement WHERE start_date < '2020-02-12'"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM welfare_holding h JOIN welfare_post w ON w.id = h.post_id "
                   "WHERE w.kind = "
                   "'cleaner'"),
            0);
  // Never over-filled.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM job_posting j WHERE (SELECT COUNT(*) FROM placement p "
                   "WHERE p.posting_id = "
                   "j.id AND p.end_date IS NULL) > j.places"),
            0);
  auto b = call("GET", "/api/v1/bulletin?date=2020-02-12", "county");
  ASSERT_EQ(b.status, 200) << b.body.dump();
  EXPECT_GT(b.body["livelihood"]["poor_labourers_placed"].get<int64_t>(), 0);
  EXPECT_GT(b.body["livelihood"]["welfare_posts_filled"].get<int64_t>(), 0);
}

TEST_F(JobsApiTest, OnlyPoorLiftedOrMarginalMembersMayRegister) {
  auto r = call("POST", "/api/v1/labourers", "county", {{"person_id", not_poor_person_}});
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body["code"], "labourer.not_eligible");
  auto en = call("POST", "/api/v1/labourers", "county", {{"person_id", not_poor_person_}}, "en");
  EXPECT_NE(en.body["detail"].get<std::string>().find("marginal"), std::string::npos)
      << en.body.dump();
  auto bad = call("POST", "/api/v1/labourers", "county",
                  {{"person_id", workers_[0]}, {"wanted_place", "火星"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["errors"][0]["field"], "wanted_place") << bad.body.dump();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM labourer WHERE person_id = ?", workers_[0]), 0);
}

TEST_F(JobsApiTest, PlacementRaisesWageIncomeAndTheCheckSeesIt) {
  // The household's 2020 income: 1,000 yuan a person of transfers, nothing else.
  auto& db = svc_->store->db();
  auto u = db.prepare(
      "INSERT INTO poverty_income (household_id, year, wage_fen, business_fen, property_fen, "
      "transfer_fen, "
      "business_costs_fen, updated_at, updated_by) VALUES (?2, 2020, 0, 0, 0, ?1, 0, "
      "'2020-02-12T00:00:00Z', 't') "
      "ON CONFLICT (household_id, year) DO UPDATE SET wage_fen = 0, business_fen = 0, property_fen "
      "= 0, "
      "business_costs_fen = 0, transfer_fen = ?1");
  u.bind(1, size_ * 100000).bind(2, poor_);
  ASSERT_TRUE(u.exec().ok());
  auto before = svc_->poverty->recheck(poor_, Actor{"test", "", ""});
  ASSERT_TRUE(before.ok()) << before.error().describe();
  ASSERT_EQ(before->result.find("income.above_line")->outcome, poverty::Outcome::kGap);

  int64_t labourer = register_worker(0);
  int64_t posting = make_posting(2);
  // The village cadre sees the labourer ranked for the posting, poor first.
  auto m = call("GET", "/api/v1/job-postings/" + std::to_string(posting) + "/matches", "villager");
  ASSERT_EQ(m.status, 200) << m.body.dump();
  ASSERT_FALSE(m.body["items"].empty());
  EXPECT_EQ(m.body["items"][0]["tier"], "registered_poor");
  bool found = false;
  for (const auto& it : m.body["items"])
    if (it["labourer_id"] == labourer) {
      found = true;
      EXPECT_EQ(it["skills_matched"], 1);
      EXPECT_FALSE(it["reasons"].empty());
    }
  EXPECT_TRUE(found);

  // Only command roles place.
  json place = {{"labourer_id", labourer}, {"posting_id", posting}, {"start_date", "2020-02-01"}};
  EXPECT_EQ(call("POST", "/api/v1/placements", "villager", place).status, 403);
  auto p = call("POST", "/api/v1/placements", "officer", place);
  ASSERT_EQ(p.status, 201) << p.body.dump();
  // 3,000 yuan from 1 February: 11 months.
  EXPECT_DOUBLE_EQ(p.body["credited_wage"].get<double>(), 33000.0);
  EXPECT_DOUBLE_EQ(p.body["income"]["wage_before"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(p.body["income"]["wage_after"].get<double>(), 33000.0);
  EXPECT_EQ(p.body["income"]["check"]["income_above_line"], "pass") << p.body.dump();
  EXPECT_EQ(wage_fen(poor_), 3300000);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM check_finding WHERE household_id = ? AND rule_id = "
                   "'income.above_line'",
                   poor_),
            0);
  EXPECT_EQ(call("GET", "/api/v1/labourers/" + std::to_string(labourer), "villager").body["status"],
            "placed");

  // Ended on 11 February: 11 of February's 29 days are kept, the rest taken back.
  int64_t id = p.body["id"];
  auto future = call("POST", "/api/v1/placements/" + std::to_string(id) + "/end", "officer",
                     {{"end_date", "2020-02-29"}, {"version", 1}});
  EXPECT_EQ(future.status, 422) << future.body.dump();
  auto e = call("POST", "/api/v1/placements/" + std::to_string(id) + "/end", "officer",
                {{"end_date", "2020-02-11"}, {"reason", "返回广东务工"}, {"version", 1}});
  ASSERT_EQ(e.status, 200) << e.body.dump();
  const int64_t kept = (300000 * 11 * 2 + 29) / 58;  // 113,793 fen
  EXPECT_DOUBLE_EQ(e.body["credited_wage"].get<double>(), kept / 100.0);
  EXPECT_DOUBLE_EQ(e.body["income"]["credited"].get<double>(), (kept - 3300000) / 100.0);
  EXPECT_EQ(wage_fen(poor_), kept);
  EXPECT_EQ(e.body["income"]["check"]["income_above_line"], "gap");
  EXPECT_EQ(call("GET", "/api/v1/labourers/" + std::to_string(labourer), "villager").body["status"],
            "available");
  // A stale version is refused.
  auto stale = call("POST", "/api/v1/placements/" + std::to_string(id) + "/end", "officer",
                    {{"end_date", "2020-02-05"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
}

TEST_F(JobsApiTest, AFullPostingIsRefusedAndNothingIsWritten) {
  int64_t a = register_worker(1);
  int64_t posting = make_posting(1);
  auto first = call("POST", "/api/v1/placements", "county",
                    {{"labourer_id", a}, {"posting_id", posting}, {"start_date", "2020-02-05"}});
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["posting"]["status"], "filled");
  EXPECT_EQ(first.body["posting"]["filled"], 1);
  int64_t wage_other = scalar(
      "SELECT COALESCE((SELECT wage_fen FROM poverty_income WHERE year = 2020 AND household_id = "
      "l.household_id), -1) "
      "FROM labourer l WHERE l.id = ?",
      other_labourer_);
  int64_t audits = scalar("SELECT COUNT(*) FROM audit_log");
  int64_t placements = scalar("SELECT COUNT(*) FROM placement");
  auto second = call(
      "POST", "/api/v1/placements", "county",
      {{"labourer_id", other_labourer_}, {"posting_id", posting}, {"start_date", "2020-02-05"}});
  EXPECT_EQ(second.status, 409) << second.body.dump();
  EXPECT_EQ(second.body["code"], "job_posting.full");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audits);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM placement"), placements);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM labourer WHERE id = ? AND status = 'available'",
                   other_labourer_),
            1);
  EXPECT_EQ(scalar("SELECT COALESCE((SELECT wage_fen FROM poverty_income WHERE year = 2020 AND "
                   "household_id = "
                   "l.household_id), -1) FROM labourer l WHERE l.id = ?",
                   other_labourer_),
            wage_other);
  // The same labourer twice in one period is refused too.
  int64_t posting2 = make_posting(3);
  auto twice = call("POST", "/api/v1/placements", "county",
                    {{"labourer_id", a}, {"posting_id", posting2}, {"start_date", "2020-02-06"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body["code"], "labourer.already_placed");
}

TEST_F(JobsApiTest, AVillageCadreSeesAndRegistersOnlyTheirVillage) {
  auto list = call("GET", "/api/v1/labourers?limit=1000", "villager");
  ASSERT_EQ(list.status, 200);
  for (const auto& l : list.body["items"])
    EXPECT_EQ(l["region_code"].get<std::string>().substr(0, 12), region_.substr(0, 12));
  EXPECT_EQ(call("GET", "/api/v1/labourers/" + std::to_string(other_labourer_), "villager").status,
            404);
  EXPECT_EQ(call("GET", "/api/v1/labourers/" + std::to_string(other_labourer_), "county").status,
            200);
  int64_t other_person = scalar(
      "SELECT p.id FROM person p JOIN poverty_household ph ON ph.household_id = p.household_id "
      "WHERE "
      "substr(p.region_code, 1, 12) != '" +
      region_.substr(0, 12) +
      "' AND NOT EXISTS (SELECT 1 FROM labourer l WHERE l.person_id = p.id) AND p.labour = "
      "'ordinary' "
      "ORDER BY p.id LIMIT 1");
  auto r = call("POST", "/api/v1/labourers", "villager", {{"person_id", other_person}});
  EXPECT_EQ(r.status, 404) << r.body.dump();
  auto pl = call("GET", "/api/v1/placements?limit=1000", "villager");
  ASSERT_EQ(pl.status, 200);
  for (const auto& x : pl.body["items"])
    EXPECT_EQ(x["region_code"].get<std::string>().substr(0, 12), region_.substr(0, 12));
  // Employers and postings carry no personal data: the county's are listed.
  EXPECT_EQ(call("GET", "/api/v1/job-postings", "villager").status, 200);
  EXPECT_EQ(
      call("POST", "/api/v1/employers", "villager",
           {{"kind", "enterprise"}, {"name", "越权企业"}, {"region_code", region_.substr(0, 12)}})
          .status,
      403);
}

TEST_F(JobsApiTest, WelfarePostHasOneHolderAtATime) {
  auto w = call(
      "POST", "/api/v1/welfare-posts", "officer",
      {{"kind", "mask_collector"}, {"region_code", region_.substr(0, 12)}, {"monthly_pay", 800}});
  ASSERT_EQ(w.status, 201) << w.body.dump();
  EXPECT_EQ(w.body["title"], "口罩回收员");
  std::string base = "/api/v1/welfare-posts/" + std::to_string(w.body["id"].get<int64_t>());
  int64_t wage0 = wage_fen(poor_);
  auto h = call("POST", base + "/holder", "officer",
                {{"person_id", workers_[1]}, {"from_date", "2020-02-01"}});
  ASSERT_EQ(h.status, 201) << h.body.dump();
  EXPECT_DOUBLE_EQ(h.body["credited_wage"].get<double>(), 8800.0);  // 11 months x 800
  EXPECT_EQ(wage_fen(poor_), wage0 + 880000);
  auto again = call("POST", base + "/holder", "officer",
                    {{"person_id", workers_[0]}, {"from_date", "2020-02-10"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["code"], "welfare_post.held");
  auto got = call("GET", base, "villager");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body["holder"]["person_id"], workers_[1]);
  auto rel = call("POST", base + "/release", "officer",
                  {{"to_date", "2020-02-11"}, {"reason", "外出务工"}});
  ASSERT_EQ(rel.status, 200) << rel.body.dump();
  EXPECT_EQ(wage_fen(poor_), wage0 + (80000 * 11 * 2 + 29) / 58);  // 11 of 29 February days
  auto next = call("POST", base + "/holder", "officer",
                   {{"person_id", workers_[0]}, {"from_date", "2020-02-12"}});
  EXPECT_EQ(next.status, 201) << next.body.dump();
  auto posts = call("GET", "/api/v1/welfare-posts?held=true", "villager");
  ASSERT_EQ(posts.status, 200);
  EXPECT_GE(posts.body["total"].get<int64_t>(), 1);
}

TEST_F(JobsApiTest, EveryJobsRouteIsInTheOpenApiDocument) {
  auto doc = call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  for (const char* p :
       {"/api/v1/labourers", "/api/v1/labourers/{id}", "/api/v1/employers",
        "/api/v1/employers/{id}", "/api/v1/job-postings", "/api/v1/job-postings/{id}",
        "/api/v1/job-postings/{id}/status", "/api/v1/job-postings/{id}/matches",
        "/api/v1/placements", "/api/v1/placements/{id}", "/api/v1/placements/{id}/end",
        "/api/v1/welfare-posts", "/api/v1/welfare-posts/{id}", "/api/v1/welfare-posts/{id}/holder",
        "/api/v1/welfare-posts/{id}/release"})
    EXPECT_TRUE(doc.body["paths"].contains(p)) << p;
  for (const char* s :
       {"Labourer", "LabourerInput", "JobPosting", "Match", "PlacementResult", "WelfarePost"})
    EXPECT_TRUE(doc.body["components"]["schemas"].contains(s)) << s;
}

// ---------------------------------------------------------------- bulletin on hand-made data

TEST(JobsBulletin, FiguresCountRunningPlacementsAndHeldPosts) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("lz_jobs_bulletin_" + std::to_string(::getpid()) + ".db"))
                         .string();
  for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path + suf);
  {
    auto svc = Services::open(path);
    ASSERT_TRUE(svc.ok());
    auto& db = (*svc)->store->db();
    // Two households of 瓦子坪村 (registered poor, marginal) and one of another township
    // (registered poor).
    const char* v1 = "430281126232";
    std::string v2 = "";
    {
      auto s = db.prepare(
          "SELECT code FROM region WHERE length(code) = 12 AND substr(code, 1, 9) != '430281126' "
          "ORDER BY code LIMIT 1");
      ASSERT_TRUE(s.step());
      v2 = s.str(0);
    }
    std::string now = "2020-01-01T00:00:00Z";
    auto household = [&](const std::string& region, const char* status, const char* id_number) {
      auto h = db.prepare(
          "INSERT INTO household (number, region_code, created_at, created_by, updated_at, "
          "updated_by) VALUES "
          "(?,?,?,'t',?,'t')");
      h.bind(1, std::string("H") + id_number).bind(2, region).bind(3, now).bind(4, now);
      EXPECT_TRUE(h.exec().ok());
      int64_t hid = sqlite3_last_insert_rowid(db.handle());
      auto p = db.prepare(
          "INSERT INTO person (household_id, name, id_number, sex, birth_date, relationship, "
          "labour, region_code, "
          "created_at, created_by, updated_at, updated_by) VALUES (?, '劳动力', ?, 'male', "
          "'1985-05-05', '01', "
          "'ordinary', ?, ?, 't', ?, 't')");
      p.bind(1, hid).bind(2, id_number).bind(3, region).bind(4, now).bind(5, now);
      EXPECT_TRUE(p.exec().ok());
      int64_t pid = sqlite3_last_insert_rowid(db.handle());
      auto ph = db.prepare(
          "INSERT INTO poverty_household (household_id, status, registered_year, created_at, "
          "created_by, updated_at, "
          "updated_by) VALUES (?,?,2016,?,'t',?,'t')");
      ph.bind(1, hid).bind(2, status).bind(3, now).bind(4, now);
      EXPECT_TRUE(ph.exec().ok());
      return pid;
    };
    int64_t poor = household(v1, "registered_poor", "430281198505050011");
    int64_t marginal = household(v1, "marginal", "430281198505050038");
    int64_t far = household(v2, "lifted", "430281198505050054");
    auto& jobs = *(*svc)->jobs;
    Actor a{"t", "", ""};
    auto reg = [&](int64_t pid) {
      livelihood::Labourer l;
      l.person_id = pid;
      l.available_from = *Date::parse_iso("2020-01-01");
      auto r = jobs.register_labourer(l, a);
      EXPECT_TRUE(r.ok()) << r.error().describe();
      return r->l.id;
    };
    livelihood::Employer e;
    e.kind = "poverty_workshop";
    e.name = "手工车间";
    e.region_code = v1;
    auto emp = jobs.add_employer(e, a);
    ASSERT_TRUE(emp.ok()) << emp.error().describe();
    livelihood::Posting p;
    p.employer_id = emp->id;
    p.title = "包装工";
    p.kind = "processing";
    p.region_code = v1;
    p.monthly_pay_fen = 200000;
    p.places = 5;
    p.start_date = *Date::parse_iso("2020-02-01");
    auto posting = jobs.add_posting(p, a);
    ASSERT_TRUE(posting.ok()) << posting.error().describe();
    auto place = [&](int64_t lid, const char* start, std::optional<const char*> end) {
      app::PlacementInput in;
      in.labourer_id = lid;
      in.posting_id = posting->id;
      in.start_date = *Date::parse_iso(start);
      if (end) in.end_date = Date::parse_iso(*end);
      auto r = jobs.place(in, a);
      EXPECT_TRUE(r.ok()) << r.error().describe();
    };
    place(reg(poor), "2020-02-03", std::nullopt);      // poor, running from 3 Feb
    place(reg(marginal), "2020-02-03", std::nullopt);  // marginal: not counted
    place(reg(far), "2020-02-05", "2020-02-08");       // lifted (counts as poor), 5-8 Feb only
    livelihood::WelfarePost w;
    w.kind = "cleaner";
    w.region_code = v1;
    w.monthly_pay_fen = 80000;
    auto post = jobs.add_welfare_post(w, a);
    ASSERT_TRUE(post.ok());
    ASSERT_TRUE(jobs.assign_welfare_post(post->id, marginal, *Date::parse_iso("2020-02-04"),
                                         std::nullopt, a)
                    .ok());
    w.region_code = v2;
    auto post2 = jobs.add_welfare_post(w, a);
    ASSERT_TRUE(post2.ok());  // never held

    struct Case {
      const char* day;
      std::string prefix;
      int64_t placed, posts;
    } cases[] = {
        {"2020-02-02", "", 0, 0},          {"2020-02-03", "", 1, 0},
        {"2020-02-04", "", 1, 1},          {"2020-02-06", "", 2, 1},
        {"2020-02-08", "", 2, 1},          {"2020-02-09", "", 1, 1},
        {"2020-02-06", "430281126", 1, 1}, {"2020-02-06", v2, 1, 0},
        {"2020-02-06", "430281999", 0, 0},
    };
    for (const auto& c : cases) {
      livelihood::LivelihoodFigures f;
      ASSERT_TRUE(sqlite::fill_jobs_figures(db, *Date::parse_iso(c.day), c.prefix, f).ok());
      EXPECT_EQ(f.poor_labourers_placed, c.placed) << c.day << " " << c.prefix;
      EXPECT_EQ(f.welfare_posts_filled, c.posts) << c.day << " " << c.prefix;
    }
  }
  for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path + suf);
}

// A region code of the right shape that is not in the division tree (here a
// village number no township has) is refused by the store as region.not_found
// naming region_code, and nothing is written: employers, postings, welfare posts.
TEST_F(JobsApiTest, UnknownRegionIsRefusedAndNothingWritten) {
  std::string nowhere = region_.substr(0, 9) + "999";
  int64_t posting = make_posting(1);
  int64_t employer = scalar("SELECT employer_id FROM job_posting WHERE id = ?", posting);
  auto rows = [&] {
    return scalar(
        "SELECT (SELECT COUNT(*) FROM employer) + (SELECT COUNT(*) FROM job_posting) + "
        "(SELECT COUNT(*) FROM welfare_post) + (SELECT COUNT(*) FROM audit_log)");
  };
  token("county");  // its login is audited: before the count
  int64_t before = rows();
  auto e = call("POST", "/api/v1/employers", "county",
                {{"kind", "enterprise"},
                 {"name", "无处企业"},
                 {"region_code", nowhere},
                 {"contact_name", "王"},
                 {"contact_phone", "13800001111"}});
  auto p = call("POST", "/api/v1/job-postings", "county",
                {{"employer_id", employer},
                 {"title", "无处岗位"},
                 {"kind", "processing"},
                 {"region_code", nowhere},
                 {"monthly_pay", 2000},
                 {"places", 1},
                 {"start_date", "2020-02-15"}});
  auto w = call(
      "POST", "/api/v1/welfare-posts", "county",
      {{"kind", "cleaner"}, {"title", "无处保洁"}, {"region_code", nowhere}, {"monthly_pay", 500}});
  for (const auto* r : {&e, &p, &w}) {
    EXPECT_EQ(r->status, 422) << r->body.dump();
    EXPECT_EQ(r->body.value("code", ""), "region.not_found") << r->body.dump();
    ASSERT_TRUE(r->body["errors"].is_array()) << r->body.dump();
    EXPECT_EQ(r->body["errors"][0].value("field", ""), "region_code");
  }
  EXPECT_EQ(rows(), before);
}

}  // namespace
}  // namespace lz::http
