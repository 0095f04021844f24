// Livelihood edits through the API on a small demo county: purchase points,
// backstop buyers, depots, cooperatives, technicians (reassigned), employers,
// job postings and welfare posts change with the version the user saw (a
// stale one is 409 and changes nothing, a missing one 428), each edit is one
// audit entry with before and after, a deactivated record takes no new work,
// validation errors name the field; and the purchase-point operator's lookup
// of selling households (open listings of the point's township only, ID
// numbers masked).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "../http/api_fixture.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"

namespace lz::http {
namespace {

using nlohmann::json;
const char* kShiting = "430281122";

class EditApiTest : public ApiFixture<EditApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_edit_api_", 11));
    auto& db = svc_->store->db();
    auto p = db.prepare("SELECT MIN(id) FROM purchase_point WHERE region_code LIKE '430281122%'");
    ASSERT_TRUE(p.step());
    point_ = p.i64(0);
    // A household of Shiting with a head, and one of another township.
    auto h = db.prepare(
        "SELECT h.id, h.number, h.region_code, hp.name, hp.id_number FROM household h JOIN person "
        "hp ON hp.id = h.head_person_id WHERE h.region_code LIKE '430281122%' AND h.deleted_at IS "
        "NULL ORDER BY h.id LIMIT 1");
    ASSERT_TRUE(h.step());
    household_ = h.i64(0);
    number_ = h.str(1);
    village_ = h.str(2).substr(0, 12);
    head_name_ = h.str(3);
    head_id_ = h.str(4);
    auto o = db.prepare(
        "SELECT h.id, h.number FROM household h WHERE h.region_code NOT LIKE '430281122%' AND "
        "h.deleted_at IS NULL ORDER BY h.id LIMIT 1");
    ASSERT_TRUE(o.step());
    other_household_ = o.i64(0);
    other_number_ = o.str(1);
    add_account("county", "county_admin", "430281");
    add_account("officer", "township_officer", kShiting);
    add_account("other_officer", "township_officer", "430281105");
    add_account("operator", "purchase_point_operator", "", {.purchase_point_id = point_});
  }
  static void TearDownTestSuite() { close_county(); }
  int64_t count(const std::string& sql) {
    auto s = svc_->store->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  // The audit entries of an entity's edits.
  int64_t edits(const std::string& action, int64_t id) {
    return count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action +
                 "' AND entity_id = '" + std::to_string(id) + "' AND before IS NOT NULL AND " +
                 "before != '' AND after != ''");
  }
  // The stale-version contract of a PATCH route: the version must be given
  // (428), a stale one is 409 naming the field version and changes nothing.
  void expect_stale_refused(const std::string& path, const json& change, int64_t version,
                            const std::string& code) {
    json no_version = change;
    auto missing = call("PATCH", path, "county", no_version);
    EXPECT_EQ(missing.status, 428) << path << " " << missing.raw;
    json stale = change;
    stale["version"] = version - 1 > 0 ? version - 1 : version + 7;
    auto before = call("GET", path, "county");
    auto r = call("PATCH", path, "county", stale);
    EXPECT_EQ(r.status, 409) << path << " " << r.raw;
    EXPECT_EQ(r.body["code"], code) << r.raw;
    ASSERT_TRUE(r.body["errors"].is_array()) << r.raw;
    EXPECT_EQ(r.body["errors"][0]["field"], "version") << r.raw;
    auto after = call("GET", path, "county");
    EXPECT_EQ(before.body, after.body) << path;
  }

  static inline int64_t point_ = 0, household_ = 0, other_household_ = 0;
  static inline std::string number_, village_, head_name_, head_id_, other_number_;
};

