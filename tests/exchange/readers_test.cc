// The streaming readers: CSV in UTF-8 (with and without BOM) and GB18030,
// quoting, line ends, tabs; xlsx written by libxlsxwriter (inline strings,
// shared strings, numbers, dates) read back; damaged files.
#include <iconv.h>
#include <xlsxwriter.h>

#include "exchange/csv_reader.h"
#include "exchange/sheets.h"
#include "exchange/table.h"
#include "exchange/xlsx_book.h"
#include "exchange/xlsx_reader.h"
#include "helpers.h"

namespace lz::exchange {
namespace {

using testing::TempDir;

std::vector<Row> read_all(const std::string& path, std::string* format = nullptr) {
  auto r = open_table(path);
  EXPECT_TRUE(r.ok()) << (r ? "" : r.error().describe(Lang::kEn));
  std::vector<Row> rows;
  if (!r) return rows;
  if (format) *format = (*r)->format();
  Row row;
  for (;;) {
    auto n = (*r)->next(row);
    EXPECT_TRUE(n.ok()) << (n ? "" : n.error().describe(Lang::kEn));
    if (!n || !*n) break;
    rows.push_back(row);
  }
  return rows;
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 8, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

class ReaderTest : public TempDir {};

struct CsvCase {
  const char* name;
  std::string bytes;
  std::vector<std::vector<std::string>> rows;
  const char* format;
};

TEST_F(ReaderTest, CsvTable) {
  const std::string zh = "姓名,公民身份号码\r\n张三,430281199001011239\r\n";
  std::vector<CsvCase> cases = {
      {"utf8", zh, {{"姓名", "公民身份号码"}, {"张三", "430281199001011239"}}, "csv (UTF-8)"},
      {"utf8 bom",
       "\xEF\xBB\xBF" + zh,
       {{"姓名", "公民身份号码"}, {"张三", "430281199001011239"}},
       "csv (UTF-8)"},
      {"gb18030",
       to_gb18030(zh),
       {{"姓名", "公民身份号码"}, {"张三", "430281199001011239"}},
       "csv (GB18030)"},
      {"gbk traditional", to_gb18030("戶編號\n醴陵\n"), {{"戶編號"}, {"醴陵"}}, "csv (GB18030)"},
      {"quotes", "a,\"b,c\",\"say \"\"hi\"\"\"\n", {{"a", "b,c", "say \"hi\""}}, "csv (UTF-8)"},
      {"newline in quotes",
       "\"line1\nline2\",x\r\ny,z",
       {{"line1\nline2", "x"}, {"y", "z"}},
       "csv (UTF-8)"},
      {"lf and cr", "a,b\nc,d\re,f\n", {{"a", "b"}, {"c", "d"}, {"e", "f"}}, "csv (UTF-8)"},
      {"empty fields", ",,\n", {{"", "", ""}}, "csv (UTF-8)"},
      {"tabs", "姓名\t性别\n李四\t女\n", {{"姓名", "性别"}, {"李四", "女"}}, "csv (UTF-8)"},
      {"no trailing newline", "a,b", {{"a", "b"}}, "csv (UTF-8)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string fmt;
    auto rows = read_all(write("t.csv", c.bytes), &fmt);
    EXPECT_EQ(fmt, c.format);
    ASSERT_EQ(rows.size(), c.rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].number, static_cast<long>(i + 1));
      EXPECT_EQ(rows[i].cells, c.rows[i]);
    }
  }
}

TEST_F(ReaderTest, CsvGb18030AcrossChunks) {
  // Long enough that multi-byte characters straddle the 64 KiB chunks.
  std::string utf8 = "姓名,地址\n";
  for (int i = 0; i < 5000; ++i)
    utf8 += "王小明,湖南省醴陵市官庄镇瓦子坪村" + std::to_string(i) + "组\n";
  auto rows = read_all(write("big.csv", to_gb18030(utf8)));
  ASSERT_EQ(rows.size(), 5001u);
  EXPECT_EQ(rows[4000].cells[1], "湖南省醴陵市官庄镇瓦子坪村3999组");
  EXPECT_EQ(rows[5000].number, 5001);
}

TEST_F(ReaderTest, CsvBadInput) {
  {
    auto r = open_table(write("q.csv", "a,b\n\"open,c\n"));
    ASSERT_TRUE(r.ok());
    Row row;
    ASSERT_TRUE((*r)->next(row).ok());
    auto n = (*r)->next(row);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().code, "csv.quote");
    EXPECT_EQ(n.error().row, 2);
    EXPECT_NE(n.error().message_zh.find("第2行"), std::string::npos);
  }
  {
    auto r = open_table(write("u16.csv",
                              "\xFF\xFE"
                              "a\0,\0"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "file.encoding");
  }
  {
    auto r = open_table(write("old.xls", "whatever"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message_zh.find(".xlsx"), std::string::npos);
  }
  {
    auto r = open_table(write("fake.xlsx", "not a zip"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "xlsx.damaged");
  }
  {
    auto r = open_table(path("missing.csv"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "file.open");
  }
}

TEST_F(ReaderTest, XlsxConstantMemoryInlineStrings) {
  auto b = XlsxBook::create(path("inline.xlsx"));
  ASSERT_TRUE(b.ok());
  auto* ws = (*b)->add_sheet("户籍成员");
  (*b)->write_row(ws, 0, {"户编号", "姓名", "公民身份号码"}, XlsxBook::kHeader);
  (*b)->write_row(ws, 1, {"001", "张三", "430281199001011239"});
  (*b)->write_row(ws, 3, {"002", "", "x<&>\"y"});  // row 3 skipped, an empty cell
  ASSERT_TRUE((*b)->close().ok());
  std::string fmt;
  auto rows = read_all(path("inline.xlsx"), &fmt);
  EXPECT_EQ(fmt, "xlsx");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"户编号", "姓名", "公民身份号码"}));
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"001", "张三", "430281199001011239"}));
  EXPECT_EQ(rows[2].number, 4);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"002", "", "x<&>\"y"}));
}

