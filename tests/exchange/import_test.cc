// Household imports against a real SQLite store: both modes, dedupe by ID
// number (update or conflict), dry run, bad cells named by row and column
// in Chinese and English, the audit trail, and a process killed mid-import
// leaving the database as it was.
#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "../store/sqlite_test_util.h"
#include "core/text.h"
#include "exchange/household_import.h"
#include "exchange/prefetch_reader.h"
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "exchange/table_writer.h"
#include "exchange/template_example.h"
#include "helpers.h"
#include "store/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {
namespace {

using testing::id;
using testing::kToday;
using testing::village;

const std::string kHeader =
    "户编号,行政区划代码,家庭住址,姓名,公民身份号码,性别,出生日期,与户主关系,民族,联系电话\n";

std::string member(const std::string& number, const std::string& name, const std::string& idn,
                   const std::string& rel, const std::string& phone = "",
                   const std::string& code = "") {
  return fmt::format("{},{},{},{},{},,,{},,{}\n", number, code.empty() ? village().code : code,
                     "一组", name, idn, rel, phone);
}

class ImportTest : public testing::TempDir {
 protected:
  void SetUp() override {
    TempDir::SetUp();
    db_ = path("t.db");
    open();
  }
  void open() {
    store_.reset();
    auto s = sqlite::SqliteStore::open(db_);
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
  }
  Result<ImportReport> run(const std::string& csv, ImportMode mode = ImportMode::kAllOrNothing,
                           bool dry = false, const std::string& name = "in.csv") {
    auto reader = open_table(write(name, csv));
    if (!reader) return reader.error();
    return run_reader(**reader, mode, dry);
  }
  Result<ImportReport> run_reader(TableReader& reader, ImportMode mode, bool dry) {
    auto regions = store_->regions("");
    RegionTree tree = RegionTree::from_regions(*regions);
    auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
    if (!sink) return sink.error();
    (*sink)->set_source(
        source_ ? *source_ : SqliteImportSink::Source{"in.csv", std::string(64, 'a'), "7", {}});
    if (prefilter_) {
      if (auto st = (*sink)->prefilter(1000000); !st) return st.error();
    }
    if (bulk_rows_) {
      if (auto st = (*sink)->prepare_bulk(bulk_rows_); !st) return st.error();
      if (bulk_rows_ >= SqliteImportSink::kPauseTriggersRows && !(*sink)->facts_triggers_paused())
        return internal("test", "not paused", "the facts triggers were not paused");
    }
    ImportOptions o;
    o.mode = mode;
    o.dry_run = dry;
    o.today = kToday;
    return import_households(reader, **sink, tree, o);
  }
  // The person and household indexes with their SQL, in name order.
  std::string indexes() {
    auto s = store_->db().prepare(
        "SELECT group_concat(name || ': ' || sql, '\n') FROM (SELECT name, sql FROM sqlite_master "
        "WHERE "
        "type = 'index' AND tbl_name IN ('person', 'household') AND sql IS NOT NULL ORDER BY "
        "name)");
    s.step();
    return s.str(0);
  }
  // The household_facts triggers with their SQL, in name order (migration 016).
  std::string triggers() { return sqlite::testing::facts_triggers(store_->db()); }
  // The households that have a household_facts row, in id order.
  std::vector<int64_t> facts_rows() {
    std::vector<int64_t> out;
    auto s = store_->db().prepare("SELECT household_id FROM household_facts ORDER BY 1");
    while (s.step()) out.push_back(s.i64(0));
    return out;
  }
  int64_t household_id(const std::string& number) {
    auto s = store_->db().prepare("SELECT id FROM household WHERE number = ?");
    s.bind(1, number);
    return s.step() ? s.i64(0) : -1;
  }
  int64_t count(const char* table) {
    auto s = store_->db().prepare(fmt::format("SELECT COUNT(*) FROM {}", table));
    s.step();
    return s.i64(0);
  }
  std::string db_;
  std::unique_ptr<sqlite::SqliteStore> store_;
  std::optional<SqliteImportSink::Source> source_;  // else in.csv, 64 × 'a', upload 7
  bool prefilter_ = false;  // the sink's number sets (SqliteImportSink::prefilter)
  int64_t bulk_rows_ = 0;   // when set: SqliteImportSink::prepare_bulk(bulk_rows_)
};

// The file's hash may still be computing while the rows are written
// (file_sha256_async): commit() waits for it and records it; a hash that
// fails (the file gone) fails the import, and nothing is written.
TEST_F(ImportTest, FileHashComputedAlongsideIsRecordedAtCommit) {
  std::string csv = kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人");
  std::string path = write("hashed.csv", csv);
  auto want = file_sha256(path);
  ASSERT_TRUE(want.ok());
  source_ = SqliteImportSink::Source{"hashed.csv", "", "", file_sha256_async(path)};
  auto r = run_reader(**open_table(path), ImportMode::kAllOrNothing, false);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  AuditQuery q;
  q.actor = "import";
  auto a = store_->audit().query(q);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->total, 1);
  EXPECT_EQ(nlohmann::json::parse(a->items[0].after)["sha256"], *want);

  source_ = SqliteImportSink::Source{"gone.csv", "", "", file_sha256_async(path + ".gone")};
  std::string more = kHeader + member("H002", "王五", id(1960, 1, 1, 41), "01");
  auto bad = run_reader(**open_table(write("more.csv", more)), ImportMode::kAllOrNothing, false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "file.open");
  EXPECT_EQ(count("household"), 1);
  EXPECT_EQ(count("person"), 1);
}

