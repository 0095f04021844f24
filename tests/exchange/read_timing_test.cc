// ReadTiming: reads a whole table file (LZ_READ_FILE=path) through
// open_table() and prints rows, cells, CPU and wall time: the reading side
// of an import alone, for measuring (nothing is asserted on time). Skipped
// when LZ_READ_FILE is not set.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exchange/table.h"

namespace lz::exchange {
namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

TEST(ReadTiming, WholeFile) {
  const char* file = std::getenv("LZ_READ_FILE");
  if (!file) GTEST_SKIP() << "set LZ_READ_FILE to a .csv or .xlsx to time reading it";
  auto wall0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_seconds();
  auto t = open_table(file);
  ASSERT_TRUE(t.ok()) << t.error().message_en;
  Row row;
  long rows = 0, cells = 0, bytes = 0;
  uint64_t digest = 1469598103934665603ull;  // FNV-1a over row numbers and cells
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) digest = (digest ^ c) * 1099511628211ull;
    digest = (digest ^ 0x1f) * 1099511628211ull;
  };
  for (;;) {
    auto r = (*t)->next(row);
    ASSERT_TRUE(r.ok()) << r.error().message_en;
    if (!*r) break;
    ++rows;
    cells += static_cast<long>(row.cells.size());
    for (const auto& c : row.cells) bytes += static_cast<long>(c.size());
    mix(std::to_string(row.number));
    for (const auto& c : row.cells) mix(c);
  }
  double cpu = cpu_seconds() - cpu0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::printf(
      "read %s (%s): %ld rows, %ld cells, %ld bytes of text, digest %016llx; CPU %.2f s, wall %.2f "
      "s\n",
      file, (*t)->format().c_str(), rows, cells, bytes, static_cast<unsigned long long>(digest),
      cpu, wall);
}

}  // namespace
}  // namespace lz::exchange
