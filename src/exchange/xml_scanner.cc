#include "exchange/xml_scanner.h"

#include <cstdint>
#include <cstring>

namespace lz::exchange {

namespace {

constexpr size_t kMaxToken = size_t{1} << 28;  // 256 MiB of one tag or text run: refused

// Byte classes: white space; what ends a name; what may not be in one;
// what text or an attribute value cannot pass on as written (references,
// controls and line ends to normalise, non-ASCII to check).
enum : uint8_t { kSpace = 1, kNameEnd = 2, kNotInName = 4, kNotPlainText = 8, kNotPlainValue = 16 };
constexpr struct Classes {
  uint8_t of[256] = {};
  constexpr Classes() {
    for (unsigned char c : {' ', '\t', '\n', '\r'}) of[c] = kSpace | kNameEnd;
    for (unsigned char c : {'>', '/', '='}) of[c] = kNameEnd;
    for (unsigned char c : {'<', '"', '\'', '&'}) of[c] = kNameEnd | kNotInName;
    for (int c = 0; c < 0x20; ++c)
      of[c] |= kNotPlainValue | (c == '\t' || c == '\n' ? 0 : kNotPlainText);
    for (int c = 0x80; c < 0x100; ++c) of[c] |= kNotPlainText | kNotPlainValue;
    for (unsigned char c : {'&', '<'}) of[c] |= kNotPlainText | kNotPlainValue;
  }
} kClass;

bool is_space(char c) {
  return kClass.of[static_cast<unsigned char>(c)] & kSpace;
}

// A byte that ends a name (or may not be in one).
bool name_end(char c) {
  return kClass.of[static_cast<unsigned char>(c)] & kNameEnd;
}

// The first `c` in [p, e), or null: a plain loop for the short runs of a
// sheet (cell references, styles, a name), memchr past the first 16 bytes.
const char* find(const char* p, const char* e, char c) {
  for (const char* stop = e - p > 16 ? p + 16 : e; p < stop; ++p)
    if (*p == c) return p;
  return p < e ? static_cast<const char*>(std::memchr(p, c, static_cast<size_t>(e - p))) : nullptr;
}

bool xml_char(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void put_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The length of the UTF-8 sequence at b (before e) if it is a valid XML
// character, else 0.
size_t utf8_char(const unsigned char* b, const unsigned char* e) {
  unsigned char c = b[0];
  size_t len;
  uint32_t cp;
  if (c < 0xC2) return 0;  // a continuation byte or an overlong lead
  if (c < 0xE0) {
    len = 2, cp = c & 0x1F;
  } else if (c < 0xF0) {
    len = 3, cp = c & 0x0F;
  } else if (c < 0xF5) {
    len = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (static_cast<size_t>(e - b) < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((b[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b[i] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;  // overlong
  if ((cp >= 0xD800 && cp <= 0xDFFF) || !xml_char(cp)) return 0;
  return len;
}

// False if the bytes need decode(): references, \r (and in an attribute
// \t and \n) to normalise, other controls, or UTF-8 that is not valid (for
// decode() to report). Valid UTF-8 is checked here, in place.
bool plain(const char* b, const char* e, bool attribute) {
  const uint8_t stop = attribute ? kNotPlainValue : kNotPlainText;
  while (b < e) {
    auto c = static_cast<unsigned char>(*b);
    if (!(kClass.of[c] & stop)) {
      ++b;
    } else if (c >= 0x80) {
      size_t len = utf8_char(reinterpret_cast<const unsigned char*>(b),
                             reinterpret_cast<const unsigned char*>(e));
      if (len == 0) return false;
      b += len;
    } else {
      return false;
    }
  }
  return true;
}

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

char* XmlScanner::buffer(size_t n) {
  if (begin_ > 0) {  // drop what was parsed, counting its lines
    line_ = lines_to(buf_.data() + begin_);
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() < end_ + n) buf_.resize(end_ + n);
  return buf_.data() + end_;
}

long XmlScanner::lines_to(const char* at) const {
  long n = line_;
  if (at == buf_.data()) return n;  // also an empty buffer: memchr must not see its null data()
  for (const char* p = buf_.data(); (p = static_cast<const char*>(std::memchr(p, '\n', at - p)));
       ++p)
    ++n;
  return n;
}

bool XmlScanner::fail(const char* at, std::string what) {
  if (status_ == kOk) {
    error_ = std::move(what);
    line_ = lines_to(at);
    status_ = kError;
  }
  return false;
}

XmlScanner::Status XmlScanner::parse(size_t n, bool last) {
  if (status_ != kOk) return status_;
  end_ += n;
  const char* d = buf_.data();
  size_t p = begin_;
  if (!started_) {  // the start of the document
    if (end_ < 4 && !last) return kOk;
    started_ = true;
    auto u = [&](size_t i) { return i < end_ ? static_cast<unsigned char>(d[i]) : 0u; };
    if (end_ >= 2 &&
        ((u(0) == 0xFE && u(1) == 0xFF) || (u(0) == 0xFF && u(1) == 0xFE) || u(1) == 0))
      return status_ = kUnsupported;  // UTF-16 (or something else): not ours
    if (u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) p = 3;
  }
  while (p < end_) {
    if (d[p] == '<') {
      if (p + 1 >= end_) break;
      char c = d[p + 1];
      size_t q = c == '/' ? end_tag(p) : (c == '!' || c == '?') ? special(p) : tag(p);
      if (status_ != kOk) return status_;
      if (q == 0) break;  // not complete yet
      p = q;
      first_ = false;
    } else {
      const char* lt = find(d + p, d + end_, '<');
      if (!lt) {
        if (!last) break;
        lt = d + end_;
      }
      if (!text_run(d + p, lt)) return status_;
      p = static_cast<size_t>(lt - d);
      first_ = false;
    }
  }
  begin_ = p;
  if (end_ - begin_ > kMaxToken) {
    fail(d + begin_, "a tag or text longer than 256 MiB");
    return status_;
  }
  if (last) {
    if (begin_ < end_)
      fail(d + begin_, "unclosed token");
    else if (!seen_root_)
      fail(d + end_, "no element found");
    else if (depth_ > 0)
      fail(d + end_, "no closing tag for <" + open_[depth_ - 1] + ">");
  }
  return status_;
}

bool XmlScanner::text_run(const char* b, const char* e) {
  if (b == e) return true;
  if (depth_ == 0) {
    for (const char* p = b; p < e; ++p)
      if (!is_space(*p))
        return fail(p, seen_root_ ? "junk after document element" : "syntax error");
    return true;
  }
  if (plain(b, e, false)) {
    h_.text(std::string_view(b, static_cast<size_t>(e - b)));
    return true;
  }
  if (!decode(b, e, false, scratch_)) return false;
  h_.text(scratch_);
  return true;
}

// Text or an attribute value: entities and character references, line
// ends (\r\n and \r as \n; in an attribute every white space as a space),
// UTF-8 and XML characters checked.
bool XmlScanner::decode(const char* b, const char* e, bool attribute, std::string& out) {
  out.clear();
  for (const char* p = b; p < e;) {
    auto c = static_cast<unsigned char>(*p);
    if (c == '&') {
      auto* semi = static_cast<const char*>(std::memchr(p, ';', e - p));
      if (!semi) return fail(p, "not well-formed (invalid token)");
      std::string_view ent(p + 1, static_cast<size_t>(semi - p - 1));
      if (ent == "lt") {
        out += '<';
      } else if (ent == "gt") {
        out += '>';
      } else if (ent == "amp") {
        out += '&';
      } else if (ent == "quot") {
        out += '"';
      } else if (ent == "apos") {
        out += '\'';
      } else if (ent.size() >= 2 && ent[0] == '#') {
        bool hex = ent[1] == 'x';
        std::string_view digits = ent.substr(hex ? 2 : 1);
        uint32_t cp = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (char d : digits) {
          int v = d >= '0' && d <= '9'          ? d - '0'
                  : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                  : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                : -1;
          if (v < 0) ok = false;
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v < 0 ? 0 : v);
        }
        if (!ok || !xml_char(cp)) return fail(p, "reference to invalid character number");
        put_utf8(cp, out);
      } else {
        return fail(p, "undefined entity");
      }
      p = semi + 1;
    } else if (c == '<') {
      return fail(p, "not well-formed (invalid token)");
    } else if (c == '\r') {
      out += attribute ? ' ' : '\n';
      p += (p + 1 < e && p[1] == '\n') ? 2 : 1;
    } else if (c == '\n' || c == '\t') {
      out += attribute ? ' ' : static_cast<char>(c);
      ++p;
    } else if (c < 0x20) {
      return fail(p, "not well-formed (invalid token)");
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++p;
    } else {
      size_t len = utf8_char(reinterpret_cast<const unsigned char*>(p),
                             reinterpret_cast<const unsigned char*>(e));
      if (len == 0) return fail(p, "not well-formed (invalid token)");
      out.append(p, len);
      p += len;
    }
  }
  return true;
}

size_t XmlScanner::tag(size_t p) {
  const char* d = buf_.data();
  size_t i = p + 1;
  size_t colon = p;  // the name's last ':' (p: none)
  for (; i < end_ && !name_end(d[i]); ++i)
    if (d[i] == ':') colon = i;
  if (i >= end_) return 0;
  std::string_view name(d + p + 1, i - p - 1);
  std::string_view ln(d + colon + 1, i - colon - 1);  // the local name
  if (name.empty() || (kClass.of[static_cast<unsigned char>(d[i])] & kNotInName)) {
    fail(d + p, "not well-formed (invalid token)");
    return 0;
  }
  size_t na = 0;
  size_t decoded = 0;
  bool self_closing = false;
  for (;;) {
    bool space = false;
    while (i < end_ && is_space(d[i])) ++i, space = true;
    if (i >= end_) return 0;
    if (d[i] == '>') {
      ++i;
      break;
    }
    if (d[i] == '/') {
      if (i + 1 >= end_) return 0;
      if (d[i + 1] != '>') {
        fail(d + i, "not well-formed (invalid token)");
        return 0;
      }
      self_closing = true;
      i += 2;
      break;
    }
    size_t j = i;
    size_t acolon = i - 1;
    for (; j < end_ && !name_end(d[j]); ++j)
      if (d[j] == ':') acolon = j;
    if (j >= end_) return 0;
    if (!space || j == i) {
      fail(d + i, "not well-formed (invalid token)");
      return 0;
    }
    std::string_view an(d + acolon + 1, j - acolon - 1);  // the local name
    while (j < end_ && is_space(d[j])) ++j;
    if (j >= end_) return 0;
    if (d[j] != '=') {
      fail(d + j, "not well-formed (invalid token)");
      return 0;
    }
    ++j;
    while (j < end_ && is_space(d[j])) ++j;
    if (j >= end_) return 0;
    char quote = d[j];
    if (quote != '"' && quote != '\'') {
      fail(d + j, "not well-formed (invalid token)");
      return 0;
    }
    const char* close = find(d + j + 1, d + end_, quote);
    if (!close) return 0;
    const char* vb = d + j + 1;
    if (plain(vb, close, true)) {
      if (attrs_.size() <= na) attrs_.resize(na + 1), which_.resize(na + 1);
      attrs_[na] = {an, std::string_view(vb, static_cast<size_t>(close - vb))};
      which_[na++] = -1;
    } else {
      if (values_.size() <= decoded) values_.resize(decoded + 1);
      if (!decode(vb, close, true, values_[decoded])) return 0;
      if (attrs_.size() <= na) attrs_.resize(na + 1), which_.resize(na + 1);
      attrs_[na] = {an, {}};
      which_[na++] = static_cast<int>(decoded++);
    }
    i = static_cast<size_t>(close - d) + 1;
    if (i < end_ && !is_space(d[i]) && d[i] != '>' && d[i] != '/') {
      fail(d + i, "not well-formed (invalid token)");
      return 0;
    }
  }
  for (size_t k = 0; k < na && decoded > 0; ++k)
    if (which_[k] >= 0) attrs_[k].value = values_[static_cast<size_t>(which_[k])];
  if (depth_ == 0 && seen_root_) {
    fail(d + p, "junk after document element");
    return 0;
  }
  seen_root_ = true;
  h_.start(ln, attrs_.data(), na);
  if (self_closing) {
    h_.end(ln);
  } else {
    if (open_.size() <= depth_) open_.emplace_back();
    open_[depth_++].assign(name);
  }
  return i;
}

size_t XmlScanner::end_tag(size_t p) {
  const char* d = buf_.data();
  size_t i = p + 2;
  size_t colon = p + 1;  // the name's last ':' (p + 1: none)
  for (; i < end_ && !name_end(d[i]); ++i)
    if (d[i] == ':') colon = i;
  std::string_view name(d + p + 2, i - p - 2);
  std::string_view ln(d + colon + 1, i - colon - 1);  // the local name
  while (i < end_ && is_space(d[i])) ++i;
  if (i >= end_) return 0;
  if (d[i] != '>') {
    fail(d + i, "not well-formed (invalid token)");
    return 0;
  }
  if (depth_ == 0 || open_[depth_ - 1] != name) {
    fail(d + p, "mismatched tag");
    return 0;
  }
  --depth_;
  h_.end(ln);
  return i + 1;
}

// <?...?>, <!--...-->, <![CDATA[...]]>, <!DOCTYPE ...>.
size_t XmlScanner::special(size_t p) {
  const char* d = buf_.data();
  std::string_view rest(d + p, end_ - p);
  auto until = [&](std::string_view from, std::string_view stop, size_t skip) -> size_t {
    auto at = from.find(stop, skip);
    return at == std::string_view::npos ? 0 : p + at + stop.size();
  };
  if (d[p + 1] == '?') {
    size_t q = until(rest, "?>", 2);
    if (q == 0) return 0;
    std::string_view pi(d + p + 2, q - p - 4);
    std::string_view target = pi.substr(0, std::min(pi.size(), pi.find_first_of(" \t\r\n")));
    if (ieq(target, "xml")) {
      if (!first_) {
        fail(d + p, "XML or text declaration not at start of entity");
        return 0;
      }
      auto enc = pi.find("encoding");
      if (enc != std::string_view::npos) {
        auto q1 = pi.find_first_of("\"'", enc);
        auto q2 = q1 == std::string_view::npos ? q1 : pi.find(pi[q1], q1 + 1);
        if (q2 == std::string_view::npos) {
          fail(d + p, "XML declaration not well-formed");
          return 0;
        }
        std::string_view e = pi.substr(q1 + 1, q2 - q1 - 1);
        if (!ieq(e, "utf-8") && !ieq(e, "utf8")) {
          status_ = kUnsupported;
          return 0;
        }
      }
    }
    return q;
  }
  if (rest.size() < 4) return 0;
  if (rest.substr(0, 4) == "<!--") return until(rest, "-->", 4);
  if (rest.size() < 9) return 0;
  if (rest.substr(0, 9) == "<![CDATA[") {
    size_t q = until(rest, "]]>", 9);
    if (q == 0) return 0;
    if (depth_ == 0) {
      fail(d + p, "syntax error");
      return 0;
    }
    // As written, but line ends normalised and the characters checked.
    const char* b = d + p + 9;
    const char* e = d + q - 3;
    if (plain(b, e, false)) {
      h_.text(std::string_view(b, static_cast<size_t>(e - b)));
    } else {
      scratch_.clear();
      for (const char* x = b; x < e;) {
        auto c = static_cast<unsigned char>(*x);
        if (c == '\r') {
          scratch_ += '\n';
          x += (x + 1 < e && x[1] == '\n') ? 2 : 1;
        } else if (c >= 0x80) {
          size_t len = utf8_char(reinterpret_cast<const unsigned char*>(x),
                                 reinterpret_cast<const unsigned char*>(e));
          if (len == 0) {
            fail(x, "not well-formed (invalid token)");
            return 0;
          }
          scratch_.append(x, len);
          x += len;
        } else if (c < 0x20 && c != '\n' && c != '\t') {
          fail(x, "not well-formed (invalid token)");
          return 0;
        } else {
          scratch_ += static_cast<char>(c);
          ++x;
        }
      }
      h_.text(scratch_);
    }
    return q;
  }
  if (rest.substr(0, 9) == "<!DOCTYPE") {
    if (!seen_root_) {
      status_ = kUnsupported;  // entity declarations: expat's business
    } else {
      fail(d + p, "syntax error");
    }
    return 0;
  }
  fail(d + p, "not well-formed (invalid token)");
  return 0;
}

}  // namespace lz::exchange
