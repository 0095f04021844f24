// The write lane (http/write_lane.h, group commit) for purchases at purchase
// points, checkpoint passages, phone-screening call results, enterprises'
// temperature readings and visits: which routes take it; a batch in which
// every 201 is committed before the first reply goes out; a refused request
// in the middle of a batch (unknown household, bad price, over the point's
// capacity, a fever without identity refused after its row was written)
// leaving nothing while the others stand; the point's capacity seeing the
// batch's earlier purchases; the day totals the capacity check reads
// (migration 018) equal to the rows whoever writes them; and many concurrent
// purchases through the real server (liangzhan serve), all 201, each
// committed when its reply arrives, income credited equal to paid.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.h"
#include "http/write_lane.h"
#include "store/sqlite/db.h"

extern char** environ;

namespace lz::http {
namespace {

using nlohmann::json;

TEST(WriteLaneRoute, HotSinglePostsTakeTheLaneOthersDoNot) {
  for (const char* p : {"/api/v1/purchases", "/api/v1/checkpoints/12/passages",
                        "/api/v1/observations/7/follow-ups", "/api/v1/campaigns/3/calls/4501",
                        "/api/v1/enterprises/8/temperatures", "/api/v1/households/42/visits"})
    EXPECT_TRUE(write_lane_route("POST", p)) << p;
  for (const char* p :
       {"/api/v1/purchases/5", "/api/v1/purchases/", "/api/v1/purchase-points",
        "/api/v1/checkpoints//passages", "/api/v1/checkpoints/x/passages",
        "/api/v1/checkpoints/12/passages/", "/api/v1/checkpoints/12/shifts",
        "/api/v1/observations/7/follow-ups/2", "/api/v1/campaigns/3/calls", "/api/v1/households",
        "/api/v1/observations/7/release", "/api/v2/purchases", "/api/v1/purchasesX",
        "/api/v1/enterprises/8/temperatures/1", "/api/v1/enterprises/8/workers",
        "/api/v1/households/42/visits/3", "/api/v1/households/42/check"})
    EXPECT_FALSE(write_lane_route("POST", p)) << p;
  EXPECT_FALSE(write_lane_route("GET", "/api/v1/purchases"));
  EXPECT_FALSE(write_lane_route("PUT", "/api/v1/checkpoints/12/passages"));
}

class WriteLaneTest : public ApiFixture<WriteLaneTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_write_lane_", 11));
    add_account("county", "county_admin", "430281");
    auto s = svc_->store->db().prepare(
        "SELECT id FROM household WHERE deleted_at IS NULL ORDER BY id LIMIT 400");
    while (s.step()) households_.push_back(s.i64(0));
    ASSERT_EQ(households_.size(), 400u);
    auto c = svc_->store->db().prepare("SELECT MIN(id) FROM checkpoint");
    ASSERT_TRUE(c.step());
    checkpoint_ = c.i64(0);
    ASSERT_GT(checkpoint_, 0);
  }
  static void TearDownTestSuite() { close_county(); }

