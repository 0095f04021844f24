// Spring farming (春耕): quantities, stock never below zero under concurrent
// distributions (threads with their own connections), requests fulfilled in
// part and wholly, the bulletin's supplies_distributed on hand-made data, and
// the API on a fresh county.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/supplies_service.h"
#include "http/api.h"
#include "http/services.h"
#include "livelihood/supplies.h"
#include "store/sqlite/sqlite_audit.h"
#include "store/sqlite/sqlite_livelihood.h"
#include "store/sqlite/sqlite_store.h"

namespace lz {
namespace {

using namespace lz::livelihood;
using nlohmann::json;

const Date kFeb12 = *Date::from_ymd(2020, 2, 12);

TEST(SupplyQuantities, ExactInMilliUnits) {
  const SupplyItem& seed = *find_supply_item("seed");
  const SupplyItem& sprayer = *find_supply_item("喷雾器");
  EXPECT_EQ(*parse_quantity(seed, 12.5, "quantity"), 12500);
  EXPECT_EQ(*parse_quantity(seed, 0.001, "quantity"), 1);
  EXPECT_EQ(parse_quantity(seed, 0.0005, "quantity").error().code,
            "supply.quantity");  // 4 decimals
  EXPECT_EQ(parse_quantity(seed, -1, "quantity").error().code, "supply.quantity");
  EXPECT_EQ(parse_quantity(seed, 0, "quantity").error().code, "supply.quantity");
  EXPECT_EQ(*parse_quantity(sprayer, 3, "quantity"), 3000);
  EXPECT_EQ(parse_quantity(sprayer, 2.5, "quantity").error().field,
            "quantity");  // whole pieces only
  EXPECT_EQ(format_quantity(seed, 1250500, true), "1250.5斤");
  // The unit as the language writes it (the web catalogue's labels), not its id.
  EXPECT_EQ(format_quantity(*find_supply_item("fertilizer"), 250, true), "0.25吨");
  EXPECT_EQ(format_quantity(*find_supply_item("fertilizer"), 250, false), "0.25 t");
  EXPECT_EQ(format_quantity(sprayer, 3000, false), "3 pcs");
}

TEST(SupplyRules, RequestsAndDistributions) {
  SupplyRequest r;
  r.cooperative_id = 1;
  r.item = "seed";
  r.quantity = 100000;
  r.requested_on = kFeb12;
  r.needed_by = kFeb12.plus_days(5);
  EXPECT_TRUE(validate_request(r, kFeb12).ok());
  r.household_id = 2;  // both
  EXPECT_EQ(validate_request(r, kFeb12).error().code, "request.requester");
  r.household_id.reset();
  r.fulfilled = 60000;
  EXPECT_EQ(request_state(r), RequestState::kPartly);
  Distribution d;
  d.depot_id = 1;
  d.item = "seed";
  d.quantity = 40001;
  d.on = kFeb12;
  auto over = validate_distribution(d, &r, kFeb12);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "distribution.over_request");
  EXPECT_NE(over.error().message_zh.find("40斤"), std::string::npos) << over.error().message_zh;
  d.quantity = 40000;
  EXPECT_TRUE(validate_distribution(d, &r, kFeb12).ok());
  d.item = "fertilizer";
  EXPECT_EQ(validate_distribution(d, &r, kFeb12).error().code, "distribution.item_mismatch");
  d.item = "seed";
  d.on = kFeb12.plus_days(1);
  EXPECT_EQ(validate_distribution(d, &r, kFeb12).error().code, "distribution.date_future");
}

class SuppliesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("lz_sup_" + std::to_string(::getpid()) + ".db"))
            .string();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    auto svc = http::Services::open(path_);
    ASSERT_TRUE(svc.ok());
    svc_ = std::move(svc).value();
    ASSERT_TRUE(svc_->store->set_meta("demo.as_of", "2020-02-12").ok());
    Depot d{0, "茶山镇农资仓库", "430281134", "王保管", "13800000001", ""};
    depot_ = svc_->supplies->create_depot(d, actor_)->id;
  }
  void TearDown() override {
    svc_.reset();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }
  int64_t stock(const std::string& item) {
    auto s = svc_->store->db().prepare(
        "SELECT quantity FROM depot_stock WHERE depot_id = ? AND item = ?");
    s.bind(1, depot_).bind(2, item);
    return s.step() ? s.i64(0) : -1;
  }
  std::string path_;
  std::unique_ptr<http::Services> svc_;
  int64_t depot_ = 0;
  Actor actor_{"tester", "127.0.0.1", "township_officer"};
};

