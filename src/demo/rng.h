// Rng: a small, fast, portable pseudo-random generator (xoshiro256**, seeded
// by splitmix64) with the few distributions the demo needs. Unlike the
// std:: distributions, its output is the same on every compiler and library,
// so a seed names the same county everywhere. Streams are derived per
// purpose (`Rng::derive(seed, "village", 17)`), so adding a new generator
// never shifts the numbers of an existing one.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lz::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed);
  static Rng derive(uint64_t seed, std::string_view purpose, uint64_t index = 0);
  uint64_t next();
  // Uniform in [lo, hi] (inclusive).
  int64_t uniform(int64_t lo, int64_t hi);
  double unit();  // [0, 1)
  bool chance(double p) { return unit() < p; }
  // Normal via Box-Muller.
  double normal(double mean, double sd);
  // Index drawn with the given non-negative weights.
  size_t pick(std::span<const double> weights);

 private:
  uint64_t s_[4];
};

// Precomputed cumulative weights for repeated draws from one distribution.
class Weighted {
 public:
  Weighted() = default;
  explicit Weighted(std::vector<double> weights);
  size_t draw(Rng& rng) const;
  size_t size() const { return cum_.size(); }

 private:
  std::vector<double> cum_;
};

}  // namespace lz::demo