TEST_F(EditApiTest, PurchasePointEditsWithTheVersionAndCloses) {
  std::string path = "/api/v1/purchase-points/" + std::to_string(point_);
  auto p = call("GET", path, "officer");
  ASSERT_EQ(p.status, 200) << p.raw;
  int64_t v = p.body["version"];
  EXPECT_EQ(p.headers["ETag"], "\"" + std::to_string(v) + "\"");
  expect_stale_refused(path, {{"capacity_jin", 1234}}, v, "purchase_point.stale");
  // A bad capacity names the field; nothing changes.
  auto bad = call("PATCH", path, "officer", {{"capacity_jin", "many"}, {"version", v}}, "en");
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(bad.body["errors"][0]["field"], "capacity_jin") << bad.raw;
  // If-Match with the current version: saved, version up, one audit entry.
  auto ok = call("PATCH", path, "officer",
                 {{"capacity_jin", 1234}, {"operator_name", "李四"}, {"checkpoint_id", nullptr}},
                 "", "\"" + std::to_string(v) + "\"");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["capacity_jin"].get<double>(), 1234);
  EXPECT_EQ(ok.body["operator_name"], "李四");
  EXPECT_TRUE(ok.body["checkpoint_id"].is_null());
  EXPECT_EQ(ok.body["version"].get<int64_t>(), v + 1);
  EXPECT_EQ(edits("purchase_point.update", point_), 1);
  // Another township's officer cannot see it, let alone change it.
  EXPECT_EQ(call("PATCH", path, "other_officer", {{"capacity_jin", 1}, {"version", v + 1}}).status,
            404);
  // The operator may not edit their point.
  EXPECT_EQ(call("PATCH", path, "operator", {{"capacity_jin", 1}, {"version", v + 1}}).status, 403);
  // Closed: it records no purchases.
  auto closed = call("PATCH", path, "officer", {{"active", false}, {"version", v + 1}});
  ASSERT_EQ(closed.status, 200) << closed.raw;
  EXPECT_EQ(closed.body["active"], false);
  auto buy = call("POST", "/api/v1/purchases", "officer",
                  {{"point_id", point_},
                   {"household_id", household_},
                   {"kind", "cabbage"},
                   {"jin", 10},
                   {"price", 1.0}});
  EXPECT_EQ(buy.status, 409) << buy.raw;
  EXPECT_EQ(buy.body["code"], "purchase_point.inactive") << buy.raw;
  ASSERT_EQ(call("PATCH", path, "officer", {{"active", true}, {"version", v + 2}}).status, 200);
}

