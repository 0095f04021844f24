// The synthetic county: a registry shaped like Liling on 12 February 2020,
// written through the store's BulkLoader in one transaction.
//
// Exact where the seed report gives a figure (11,195 registered poor
// households with 37,203 members; 396 village-stationed and 4,747 paired
// cadres, every poor household paired), about right elsewhere (1.06 M
// persons over Liling's real villages, Hunan-like household sizes and ages,
// surnames by frequency, valid ID numbers). Deterministic for a seed.
//
// Designed to grow: generate_county() runs a list of steps over a shared
// DemoCounty (what the registry step produced: poor households per
// township, cadres); each front adds its own step in its own file.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "store/store.h"

namespace lz::demo {

enum class Scale { kFull, kSmall, kProvince };

struct DemoTargets {
  int64_t persons;            // about
  int64_t poor_households;    // exact
  int64_t poor_persons;       // exact
  int64_t village_stationed;  // exact
  int64_t paired;             // exact
  static DemoTargets for_scale(Scale s);
};

struct DemoConfig {
  Scale scale = Scale::kSmall;
  uint64_t seed = 20200212;
  Date as_of = *Date::from_ymd(2020, 2, 12);
  // Called now and then with the fraction done (0..1) and the step's name.
  std::function<void(double, const char*)> progress;
};

// What the registry step made, for later steps (kept compact: the full
// county's persons are streamed to the store, not held here).
struct PoorHousehold {
  int64_t id;
  std::string region_code;
  int size;
  int64_t cadre_id;  // the responsible paired cadre
};
struct DemoCounty {
  DemoConfig config;
  DemoTargets targets;
  int64_t households = 0, persons = 0, marginal_households = 0;
  std::vector<PoorHousehold> poor;
  int64_t cadres = 0, village_teams = 0, pairings = 0;
};

Result<DemoCounty> generate_county(Store& store, const DemoConfig& config);

}  // namespace lz::demo