TEST_F(SuppliesStoreTest, StockNeverGoesNegativeUnderConcurrentDistributions) {
  // 1,000 jin of seed; 8 threads, each with its own connection, try 40 x 5 jin = 1,600 jin in all.
  ASSERT_TRUE(svc_->supplies->receive(depot_, "seed", 1000 * kMilli, kFeb12, "调拨", actor_).ok());
  constexpr int kThreads = 8, kEach = 40;
  std::atomic<int> ok{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto db = sqlite::Db::open(path_);  // its own connection
      if (!db) {
        other += kEach;
        return;
      }
      sqlite::SqliteAuditLog audit(**db);
      sqlite::SqliteSuppliesStore ss(**db, audit);
      app::SuppliesService svc(ss, [] { return kFeb12; });
      Actor a{"thread" + std::to_string(t), "", "township_officer"};
      for (int i = 0; i < kEach; ++i) {
        Distribution d;
        d.depot_id = depot_;
        d.item = "seed";
        d.quantity = 5 * kMilli;
        d.on = kFeb12;
        d.recipient = "农户";
        auto r = svc.distribute(d, a);
        if (r)
          ++ok;
        else if (r.error().code == "supply.insufficient")
          ++refused;
        else
          ++other;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ok.load(), 200);  // exactly the 1,000 jin
  EXPECT_EQ(refused.load(), kThreads * kEach - 200);
  EXPECT_EQ(stock("seed"), 0);
  auto s = svc_->store->db().prepare(
      "SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM supply_distribution");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.i64(0), 200);
  EXPECT_EQ(s.i64(1), 1000 * kMilli);
  auto a = svc_->store->db().prepare(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'supplies.distribute'");
  ASSERT_TRUE(a.step());
  EXPECT_EQ(a.i64(0), 200);  // one audit entry per distribution, none for the refusals
}

TEST_F(SuppliesStoreTest, DistributionsFulfilRequestsAndRefusalsWriteNothing) {
  ASSERT_TRUE(
      svc_->supplies->receive(depot_, "fertilizer", 2 * kMilli, kFeb12, "", actor_).ok());  // 2 t
  Cooperative c{0, "茶溪村水稻专业合作社", "430281134204", "张社长", "", 30, "水稻"};
  auto coop = svc_->supplies->create_cooperative(c, actor_);
  ASSERT_TRUE(coop.ok()) << coop.error().describe();
  SupplyRequest r;
  r.cooperative_id = coop->id;
  r.item = "fertilizer";
  r.quantity = 1500;  // 1.5 t
  r.needed_by = kFeb12.plus_days(10);
  auto req = svc_->supplies->create_request(r, actor_);
  ASSERT_TRUE(req.ok()) << req.error().describe();
  EXPECT_EQ(req->region_code, "430281134204");
  Distribution d;
  d.depot_id = depot_;
  d.item = "fertilizer";
  d.quantity = 500;
  d.request_id = req->id;
  auto part = svc_->supplies->distribute(d, actor_);
  ASSERT_TRUE(part.ok()) << part.error().describe();
  EXPECT_EQ(part->region_code, "430281134204");
  EXPECT_EQ(request_state(*svc_->supplies_store->request(req->id)), RequestState::kPartly);
  d.quantity = 1001;  // more than the request still needs
  EXPECT_EQ(svc_->supplies->distribute(d, actor_).error().code, "distribution.over_request");
  d.quantity = 1000;
  ASSERT_TRUE(svc_->supplies->distribute(d, actor_).ok());
  EXPECT_EQ(request_state(*svc_->supplies_store->request(req->id)), RequestState::kFulfilled);
  EXPECT_EQ(stock("fertilizer"), 500);
  // More than in stock: refused, nothing written.
  Distribution big{0, depot_, "fertilizer", 501, kFeb12, std::nullopt, "某农户", "", ""};
  auto refused = svc_->supplies->distribute(big, actor_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "supply.insufficient");
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message_zh.find("0.5吨"), std::string::npos)
      << refused.error().message_zh;
  EXPECT_EQ(stock("fertilizer"), 500);
  // A depot's region for distributions without a request.
  big.quantity = 500;
  auto rest = svc_->supplies->distribute(big, actor_);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->region_code, "430281134");
  EXPECT_EQ(stock("fertilizer"), 0);
}

