#include "exchange/simplified.h"

#include <opencc/opencc.h>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lz::exchange {

namespace {

// The converter and, from its dictionaries, every key whose conversion
// differs from itself ("changing keys"). OpenCC replaces text only where a
// dictionary key matches; where no changing key occurs anywhere in a text,
// whatever the segmentation, each segment converts to itself. So a text
// in which no changing key occurs is returned as is without calling OpenCC
// (most Simplified names and addresses: OpenCC costs ~10 µs a call), and
// any other text goes through OpenCC exactly as before.
struct Converter {
  opencc_t od = reinterpret_cast<opencc_t>(-1);  // converts (the C interface, as always)
  std::string path;
  std::mutex mu;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache;  // under `mu`
  std::unordered_set<std::string_view> keys;  // views into `key_text`
  std::vector<std::string> key_text;
  std::vector<uint64_t> first_chars =
      std::vector<uint64_t>(0x110000 / 64);  // bit per code point: a key starts with it
  size_t max_key = 0;                        // bytes

  Converter() {
    const char* paths[] = {"/usr/share/opencc/t2s.json", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP};
    for (const char* p : paths) {
      od = opencc_open(p);
      if (od != reinterpret_cast<opencc_t>(-1)) {
        path = p;
        break;
      }
    }
    if (!ok()) return;
    // The same configuration through OpenCC's C++ interface, only to list
    // its dictionaries' keys; without them every text goes to OpenCC.
    opencc::ConverterPtr conv;
    try {
      opencc::Config config;
      conv = config.NewFromFile(path);
    } catch (...) {
      max_key = SIZE_MAX;
      return;
    }
    try {
      for (const auto& c : conv->GetConversionChain()->GetConversions()) add_keys(c->GetDict());
    } catch (...) {
      max_key = SIZE_MAX;  // cannot list the keys: always convert
      return;
    }
    for (const auto& k : key_text) {
      keys.insert(k);
      uint32_t cp = code_point(k, 0, char_len(k[0]));
      first_chars[cp / 64] |= uint64_t{1} << (cp % 64);
      max_key = std::max(max_key, k.size());
    }
  }
  void add_keys(const opencc::DictPtr& d) {
    if (auto g = std::dynamic_pointer_cast<opencc::DictGroup>(d)) {
      for (const auto& sub : g->GetDicts()) add_keys(sub);
      return;
    }
    for (const auto& e : *d->GetLexicon()) {
      std::string key = e->Key();
      if (!key.empty() && key != e->GetDefault()) key_text.push_back(std::move(key));
    }
  }
  // The code point of the n-byte sequence at s[i] (n from char_len), or
  // 0x110000 for a byte that cannot start one.
  static uint32_t code_point(std::string_view s, size_t i, size_t n) {
    auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
    if (n == 1) return b(0) < 0x80 ? b(0) : 0x110000;
    uint32_t cp = b(0) & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
    return cp;
  }
  bool starts_key(uint32_t cp) const {
    return cp >= 0x110000 || (first_chars[cp / 64] >> (cp % 64)) & 1;
  }
  static size_t char_len(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 ? 1 : (u >> 5) == 6 ? 2 : (u >> 4) == 14 ? 3 : (u >> 3) == 30 ? 4 : 1;
  }
  // True if a changing key occurs in `text` (or the keys are unknown).
  bool may_change(std::string_view text) const {
    if (max_key == SIZE_MAX) return true;
    for (size_t i = 0; i < text.size();) {
      size_t n = char_len(text[i]);
      // Not UTF-8 as OpenCC steps through it (a stray continuation byte, a
      // 5- or 6-byte form, a cut sequence): OpenCC decides.
      if ((n == 1 && static_cast<unsigned char>(text[i]) >= 0x80) || n > text.size() - i)
        return true;
      if (starts_key(code_point(text, i, n))) {
        size_t room = std::min(max_key, text.size() - i);
        for (size_t len = n; len <= room;) {
          if (keys.count(text.substr(i, len))) return true;
          if (len == room) break;
          len += std::min(char_len(text[i + len]), room - len);
        }
      }
      i += n;
    }
    return false;
  }
  ~Converter() {
    if (ok()) opencc_close(od);
  }
  bool ok() const { return od != reinterpret_cast<opencc_t>(-1); }
};
Converter& converter() {
  static Converter c;
  return c;
}
}  // namespace

bool simplified_available() {
  return converter().ok();
}

std::string to_simplified(std::string_view text) {
  bool ascii = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return std::string(text);
  Converter& c = converter();
  if (!c.ok()) return std::string(text);
  // An embedded NUL ended the text for OpenCC's C interface: keep that.
  if (text.find('\0') == std::string_view::npos && !c.may_change(text)) return std::string(text);
  std::lock_guard<std::mutex> lock(c.mu);
  // Repeated Traditional text (a village, a township) is converted once.
  if (auto it = c.cache.find(text); it != c.cache.end()) return it->second;
  char* converted = opencc_convert_utf8(c.od, text.data(), text.size());
  if (!converted) return std::string(text);
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  if (c.cache.size() >= 4096) c.cache.clear();  // bounded
  c.cache.emplace(std::string(text), out);
  return out;
}

}  // namespace lz::exchange
