#include "livelihood/units.h"

#include <fmt/format.h>
#include <cmath>

namespace lz::livelihood {

std::optional<int64_t> jin_to_grams(double jin) {
  if (!std::isfinite(jin) || jin < 0 || jin > 1e9) return std::nullopt;
  return static_cast<int64_t>(std::llround(jin * kGramsPerJin));
}

double grams_to_jin(int64_t grams) {
  return static_cast<double>(grams) / kGramsPerJin;
}

std::optional<int64_t> yuan_to_fen(double yuan) {
  if (!std::isfinite(yuan) || yuan < 0 || yuan > 1e12) return std::nullopt;
  return static_cast<int64_t>(std::llround(yuan * 100));
}

double fen_to_yuan(int64_t fen) {
  return static_cast<double>(fen) / 100;
}

int64_t amount_fen(int64_t grams, int64_t fen_per_jin) {
  // Exact in integers: (grams * price * 2 + 500) / 1000 rounds halves up for
  // non-negative inputs, the only ones the domain allows.
  __int128 num = static_cast<__int128>(grams) * fen_per_jin;
  __int128 q = (2 * num + kGramsPerJin) / (2 * kGramsPerJin);
  if (num < 0) q = -((-2 * num + kGramsPerJin) / (2 * kGramsPerJin));
  return static_cast<int64_t>(q);
}

std::string format_jin(int64_t grams) {
  std::string s = fmt::format("{:.3f}", grams_to_jin(grams));
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace lz::livelihood