// A register with a title and a line of who filled it in above the header:
// the households are imported, the two rows said skipped, and a bad cell is
// named by its row in the file.
TEST_F(ImportTest, TitleRowsAboveTheHeaderAreSkipped) {
  std::string csv = "官庄镇建档立卡贫困户花名册,,,,,,,,,\n"
                    "填报单位：官庄镇人民政府,,,,,,,,填报日期：2020年2月12日,\n" +
                    kHeader + member("T01", "张三", id(1970, 1, 1, 11), "01") +
                    member("T02", "李四", id(1972, 3, 4, 22), "01", "999");
  auto r = run(csv, ImportMode::kGoodRows);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->header_row, 3);
  EXPECT_EQ(r->title_rows, (std::vector<long>{1, 2}));
  EXPECT_EQ(r->rows_read, 2);
  EXPECT_EQ(r->added, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 5);
  EXPECT_EQ(r->errors[0].code, "phone.invalid");
  auto notes = skipped_notes(*r, Lang::kEn);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].reason, "row 1 is a title above the header (row 3); skipped");
  // Kept with the stored report (the web's import history reads it back).
  auto back = report_from_storage(report_to_storage(*r, {}), nullptr);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->title_rows, r->title_rows);
}

// The whole printed form: a title, a header over two rows (a merged group
// cell), the data, a total and who filled it in. The data are imported; the
// rest is said, each row by its number in the file.
TEST_F(ImportTest, PrintedFormWithTwoRowHeaderAndFoot) {
  std::string csv = "官庄镇建档立卡贫困户花名册,,,,,\n"
                    "户编号,行政区划代码,家庭成员信息,,,联系电话\n"
                    ",,姓名,公民身份号码,与户主关系,\n" +
                    fmt::format("F01,{},张三,{},01,13812345678\n", village().code, id(1970, 1, 1, 11)) +
                    fmt::format("F01,{},李四,{},10,\n", village().code, id(1972, 3, 4, 22)) +
                    "合计：1户2人,,,,,\n"
                    "填表人：王五,,审核人：赵六,,,\n";
  auto r = run(csv);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_TRUE(r->committed);
  EXPECT_EQ(r->header_row, 3);
  EXPECT_EQ(r->header_upper_row, 2);
  EXPECT_EQ(r->title_rows, (std::vector<long>{1}));
  EXPECT_EQ(r->footer_rows, (std::vector<long>{6, 7}));
  EXPECT_EQ(r->rows_read, 2);
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->refused, 0);
  std::vector<std::string> notes;
  for (const auto& n : skipped_notes(*r, Lang::kZh)) notes.push_back(n.reason);
  EXPECT_EQ(notes, (std::vector<std::string>{"第1行是表格标题（表头在第3行），已跳过",
                                             "第2行和第3行合为表头",
                                             "第6行是表尾（合计、填表人等），已跳过",
                                             "第7行是表尾（合计、填表人等），已跳过"}));
  auto j = report_json(*r, Lang::kZh);
  EXPECT_EQ(j["skipped"], 3);  // the title and the foot; the upper header row is the header
  auto back = report_from_storage(report_to_storage(*r, {}), nullptr);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->header_upper_row, 2);
  EXPECT_EQ(back->footer_rows, r->footer_rows);
}

// A township's workbook with a sheet per village: one sheet is imported, and
// the summary says which and names the others, never leaving them out
// silently; --sheet (open_table's sheet) imports another. A sheet explaining
// the columns (one named per row) and an empty one are not data.
TEST_F(ImportTest, WorkbookOfSeveralSheetsSaysWhatItDidNotRead) {
  std::string file = path("township.xlsx");
  lxw_workbook* wb = workbook_new(file.c_str());
  auto add_sheet = [&](const char* name, const std::vector<std::vector<std::string>>& rows) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < rows[r].size(); ++c)
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                               rows[r][c].c_str(), nullptr);
  };
  const std::vector<std::string> header = {"户编号", "行政区划代码", "姓名", "公民身份号码",
                                           "与户主关系"};
  add_sheet("瓦子坪村", {header, {"W01", village().code, "张三", id(1970, 1, 1, 11), "01"}});
  add_sheet("空表", {});
  add_sheet("填写说明", {{"户编号", "number", "每户一个编号，同户各行相同"},
                         {"姓名", "name", "与身份证一致"}});
  add_sheet("白沙村", {header,
                       {"B01", village().code, "李四", id(1972, 3, 4, 22), "01"},
                       {"B02", village().code, "王五", id(1975, 5, 6, 33), "01"}});
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto first = run_reader(**open_table(file), ImportMode::kAllOrNothing, true);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->sheet, "瓦子坪村");
  EXPECT_EQ(first->unread_sheets, (std::vector<std::string>{"白沙村"}));
  EXPECT_EQ(first->added, 1);
  EXPECT_EQ(import_notes(*first, Lang::kZh),
            (std::vector<std::string>{
                "只读取了工作表“瓦子坪村”：工作簿中另有1张表有数据，未导入（白沙村）。请逐张导入"
                "（命令行加 --sheet 表名；网页上传请将每张表另存为一个文件），或合并到一张表后导入"}));
  auto j = report_json(*first, Lang::kEn);
  EXPECT_EQ(j["sheet"], "瓦子坪村");
  ASSERT_EQ(j["notes"].size(), 1u);
  EXPECT_NE(j["notes"][0].get<std::string>().find("Only the sheet \"瓦子坪村\" was read"),
            std::string::npos);

  auto second = run_reader(**open_table(file, "白沙村"), ImportMode::kAllOrNothing, true);
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_EQ(second->sheet, "白沙村");
  EXPECT_EQ(second->added, 2);
  EXPECT_EQ(second->unread_sheets, (std::vector<std::string>{"瓦子坪村"}));

  // A file of one sheet (or a CSV) has nothing to say.
  auto csv = run(kHeader + member("C01", "赵六", id(1980, 1, 1, 44), "01"), ImportMode::kAllOrNothing,
                 true);
  ASSERT_TRUE(csv.ok());
  EXPECT_TRUE(import_notes(*csv, Lang::kZh).empty());
}

