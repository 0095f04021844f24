// Two small value types the epidemic front needs beyond core/date.h:
//  - DateTime: a local (Beijing) civil time to the minute, stored as minutes
//    since 1970-01-01 00:00; for duty shifts, checkpoint passages, calls and
//    follow-ups. No time zones: the county lives in one.
//  - temperatures in tenths of a degree Celsius (int): 373 is 37.3 °C. Whole
//    numbers, so the fever threshold has no floating-point edge (37.3 >= 37.3
//    always holds; 37.2 never reaches it).
//
// Called by every epidemic file, the store (stored as "2020-02-12T08:30" and
// an integer) and the API (JSON numbers 37.3 converted with tenths_of()).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace lz::epidemic {

class DateTime {
 public:
  DateTime() = default;
  // hour 0..23, minute 0..59 (not checked: use parse_iso for input).
  static DateTime of(Date d, int hour, int minute) {
    return DateTime(int64_t{d.days()} * 1440 + hour * 60 + minute);
  }
  static DateTime from_minutes(int64_t m) { return DateTime(m); }
  // "2020-02-12T08:30", also with a space for the T and with ":ss" seconds
  // (ignored); a bare date "2020-02-12" is midnight. nullopt otherwise.
  static std::optional<DateTime> parse_iso(std::string_view s);

  int64_t minutes() const { return m_; }
  Date date() const;
  int minute_of_day() const;  // 0..1439
  std::string iso() const;    // "2020-02-12T08:30"
  DateTime plus_minutes(int64_t n) const { return DateTime(m_ + n); }

  friend auto operator<=>(DateTime a, DateTime b) = default;
  friend int64_t operator-(DateTime a, DateTime b) { return a.m_ - b.m_; }

 private:
  explicit DateTime(int64_t m) : m_(m) {}
  int64_t m_ = 0;
};

// Tenths of a degree from degrees Celsius, rounded to the nearest tenth
// (37.25 -> 373 would be ambiguous in binary; 37.3 -> 373 exactly).
int tenths_of(double celsius);
// "37.3" from 373.
std::string format_temperature(int tenths);
// Parses what people type: "37.3", "37.3℃", "37.3°C", " 37,3 ", full-width
// digits; nullopt if it is not a number with at most one decimal.
std::optional<int> parse_temperature(std::string_view s);

// A body temperature people can have: 34.0 to 43.0 °C (an axillary reading
// below 34 is a failed measurement). Code "temperature.implausible".
inline constexpr int kMinTemperature = 340;
inline constexpr int kMaxTemperature = 430;
Status validate_temperature(int tenths, std::string_view field);

}  // namespace lz::epidemic