TEST_F(EditApiTest, BackstopBuyerFloorPricesAndDeactivation) {
  auto b = call("POST", "/api/v1/backstop-buyers", "officer",
                {{"name", "石亭镇卫生院食堂"},
                 {"unit", "石亭镇卫生院"},
                 {"region_code", kShiting},
                 {"capacity_jin", 40},
                 {"floor_prices", {{{"kind", "cabbage"}, {"price", 0.8}}}}});
  ASSERT_EQ(b.status, 201) << b.raw;
  int64_t id = b.body["id"];
  std::string path = "/api/v1/backstop-buyers/" + std::to_string(id);
  expect_stale_refused(path, {{"capacity_jin", 60}}, 1, "backstop_buyer.stale");
  auto dup = call(
      "PATCH", path, "officer",
      {{"floor_prices", {{{"kind", "cabbage"}, {"price", 1}}, {{"kind", "cabbage"}, {"price", 2}}}},
       {"version", 1}});
  EXPECT_EQ(dup.status, 422) << dup.raw;
  EXPECT_EQ(dup.body["errors"][0]["field"], "floor_prices[1].kind") << dup.raw;
  auto ok = call("PATCH", path, "officer",
                 {{"capacity_jin", 60},
                  {"floor_prices", {{{"kind", "radish"}, {"price", 0.6}}}},
                  {"active", false},
                  {"version", 1}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["active"], false);
  EXPECT_EQ(ok.body["floor_prices"].size(), 1u);
  EXPECT_EQ(ok.body["floor_prices"][0]["kind"], "radish");
  EXPECT_EQ(edits("backstop_buyer.update", id), 1);
}

TEST_F(EditApiTest, DepotAndCooperativeEditsAndSoftDeletes) {
  auto d = call("POST", "/api/v1/depots", "officer",
                {{"name", "石亭镇农资仓库二号"}, {"region_code", kShiting}, {"keeper_name", "周"}});
  ASSERT_EQ(d.status, 201) << d.raw;
  int64_t did = d.body["id"];
  EXPECT_EQ(d.body["version"], 1);
  std::string dpath = "/api/v1/depots/" + std::to_string(did);
  expect_stale_refused(dpath, {{"keeper_name", "吴"}}, 1, "depot.stale");
  auto bad = call("PATCH", dpath, "officer", {{"name", ""}, {"version", 1}});
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(bad.body["errors"][0]["field"], "name") << bad.raw;
  auto ok = call("PATCH", dpath, "officer", {{"keeper_name", "吴"}, {"version", 1}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["keeper_name"], "吴");
  EXPECT_EQ(ok.body["version"], 2);
  EXPECT_EQ(edits("supplies.depot.update", did), 1);
  ASSERT_EQ(call("PATCH", dpath, "officer", {{"active", false}, {"version", 2}}).status, 200);
  auto receipt = call("POST", dpath + "/receipts", "officer", {{"item", "seed"}, {"quantity", 10}});
  EXPECT_EQ(receipt.status, 409) << receipt.raw;
  EXPECT_EQ(receipt.body["code"], "depot.inactive");

  auto c = call("POST", "/api/v1/cooperatives", "officer",
                {{"name", "石亭镇测试蔬菜专业合作社"}, {"region_code", village_}, {"members", 12}});
  ASSERT_EQ(c.status, 201) << c.raw;
  int64_t cid = c.body["id"];
  std::string cpath = "/api/v1/cooperatives/" + std::to_string(cid);
  expect_stale_refused(cpath, {{"members", 20}}, 1, "cooperative.stale");
  auto other = call("PATCH", cpath, "officer", {{"region_code", "430281105001"}, {"version", 1}});
  EXPECT_EQ(other.status, 422) << other.raw;
  EXPECT_EQ(other.body["errors"][0]["field"], "region_code");
  auto cok = call("PATCH", cpath, "officer", {{"members", 20}, {"active", false}, {"version", 1}});
  ASSERT_EQ(cok.status, 200) << cok.raw;
  EXPECT_EQ(cok.body["members"], 20);
  auto req = call(
      "POST", "/api/v1/supply-requests", "officer",
      {{"cooperative_id", cid}, {"item", "seed"}, {"quantity", 50}, {"needed_by", "2020-02-20"}});
  EXPECT_EQ(req.status, 409) << req.raw;
  EXPECT_EQ(req.body["code"], "cooperative.inactive");
}

TEST_F(EditApiTest, TechnicianReassignedKeepsTheHistory) {
  auto c = call("POST", "/api/v1/cooperatives", "officer",
                {{"name", "石亭镇测试水稻专业合作社"}, {"region_code", village_}});
  ASSERT_EQ(c.status, 201) << c.raw;
  int64_t coop = c.body["id"];
  auto t = call("POST", "/api/v1/technicians", "officer",
                {{"name", "刘农技"}, {"speciality", "水稻"}, {"region_code", kShiting}});
  ASSERT_EQ(t.status, 201) << t.raw;
  int64_t tid = t.body["id"];
  std::string path = "/api/v1/technicians/" + std::to_string(tid);
  ASSERT_EQ(call("POST", path + "/assignments", "officer", {{"village_code", village_}}).status,
            201);
  std::string other_village = std::string(kShiting) + "201";
  if (other_village == village_) other_village = std::string(kShiting) + "202";
  expect_stale_refused(path, {{"assignments", json::array()}}, 1, "technician.stale");
  // A village outside the officer's township names the item.
  auto out = call("PATCH", path, "officer",
                  {{"assignments", {{{"village_code", "430281105001"}}}}, {"version", 1}});
  EXPECT_EQ(out.status, 422) << out.raw;
  EXPECT_EQ(out.body["errors"][0]["field"], "assignments[0].village_code") << out.raw;
  auto ok = call("PATCH", path, "officer",
                 {{"phone", "13900000000"},
                  {"assignments", {{{"village_code", other_village}}, {{"cooperative_id", coop}}}},
                  {"version", 1}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  ASSERT_EQ(ok.body["assignments"].size(), 2u) << ok.raw;
  EXPECT_EQ(ok.body["assignments"][0]["village_code"], other_village);
  EXPECT_EQ(ok.body["assignments"][1]["cooperative_id"], coop);
  // The first assignment ended (kept on record), one audit entry.
  EXPECT_EQ(count("SELECT COUNT(*) FROM technician_assignment WHERE technician_id = " +
                  std::to_string(tid) + " AND to_date IS NOT NULL"),
            1);
  EXPECT_EQ(edits("supplies.technician.update", tid), 1);
  // Deactivated: every assignment ends; no new one.
  auto off = call("PATCH", path, "officer", {{"active", false}, {"version", 2}});
  ASSERT_EQ(off.status, 200) << off.raw;
  EXPECT_EQ(off.body["assignments"].size(), 0u);
  auto again = call("POST", path + "/assignments", "officer", {{"village_code", village_}});
  EXPECT_EQ(again.status, 409) << again.raw;
  EXPECT_EQ(again.body["code"], "technician.inactive");
}

TEST_F(EditApiTest, EmployerAndPostingEdits) {
  auto e = call(
      "POST", "/api/v1/employers", "officer",
      {{"kind", "poverty_workshop"}, {"name", "石亭镇编织扶贫车间"}, {"region_code", village_}});
  ASSERT_EQ(e.status, 201) << e.raw;
  int64_t eid = e.body["id"];
  std::string epath = "/api/v1/employers/" + std::to_string(eid);
  auto j = call("POST", "/api/v1/job-postings", "officer",
                {{"employer_id", eid},
                 {"title", "编织工"},
                 {"kind", "processing"},
                 {"region_code", village_},
                 {"monthly_pay", 1800},
                 {"places", 5},
                 {"start_date", "2020-02-12"}});
  ASSERT_EQ(j.status, 201) << j.raw;
  int64_t jid = j.body["id"];
  std::string jpath = "/api/v1/job-postings/" + std::to_string(jid);
  expect_stale_refused(jpath, {{"places", 6}}, 1, "job_posting.stale");
  auto bad = call("PATCH", jpath, "officer", {{"monthly_pay", -5}, {"version", 1}}, "en");
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(bad.body["errors"][0]["field"], "monthly_pay") << bad.raw;
  auto ok = call("PATCH", jpath, "officer", {{"places", 8}, {"monthly_pay", 2000}, {"version", 1}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["places"], 8);
  EXPECT_EQ(ok.body["monthly_pay"].get<double>(), 2000);
  EXPECT_EQ(ok.body["status"], "open");
  EXPECT_EQ(edits("job_posting.update", jid), 1);

  expect_stale_refused(epath, {{"contact_name", "黄"}}, 1, "employer.stale");
  auto eok =
      call("PATCH", epath, "officer", {{"contact_name", "黄"}, {"active", false}, {"version", 1}});
  ASSERT_EQ(eok.status, 200) << eok.raw;
  EXPECT_EQ(eok.body["active"], false);
  EXPECT_EQ(edits("employer.update", eid), 1);
  auto refused = call("POST", "/api/v1/job-postings", "officer",
                      {{"employer_id", eid},
                       {"title", "编织工二"},
                       {"kind", "processing"},
                       {"region_code", village_},
                       {"monthly_pay", 1800},
                       {"places", 1},
                       {"start_date", "2020-02-12"}});
  EXPECT_EQ(refused.status, 409) << refused.raw;
  EXPECT_EQ(refused.body["code"], "employer.inactive");
}

TEST_F(EditApiTest, PostingKeepsAtLeastTheFilledPlaces) {
  auto s = svc_->store->db().prepare(
      "SELECT pl.posting_id, COUNT(*), j.version FROM placement pl JOIN job_posting j ON j.id = "
      "pl.posting_id WHERE pl.end_date IS NULL GROUP BY pl.posting_id ORDER BY COUNT(*) DESC "
      "LIMIT 1");
  ASSERT_TRUE(s.step());
  int64_t jid = s.i64(0), filled = s.i64(1), v = s.i64(2);
  std::string jpath = "/api/v1/job-postings/" + std::to_string(jid);
  if (filled >= 2) {
    auto r = call("PATCH", jpath, "county", {{"places", filled - 1}, {"version", v}});
    EXPECT_EQ(r.status, 409) << r.raw;
    EXPECT_EQ(r.body["code"], "job_posting.places_below_filled");
    EXPECT_EQ(r.body["errors"][0]["field"], "places");
  }
  auto ok = call("PATCH", jpath, "county", {{"places", filled}, {"version", v}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["status"], "filled");
  auto more = call("PATCH", jpath, "county", {{"places", filled + 1}, {"version", v + 1}});
  ASSERT_EQ(more.status, 200) << more.raw;
  EXPECT_EQ(more.body["status"], "open");
}

TEST_F(EditApiTest, WelfarePostHeldKeepsItsPayUntilTheTermEnds) {
  auto s = svc_->store->db().prepare(
      "SELECT w.id, w.version, w.monthly_pay_fen FROM welfare_post w JOIN welfare_holding h ON "
      "h.post_id = w.id WHERE h.to_date IS NULL AND h.from_date <= '2020-02-10' ORDER BY w.id "
      "LIMIT 1");
  ASSERT_TRUE(s.step());
  int64_t id = s.i64(0), v = s.i64(1);
  std::string path = "/api/v1/welfare-posts/" + std::to_string(id);
  expect_stale_refused(path, {{"title", "新名称"}}, v, "welfare_post.stale");
  auto held = call("PATCH", path, "county", {{"monthly_pay", 1200}, {"version", v}});
  EXPECT_EQ(held.status, 409) << held.raw;
  EXPECT_EQ(held.body["code"], "welfare_post.held");
  EXPECT_EQ(held.body["errors"][0]["field"], "monthly_pay");
  auto title = call("PATCH", path, "county", {{"title", "东片保洁员"}, {"version", v}});
  ASSERT_EQ(title.status, 200) << title.raw;
  EXPECT_EQ(title.body["title"], "东片保洁员");
  EXPECT_FALSE(title.body["holder"].is_null());
  // End the holder's term, then withdraw the post: no new holder.
  auto rel =
      call("POST", path + "/release", "county", {{"to_date", "2020-02-11"}, {"reason", "调整"}});
  ASSERT_EQ(rel.status, 200) << rel.raw;
  auto w = call("PATCH", path, "county", {{"active", false}, {"version", v + 1}});
  ASSERT_EQ(w.status, 200) << w.raw;
  EXPECT_EQ(w.body["active"], false);
  EXPECT_TRUE(w.body["holder"].is_null());
  EXPECT_EQ(edits("welfare_post.update", id), 2);
  auto person =
      svc_->store->db().prepare("SELECT person_id FROM welfare_holding WHERE post_id = ?");
  person.bind(1, id);
  ASSERT_TRUE(person.step());
  auto again = call("POST", path + "/holder", "county",
                    {{"person_id", person.i64(0)}, {"from_date", "2020-02-12"}});
  EXPECT_EQ(again.status, 409) << again.raw;
  EXPECT_EQ(again.body["code"], "welfare_post.inactive");
}

TEST_F(EditApiTest, OperatorFindsTheSellerByNumberNameOrIdNumber) {
  auto l = call(
      "POST", "/api/v1/produce/listings", "county",
      {{"household_id", household_}, {"kind", "cabbage"}, {"jin", 80}, {"sell_by", "2020-02-20"}});
  ASSERT_EQ(l.status, 201) << l.raw;
  auto lo = call("POST", "/api/v1/produce/listings", "county",
                 {{"household_id", other_household_},
                  {"kind", "cabbage"},
                  {"jin", 80},
                  {"sell_by", "2020-02-20"}});
  ASSERT_EQ(lo.status, 201) << lo.raw;
  std::string path = "/api/v1/purchase-points/" + std::to_string(point_) + "/sellers?q=";
  auto find = [&](const std::string& q) {
    auto r = call("GET", path + q, "operator");
    EXPECT_EQ(r.status, 200) << q << " " << r.raw;
    for (const auto& x : r.body["items"])
      if (x["household_id"] == household_) return x;
    return json();
  };
  for (const std::string& q : {number_, number_.substr(number_.size() - 6), head_id_}) {
    json x = find(q);
    ASSERT_FALSE(x.is_null()) << q;
    EXPECT_EQ(x["head"]["name"], head_name_);
    EXPECT_NE(x["head"]["id_number"], head_id_);  // masked
    EXPECT_EQ(x["head"]["id_number"].get<std::string>().substr(6, 8), "********");
    ASSERT_GE(x["listings"].size(), 1u);
    EXPECT_EQ(x["listings"][0]["status"], "open");
  }
  // The head's name (percent-encoded UTF-8).
  std::string enc;
  for (unsigned char ch : head_name_) enc += fmt::format("%{:02X}", ch);
  EXPECT_FALSE(find(enc).is_null());
  // Another township's household is not offered, even by its exact number.
  auto r = call("GET", path + other_number_, "operator");
  ASSERT_EQ(r.status, 200);
  for (const auto& x : r.body["items"]) EXPECT_NE(x["household_id"], other_household_);
  // Too short a query names q.
  auto bad = call("GET", path + "1", "operator", nullptr, "en");
  EXPECT_EQ(bad.status, 400) << bad.raw;
  EXPECT_EQ(bad.body["errors"][0]["field"], "q");
  // Another point's operator: 404.
  auto o = svc_->store->db().prepare("SELECT MAX(id) FROM purchase_point");
  ASSERT_TRUE(o.step());
  if (o.i64(0) != point_) {
    EXPECT_EQ(
        call("GET", "/api/v1/purchase-points/" + std::to_string(o.i64(0)) + "/sellers?q=" + number_,
             "operator")
            .status,
        404);
  }
}

// ?active=true|false on every livelihood list with soft delete: the two halves
// partition the unfiltered list, each item in its half; a bad value is 400.
TEST_F(EditApiTest, ActiveFilterSplitsEveryList) {
  // One closed depot and one dissolved cooperative, so the false half is not empty.
  auto d = call("POST", "/api/v1/depots", "officer",
                {{"name", "石亭镇停用仓库"}, {"region_code", kShiting}});
  ASSERT_EQ(d.status, 201) << d.raw;
  ASSERT_EQ(call("PATCH", "/api/v1/depots/" + d.body["id"].dump(), "officer",
                 {{"active", false}, {"version", 1}})
                .status,
            200);
  auto c = call("POST", "/api/v1/cooperatives", "officer",
                {{"name", "石亭镇已解散合作社"}, {"region_code", village_}, {"members", 5}});
  ASSERT_EQ(c.status, 201) << c.raw;
  ASSERT_EQ(call("PATCH", "/api/v1/cooperatives/" + c.body["id"].dump(), "officer",
                 {{"active", false}, {"version", 1}})
                .status,
            200);
  const char* lists[] = {"/api/v1/depots",         "/api/v1/cooperatives",
                         "/api/v1/technicians",    "/api/v1/employers",
                         "/api/v1/welfare-posts",  "/api/v1/purchase-points",
                         "/api/v1/backstop-buyers"};
  for (const char* list : lists) {
    SCOPED_TRACE(list);
    std::string base = std::string(list) + "?limit=1000";
    auto all = call("GET", base, "county");
    auto on = call("GET", base + "&active=true", "county");
    auto off = call("GET", base + "&active=false", "county");
    ASSERT_EQ(all.status, 200) << all.raw;
    ASSERT_EQ(on.status, 200) << on.raw;
    ASSERT_EQ(off.status, 200) << off.raw;
    EXPECT_EQ(on.body["total"].get<int64_t>() + off.body["total"].get<int64_t>(),
              all.body["total"].get<int64_t>());
    EXPECT_GT(on.body["total"].get<int64_t>(), 0);
    for (const auto& x : on.body["items"]) EXPECT_EQ(x["active"], true) << x.dump();
    for (const auto& x : off.body["items"]) EXPECT_EQ(x["active"], false) << x.dump();
    auto bad = call("GET", base + "&active=maybe", "county");
    EXPECT_EQ(bad.status, 400) << bad.raw;
    EXPECT_EQ(bad.body["errors"][0]["field"], "active") << bad.raw;
  }
  EXPECT_GE(call("GET", "/api/v1/depots?active=false", "county").body["total"].get<int64_t>(), 1);
  EXPECT_GE(call("GET", "/api/v1/cooperatives?active=false", "county").body["total"].get<int64_t>(),
            1);
}

TEST_F(EditApiTest, EveryEditRouteIsInTheOpenApiDocument) {
  auto doc = call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  for (const char* p :
       {"/api/v1/purchase-points/{id}", "/api/v1/backstop-buyers/{id}", "/api/v1/depots/{id}",
        "/api/v1/technicians/{id}", "/api/v1/cooperatives/{id}", "/api/v1/employers/{id}",
        "/api/v1/job-postings/{id}", "/api/v1/welfare-posts/{id}"}) {
    ASSERT_TRUE(doc.body["paths"].contains(p)) << p;
    EXPECT_TRUE(doc.body["paths"][p].contains("patch")) << p;
  }
  EXPECT_TRUE(doc.body["paths"].contains("/api/v1/purchase-points/{id}/sellers"));
  for (const char* s :
       {"PurchasePointPatch", "BackstopBuyerPatch", "DepotPatch", "TechnicianPatch",
        "CooperativePatch", "EmployerPatch", "JobPostingPatch", "WelfarePostPatch", "Seller"})
    EXPECT_TRUE(doc.body["components"]["schemas"].contains(s)) << s;
}

}  // namespace
}  // namespace lz::http
