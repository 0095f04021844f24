// Imports of the epidemic front's lists (key persons, checkpoint passages,
// follow-ups) against a real SQLite store, through the front's use cases:
// every kind of row error named by row and column (Chinese and English),
// both modes, the dry run, dedupe (in the file and against the database),
// scope, GBK CSV and xlsx, and a process killed mid-import leaving nothing.
#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <iconv.h>

#include "app/epidemic_service.h"
#include "app/poverty_service.h"
#include "exchange/epidemic_import.h"
#include "exchange/household_import.h"
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "exchange/table_writer.h"
#include "helpers.h"
#include "store/sqlite/sqlite_epidemic.h"
#include "store/sqlite/sqlite_poverty.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {
namespace {

using testing::id;
using testing::kToday;
using testing::village;

std::string gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t inleft = utf8.size(), outleft = out.size();
  char* o = out.data();
  iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  out.resize(out.size() - outleft);
  return out;
}

class EpidemicImportTest : public testing::TempDir {
 protected:
  void SetUp() override {
    TempDir::SetUp();
    db_ = path("t.db");
    open();
    // The registry: 张三 and 李四 in a village; 王五 in a village of another township.
    village_ = village(0).code;
    for (size_t i = 1; i < 400; ++i)
      if (village(i).code.substr(0, 9) != village_.substr(0, 9)) {
        other_village_ = village(i).code;
        break;
      }
    a_ = id(1970, 1, 1, 11), b_ = id(1972, 3, 4, 22), c_ = id(1960, 1, 1, 41);
    std::string csv = "户编号,行政区划代码,姓名,公民身份号码,与户主关系\n";
    csv += fmt::format("H001,{},张三,{},本人\nH001,{},李四,{},配偶\nH002,{},王五,{},本人\n",
                       village_, a_, village_, b_, other_village_, c_);
    auto reader = open_table(write("hh.csv", csv));
    ASSERT_TRUE(reader.ok());
    RegionTree tree = RegionTree::from_regions(*store_->regions(""));
    auto sink = SqliteImportSink::begin(*store_, Actor{"import", "", "test"}, "setup");
    ImportOptions o;
    o.today = kToday;
    auto r = import_households(**reader, **sink, tree, o);
    ASSERT_TRUE(r.ok() && r->committed) << (r.ok() ? "" : r.error().describe());
    sink->reset();
    Actor cli{"cli", "", ""};
    epidemic::Checkpoint cp{0,   "测试卡点", "G106", village_.substr(0, 9), village_.substr(0, 9),
                            true};
    auto saved = svc_->create_checkpoint(cp, cli);
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
    checkpoint_ = saved->id;
    epidemic::Checkpoint other{
        0, "外乡卡点", "S211", other_village_.substr(0, 9), other_village_.substr(0, 9), true};
    other_checkpoint_ = svc_->create_checkpoint(other, cli)->id;
    // 张三 under home observation since 5 February.
    auto p = epidemic_->person_by_id_number(a_);
    ASSERT_TRUE(p.ok() && *p);
    epidemic::ObservationPlan plan;
    plan.person_id = (*p)->id;
    plan.region_code = (*p)->region_code;
    plan.last_exposure = *Date::from_ymd(2020, 2, 5);
    plan.start = plan.last_exposure;
    plan.basis = "test";
    auto obs = svc_->plan_observation(plan, std::nullopt, cli);
    ASSERT_TRUE(obs.ok()) << obs.error().describe();
    observation_ = obs->view.o.id;
  }
  void open() {
    svc_.reset();
    poverty_.reset();
    poverty_store_.reset();
    epidemic_.reset();
    store_.reset();
    auto s = sqlite::SqliteStore::open(db_);
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
    poverty_store_ = std::make_unique<sqlite::SqlitePovertyStore>(store_->db(), store_->audit());
    poverty_ = std::make_unique<app::PovertyService>(*poverty_store_);
    epidemic_ = std::make_unique<sqlite::SqliteEpidemicStore>(store_->db(), store_->audit());
    svc_ = std::make_unique<app::EpidemicService>(*epidemic_, *poverty_, epidemic::EpidemicConfig{},
                                                  [] { return kToday; });
  }
  Result<KindImport> run(const std::string& kind, const std::string& file,
                         ImportMode mode = ImportMode::kAllOrNothing, bool dry = false,
                         std::function<bool(const std::string&)> covers = {},
                         std::optional<int64_t> checkpoint_only = {}) {
    auto reader = open_table(file);
    if (!reader) return reader.error();
    RegionTree tree = RegionTree::from_regions(*store_->regions(""));
    EpidemicImportEnv env{*svc_, Actor{"import", "", "test"}, std::move(covers), checkpoint_only,
                          &tree};
    ImportOptions o;
    o.mode = mode;
    o.dry_run = dry;
    o.today = kToday;
    return import_epidemic(kind, **reader, env, o);
  }
  int64_t count(const std::string& sql) {
    auto s = store_->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  int64_t key_persons() { return count("SELECT COUNT(*) FROM key_person"); }
  // "row column code" of each refusal, for compact expectations.
  static std::vector<std::string> refusals(const KindImport& r) {
    std::vector<std::string> out;
    for (const auto& e : r.report.errors)
      out.push_back(
          fmt::format("{} {} {}", e.row, e.column >= 0 ? column_letter(e.column) : "-", e.code));
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }

  std::string db_, village_, other_village_, a_, b_, c_;
  int64_t checkpoint_ = 0, other_checkpoint_ = 0, observation_ = 0;
  std::unique_ptr<sqlite::SqliteStore> store_;
  std::unique_ptr<sqlite::SqlitePovertyStore> poverty_store_;
  std::unique_ptr<app::PovertyService> poverty_;
  std::unique_ptr<sqlite::SqliteEpidemicStore> epidemic_;
  std::unique_ptr<app::EpidemicService> svc_;
};

// Columns: A 姓名, B 公民身份号码, C 类别, D 来源, E 登记日期, F 返乡日期, G 从何地返回, H
// 交通方式, I 所在村, J 体温
const char* kKeyHeader =
    "姓名,身份证号（18位）,人员类别,来源,登记日期,返乡日期,从何地返回,交通方式,所在村（社区）,"
    "体温\n";

std::string key_person_errors(const std::string& a, const std::string& b, const std::string& c,
                              const std::string& village_name) {
  std::string csv = kKeyHeader;
  csv += fmt::format("张三,{},湖北返乡,走访,2020/2/10,2020年2月1日,湖北省武汉市,高铁,,\n",
                     a);                                         // 2 good
  csv += fmt::format("李四,{},密接,,2020-02-10,,,,,\n", b);      // 3 no last exposure
  csv += fmt::format("张四,{},发热,,2020-02-11,,,,,38.2\n", a);  // 4 name mismatch
  csv +=
      fmt::format("张三,{},湖北返乡,,2020-02-11,2020-02-01,武汉,,,\n", a);  // 5 duplicate in file
  csv += "赵六,4.30281E+17,发热,,,,,,,\n";                                  // 6 scientific
  csv += fmt::format("钱七,{},轻症,,,,,,,\n", id(1980, 1, 1, 51));          // 7 unknown category
  csv += fmt::format("孙八,{},发热,,2020-03-01,,,,,\n",
                     id(1981, 1, 1, 61));  // 8 date in future (+no village)
  csv += fmt::format("周九,{},发热,,,,,,不存在村,\n", id(1982, 1, 1, 71));  // 9 unknown village
  csv += fmt::format("吴十,{},发热,,,,,,{},36.9\n", id(1983, 1, 1, 81),
                     village_name);                  // 10 good, new person
  csv += fmt::format("王五,{},发热,,,,,,,52\n", c);  // 11 implausible temperature
  csv += fmt::format("郑一,{},湖北返乡,,2020-02-10,,湖北,,{},\n", id(1984, 1, 1, 91),
                     village_name);  // 12 no arrival
  csv += fmt::format("冯二,{},发热,无此来源,,,,,{},\n", id(1985, 1, 1, 13),
                     village_name);  // 13 unknown source
  return csv;
}

TEST_F(EpidemicImportTest, KeyPersonsAllOrNothingNamesEveryBadCell) {
  std::string file = write("kp.csv", key_person_errors(a_, b_, c_, village_));
  int64_t before = key_persons();
  auto r = run("key_persons", file);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->report.rows_read, 12);
  EXPECT_FALSE(r->report.committed);
  EXPECT_EQ(key_persons(), before);
  auto v = refusals(*r);
  EXPECT_TRUE(has(v, "3 - key_person.exposure_required")) << fmt::format("{}", fmt::join(v, "\n"));
  EXPECT_TRUE(has(v, "4 A key_person.name_mismatch"));
  EXPECT_TRUE(has(v, "5 B key_person.duplicate_in_file"));
  EXPECT_TRUE(has(v, "6 B id_number.scientific"));
  EXPECT_TRUE(has(v, "7 C value.unknown"));
  EXPECT_TRUE(has(v, "8 E key_person.date_future") || has(v, "8 I key_person.region_required"));
  EXPECT_TRUE(has(v, "9 I village.unknown"));
  EXPECT_TRUE(has(v, "11 J temperature.implausible"));
  EXPECT_TRUE(has(v, "12 F key_person.travel_required"));
  EXPECT_TRUE(has(v, "13 D value.unknown"));
  EXPECT_EQ(r->report.refused, 10);
  // The reasons in Chinese and English, by row and column.
  const CellError* mismatch = nullptr;
  for (const auto& e : r->report.errors)
    if (e.code == "key_person.name_mismatch") mismatch = &e;
  ASSERT_NE(mismatch, nullptr);
  EXPECT_NE(describe(*mismatch, Lang::kZh).find("第4行 A列（姓名）"), std::string::npos)
      << describe(*mismatch, Lang::kZh);
  EXPECT_NE(describe(*mismatch, Lang::kEn).find("row 4, column A"), std::string::npos);
  auto j = kind_report_json(*r, Lang::kEn);
  EXPECT_EQ(j["refused"], 10);
  EXPECT_FALSE(j.contains("households_added"));
  EXPECT_TRUE(j.contains("persons_created"));
}

