// `liangzhan import KIND FILE --db FILE`: reads a .csv or .xlsx, checks
// every row and writes the good ones through one transaction; prints the
// summary (or JSON with each refusal's row, column and reason) and can
// write the report as .xlsx with the bad cells highlighted. Kinds:
// households (household_import.h) and the epidemic front's key_persons,
// passages and follow_ups (epidemic_import.h: through the front's use
// cases). Exit status 0 when no row was refused, 1 when rows were refused
// (in good-rows mode the good rows are written all the same) or the file
// cannot be read.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "cli/common.h"
#include "exchange/epidemic_import.h"
#include "exchange/household_import.h"
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "http/services.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

void add_import(CLI::App& app, Runner& run) {
  struct Opts {
    std::string kind, file, db, mode = "all-or-nothing", report;
    bool dry_run = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("import",
                                 "Import a .csv or .xlsx (households, key persons, passages, "
                                 "follow-ups) with a row-level report");
  cmd->add_option("KIND", o->kind, "households, key_persons, passages or follow_ups")->required();
  cmd->add_option("FILE", o->file, "The .csv (UTF-8 or GB18030/GBK) or .xlsx file")->required();
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_flag("--dry-run", o->dry_run,
                "Check everything and report what would change; write nothing");
  cmd->add_option("--mode", o->mode,
                  "all-or-nothing (default: any bad row, nothing written) or good-rows")
      ->check(CLI::IsMember({"all-or-nothing", "good-rows"}));
  cmd->add_option("--report", o->report, "Write the report (.xlsx, bad cells highlighted)");
  cmd->add_flag("--json", o->json, "Print the summary as JSON");
  cmd->callback([o, &run] {
    run = [o] {
      Lang lang = globals().language();
      if (!exchange::find_import_kind(o->kind))
        return fail(invalid(
            "kind.unknown", "KIND",
            fmt::format("不能导入“{}”，可选：households、key_persons、passages、follow_ups",
                        o->kind),
            fmt::format(
                "Cannot import \"{}\": expected households, key_persons, passages or follow_ups",
                o->kind)));
      auto reader = exchange::open_table(o->file);
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
        auto rep = exchange::import_households(**reader, **sink, tree, opts);
        if (tty) std::fprintf(stderr, "\r%40s\r", "");
        if (!rep) return fail(rep.error());
        sink->reset();  // rolls back unless committed
        result.report = std::move(rep).value();
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
        else
          std::printf(en ? "%ld rows read: %ld imported, %ld refused (%s%s)\n"
                         : "读取%ld行：导入%ld行，退回%ld行（%s%s）\n",
                      r.rows_read, r.added, r.refused, written, dry);
        for (const auto& [name, n] : result.counts) std::printf("  %s: %ld\n", name.c_str(), n);
        for (const auto& e : r.errors) std::printf("  %s\n", exchange::describe(e, lang).c_str());
      }
      return rep->refused > 0 ? kExitBadInput : kExitOk;
    };
  });
}

}  // namespace lz::cli
