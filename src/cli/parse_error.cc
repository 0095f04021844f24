// See parse_error.h. Each row of kForms is one CLI11 message form as a regular
// expression and its Chinese wording with $1, $2 … for the captured parts.
#include "cli/parse_error.h"

#include <regex>

namespace lz::cli {

namespace {

struct Form {
  const char* pattern;
  const char* zh;
};

// Order matters: the first matching form wins.
const Form kForms[] = {
    {R"(^A subcommand is required$)", "缺少子命令"},
    {R"(^Requires at least (\d+) subcommands?$)", "缺少子命令（至少需要$1个）"},
    {R"(^(\S+) is required$)", "缺少必填参数 $1"},
    {R"(^The following arguments? (?:was|were) not expected: (.*)$)", "无法识别的参数：$1"},
    {R"(^(\S+): (.+) not in \{(.*)\}$)", "参数 $1 的值“$2”无效，可选值：$3"},
    {R"(^(\S+): Value (.+) not in range (.+) to (.+)$)", "参数 $1 的值 $2 超出范围（$3 至 $4）"},
    {R"(^(\S+): Failed parsing (?:number \()?(.+?)\)?(?: as a .*)?$)",
     "参数 $1 的值“$2”不是有效的数字"},
    {R"(^The value (.+) is not an allowed value for (\S+)$)", "参数 $2 的值“$1”无效"},
    {R"(^Could not convert: (\S+) = (.*)$)", "参数 $1 的值“$2”格式不对"},
    {R"(^(\S+): (\d+) required (\S+) missing$)", "参数 $1 缺少取值"},
    {R"(^(\S+) requires (\S+)$)", "参数 $1 需要同时给出 $2"},
    {R"(^(\S+) excludes (\S+)$)", "参数 $1 与 $2 不能同时使用"},
    {R"(^(\S+): (.+)$)", "参数 $1 有误：$2"},
};

}  // namespace

std::string describe_parse_error(std::string_view message, bool zh) {
  std::string m(message);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (!zh) return m;
  for (const auto& f : kForms) {
    std::regex re(f.pattern);
    std::smatch match;
    if (std::regex_match(m, match, re)) return match.format(f.zh);
  }
  return "命令行有误：" + m;
}

std::string usage_hint(bool zh) {
  return zh ? "运行 liangzhan --help 或 liangzhan 子命令 --help 查看用法"
            : "Run liangzhan --help or liangzhan COMMAND --help for usage";
}

}  // namespace lz::cli
