// XlsxReader on sheets written by hand into a zip (minizip), as other
// programs than ours write them: cells and rows with and without r=,
// namespace prefixes, formula results, errors, rich and phonetic text in
// shared and inline strings, line ends, dates by style; the same rows when
// the sheet goes to expat (a DOCTYPE) as through the scanner, over many
// pieces; damaged sheets with their line.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "exchange/table.h"
#include "helpers.h"

namespace lz::exchange {
namespace {

using testing::TempDir;

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="成员" sheetId="1" r:id="rId7"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
    R"(Target="worksheets/data.xml"/></Relationships>)";
// Style 1: a custom date format; style 2: built-in 14 (a date); style 0: General.
const char* kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">)"
    R"(<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>)"
    R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>)";

class XlsxHandMade : public TempDir {
 protected:
  std::string zip(const std::string& name, const std::map<std::string, std::string>& parts) {
    std::string p = path(name);
    zipFile z = zipOpen64(p.c_str(), 0);
    EXPECT_TRUE(z);
    for (const auto& [part, bytes] : parts) {
      EXPECT_EQ(zipOpenNewFileInZip(z, part.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION),
                ZIP_OK);
      EXPECT_EQ(zipWriteInFileInZip(z, bytes.data(), static_cast<unsigned>(bytes.size())), ZIP_OK);
      zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
    return p;
  }
  std::string book(const std::string& name, const std::string& sheet, const std::string& sst = "") {
    std::map<std::string, std::string> parts{{"xl/workbook.xml", kWorkbook},
                                             {"xl/_rels/workbook.xml.rels", kRels},
                                             {"xl/styles.xml", kStyles},
                                             {"xl/worksheets/data.xml", sheet}};
    if (!sst.empty()) parts["xl/sharedStrings.xml"] = sst;
    return zip(name, parts);
  }
  // Every row, or the first error as "error: code row N: message".
  std::vector<Row> rows(const std::string& file, std::string* error = nullptr) {
    std::vector<Row> out;
    auto t = open_table(file);
    if (!t) {
      if (error) *error = "error: " + t.error().code + " " + t.error().message_en;
      return out;
    }
    Row row;
    for (;;) {
      auto r = (*t)->next(row);
      if (!r) {
        if (error)
          *error = "error: " + r.error().code + " row " + std::to_string(r.error().row) + ": " +
                   r.error().message_zh;
        break;
      }
      if (!*r) break;
      out.push_back(row);
    }
    return out;
  }
};

using Cells = std::vector<std::string>;

const char* kSst =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">)"
    R"(<si><t>姓名</t></si>)"
    R"(<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r>)"
    R"(<rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/></si>)"
    R"(<si><t/></si>)"
    R"(<si><t>a&amp;b&#x4E2D;</t></si></sst>)";

const char* kSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\r\n"
    R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
    // Row 1 by r=, cells by r= skipping B.
    R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>)"
    // No r= on the row (row 2) nor on its cells (A, B, C...); an empty shared
    // string, a self-closing cell, a formula's string result, an error value.
    "\r\n  "
    R"(<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c/><x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>姓名x</x:v></x:c>)"
    R"(<x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>)"
    // Row 5 (3 and 4 skipped): a cell by r= after one without, dates by style,
    // a number in General, a boolean, inline rich text with a phonetic run
    // and a line break.
    R"(<x:row r="5" spans="1:9"><x:c r="B5" s="1"><x:v>43873</x:v></x:c><x:c s="2"><x:v>32874.5</x:v></x:c>)"
    R"(<x:c r="E5"><x:v>430281199001011239</x:v></x:c><x:c r="F5" t="b"><x:v>0</x:v></x:c>)"
    R"(<x:c r="G5" t="inlineStr"><x:is><x:r><x:t>第一行</x:t></x:r><x:r><x:t>&#10;第二行</x:t></x:r>)"
    R"(<x:rPh><x:t>だい</x:t></x:rPh></x:is></x:c><x:c r="H5" t="inlineStr"><x:is><x:t><![CDATA[<&>]]></x:t></x:is></x:c>)"
    R"(<x:c r="I5"><x:v></x:v></x:c></x:row>)"
    // An empty row.
    R"(<x:row r="6"/>)"
    R"(</x:sheetData><!-- written by hand --></x:worksheet>)";

void expect_rows(const std::vector<Row>& rows) {
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].number, 1);
  EXPECT_EQ(rows[0].cells, (Cells{"姓名", "", "张三 "}));
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[1].cells, (Cells{"", "", "姓名x", "#N/A", "a&b中"}));
  EXPECT_EQ(rows[2].number, 5);
  EXPECT_EQ(rows[2].cells, (Cells{"", "2020-02-12", "1990-01-01", "", "4.30281199001011e+17",
                                  "FALSE", "第一行\n第二行", "<&>"}));
  EXPECT_EQ(rows[3].number, 6);
  EXPECT_TRUE(rows[3].cells.empty());
}

