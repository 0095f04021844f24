// JsonWriter: appends compact JSON text to one std::string, for the hot
// responses that are written field by field instead of being built as an
// nlohmann::json tree and dumped (GET /api/v1/households/{id}). Its text is
// the same as nlohmann's dump() with default arguments: no spaces, UTF-8
// kept as is, '"' '\\' \b \f \n \r \t escaped short, other control bytes as
// \u00xx (lower-case hex). Where dump() would throw (a string that is not
// valid UTF-8), the writer records the failure in ok() and the caller falls
// back to the nlohmann path, so the outcome stays the same too.
// The caller writes keys in the order dump() gives them (sorted, as
// nlohmann's objects are std::maps).
#pragma once
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace lz::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // A key: the text must not need escaping (the writer's callers pass literals).
  void key(std::string_view k) {
    comma();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;  // the value that follows takes no comma
  }
  void value(std::string_view s) {
    comma();
    string(s);
  }
  void value(int64_t v) {
    comma();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void value(bool v) {
    comma();
    out_ += v ? "true" : "false";
  }
  void null() {
    comma();
    out_ += "null";
  }
  // key + value in one call.
  template <typename V>
  void field(std::string_view k, const V& v) {
    key(k);
    value(v);
  }
  void field(std::string_view k, const char* v) {
    key(k);
    value(std::string_view(v));
  }
  // False once a string was not valid UTF-8 (the text is then unusable).
  bool ok() const { return ok_; }

 private:
  void open(char c) {
    comma();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  void comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  // The quoted, escaped string; checks UTF-8 as nlohmann's decoder does
  // (no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence).
  void string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p;  // start of bytes copied as they are
    auto flush = [&](const unsigned char* to) {
      out_.append(reinterpret_cast<const char*>(run), static_cast<size_t>(to - run));
    };
    while (p < end) {
      unsigned char c = *p;
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
        ++p;
        continue;
      }
      if (c >= 0x80) {
        size_t n = utf8_length(p, end);
        if (n == 0) {
          ok_ = false;
          return;
        }
        p += n;
        continue;
      }
      flush(p);
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_.append(u, 6);
        }
      }
      run = ++p;
    }
    flush(p);
    out_ += '"';
  }
  // Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), 0 if it is not one.
  static size_t utf8_length(const unsigned char* p, const unsigned char* end) {
    auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    unsigned char c = *p;
    size_t left = static_cast<size_t>(end - p);
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(p[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      if (left < 3 || !cont(p[1]) || !cont(p[2])) return 0;
      if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
      if (c == 0xED && p[1] > 0x9F) return 0;  // surrogate
      return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (left < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return 0;
      if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
      if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
      return 4;
    }
    return 0;
  }

  std::string& out_;
  bool first_ = true;
  bool ok_ = true;
};

}  // namespace lz::http