TEST_F(ImportTest, AddsHouseholdsWithMembersAndAudits) {
  std::string csv = kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人", "13812345678") +
                    member("H001", "李四", id(1972, 3, 4, 22), "配偶") +
                    member("H001", "张小", id(2010, 5, 6, 31), "20") +
                    member("H002", "王五", id(1960, 1, 1, 41), "01");
  auto r = run(csv);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->rows_read, 4);
  EXPECT_EQ(r->added, 4);
  EXPECT_EQ(r->refused, 0);
  EXPECT_EQ(r->households_added, 2);
  EXPECT_TRUE(r->committed);
  EXPECT_EQ(count("household"), 2);
  EXPECT_EQ(count("person"), 4);
  auto p = store_->person_by_id_number(id(1970, 1, 1, 11));
  ASSERT_TRUE(p.ok() && *p);
  EXPECT_EQ((*p)->name, "张三");
  EXPECT_EQ((*p)->phone, "13812345678");
  auto h = store_->household(*(*p)->household_id);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->head_person_id, (*p)->id);
  // One audit entry for the import (its file, counts and the ids it created),
  // none per created household or person.
  AuditQuery q;
  q.actor = "import";
  auto a = store_->audit().query(q);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->total, 1);
  const AuditEntry& e = a->items[0];
  EXPECT_EQ(e.action, "import");
  EXPECT_EQ(e.entity, "import");
  EXPECT_EQ(e.entity_id, "7");
  EXPECT_EQ(e.detail, "test");
  auto j = nlohmann::json::parse(e.after);
  EXPECT_EQ(j["file_name"], "in.csv");
  EXPECT_EQ(j["sha256"], std::string(64, 'a'));
  EXPECT_EQ(j["mode"], "all-or-nothing");
  EXPECT_EQ(j["rows_read"], 4);
  EXPECT_EQ(j["added"], 4);
  EXPECT_EQ(j["households_added"], 2);
  EXPECT_EQ(j["household_ids"], nlohmann::json::array({1, 2}));
  EXPECT_EQ(j["person_ids"], nlohmann::json::array({1, 4}));
}

// Changes to records that were there before the file stay traceable field by
// field: a person updated (before and after), a member added to a household;
// persons and households the file creates are in the import's one entry.
TEST_F(ImportTest, AuditsChangesToExistingRecordsOneByOne) {
  ASSERT_TRUE(run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人")).ok());
  auto r = run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人", "13900001111") +
               member("H001", "李四", id(1972, 3, 4, 22), "配偶") +
               member("H002", "王五", id(1960, 1, 1, 41), "01"));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->added, 2);
  AuditQuery q;
  q.actor = "import";
  auto a = store_->audit().query(q);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->total, 4);  // import, update person, create person (H001), import
  std::vector<std::string> what;
  for (auto it = a->items.rbegin(); it != a->items.rend(); ++it)
    what.push_back(it->action + " " + it->entity);
  EXPECT_EQ(what, (std::vector<std::string>{"import import", "update person", "create person",
                                            "import import"}));
  const AuditEntry& upd = a->items[2];
  auto before = nlohmann::json::parse(upd.before), after = nlohmann::json::parse(upd.after);
  EXPECT_EQ(before["phone"], "");
  EXPECT_EQ(after["phone"], "13900001111");
  EXPECT_EQ(after["version"], 2);
  auto second = nlohmann::json::parse(a->items[0].after);
  EXPECT_EQ(second["updated"], 1);
  EXPECT_EQ(second["added"], 2);
  EXPECT_EQ(second["households_added"], 1);
  EXPECT_EQ(second["household_ids"], nlohmann::json::array({2, 2}));
  EXPECT_EQ(second["person_ids"], nlohmann::json::array({2, 3}));
}

TEST_F(ImportTest, BadCellsNamedByRowAndColumn) {
  std::string csv =
      kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人") +
      member("H001", "李四", "4.30281E+17", "配偶") +              // row 3: Excel damage
      member("H002", "王五", id(1960, 1, 1, 41), "01", "12345") +  // row 4: bad phone
      member("H003", "赵六", id(1961, 1, 1, 51), "堂兄") +         // row 5: unknown relationship
      member("H004", "", id(1962, 1, 1, 61), "01") +               // row 6: no name
      member("H005", "钱七", id(1963, 1, 1, 71), "01", "",
             "430281999999");  // row 7: no such village
  auto r = run(csv);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(r->committed);
  EXPECT_EQ(count("household"), 0);
  auto find = [&](long row, const char* col) -> const CellError* {
    for (const auto& e : r->errors)
      if (e.row == row && e.column >= 0 && column_letter(e.column) == col) return &e;
    return nullptr;
  };
  struct {
    long row;
    const char* col;
    const char* code;
    const char* zh;
  } want[] = {{3, "E", "id_number.scientific", "科学计数法"},
              {4, "J", "phone.invalid", "12345"},
              {5, "H", "relationship.unknown", "堂兄"},
              {6, "D", "name.missing", "姓名不能为空"},
              {7, "B", "region_code.unknown", "430281999999"}};
  for (const auto& w : want) {
    const CellError* e = find(w.row, w.col);
    ASSERT_NE(e, nullptr) << "row " << w.row << " col " << w.col;
    EXPECT_EQ(e->code, w.code);
    EXPECT_NE(e->reason_zh.find(w.zh), std::string::npos) << e->reason_zh;
    EXPECT_FALSE(e->reason_en.empty());
  }
  // Row 2 is fine but its household (H001) is refused with it.
  bool row2 = false;
  for (const auto& e : r->errors) row2 |= e.row == 2 && e.code == "household.refused";
  EXPECT_TRUE(row2);
  EXPECT_EQ(r->refused, 6);
  EXPECT_NE(describe(*find(3, "E"), Lang::kZh).find("第3行 E列（公民身份号码）"),
            std::string::npos);
  EXPECT_NE(describe(*find(3, "E"), Lang::kEn).find("row 3, column E"), std::string::npos);
  auto j = report_json(*r, Lang::kEn);
  EXPECT_EQ(j["refused"], 6);
  EXPECT_EQ(j["refusals"][0]["row"], 2);
  // The report as xlsx reads back: the problems sheet lists each one.
  ASSERT_TRUE(write_report_xlsx(*r, path("report.xlsx"), Lang::kZh).ok());
  auto rr = open_table(path("report.xlsx"));
  ASSERT_TRUE(rr.ok());
  Row row;
  int lines = 0;
  while (*(*rr)->next(row)) ++lines;
  EXPECT_EQ(lines, 3 + static_cast<int>(r->errors.size()));
}

