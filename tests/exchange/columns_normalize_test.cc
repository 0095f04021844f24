// Header matching (Chinese and English names, full-width, spaces, units in
// brackets, Traditional characters) and cell normalisation (full-width,
// spaces, Traditional names, every date form Excel produces).
#include <gtest/gtest.h>

#include "exchange/columns.h"
#include "exchange/normalize.h"
#include "exchange/simplified.h"

namespace lz::exchange {
namespace {

TEST(HeaderKey, MatchesLeniently) {
  const KindSpec& k = *find_kind("households");
  struct {
    const char* header;
    const char* key;  // "" if it should match nothing
  } cases[] = {
      {"姓名", "name"},
      {" 姓 名 ", "name"},
      {"姓名*", "name"},
      {"公民身份号码", "id_number"},
      {"身份证号", "id_number"},
      {"身份证号码（18位）", "id_number"},
      {"公民身份號碼", "id_number"},       // Traditional
      {"ID_Number", "id_number"},          // English, any case
      {"id-number", "id_number"},
      {"与户主关系", "relationship"},
      {"與戶主關係", "relationship"},
      {"户编号", "number"},
      {"戶編號", "number"},
      {"所在村（社区）", "village"},
      {"所在村(社区)", "village"},
      {"行政区划代码", "region_code"},
      {"ｒｅｇｉｏｎ＿ｃｏｄｅ", "region_code"},  // full-width
      {"出生日期【必填】", "birth_date"},
      {"联系电话（手机）", "phone"},
      {"劳动技能", "labour"},
      {"在校生状况", "enrolment"},
      {"年收入（元）", ""},
      {"备注", ""},
  };
  for (const auto& c : cases) {
    // The header in the first column, the required ones after it (unless it is one of them).
    std::vector<std::string> header{c.header};
    for (const char* req : {"户编号", "姓名", "公民身份号码", "与户主关系"})
      if (header_key(req) != header_key(c.header) &&
          !(std::string(c.key) == "id_number" && std::string(req) == "公民身份号码") &&
          !(std::string(c.key) == "relationship" && std::string(req) == "与户主关系") &&
          !(std::string(c.key) == "number" && std::string(req) == "户编号") &&
          !(std::string(c.key) == "name" && std::string(req) == "姓名"))
        header.push_back(req);
    auto m = match_headers(k, header, 1);
    ASSERT_TRUE(m.ok()) << c.header << ": " << m.error().describe(Lang::kEn);
    std::string got;
    for (size_t i = 0; i < k.columns.size(); ++i)
      if (m->file_column[i] == 0) got = k.columns[i].key;
    EXPECT_EQ(got, c.key) << c.header;
  }
}

TEST(HeaderMatch, MissingAndDuplicateColumns) {
  const KindSpec& k = *find_kind("households");
  auto m = match_headers(k, {"户编号", "姓名", "所在村"}, 3);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().row, 3);
  EXPECT_NE(m.error().message_zh.find("公民身份号码"), std::string::npos);
  EXPECT_NE(m.error().message_zh.find("与户主关系"), std::string::npos);
  EXPECT_NE(m.error().message_en.find("id_number"), std::string::npos);
  auto d = match_headers(k, {"户编号", "姓名", "身份证号", "公民身份号码", "与户主关系"}, 1);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "header.duplicate");
  EXPECT_NE(d.error().message_zh.find("D列"), std::string::npos);
  auto ok = match_headers(k, {"户编号", "姓名", "身份证号", "与户主关系", "备注"}, 1);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->ignored, std::vector<std::string>{"备注"});
}

TEST(Normalize, Cells) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"  张三  ", "张三"},
      {"张\u3000三", "张 三"},
      {"ＡＢＣ１２３", "ABC123"},
      {"a\u00a0b", "a b"},
      {"\u200b430281", "430281"},
      {"a  \t b", "a b"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(clean_cell(c.in), c.out) << c.in;
}

TEST(Normalize, TraditionalNames) {
  ASSERT_TRUE(simplified_available());
  struct {
    const char* in;
    const char* out;
  } cases[] = {{"陳國華", "陈国华"}, {"劉麗", "刘丽"}, {"張三", "张三"}, {"张三", "张三"}, {"Li Wei", "Li Wei"},
               {" 醴陵市 官莊鎮 ", "醴陵市 官庄镇"}};
  for (const auto& c : cases) EXPECT_EQ(clean_name(c.in), c.out) << c.in;
}

TEST(Normalize, Dates) {
  struct {
    const char* in;
    const char* iso;  // "" for an error
  } cases[] = {
      {"2020-02-12", "2020-02-12"},
      {"2020-2-12", "2020-02-12"},
      {"2020/2/12", "2020-02-12"},
      {"2020/02/12 0:00:00", "2020-02-12"},
      {"2020.2.12", "2020-02-12"},
      {"2020年2月12日", "2020-02-12"},
      {"2020年02月12日", "2020-02-12"},
      {"２０２０年２月１２日", "2020-02-12"},
      {"20200212", "2020-02-12"},
      {"43873", "2020-02-12"},
      {"43873.0", "2020-02-12"},
      {"32874", "1990-01-01"},
      {"", ""},
      {"2020-02-30", ""},
      {"12/2/2020", ""},
      {"2020年2月", ""},
      {"昨天", ""},
      {"-5", ""},
  };
  for (const auto& c : cases) {
    auto d = normalize_date(c.in);
    if (std::string(c.iso).empty() && std::string(c.in).empty()) {
      ASSERT_TRUE(d.ok());
      EXPECT_EQ(*d, "");
    } else if (std::string(c.iso).empty()) {
      ASSERT_FALSE(d.ok()) << c.in << " -> " << *d;
      EXPECT_NE(d.error().message_zh.find(c.in), std::string::npos) << c.in;
    } else {
      ASSERT_TRUE(d.ok()) << c.in << ": " << d.error().message_en;
      EXPECT_EQ(*d, c.iso) << c.in;
    }
  }
}

}  // namespace
}  // namespace lz::exchange