TEST_F(SuppliesStoreTest, BulletinSumsDistributionsPerItemOnOrBeforeTheDayInTheRegion) {
  Depot other{0, "国瓷街道农资仓库", "430281102", "", "", ""};
  int64_t other_id = svc_->supplies->create_depot(other, actor_)->id;
  ASSERT_TRUE(
      svc_->supplies->receive(depot_, "seed", 500 * kMilli, kFeb12.plus_days(-10), "", actor_)
          .ok());
  ASSERT_TRUE(
      svc_->supplies->receive(depot_, "sprayer", 10 * kMilli, kFeb12.plus_days(-10), "", actor_)
          .ok());
  ASSERT_TRUE(
      svc_->supplies->receive(other_id, "seed", 500 * kMilli, kFeb12.plus_days(-10), "", actor_)
          .ok());
  auto give = [&](int64_t depot, const char* item, int64_t q, int days_before) {
    Distribution d{0, depot, item, q, kFeb12.plus_days(-days_before), std::nullopt, "x", "", ""};
    auto r = svc_->supplies->distribute(d, actor_);
    ASSERT_TRUE(r.ok()) << r.error().describe();
  };
  give(depot_, "seed", 100500, 5);  // 100.5 jin
  give(depot_, "seed", 50000, 1);
  give(depot_, "sprayer", 3000, 2);
  give(other_id, "seed", 20000, 3);
  auto fig = [&](int days_before, const std::string& prefix) {
    livelihood::LivelihoodFigures f;
    EXPECT_TRUE(
        sqlite::fill_supplies_figures(svc_->store->db(), kFeb12.plus_days(-days_before), prefix, f)
            .ok());
    return f.supplies_distributed;
  };
  auto all = fig(0, "");
  EXPECT_DOUBLE_EQ(all["seed"].quantity, 170.5);
  EXPECT_EQ(all["seed"].unit, "jin");
  EXPECT_DOUBLE_EQ(all["sprayer"].quantity, 3);
  EXPECT_EQ(all["sprayer"].unit, "piece");
  EXPECT_DOUBLE_EQ(all["fertilizer"].quantity, 0);
  EXPECT_EQ(all["fertilizer"].unit, "tonne");
  EXPECT_DOUBLE_EQ(fig(2, "")["seed"].quantity, 120.5);
  EXPECT_DOUBLE_EQ(fig(0, "430281134")["seed"].quantity, 150.5);
  EXPECT_DOUBLE_EQ(fig(0, "430281102")["seed"].quantity, 20);
  EXPECT_DOUBLE_EQ(fig(6, "")["seed"].quantity, 0);
}

// ---------------------------------------------------------------- API

