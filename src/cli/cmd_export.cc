// `liangzhan export KIND OUT --db FILE [--region CODE] [--full-ids]`: a
// list to .xlsx or .csv, scoped to a region, ID numbers and phones masked
// unless --full-ids. `households` exports in the import format (one row per
// member), so the file imports back; `persons` with ages; the epidemic
// front's key_persons, passages (one row per traveller) and follow_ups in
// their import formats (epidemic_export.h); the livelihood front's
// purchases, labourers, cooperatives and the poverty register in theirs
// (livelihood_export.h).
#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>

#include "cli/common.h"
#include "exchange/columns.h"
#include "exchange/epidemic_export.h"
#include "exchange/epidemic_import.h"
#include "exchange/livelihood_export.h"
#include "exchange/sqlite_export.h"
#include "http/services.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

void add_export(CLI::App& app, Runner& run) {
  struct Opts {
    std::string kind, out, db, region;
    bool full_ids = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "export",
      "Export households (with members), persons, key persons, passages, "
      "follow-ups, purchases, listings, labourers, cooperatives or the poverty register to .xlsx "
      "or .csv");
  cmd->add_option("KIND", o->kind,
                  "households, persons, key_persons, passages, follow_ups, purchases, listings, "
                  "labourers, cooperatives or poverty_register")
      ->required();
  cmd->add_option("OUT", o->out, "The .xlsx or .csv file to write")->required();
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--region", o->region, "Only this region (township, village or group code)");
  cmd->add_flag("--full-ids", o->full_ids, "Write ID numbers and phones in full (default: masked)");
  cmd->callback([o, &run] {
    run = [o] {
      exchange::ExportOptions opts;
      opts.kind = o->kind;
      opts.region = o->region;
      opts.full_ids = o->full_ids;
      const exchange::KindSpec* spec = exchange::find_kind(o->kind);
      bool epidemic = false, livelihood = false;
      if (!spec) {
        spec = exchange::find_epidemic_kind(o->kind);
        epidemic = spec != nullptr;
      }
      if (!spec) {
        spec = exchange::find_livelihood_kind(o->kind);
        livelihood = spec != nullptr;
      }
      if (!spec)
        return fail(invalid(
            "kind.unknown", "KIND",
            fmt::format("不能导出“{}”，可选：households、persons、key_persons、passages、"
                        "follow_ups、purchases、listings、labourers、cooperatives、"
                        "poverty_register",
                        o->kind),
            fmt::format("Cannot export \"{}\": expected households, persons, key_persons, "
                        "passages, follow_ups, purchases, listings, labourers, cooperatives or "
                        "poverty_register",
                        o->kind)));
      auto store = open_existing(o->db);
      if (!store) return fail(store.error());
      auto& sq = static_cast<sqlite::SqliteStore&>(**store);
      auto out = exchange::create_table_writer(
          o->out, livelihood ? spec->title_zh
                  : epidemic ? spec->title_zh.substr(0, 12)
                             : (o->kind == "persons" ? "人员" : "户籍成员"));
      if (!out) return fail(out.error());
      bool tty = isatty(STDERR_FILENO);
      if (tty)
        opts.progress = [](long n) {
          std::fprintf(stderr, "\r%ld rows", n);
          std::fflush(stderr);
        };
      Result<long> n = 0L;
      std::unique_ptr<http::Services> svc;
      if (livelihood) {
        auto s = http::Services::open(o->db);
        if (!s) return fail(s.error());
        svc = std::move(s).value();
        auto regions = sq.regions("");
        if (!regions) return fail(regions.error());
        RegionTree tree = RegionTree::from_regions(std::move(regions).value());
        exchange::LivelihoodImportEnv env{
            *svc->store, *svc->produce, *svc->jobs, *svc->supplies, Actor{"export", "", "cli"}, {},
            {},          &tree};
        opts.today = svc->produce->today();
        n = exchange::export_livelihood(env, opts, **out);
      } else if (epidemic) {
        auto regions = sq.regions("");
        if (!regions) return fail(regions.error());
        RegionTree tree = RegionTree::from_regions(std::move(regions).value());
        sqlite::SqliteEpidemicStore es(sq.db(), sq.audit());
        n = exchange::export_epidemic(es, &tree, opts, **out);
      } else {
        n = exchange::export_rows(sq, opts, **out);
      }
      if (tty) std::fprintf(stderr, "\r%30s\r", "");
      if (!n) {
        out->reset();
        std::remove(o->out.c_str());
        return fail(n.error());
      }
      std::fprintf(
          stderr,
          globals().language() == Lang::kEn ? "%ld rows written to %s\n" : "已导出%ld行到%s\n", *n,
          o->out.c_str());
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