TEST_F(ImportTest, GoodRowsModeWritesTheGoodHouseholds) {
  std::string csv = kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人") +
                    member("H002", "王五", id(1960, 1, 1, 41), "01") +
                    member("H002", "王妻", "123", "10") +
                    member("H003", "赵六", id(1961, 1, 1, 51), "01");
  auto r = run(csv, ImportMode::kGoodRows);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->committed);
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->refused, 2);
  EXPECT_EQ(count("household"), 2);
  ASSERT_EQ(r->refused_rows.size(), 2u);
  EXPECT_EQ(r->refused_rows[0].row, 3);
  EXPECT_EQ(r->refused_rows[1].row, 4);
  EXPECT_EQ(r->refused_rows[1].bad_columns, std::vector<int>{4});
}

// Good-rows mode undoes a failed household alone (its savepoint); in
// all-or-nothing mode the sink skips the savepoint, since a failed
// household means the file is not committed: its writes stay in the
// transaction, which is then rolled back as a whole.
TEST_F(ImportTest, SinkUndoesAFailedUnitOnlyWhenAsked) {
  for (bool undo : {true, false}) {
    auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
    ASSERT_TRUE(sink.ok()) << sink.error().describe();
    (*sink)->set_undo_units(undo);
    Household h;
    h.number = "U001";
    h.region_code = village().code;
    Person p;
    p.name = "张三";
    p.id_number = id(1970, 1, 1, 11);
    p.sex = "male";
    p.birth_date = *Date::from_ymd(1970, 1, 1);
    p.relationship = "01";
    h.members.push_back(p);
    ASSERT_TRUE((*sink)->begin_unit().ok());
    ASSERT_TRUE((*sink)->create_household(h).ok());
    ASSERT_TRUE((*sink)->end_unit(false).ok());
    auto found = (*sink)->household_by_number("U001");
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->has_value(), !undo) << "undo " << undo;
    sink->reset();  // no commit: rolled back
    EXPECT_EQ(count("household"), 0);
    EXPECT_EQ(count("person"), 0);
  }
}

TEST_F(ImportTest, DedupeUpdatesOrReportsConflicts) {
  ASSERT_TRUE(run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人") +
                  member("H002", "王五", id(1960, 1, 1, 41), "01"))
                  .ok());
  // Same household: phone changes (updated), name same (unchanged), a new member (added).
  std::string again = kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人", "13900001111") +
                      member("H001", "李四", id(1972, 3, 4, 22), "配偶");
  auto r = run(again);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->refused, 0);
  EXPECT_EQ((*store_->person_by_id_number(id(1970, 1, 1, 11)))->phone, "13900001111");
  // Unchanged on a third run.
  auto same = run(again);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->unchanged, 2);
  EXPECT_EQ(same->updated, 0);
  // A person of H002 listed under H003: a conflict, nothing written.
  auto c = run(kHeader + member("H003", "王五", id(1960, 1, 1, 41), "01"));
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->errors.size(), 1u);
  EXPECT_EQ(c->errors[0].code, "id_number.registered_elsewhere");
  EXPECT_NE(c->errors[0].reason_zh.find("H002"), std::string::npos);
  EXPECT_EQ(count("household"), 2);
  // The same person twice in one file.
  auto twice = run(kHeader + member("H010", "甲", id(1980, 1, 1, 11), "01") +
                   member("H011", "甲", id(1980, 1, 1, 11), "01"));
  ASSERT_TRUE(twice.ok());
  ASSERT_FALSE(twice->errors.empty());
  EXPECT_EQ(twice->errors[0].code, "id_number.duplicate_in_file");
  EXPECT_EQ(twice->errors[0].row, 3);
}

