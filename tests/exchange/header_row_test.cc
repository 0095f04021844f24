// read_header_row: where the header of a sheet is, past a printed form's
// title. Each case is a CSV sheet and what must come out: the header's row
// and the title rows skipped, or the error (code and row). One row per case;
// add cases as users' sheets show new shapes.
#include "exchange/header_row.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "helpers.h"

namespace lz::exchange {
namespace {

class HeaderRowTest : public testing::TempDir {};

const std::string kHeader = "户编号,行政区划代码,姓名,公民身份号码,与户主关系\n";
const std::string kData = "H01,430281126232,张三,430281197001010114,本人\n";

TEST_F(HeaderRowTest, FoundPastTheTitle) {
  struct Case {
    const char* name;
    std::string csv;
    long header_row;  // 0: an error is expected
    std::vector<long> title_rows;
    std::string error_code;
    long error_row = 0;
    long upper_row = 0;  // a header over two rows: the upper
  };
  const std::string title = "醴陵市建档立卡贫困户花名册,,,,\n";
  const std::string filled_by = "填报单位：官庄镇,,,,填报日期：2020年2月12日\n";
  const std::string missing_relationship = "户编号,行政区划代码,姓名,公民身份号码\n";
  std::string six_titles;
  for (int i = 0; i < 6; ++i) six_titles += "第" + std::to_string(i) + "页说明,,,,\n";
  const std::vector<Case> cases = {
      {"header on the first row", kHeader + kData, 1, {}, "", 0},
      {"blank rows before the header", "\n,,,,\n" + kHeader + kData, 3, {}, "", 0},
      {"a title and who filled it in", title + filled_by + kHeader + kData, 3, {1, 2}, "", 0},
      {"a title, a blank row, the header", title + ",,,,\n" + kHeader + kData, 3, {1}, "", 0},
      {"five title rows",
       six_titles.substr(six_titles.find('\n') + 1) + kHeader + kData,
       6,
       {1, 2, 3, 4, 5},
       "",
       0},
      {"six title rows: the header is not looked for further",
       six_titles + kHeader + kData,
       0,
       {},
       "header.missing",
       1},
      {"a title, then a header lacking a column: that header's error",
       title + missing_relationship + kData,
       0,
       {},
       "header.missing",
       2},
      {"a header lacking a column on row 1",
       missing_relationship + kData,
       0,
       {},
       "header.missing",
       1},
      {"no header, data from row 1", kData + kData, 0, {}, "header.missing", 1},
      {"only a title", title, 0, {}, "header.missing", 1},
      {"nothing at all", "\n\n", 0, {}, "file.empty", -1},
      // A header over two rows: a merged group cell above its columns, the
      // cells spanning both rows written in the upper one.
      {"two-row header",
       "户编号,行政区划代码,家庭成员信息,,\n,,姓名,公民身份号码,与户主关系\n" + kData,
       2,
       {},
       "",
       0,
       1},
      {"a title, then a two-row header",
       title + "户编号,行政区划代码,家庭成员信息,,\n,,姓名,公民身份号码,与户主关系\n" + kData,
       3,
       {1},
       "",
       0,
       2},
      {"two rows that together still lack a column: the upper row's error",
       "户编号,行政区划代码,家庭成员信息,\n,,姓名,公民身份号码\n" + kData,
       0,
       {},
       "header.missing",
       1},
  };
  const KindSpec& spec = *find_kind("households");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto in = open_table(write("sheet.csv", c.csv));
    ASSERT_TRUE(in.ok()) << in.error().describe();
    auto hr = read_header_row(**in, spec);
    if (c.header_row == 0) {
      ASSERT_FALSE(hr.ok()) << "found a header on row " << hr->row.number;
      EXPECT_EQ(hr.error().code, c.error_code) << hr.error().describe();
      EXPECT_EQ(hr.error().row, c.error_row) << hr.error().describe();
      continue;
    }
    ASSERT_TRUE(hr.ok()) << hr.error().describe();
    EXPECT_EQ(hr->row.number, c.header_row);
    EXPECT_EQ(hr->title_rows, c.title_rows);
    EXPECT_EQ(hr->upper_row, c.upper_row);
    EXPECT_EQ(hr->match.file_column[spec.index("relationship")], 4);
    // The data follow the header.
    Row next;
    auto r = (*in)->next(next);
    ASSERT_TRUE(r.ok() && *r);
    EXPECT_EQ(next.cells.at(0), "H01");
  }
}

TEST(FooterRow, TotalsAndSignaturesBelowTheDataAreNotData) {
  const std::vector<std::pair<std::vector<std::string>, bool>> cases = {
      {{"合计"}, true},
      {{"合计：35户112人"}, true},
      {{"总计（人）", "", "112"}, true},
      {{"小计", "12"}, true},
      {{"填表人：张三", "", "审核人：李四"}, true},
      {{"填表人:张三"}, true},
      {{"", "  备注：无"}, true},
      {{"注：1.本表一户一行"}, true},
      {{"说明：所在村填写村名"}, true},
      {{"负责人： 王五", "联系电话：13812345678"}, true},
      {{"填表人"}, false},  // no colon: it could be a header's cell
      {{"注册地"}, false},
      {{"张三", "430281197001010114"}, false},
      {{"H01", "合计"}, false},  // the first filled cell decides
      {{"", ""}, false},
  };
  for (const auto& [cells, footer] : cases) {
    Row r;
    r.cells = cells;
    EXPECT_EQ(is_footer_row(r), footer) << cells.front() << (cells.size() > 1 ? cells[1] : "");
  }
}

TEST(HeaderRowNotes, SayWhereTheHeaderIs) {
  EXPECT_EQ(title_row_skipped_zh(1, 3), "第1行是表格标题（表头在第3行），已跳过");
  EXPECT_EQ(title_row_skipped_en(2, 3), "row 2 is a title above the header (row 3); skipped");
  EXPECT_EQ(two_row_header_zh(2, 3), "第2行和第3行合为表头");
  EXPECT_EQ(footer_row_skipped_zh(9), "第9行是表尾（合计、填表人等），已跳过");
  EXPECT_EQ(footer_row_skipped_en(9),
            "row 9 is the form's foot (a total, who filled it in); skipped");
}

}  // namespace
}  // namespace lz::exchange