TEST_F(XlsxHandMade, CellsRowsStringsAndDatesAsOtherProgramsWriteThem) {
  expect_rows(rows(book("hand.xlsx", kSheet, kSst)));
}

TEST_F(XlsxHandMade, ExpatReadsWhatTheScannerLeavesTheSame) {
  // A DOCTYPE sends the sheet (and the shared strings) to expat.
  std::string sheet = kSheet, sst = kSst;
  sheet.insert(sheet.find("<x:worksheet"), "<!DOCTYPE worksheet>");
  sst.insert(sst.find("<sst"), "<!DOCTYPE sst>");
  expect_rows(rows(book("doctype.xlsx", sheet, sst)));
}

TEST_F(XlsxHandMade, ManyRowsOverManyPiecesAsExpatReadsThem) {
  // ~2 MB of sheet: its pieces end anywhere in a tag, a reference or a
  // character; the scanner's rows must equal expat's.
  std::string body;
  for (int i = 1; i <= 20000; ++i) {
    std::string n = std::to_string(i);
    body += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>户" + n +
            "&amp;&#x4E2D;</t></is></c><c r=\"C" + n + "\"><v>" + n + ".5</v></c><c r=\"D" + n +
            "\" s=\"2\"><v>" + std::to_string(40000 + i) + "</v></c><c t='s'><v>" +
            std::to_string(i % 4) + "</v></c></row>\n";
  }
  std::string head = "<worksheet><sheetData>", tail = "</sheetData></worksheet>";
  auto fast = rows(book("fast.xlsx", head + body + tail, kSst));
  auto slow = rows(book("slow.xlsx", "<!DOCTYPE worksheet>" + head + body + tail, kSst));
  ASSERT_EQ(fast.size(), 20000u);
  ASSERT_EQ(slow.size(), 20000u);
  for (size_t i = 0; i < fast.size(); ++i) {
    ASSERT_EQ(fast[i].number, slow[i].number) << i;
    ASSERT_EQ(fast[i].cells, slow[i].cells) << i;
  }
  EXPECT_EQ(fast[19999].cells, (Cells{"户20000&中", "", "20000.5", "2064-04-08", "姓名"}));
}