// With the sink's sets of the numbers there are (prefilter), lookups answer
// as the database does: persons and households already there, and those
// written earlier in the same file, are found.
TEST_F(ImportTest, PrefilterAnswersLikeTheDatabase) {
  ASSERT_TRUE(run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人") +
                  member("H002", "王五", id(1960, 1, 1, 41), "01"))
                  .ok());
  prefilter_ = true;
  auto r = run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人", "13900001111") +
               member("H001", "李四", id(1972, 3, 4, 22), "配偶"));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->households_added, 0);
  auto c = run(kHeader + member("H003", "王五", id(1960, 1, 1, 41), "01"));
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->errors.size(), 1u);
  EXPECT_EQ(c->errors[0].code, "id_number.registered_elsewhere");
  auto twice = run(kHeader + member("H010", "甲", id(1980, 1, 1, 11), "01") +
                   member("H011", "甲", id(1980, 1, 1, 11), "01"));
  ASSERT_TRUE(twice.ok());
  ASSERT_FALSE(twice->errors.empty());
  EXPECT_EQ(twice->errors[0].code, "id_number.duplicate_in_file");
  // A household number written earlier in the file adds to that household.
  auto split = run(kHeader + member("H020", "丙", id(1981, 1, 1, 11), "01") +
                   member("H021", "丁", id(1982, 1, 1, 11), "01") +
                   member("H020", "戊", id(1983, 1, 1, 22), "10"));
  ASSERT_TRUE(split.ok()) << split.error().describe();
  EXPECT_EQ(split->added, 3);
  EXPECT_EQ(split->households_added, 2);
  EXPECT_EQ(count("household"), 4);
  // The sink's own answers.
  auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->prefilter(10).ok());
  EXPECT_TRUE((*(*sink)->household_by_number("H020")).has_value());
  EXPECT_FALSE((*(*sink)->household_by_number("H999")).has_value());
  EXPECT_TRUE((*(*sink)->person_by_id_number(id(1983, 1, 1, 22))).has_value());
  EXPECT_FALSE((*(*sink)->person_by_id_number(id(1984, 1, 1, 22))).has_value());
}

TEST_F(ImportTest, DryRunWritesNothing) {
  ASSERT_TRUE(run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人")).ok());
  auto r =
      run(kHeader + member("H001", "张三", id(1970, 1, 1, 11), "本人", "13900001111") +
              member("H002", "王五", id(1960, 1, 1, 41), "01") + member("H003", "坏", "1", "01"),
          ImportMode::kGoodRows, /*dry=*/true);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->committed);
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->refused, 1);
  EXPECT_EQ(count("household"), 1);
  EXPECT_EQ((*store_->person_by_id_number(id(1970, 1, 1, 11)))->phone, "");
}

TEST_F(ImportTest, NormalisesWhatExcelAndPeopleWrite) {
  const Region& v = village();
  // "官庄镇瓦子坪村": the township's name before the village's makes it unique.
  std::string name = RegionTree::liling().find(v.parent_code)->name + v.name;
  std::string csv =
      "戶編號 ,所在村（社区）,姓 名,身份证号（18位）,出生日期,与户主关系,民族,性别\n" +
      fmt::format("Ｈ００１,{},陳國華,{},1970年1月1日,1,汉,男\n", name, id(1970, 1, 1, 11)) +
      fmt::format("H001, {} ,劉麗,{},25569,10,,\n", name, id(1970, 1, 1, 22));
  auto r = run(csv);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->errors.size(), 0u) << r->errors[0].reason_zh;
  auto p = store_->person_by_id_number(id(1970, 1, 1, 11));
  ASSERT_TRUE(p.ok() && *p);
  EXPECT_EQ((*p)->name, "陈国华");
  EXPECT_EQ((*p)->relationship, "01");
  EXPECT_EQ((*p)->region_code, v.code);
  EXPECT_EQ((*store_->person_by_id_number(id(1970, 1, 1, 22)))->name, "刘丽");
}

TEST_F(ImportTest, FileLevelErrors) {
  auto r = run("户编号,姓名\nH1,张三\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "header.missing");
  EXPECT_EQ(r.error().row, 1);
  auto e = run("\n\n");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "file.empty");
  auto nv = run("户编号,姓名,公民身份号码,与户主关系\nH1,张三,x,01\n");
  ASSERT_FALSE(nv.ok());
  EXPECT_NE(nv.error().message_zh.find("所在村"), std::string::npos);
}

TEST_F(ImportTest, XlsxImportAndExportRoundTrip) {
  std::string csv = kHeader;
  for (int i = 0; i < 50; ++i)
    csv += member(fmt::format("H{:03}", i), "户主" + std::to_string(i),
                  id(1960, 1, 1 + i % 28, 11 + 2 * i), "01") +
           member(fmt::format("H{:03}", i), "配偶" + std::to_string(i),
                  id(1962, 2, 1 + i % 28, 12 + 2 * i), "10");
  // Write the CSV as xlsx (all text cells) and import that.
  {
    auto reader = open_table(write("in.csv", csv));
    auto w = create_table_writer(path("in.xlsx"), "户籍成员");
    ASSERT_TRUE(reader.ok() && w.ok());
    Row row;
    while (*(*reader)->next(row)) ASSERT_TRUE((*w)->write_row(row.cells, row.number == 1).ok());
    ASSERT_TRUE((*w)->close().ok());
  }
  auto xr = open_table(path("in.xlsx"));
  ASSERT_TRUE(xr.ok());
  auto r = run_reader(**xr, ImportMode::kAllOrNothing, false);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->added, 100);
  EXPECT_EQ(r->refused, 0);
}

