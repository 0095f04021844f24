#include "exchange/normalize.h"

#include <fmt/format.h>

#include <cstdlib>

#include "core/date.h"
#include "core/text.h"
#include "exchange/simplified.h"
#include "exchange/xlsx_reader.h"

namespace lz::exchange {

namespace {
// True if clean_cell() would return `s` unchanged: printable ASCII with
// single spaces between words, and no byte that starts what clean_cell or
// text::normalize rewrite (U+0080..00BF such as NBSP, U+2000..2FFF such as
// zero-width spaces, U+3000..3FFF such as the ideographic space,
// U+F000..FFFF such as full-width forms and the BOM). Most cells are.
bool already_clean(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char prev = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F || (c == ' ' && prev == ' ')) return false;
    } else if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) {
      return false;
    }
    prev = ch;
  }
  return true;
}
}  // namespace

std::string clean_cell(std::string_view s) {
  if (already_clean(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // NBSP
      out.push_back(' ');
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) >= 0x8B &&
                static_cast<unsigned char>(s[i + 2]) <= 0x8D)) {
      i += 2;  // zero-width space / non-joiner / joiner
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
               static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      i += 2;  // a stray BOM (zero-width no-break space)
    } else if (c == '\t' || c == '\r' || c == '\n') {
      out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return text::normalize(out);
}

std::string clean_name(std::string_view s) {
  return to_simplified(clean_cell(s));
}

static Error bad_date(std::string_view s) {
  return invalid(
      "date.format", "date",
      fmt::format("日期“{}”无法识别，可填2020-02-12、2020/2/12或2020年2月12日", s),
      fmt::format("Cannot read the date \"{}\": use 2020-02-12, 2020/2/12 or 2020年2月12日", s));
}

namespace {
// 2020/2/12 or 2020-02-12 (digits and one kind of separator, nothing else):
// the year, month and day as the general parse below reads them, or false
// for anything else (which then takes the general path).
bool simple_ymd(std::string_view s, int& y, int& m, int& d) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (n < 3) {
    size_t j = i;
    int v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
    if (j == i || j - i > 4) return false;
    parts[n++] = v;
    if (n == 3) {
      if (j != s.size()) return false;
      break;
    }
    if (j >= s.size() || (s[j] != '/' && s[j] != '-')) return false;
    i = j + 1;
  }
  if (parts[0] < 100 || s.size() < 5) return false;
  y = parts[0], m = parts[1], d = parts[2];
  return true;
}
}  // namespace

Result<std::string> normalize_date(std::string_view in) {
  if (int y, m, d; simple_ymd(in, y, m, d)) {
    auto date = Date::from_ymd(y, m, d);
    if (!date)
      return invalid("date.invalid", "date", fmt::format("日期“{}”不存在", in),
                     fmt::format("There is no such day as \"{}\"", in));
    return date->iso();
  }
  std::string s = clean_cell(in);
  if (s.empty()) return std::string();
  // Drop a time part ("2020/2/12 0:00:00", "2020-02-12T00:00:00").
  if (auto cut = s.find_first_of(" T"); cut != std::string::npos && cut >= 6) s.resize(cut);
  // An Excel serial number.
  {
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    bool numeric = end && *end == '\0' && s.find_first_not_of("0123456789.") == std::string::npos;
    if (numeric && s.size() != 8) {
      if (auto iso = excel_serial_to_iso(v); iso && v >= 1 && v < 2958466) return *iso;
      return bad_date(in);
    }
  }
  int y = 0, m = 0, d = 0;
  if (s.size() == 8 && text::is_all_digits(s)) {
    y = std::atoi(s.substr(0, 4).c_str());
    m = std::atoi(s.substr(4, 2).c_str());
    d = std::atoi(s.substr(6, 2).c_str());
  } else {
    // Three numbers separated by / - . or 年 月 (日 at the end).
    std::string t;
    t.reserve(s.size());
    for (size_t k = 0; k < s.size();) {
      size_t len = 0;
      for (std::string_view sep : {"年", "月", "日", "/", ".", "-"})
        if (std::string_view(s).substr(k, sep.size()) == sep) len = sep.size();
      t += len ? ' ' : s[k];
      k += len ? len : 1;
    }
    int parts[3] = {0, 0, 0};
    int n = 0;
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && t[i] == ' ') ++i;
      if (i >= t.size()) break;
      size_t j = i;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
      if (j == i || j - i > 4 || n == 3) return bad_date(in);
      if (j < t.size() && t[j] != ' ') return bad_date(in);
      parts[n++] = std::atoi(t.substr(i, j - i).c_str());
      i = j;
    }
    if (n != 3) return bad_date(in);
    y = parts[0], m = parts[1], d = parts[2];
    if (y < 100) return bad_date(in);  // 12/2/2020 or 20/2/12: ambiguous
  }
  auto date = Date::from_ymd(y, m, d);
  if (!date)
    return invalid("date.invalid", "date", fmt::format("日期“{}”不存在", in),
                   fmt::format("There is no such day as \"{}\"", in));
  return date->iso();
}

}  // namespace lz::exchange
