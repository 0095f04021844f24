// `liangzhan import KIND FILE --db FILE`: reads a .csv or .xlsx, checks
// every row and writes the good ones through one transaction; prints the
// summary (or JSON with each refusal's row, column and reason) and can
// write the report as .xlsx with the bad cells highlighted. Kinds:
// households (household_import.h), the epidemic front's key_persons,
// passages and follow_ups (epidemic_import.h) and the livelihood front's
// purchases, labourers and cooperatives (livelihood_import.h), the fronts'
// kinds through their use cases. Exit status 0 when no row was refused, 1 when rows were refused
// (in good-rows mode the good rows are written all the same) or the file
// cannot be read.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/common.h"
#include "exchange/epidemic_import.h"
#include "exchange/household_import.h"
#include "exchange/livelihood_import.h"
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "http/services.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

namespace {
// A kind's own count (KindImport::counts) as a line of the summary, in the
// user's language and with its unit: "  新建人员：1人", "  收购金额：260.25元".
// The --json keys stay the identifiers.
std::string count_line(const std::string& name, long n, Lang lang) {
  struct Label {
    const char* name;
    const char* zh;
    const char* en;
    const char* unit_zh;
    const char* unit_en;
  };
  static const Label kLabels[] = {
      {"persons_created", "新建人员（不在户内）", "persons created (in no household)", "人",
       "persons"},
      {"passages", "通行", "passages", "车次/批", "vehicles or groups"},
      {"fevers", "发热", "fevers", "人", "persons"},
      {"key_persons_referred", "转为重点人员", "listed as key persons", "人", "persons"},
      {"alerts", "体温异常或有症状", "alerts (fever or symptom)", "人次", "follow-ups"},
      {"households_credited", "计入经营收入的农户", "households credited", "户", "households"},
      {"households_rechecked", "重新核查的贫困户", "poor households re-checked", "户",
       "households"},
      {"registered_poor", "建档立卡贫困户（未脱贫）", "registered poor", "户", "households"},
      {"lifted", "已脱贫户", "lifted", "户", "households"},
      {"marginal", "边缘易致贫户", "marginal", "户", "households"},
      {"income_above_line", "其中人均纯收入超过贫困线", "of which income above the line", "户",
       "households"},
  };
  bool en = lang == Lang::kEn;
  if (name == "amount_fen")  // fen -> yuan, two decimals
    return fmt::format(fmt::runtime(en ? "  amount: {}{}.{:02} yuan" : "  收购金额：{}{}.{:02}元"),
                       n < 0 ? "-" : "", std::abs(n) / 100, std::abs(n) % 100);
  if (name == "grams")  // 1 jin = 500 g
    return fmt::format(fmt::runtime(en ? "  quantity listed: {:.1f} jin" : "  待售数量：{:.1f}斤"),
                       static_cast<double>(n) / 500.0);
  for (const auto& l : kLabels)
    if (name == l.name)
      return en ? fmt::format("  {}: {} {}", l.en, n, l.unit_en)
                : fmt::format("  {}：{}{}", l.zh, n, l.unit_zh);
  return fmt::format(fmt::runtime(en ? "  {}: {}" : "  {}：{}"), name, n);
}
}  // namespace