// A process killed in the middle of an import leaves the database as it was.
// With the secondary indexes dropped for the load (prepare_bulk), the kill
// brings them back too.
TEST_F(ImportTest, KilledMidImportLeavesNothing) {
  ASSERT_TRUE(run(kHeader + member("H000", "先有", id(1950, 1, 1, 11), "01")).ok());
  std::string before = indexes();
  std::string triggers_before = triggers();
  std::string csv = kHeader;
  for (int i = 1; i <= 30000; ++i)
    csv += member(fmt::format("K{:05}", i), "甲",
                  id(1960 + i % 40, 1 + i % 12, 1 + i % 28, 100 + i % 800), "01");
  std::string file = write("big.csv", csv);
  store_.reset();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto s = sqlite::SqliteStore::open(db_);
    if (!s) _exit(3);
    auto reader = open_table(file);
    if (!reader) _exit(4);
    RegionTree tree = RegionTree::from_regions(*(*s)->regions(""));
    auto sink = SqliteImportSink::begin(**s, Actor{"import", "", ""}, "kill test");
    if (!sink) _exit(5);
    if (!(*sink)->prepare_bulk(30000) || (*sink)->deferred_indexes().empty() ||
        !(*sink)->facts_triggers_paused())
      _exit(7);
    ImportOptions o;
    o.mode = ImportMode::kGoodRows;
    o.today = kToday;
    o.progress = [](double, long rows) {
      if (rows >= 16384)
        raise(SIGKILL);  // half way: thousands of households written, none committed
    };
    (void)import_households(**reader, **sink, tree, o);
    _exit(6);  // not reached
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  open();
  EXPECT_EQ(count("household"), 1);
  EXPECT_EQ(count("person"), 1);
  EXPECT_EQ(indexes(), before);
  EXPECT_EQ(triggers(), triggers_before);
  auto ic = store_->db().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.step());
  EXPECT_EQ(ic.str(0), "ok");
  // And the same file imports fine afterwards.
  auto r = run(csv, ImportMode::kGoodRows, false, "big2.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count("household") - 1 + r->refused, 30000);
}

// A file large against the registry: the indexes the import does not read are
// dropped for the load and built again before COMMIT, the same as before; the
// data is the same as with them; a small file against a large registry keeps them.
TEST_F(ImportTest, LargeFileBuildsSecondaryIndexesOnceAtCommit) {
  std::string before = indexes();
  std::string triggers_before = triggers();
  std::string csv = kHeader;
  for (int i = 1; i <= 300; ++i)
    csv += member(fmt::format("D{:04}", i), fmt::format("乙{}", i % 7),
                  id(1960 + i % 40, 1 + i % 12, 1 + i % 28, 100 + i), "01");
  auto reader = open_table(write("d.csv", csv));
  ASSERT_TRUE(reader.ok());
  RegionTree tree = RegionTree::from_regions(*store_->regions(""));
  auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->prepare_bulk(SqliteImportSink::rows_estimate(csv.size())).ok());
  auto names = (*sink)->deferred_indexes();
  EXPECT_EQ(names,
            (std::vector<std::string>{"person_name", "person_region_live", "household_region"}));
  ImportOptions o;
  o.today = kToday;
  auto r = import_households(**reader, **sink, tree, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 300);
  EXPECT_TRUE(r->committed);
  sink->reset();
  EXPECT_EQ(indexes(), before);
  EXPECT_EQ(triggers(), triggers_before);
  auto ic = store_->db().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.step());
  EXPECT_EQ(ic.str(0), "ok");
  auto by_name = store_->db().prepare("SELECT COUNT(*) FROM person WHERE name = '乙3'");
  ASSERT_TRUE(by_name.step());
  EXPECT_EQ(by_name.i64(0), 43);  // i % 7 == 3 for i in 1..300
  // 10 more rows against 300: nothing dropped.
  auto small = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
  ASSERT_TRUE(small.ok());
  ASSERT_TRUE((*small)->prepare_bulk(10).ok());
  EXPECT_TRUE((*small)->deferred_indexes().empty());
}

// A village name two townships share is refused naming both codes, and the
// hint writes it with one of those townships (not another county's example).
TEST_F(ImportTest, AmbiguousVillageHintUsesItsOwnTownship) {
  const Region& v = village();
  const Region* other = nullptr;  // a township other than v's
  for (const Region* t : RegionTree::liling().at_level(RegionLevel::kTownship))
    if (t->code != v.parent_code && t->code.size() == 9) other = t;
  ASSERT_NE(other, nullptr);
  const std::string twin = other->code + "299";
  ASSERT_TRUE(
      store_->db()
          .prepare(
              "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, 'village', ?)")
          .bind(1, twin)
          .bind(2, v.name)
          .bind(3, other->code)
          .exec()
          .ok());
  auto r = run("户编号,所在村,姓名,公民身份号码,与户主关系\nV1," + v.name + ",甲," +
               id(1950, 1, 1, 11) + ",01\n");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  std::string why;
  for (const auto& e : r->errors)
    if (e.code == "village.ambiguous") why = e.reason_zh;
  ASSERT_FALSE(why.empty());
  EXPECT_NE(why.find(v.code), std::string::npos) << why;
  EXPECT_NE(why.find(twin), std::string::npos) << why;
  const std::string own = lz::text::strip_spaces(RegionTree::liling().find(v.parent_code)->name);
  const std::string theirs = lz::text::strip_spaces(other->name);
  EXPECT_TRUE(why.find("如“" + own + v.name + "”") != std::string::npos ||
              why.find("如“" + theirs + v.name + "”") != std::string::npos)
      << why;
}

// The rows of one household agree on 所在村 when they name the same village,
// however written (the village alone, with its township, spaces between);
// they disagree when the names resolve to different villages.
TEST_F(ImportTest, RowsOfAHouseholdNamingOneVillageAlikeAgree) {
  const Region& v = village(0);
  const Region& w = village(1);
  const std::string town = lz::text::strip_spaces(RegionTree::liling().find(v.parent_code)->name);
  struct Case {
    std::string first, second;
    bool agree;
  };
  const Case cases[] = {
      {v.name, v.name, true},
      {v.name, town + v.name, true},
      {town + v.name, v.name, true},
      {v.name, town + " " + v.name, true},
      {town + "　" + v.name, " " + v.name + " ", true},
      {v.name, w.name, false},
      {v.name, town + w.name, false},
      {town + v.name, "无此村", false},
  };
  int n = 0;
  for (const auto& c : cases) {
    const std::string number = fmt::format("VV{}", ++n);
    auto r = run("户编号,所在村,姓名,公民身份号码,与户主关系\n" + number + "," + c.first + ",甲," +
                     id(1950, 1, n, 11) + ",01\n" + number + "," + c.second + ",乙," +
                     id(1980, 1, n, 12) + ",20\n",
                 ImportMode::kGoodRows);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    bool inconsistent = false;
    for (const auto& e : r->errors) inconsistent |= e.code == "household.inconsistent";
    EXPECT_EQ(inconsistent, !c.agree) << c.first << " / " << c.second;
    EXPECT_EQ(r->households_added, c.agree ? 1 : 0) << c.first << " / " << c.second;
    if (c.agree) {
      auto s = store_->db().prepare("SELECT region_code FROM household WHERE number = ?");
      s.bind(1, number);
      EXPECT_TRUE(s.step() && s.str(0) == v.code) << number;
    }
  }
}

