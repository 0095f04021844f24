// Money in the poverty domain: integer fen (1 yuan = 100 fen), never floating
// point. Per-capita arithmetic with its one rounding rule, and how amounts are
// written in reasons ("3,210元", "3,210.50元").
//
// Called by facts.h (per-capita net income), the rules (reasons with figures),
// classification, relapse monitoring, and the API for display.
#pragma once
#include <cstdint>
#include <string>

namespace lz::poverty {

inline constexpr int64_t kFenPerYuan = 100;
constexpr int64_t yuan(int64_t y) {
  return y * kFenPerYuan;
}

// total / persons rounded to the nearest fen, halves away from zero
// (100 fen / 3 = 33; 200 fen / 3 = 67; -200 / 3 = -67). persons must be > 0.
int64_t per_capita_fen(int64_t total_fen, int persons);

// fen * factor rounded to the nearest fen, halves away from zero (used for
// the relapse threshold: 1.5 x the line).
int64_t scale_fen(int64_t fen, double factor);

// "3,210" for whole yuan, "3,210.50" otherwise, "-1,200" for a loss. No unit:
// callers add 元 / yuan.
std::string format_yuan(int64_t fen);

}  // namespace lz::poverty