void add_import(CLI::App& app, Runner& run) {
  struct Opts {
    std::string kind, file, db, mode = "all-or-nothing", report, sheet;
    bool dry_run = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("import",
                                 "Import a .csv or .xlsx (households, key persons, passages, "
                                 "follow-ups, purchases, listings, labourers, cooperatives, the "
                                 "poverty register) with a "
                                 "row-level report");
  cmd->add_option("KIND", o->kind,
                  "households, key_persons, passages, follow_ups, purchases, listings, "
                  "labourers, cooperatives or poverty_register")
      ->required();
  cmd->footer(
      "Kinds and their columns (matched leniently; `liangzhan template KIND OUT.xlsx` writes "
      "one):\n"
      "  households    户编号, 行政区划代码 or 所在村, 姓名, 公民身份号码, 与户主关系 ...\n"
      "  key_persons   姓名, 公民身份号码, 类别, 来源, 登记日期 ...\n"
      "  passages      卡点, 时间, 车牌号, 姓名, 公民身份号码, 体温 ...\n"
      "  follow_ups    公民身份号码 or 观察编号, 日期 or 第几天, 体温, 症状, 随访人\n"
      "  purchases     收购日期, 收购点, 户编号 or 户主公民身份号码, 品种, 重量(斤), 单价(元/斤),\n"
      "                金额(元): each credited to the household's business income and the\n"
      "                household re-checked; a purchase already recorded is refused\n"
      "  listings      登记日期, 户编号 or 户主公民身份号码, 品种, 待售数量(斤), 期望价格(元/斤),\n"
      "                最晚销售日期\n"
      "  labourers     姓名, 公民身份号码, 技能, 可就业日期, 全职兼职, 意向工种 ...\n"
      "  cooperatives  合作社名称, 所在村, 负责人, 负责人电话, 社员人数, 主要产品\n"
      "  poverty_register  户编号 or 户主公民身份号码, 户主姓名, 贫困户属性 (建档立卡贫困户,\n"
      "                已脱贫户, 边缘易致贫户), 识别年度, 脱贫年度: puts households already\n"
      "                imported in the register (run audit --apply after it)\n"
      "The whole file is one transaction: a killed import leaves the database as it was.\n"
      "On the server: POST /api/v1/imports?kind=KIND (the file as the body); uploads are kept\n"
      "in the database (GET /api/v1/imports), an upload a restart interrupted is marked failed.");
  cmd->add_option("FILE", o->file, "The .csv (UTF-8 or GB18030/GBK) or .xlsx file")->required();
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_flag("--dry-run", o->dry_run,
                "Check everything and report what would change; write nothing");
  cmd->add_option("--mode", o->mode,
                  "all-or-nothing (default: any bad row, nothing written) or good-rows")
      ->check(CLI::IsMember({"all-or-nothing", "good-rows"}));
  cmd->add_option("--report", o->report, "Write the report (.xlsx, bad cells highlighted)");
  cmd->add_option("--sheet", o->sheet,
                  "Of an .xlsx, the sheet to read by name (default: the first with rows; the "
                  "others with rows are named in the summary, not read)");
  cmd->add_flag("--json", o->json, "Print the summary as JSON");
  cmd->callback([o, &run] {
    run = [o] {
      Lang lang = globals().language();
      if (!exchange::find_import_kind(o->kind))
        return fail(invalid("kind.unknown", "KIND",
                            fmt::format("不能导入“{}”，可选：{}", o->kind,
                                        fmt::join(exchange::import_kind_names(), "、")),
                            fmt::format("Cannot import \"{}\": expected {}", o->kind,
                                        fmt::join(exchange::import_kind_names(), ", "))));
      auto reader = exchange::open_table(o->file, o->sheet);
      if (!reader) return fail(reader.error());
      exchange::ImportOptions opts;
      opts.mode = o->mode == "good-rows" ? exchange::ImportMode::kGoodRows
                                         : exchange::ImportMode::kAllOrNothing;
      opts.dry_run = o->dry_run;
      bool tty = isatty(STDERR_FILENO);
      if (tty)
        opts.progress = [](double f, long rows) {
          std::fprintf(stderr, "\r%3d%%  %ld rows", static_cast<int>(f * 100), rows);
          std::fflush(stderr);
        };
      Actor actor{"import", "", "cli"};
      exchange::KindImport result;
      if (o->kind == "households") {
        auto store = open_existing(o->db);
        if (!store) return fail(store.error());
        auto& sq = static_cast<sqlite::SqliteStore&>(**store);
        auto regions = sq.regions("");
        if (!regions) return fail(regions.error());
        RegionTree tree = RegionTree::from_regions(std::move(regions).value());
        auto sink = exchange::SqliteImportSink::begin(sq, actor, "import " + o->file);
        if (!sink) return fail(sink.error());
        (*sink)->set_source({std::filesystem::path(o->file).filename().string(), "", "",
                             exchange::file_sha256_async(o->file)});
        {
          std::error_code ec;
          auto bytes = std::filesystem::file_size(o->file, ec);
          int64_t rows = ec ? 0 : exchange::SqliteImportSink::rows_estimate(bytes);
          if (auto st = (*sink)->prefilter(rows); !st) return fail(st.error());
          // A large file: secondary indexes built once, at the end (a dry
          // run rolls back: the schema is as it was, and nothing is built).
          if (auto st = (*sink)->prepare_bulk(rows); !st) return fail(st.error());
        }
        auto rep = exchange::import_households(**reader, **sink, tree, opts);
        if (tty) std::fprintf(stderr, "\r%40s\r", "");
        if (!rep) return fail(rep.error());
        sink->reset();  // rolls back unless committed
        result.report = std::move(rep).value();
      } else if (exchange::find_livelihood_kind(o->kind)) {
        // The livelihood kinds go through the front's use cases (credit, re-check).
        if (auto exists = open_existing(o->db); !exists) return fail(exists.error());
        auto svc = http::Services::open(o->db);
        if (!svc) return fail(svc.error());
        auto regions = (*svc)->store->regions("");
        if (!regions) return fail(regions.error());
        RegionTree tree = RegionTree::from_regions(std::move(regions).value());
        exchange::LivelihoodImportEnv env{
            *(*svc)->store, *(*svc)->produce, *(*svc)->jobs, *(*svc)->supplies, actor, {}, {},
            &tree};
        opts.today = (*svc)->produce->today();
        auto rep = exchange::import_livelihood(o->kind, **reader, env, opts);
        if (tty) std::fprintf(stderr, "\r%40s\r", "");
        if (!rep) return fail(rep.error());
        result = std::move(rep).value();
      } else {
        // The epidemic kinds go through the front's use cases (every rule and reaction applies).
        if (auto exists = open_existing(o->db); !exists) return fail(exists.error());
        auto svc = http::Services::open(o->db);
        if (!svc) return fail(svc.error());
        auto regions = (*svc)->store->regions("");
        if (!regions) return fail(regions.error());
        RegionTree tree = RegionTree::from_regions(std::move(regions).value());
        exchange::EpidemicImportEnv env{*(*svc)->epidemic, actor, {}, {}, &tree};
        opts.today = (*svc)->epidemic->today();
        auto rep = exchange::import_epidemic(o->kind, **reader, env, opts);
        if (tty) std::fprintf(stderr, "\r%40s\r", "");
        if (!rep) return fail(rep.error());
        result = std::move(rep).value();
      }
      const exchange::ImportReport* rep = &result.report;
      if (!o->report.empty()) {
        auto st = exchange::write_report_xlsx(*rep, o->report, lang);
        if (!st) return fail(st.error());
      }
      if (o->json) {
        nlohmann::json j = o->kind == "households" ? exchange::report_json(*rep, lang)
                                                   : exchange::kind_report_json(result, lang);
        std::printf("%s\n", j.dump(2).c_str());
      } else {
        const auto& r = *rep;
        bool en = lang == Lang::kEn;
        const char* written =
            r.committed ? (en ? "written" : "已写入") : (en ? "nothing written" : "未写入任何数据");
        const char* dry = r.dry_run ? (en ? ", dry run" : "，试运行") : "";
        if (o->kind == "households")
          std::printf(
              en ? "%ld rows read: %ld added, %ld updated, %ld unchanged, %ld refused (%s%s)\n"
                 : "读取%ld行：新增%ld人，更新%ld人，未变%ld人，退回%ld行（%s%s）\n",
              r.rows_read, r.added, r.updated, r.unchanged, r.refused, written, dry);
        else if (r.updated || r.unchanged)
          std::printf(en ? "%ld rows read: %ld added, %ld updated, %ld unchanged, %ld refused "
                           "(%s%s)\n"
                         : "读取%ld行：新增%ld行，更新%ld行，未变%ld行，退回%ld行（%s%s）\n",
                      r.rows_read, r.added, r.updated, r.unchanged, r.refused, written, dry);
        else
          std::printf(en ? "%ld rows read: %ld imported, %ld refused (%s%s)\n"
                         : "读取%ld行：导入%ld行，退回%ld行（%s%s）\n",
                      r.rows_read, r.added, r.refused, written, dry);
        for (const auto& s : exchange::skipped_notes(r, lang))
          std::printf("  %s\n", s.reason.c_str());
        for (const auto& n : exchange::import_notes(r, lang))
          std::printf("%s%s\n", en ? "Note: " : "注意：", n.c_str());
        for (const auto& [name, n] : result.counts)
          std::printf("%s\n", count_line(name, n, lang).c_str());
        for (const auto& e : r.errors) std::printf("  %s\n", exchange::describe(e, lang).c_str());
      }
      return rep->refused > 0 ? kExitBadInput : kExitOk;
    };
  });
}

}  // namespace lz::cli
