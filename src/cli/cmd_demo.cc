// `liangzhan demo`: creates the synthetic county in a new (or empty) database.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/common.h"
#include "demo/county_generator.h"
#include "registry/region_tree.h"
#include "store/store.h"

namespace lz::cli {

void add_demo(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, scale = "small";
    uint64_t seed = 20200212;
    bool force = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("demo",
                                 "Create the demo county: Liling on 12 Feb 2020 (full: ~1.06 M persons, 11,195 poor "
                                 "households / 37,203 persons; small: the same shape at ~1/100)");
  cmd->add_option("--db", o->db, "SQLite database file to create")->required();
  cmd->add_option("--scale", o->scale,
                  "full, small (default), or province (a register of 1,000,000 poor households, for benchmarks)")
      ->check(CLI::IsMember({"full", "small", "province"}));
  cmd->add_option("--seed", o->seed, "Random seed; the same seed gives the same county (default 20200212)");
  cmd->add_flag("--force", o->force, "Replace the database file if it exists");
  cmd->callback([o, &run] {
    run = [o] {
      namespace fs = std::filesystem;
      if (o->force) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(o->db + suffix);
      }
      auto t0 = std::chrono::steady_clock::now();
      auto store = open_store(o->db);
      if (!store) return fail(store.error());
      // The demo is Liling's: not on a database `liangzhan init` made for another county.
      auto home = (*store)->county();
      if (!home) return fail(home.error());
      if (home->code != RegionTree::liling().root().code)
        return fail(invalid(
            "demo.county", "--db",
            fmt::format(
                "演示数据按醴陵市的区划生成，而数据库“{}”是{}的：请用新文件，或加 --force 覆盖",
                o->db, home->name),
            fmt::format(
                "The demo is built on Liling's divisions but \"{}\" is {}'s database: use a "
                "new file, or --force to replace it",
                o->db, home->name)));
      demo::DemoConfig cfg;
      cfg.scale = o->scale == "full" ? demo::Scale::kFull : o->scale == "province" ? demo::Scale::kProvince : demo::Scale::kSmall;
      cfg.seed = o->seed;
      cfg.progress = progress;
      auto county = demo::generate_county(**store, cfg);
      progress_done();
      if (!county) return fail(county.error());
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bool en = globals().language() == Lang::kEn;
      int64_t poor_persons = 0;
      for (const auto& p : county->poor) poor_persons += p.size;
      std::printf(en ? "Demo county written to %s in %.1f s: %lld households, %lld persons, %zu registered poor "
                       "households (%lld persons), %lld cadres, %lld village teams.\n"
                     : "演示县已写入%s，用时%.1f秒：%lld户，%lld人，建档立卡贫困户%zu户（%lld人），干部%lld名，驻村工作队%lld支。\n",
                  o->db.c_str(), secs, (long long)county->households, (long long)county->persons,
                  county->poor.size(), (long long)poor_persons, (long long)county->cadres,
                  (long long)county->village_teams);
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
