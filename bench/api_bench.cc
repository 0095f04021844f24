// The API in-process (no sockets): what one worker spends per request.
// Needs LZ_BENCH_DB (a full-scale demo database with account "bench",
// password in LZ_BENCH_PASSWORD); bench/run.sh sets both.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "bench_db.h"
#include "http/api.h"
#include "http/services.h"

namespace {

struct Fixture {
  std::unique_ptr<lz::http::Services> svc;
  lz::http::Api api;
  std::string token;
  int64_t households = 0;
  Fixture() {
    svc = lz::bench::open_bench_db();
    auto login = svc->auth->login("bench", std::getenv("LZ_BENCH_PASSWORD"), "127.0.0.1");
    if (!login) throw std::runtime_error(login.error().describe(lz::Lang::kEn));
    token = login->token;
    households = *svc->store->household_count();
  }
};

Fixture& fx() {
  static Fixture f;
  return f;
}

void BM_ApiGetHousehold(benchmark::State& state) {
  auto& f = fx();
  lz::http::HttpRequest r{"GET", "", "", {{"authorization", "Bearer " + f.token}}, "", "127.0.0.1"};
  int64_t i = 0;
  for (auto _ : state) {
    r.path = "/api/v1/households/" + std::to_string(1 + (i++ * 7919) % f.households);
    auto resp = f.api.handle(r, *f.svc);
    if (resp.status != 200) state.SkipWithError("status");
    benchmark::DoNotOptimize(resp.body.data());
  }
}
BENCHMARK(BM_ApiGetHousehold)->Unit(benchmark::kMicrosecond);

void BM_ApiAuthenticateOnly(benchmark::State& state) {
  auto& f = fx();
  for (auto _ : state) {
    auto a = f.svc->auth->authenticate(f.token, "127.0.0.1");
    benchmark::DoNotOptimize(a.ok());
  }
}
BENCHMARK(BM_ApiAuthenticateOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
