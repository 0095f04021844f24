// Registry read paths at full scale (Google Benchmark). Needs a database made
// by `liangzhan demo --scale full`, passed in LZ_BENCH_DB (bench/run.sh does it).
//   BM_ReadHousehold      one household with its members, by id
//   BM_ListVillagePage    one village's households, a page of 50, with the total
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <stdexcept>

#include "store/sqlite/sqlite_store.h"

namespace {

lz::sqlite::SqliteStore& store() {
  static std::unique_ptr<lz::sqlite::SqliteStore> s = [] {
    const char* path = std::getenv("LZ_BENCH_DB");
    if (!path) throw std::runtime_error("set LZ_BENCH_DB to a demo database");
    auto r = lz::sqlite::SqliteStore::open(path);
    if (!r) throw std::runtime_error(r.error().describe(lz::Lang::kEn));
    return std::move(r).value();
  }();
  return *s;
}

int64_t household_count() {
  static int64_t n = *store().household_count();
  return n;
}

void BM_ReadHousehold(benchmark::State& state) {
  int64_t n = household_count(), i = 0;
  size_t members = 0;
  for (auto _ : state) {
    auto h = store().household(1 + (i * 7919) % n);
    if (!h) state.SkipWithError("read failed");
    members += h->members.size();
    ++i;
  }
  state.counters["households"] = static_cast<double>(n);
  state.counters["members_per_read"] = static_cast<double>(members) / static_cast<double>(i);
}
BENCHMARK(BM_ReadHousehold)->Unit(benchmark::kMicrosecond);

void BM_ListVillagePage(benchmark::State& state) {
  std::vector<std::string> villages;
  auto regions = store().regions("");
  for (const auto& r : *regions)
    if (r.level == lz::RegionLevel::kVillage) villages.push_back(r.code);
  size_t i = 0;
  int64_t total = 0;
  for (auto _ : state) {
    lz::HouseholdQuery q;
    q.region_prefix = villages[(i * 31) % villages.size()];
    q.limit = 50;
    q.offset = 50;
    auto page = store().list_households(q);
    if (!page) state.SkipWithError("list failed");
    total += page->total;
    ++i;
  }
  state.counters["avg_village_households"] = static_cast<double>(total) / static_cast<double>(i);
}
BENCHMARK(BM_ListVillagePage)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