TEST_F(ReaderTest, XlsxSharedStringsNumbersAndDates) {
  // The default (not constant-memory) mode writes a shared-strings table, as Excel does.
  lxw_workbook* wb = workbook_new(path("sst.xlsx").c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/m/d");
  lxw_format* cn_date = workbook_add_format(wb);
  format_set_num_format(cn_date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_write_string(ws, 0, 0, "姓名", nullptr);
  worksheet_write_string(ws, 0, 1, "公民身份号码", nullptr);
  worksheet_write_string(ws, 0, 2, "出生日期", nullptr);
  worksheet_write_string(ws, 0, 4, "电话", nullptr);
  worksheet_write_string(ws, 1, 0, "张三", nullptr);
  worksheet_write_number(ws, 1, 1, 430281199001011239.0, nullptr);  // the damage Excel does
  worksheet_write_number(ws, 1, 2, 43873, date);                    // 2020-02-12
  worksheet_write_number(ws, 1, 3, 0.1 + 0.2, nullptr);
  worksheet_write_number(ws, 1, 4, 13812345678.0, nullptr);
  worksheet_write_string(ws, 2, 0, "张三", nullptr);  // shared again
  worksheet_write_number(ws, 2, 2, 32874, cn_date);   // 1990-01-01
  worksheet_write_boolean(ws, 2, 3, 1, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto rows = read_all(path("sst.xlsx"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells,
            (std::vector<std::string>{"姓名", "公民身份号码", "出生日期", "", "电话"}));
  EXPECT_EQ(rows[1].cells[0], "张三");
  EXPECT_EQ(rows[1].cells[1], "4.30281199001011e+17");
  EXPECT_EQ(rows[1].cells[2], "2020-02-12");
  EXPECT_EQ(rows[1].cells[3], "0.3");
  EXPECT_EQ(rows[1].cells[4], "13812345678");
  EXPECT_EQ(rows[2].cells[0], "张三");
  EXPECT_EQ(rows[2].cells[2], "1990-01-01");
  EXPECT_EQ(rows[2].cells[3], "TRUE");
}

TEST(ExcelSerial, Table) {
  struct {
    double serial;
    const char* iso;
  } cases[] = {{1, "1900-01-01"},      {59, "1900-02-28"},    {61, "1900-03-01"},
               {25569, "1970-01-01"},  {43873, "2020-02-12"}, {43873.75, "2020-02-12"},
               {2958465, "9999-12-31"}};
  for (const auto& c : cases)
    EXPECT_EQ(excel_serial_to_iso(c.serial).value_or("none"), c.iso) << c.serial;
  EXPECT_FALSE(excel_serial_to_iso(60));  // 1900-02-29 never was
  EXPECT_FALSE(excel_serial_to_iso(0));
  EXPECT_FALSE(excel_serial_to_iso(-5));
}

TEST(ExcelSheetName, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"户籍成员（按户编号分组）",
       "户籍成员（按户编号分组）"},  // 12 characters, 36 bytes: kept whole
      {"日报", "日报"},
      {"2020/2/12 [县]: 何处?*", "2020212 县 何处"},  // forbidden characters dropped
      {std::string(40, 'a'), std::string(31, 'a')},
      {std::string(30, 'a') + "醴陵", std::string(30, 'a') + "醴"},  // cut between characters
      {std::string(30, 'a') + "😀", std::string(30, 'a')},            // two UTF-16 units: not room
      {"'引号'", "引号"},
      {"///", "Sheet1"},
      {"", "Sheet1"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(excel_sheet_name(in), want) << in;
}

// The template's sheet is named by its kind's whole title (it was cut at 30
// bytes: "户籍成员（按户编号分").
TEST_F(ReaderTest, TemplateSheetNamedByItsWholeTitle) {
  ASSERT_TRUE(write_template(*find_kind("households"), path("t.xlsx")).ok());
  auto t = open_table(path("t.xlsx"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)->sheet(), "户籍成员（按户编号分组）");
}

TEST(ColumnLetter, Table) {
  EXPECT_EQ(column_letter(0), "A");
  EXPECT_EQ(column_letter(25), "Z");
  EXPECT_EQ(column_letter(26), "AA");
  EXPECT_EQ(column_letter(701), "ZZ");
  EXPECT_EQ(column_letter(702), "AAA");
}

}  // namespace
}  // namespace lz::exchange
