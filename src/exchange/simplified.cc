#include "exchange/simplified.h"

#include <opencc.h>

#include <mutex>

namespace lz::exchange {

namespace {
struct Converter {
  opencc_t od = reinterpret_cast<opencc_t>(-1);
  std::mutex mu;
  Converter() {
    const char* paths[] = {"/usr/share/opencc/t2s.json", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP};
    for (const char* p : paths) {
      od = opencc_open(p);
      if (od != reinterpret_cast<opencc_t>(-1)) break;
    }
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

bool simplified_available() { return converter().ok(); }

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
  std::lock_guard<std::mutex> lock(c.mu);
  char* out = opencc_convert_utf8(c.od, text.data(), text.size());
  if (!out) return std::string(text);
  std::string s(out);
  opencc_convert_utf8_free(out);
  return s;
}

}  // namespace lz::exchange
