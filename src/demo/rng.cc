#include "demo/rng.h"

#include <algorithm>
#include <cmath>

namespace lz::demo {

static uint64_t splitmix(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  for (auto& s : s_) s = splitmix(seed);
}

Rng Rng::derive(uint64_t seed, std::string_view purpose, uint64_t index) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a of the purpose
  for (char c : purpose) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  uint64_t x = seed ^ h;
  uint64_t a = splitmix(x);
  x = a ^ (index * 0xD1B54A32D192ED03ull);
  return Rng(splitmix(x));
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

int64_t Rng::uniform(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  uint64_t range = static_cast<uint64_t>(hi - lo) + 1;
  return lo + static_cast<int64_t>(next() % range);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::normal(double mean, double sd) {
  double u1 = unit(), u2 = unit();
  if (u1 < 1e-300) u1 = 1e-300;
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

size_t Rng::pick(std::span<const double> w) {
  double total = 0;
  for (double x : w) total += x;
  double r = unit() * total;
  for (size_t i = 0; i < w.size(); ++i) {
    if (r < w[i]) return i;
    r -= w[i];
  }
  return w.size() - 1;
}

Weighted::Weighted(std::vector<double> w) {
  double acc = 0;
  cum_.reserve(w.size());
  for (double x : w) cum_.push_back(acc += x);
}

size_t Weighted::draw(Rng& rng) const {
  double r = rng.unit() * cum_.back();
  return static_cast<size_t>(std::upper_bound(cum_.begin(), cum_.end(), r) - cum_.begin());
}

}  // namespace lz::demo