// The template's example row left in a file (`liangzhan template`): as the
// first data row it is skipped and said so, neither added nor refused; the
// same row further down is data (the example is a valid household).
TEST_F(ImportTest, TemplateExampleRowIsSkippedAndIsValidData) {
  const KindSpec& spec = *find_kind("households");
  std::string header, example;
  for (const auto& c : spec.columns) header += (header.empty() ? "" : ",") + c.zh;
  const auto row = template_example(spec, nullptr);
  for (const auto& v : row) example += (example.empty() ? "" : ",") + ("\"" + v + "\"");
  // One place throughout: the code's village names the village and the address.
  const Region* place = RegionTree::liling().find(row[spec.index("region_code")]);
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(row[spec.index("village")], place->name);
  EXPECT_NE(row[spec.index("address")].find(place->name), std::string::npos)
      << row[spec.index("address")];
  auto r = run(header + "\n" + example + "\n");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->skipped_rows, std::vector<long>{2});
  EXPECT_EQ(r->rows_read, 1);
  EXPECT_EQ(r->added + r->refused + r->households_added, 0);
  EXPECT_EQ(count("household"), 0);
  nlohmann::json j = report_json(*r, Lang::kZh);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["skipped_rows"][0]["reason"], "第2行是模板示例行，已跳过");
  EXPECT_EQ(report_json(*r, Lang::kEn)["skipped_rows"][0]["reason"],
            "row 2 is the template's example row; skipped");
  auto twice = run(header + "\n" + example + "\n" + example + "\n");
  ASSERT_TRUE(twice.ok()) << twice.error().describe();
  EXPECT_EQ(twice->skipped_rows, std::vector<long>{2});
  EXPECT_EQ(twice->households_added, 1);
  EXPECT_EQ(twice->refused, 0) << (twice->errors.empty() ? "" : twice->errors[0].reason_en);
}

// A large import pauses the household_facts triggers (a sub-program and a
// statement journal per row) and, before COMMIT, deletes the facts rows of
// the households it created or wrote and puts the triggers back as they
// were: a facts row that is present is still current. Each case: what the
// file does to which household, and whether that household's row survives.
TEST_F(ImportTest, LargeImportPausesFactsTriggersAndDropsTheRowsItTouched) {
  ASSERT_TRUE(run(kHeader + member("F1", "一甲", id(1950, 1, 1, 11), "01") +
                  member("F2", "二甲", id(1951, 1, 1, 11), "01", "13800000002") +
                  member("F3", "三甲", id(1952, 1, 1, 11), "01") +
                  member("F4", "四甲", id(1953, 1, 1, 11), "01"))
                  .ok());
  const std::string triggers_before = triggers();
  ASSERT_EQ(sqlite::testing::facts_trigger_count(store_->db()), 36) << triggers_before;
  // Rows as a poverty check would have left them (the bytes do not matter here).
  for (const char* number : {"F1", "F2", "F3", "F4"}) {
    auto s = store_->db().prepare(
        "INSERT INTO household_facts (household_id, year, codec, region_code, data) VALUES "
        "(?, 2020, 1, '', x'00')");
    s.bind(1, household_id(number));
    ASSERT_TRUE(s.exec().ok());
  }
  bulk_rows_ = 100000;
  auto r =
      run(kHeader + member("F1", "一乙", id(1980, 2, 2, 21), "10") +       // F1 gains a member
          member("F2", "二甲", id(1951, 1, 1, 11), "01", "13900000009") +  // F2's head: new phone
          member("F3", "三甲", id(1952, 1, 1, 11), "01") +                 // F3: the same again
          member("F5", "五甲", id(1955, 1, 1, 11), "01"));                 // a new household
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->unchanged, 1);
  EXPECT_EQ(triggers(), triggers_before);
  EXPECT_EQ(facts_rows(), (std::vector<int64_t>{household_id("F3"), household_id("F4")}));
  // The triggers work again: a write to F3's head deletes its row.
  ASSERT_TRUE(
      store_->db().exec("UPDATE person SET phone = '13700000000' WHERE name = '三甲'").ok());
  EXPECT_EQ(facts_rows(), (std::vector<int64_t>{household_id("F4")}));
  // A large dry run pauses and drops too, and its rollback puts all back.
  const std::string indexes_before = indexes();
  const int64_t persons = count("person");
  auto dry = run(kHeader + member("F7", "七甲", id(1957, 1, 1, 11), "01"),
                 ImportMode::kAllOrNothing, true);
  ASSERT_TRUE(dry.ok()) << dry.error().describe();
  EXPECT_EQ(dry->added, 1);
  EXPECT_FALSE(dry->committed);
  EXPECT_EQ(count("person"), persons);
  EXPECT_EQ(triggers(), triggers_before);
  EXPECT_EQ(indexes(), indexes_before);
  EXPECT_EQ(facts_rows(), (std::vector<int64_t>{household_id("F4")}));
  // A small file keeps the triggers throughout (nothing paused).
  bulk_rows_ = SqliteImportSink::kPauseTriggersRows - 1;
  ASSERT_TRUE(run(kHeader + member("F6", "六甲", id(1956, 1, 1, 11), "01")).ok());
  EXPECT_EQ(facts_rows(), (std::vector<int64_t>{household_id("F4")}));
  EXPECT_EQ(triggers(), triggers_before);
}

