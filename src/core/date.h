// A civil date (proleptic Gregorian), stored as days since 1970-01-01.
// Parsing accepts only ISO 8601 "YYYY-MM-DD"; the importers normalise the
// other forms Excel produces before they get here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lz {

class Date {
 public:
  Date() = default;
  static std::optional<Date> from_ymd(int y, int m, int d);  // nullopt if no such day
  static std::optional<Date> parse_iso(std::string_view s);    // "2020-02-12"
  static Date from_days(int32_t days) { return Date(days); }
  static Date today();  // UTC; tests should not depend on it

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string iso() const;
  Date plus_days(int n) const { return Date(days_ + n); }
  // Completed years of age on `on` for someone born on *this.
  int age_on(Date on) const;

  friend auto operator<=>(Date a, Date b) = default;
  friend int operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  explicit Date(int32_t d) : days_(d) {}
  int32_t days_ = 0;
};

bool is_leap_year(int y);
int days_in_month(int y, int m);

}  // namespace lz
