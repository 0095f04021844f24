// What the in-process benchmarks share: the database they run on, given in
// LZ_BENCH_DB (a full-scale demo database; bench/run.sh sets it), opened with
// the services a server worker has. Throws when it cannot be opened: no
// benchmark can run without it.
#pragma once
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "http/services.h"

namespace lz::bench {

inline std::unique_ptr<http::Services> open_bench_db() {
  const char* path = std::getenv("LZ_BENCH_DB");
  if (!path) throw std::runtime_error("LZ_BENCH_DB is not set");
  auto s = http::Services::open(path);
  if (!s) throw std::runtime_error(s.error().describe(Lang::kEn));
  return std::move(s).value();
}

}  // namespace lz::bench
