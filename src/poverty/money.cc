#include "poverty/money.h"

#include <cmath>

namespace lz::poverty {

int64_t per_capita_fen(int64_t total_fen, int persons) {
  const int64_t n = persons;
  int64_t q = total_fen / n;
  int64_t r = total_fen % n;  // same sign as total_fen
  if (r < 0) r = -r;
  if (2 * r >= n) q += total_fen < 0 ? -1 : 1;
  return q;
}

int64_t scale_fen(int64_t fen, double factor) {
  return static_cast<int64_t>(std::llround(static_cast<double>(fen) * factor));
}

std::string format_yuan(int64_t fen) {
  const bool negative = fen < 0;
  uint64_t abs = negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  uint64_t whole = abs / 100, cents = abs % 100;
  std::string digits = std::to_string(whole);
  std::string out;
  if (negative) out += '-';
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (cents != 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

}  // namespace lz::poverty
