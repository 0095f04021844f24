// Field errors of the API as users read them in the web UI: every bad field
// of a request in one answer (errors[] of {field, label, code, message}),
// each named in the user's language with the labels of the import
// templates (公民身份号码 / ID number), never by its JSON key; the detail
// lists them all for clients that read only it.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "exchange/columns.h"
#include "http/field_labels.h"

namespace lz::http {
namespace {

using nlohmann::json;

class FieldErrorsApiTest : public ApiFixture<FieldErrorsApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_field_errors_", 11));
    add_account("county", "county_admin", "430281");
  }
  static void TearDownTestSuite() { close_county(); }

  // field -> entry of a problem's errors.
  static std::map<std::string, json> by_field(const json& problem) {
    std::map<std::string, json> m;
    for (const auto& e : problem["errors"]) m[e["field"].get<std::string>()] = e;
    return m;
  }
};

const json kBadKeyPerson = {{"id_number", 12},      {"name", 3},
                            {"category", "xx"},     {"added_on", "2020-13-01"},
                            {"temperature", "hot"}, {"region_code", "430281"}};

TEST_F(FieldErrorsApiTest, EveryBadFieldOfAKeyPersonIsNamedInChinese) {
  auto before = call("GET", "/api/v1/key-persons?limit=1", "county").body["total"];
  auto r = call("POST", "/api/v1/key-persons", "county", kBadKeyPerson);
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  std::set<std::string> fields;
  for (const auto& [k, v] : f) fields.insert(k);
  EXPECT_EQ(fields,
            (std::set<std::string>{"id_number", "name", "category", "added_on", "temperature"}))
      << r.raw;
  EXPECT_EQ(f["id_number"]["label"], "公民身份号码");
  EXPECT_EQ(f["id_number"]["message"], "公民身份号码应为文字");
  EXPECT_EQ(f["name"]["label"], "姓名");
  EXPECT_EQ(f["category"]["label"], "类别");
  // The values offered in Chinese, not the English ids.
  std::string cat = f["category"]["message"].get<std::string>();
  EXPECT_NE(cat.find("湖北返乡人员"), std::string::npos) << cat;
  EXPECT_EQ(cat.find("hubei_returnee"), std::string::npos) << cat;
  EXPECT_EQ(f["added_on"]["label"], "列入日期");
  EXPECT_EQ(f["temperature"]["label"], "体温");
  for (const auto& [k, e] : f) {
    std::string m = e["message"].get<std::string>();
    EXPECT_EQ(m.find(k), std::string::npos) << "raw key in: " << m;
  }
  std::string detail = r.body["detail"].get<std::string>();
  EXPECT_TRUE(detail.starts_with("有5处填写错误：")) << detail;
  EXPECT_NE(detail.find("公民身份号码应为文字"), std::string::npos) << detail;
  // Nothing was written.
  EXPECT_EQ(call("GET", "/api/v1/key-persons?limit=1", "county").body["total"], before);
}

TEST_F(FieldErrorsApiTest, EveryBadFieldInEnglish) {
  auto r = call("POST", "/api/v1/key-persons", "county", kBadKeyPerson, "en");
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  ASSERT_EQ(f.size(), 5u) << r.raw;
  EXPECT_EQ(f["id_number"]["label"], "ID number");
  EXPECT_EQ(f["id_number"]["message"], "ID number must be text");
  EXPECT_TRUE(r.body["detail"].get<std::string>().starts_with("5 fields are invalid: ")) << r.raw;
}