TEST_F(EpidemicImportTest, KeyPersonsGoodRowsDryRunAndScope) {
  std::string file = write("kp.csv", key_person_errors(a_, b_, c_, village_));
  int64_t before = key_persons();
  auto dry = run("key_persons", file, ImportMode::kGoodRows, true);
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->report.added, 2);
  EXPECT_FALSE(dry->report.committed);
  EXPECT_EQ(key_persons(), before);
  auto r = run("key_persons", file, ImportMode::kGoodRows);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->report.committed);
  EXPECT_EQ(r->report.added, 2);
  EXPECT_EQ(r->count("persons_created"), 1);
  EXPECT_EQ(key_persons(), before + 2);
  EXPECT_EQ(r->report.refused_rows.size(), 10u);
  // The same file again: the good rows are now duplicates of the database.
  auto again = run("key_persons", file, ImportMode::kGoodRows);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->report.added, 0);
  EXPECT_TRUE(has(refusals(*again), "2 C key_person.duplicate"))
      << fmt::format("{}", fmt::join(refusals(*again), "\n"));
  // A township officer: 王五 lives in another township.
  std::string csv = std::string(kKeyHeader) + fmt::format("王五,{},发热,,,,,,,\n", c_) +
                    fmt::format("李四,{},发热,,,,,,,37.5\n", b_);
  std::string township = village_.substr(0, 9);
  auto scoped = run("key_persons", write("scope.csv", csv), ImportMode::kGoodRows, false,
                    [township](const std::string& r) { return r.starts_with(township); });
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(refusals(*scoped), std::vector<std::string>{"2 B region.out_of_scope"});
  EXPECT_EQ(scoped->report.added, 1);
}

