// Error::describe: the one line the CLI prints for an error. A message that
// already names its row is printed as it is; otherwise the row and the field
// are put in front. Each row of the table: the error, the language, the line.
#include <gtest/gtest.h>

#include "core/error.h"

namespace lz {
namespace {

Error with(long row, std::string field, std::string zh, std::string en) {
  Error e = invalid("x", std::move(field), std::move(zh), std::move(en));
  e.row = row;
  return e;
}

TEST(ErrorDescribe, RowAndFieldSaidOnce) {
  struct Case {
    Error e;
    Lang lang;
    std::string line;
  };
  const Case cases[] = {
      {with(5, "D", "公民身份号码无效", "bad ID number"), Lang::kZh, "第5行，D: 公民身份号码无效"},
      {with(5, "D", "公民身份号码无效", "bad ID number"), Lang::kEn, "row 5, D: bad ID number"},
      {with(1, "header", "第1行（表头）缺少“姓名”列", "Row 1 (the header) lacks 姓名"), Lang::kZh,
       "第1行（表头）缺少“姓名”列"},
      {with(1, "header", "第1行（表头）缺少“姓名”列", "Row 1 (the header) lacks 姓名"), Lang::kEn,
       "Row 1 (the header) lacks 姓名"},
      {with(12, "D", "第1行：D列重复", "row 1: column D twice"), Lang::kZh,
       "第12行，D: 第1行：D列重复"},
      {with(-1, "db", "缺少--db", "--db is missing"), Lang::kZh, "db: 缺少--db"},
      {with(-1, "", "出错了", "failed"), Lang::kEn, "failed"},
  };
  for (const auto& c : cases) EXPECT_EQ(c.e.describe(c.lang), c.line);
}

}  // namespace
}  // namespace lz