class SuppliesApiTest : public SuppliesStoreTest {
 protected:
  void SetUp() override {
    SuppliesStoreTest::SetUp();
    api_ = std::make_unique<http::Api>();
    Actor cli{"cli", "", ""};
    for (auto [login, role, region] : {std::tuple{"county", "county_admin", "430281"},
                                       std::tuple{"chashan", "township_officer", "430281134"},
                                       std::tuple{"other_town", "township_officer", "430281102"},
                                       std::tuple{"villager", "village_cadre", "430281134204"}}) {
      auto r =
          svc_->auth->add_account({login, login, role, region, {}, {}, {}}, "Liangzhan-2020!", cli);
      ASSERT_TRUE(r.ok()) << r.error().describe();
    }
  }
  struct Res {
    int status;
    json body;
  };
  Res call(const std::string& method, const std::string& target, const std::string& who,
           const json& body = nullptr, const std::string& lang = "") {
    http::HttpRequest r;
    r.method = method;
    auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    if (!tokens_.count(who))
      tokens_[who] = svc_->auth->login(who, "Liangzhan-2020!", "127.0.0.1")->token;
    r.headers["authorization"] = "Bearer " + tokens_[who];
    if (!lang.empty()) r.headers["accept-language"] = lang;
    if (!body.is_null()) r.body = body.dump();
    r.remote = "127.0.0.1";
    auto resp = api_->handle(r, *svc_);
    return {resp.status,
            resp.body.empty() ? json(nullptr) : json::parse(resp.body, nullptr, false)};
  }
  std::unique_ptr<http::Api> api_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(SuppliesApiTest, SpringFarmingFlow) {
  std::string d = std::to_string(depot_);
  auto rec = call("POST", "/api/v1/depots/" + d + "/receipts", "chashan",
                  {{"item", "seed"}, {"quantity", 300.5}});
  ASSERT_EQ(rec.status, 201) << rec.body.dump();
  EXPECT_EQ(rec.body["quantity"], 300.5);
  EXPECT_EQ(rec.body["unit"], "jin");
  auto half = call("POST", "/api/v1/depots/" + d + "/receipts", "chashan",
                   {{"item", "sprayer"}, {"quantity", 2.5}}, "en");
  EXPECT_EQ(half.status, 422);
  EXPECT_EQ(half.body["errors"][0]["field"], "quantity") << half.body.dump();
  EXPECT_EQ(call("POST", "/api/v1/depots/" + d + "/receipts", "other_town",
                 {{"item", "seed"}, {"quantity", 1}})
                .status,
            404);
  EXPECT_EQ(call("POST", "/api/v1/depots/" + d + "/receipts", "villager",
                 {{"item", "seed"}, {"quantity", 1}})
                .status,
            403);

  auto coop = call("POST", "/api/v1/cooperatives", "chashan",
                   {{"name", "茶溪村蔬菜专业合作社"},
                    {"region_code", "430281134204"},
                    {"members", 25},
                    {"produce", "蔬菜"}});
  ASSERT_EQ(coop.status, 201) << coop.body.dump();
  auto req = call("POST", "/api/v1/supply-requests", "villager",
                  {{"cooperative_id", coop.body["id"]},
                   {"item", "seed"},
                   {"quantity", 200},
                   {"needed_by", "2020-02-20"}});
  ASSERT_EQ(req.status, 201) << req.body.dump();
  EXPECT_EQ(req.body["state"], "open");
  EXPECT_EQ(call("POST", "/api/v1/supply-requests", "other_town",
                 {{"cooperative_id", coop.body["id"]},
                  {"item", "seed"},
                  {"quantity", 1},
                  {"needed_by", "2020-02-20"}})
                .status,
            404);
  json dist = {
      {"depot_id", depot_}, {"item", "seed"}, {"quantity", 150}, {"request_id", req.body["id"]}};
  EXPECT_EQ(call("POST", "/api/v1/supply-distributions", "villager", dist).status, 403);
  auto give = call("POST", "/api/v1/supply-distributions", "chashan", dist);
  ASSERT_EQ(give.status, 201) << give.body.dump();
  EXPECT_EQ(give.body["stock_left"], 150.5);
  EXPECT_EQ(give.body["request"]["state"], "partly");
  EXPECT_EQ(give.body["request"]["outstanding"], 50.0);
  auto over = call("POST", "/api/v1/supply-distributions", "chashan",
                   {{"depot_id", depot_}, {"item", "seed"}, {"quantity", 151}}, "en");
  ASSERT_EQ(over.status, 409) << over.body.dump();
  EXPECT_EQ(over.body["code"], "supply.insufficient");
  EXPECT_NE(over.body["detail"].get<std::string>().find("150.5 jin"), std::string::npos)
      << over.body.dump();

  auto tech = call("POST", "/api/v1/technicians", "chashan",
                   {{"name", "刘农技"}, {"speciality", "水稻栽培"}, {"region_code", "430281134"}});
  ASSERT_EQ(tech.status, 201) << tech.body.dump();
  auto as =
      call("POST",
           "/api/v1/technicians/" + std::to_string(tech.body["id"].get<int64_t>()) + "/assignments",
           "chashan", {{"cooperative_id", coop.body["id"]}});
  ASSERT_EQ(as.status, 201) << as.body.dump();
  auto techs = call("GET", "/api/v1/technicians", "villager");
  ASSERT_EQ(techs.status, 200);
  EXPECT_EQ(techs.body["total"], 0);  // stationed at the township, outside the village's region
  techs = call("GET", "/api/v1/technicians", "chashan");
  EXPECT_EQ(techs.body["items"][0]["assignments"].size(), 1u);

  auto stock = call("GET", "/api/v1/supplies/stock", "county");
  ASSERT_EQ(stock.status, 200);
  EXPECT_EQ(stock.body["totals"]["seed"]["quantity"], 150.5);
  EXPECT_EQ(call("GET", "/api/v1/supplies/stock", "other_town").body["totals"]["seed"]["quantity"],
            0.0);
  auto reqs = call("GET", "/api/v1/supply-requests?state=outstanding", "chashan");
  EXPECT_EQ(reqs.body["total"], 1);
  auto dists = call("GET", "/api/v1/supply-distributions?region=430281134204", "chashan");
  EXPECT_EQ(dists.body["total"], 1);
  auto bulletin = call("GET", "/api/v1/bulletin?date=2020-02-12", "county");
  ASSERT_EQ(bulletin.status, 200) << bulletin.body.dump();
  EXPECT_EQ(bulletin.body["livelihood"]["supplies_distributed"]["seed"]["quantity"], 150.0)
      << bulletin.body["livelihood"].dump();
}

}  // namespace
}  // namespace lz