TEST_F(XlsxHandMade, DamagedSheetsSayWhereAndWhat) {
  std::string error;
  // A mismatched tag on line 3.
  auto got = rows(book("bad.xlsx",
                       "<worksheet><sheetData>\n<row r=\"1\"><c><v>1</v></c></row>\n"
                       "<row r=\"2\"><c><v>2</v></row>\n</sheetData></worksheet>"),
                  &error);
  EXPECT_LE(got.size(), 1u);
  EXPECT_NE(error.find("xlsx.damaged"), std::string::npos) << error;
  EXPECT_NE(error.find("工作表XML第3行"), std::string::npos) << error;
  // Cut short.
  rows(book("cut.xlsx", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>"), &error);
  EXPECT_NE(error.find("工作表XML第1行"), std::string::npos) << error;
  // Invalid UTF-8 in a cell.
  rows(book("utf8.xlsx",
            "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>\xE5\xBC</t></is></c></row>"
            "</sheetData></worksheet>"),
       &error);
  EXPECT_NE(error.find("xlsx.damaged"), std::string::npos) << error;
  // A shared string that is not there: the row named.
  rows(book("sst.xlsx",
            "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"7\"><c "
            "t=\"s\"><v>4</v></c></row></sheetData></worksheet>",
            kSst),
       &error);
  EXPECT_NE(error.find("row 7"), std::string::npos) << error;
  // Damaged shared strings.
  rows(book("badsst.xlsx", "<worksheet/>", "<sst><si><t>x</si></sst>"), &error);
  EXPECT_NE(error.find("shared strings cannot be parsed"), std::string::npos) << error;
}

// A workbook of several sheets: an empty Sheet1 first, a sheet per village,
// a hidden one. Without a name the first visible sheet with rows is read and
// the other visible ones with rows are named; a name picks one (spaces
// aside); an unknown name is refused with the sheets there are.
TEST_F(XlsxHandMade, SheetsOfAWorkbook) {
  auto sheet = [](const std::string& first_cell) {
    return std::string(
               R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
               R"(<sheetData><row r="1"><c t="inlineStr"><is><t>)") +
           first_cell + "</t></is></c></row></sheetData></worksheet>";
  };
  const std::string empty =
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/>)"
      R"(<sheetData/></worksheet>)";
  const std::string workbook =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="瓦子坪村" sheetId="2" r:id="rId2"/>)"
      R"(<sheet name="备用" sheetId="3" state="hidden" r:id="rId3"/><sheet name="白沙村" sheetId="4" r:id="rId4"/>)"
      R"(</sheets></workbook>)";
  std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (int i = 1; i <= 4; ++i)
    rels +=
        "<Relationship Id=\"rId" + std::to_string(i) +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"/xl/worksheets/sheet" +
        std::to_string(i) + ".xml\"/>";
  rels += "</Relationships>";
  std::string file = zip("villages.xlsx", {{"xl/workbook.xml", workbook},
                                           {"xl/_rels/workbook.xml.rels", rels},
                                           {"xl/worksheets/sheet1.xml", empty},
                                           {"xl/worksheets/sheet2.xml", sheet("瓦子坪村的行")},
                                           {"xl/worksheets/sheet3.xml", sheet("备用的行")},
                                           {"xl/worksheets/sheet4.xml", sheet("白沙村的行")}});
  struct Case {
    std::string asked, read;
    std::vector<std::string> unread;
    std::string first_cell;
  };
  const std::vector<Case> cases = {
      {"", "瓦子坪村", {"白沙村"}, "瓦子坪村的行"},
      {"白沙村", "白沙村", {"瓦子坪村"}, "白沙村的行"},
      {" 白沙村 ", "白沙村", {"瓦子坪村"}, "白沙村的行"},
      {"备用", "备用", {"瓦子坪村", "白沙村"}, "备用的行"},  // hidden, but asked for by name
      {"Sheet1", "Sheet1", {"瓦子坪村", "白沙村"}, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.asked);
    auto t = open_table(file, c.asked);
    ASSERT_TRUE(t.ok()) << t.error().describe();
    EXPECT_EQ((*t)->sheet(), c.read);
    EXPECT_EQ((*t)->unread_sheets(), c.unread);
    Row row;
    auto r = (*t)->next(row);
    ASSERT_TRUE(r.ok());
    if (c.first_cell.empty()) {
      EXPECT_FALSE(*r);
    } else {
      ASSERT_TRUE(*r);
      EXPECT_EQ(row.cells.at(0), c.first_cell);
    }
  }
  auto unknown = open_table(file, "石门村");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "xlsx.sheet_unknown");
  EXPECT_EQ(unknown.error().message_zh,
            "工作簿中没有名为“石门村”的表，有：Sheet1、瓦子坪村、白沙村");
  auto csv = open_table(write("a.csv", "x\n"), "白沙村");
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().code, "file.sheet");
  // A workbook of one sheet leaves nothing unread.
  auto one = open_table(book("one.xlsx", sheet("行")));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ((*one)->sheet(), "成员");
  EXPECT_TRUE((*one)->unread_sheets().empty());
}

}  // namespace
}  // namespace lz::exchange
