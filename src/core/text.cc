#include "core/text.h"

#include <cstdint>

namespace lz::text {

namespace {
// True if `s` has no byte that starts what to_half_width rewrites (0xEF:
// full-width forms, 0xE3: the ideographic space): most cells have none.
bool no_wide(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0xEF || c == 0xE3) return false;
  }
  return true;
}
}  // namespace

std::string to_half_width(std::string_view s) {
  if (no_wide(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size()) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
      unsigned cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x80) {
      out.push_back(' ');
      i += 3;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string normalize(std::string_view s) {
  // Already normalised (no wide form, single spaces between words only): as is.
  {
    bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ';
    char prev = 0;
    for (size_t i = 0; plain && i < s.size(); prev = s[i++]) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c == 0xEF || c == 0xE3 || (is_space(s[i]) && (s[i] != ' ' || prev == ' '))) plain = false;
    }
    if (plain) return std::string(s);
  }
  std::string h = to_half_width(s);
  std::string out;
  out.reserve(h.size());
  bool pending_space = false;
  for (char c : h) {
    if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

std::string strip_spaces(std::string_view s) {
  {
    bool plain = true;
    for (size_t i = 0; plain && i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      plain = c != 0xEF && c != 0xE3 && !is_space(s[i]);
    }
    if (plain) return std::string(s);
  }
  std::string h = to_half_width(s);
  std::string out;
  out.reserve(h.size());
  for (char c : h)
    if (!is_space(c)) out.push_back(c);
  return out;
}

bool is_all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

long utf8_length(std::string_view s) {
  // Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
  long n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) len = 1, cp = c;
    else if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return -1;
    if (i + len > s.size()) return -1;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return -1;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return -1;
    i += len;
    ++n;
  }
  return n;
}

}  // namespace lz::text
