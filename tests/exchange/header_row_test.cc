// read_header_row: where the header of a sheet is, past a printed form's
// title. Each case is a CSV sheet and what must come out: the header's row
// and the title rows skipped, or the error (code and row). One row per case;
// add cases as users' sheets show new shapes.
#include "exchange/header_row.h"

#include <gtest/gtest.h>

#include <string>
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
    EXPECT_EQ(hr->match.file_column[spec.index("relationship")], 4);
    // The data follow the header.
    Row next;
    auto r = (*in)->next(next);
    ASSERT_TRUE(r.ok() && *r);
    EXPECT_EQ(next.cells.at(0), "H01");
  }
}

TEST(HeaderRowNotes, SayWhereTheHeaderIs) {
  EXPECT_EQ(title_row_skipped_zh(1, 3), "第1行是表格标题（表头在第3行），已跳过");
  EXPECT_EQ(title_row_skipped_en(2, 3), "row 2 is a title above the header (row 3); skipped");
}

}  // namespace
}  // namespace lz::exchange