  int64_t count(const std::string& sql) {
    auto s = svc_->store->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  // A new purchase point of the county taking `capacity_jin` a day, buying
  // cabbage at 1.20 yuan/jin on the demo date.
  int64_t new_point(int capacity_jin) {
    auto r = call("POST", "/api/v1/purchase-points", "county",
                  {{"name", "车道测试收购点" + std::to_string(++points_)},
                   {"region_code", "430281122"},
                   {"capacity_jin", capacity_jin},
                   {"place", "镇农贸市场"},
                   {"operator_name", "王收购"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    int64_t id = r.body.value("id", int64_t{0});
    auto p = call("PUT", "/api/v1/purchase-points/" + std::to_string(id) + "/prices", "county",
                  {{"date", "2020-02-12"}, {"prices", {{{"kind", "cabbage"}, {"price", 1.2}}}}});
    EXPECT_EQ(p.status, 200) << p.raw;
    return id;
  }
  HttpRequest post(const std::string& path, const json& body) {
    HttpRequest r;
    r.method = "POST";
    r.path = path;
    r.headers["authorization"] = "Bearer " + token("county");
    r.headers["content-type"] = "application/json";
    r.body = body.dump();
    r.remote = "127.0.0.1";
    return r;
  }
  static json purchase(int64_t point, int64_t household, double jin) {
    return {{"point_id", point}, {"household_id", household}, {"kind", "cabbage"}, {"jin", jin}};
  }

  // Runs `reqs` through a write lane as one batch (all posted before the
  // lane starts); `on_reply(i, resp)` is called on the lane's thread as each
  // reply is handed back. Returns the replies in order.
  std::vector<HttpResponse> run_batch(
      std::vector<HttpRequest> reqs,
      const std::function<void(size_t, const HttpResponse&)>& on_reply = {}) {
    Api api;
    WriteLane lane;
    std::vector<HttpResponse> out(reqs.size());
    std::mutex mu;
    std::condition_variable cv;
    size_t done = 0;
    for (size_t i = 0; i < reqs.size(); ++i)
      lane.post({std::move(reqs[i]), [&, i](HttpResponse&& resp) {
                   if (on_reply) on_reply(i, resp);
                   std::lock_guard lock(mu);
                   out[i] = std::move(resp);
                   ++done;
                   cv.notify_all();
                 }});
    auto st = lane.start(path_, api);
    EXPECT_TRUE(st.ok()) << st.error().describe();
    {
      std::unique_lock lock(mu);
      cv.wait_for(lock, std::chrono::seconds(60), [&] { return done == out.size(); });
    }
    lane.stop();
    return out;
  }

  static inline std::vector<int64_t> households_;
  static inline int64_t checkpoint_ = 0;
  static inline int points_ = 0;
};

// A batch of 40 purchases with three refused in the middle: the others are
// all committed before the first reply leaves the lane (another connection
// sees the batch's last purchase then), the refused leave nothing, and the
// income credited equals what was paid.
TEST_F(WriteLaneTest, PurchasesOfABatchCommitBeforeAnyReplyAndARefusedOneLeavesNothing) {
  int64_t point = new_point(100000);
  std::string at = "/api/v1/purchases";
  const int64_t unknown = 999999999;
  std::vector<HttpRequest> reqs;
  for (int i = 0; i < 40; ++i) {
    json b = purchase(point, households_[i], 10 + i);
    if (i == 11) b["household_id"] = unknown;
    if (i == 19) b["price"] = 0;
    if (i == 27) b["jin"] = 200000;  // more than the point takes in a day
    reqs.push_back(post(at, b));
  }
  int64_t income_before = count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income");
  int64_t audit_before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.create'");
  auto reader = sqlite::Db::open(path_);
  ASSERT_TRUE(reader.ok());
  std::vector<int64_t> seen_at_reply;  // purchases of the point another connection saw
  auto replies = run_batch(std::move(reqs), [&](size_t, const HttpResponse&) {
    auto s = (*reader)->prepare("SELECT COUNT(*) FROM produce_purchase WHERE point_id = ?");
    s.bind(1, point);
    s.step();
    seen_at_reply.push_back(s.i64(0));
  });
  ASSERT_EQ(replies.size(), 40u);
  for (int i = 0; i < 40; ++i) {
    if (i == 11 || i == 19 || i == 27) {
      EXPECT_GE(replies[i].status, 400) << i << replies[i].body;
      EXPECT_LT(replies[i].status, 500) << i << replies[i].body;
    } else {
      EXPECT_EQ(replies[i].status, 201) << i << replies[i].body;
    }
  }
  EXPECT_EQ(replies[19].status, 422) << replies[19].body;
  EXPECT_EQ(replies[27].status, 409) << replies[27].body;
  // Committed before the first reply: every reply saw all 37.
  ASSERT_EQ(seen_at_reply.size(), 40u);
  for (int64_t n : seen_at_reply) EXPECT_EQ(n, 37);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM produce_purchase WHERE point_id = " + std::to_string(point)), 37);
  for (int i : {19, 27})
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM produce_purchase WHERE point_id = " + std::to_string(point) +
              " AND household_id = " + std::to_string(households_[i])),
        0)
        << i;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.create'") - audit_before,
            37);
  int64_t paid = count("SELECT SUM(amount_fen) FROM produce_purchase WHERE point_id = " +
                       std::to_string(point));
  EXPECT_GT(paid, 0);
  EXPECT_EQ(count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income") - income_before,
            paid);
}

// Within one batch a purchase sees the earlier ones (not yet committed)
// against the point's capacity: 12 purchases of 10 jin at a point taking 100
// jin a day, the last two refused, and the day's total stays at 100 jin.
TEST_F(WriteLaneTest, CapacityCountsTheBatchsEarlierPurchases) {
  int64_t point = new_point(100);
  std::vector<HttpRequest> reqs;
  for (int i = 0; i < 12; ++i)
    reqs.push_back(post("/api/v1/purchases", purchase(point, households_[100 + i], 10)));
  auto replies = run_batch(std::move(reqs));
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(replies[i].status, i < 10 ? 201 : 409) << i << replies[i].body;
  EXPECT_EQ(
      count("SELECT SUM(grams) FROM produce_purchase WHERE point_id = " + std::to_string(point)),
      100 * 500);
  auto bought = svc_->produce_store->bought_at_point(point, Date::parse_iso("2020-02-12").value());
  ASSERT_TRUE(bought.ok());
  EXPECT_EQ(*bought, 100 * 500);
}

// A passage refused after its row was written (a fever without who it is:
// the referral needs a name and ID number) in the middle of a batch rolls
// back its savepoint only: its row is gone, the others stand.
TEST_F(WriteLaneTest, PassageRefusedAfterWritingInABatchLeavesNothingOthersStand) {
  std::string at = "/api/v1/checkpoints/" + std::to_string(checkpoint_) + "/passages";
  std::vector<HttpRequest> reqs;
  for (int i = 0; i < 10; ++i) {
    json t = {{"temperature", i == 4 ? 38.1 : 36.5}};
    reqs.push_back(post(at, {{"at", "2020-02-12T09:0" + std::to_string(i)},
                             {"plate", "湘B7700" + std::to_string(i)},
                             {"origin", "株洲市区"},
                             {"travellers", json::array({t})}}));
  }
  int64_t before = count("SELECT COUNT(*) FROM passage WHERE plate LIKE '湘B7700%'");
  EXPECT_EQ(before, 0);
  auto replies = run_batch(std::move(reqs));
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(replies[i].status, i == 4 ? 422 : 201) << i << replies[i].body;
  EXPECT_NE(replies[4].body.find("travellers[0]"), std::string::npos) << replies[4].body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM passage WHERE plate LIKE '湘B7700%'"), 9);
  EXPECT_EQ(count("SELECT COUNT(*) FROM passage WHERE plate = '湘B77004'"), 0);
}

// Phone-screening call results of a campaign in one batch: each committed
// before the replies, a refused one (unreachable, yet with needs) leaves its
// household's call open while the others are recorded.
TEST_F(WriteLaneTest, CallResultsOfABatchCommitBeforeTheRepliesARefusedOneLeavesTheCallOpen) {
  std::string village;
  {  // (a statement left stepped would keep its read transaction, and its snapshot, open)
    auto v =
        svc_->store->db().prepare("SELECT substr(region_code, 1, 12) FROM household WHERE id = ?");
    v.bind(1, households_[0]);
    ASSERT_TRUE(v.step());
    village = v.str(0);
  }
  auto c = call("POST", "/api/v1/campaigns", "county",
                {{"name", "车道测试电话排查"},
                 {"region_code", village},
                 {"start_on", "2020-02-10"},
                 {"end_on", "2020-02-14"}});
  ASSERT_EQ(c.status, 201) << c.raw;
  std::string id = std::to_string(c.body["id"].get<int64_t>());
  auto list = call("GET", "/api/v1/campaigns/" + id + "/calls?limit=8", "county");
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_GE(list.body["items"].size(), 4u) << list.raw;
  std::vector<int64_t> hh;
  std::vector<HttpRequest> reqs;
  for (const auto& row : list.body["items"]) {
    hh.push_back(row["household_id"]);
    json b = {{"result", "reached"}, {"at", "2020-02-11T10:00"}};
    if (hh.size() == 2) b = {{"result", "unreachable"}, {"needs", {{{"kind", "food"}}}}};
    reqs.push_back(post("/api/v1/campaigns/" + id + "/calls/" + std::to_string(hh.back()), b));
  }
  const int64_t n = static_cast<int64_t>(hh.size());
  std::string recorded = "SELECT COUNT(*) FROM call_outcome WHERE campaign_id = " + id;
  auto reader = sqlite::Db::open(path_);
  ASSERT_TRUE(reader.ok());
  std::vector<int64_t> seen_at_reply;
  auto replies = run_batch(std::move(reqs), [&](size_t, const HttpResponse&) {
    auto s = (*reader)->prepare(recorded);
    s.step();
    seen_at_reply.push_back(s.i64(0));
  });
  for (int64_t i = 0; i < n; ++i)
    EXPECT_EQ(replies[i].status, i == 1 ? 422 : 201) << i << replies[i].body;
  for (int64_t seen : seen_at_reply) EXPECT_EQ(seen, n - 1);
  EXPECT_EQ(count(recorded), n - 1);
  EXPECT_EQ(count(recorded + " AND household_id = " + std::to_string(hh[1])), 0);
}

// Enterprises' temperature reports in one batch: a report refused for a
// duplicate reading (after the report's earlier reading was written) rolls
// back alone; the reports before and after it stand.
TEST_F(WriteLaneTest, TemperatureReportRefusedInABatchLeavesNothingOthersStand) {
  int64_t enterprise = 0;
  std::vector<int64_t> w;
  {
    auto s = svc_->store->db().prepare(
        "SELECT enterprise_id, id FROM enterprise_worker ew WHERE active = 1 AND NOT EXISTS "
        "(SELECT 1 FROM worker_temperature t WHERE t.worker_id = ew.id AND t.on_date = "
        "'2020-02-12') ORDER BY enterprise_id, id");
    while (s.step() && w.size() < 4) {
      if (s.i64(0) != enterprise) w.clear();
      enterprise = s.i64(0);
      w.push_back(s.i64(1));
    }
  }
  ASSERT_EQ(w.size(), 4u);
  std::string at = "/api/v1/enterprises/" + std::to_string(enterprise) + "/temperatures";
  auto readings = [](std::vector<int64_t> ids) {
    json rs = json::array();
    for (int64_t id : ids) rs.push_back({{"worker_id", id}, {"temperature", 36.4}});
    return json{{"on", "2020-02-12"}, {"readings", rs}};
  };
  std::vector<HttpRequest> reqs = {post(at, readings({w[0], w[1]})),
                                   post(at, readings({w[2], w[0]})),  // w[0] again: refused
                                   post(at, readings({w[3]}))};
  auto replies = run_batch(std::move(reqs));
  EXPECT_EQ(replies[0].status, 201) << replies[0].body;
  EXPECT_EQ(replies[1].status, 409) << replies[1].body;
  EXPECT_EQ(replies[2].status, 201) << replies[2].body;
  auto readings_of = [&](int64_t id) {
    return count(
        "SELECT COUNT(*) FROM worker_temperature WHERE on_date = '2020-02-12' AND "
        "worker_id = " +
        std::to_string(id));
  };
  EXPECT_EQ(readings_of(w[0]), 1);
  EXPECT_EQ(readings_of(w[1]), 1);
  EXPECT_EQ(readings_of(w[2]), 0);  // the refused report's first reading
  EXPECT_EQ(readings_of(w[3]), 1);
}

// Visits to poor households in one batch: each visit committed before the
// replies, with the household re-checked; a refused one (an unknown mode)
// records nothing.
TEST_F(WriteLaneTest, VisitsOfABatchCommitBeforeTheRepliesARefusedOneRecordsNothing) {
  std::vector<int64_t> hh;
  {
    auto s = svc_->store->db().prepare(
        "SELECT household_id FROM poverty_household ORDER BY household_id LIMIT 6");
    while (s.step()) hh.push_back(s.i64(0));
  }
  ASSERT_EQ(hh.size(), 6u);
  std::string ids;
  for (int64_t h : hh) ids += (ids.empty() ? "" : ",") + std::to_string(h);
  std::string visits =
      "SELECT COUNT(*) FROM visit WHERE notes = '车道测试走访' AND household_id IN (" + ids + ")";
  std::vector<HttpRequest> reqs;
  for (size_t i = 0; i < hh.size(); ++i)
    reqs.push_back(post("/api/v1/households/" + std::to_string(hh[i]) + "/visits",
                        {{"on", "2020-02-12"},
                         {"mode", i == 3 ? "car" : "phone"},
                         {"food_ok", true},
                         {"clothing_ok", true},
                         {"notes", "车道测试走访"}}));
  auto reader = sqlite::Db::open(path_);
  ASSERT_TRUE(reader.ok());
  std::vector<int64_t> seen_at_reply;
  auto replies = run_batch(std::move(reqs), [&](size_t, const HttpResponse&) {
    auto s = (*reader)->prepare(visits);
    s.step();
    seen_at_reply.push_back(s.i64(0));
  });
  for (size_t i = 0; i < hh.size(); ++i)
    EXPECT_EQ(replies[i].status, i == 3 ? 422 : 201) << i << replies[i].body;
  for (int64_t seen : seen_at_reply) EXPECT_EQ(seen, 5);
  EXPECT_EQ(count(visits), 5);
  EXPECT_EQ(count(visits + " AND household_id = " + std::to_string(hh[3])), 0);
}

// The day totals the capacity check reads (purchase_day_total, kept by
// triggers) equal the rows after writes from outside the program too.
TEST_F(WriteLaneTest, DayTotalsFollowEveryWriter) {
  int64_t point = new_point(1000);
  ASSERT_EQ(
      call("POST", "/api/v1/purchases", "county", purchase(point, households_[200], 10)).status,
      201);
  std::string p = std::to_string(point);
  auto& db = svc_->store->db();
  ASSERT_TRUE(db.exec("INSERT INTO produce_purchase (point_id, household_id, region_code, kind, "
                      "grams, fen_per_jin, amount_fen, on_date, created_at, created_by) SELECT " +
                      p +
                      ", household_id, region_code, kind, 3000, fen_per_jin, amount_fen, "
                      "'2020-02-12', created_at, 'sqlite3' FROM produce_purchase WHERE point_id "
                      "= " +
                      p)
                  .ok());
  ASSERT_TRUE(db.exec("UPDATE produce_purchase SET on_date = '2020-02-11' WHERE point_id = " + p +
                      " AND grams = 3000")
                  .ok());
  const Date d12 = Date::parse_iso("2020-02-12").value(),
             d11 = Date::parse_iso("2020-02-11").value();
  EXPECT_EQ(*svc_->produce_store->bought_at_point(point, d12), 5000);
  EXPECT_EQ(*svc_->produce_store->bought_at_point(point, d11), 3000);
  ASSERT_TRUE(
      db.exec("DELETE FROM produce_purchase WHERE point_id = " + p + " AND grams = 5000").ok());
  EXPECT_EQ(*svc_->produce_store->bought_at_point(point, d12), 0);
  EXPECT_EQ(*svc_->produce_store->bought_at_point(point, d11), 3000);
  // Every point's and buyer's every day, the demo's included.
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT 'point' AS o, point_id AS i, on_date, SUM(grams) "
                  "AS g FROM produce_purchase WHERE point_id IS NOT NULL GROUP BY point_id, "
                  "on_date UNION ALL SELECT 'buyer', buyer_id, on_date, SUM(grams) FROM "
                  "produce_purchase WHERE buyer_id IS NOT NULL GROUP BY buyer_id, on_date) s "
                  "LEFT JOIN purchase_day_total t ON t.owner = s.o AND t.owner_id = s.i AND "
                  "t.on_date = s.on_date WHERE t.grams IS NOT s.g"),
            0);
  EXPECT_GT(count("SELECT COUNT(*) FROM purchase_day_total WHERE owner = 'buyer'"), 0);
}

