// The import's fast paths give exactly what the general paths give: cells
// that are already clean, the common date forms, Simplified text that
// skips OpenCC, the audit JSON written without nlohmann, and an import of
// the same file reporting the same thing every time (with rows of a
// household that repeat, or disagree on, the household's cells).
#include <opencc.h>

#include <fmt/format.h>

#include <random>

#include "core/text.h"
#include "exchange/household_import.h"
#include "exchange/normalize.h"
#include "exchange/report.h"
#include "exchange/simplified.h"
#include "exchange/sqlite_import_sink.h"
#include "helpers.h"
#include "registry/json.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {
namespace {

using testing::id;
using testing::kToday;
using testing::village;

// clean_cell as it was written before its fast path: every cell rewritten.
std::string reference_clean_cell(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) >= 0x8B &&
               static_cast<unsigned char>(s[i + 2]) <= 0x8D) {
      i += 2;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
               static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      i += 2;
    } else if (c == '\t' || c == '\r' || c == '\n') {
      out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return text::normalize(out);
}

// Random strings over pieces that matter to the normalisers.
std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, int max_len) {
  std::uniform_int_distribution<int> len(0, max_len);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string s;
  for (int n = len(rng); n > 0; --n) s += pieces[pick(rng)];
  return s;
}

TEST(FastPaths, CleanCellAsTheGeneralPath) {
  std::vector<std::string> pieces = {
      "a",      "Z",      "0",      "9",      " ",      "  ",        "\t",     "\r",
      "\n",     "\v",     "\x7f",   "-",      "/",      "张",        "三",     "汉族",
      "\u00a0", "\u00b7", "\u200b", "\u200d", "\u2014", "\u3000",    "\u3001", "\uff21",
      "\uff11", "\uff0c", "\ufeff", "\uffe5", "\u4e00", "\U00020000"};
  std::mt19937 rng(8);
  for (int i = 0; i < 20000; ++i) {
    std::string s = random_text(rng, pieces, 6);
    EXPECT_EQ(clean_cell(s), reference_clean_cell(s)) << s;
  }
}

TEST(FastPaths, DatesAsTheGeneralPath) {
  // A leading space always takes the general path; the value must not differ.
  std::vector<std::string> pieces = {"1", "2", "0", "9", "/", "-", ".", "年", "月", "日", " "};
  std::mt19937 rng(9);
  std::vector<std::string> inputs = {"2020/2/12", "2020-02-12", "1950/1/1", "2020/2/30",
                                     "99/1/1",    "0100/1/1",   "2020/1",   "2020/1/1/1",
                                     "12020/1/1", "2020/-1/1",  "2020-1/2", "2020//1"};
  for (int i = 0; i < 20000; ++i) inputs.push_back(random_text(rng, pieces, 10));
  for (const auto& s : inputs) {
    auto fast = normalize_date(s);
    auto general = normalize_date(" " + s);
    ASSERT_EQ(fast.ok(), general.ok()) << s;
    if (fast.ok())
      EXPECT_EQ(*fast, *general) << s;
    else
      EXPECT_EQ(fast.error().code, general.error().code) << s;
  }
}

TEST(FastPaths, SimplifiedAsOpenCC) {
  ASSERT_TRUE(simplified_available());
  opencc_t od = opencc_open("/usr/share/opencc/t2s.json");
  ASSERT_NE(od, reinterpret_cast<opencc_t>(-1));
  auto reference = [&](const std::string& s) {
    char* out = opencc_convert_utf8(od, s.data(), s.size());
    if (!out) return s;  // what to_simplified did when OpenCC refused the text
    std::string r(out);
    opencc_convert_utf8_free(out);
    return r;
  };
  // Simplified, Traditional, characters that begin phrases (名, 李, 乾, 後)
  // and pieces of phrases, mixed with ASCII.
  std::vector<std::string> pieces = {
      "张", "三", "陳", "國", "華", "名", "覆", "金", "甌", "李", "澤", "鉅", "乾", "隆",
      "後", "面", "干", "淨", "发", "髮", "醴", "陵", "官", "莊", "鎮", "组", "村", "姓",
      "1",  " ",  "a",  "·",  "里", "裡", "著", "着", "台", "臺", "余", "餘", "云", "雲"};
  std::mt19937 rng(10);
  std::vector<std::string> inputs = {
      "名覆金甌", "李澤鉅", "乾隆", "乾淨", "姓名123", "湖南省醴陵市", "",
      // not UTF-8 as OpenCC reads it
      "\x80張", "張\xE5", "\xF8\x88\x80\x80\x80張", "陳\xE9\x99", "\xC3\x28國"};
  for (int i = 0; i < 3; ++i) inputs.push_back("陳國華");  // the cache
  for (int i = 0; i < 20000; ++i) inputs.push_back(random_text(rng, pieces, 6));
  for (const auto& s : inputs) EXPECT_EQ(to_simplified(s), reference(s)) << s;
  opencc_close(od);
}

