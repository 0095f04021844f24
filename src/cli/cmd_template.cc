// `liangzhan template KIND OUT.xlsx`: the empty import template of a kind:
// its header row (required columns marked), an example row, and a sheet
// explaining each column; with --db the example is set in that county. Kinds: households,
// key_persons, passages, follow_ups, purchases, listings, labourers, cooperatives.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <optional>

#include "cli/common.h"
#include "exchange/columns.h"
#include "exchange/epidemic_import.h"
#include "exchange/sheets.h"
#include "registry/region_tree.h"
#include "store/store.h"

namespace lz::cli {

void add_template(CLI::App& app, Runner& run) {
  struct Opts {
    std::string kind, out, db;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "template", "Write the import template of a kind (header row and an example row)");
  cmd->add_option("KIND", o->kind,
                  "households, key_persons, passages, follow_ups, purchases, listings, "
                  "labourers, cooperatives or poverty_register")
      ->required();
  cmd->add_option("OUT", o->out, "The .xlsx file to write")->required();
  cmd->add_option("--db", o->db,
                  "The county's database: the example row is set in its first village (its "
                  "codes in the ID and household numbers); without it, in Liling");
  cmd->callback([o, &run] {
    run = [o] {
      const auto* spec = exchange::find_import_kind(o->kind);
      if (!spec)
        return fail(invalid("kind.unknown", "KIND",
                            fmt::format("没有“{}”的导入模板，可选：{}", o->kind,
                                        fmt::join(exchange::import_kind_names(), "、")),
                            fmt::format("There is no import template for \"{}\": expected {}",
                                        o->kind, fmt::join(exchange::import_kind_names(), ", "))));
      if (o->out.size() < 5 || o->out.substr(o->out.size() - 5) != ".xlsx")
        return fail(invalid("file.format", "OUT", "模板文件名应以.xlsx结尾",
                            "The template file must end in .xlsx"));
      std::optional<RegionTree> county;
      if (!o->db.empty()) {
        auto store = open_existing(o->db);
        if (!store) return fail(store.error());
        auto regions = (*store)->regions("");
        if (!regions) return fail(regions.error());
        county = RegionTree::from_regions(std::move(regions).value());
      }
      auto st = exchange::write_template(*spec, o->out, county ? &*county : nullptr);
      if (!st) return fail(st.error());
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