// ---- through the real server

// One request on its own connection; the status and body (empty on failure).
std::pair<int, std::string> http_post(uint16_t port, const std::string& path,
                                      const std::string& token, const std::string& body) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {0, ""};
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return {0, ""};
  }
  std::string req = "POST " + path +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                    "application/json\r\nAuthorization: Bearer " +
                    token + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                    body;
  for (size_t sent = 0; sent < req.size();) {
    ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string resp;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
    resp.append(buf, static_cast<size_t>(n));
  ::close(fd);
  if (resp.size() < 12 || !resp.starts_with("HTTP/1.1 ")) return {0, resp};
  auto head_end = resp.find("\r\n\r\n");
  return {std::stoi(resp.substr(9, 3)),
          head_end == std::string::npos ? "" : resp.substr(head_end + 4)};
}

uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST_F(WriteLaneTest, ConcurrentPurchasesThroughTheServerAllCommittedBeforeTheirReply) {
  if (!std::filesystem::exists(LZ_BINARY)) GTEST_SKIP() << "no " << LZ_BINARY;
  int64_t point = new_point(1000000);
  std::string tok = token("county");
  int64_t income_before = count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income");
  uint16_t port = free_port();
  std::string listen = "127.0.0.1:" + std::to_string(port);
  std::string log = path_ + ".serve.log";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  std::vector<std::string> args = {LZ_BINARY, "serve", "--db", path_, "--listen", listen};
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, LZ_BINARY, &fa, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  bool up = false;
  for (int i = 0; i < 300 && !up; ++i) {
    up = http_post(port, "/api/v1/health", "", "").first != 0;
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(up) << "server did not start";

  // 16 clients at once, 10 purchases each; client 5's fourth is refused
  // (price 0). After each 201, another connection must see its row.
  constexpr int kClients = 16, kEach = 10;
  std::atomic<int> created{0}, refused{0}, wrong{0}, unseen{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      auto reader = sqlite::Db::open(path_);
      if (!reader) {
        ++wrong;
        return;
      }
      for (int k = 0; k < kEach; ++k) {
        json b = purchase(point, households_[c * kEach + k], 5 + k);
        bool bad = c == 5 && k == 3;
        if (bad) b["price"] = 0;
        auto [status, body] = http_post(port, "/api/v1/purchases", tok, b.dump());
        if (bad) {
          (status == 422 ? refused : wrong)++;
          continue;
        }
        if (status != 201) {
          ++wrong;
          continue;
        }
        ++created;
        auto j = json::parse(body, nullptr, false);
        auto s = (*reader)->prepare("SELECT COUNT(*) FROM produce_purchase WHERE id = ?");
        s.bind(1, j.is_object() ? j.value("id", int64_t{0}) : int64_t{0});
        s.step();
        if (s.i64(0) != 1) ++unseen;
      }
    });
  for (auto& t : clients) t.join();
  ::kill(pid, SIGTERM);
  int wst = 0;
  ::waitpid(pid, &wst, 0);
  EXPECT_TRUE(WIFEXITED(wst) && WEXITSTATUS(wst) == 0) << wst;
  EXPECT_EQ(created.load(), kClients * kEach - 1);
  EXPECT_EQ(refused.load(), 1);
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(unseen.load(), 0);
  std::string p = std::to_string(point);
  EXPECT_EQ(count("SELECT COUNT(*) FROM produce_purchase WHERE point_id = " + p),
            kClients * kEach - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM produce_purchase WHERE point_id = " + p +
                  " AND household_id = " + std::to_string(households_[5 * kEach + 3])),
            0);
  EXPECT_EQ(count("SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income") - income_before,
            count("SELECT SUM(amount_fen) FROM produce_purchase WHERE point_id = " + p));
  std::filesystem::remove(log);
}

}  // namespace
}  // namespace lz::http
