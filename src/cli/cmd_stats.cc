// `liangzhan stats`: households, persons and the poverty register per
// township, as a table or as JSON (a contract other tools read).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "core/text.h"
#include "store/store.h"

namespace lz::cli {

static nlohmann::json counts_json(const RegionCounts& c) {
  return {{"code", c.code},
          {"name", c.name},
          {"households", c.households},
          {"persons", c.persons},
          {"poor_households", c.poor_households},
          {"poor_persons", c.poor_persons}};
}

void add_stats(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("stats", "Households, persons and registered poor per township");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_flag("--json", o->json, "Print JSON instead of a table");
  cmd->callback([o, &run] {
    run = [o] {
      auto store = open_existing(o->db);
      if (!store) return fail(store.error());
      auto st = (*store)->stats();
      if (!st) return fail(st.error());
      if (o->json) {
        nlohmann::json j;
        j["county"] = counts_json(st->county);
        j["county"]["cadres"] = {{"village_stationed", st->cadres_village_stationed},
                                 {"paired", st->cadres_paired},
                                 {"total", st->cadres_total}};
        j["county"]["village_teams"] = st->village_teams;
        j["county"]["pairings_current"] = st->pairings_current;
        j["townships"] = nlohmann::json::array();
        for (const auto& t : st->townships) j["townships"].push_back(counts_json(t));
        std::printf("%s\n", j.dump(2).c_str());
        return kExitOk;
      }
      bool en = globals().language() == Lang::kEn;
      std::printf("%s%s %10s %10s %10s %10s\n", pad(en ? "code" : "代码", 11).c_str(),
                  pad(en ? "township" : "乡镇（街道）", 22).c_str(), en ? "households" : "户数", en ? "persons" : "人数",
                  en ? "poor hh" : "贫困户", en ? "poor pers" : "贫困人口");
      auto row = [&](const RegionCounts& c) {
        std::printf("%s%s %10lld %10lld %10lld %10lld\n", pad(c.code, 11).c_str(), pad(c.name, 22).c_str(),
                    (long long)c.households, (long long)c.persons, (long long)c.poor_households,
                    (long long)c.poor_persons);
      };
      for (const auto& t : st->townships) row(t);
      row(st->county);
      std::printf(en ? "Cadres: %lld village-stationed, %lld paired (%lld in all); %lld village teams\n"
                     : "干部：驻村干部%lld名，结对帮扶干部%lld名（共%lld名）；驻村工作队%lld支\n",
                  (long long)st->cadres_village_stationed, (long long)st->cadres_paired,
                  (long long)st->cadres_total, (long long)st->village_teams);
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