TEST(FastPaths, AuditTextAsNlohmann) {
  Household h;
  h.id = 7;
  h.number = "B0000001";
  h.region_code = village().code;
  h.address = "一组";
  h.meta = {1, "2020-02-12T08:00:00Z", "import", "2020-02-12T08:00:00Z", "import"};
  for (int i = 0; i < 3; ++i) {
    Person p;
    p.id = 10 + i;
    p.household_id = 7;
    p.name = fmt::format("姓名{}", i);
    p.id_number = id(1970 + i, 1, 1, 11 + i);
    p.sex = i % 2 ? "2" : "1";
    p.birth_date = *Date::from_ymd(1970 + i, 1, 1);
    p.relationship = i == 0 ? "01" : "10";
    p.ethnicity = "01";
    p.phone = i == 0 ? "13812345678" : "";
    p.region_code = h.region_code;
    p.meta = h.meta;
    h.members.push_back(p);
  }
  h.head_person_id = 10;
  EXPECT_EQ(household_audit_text(h), audit_text(h));
  for (const auto& m : h.members) EXPECT_EQ(person_audit_text(m), audit_text(m));
  h.head_person_id.reset();
  h.members[1].household_id.reset();
  EXPECT_EQ(household_audit_text(h), audit_text(h));
  // Strings that need escaping take nlohmann's path.
  h.address = "一组 \"东\" \\ \t";
  h.members[2].name = "a\x01b";
  EXPECT_EQ(household_audit_text(h), audit_text(h));
  EXPECT_EQ(person_audit_text(h.members[2]), audit_text(h.members[2]));
  h.members.clear();
  EXPECT_EQ(household_audit_text(h), audit_text(h));
}

class SameReport : public testing::TempDir {};

// The same file imported twice (into two new databases, and once more into
// the first as updates) gives the same report each time.
TEST_F(SameReport, SameFileSameReport) {
  std::string csv =
      "户编号,行政区划代码,家庭住址,姓名,公民身份号码,出生日期,与户主关系,民族,联系电话\n";
  for (int h = 0; h < 40; ++h)
    for (int m = 0; m < 3; ++m) {
      std::string address = h % 7 == 3 && m == 2 ? "二组" : h % 5 == 1 && m > 0 ? " 一组 " : "一组";
      std::string date = m == 1 ? fmt::format("{}-{:02}-{:02}", 1960 + h, 1 + m, 1 + h % 28)
                                : fmt::format("{}/{}/{}", 1960 + h, 1 + m, 1 + h % 28);
      std::string name = h % 4 == 0 ? fmt::format("陳國華{}", h) : fmt::format("姓名{}", h * 3 + m);
      csv += fmt::format("H{:03},{},{},{},{},{},{},汉族,{}\n", h, village(h % 3).code, address,
                         name, id(1960 + h, 1 + m, 1 + h % 28, 100 + m), date,
                         m == 0 ? "本人" : "子", m == 0 ? "13812345678" : "");
    }
  std::string file = write("in.csv", csv);
  auto import_into = [&](const std::string& db, ImportMode mode) {
    auto store = sqlite::SqliteStore::open(path(db));
    EXPECT_TRUE(store.ok());
    auto reader = open_table(file);
    EXPECT_TRUE(reader.ok());
    RegionTree tree = RegionTree::from_regions(*(*store)->regions(""));
    auto sink = SqliteImportSink::begin(**store, Actor{"import", "", "test"}, "test");
    ImportOptions o;
    o.mode = mode;
    o.today = kToday;
    auto r = import_households(**reader, **sink, tree, o);
    EXPECT_TRUE(r.ok());
    return report_json(*r, Lang::kZh).dump();
  };
  std::string a = import_into("a.db", ImportMode::kGoodRows);
  std::string b = import_into("b.db", ImportMode::kGoodRows);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("household.inconsistent"), std::string::npos);
  EXPECT_NE(a.find("\"added\":102"), std::string::npos) << a;  // 6 households with 二组 refused
  // Again into the first: the good households are there now (unchanged).
  std::string again = import_into("a.db", ImportMode::kGoodRows);
  EXPECT_EQ(again, import_into("b.db", ImportMode::kGoodRows));
  EXPECT_NE(again.find("\"unchanged\":102"), std::string::npos) << again;
  EXPECT_EQ(import_into("c.db", ImportMode::kAllOrNothing),
            import_into("d.db", ImportMode::kAllOrNothing));
}

}  // namespace
}  // namespace lz::exchange
