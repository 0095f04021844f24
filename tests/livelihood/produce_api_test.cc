// Produce matching through the API on a small demo county (its "today" is the
// demo date, 2020-02-12): the demo's Shiting points, listings, prices,
// purchases credited to the household's income and seen by its check, refused
// purchases leaving everything as it was, the backstop dispatch, unsold
// produce per township, the public page, who sees what, and the bulletin.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "../http/api_fixture.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"
#include "livelihood/units.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz::http {
namespace {

using nlohmann::json;
const char* kShiting = "430281122";

class ProduceApiTest : public ApiFixture<ProduceApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_produce_api_", 7));
    auto& db = svc_->store->db();
    // A lifted household of Shiting with a paired cadre, and its village.
    auto s = db.prepare(
        "SELECT h.id, h.region_code, pr.cadre_id, (SELECT COUNT(*) FROM person p WHERE "
        "p.household_id = h.id AND "
        "p.deleted_at IS NULL) FROM household h JOIN poverty_household ph ON ph.household_id = "
        "h.id JOIN pairing pr "
        "ON pr.household_id = h.id AND pr.to_date IS NULL WHERE ph.status = 'lifted' AND "
        "h.region_code LIKE "
        "'430281122%' ORDER BY h.id LIMIT 1");
    ASSERT_TRUE(s.step());
    household_ = s.i64(0);
    village_ = s.str(1).substr(0, 12);
    cadre_ = s.i64(2);
    persons_ = s.i64(3);
    // A household of another township.
    auto o = db.prepare(
        "SELECT id FROM household WHERE region_code NOT LIKE '430281122%' ORDER BY id LIMIT 1");
    ASSERT_TRUE(o.step());
    other_household_ = o.i64(0);
    auto p = db.prepare("SELECT MIN(id) FROM purchase_point WHERE region_code = '430281122'");
    ASSERT_TRUE(p.step());
    demo_point_ = p.i64(0);
    add_account("county", "county_admin", "430281");
    add_account("officer", "township_officer", kShiting);
    add_account("other_officer", "township_officer", "430281105");
    add_account("villager", "village_cadre", village_);
    add_account("mine", "paired_cadre", "", {.cadre_id = cadre_});
    add_account("operator", "purchase_point_operator", "", {.purchase_point_id = demo_point_});
  }
  static void TearDownTestSuite() { close_county(); }
  int64_t count(const std::string& sql) {
    auto s = svc_->store->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  std::string income_outcome(int64_t hid) {
    auto r = call("GET", "/api/v1/households/" + std::to_string(hid) + "/check", "county");
    EXPECT_EQ(r.status, 200) << r.raw;
    for (const auto& x : r.body["rules"])
      if (x["id"] == "income.above_line") return x["outcome"];
    return "";
  }
  // A point of our own with room for big purchases.
  int64_t big_point() {
    static int64_t id = 0;
    if (id) return id;
    auto r = call("POST", "/api/v1/purchase-points", "officer",
                  {{"name", "测试收购点"},
                   {"region_code", kShiting},
                   {"capacity_jin", 5000},
                   {"place", "镇农贸市场"},
                   {"operator_name", "王收购"},
                   {"phone", "13800000000"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    id = r.body["id"];
    return id;
  }

  static inline int64_t household_ = 0, other_household_ = 0, cadre_ = 0, persons_ = 0,
                        demo_point_ = 0;
  static inline std::string village_;
};

TEST_F(ProduceApiTest, DemoShitingPointsBuyAbout10000JinADay) {
  auto r = call("GET", "/api/v1/purchase-points?region=430281122", "county");
  ASSERT_EQ(r.status, 200) << r.raw;
  int at_checkpoints = 0;
  for (const auto& p : r.body["items"]) at_checkpoints += p["checkpoint_id"].is_number();
  EXPECT_GE(at_checkpoints, 10);
  // A past day: about 10,000 jin bought at Shiting's points.
  auto s = svc_->store->db().prepare(
      "SELECT SUM(grams) FROM produce_purchase WHERE on_date = '2020-02-10' AND point_id IS NOT "
      "NULL");
  ASSERT_TRUE(s.step());
  double jin = livelihood::grams_to_jin(s.i64(0));
  EXPECT_GT(jin, 8500);
  EXPECT_LT(jin, 11500);
  // Households whose vegetables went unsold before being bought.
  EXPECT_GE(count("SELECT COUNT(DISTINCT l.id) FROM produce_listing l JOIN produce_purchase p ON "
                  "p.listing_id = l.id "
                  "WHERE p.on_date > l.listed_on"),
            3);
  EXPECT_GE(count("SELECT COUNT(*) FROM produce_purchase WHERE buyer_id IS NOT NULL"), 1);
  // The bulletin's livelihood section.
  auto b = call("GET", "/api/v1/bulletin?date=2020-02-12", "county");
  ASSERT_EQ(b.status, 200) << b.raw;
  EXPECT_GT(b.body["livelihood"]["produce_bought_jin_total"].get<double>(), 100000);
  EXPECT_GT(b.body["livelihood"]["produce_bought_jin_today"].get<double>(), 0);
  EXPECT_GT(b.body["livelihood"]["paid_to_poor_households_yuan_total"].get<double>(), 0);
}

TEST_F(ProduceApiTest, PurchaseRaisesIncomeInTheCheck) {
  // Income recorded just below the line: 3,000 yuan a person.
  poverty::Income inc{0, 3000 * 100 * persons_, 0, 0, 0};
  ASSERT_TRUE(svc_->poverty_store->set_income(household_, 2020, inc, Actor{"test", "", ""}).ok());
  EXPECT_EQ(income_outcome(household_), "gap");
  int64_t pt = big_point();
  // 1,000 jin at 1.5 yuan x persons a jin: 1,500 yuan a person more.
  auto r = call("POST", "/api/v1/purchases", "officer",
                {{"point_id", pt},
                 {"household_id", household_},
                 {"kind", "白菜"},
                 {"jin", 1000},
                 {"price", 1.5 * static_cast<double>(persons_)}});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_DOUBLE_EQ(r.body["amount"].get<double>(), 1500.0 * static_cast<double>(persons_));
  EXPECT_EQ(r.body["kind"], "cabbage");
  EXPECT_EQ(r.body["poor"], true);  // lifted counts
  EXPECT_DOUBLE_EQ(r.body["income"]["business_before"].get<double>(),
                   3000.0 * static_cast<double>(persons_));
  EXPECT_DOUBLE_EQ(r.body["income"]["business_after"].get<double>(),
                   4500.0 * static_cast<double>(persons_));
  EXPECT_EQ(r.body["poverty_check"]["status"], "lifted");
  EXPECT_EQ(r.body["poverty_check"]["income_above_line"]["outcome"], "pass");
  EXPECT_EQ(income_outcome(household_), "pass");
  // The stored check was saved too (the re-check in the same transaction).
  auto s = svc_->store->db().prepare(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.create' AND entity_id = ?");
  s.bind(1, std::to_string(r.body["id"].get<int64_t>()));
  s.step();
  EXPECT_EQ(s.i64(0), 1);
}

TEST_F(ProduceApiTest, ListingPurchaseWithdrawAndRefusals) {
  int64_t pt = big_point();
  auto l = call("POST", "/api/v1/produce/listings", "villager",
                {{"household_id", household_},
                 {"kind", "萝卜"},
                 {"jin", 100},
                 {"expected_price", 0.9},
                 {"sell_by", "2020-02-15"}});
  ASSERT_EQ(l.status, 201) << l.raw;
  int64_t lid = l.body["id"];
  EXPECT_EQ(l.body["kind"], "radish");
  EXPECT_DOUBLE_EQ(l.body["remaining_jin"].get<double>(), 100);
  // The day's price list of the point.
  auto pr = call(
      "PUT", "/api/v1/purchase-points/" + std::to_string(pt) + "/prices", "officer",
      {{"prices", {{{"kind", "radish"}, {"price", 0.85}}, {{"kind", "cabbage"}, {"price", 1.2}}}}});
  ASSERT_EQ(pr.status, 200) << pr.raw;
  // 40 jin at the listed price: 34.00 yuan; 60 remain.
  auto p = call("POST", "/api/v1/purchases", "officer",
                {{"point_id", pt}, {"listing_id", lid}, {"jin", 40}});
  ASSERT_EQ(p.status, 201) << p.raw;
  EXPECT_DOUBLE_EQ(p.body["price"].get<double>(), 0.85);
  EXPECT_DOUBLE_EQ(p.body["amount"].get<double>(), 34.0);
  EXPECT_DOUBLE_EQ(p.body["listing"]["remaining_jin"].get<double>(), 60);

  // Refused purchases write nothing: more than the listing holds (409, jin).
  int64_t purchases = count("SELECT COUNT(*) FROM produce_purchase");
  int64_t audits = count("SELECT COUNT(*) FROM audit_log");
  int64_t income = count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income");
  auto over = call("POST", "/api/v1/purchases", "officer",
                   {{"point_id", pt}, {"listing_id", lid}, {"jin", 61}});
  EXPECT_EQ(over.status, 409) << over.raw;
  EXPECT_EQ(over.body["code"], "purchase.exceeds_listing");
  EXPECT_EQ(over.body["errors"][0]["field"], "jin");
  auto en = call("POST", "/api/v1/purchases", "officer",
                 {{"point_id", pt}, {"listing_id", lid}, {"jin", 61}}, "en");
  EXPECT_NE(en.body["detail"].get<std::string>().find("remain"), std::string::npos) << en.raw;
  // More than the point can still take today (5,000 jin a day).
  auto cap =
      call("POST", "/api/v1/purchases", "officer",
           {{"point_id", pt}, {"household_id", household_}, {"kind", "cabbage"}, {"jin", 5000}});
  EXPECT_EQ(cap.status, 409) << cap.raw;
  EXPECT_EQ(cap.body["code"], "purchase.exceeds_capacity");
  // No price listed for the kind that day (422, price).
  auto noprice =
      call("POST", "/api/v1/purchases", "officer",
           {{"point_id", pt}, {"household_id", household_}, {"kind", "celery"}, {"jin", 5}});
  EXPECT_EQ(noprice.status, 422) << noprice.raw;
  EXPECT_EQ(noprice.body["errors"][0]["field"], "price");
  EXPECT_EQ(count("SELECT COUNT(*) FROM produce_purchase"), purchases);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits);
  EXPECT_EQ(count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income"), income);
  auto again = call("GET", "/api/v1/produce/listings/" + std::to_string(lid), "officer");
  EXPECT_DOUBLE_EQ(again.body["remaining_jin"].get<double>(), 60);

  // Withdraw (needs the version); a second withdrawal is a conflict.
  auto w = call("POST", "/api/v1/produce/listings/" + std::to_string(lid) + "/withdraw", "villager",
                {{"version", again.body["version"]}});
  ASSERT_EQ(w.status, 200) << w.raw;
  EXPECT_EQ(w.body["status"], "withdrawn");
  auto w2 = call("POST", "/api/v1/produce/listings/" + std::to_string(lid) + "/withdraw",
                 "villager", {{"version", w.body["version"]}});
  EXPECT_EQ(w2.status, 409);
  auto p2 = call("POST", "/api/v1/purchases", "officer",
                 {{"point_id", pt}, {"listing_id", lid}, {"jin", 1}});
  EXPECT_EQ(p2.status, 409);
  EXPECT_EQ(p2.body["code"], "purchase.listing_closed");
}

// A purchase's amounts are checked as the body is read: jin and price must
// be numbers that convert (jin 0 to 10^9, yuan 0 or more), each error naming
// its field, and nothing is bought.
TEST_F(ProduceApiTest, PurchaseAmountsAreCheckedByField) {
  int64_t pt = big_point();
  int64_t before = count("SELECT COUNT(*) FROM produce_purchase");
  struct Case {
    json jin, price;
    const char* field;
    const char* en;
  };
  for (const auto& k : {Case{-5, 1.0, "jin", "Weight (jin) must be jin from 0 to 10^9"},
                        Case{"ten", 1.0, "jin", "Weight (jin) must be a number"},
                        Case{10, -1.0, "price", "Price must be yuan, 0 or more"},
                        Case{10, "cheap", "price", "Price must be a number"}}) {
    auto r = call("POST", "/api/v1/purchases", "officer",
                  {{"point_id", pt},
                   {"household_id", household_},
                   {"kind", "radish"},
                   {"jin", k.jin},
                   {"price", k.price}},
                  "en");
    EXPECT_EQ(r.status, 422) << r.raw;
    EXPECT_EQ(r.body.value("code", ""), "request.field") << r.raw;
    ASSERT_TRUE(r.body["errors"].is_array()) << r.raw;
    EXPECT_EQ(r.body["errors"][0].value("field", ""), k.field) << r.raw;
    EXPECT_EQ(r.body["errors"][0].value("message", ""), k.en) << r.raw;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM produce_purchase"), before);
}

TEST_F(ProduceApiTest, Scoping) {
  // The operator records only at their own point and sees only its purchases.
  int64_t pt = big_point();
  auto bad = call("POST", "/api/v1/purchases", "operator",
                  {{"point_id", pt},
                   {"household_id", household_},
                   {"kind", "cabbage"},
                   {"jin", 10},
                   {"price", 1}});
  EXPECT_EQ(bad.status, 403) << bad.raw;
  auto ok = call(
      "POST", "/api/v1/purchases", "operator",
      {{"point_id", demo_point_}, {"household_id", household_}, {"kind", "cabbage"}, {"jin", 10}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  auto mine = call("GET", "/api/v1/purchases?limit=1000", "operator");
  ASSERT_EQ(mine.status, 200);
  EXPECT_GT(mine.body["total"].get<int64_t>(), 0);
  for (const auto& p : mine.body["items"]) EXPECT_EQ(p["point_id"], demo_point_);
  auto pts = call("GET", "/api/v1/purchase-points", "operator");
  ASSERT_EQ(pts.body["items"].size(), 1u);
  EXPECT_EQ(call("GET", "/api/v1/purchase-points/" + std::to_string(pt), "operator").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/produce/listings", "operator").status, 403);
  // A village cadre: only their village; may not record purchases or set up points.
  auto other = call("POST", "/api/v1/produce/listings", "villager",
                    {{"household_id", other_household_},
                     {"kind", "白菜"},
                     {"jin", 10},
                     {"sell_by", "2020-02-14"}});
  EXPECT_EQ(other.status, 404) << other.raw;
  auto ls = call("GET", "/api/v1/produce/listings?limit=1000", "villager");
  ASSERT_EQ(ls.status, 200);
  for (const auto& l : ls.body["items"])
    EXPECT_TRUE(l["region_code"].get<std::string>().starts_with(village_));
  EXPECT_EQ(call("POST", "/api/v1/purchases", "villager",
                 {{"point_id", demo_point_},
                  {"household_id", household_},
                  {"kind", "cabbage"},
                  {"jin", 1}})
                .status,
            403);
  EXPECT_EQ(call("POST", "/api/v1/purchase-points", "villager",
                 {{"name", "x"}, {"region_code", village_}, {"capacity_jin", 10}})
                .status,
            403);
  // A paired cadre lists for their household; another township's officer sees none of Shiting.
  auto paired = call(
      "POST", "/api/v1/produce/listings", "mine",
      {{"household_id", household_}, {"kind", "eggs"}, {"jin", 20}, {"sell_by", "2020-02-20"}});
  EXPECT_EQ(paired.status, 201) << paired.raw;
  auto far = call("GET", "/api/v1/purchases?region=430281122", "other_officer");
  EXPECT_EQ(far.body["total"], 0);
  EXPECT_EQ(
      call("GET", "/api/v1/purchase-points/" + std::to_string(demo_point_), "other_officer").status,
      404);
}

TEST_F(ProduceApiTest, PublicPageHasNoPersonalData) {
  auto l = call("POST", "/api/v1/produce/listings", "villager",
                {{"household_id", household_},
                 {"kind", "greens"},
                 {"jin", 88},
                 {"sell_by", "2020-02-14"},
                 {"note", "联系电话13912345678"}});
  ASSERT_EQ(l.status, 201);
  auto r = call("GET", std::string("/api/v1/public/townships/") + kShiting + "/produce", "");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["township"]["name"], "石亭镇");
  EXPECT_GT(r.body["offers"].size(), 0u);
  EXPECT_GE(r.body["purchase_points"].size(), 10u);
  for (const auto& o : r.body["offers"])
    for (const char* banned : {"household_id", "name", "id_number", "phone", "number", "note"})
      EXPECT_FALSE(o.contains(banned)) << banned;
  for (const auto& p : r.body["purchase_points"]) {
    EXPECT_FALSE(p.contains("phone"));
    EXPECT_FALSE(p.contains("operator_name"));
  }
  // Nothing personal anywhere in the page: no names, numbers or phones of the household.
  auto& db = svc_->store->db();
  auto s = db.prepare("SELECT name, id_number, phone FROM person WHERE household_id = ?");
  s.bind(1, household_);
  auto html =
      call("GET", std::string("/api/v1/public/townships/") + kShiting + "/produce.html", "");
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(html.type.starts_with("text/html"));
  EXPECT_NE(html.raw.find("石亭镇今日待售农产品"), std::string::npos);
  EXPECT_EQ(html.raw.find("<script"), std::string::npos);
  while (s.step()) {
    for (int i = 0; i < 3; ++i) {
      std::string v = s.str(i);
      if (v.size() < 4) continue;
      EXPECT_EQ(r.raw.find(v), std::string::npos) << v;
      EXPECT_EQ(html.raw.find(v), std::string::npos) << v;
    }
  }
  auto h = db.prepare("SELECT number FROM household WHERE id = ?");
  h.bind(1, household_);
  ASSERT_TRUE(h.step());
  EXPECT_EQ(r.raw.find(h.str(0)), std::string::npos);
  EXPECT_EQ(html.raw.find("13912345678"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/public/townships/430281999/produce", "").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/public/townships/430281122001/produce", "").status,
            404);  // a village
}

TEST_F(ProduceApiTest, OnlyThePublicProduceRoutesWorkWithoutASession) {
  std::set<std::string> open;
  for (const auto& route : api_->router().routes())
    if (!route.auth && route.pattern.find("produce") != std::string::npos)
      open.insert(route.method + " " + route.pattern);
  EXPECT_EQ(open, (std::set<std::string>{"GET /api/v1/public/townships/{code}/produce",
                                         "GET /api/v1/public/townships/{code}/produce.html"}));
  for (const char* p :
       {"/api/v1/produce/listings", "/api/v1/purchases", "/api/v1/purchase-points",
        "/api/v1/produce/unsold", "/api/v1/backstop-buyers", "/api/v1/produce/kinds"})
    EXPECT_EQ(call("GET", p, "").status, 401) << p;
  auto doc = call("GET", "/api/v1/openapi.json", "");
  for (const char* p :
       {"/api/v1/produce/listings", "/api/v1/purchases", "/api/v1/backstop/dispatch",
        "/api/v1/public/townships/{code}/produce", "/api/v1/purchase-points/{id}/prices"})
    EXPECT_TRUE(doc.body["paths"].contains(p)) << p;
}

TEST_F(ProduceApiTest, BackstopDispatchAndUnsold) {
  // A buyer for Shiting's cabbage (besides the demo's canteens); a listing due tomorrow.
  auto b = call("POST", "/api/v1/backstop-buyers", "officer",
                {{"name", "石亭镇中学食堂"},
                 {"unit", "石亭镇中学"},
                 {"region_code", kShiting},
                 {"capacity_jin", 30},
                 {"floor_prices", {{{"kind", "cabbage"}, {"price", 0.8}}}}});
  ASSERT_EQ(b.status, 201) << b.raw;
  auto l = call(
      "POST", "/api/v1/produce/listings", "villager",
      {{"household_id", household_}, {"kind", "cabbage"}, {"jin", 50}, {"sell_by", "2020-02-13"}});
  ASSERT_EQ(l.status, 201);
  int64_t lid = l.body["id"];
  auto before = call("GET", "/api/v1/produce/unsold?region=430281122", "officer");
  ASSERT_EQ(before.status, 200) << before.raw;
  ASSERT_EQ(before.body["items"].size(), 1u);
  double unsold_before = before.body["items"][0]["jin"];
  EXPECT_EQ(call("POST", "/api/v1/backstop/dispatch", "villager", json::object()).status, 403);
  auto d = call("POST", "/api/v1/backstop/dispatch", "officer", {{"within_days", 1}});
  ASSERT_EQ(d.status, 200) << d.raw;
  double ours = 0;
  for (const auto& p : d.body["purchases"])
    if (p["listing_id"] == lid) {
      EXPECT_TRUE(p["buyer_id"].is_number());  // a backstop buyer, at its floor price
      EXPECT_TRUE(p["price"] == 0.8 || p["price"] == 0.96) << p.dump();
      ours += p["jin"].get<double>();
    }
  EXPECT_GT(ours, 0);
  EXPECT_LE(ours, 50);
  auto after = call("GET", "/api/v1/produce/unsold?region=430281122", "officer");
  EXPECT_LT(after.body["items"][0]["jin"].get<double>(), unsold_before);
  EXPECT_EQ(d.body["unsold"][0]["jin"], after.body["items"][0]["jin"]);
}

// Bulletin arithmetic on hand-made data (a fresh database, no demo).
TEST(ProduceBulletin, Figures) {
  auto path = (std::filesystem::temp_directory_path() /
               ("lz_produce_bul_" + std::to_string(::getpid()) + ".db"))
                  .string();
  for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path + suf);
  {
    auto svc = Services::open(path);
    ASSERT_TRUE(svc.ok());
    auto& db = (*svc)->store->db();
    ASSERT_TRUE(db.exec("INSERT OR IGNORE INTO region (code, name, level, parent_code) VALUES "
                        "('430281', '醴陵市', "
                        "'county', NULL), ('430281122', '石亭镇', 'township', '430281'), "
                        "('430281122001', '测试村', "
                        "'village', '430281122')")
                    .ok());
    auto ins = [&](int64_t id, const char* region) {
      auto s = db.prepare(
          "INSERT INTO household (id, number, region_code, address, version, created_at, "
          "created_by, updated_at, "
          "updated_by) VALUES (?, ?, ?, '', 1, '', '', '', '')");
      s.bind(1, id).bind(2, "H" + std::to_string(id)).bind(3, region);
      ASSERT_TRUE(s.exec().ok()) << db.prepare("SELECT 1").error_message();
    };
    ins(1, "430281122001");
    ins(2, "430281122001");
    // Purchases: (household, region, grams, amount, day, poor).
    struct P {
      int64_t h;
      const char* region;
      int64_t grams, fen;
      const char* day;
      int poor;
    } ps[] = {{1, "430281122001", 5000, 1200, "2020-02-10", 1},
              {1, "430281122001", 2500, 600, "2020-02-12", 1},
              {2, "430281122001", 1000, 300, "2020-02-12", 0},
              {2, "430281122001", 9999, 999, "2020-02-13", 1}};  // after the day: not counted
    for (const auto& p : ps) {
      auto s = db.prepare(
          "INSERT INTO produce_purchase (household_id, region_code, kind, grams, fen_per_jin, "
          "amount_fen, on_date, "
          "poor, created_at, created_by) VALUES (?,?,'cabbage',?,100,?,?,?,'','')");
      s.bind(1, p.h)
          .bind(2, p.region)
          .bind(3, p.grams)
          .bind(4, p.fen)
          .bind(5, p.day)
          .bind(6, p.poor);
      ASSERT_TRUE(s.exec().ok());
    }
    // Listings: 10 jin listed 02-11, 4 jin bought from it on 02-12 -> 6 unsold;
    // one withdrawn on 02-11 (not counted on 02-12); one listed 02-13 (later).
    auto l = [&](int64_t id, int64_t grams, int64_t remaining, const char* listed,
                 const char* status, const char* closed) {
      auto s = db.prepare(
          "INSERT INTO produce_listing (id, household_id, region_code, kind, grams, "
          "remaining_grams, listed_on, "
          "sell_by, status, closed_on, created_at, created_by, updated_at, updated_by) VALUES "
          "(?,1,'430281122001',"
          "'cabbage',?,?,?,'2020-02-20',?,?,'','','','')");
      s.bind(1, id).bind(2, grams).bind(3, remaining).bind(4, listed).bind(5, status);
      if (closed)
        s.bind(6, closed);
      else
        s.bind_null(6);
      ASSERT_TRUE(s.exec().ok());
    };
    l(1, 5000, 3000, "2020-02-11", "open", nullptr);
    l(2, 700, 700, "2020-02-10", "withdrawn", "2020-02-11");
    l(3, 800, 800, "2020-02-13", "open", nullptr);
    ASSERT_TRUE(db.exec("INSERT INTO produce_purchase (household_id, listing_id, region_code, "
                        "kind, grams, fen_per_jin, "
                        "amount_fen, on_date, poor, created_at, created_by) VALUES (1, 1, "
                        "'430281122001', 'cabbage', "
                        "2000, 100, 400, '2020-02-12', 0, '', '')")
                    .ok());
    livelihood::LivelihoodFigures f;
    ASSERT_TRUE(
        sqlite::fill_produce_figures(db, *Date::from_ymd(2020, 2, 12), "430281122", f).ok());
    EXPECT_EQ(f.produce_bought_grams_today, 2500 + 1000 + 2000);
    EXPECT_EQ(f.produce_bought_grams_total, 5000 + 2500 + 1000 + 2000);
    EXPECT_EQ(f.paid_to_poor_households_fen_total, 1200 + 600);
    EXPECT_EQ(f.produce_unsold_grams,
              3000);  // 5000 - 2000 bought; withdrawn and later ones not counted
    livelihood::LivelihoodFigures g;
    ASSERT_TRUE(
        sqlite::fill_produce_figures(db, *Date::from_ymd(2020, 2, 11), "430281122", g).ok());
    EXPECT_EQ(g.produce_bought_grams_today, 0);
    EXPECT_EQ(g.produce_bought_grams_total, 5000);
    EXPECT_EQ(g.produce_unsold_grams,
              5000);  // nothing bought from listing 1 yet; listing 2 withdrawn that day
    livelihood::LivelihoodFigures other;
    ASSERT_TRUE(
        sqlite::fill_produce_figures(db, *Date::from_ymd(2020, 2, 12), "430281105", other).ok());
    EXPECT_EQ(other.produce_bought_grams_total, 0);
  }
  for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path + suf);
}

}  // namespace
}  // namespace lz::http
