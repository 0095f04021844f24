// Command-line usage errors in the user's language.
//
// CLI11 reports a bad command line in English ("--db is required", "The
// following argument was not expected: --bogus"). County staff read Chinese,
// so main() passes every CLI11 ParseError through describe_parse_error(),
// which recognises CLI11's message forms and says the same thing in Chinese
// (or keeps the English). A form it does not know is still shown, after a
// Chinese lead-in, so nothing is lost. Pure text in, text out: no CLI11 types,
// so the table of forms can be tested alone (tests/cli/cli_test.sh checks the
// binary's stderr).
#pragma once

#include <string>
#include <string_view>

namespace lz::cli {

// `message` is CLI11's what(); `zh` selects Chinese. Returns one line without
// a trailing newline, e.g. "缺少必填参数 --db".
std::string describe_parse_error(std::string_view message, bool zh);

// The hint printed after a usage error ("运行 liangzhan --help 查看用法").
std::string usage_hint(bool zh);

}  // namespace lz::cli
