// Quantities and money on the livelihood front, as exact integers:
//  - produce weight in grams (1 jin 斤 = 500 g exactly; the API speaks jin
//    with up to 3 decimals, e.g. 37.5);
//  - money in fen (1 yuan = 100 fen); prices in fen per jin;
//  - an amount = grams x fen-per-jin / 500, rounded to the nearest fen
//    (halves away from zero).
// Shared by produce, jobs, enterprises and supplies; no SQL, no HTTP.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace lz::livelihood {

inline constexpr int64_t kGramsPerJin = 500;

// A JSON/CSV number of jin -> grams; nullopt if negative, not finite or above
// 10^9 jin (a typing error, not a harvest).
std::optional<int64_t> jin_to_grams(double jin);
double grams_to_jin(int64_t grams);  // exact for every multiple of 0.002 jin

// Yuan (as typed: 2.5) -> fen; nullopt if negative or not finite.
std::optional<int64_t> yuan_to_fen(double yuan);
double fen_to_yuan(int64_t fen);

// grams of produce at fen_per_jin -> fen, rounded half away from zero.
int64_t amount_fen(int64_t grams, int64_t fen_per_jin);

// "37.5斤" / "37.5 jin" style text for messages (trailing zeros dropped).
std::string format_jin(int64_t grams);

}  // namespace lz::livelihood
