// `liangzhan regions`: the division tree (Liling's real codes), optionally
// below one region, as text or JSON.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "core/region_code.h"
#include "registry/region_tree.h"
#include "store/store.h"

namespace lz::cli {

void add_regions(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, region;
    bool json = false, groups = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("regions", "List regions (county, townships, villages, groups) with their codes");
  cmd->add_option("--db", o->db, "SQLite database file (without it: the shipped divisions of Liling)");
  cmd->add_option("--region", o->region, "Only this region and what lies below it (6/9/12/15-digit code)");
  cmd->add_flag("--groups", o->groups, "Include villagers' groups");
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o, &run] {
    run = [o] {
      std::string prefix;
      if (!o->region.empty()) {
        auto code = RegionCode::parse(o->region, "--region");
        if (!code) return fail(code.error());
        prefix = code->str();
      }
      std::vector<Region> regions;
      if (o->db.empty()) {
        for (const auto& [code, r] : RegionTree::liling().all())
          if (code.starts_with(prefix)) regions.push_back(r);
      } else {
        auto store = open_existing(o->db);
        if (!store) return fail(store.error());
        auto rs = (*store)->regions(prefix);
        if (!rs) return fail(rs.error());
        regions = std::move(rs).value();
      }
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : regions) {
        if (r.level == RegionLevel::kGroup && !o->groups) continue;
        if (o->json) {
          arr.push_back({{"code", r.code},
                         {"division_code", RegionCode::unchecked(r.code).division12()},
                         {"name", r.name},
                         {"level", level_name(r.level)},
                         {"parent_code", r.parent_code}});
        } else {
          int indent = static_cast<int>(r.code.size() / 3 - 2) * 2;
          std::printf("%*s%s %s\n", indent, "", r.code.c_str(), r.name.c_str());
        }
      }
      if (o->json) std::printf("%s\n", arr.dump(2).c_str());
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
