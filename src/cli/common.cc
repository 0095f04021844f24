#include "cli/common.h"

#include <algorithm>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "http/field_labels.h"

namespace lz::cli {

Globals& globals() {
  static Globals g = [] {
    Globals g;
    const char* l = std::getenv("LANG");
    if (l && std::string(l).starts_with("en")) g.lang = "en";
    return g;
  }();
  return g;
}

int fail(const Error& e) {
  Lang lang = globals().language();
  std::fprintf(stderr, "%s: %s\n", lang == Lang::kEn ? "error" : "错误",
               http::label_error(e, lang).describe(lang).c_str());
  return e.kind == ErrorKind::kInternal ? kExitInternal : kExitBadInput;
}

static bool tty() {
  static bool t = isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
  return t;
}

int display_width(const std::string& s) {
  int cols = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    cols += len >= 3 ? 2 : 1;
    i += len;
  }
  return cols;
}

std::string pad(const std::string& s, int width) {
  return s + std::string(std::max(0, width - display_width(s)), ' ');
}

std::string pad_left(const std::string& s, int width) {
  return std::string(std::max(0, width - display_width(s)), ' ') + s;
}

void progress(double fraction, const char* what) {
  if (!tty()) return;
  int pct = static_cast<int>(fraction * 100 + 0.5);
  int bar = pct / 4;
  std::fprintf(stderr, "\r[%-25.*s] %3d%% %-20s", bar, "#########################", pct, what);
  std::fflush(stderr);
}

void progress_done() {
  if (tty()) std::fprintf(stderr, "\r%*s\r", 60, "");
}

}  // namespace lz::cli

#include <filesystem>
#include <fmt/format.h>
#include "store/store.h"

namespace lz::cli {
Result<std::unique_ptr<Store>> open_existing(const std::string& db) {
  if (!std::filesystem::exists(db))
    return invalid(
        "db.missing", "--db",
        fmt::format("数据库文件“{}”不存在（可先用 liangzhan init --regions 区划文件 为本县建库，"
                    "或用 liangzhan demo 建演示库）",
                    db),
        fmt::format("The database file \"{}\" does not exist (create one for your county with "
                    "liangzhan init --regions FILE, or the demo with liangzhan demo)",
                    db));
  return open_store(db);
}
}  // namespace lz::cli