TEST_F(EpidemicImportTest, KeyPersonsFromGbkCsvAndXlsx) {
  std::string csv = std::string(kKeyHeader) +
                    fmt::format("张三,{},湖北返乡人员,电话排查,2020-02-10,43862,武汉,自驾,,\n", a_);
  auto r = run("key_persons", write("gbk.csv", gbk(csv)), ImportMode::kAllOrNothing, true);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->report.format, "csv (GB18030)");
  EXPECT_EQ(r->report.added, 1) << fmt::format("{}", fmt::join(refusals(*r), "\n"));
  auto w = create_table_writer(path("kp.xlsx"), "重点人员");
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->write_row({"姓名", "公民身份号码", "类别", "末次接触日期"}, true).ok());
  ASSERT_TRUE((*w)->write_row({"李四", b_, "close_contact", "2020-02-08"}).ok());
  ASSERT_TRUE((*w)->write_row({"李四", b_, "密切接触者", "2020-02-30"}).ok());
  ASSERT_TRUE((*w)->close().ok());
  auto x = run("key_persons", path("kp.xlsx"));
  ASSERT_TRUE(x.ok()) << x.error().describe();
  EXPECT_EQ(x->report.format, "xlsx");
  EXPECT_EQ(refusals(*x), std::vector<std::string>{"3 D date.invalid"});
  EXPECT_FALSE(x->report.committed);
}

