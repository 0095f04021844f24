// liangzhan: the one binary. Each subcommand lives in its own file under
// src/cli/ and registers itself here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include <string_view>
#include "cli/common.h"
#include "cli/parse_error.h"

namespace lz::cli {
// Excel and CSV (src/cli/cmd_template.cc, cmd_import.cc, cmd_export.cc).
void add_template(CLI::App& app, Runner& run);
void add_import(CLI::App& app, Runner& run);
void add_export(CLI::App& app, Runner& run);
void add_init(CLI::App& app, Runner& run);  // src/cli/cmd_init.cc: a database for another county
}  // namespace lz::cli

int main(int argc, char** argv) {
  using namespace lz::cli;
  CLI::App app{
      "两战 Liangzhan: 县级疫情防控与脱贫攻坚指挥平台 / county command platform for the epidemic "
      "and poverty "
      "fronts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "liangzhan 0.1.0");
  app.add_option("--lang", globals().lang, "Language of messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  app.footer(
      "Exit status: 0 ok, 1 bad input or usage, 2 internal error.\n"
      "Run `liangzhan COMMAND --help` for a command's options.");
  Runner run;
  add_init(app, run);
  add_demo(app, run);
  add_stats(app, run);
  add_regions(app, run);
  add_id(app, run);
  add_user(app, run);
  add_serve(app, run);
  add_audit(app, run);
  add_bulletin(app, run);
  add_template(app, run);
  add_import(app, run);
  add_export(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // --lang may not have been parsed yet when the error came: look for it.
    bool zh = globals().lang != "en";
    for (int i = 1; i < argc; ++i) {
      std::string_view a = argv[i];
      if (a == "--lang=en" ||
          (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en"))
        zh = false;
      if (a == "--lang=zh" ||
          (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "zh"))
        zh = true;
    }
    std::fprintf(stderr, "%s: %s\n%s\n", zh ? "错误" : "error",
                 describe_parse_error(e.what(), zh).c_str(), usage_hint(zh).c_str());
    return kExitBadInput;
  }
  try {
    return run ? run() : kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return kExitInternal;
  }
}
