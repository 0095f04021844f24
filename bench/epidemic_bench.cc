// The epidemic front at full scale (issue 5): the daily bulletin computed
// from every record, and a 3-hop transmission chain on a graph of 300,000
// contacts. Needs LZ_BENCH_DB (a full-scale demo database; bench/run.sh sets
// it). The contacts are added to that database once (300,000 random pairs of
// registry persons over the four weeks before the demo date, close), the way
// the contact endpoint stores them.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "app/bulletin.h"
#include "app/bulletin_cache.h"
#include "bench_db.h"
#include "http/services.h"

namespace {

constexpr int kContacts = 300000;

struct Fixture {
  std::unique_ptr<lz::http::Services> svc;
  std::vector<int64_t> case_persons;
  int64_t persons = 0;
  Fixture() {
    svc = lz::bench::open_bench_db();
    auto& db = svc->store->db();
    {
      auto c = db.prepare("SELECT COUNT(*), MAX(id) FROM person");
      c.step();
      persons = c.i64(1);
    }
    auto n = db.prepare("SELECT COUNT(*) FROM contact");
    n.step();
    int64_t have = n.i64(0);
    if (have < kContacts) {
      if (!db.exec("BEGIN")) throw std::runtime_error("begin");
      auto ins = db.prepare(
          "INSERT INTO contact (person_a, person_b, on_date, setting, closeness, created_at, "
          "created_by) VALUES "
          "(?,?,?,'other','close','2020-02-12T00:00:00','bench')");
      std::mt19937_64 rng(20200212);
      std::uniform_int_distribution<int64_t> pick(1, persons);
      std::uniform_int_distribution<int> day(0, 27);
      for (int64_t i = have; i < kContacts; ++i) {
        int64_t a = pick(rng), b = pick(rng);
        if (a == b) b = a % persons + 1;
        ins.bind(1, a).bind(2, b).bind(
            3, lz::Date::parse_iso("2020-01-15")->plus_days(day(rng)).iso());
        if (!ins.exec()) throw std::runtime_error("insert contact");
        ins.reset();
      }
      if (!db.exec("COMMIT")) throw std::runtime_error("commit");
    }
    auto cs = db.prepare("SELECT person_id FROM epi_case ORDER BY id");
    while (cs.step()) case_persons.push_back(cs.i64(0));
    for (int64_t p = 1; case_persons.size() < 64; p += persons / 64) case_persons.push_back(p);
  }
};

Fixture& fx() {
  static Fixture f;
  return f;
}

// The bulletins are computed each time (the cache is off) unless the name says
// Cached: then every iteration after the first is answered from the cache.
void cache(bool on) {
  lz::app::BulletinCache::instance().set_enabled(on);
}

const lz::Date kDemoDay = *lz::Date::parse_iso("2020-02-12");

// Times `compute` (one bulletin query on the bench database) with the cache
// on or off; a failed query stops the benchmark with `what` as its error.
template <typename Compute>
void bulletin_loop(benchmark::State& state, bool cached, const char* what, Compute compute) {
  auto& f = fx();
  cache(cached);
  for (auto _ : state) {
    auto b = compute(f.svc->store->db());
    if (!b) {
      state.SkipWithError(what);
      break;
    }
    benchmark::DoNotOptimize(b->size());
  }
}

void BM_BulletinCounty(benchmark::State& state) {
  bulletin_loop(state, false, "bulletin",
                [](auto& db) { return lz::app::daily_bulletin(db, kDemoDay, "430281"); });
}
BENCHMARK(BM_BulletinCounty)->Unit(benchmark::kMillisecond);

void BM_BulletinTownship(benchmark::State& state) {
  bulletin_loop(state, false, "bulletin",
                [](auto& db) { return lz::app::daily_bulletin(db, kDemoDay, "430281126"); });
}
BENCHMARK(BM_BulletinTownship)->Unit(benchmark::kMillisecond);

// The series the dashboard's trends chart asks for (GET /bulletin/series):
// every day from 2020-01-20 (TRENDS_START in web/src/lib/trends.ts) to 2020-02-12, the county.
void BM_BulletinSeries(benchmark::State& state) {
  auto from = *lz::Date::parse_iso("2020-01-20");
  bulletin_loop(state, false, "series", [from](auto& db) {
    return lz::app::bulletin_series(db, from, kDemoDay, "430281");
  });
}
BENCHMARK(BM_BulletinSeries)->Unit(benchmark::kMillisecond);

// Every township's bulletin and registry counts (GET /bulletin/regions, the
// dashboard's bars and map).
void BM_BulletinRegions(benchmark::State& state) {
  bulletin_loop(state, false, "regions",
                [](auto& db) { return lz::app::bulletin_by_child_region(db, kDemoDay, "430281"); });
}
BENCHMARK(BM_BulletinRegions)->Unit(benchmark::kMillisecond);

// The county's bulletin again with no write in between: from the cache.
void BM_BulletinCountyCached(benchmark::State& state) {
  bulletin_loop(state, true, "bulletin",
                [](auto& db) { return lz::app::daily_bulletin(db, kDemoDay, "430281"); });
}
BENCHMARK(BM_BulletinCountyCached)->Unit(benchmark::kMicrosecond);

// Loading the 300,000 contacts and building the graph (once per new contact).
void BM_ContactGraphBuild(benchmark::State& state) {
  auto& f = fx();
  for (auto _ : state) {
    auto edges = f.svc->epidemic_store->contact_edges();
    if (!edges) {
      state.SkipWithError("contacts");
      break;
    }
    auto g = lz::epidemic::ContactGraph::build(std::span<const lz::epidemic::ContactEdge>(*edges));
    benchmark::DoNotOptimize(g.pair_count());
  }
  state.counters["contacts"] = kContacts;
}
BENCHMARK(BM_ContactGraphBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

// The chain query as the API runs it: the cached graph, a 3-hop trace from a
// case person, and the persons reached read back.
void BM_Chain3Hops(benchmark::State& state) {
  auto& f = fx();
  lz::epidemic::TraceOptions o;
  o.max_depth = 3;
  (void)f.svc->epidemic->chain(f.case_persons[0], o);  // builds the cached graph
  size_t i = 0, reached = 0;
  for (auto _ : state) {
    auto r = f.svc->epidemic->chain(f.case_persons[i++ % f.case_persons.size()], o);
    if (!r) {
      state.SkipWithError("chain");
      break;
    }
    reached += r->trace.reached.size();
  }
  state.counters["persons_reached"] =
      benchmark::Counter(static_cast<double>(reached) / state.iterations());
}
BENCHMARK(BM_Chain3Hops)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