// A sheet kept as a printed form: its title and who filled it in stand above
// the header. They are skipped and said so; the rows keep the file's numbers.
TEST_F(EpidemicImportTest, KeyPersonsSheetWithATitleAboveTheHeader) {
  auto w = create_table_writer(path("titled.xlsx"), "重点人员");
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->write_row({"官庄镇重点人员排查登记表"}).ok());
  ASSERT_TRUE((*w)->write_row({"填报单位：官庄镇", "", "", "填报日期：2020年2月12日"}).ok());
  ASSERT_TRUE((*w)->write_row({"姓名", "公民身份号码", "类别", "末次接触日期"}, true).ok());
  ASSERT_TRUE((*w)->write_row({"李四", b_, "密切接触者", "2020-02-08"}).ok());
  ASSERT_TRUE((*w)->write_row({"王五", c_, "密切接触者", "2020-02-30"}).ok());
  ASSERT_TRUE((*w)->close().ok());
  auto r = run("key_persons", path("titled.xlsx"), ImportMode::kGoodRows, true);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->report.header_row, 3);
  EXPECT_EQ(r->report.title_rows, (std::vector<long>{1, 2}));
  EXPECT_EQ(r->report.rows_read, 2);
  EXPECT_EQ(r->report.added, 1);
  EXPECT_EQ(refusals(*r), std::vector<std::string>{"5 D date.invalid"});
  auto j = kind_report_json(*r, Lang::kZh);
  EXPECT_EQ(j["skipped"], 2);
  EXPECT_EQ(j["skipped_rows"][1]["reason"], "第2行是表格标题（表头在第3行），已跳过");
}

