#include "epidemic/units.h"

#include <fmt/format.h>

#include <cmath>

#include "core/text.h"

namespace lz::epidemic {

static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Date DateTime::date() const {
  return Date::from_days(static_cast<int32_t>(floor_div(m_, 1440)));
}

int DateTime::minute_of_day() const {
  return static_cast<int>(m_ - floor_div(m_, 1440) * 1440);
}

std::string DateTime::iso() const {
  int m = minute_of_day();
  return fmt::format("{}T{:02}:{:02}", date().iso(), m / 60, m % 60);
}

static bool two_digits(std::string_view s, size_t at, int& out) {
  if (at + 2 > s.size()) return false;
  char a = s[at], b = s[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = (a - '0') * 10 + (b - '0');
  return true;
}

std::optional<DateTime> DateTime::parse_iso(std::string_view input) {
  std::string s = text::trim(text::to_half_width(input));
  if (s.size() < 10) return std::nullopt;
  auto d = Date::parse_iso(std::string_view(s).substr(0, 10));
  if (!d) return std::nullopt;
  if (s.size() == 10) return DateTime::of(*d, 0, 0);
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int h = 0, m = 0, sec = 0;
  if (s.size() != 16 && s.size() != 19) return std::nullopt;
  if (!two_digits(s, 11, h) || s[13] != ':' || !two_digits(s, 14, m)) return std::nullopt;
  if (s.size() == 19 && (s[16] != ':' || !two_digits(s, 17, sec))) return std::nullopt;
  if (h > 23 || m > 59 || sec > 59) return std::nullopt;
  return DateTime::of(*d, h, m);
}

int tenths_of(double celsius) {
  return static_cast<int>(std::lround(celsius * 10.0));
}

std::string format_temperature(int tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  int a = std::abs(tenths);
  return fmt::format("{}{}.{}", sign, a / 10, a % 10);
}

std::optional<int> parse_temperature(std::string_view input) {
  std::string s = text::trim(text::to_half_width(input));
  // Drop a trailing unit: ℃ (U+2103), °C, ° or C.
  auto drop_suffix = [&](std::string_view suffix) {
    if (s.size() >= suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (!drop_suffix("\xE2\x84\x83") &&
      !drop_suffix("\xC2\xB0"
                   "C") &&
      !drop_suffix("\xC2\xB0"))
    drop_suffix("C");
  s = text::trim(s);
  if (s.empty()) return std::nullopt;
  int whole = 0, frac = 0, digits = 0, frac_digits = 0;
  bool dot = false;
  for (char c : s) {
    if (c == '.' || c == ',') {
      if (dot || digits == 0) return std::nullopt;
      dot = true;
    } else if (c >= '0' && c <= '9') {
      if (dot) {
        if (++frac_digits > 1) return std::nullopt;
        frac = c - '0';
      } else {
        if (++digits > 3) return std::nullopt;
        whole = whole * 10 + (c - '0');
      }
    } else {
      return std::nullopt;
    }
  }
  if (dot && frac_digits == 0) return std::nullopt;
  return whole * 10 + frac;
}

Status validate_temperature(int tenths, std::string_view field) {
  if (tenths < kMinTemperature || tenths > kMaxTemperature)
    return invalid(
        "temperature.implausible", std::string(field),
        fmt::format("体温{}℃不合常理（应在{}到{}℃之间），请重新测量", format_temperature(tenths),
                    format_temperature(kMinTemperature), format_temperature(kMaxTemperature)),
        fmt::format("A temperature of {} °C is not plausible (it should be between {} "
                    "and {} °C): measure again",
                    format_temperature(tenths), format_temperature(kMinTemperature),
                    format_temperature(kMaxTemperature)));
  return Status::Ok();
}

}  // namespace lz::epidemic