TEST_F(FieldErrorsApiTest, APurchasePointListsEveryBadField) {
  // The purchase-point handler reads its body with read_all: name, capacity_jin
  // and checkpoint_id are each named (it used to stop at "name", the schema
  // adding the others).
  auto r = call(
      "POST", "/api/v1/purchase-points", "county",
      {{"name", 5}, {"region_code", "430281"}, {"capacity_jin", "lots"}, {"checkpoint_id", "a"}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  ASSERT_EQ(f.size(), 3u) << r.raw;
  EXPECT_EQ(f["name"]["label"], "名称");  // a point's name, not a person's 姓名
  EXPECT_EQ(f["name"]["message"], "名称应为文字");
  EXPECT_EQ(f["capacity_jin"]["label"], "日收购能力（斤）");
  EXPECT_EQ(f["checkpoint_id"]["message"], "卡点应为正整数");
}

TEST_F(FieldErrorsApiTest, EveryBadValueOfAProduceListingIsListed) {
  // Each member has the right JSON type; their values are wrong. The listing
  // handler used to stop at the first of them.
  auto r = call("POST", "/api/v1/produce/listings", "county",
                {{"household_id", 1},
                 {"kind", "白菜"},
                 {"jin", -5},
                 {"expected_price", -1},
                 {"listed_on", "2020-13-01"}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  std::set<std::string> fields;
  for (const auto& [k, v] : f) fields.insert(k);
  EXPECT_EQ(fields, (std::set<std::string>{"jin", "expected_price", "listed_on"})) << r.raw;
  EXPECT_EQ(f["jin"]["label"], "重量（斤）");
  EXPECT_EQ(f["expected_price"]["label"], "期望价格");
  EXPECT_EQ(f["listed_on"]["label"], "登记日期");
  for (const auto& [k, e] : f)
    EXPECT_EQ(e["message"].get<std::string>().find(k), std::string::npos) << e;
  EXPECT_TRUE(r.body["detail"].get<std::string>().starts_with("有3处填写错误：")) << r.raw;
}

TEST_F(FieldErrorsApiTest, EveryBadValueOfASupplyRequestInEnglish) {
  auto r =
      call("POST", "/api/v1/supply-requests", "county",
           {{"household_id", 1}, {"item", "seed"}, {"quantity", -2}, {"needed_by", "soon"}}, "en");
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  ASSERT_EQ(f.size(), 2u) << r.raw;
  EXPECT_EQ(f["quantity"]["label"], "quantity");
  EXPECT_EQ(f["needed_by"]["label"], "needed by");
  EXPECT_TRUE(r.body["detail"].get<std::string>().starts_with("2 fields are invalid: ")) << r.raw;
}

TEST_F(FieldErrorsApiTest, EveryBadValueOfASupplyDistribution) {
  auto r = call("POST", "/api/v1/supply-distributions", "county",
                {{"depot_id", 1}, {"item", "fertilizer"}, {"quantity", -1}, {"on", "2020-02-30"}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  ASSERT_EQ(f.size(), 2u) << r.raw;
  EXPECT_EQ(f["quantity"]["label"], "数量");
  EXPECT_EQ(f["on"]["label"], "日期");
  // A purchase: a bad weight, price and date, all named.
  auto p = call("POST", "/api/v1/purchases", "county",
                {{"point_id", 1},
                 {"household_id", 1},
                 {"kind", "白菜"},
                 {"jin", -1},
                 {"price", 0},
                 {"on", "x"}});
  ASSERT_EQ(p.status, 422) << p.raw;
  auto g = by_field(p.body);
  EXPECT_EQ(g.count("jin"), 1u) << p.raw;
  EXPECT_EQ(g.count("price"), 1u) << p.raw;
  EXPECT_EQ(g.count("on"), 1u) << p.raw;
}

TEST_F(FieldErrorsApiTest, TheFirstOfSeveralErrorsIsListedToo) {
  // The labourer handler gives its first error with the others as details.
  auto r = call("POST", "/api/v1/labourers", "county",
                {{"person_id", "x"}, {"skills", 5}, {"available_from", "x"}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  EXPECT_EQ(f.count("person_id"), 1u) << r.raw;
  EXPECT_EQ(f.count("skills"), 1u) << r.raw;
  EXPECT_EQ(f.count("available_from"), 1u) << r.raw;
  EXPECT_EQ(f["available_from"]["label"], "可就业日期");
}

TEST_F(FieldErrorsApiTest, MembersOfAHouseholdAreNamedByTheirPlace) {
  auto r = call("POST", "/api/v1/households", "county",
                {{"number", "4302810000000001"},
                 {"region_code", "430281"},
                 {"members", json::array({{{"name", ""}, {"id_number", "123"}}})}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto f = by_field(r.body);
  EXPECT_EQ(f["members[0].id_number"]["label"], "第1位成员的公民身份号码") << r.raw;
  EXPECT_EQ(f["members[0].name"]["label"], "第1位成员的姓名") << r.raw;
}

TEST(ReadAll, RunsAPureReaderAgainWithoutEachMemberItRefuses) {
  auto read = [](const json& b) -> Result<int> {
    for (const char* k : {"a", "b", "c"})
      if (b.contains(k) && !b[k].is_number_integer())
        return invalid("type", k, std::string(k) + "应为整数",
                       std::string(k) + " must be an integer");
    return 1;
  };
  EXPECT_TRUE(read_all(json{{"a", 1}, {"b", 2}}, read).ok());
  auto r = read_all(json{{"a", "x"}, {"b", 2}, {"c", "y"}}, read);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation");
  ASSERT_EQ(r.error().details.size(), 2u);
  EXPECT_EQ(r.error().details[0].field, "a");
  EXPECT_EQ(r.error().details[1].field, "c");
  auto one = read_all(json{{"b", "x"}}, read);
  ASSERT_FALSE(one.ok());
  EXPECT_TRUE(one.error().details.empty());
}

TEST(FieldLabels, SpelledAsTheImportTemplates) {
  const auto* persons = exchange::find_kind("persons");
  ASSERT_NE(persons, nullptr);
  for (const auto& col : persons->columns) {
    auto l = field_label(col.key, "PersonInput");
    EXPECT_EQ(l.zh, col.zh) << col.key;
    EXPECT_EQ(l.en, col.en) << col.key;
  }
  EXPECT_EQ(field_label("travellers[1].temperature").zh, "第2位乘车人员的体温");
  EXPECT_EQ(field_label("readings[0].temperature").zh, "体温记录第1项的体温");
  EXPECT_EQ(field_label("actor").zh, "操作人");  // a gap task done by the wrong role
  EXPECT_TRUE(field_label("no_such_key").empty());
}

TEST(FieldLabels, NameFieldLeavesValuesAndOtherWordsAlone) {
  FieldLabel kind{"类型", "kind"};
  EXPECT_EQ(name_field("kind：“kind”不是可选值（home, centralized）", "kind", kind, Lang::kZh),
            "类型：“kind”不是可选值（home, centralized）");
  FieldLabel on{"日期", "date"};
  EXPECT_EQ(name_field("on must be YYYY-MM-DD, based on the day", "on", on, Lang::kEn),
            "Date must be YYYY-MM-DD, based on the day");
  FieldLabel pid{"人员", "person"};
  EXPECT_EQ(name_field("The value of person_id.", "person_id", pid, Lang::kEn),
            "The value of person.");
}

}  // namespace
}  // namespace lz::http