// The import runs as a pipeline (one thread reads and checks the rows, this
// one writes them) with households handed over in batches: many batches
// more than the queue holds still give the report in file order, each bad
// household refused at its own rows, the others written.
TEST_F(ImportTest, PipelineKeepsFileOrderAcrossBatches) {
  std::string csv = kHeader;
  std::vector<long> bad_rows;
  long row = 1;
  for (int i = 0; i < 3000; ++i) {
    bool bad = i % 97 == 5;
    csv +=
        member(fmt::format("P{:05}", i), "户主",
               id(1950 + i % 50, 1 + i % 12, 1 + i % 28, 100 + i % 800), "01", bad ? "12345" : "");
    ++row;
    if (bad) bad_rows.push_back(row);
    csv += member(fmt::format("P{:05}", i), "配偶",
                  id(1951 + i % 50, 1 + i % 12, 1 + i % 28, 100 + i % 800), "10");
    ++row;
  }
  auto r = run(csv, ImportMode::kGoodRows);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->rows_read, 6000);
  EXPECT_EQ(r->refused, static_cast<long>(2 * bad_rows.size()));
  EXPECT_EQ(r->households_added, 3000 - static_cast<long>(bad_rows.size()));
  std::vector<long> phone_rows;
  for (const auto& e : r->errors)
    if (e.code != "household.refused") phone_rows.push_back(e.row);
  EXPECT_EQ(phone_rows, bad_rows);
  for (size_t i = 1; i < r->errors.size(); ++i) EXPECT_LE(r->errors[i - 1].row, r->errors[i].row);
  EXPECT_EQ(count("household"), r->households_added);
  // Each household written with its head (the sink numbers the members),
  // also after the refused ones were rolled back.
  auto heads = store_->db().prepare(
      "SELECT COUNT(*) FROM household h JOIN person p ON p.id = h.head_person_id AND "
      "p.household_id = h.id AND p.relationship = '01' AND p.name = '户主'");
  ASSERT_TRUE(heads.step());
  EXPECT_EQ(heads.i64(0), r->households_added);
}

// A sink that fails (an internal error) at its n-th household.
class FailingSink final : public ForwardingSink {
 public:
  FailingSink(ImportSink& in, int fail_at) : ForwardingSink(in), left_(fail_at) {}
  Status create_household(Household& h) override {
    if (--left_ == 0) return internal("test.disk", "磁盘已满", "disk full");
    return in_.create_household(h);
  }

 private:
  int left_;
};

// The writing side failing stops the reading side (no thread left waiting
// on a full queue): the error is returned, nothing is committed.
TEST_F(ImportTest, WriterFailureStopsTheReader) {
  std::string csv = kHeader;
  for (int i = 0; i < 20000; ++i)
    csv += member(fmt::format("F{:05}", i), "甲",
                  id(1950 + i % 50, 1 + i % 12, 1 + i % 28, 100 + i % 800), "01");
  auto reader = open_table(write("f.csv", csv));
  ASSERT_TRUE(reader.ok());
  RegionTree tree = RegionTree::from_regions(*store_->regions(""));
  auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "test");
  ASSERT_TRUE(sink.ok());
  FailingSink failing(**sink, 100);
  ImportOptions o;
  o.mode = ImportMode::kGoodRows;
  o.today = kToday;
  auto r = import_households(**reader, failing, tree, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "test.disk");
  sink->reset();
  EXPECT_EQ(count("household"), 0);
}

// A reader of N rows, then a damaged part (an Error), for PrefetchReader.
class CountingReader final : public TableReader {
 public:
  CountingReader(long rows, bool damaged) : rows_(rows), damaged_(damaged) {}
  Result<bool> next(Row& row) override {
    if (at_ == rows_) {
      if (!damaged_) return false;
      Error e = invalid("xlsx.damaged", "file", "损坏", "damaged");
      e.row = at_ + 1;
      return e;
    }
    ++at_;
    row.number = at_;
    row.cells = {std::to_string(at_), "x"};
    return true;
  }
  double fraction_done() const override { return static_cast<double>(at_) / rows_; }
  std::string format() const override { return "xlsx"; }

 private:
  long rows_, at_ = 0;
  bool damaged_;
};

// PrefetchReader gives the inner reader's rows in order, then its end or its
// error; destroyed before the end, it stops its thread (no hang).
TEST(PrefetchReaderTest, SameRowsThenTheEndOrTheErrorAndStopsEarly) {
  for (bool damaged : {false, true}) {
    CountingReader inner(5000, damaged);
    PrefetchReader p(inner);
    EXPECT_EQ(p.format(), "xlsx");
    Row row;
    long n = 0;
    Result<bool> r = true;
    while ((r = p.next(row)) && *r) {
      ++n;
      ASSERT_EQ(row.number, n);
      ASSERT_EQ(row.cells[0], std::to_string(n));
    }
    EXPECT_EQ(n, 5000);
    if (damaged) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().row, 5001);
    } else {
      ASSERT_TRUE(r.ok());
      EXPECT_FALSE(*r);
      EXPECT_EQ(p.fraction_done(), 1.0);
    }
  }
  CountingReader big(10000000, false);
  {
    PrefetchReader p(big);
    Row row;
    ASSERT_TRUE(*p.next(row));
  }  // joined here: the thread gave up on its full queue
  EXPECT_LT(big.fraction_done(), 0.01);
}

}  // namespace
}  // namespace lz::exchange
