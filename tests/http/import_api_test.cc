// Uploads through the API (POST /api/v1/imports, GET /imports,
// GET /imports/{id}, GET /imports/{id}/report.xlsx): 202 with an id,
// progress until done, the same summary as the CLI's --json, the report as
// xlsx, modes and dry run, rows outside the uploader's township refused;
// the uploader (and a county admin) sees it; uploads are records in the
// database with their file name and report, the file on disk next to the
// database until it has run; the livelihood kinds (purchases credit the
// household's income); chunked uploads (POST /imports/uploads, PUT slices,
// start): in order, a slice sent again, a gap, another user, the limits, an
// idle upload expired, a restart leaving it resumable; every imports route
// in the OpenAPI document.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "api_fixture.h"
#include "core/id_number.h"
#include "exchange/sqlite_uploads.h"
#include "exchange/table_writer.h"
#include "http/api.h"
#include "http/services.h"
#include "http/upload_limits.h"
#include "registry/region_tree.h"

namespace lz::http {
namespace {

std::string idn(int y, int m, int d, int seq) {
  return IdNumber::make("430281", *Date::from_ymd(y, m, d), seq).str();
}

class ImportApiTest : public ApiFixture<ImportApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_import_api_", std::nullopt));
    auto villages = RegionTree::liling().at_level(RegionLevel::kVillage);
    village_ = villages.front()->code;
    for (auto* v : villages)
      if (v->code.substr(0, 9) != village_.substr(0, 9)) {
        other_village_ = v->code;
        break;
      }
    Actor cli{"cli", "", ""};
    ASSERT_NO_FATAL_FAILURE(add_account("county", "county_admin", "430281"));
    ASSERT_NO_FATAL_FAILURE(add_account("officer", "township_officer", village_.substr(0, 9)));
    ASSERT_NO_FATAL_FAILURE(
        add_account("officer2", "township_officer", other_village_.substr(0, 9)));
    // Two checkpoints of the officer's township; a gate keeper at the first.
    epidemic::Checkpoint a{0,   "上传卡点甲", "G106", village_.substr(0, 9), village_.substr(0, 9),
                           true};
    epidemic::Checkpoint b{0,   "上传卡点乙", "S211", village_.substr(0, 9), village_.substr(0, 9),
                           true};
    checkpoint_a_ = svc_->epidemic_store->add_checkpoint(a, cli)->id;
    checkpoint_b_ = svc_->epidemic_store->add_checkpoint(b, cli)->id;
    AccountInput gate;
    gate.checkpoint_id = checkpoint_a_;
    ASSERT_NO_FATAL_FAILURE(add_account("gate", "checkpoint_staff", "", gate));
  }
  static void TearDownTestSuite() { close_county(); }
  // Uploads and waits for the end; returns the last GET.
  Res upload(const std::string& who, const std::string& query, const std::string& body,
             const std::string& lang = "", const std::string& content_type = "text/csv") {
    auto post = call_raw("POST", "/api/v1/imports?" + query, who, body, lang, content_type);
    EXPECT_EQ(post.status, 202) << post.raw;
    if (post.status != 202) return post;
    EXPECT_TRUE(post.body["id"].is_number_integer());
    std::string url = "/api/v1/imports/" + std::to_string(post.body["id"].get<int64_t>());
    for (int i = 0; i < 1000; ++i) {
      auto g = call_raw("GET", url, who, "", lang);
      if (g.body.value("state", "") == "done" || g.body.value("state", "") == "failed") return g;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "import did not finish";
    return post;
  }
  static int64_t count(const char* sql) {
    auto s = svc_->store->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  static inline std::string village_, other_village_;
  static inline int64_t checkpoint_a_ = 0, checkpoint_b_ = 0;
};

TEST_F(ImportApiTest, HouseholdsUploadWithProgressSummaryAndReport) {
  std::string csv = "户编号,行政区划代码,姓名,公民身份号码,与户主关系\n";
  csv += "A001," + village_ + ",张三," + idn(1970, 1, 1, 11) + ",本人\n";
  csv += "A001," + village_ + ",李四," + idn(1972, 3, 4, 22) + ",配偶\n";
  csv += "A002," + other_village_ + ",王五," + idn(1960, 1, 1, 41) + ",本人\n";  // another township
  csv += "A003," + village_ + ",赵六,4.30281E+17,本人\n";  // damaged ID number
  int64_t persons = count("SELECT COUNT(*) FROM person");
  // Dry run by the township officer: nothing written, the refusals named.
  auto dry = upload("officer", "kind=households&mode=good-rows&dry_run=true", csv);
  ASSERT_EQ(dry.body["state"], "done") << dry.raw;
  EXPECT_EQ(dry.body["rows_read"], 4);
  EXPECT_EQ(dry.body["progress"], 1.0);
  const json& s = dry.body["summary"];
  EXPECT_EQ(s["rows_read"], 4);
  EXPECT_EQ(s["added"], 2);
  EXPECT_EQ(s["refused"], 2);
  EXPECT_EQ(s["committed"], false);
  EXPECT_EQ(s["dry_run"], true);
  ASSERT_EQ(s["refusals"].size(), 2u) << s.dump(2);
  EXPECT_EQ(s["refusals"][0]["row"], 4);
  EXPECT_EQ(s["refusals"][0]["code"], "region.out_of_scope");
  EXPECT_EQ(s["refusals"][1]["row"], 5);
  EXPECT_EQ(s["refusals"][1]["column"], "D");
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);
  // The report of that upload: xlsx, in English on request.
  std::string id = std::to_string(dry.body["id"].get<int64_t>());
  auto rep = call_raw("GET", "/api/v1/imports/" + id + "/report.xlsx", "officer", "", "en");
  EXPECT_EQ(rep.status, 200);
  EXPECT_NE(rep.type.find("spreadsheetml"), std::string::npos);
  EXPECT_EQ(rep.raw.rfind("PK\x03\x04", 0), 0u);
  // The uploader sees it, and a county admin; another township's officer does not.
  EXPECT_EQ(call("GET", "/api/v1/imports/" + id, "officer2").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/imports/" + id + "/report.xlsx", "officer2").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/imports/" + id, "county").status, 200);
  // All or nothing: refused, nothing written; good rows: the household of the township written.
  auto all = upload("officer", "kind=households", csv, "en");
  EXPECT_EQ(all.body["summary"]["committed"], false);
  EXPECT_NE(all.body["summary"]["refusals"][0]["reason"].get<std::string>().find(
                "outside your jurisdiction"),
            std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);
  auto good = upload("officer", "kind=households&mode=good-rows&file_name=a.csv", csv);
  EXPECT_EQ(good.body["summary"]["committed"], true);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons + 2);
  // Its audit trail: one entry naming the upload, the file and its SHA-256, the counts.
  std::string gid = std::to_string(good.body["id"].get<int64_t>());
  auto a = svc_->store->db().prepare(
      "SELECT COUNT(*), MAX(after), MAX(actor) FROM audit_log WHERE entity = 'import' AND "
      "entity_id = ?");
  a.bind(1, gid);
  ASSERT_TRUE(a.step());
  EXPECT_EQ(a.i64(0), 1);
  json after = json::parse(a.str(1));
  EXPECT_EQ(after["file_name"], "a.csv");
  EXPECT_EQ(after["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(after["mode"], "good-rows");
  EXPECT_EQ(after["added"], 2);
  EXPECT_EQ(after["refused"], 2);
  EXPECT_EQ(a.str(2), "officer");
}

TEST_F(ImportApiTest, KeyPersonsFromXlsxBody) {
  std::string file =
      (std::filesystem::temp_directory_path() / ("lz_kp_" + std::to_string(::getpid()) + ".xlsx"))
          .string();
  {
    auto w = exchange::create_table_writer(file, "重点人员");
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->write_row({"姓名", "公民身份号码", "类别", "所在村"}, true).ok());
    ASSERT_TRUE((*w)->write_row({"孙八", idn(1981, 1, 1, 61), "发热", village_}).ok());
    ASSERT_TRUE((*w)->write_row({"周九", idn(1982, 1, 1, 71), "发热", other_village_}).ok());
    ASSERT_TRUE((*w)->write_row({"吴十", idn(1983, 1, 1, 81), "无此类别", village_}).ok());
    ASSERT_TRUE((*w)->close().ok());
  }
  std::ifstream f(file, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::filesystem::remove(file);
  int64_t kp = count("SELECT COUNT(*) FROM key_person");
  auto r = upload("officer", "kind=key_persons&mode=good-rows", ss.str(), "",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(r.body["state"], "done") << r.raw;
  const json& s = r.body["summary"];
  EXPECT_EQ(s["format"], "xlsx");
  EXPECT_EQ(s["added"], 1);
  EXPECT_EQ(s["persons_created"], 1);
  ASSERT_EQ(s["refusals"].size(), 2u) << s.dump(2);
  EXPECT_EQ(s["refusals"][0]["row"], 3);
  EXPECT_EQ(s["refusals"][0]["code"], "region.out_of_scope");
  EXPECT_EQ(s["refusals"][1]["row"], 4);
  EXPECT_EQ(s["refusals"][1]["column"], "C");
  EXPECT_EQ(count("SELECT COUNT(*) FROM key_person"), kp + 1);
}

TEST_F(ImportApiTest, CheckpointStaffUploadOnlyTheirPassages) {
  std::string csv = "卡点,时间,车牌号,来自,姓名,公民身份号码,体温\n";
  csv += "上传卡点甲,2020-02-10 08:00,湘B10001,株洲,张三," + idn(1970, 1, 1, 11) + ",36.5\n";
  csv += "上传卡点甲,2020-02-10 08:00,湘B10001,株洲,李四," + idn(1972, 3, 4, 22) + ",36.7\n";
  csv += "上传卡点乙,2020-02-10 08:05,湘B10002,株洲,,,36.6\n";  // not their checkpoint
  int64_t before = count("SELECT COUNT(*) FROM passage");
  auto r = upload("gate", "kind=passages&mode=good-rows", csv);
  ASSERT_EQ(r.body["state"], "done") << r.raw;
  const json& s = r.body["summary"];
  EXPECT_EQ(s["passages"], 1);
  EXPECT_EQ(s["added"], 2);
  ASSERT_EQ(s["refusals"].size(), 1u) << s.dump(2);
  EXPECT_EQ(s["refusals"][0]["row"], 4);
  EXPECT_EQ(s["refusals"][0]["code"], "checkpoint.out_of_scope");
  EXPECT_EQ(count("SELECT COUNT(*) FROM passage"), before + 1);
  // Checkpoint staff import passages only.
  EXPECT_EQ(call_raw("POST", "/api/v1/imports?kind=key_persons", "gate", "x").status, 403);
}

TEST_F(ImportApiTest, BadRequestsAndUnreadableFiles) {
  EXPECT_EQ(call_raw("POST", "/api/v1/imports?kind=cadres", "county", "x").status, 400);
  EXPECT_EQ(call_raw("POST", "/api/v1/imports?kind=households&mode=some", "county", "x").status,
            400);
  EXPECT_EQ(call_raw("POST", "/api/v1/imports?kind=households", "county", "").status, 422);
  EXPECT_EQ(call("GET", "/api/v1/imports/99999", "county").status, 404);
  // A file without the required columns: the import fails as a whole, with the reason.
  auto r = upload("county", "kind=follow_ups", "姓名,体温\n张三,36.5\n");
  EXPECT_EQ(r.body["state"], "failed");
  EXPECT_EQ(r.body["error"]["code"], "header.missing");
  EXPECT_EQ(
      call("GET", "/api/v1/imports/" + std::to_string(r.body["id"].get<int64_t>()) + "/report.xlsx",
           "county")
          .status,
      409);
}

TEST_F(ImportApiTest, PurchasesUploadCreditsIncomeAndUploadsAreKept) {
  // A household of the officer's township, a purchase point there with the day's cabbage price,
  // and one in another township; an operator bound to the first.
  std::string hh = "户编号,行政区划代码,姓名,公民身份号码,与户主关系\n";
  hh += "P001," + village_ + ",钱一," + idn(1966, 6, 6, 91) + ",本人\n";
  ASSERT_EQ(upload("officer", "kind=households", hh).body["summary"]["committed"], true);
  Actor cli{"cli", "", ""};
  livelihood::PurchasePoint p;
  p.name = "上传测试收购点";
  p.region_code = village_.substr(0, 9);
  p.capacity_grams = 1000 * 500;
  auto point = svc_->produce->create_point(p, cli);
  ASSERT_TRUE(point.ok()) << point.error().describe();
  Date today = svc_->produce->today();
  ASSERT_TRUE(svc_->produce->set_prices(point->id, today, {{"cabbage", 120}}, cli).ok());
  p.name = "别镇收购点";
  p.region_code = other_village_.substr(0, 9);
  ASSERT_TRUE(svc_->produce->create_point(p, cli).ok());
  AccountInput op;
  op.purchase_point_id = point->id;
  ASSERT_NO_FATAL_FAILURE(add_account("operator", "purchase_point_operator", "", op));

  std::string csv = "收购日期,收购点,户编号,品种,重量(斤),单价(元/斤),金额(元)\n";
  csv += today.iso() + ",上传测试收购点,P001,白菜,37.5,,45.00\n";  // the day's price: 1.20
  csv += today.iso() + ",别镇收购点,P001,白菜,10,1.00,\n";         // another township's point
  csv += today.iso() + ",上传测试收购点,P001,白菜,2000,,\n";       // over the day's capacity
  auto r = upload("officer", "kind=purchases&mode=good-rows&file_name=%E5%8F%B0%E8%B4%A6.csv", csv);
  ASSERT_EQ(r.body["state"], "done") << r.raw;
  const json& s = r.body["summary"];
  EXPECT_EQ(s["added"], 1);
  EXPECT_EQ(s["amount_fen"], 4500);
  ASSERT_EQ(s["refusals"].size(), 2u) << s.dump(2);
  EXPECT_EQ(s["refusals"][0]["row"], 3);
  EXPECT_EQ(s["refusals"][0]["code"], "region.out_of_scope");
  EXPECT_EQ(s["refusals"][1]["code"], "purchase.exceeds_capacity");
  EXPECT_EQ(s["refusals"][1]["column"], "E");
  EXPECT_EQ(count(("SELECT business_fen FROM poverty_income WHERE year = " +
                   std::to_string(today.year()) +
                   " AND household_id = (SELECT id FROM household WHERE number = 'P001')")
                      .c_str()),
            4500);
  // The operator: only their point.
  std::string op_csv = "收购点,户编号,品种,重量,单价\n别镇收购点,P001,白菜,1,1\n";
  auto o = upload("operator", "kind=purchases", op_csv);
  ASSERT_EQ(o.body["summary"]["refusals"].size(), 1u) << o.raw;
  EXPECT_EQ(o.body["summary"]["refusals"][0]["code"], "purchase.forbidden");
  EXPECT_EQ(call_raw("POST", "/api/v1/imports?kind=households", "operator", "x").status, 403);

  // The upload is a record: who, the file name, the report; its file is gone once it has run.
  int64_t id = r.body["id"];
  EXPECT_EQ(r.body["file_name"], "台账.csv");
  EXPECT_EQ(r.body["uploaded_by"], "officer");
  EXPECT_EQ(count(("SELECT COUNT(*) FROM import_upload WHERE id = " + std::to_string(id) +
                   " AND state = 'done' AND report IS NOT NULL AND login = 'officer'")
                      .c_str()),
            1);
  EXPECT_FALSE(std::filesystem::exists(path_ + "-uploads/" + std::to_string(id) + ".csv"));
  // Lists: the officer's own uploads, the county admin's everyone's.
  auto mine = call("GET", "/api/v1/imports?limit=1000", "officer");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  bool found = false;
  for (const auto& u : mine.body["items"]) {
    EXPECT_EQ(u["uploaded_by"], "officer");
    if (u["id"] == id) found = u["summary"]["added"] == 1;
  }
  EXPECT_TRUE(found) << mine.raw;
  EXPECT_EQ(mine.body["total"], mine.body["items"].size());
  auto all = call("GET", "/api/v1/imports?limit=1000", "county");
  EXPECT_GT(all.body["total"].get<int64_t>(), mine.body["total"].get<int64_t>());
  auto other = call("GET", "/api/v1/imports", "officer2");
  EXPECT_EQ(other.body["total"], 0);
  // The report of a stored upload, in English on request.
  auto rep = call_raw("GET", "/api/v1/imports/" + std::to_string(id) + "/report.xlsx", "officer",
                      "", "en");
  EXPECT_EQ(rep.status, 200);
  EXPECT_EQ(rep.raw.rfind("PK\x03\x04", 0), 0u);
}

TEST_F(ImportApiTest, EveryImportsRouteIsInTheOpenApiDocument) {
  auto doc = call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  int routes = 0;
  for (const auto& route : api_->router().routes()) {
    if (route.pattern.rfind("/api/v1/imports", 0) != 0) continue;
    ++routes;
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ASSERT_TRUE(doc.body["paths"].contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(doc.body["paths"][route.pattern].contains(method))
        << route.method << " " << route.pattern;
  }
  // POST and GET /imports, GET /imports/{id}, GET /imports/{id}/report.xlsx; POST /imports/uploads,
  // PUT and GET /imports/uploads/{id}, POST /imports/uploads/{id}/start.
  EXPECT_EQ(routes, 8);
  for (const char* schema : {"ImportJob", "ImportUpload", "ImportUploadCreate"})
    EXPECT_TRUE(doc.body["components"]["schemas"].contains(schema)) << schema;
}

// Small limits for the chunked tests (restored after each).
class ChunkedUploadTest : public ImportApiTest {
 protected:
  void SetUp() override {
    UploadLimits l;
    l.chunk_bytes = 64;
    l.max_bytes = 1 << 20;
    l.open_per_user = 3;
    set_upload_limits(l);
  }
  void TearDown() override { set_upload_limits(UploadLimits{}); }
  Res begin(const std::string& who, const std::string& kind, size_t size,
            const std::string& extra = "") {
    return call_raw("POST", "/api/v1/imports/uploads", who,
                    R"({"kind":")" + kind +
                        R"(","mode":"good-rows","file_name":"dir/分段.csv","size":)" +
                        std::to_string(size) + extra + "}");
  }
  Res put(const std::string& who, int64_t id, size_t offset, const std::string& slice) {
    return call_raw(
        "PUT",
        "/api/v1/imports/uploads/" + std::to_string(id) + "?offset=" + std::to_string(offset), who,
        slice);
  }
  Res wait_done(const std::string& who, int64_t id) {
    for (int i = 0; i < 1000; ++i) {
      auto g = call("GET", "/api/v1/imports/" + std::to_string(id), who);
      if (g.body.value("state", "") == "done" || g.body.value("state", "") == "failed") return g;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "import did not finish";
    return {};
  }
};

TEST_F(ChunkedUploadTest, SlicesInOrderRepeatedGapOtherUserThenTheSameImport) {
  std::string csv = "户编号,行政区划代码,姓名,公民身份号码,与户主关系\n";
  csv += "C001," + village_ + ",陈一," + idn(1971, 2, 3, 13) + ",本人\n";
  csv += "C001," + village_ + ",陈二," + idn(1973, 4, 5, 24) + ",配偶\n";
  csv += "C002," + other_village_ + ",王五," + idn(1961, 1, 1, 43) + ",本人\n";  // another township
  ASSERT_GT(csv.size(), 3 * 64u);
  int64_t persons = count("SELECT COUNT(*) FROM person");
  auto b = begin("officer", "households", csv.size());
  ASSERT_EQ(b.status, 201) << b.raw;
  int64_t id = b.body["id"];
  EXPECT_EQ(b.body["state"], "uploading");
  EXPECT_EQ(b.body["chunk_size"], 64);
  EXPECT_EQ(b.body["received_bytes"], 0);
  EXPECT_EQ(b.body["file_name"], "分段.csv");  // the base name only
  std::string url = "/api/v1/imports/uploads/" + std::to_string(id);
  // The first slice, then the same again (a retry after a lost answer): no change.
  auto p1 = put("officer", id, 0, csv.substr(0, 64));
  ASSERT_EQ(p1.status, 200) << p1.raw;
  EXPECT_EQ(p1.body["received_bytes"], 64);
  auto again = put("officer", id, 0, csv.substr(0, 64));
  EXPECT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["received_bytes"], 64);
  // A gap: 409 naming the offset to send.
  auto gap = put("officer", id, 128, csv.substr(128, 64));
  EXPECT_EQ(gap.status, 409) << gap.raw;
  EXPECT_EQ(gap.body["code"], "upload.gap");
  EXPECT_EQ(gap.body["expected_offset"], 64);
  // Too big a slice; beyond the file's size.
  EXPECT_EQ(put("officer", id, 64, csv.substr(64, 65)).status, 413);
  EXPECT_EQ(put("officer", id, csv.size() - 10, std::string(20, 'x')).status, 413);
  // Starting before it is complete: 409 with what is there.
  auto early = call("POST", url + "/start", "officer");
  EXPECT_EQ(early.status, 409) << early.raw;
  EXPECT_EQ(early.body["code"], "upload.incomplete");
  EXPECT_EQ(early.body["received_bytes"], 64);
  // Nobody else sees or continues it, not even the county administrator.
  for (const char* who : {"officer2", "county"}) {
    EXPECT_EQ(call("GET", url, who).status, 404) << who;
    EXPECT_EQ(put(who, id, 64, csv.substr(64, 64)).status, 404) << who;
    EXPECT_EQ(call("POST", url + "/start", who).status, 404) << who;
  }
  // The rest in order; GET says how much is there (to resume).
  for (size_t at = 64; at < csv.size(); at += 64) {
    auto p = put("officer", id, at, csv.substr(at, 64));
    ASSERT_EQ(p.status, 200) << p.raw;
    EXPECT_EQ(p.body["received_bytes"], std::min(csv.size(), at + 64));
  }
  auto g = call("GET", url, "officer");
  EXPECT_EQ(g.body["received_bytes"], csv.size());
  EXPECT_EQ(g.body["state"], "uploading");
  EXPECT_EQ(
      count(("SELECT received_bytes FROM import_upload WHERE id = " + std::to_string(id)).c_str()),
      static_cast<int64_t>(csv.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);  // nothing until started
  // Start: the import job as a single-shot upload's, the same id.
  auto st = call("POST", url + "/start", "officer");
  ASSERT_EQ(st.status, 202) << st.raw;
  EXPECT_EQ(st.body["id"], id);
  auto done = wait_done("officer", id);
  ASSERT_EQ(done.body["state"], "done") << done.raw;
  EXPECT_EQ(done.body["format"], "csv");
  EXPECT_EQ(done.body["summary"]["rows_read"], 3);
  EXPECT_EQ(done.body["summary"]["added"], 2);
  EXPECT_EQ(done.body["summary"]["refused"], 1);
  EXPECT_EQ(done.body["summary"]["refusals"][0]["code"], "region.out_of_scope");
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons + 2);
  EXPECT_FALSE(std::filesystem::exists(path_ + "-uploads/" + std::to_string(id) + ".part"));
  EXPECT_FALSE(std::filesystem::exists(path_ + "-uploads/" + std::to_string(id) + ".csv"));
  // Started: no more slices, no second start.
  EXPECT_EQ(put("officer", id, 0, csv.substr(0, 64)).status, 409);
  EXPECT_EQ(call("POST", url + "/start", "officer").body["code"], "upload.not_open");
  // In the list like any upload.
  auto list = call("GET", "/api/v1/imports?limit=1000", "officer");
  bool listed = false;
  for (const auto& u : list.body["items"]) listed |= u["id"] == id && u["state"] == "done";
  EXPECT_TRUE(listed) << list.raw;
}

TEST_F(ChunkedUploadTest, LimitsBadRequestsAndWhoMayUpload) {
  EXPECT_EQ(begin("officer", "households", (1 << 20) + 1).status, 413);
  EXPECT_EQ(begin("officer", "households", (1 << 20) + 1).body["code"], "upload.too_large");
  EXPECT_EQ(begin("officer", "cadres", 10).status, 400);
  EXPECT_EQ(begin("officer", "households", 0).status, 422);
  EXPECT_EQ(call_raw("POST", "/api/v1/imports/uploads", "officer", "not json").status, 400);
  EXPECT_EQ(begin("gate", "key_persons", 10).status, 403);  // checkpoint staff: passages only
  EXPECT_EQ(put("officer", 999999, 0, "x").status, 404);
  // At most open_per_user unfinished uploads each (officer2 has none yet).
  for (int i = 0; i < 3; ++i) EXPECT_EQ(begin("officer2", "households", 10).status, 201);
  auto fourth = begin("officer2", "households", 10);
  EXPECT_EQ(fourth.status, 409) << fourth.raw;
  EXPECT_EQ(fourth.body["code"], "upload.too_many_open");
  EXPECT_EQ(begin("county", "households", 10).status, 201);  // another user's count
  // An offset is required.
  auto b = begin("county", "households", 10);
  int64_t id = b.body["id"];
  EXPECT_EQ(call_raw("PUT", "/api/v1/imports/uploads/" + std::to_string(id), "county", "x").status,
            400);
  EXPECT_EQ(put("county", id, 0, "").status, 422);
}

// Idle for a day: failed and the part removed, when an upload begins or the list is asked.
TEST_F(ChunkedUploadTest, IdleUploadsExpireAndARestartLeavesOthersResumable) {
  auto a = begin("officer", "households", 100);
  auto b2 = begin("officer", "households", 100);
  ASSERT_EQ(a.status, 201) << a.raw;
  int64_t idle = a.body["id"], live = b2.body["id"];
  ASSERT_EQ(put("officer", idle, 0, std::string(50, 'a')).status, 200);
  ASSERT_EQ(put("officer", live, 0, std::string(50, 'b')).status, 200);
  std::string idle_part = path_ + "-uploads/" + std::to_string(idle) + ".part";
  EXPECT_TRUE(std::filesystem::exists(idle_part));
  // What a restart does to unfinished records (import.interrupted for queued and running
  // ones) leaves uploads that still receive slices alone: they resume where they were.
  exchange::UploadStore store(svc_->store->db());
  ASSERT_TRUE(store.fail_unfinished("{}", "2026-01-01T00:00:00Z").ok());
  auto g = call("GET", "/api/v1/imports/uploads/" + std::to_string(live), "officer");
  EXPECT_EQ(g.body["state"], "uploading") << g.raw;
  EXPECT_EQ(g.body["received_bytes"], 50);
  // More than a day without a slice: the next upload begun drops it and its file.
  auto old = svc_->store->db().prepare(
      "UPDATE import_upload SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?");
  old.bind(1, idle);
  ASSERT_TRUE(old.exec().ok());
  EXPECT_EQ(begin("officer", "households", 100).status, 201);
  auto gone = call_raw("GET", "/api/v1/imports/" + std::to_string(idle), "officer", "", "en");
  EXPECT_EQ(gone.body["state"], "failed") << gone.raw;
  EXPECT_EQ(gone.body["error"]["code"], "upload.expired");
  EXPECT_FALSE(std::filesystem::exists(idle_part));
  EXPECT_EQ(put("officer", idle, 50, std::string(50, 'a')).status, 409);
  // The live one continues and completes.
  auto done = put("officer", live, 50, std::string(50, 'b'));
  EXPECT_EQ(done.body["received_bytes"], 100) << done.raw;
  // Listing the imports drops idle ones too (no new upload needed).
  auto old2 = svc_->store->db().prepare(
      "UPDATE import_upload SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?");
  old2.bind(1, live);
  ASSERT_TRUE(old2.exec().ok());
  EXPECT_EQ(call("GET", "/api/v1/imports", "officer").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/imports/" + std::to_string(live), "officer").body["error"]["code"],
            "upload.expired");
  EXPECT_FALSE(std::filesystem::exists(path_ + "-uploads/" + std::to_string(live) + ".part"));
}

}  // namespace
}  // namespace lz::http
