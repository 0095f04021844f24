#include "exchange/columns.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "exchange/simplified.h"
#include "exchange/table.h"

namespace lz::exchange {

namespace {

std::vector<ColumnSpec> member_columns() {
  return {
      {"name", "姓名", "name", {"成员姓名", "户主姓名/成员姓名"}, true, "张三"},
      {"id_number",
       "公民身份号码",
       "ID number",
       {"身份证号", "身份证号码", "证件号码", "身份证", "idnumber"},
       true,
       "430281199001011239"},
      {"sex", "性别", "sex", {}, false, "男"},
      {"birth_date",
       "出生日期",
       "birth date",
       {"出生年月日", "出生年月", "birthday"},
       false,
       "1990-01-01"},
      {"relationship",
       "与户主关系",
       "relationship to the head",
       {"与户主的关系", "家庭关系"},
       true,
       "本人"},
      {"ethnicity", "民族", "ethnicity", {}, false, "汉族"},
      {"education", "文化程度", "education", {"学历"}, false, "初中"},
      {"enrolment", "在校生状况", "school enrolment", {"在校情况", "在校生情况"}, false, ""},
      {"health", "健康状况", "health", {}, false, "健康"},
      {"labour", "劳动技能", "labour capacity", {"劳动能力"}, false, "普通劳动力"},
      {"phone",
       "联系电话",
       "phone",
       {"电话", "手机", "手机号码", "电话号码"},
       false,
       "13812345678"},
  };
}

std::vector<ColumnSpec> household_columns() {
  return {
      {"number",
       "户编号",
       "household number",
       {"户号", "家庭编号", "household_number"},
       true,
       "4302811261010001"},
      {"region_code",
       "行政区划代码",
       "region code",
       {"区划代码", "村代码", "统计用区划代码"},
       false,
       "430281126201"},
      {"village",
       "所在村",
       "village",
       {"所在村（社区）", "村（社区）", "村社区", "村名", "village_name"},
       false,
       "瓦子坪村"},
      {"address", "家庭住址", "address", {"住址", "地址", "家庭地址"}, false, "瓦子坪村3组"},
  };
}

KindSpec make_households() {
  KindSpec k{"households",
             "户籍成员（按户编号分组）",
             "households with members (grouped by household number)",
             {}};
  k.columns = household_columns();
  for (auto& c : member_columns()) k.columns.push_back(c);
  return k;
}

KindSpec make_persons() {
  KindSpec k{"persons", "人员", "persons", {}};
  k.columns = member_columns();
  k.columns.push_back({"age", "年龄", "age", {"周岁"}, false, "30"});
  for (auto& c : household_columns())
    if (c.key != "address") k.columns.push_back(c);
  return k;
}

}  // namespace

int KindSpec::index(std::string_view key) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].key == key) return static_cast<int>(i);
  return -1;
}

const KindSpec* find_kind(std::string_view kind) {
  static const KindSpec households = make_households();
  static const KindSpec persons = make_persons();
  if (kind == "households") return &households;
  if (kind == "persons") return &persons;
  return nullptr;
}

std::vector<std::string> kind_names() {
  return {"households", "persons"};
}

std::string header_key(std::string_view header) {
  std::string s = text::to_half_width(header);
  // Drop bracketed notes: 收入(元), 所在村(社区), 【必填】.
  for (auto [open, close] :
       {std::pair<std::string, std::string>{"(", ")"}, {"[", "]"}, {"【", "】"}}) {
    for (;;) {
      auto a = s.find(open);
      if (a == std::string::npos) break;
      auto b = s.find(close, a);
      s.erase(a, b == std::string::npos ? std::string::npos : b + close.size() - a);
    }
  }
  s = text::strip_spaces(s);
  s.erase(std::remove(s.begin(), s.end(), '*'), s.end());
  s = to_simplified(s);
  for (auto& c : s) {
    if (c == '-' || c == ' ') c = '_';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

// Every accepted name of each column, in header_key form.
static std::vector<std::vector<std::string>> column_names(const KindSpec& spec) {
  std::vector<std::vector<std::string>> names(spec.columns.size());
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    const auto& c = spec.columns[i];
    names[i].push_back(header_key(c.zh));
    names[i].push_back(header_key(c.key));
    for (const auto& a : c.aliases) names[i].push_back(header_key(a));
  }
  return names;
}

int known_headers(const KindSpec& spec, const std::vector<std::string>& cells) {
  const auto names = column_names(spec);
  std::vector<bool> named(names.size(), false);
  for (const auto& cell : cells) {
    std::string k = header_key(cell);
    if (k.empty()) continue;
    for (size_t i = 0; i < names.size(); ++i)
      if (std::find(names[i].begin(), names[i].end(), k) != names[i].end()) {
        named[i] = true;
        break;
      }
  }
  return static_cast<int>(std::count(named.begin(), named.end(), true));
}

Result<HeaderMatch> match_headers(const KindSpec& spec, const std::vector<std::string>& header,
                                  long header_row) {
  const auto names = column_names(spec);
  HeaderMatch m;
  m.file_column.assign(spec.columns.size(), -1);
  std::vector<Error> errs;
  for (size_t f = 0; f < header.size(); ++f) {
    std::string k = header_key(header[f]);
    if (k.empty()) continue;
    int found = -1;
    for (size_t i = 0; i < names.size() && found < 0; ++i)
      if (std::find(names[i].begin(), names[i].end(), k) != names[i].end())
        found = static_cast<int>(i);
    if (found < 0) {
      m.ignored.push_back(text::normalize(header[f]));
      continue;
    }
    if (m.file_column[found] >= 0) {
      Error e = invalid("header.duplicate", column_letter(f),
                        fmt::format("第{}行：{}列“{}”与{}列重复（都是“{}”）", header_row,
                                    column_letter(f), text::normalize(header[f]),
                                    column_letter(m.file_column[found]), spec.columns[found].zh),
                        fmt::format("Row {}: column {} \"{}\" repeats column {} (both are \"{}\")",
                                    header_row, column_letter(f), text::normalize(header[f]),
                                    column_letter(m.file_column[found]), spec.columns[found].en));
      e.row = header_row;
      errs.push_back(e);
      continue;
    }
    m.file_column[found] = static_cast<int>(f);
  }
  std::vector<std::string> missing_zh, missing_en;
  for (size_t i = 0; i < spec.columns.size(); ++i)
    if (spec.columns[i].required && m.file_column[i] < 0) {
      missing_zh.push_back(spec.columns[i].zh);
      missing_en.push_back(fmt::format("{} ({})", spec.columns[i].zh, spec.columns[i].key));
    }
  if (!missing_zh.empty()) {
    Error e = invalid(
        "header.missing", "header",
        fmt::format("第{}行（表头）缺少必填列：{}", header_row, fmt::join(missing_zh, "、")),
        fmt::format("Row {} (the header) lacks required columns: {}", header_row,
                    fmt::join(missing_en, ", ")));
    e.row = header_row;
    errs.push_back(e);
  }
  if (!errs.empty()) {
    if (errs.size() == 1) return errs.front();
    Error e = invalid("header", "header",
                      fmt::format("第{}行（表头）有{}处问题", header_row, errs.size()),
                      fmt::format("Row {} (the header) has {} problems", header_row, errs.size()));
    e.row = header_row;
    e.details = std::move(errs);
    return e;
  }
  return m;
}

}  // namespace lz::exchange
