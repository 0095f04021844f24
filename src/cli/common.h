// What every subcommand shares: the language for messages, turning an
// Error into stderr text and an exit status (0 ok, 1 bad input or usage,
// 2 internal error), and a progress line when stdout is a terminal.
#pragma once
#include <CLI/CLI.hpp>
#include <string>

#include "core/error.h"

namespace lz::cli {

constexpr int kExitOk = 0, kExitBadInput = 1, kExitInternal = 2;

struct Globals {
  std::string lang = "zh";  // --lang zh|en (default from LANG: en_* -> en)
  Lang language() const { return lang == "en" ? Lang::kEn : Lang::kZh; }
};
Globals& globals();

// Prints the error on stderr and returns its exit status.
int fail(const Error& e);
// Progress on stderr, overwritten in place; silent unless stdout is a terminal.
// Pads a UTF-8 string to `width` display columns (CJK characters count two),
// for the tables the commands print.
int display_width(const std::string& s);
std::string pad(const std::string& s, int width);
std::string pad_left(const std::string& s, int width);  // right-aligned
void progress(double fraction, const char* what);
void progress_done();

// Subcommand registration: each adds itself to the app and sets `run`.
using Runner = std::function<int()>;
void add_demo(CLI::App& app, Runner& run);
void add_stats(CLI::App& app, Runner& run);
void add_regions(CLI::App& app, Runner& run);
void add_id(CLI::App& app, Runner& run);
void add_user(CLI::App& app, Runner& run);
void add_serve(CLI::App& app, Runner& run);
void add_audit(CLI::App& app, Runner& run);  // the poverty check
void add_bulletin(CLI::App& app, Runner& run);  // liangzhan user add|list|disable|enable|reset-password

}  // namespace lz::cli

namespace lz {
class Store;
}
namespace lz::cli {
// Opens an existing database (a missing file is an error, not a new database).
Result<std::unique_ptr<Store>> open_existing(const std::string& db);
}  // namespace lz::cli