TEST_F(EpidemicImportTest, HeaderErrorsRefuseTheFile) {
  auto r = run("key_persons", write("h.csv", "姓名,类别\n张三,发热\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "header.missing");
  EXPECT_NE(r.error().message_zh.find("公民身份号码"), std::string::npos);
  auto f = run("follow_ups", write("f.csv", "姓名,体温,随访人\n张三,36.5,李医生\n"));
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.error().message_zh.find("观察编号"), std::string::npos) << f.error().message_zh;
}

// Columns: A 卡点, B 时间, C 车牌号, D 来自, E 前往, F 姓名, G 公民身份号码, H 体温
const char* kPassageHeader = "卡点,通行时间,车牌号码,出发地,目的地,姓名,身份证号,体温（℃）\n";

TEST_F(EpidemicImportTest, PassagesGroupTravellersReferFeversAndNameBadRows) {
  std::string csv = kPassageHeader;
  csv += fmt::format("测试卡点,2020-02-11 08:30,湘Ｂ１２３４５,株洲,瓦子坪村,张三,{},36.5\n",
                     a_);  // 2 \ one passage
  csv += fmt::format("测试卡点,2020-02-11 08:30,湘Ｂ１２３４５,株洲,瓦子坪村,李四,{},37.8\n",
                     b_);  // 3 / fever: referred
  csv +=
      fmt::format("{},2020/2/11 9:00,湘B54321,株洲,,某人,,38.5\n", checkpoint_);  // 4 fever, no ID
  csv += "测试卡点,2020-02-11,湘B11111,株洲,,,,36.6\n";                           // 5 no time
  csv += "无名卡点,2020-02-11 10:00,湘B22222,株洲,,,,36.6\n";  // 6 unknown checkpoint
  csv += "测试卡点,2020-02-11 10:30,XYZ,株洲,,,,36.6\n";       // 7 bad plate
  csv += "测试卡点,2020-02-11 11:00,湘B33333,株洲,,,,高\n";    // 8 bad temperature
  csv += fmt::format("测试卡点,2020-02-11 08:30,湘B12345,株洲,,王五,{},36.4\n",
                     c_);                                      // 9 same passage again
  csv += "外乡卡点,2020-02-11 12:00,湘B44444,株洲,,,,36.6\n";  // 10 other township (scoped)
  csv += "测试卡点,2020-02-11 13:00,湘B55555,株洲,,,,36.6\n";  // 11 good, on its own
  std::string file = write("p.csv", csv);
  std::string township = village_.substr(0, 9);
  auto covers = [township](const std::string& r) { return r.starts_with(township); };
  auto r = run("passages", file, ImportMode::kAllOrNothing, false, covers);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto v = refusals(*r);
  EXPECT_TRUE(has(v, "4 G passage.referral_identity_required"))
      << fmt::format("{}", fmt::join(v, "\n"));
  EXPECT_TRUE(has(v, "5 B datetime.time_required"));
  EXPECT_TRUE(has(v, "6 A checkpoint.unknown"));
  EXPECT_TRUE(has(v, "7 C passage.plate_invalid"));
  EXPECT_TRUE(has(v, "8 H temperature.format"));
  EXPECT_TRUE(has(v, "9 B passage.duplicate_in_file"));
  EXPECT_TRUE(has(v, "10 A checkpoint.out_of_scope"));
  EXPECT_FALSE(r->report.committed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM passage"), 0);
  // Good rows: the two-traveller passage (a fever referred) and row 11.
  int64_t kp = key_persons();
  auto g = run("passages", file, ImportMode::kGoodRows, false, covers);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->report.added, 3);
  EXPECT_EQ(g->count("passages"), 2);
  EXPECT_EQ(g->count("fevers"), 1);
  EXPECT_EQ(g->count("key_persons_referred"), 1);
  EXPECT_EQ(key_persons(), kp + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM passage"), 2);
  // Imported again: already recorded.
  auto again =
      run("passages", write("p2.csv", std::string(kPassageHeader) +
                                          "测试卡点,2020-02-11 13:00,湘B55555,株洲,,,,36.6\n"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(refusals(*again), std::vector<std::string>{"2 B passage.duplicate"});
  // Checkpoint staff: only their checkpoint.
  auto staff = run("passages",
                   write("p3.csv", std::string(kPassageHeader) +
                                       "测试卡点,2020-02-12 07:00,湘B66666,株洲,,,,36.6\n"),
                   ImportMode::kAllOrNothing, true, {}, other_checkpoint_);
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(refusals(*staff), std::vector<std::string>{"2 A checkpoint.out_of_scope"});
}

// Columns: A 公民身份号码, B 日期, C 第几天, D 体温, E 症状, F 随访人
const char* kFollowHeader = "身份证号,随访日期,第几天,体温,主要症状,随访人员\n";

TEST_F(EpidemicImportTest, FollowUpsOnePerDayAlertsAndErrors) {
  std::string csv = kFollowHeader;
  csv += fmt::format("{},2020-02-05,,36.5,无,李医生\n", a_);        // 2 good
  csv += fmt::format("{},,第2天,37.6,干咳、乏力,李医生\n", a_);     // 3 good, alert (6 Feb)
  csv += fmt::format("{},2020-02-05,,36.6,,李医生\n", a_);          // 4 second for 5 Feb
  csv += fmt::format("{},2020-01-20,,36.6,,李医生\n", a_);          // 5 not a due day
  csv += fmt::format("{},2020-02-07,,36.6,,李医生\n", b_);          // 6 no observation
  csv += fmt::format("{},2020-02-08,,36.6,咳嗽不止,李医生\n", a_);  // 7 unknown symptom
  csv += fmt::format("{},2020-02-09,,36.6,,\n", a_);                // 8 no one named
  csv += fmt::format("{},2020-02-10,3,36.6,,李医生\n", a_);         // 9 day and day number disagree
  csv += fmt::format("{},2020-02-20,,36.6,,李医生\n", a_);          // 10 future
  std::string file = write("f.csv", csv);
  auto r = run("follow_ups", file);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto v = refusals(*r);
  EXPECT_TRUE(has(v, "4 B follow_up.duplicate_in_file")) << fmt::format("{}", fmt::join(v, "\n"));
  EXPECT_TRUE(has(v, "5 B follow_up.day_not_due"));
  EXPECT_TRUE(has(v, "6 A observation.none"));
  EXPECT_TRUE(has(v, "7 E symptoms.unknown"));
  EXPECT_TRUE(has(v, "8 F follow_up.by_required"));
  EXPECT_TRUE(has(v, "9 C follow_up.day_mismatch"));
  EXPECT_TRUE(has(v, "10 B follow_up.date_future") || has(v, "10 B follow_up.day_not_due"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM follow_up"), 0);
  // The row-4 message names row 2.
  for (const auto& e : r->report.errors) {
    if (e.code == "follow_up.duplicate_in_file") {
      EXPECT_NE(e.reason_zh.find("第2行"), std::string::npos) << e.reason_zh;
    }
  }
  auto g = run("follow_ups", file, ImportMode::kGoodRows);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->report.added, 2);
  EXPECT_EQ(g->count("alerts"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM follow_up"), 2);
  // A follow-up already in the database: the domain's one-per-day rule.
  auto again =
      run("follow_ups", write("f2.csv", std::string(kFollowHeader) +
                                            fmt::format("{},2020-02-05,,36.5,,王医生\n", a_)));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(refusals(*again), std::vector<std::string>{"2 B follow_up.duplicate"});
  // By observation id, in xlsx.
  auto w = create_table_writer(path("f.xlsx"), "随访");
  ASSERT_TRUE((*w)->write_row({"观察编号", "日期", "体温", "随访人"}, true).ok());
  ASSERT_TRUE((*w)->write_row({std::to_string(observation_), "2020-02-07", "36.8", "李医生"}).ok());
  ASSERT_TRUE((*w)->write_row({"999999", "2020-02-07", "36.8", "李医生"}).ok());
  ASSERT_TRUE((*w)->close().ok());
  auto x = run("follow_ups", path("f.xlsx"), ImportMode::kGoodRows, true);
  ASSERT_TRUE(x.ok()) << x.error().describe();
  EXPECT_EQ(refusals(*x), std::vector<std::string>{"3 A observation.unknown"});
  EXPECT_EQ(x->report.added, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM follow_up"), 2);  // dry run
}

TEST_F(EpidemicImportTest, KilledMidImportLeavesNothing) {
  std::string csv = kKeyHeader;
  for (int i = 1; i <= 3000; ++i)
    csv += fmt::format("甲{},{},发热,,,,,,{},\n", i,
                       id(1960 + i % 40, 1 + i % 12, 1 + i % 28, 100 + i % 800), village_);
  std::string file = write("big.csv", csv);
  int64_t kp = key_persons(), persons = count("SELECT COUNT(*) FROM person");
  svc_.reset();
  store_.reset();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    open();
    auto reader = open_table(file);
    if (!reader) _exit(4);
    RegionTree tree = RegionTree::from_regions(*store_->regions(""));
    EpidemicImportEnv env{*svc_, Actor{"import", "", ""}, {}, {}, &tree};
    ImportOptions o;
    o.mode = ImportMode::kGoodRows;
    o.today = kToday;
    o.progress = [](double, long rows) {
      if (rows >= 1500)
        raise(SIGKILL);  // half way: hundreds of key persons written, none committed
    };
    (void)import_epidemic("key_persons", **reader, env, o);
    _exit(6);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  open();
  EXPECT_EQ(key_persons(), kp);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);
  auto ic = store_->db().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.step());
  EXPECT_EQ(ic.str(0), "ok");
}

}  // namespace
}  // namespace lz::exchange
