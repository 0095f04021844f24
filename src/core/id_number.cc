#include "core/id_number.h"

#include <fmt/format.h>

#include "core/text.h"

namespace lz {

bool is_province_code(int c) {
  switch (c) {
    case 11: case 12: case 13: case 14: case 15:
    case 21: case 22: case 23:
    case 31: case 32: case 33: case 34: case 35: case 36: case 37:
    case 41: case 42: case 43: case 44: case 45: case 46:
    case 50: case 51: case 52: case 53: case 54:
    case 61: case 62: case 63: case 64: case 65:
    case 71: case 81: case 82:
      return true;
    default:
      return false;
  }
}

char IdNumber::check_char(std::string_view d) {
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char map[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (d[i] - '0') * w[i];
  return map[sum % 11];
}

Result<IdNumber> IdNumber::parse(std::string_view input, Date today) {
  const char* F = "id_number";
  std::string s = text::strip_spaces(input);
  if (s.empty())
    return invalid("id_number.missing", F, "公民身份号码不能为空", "The ID number is missing");
  if (!s.empty() && s.back() == 'x') s.back() = 'X';
  // Excel turns long numbers into 4.30281E+17: the last digits are lost for good.
  if (s.find_first_of("Ee") != std::string::npos && s.find('+') != std::string::npos)
    return invalid("id_number.scientific", F,
                   fmt::format("公民身份号码“{}”已被Excel改成科学计数法，后几位已丢失，无法恢复：请将该列设为文本后重新录入", s),
                   fmt::format("The ID number \"{}\" was turned into scientific notation by Excel and its last "
                               "digits are lost: format the column as text and enter it again", s));
  // An export without --full-ids (or a list on screen) shows 430281********1234:
  // the birth date and sequence are gone, so say so instead of "not a digit".
  if (s.find('*') != std::string::npos)
    return invalid(
        "id_number.masked", F,
        fmt::format("公民身份号码“{}”已打码（含*），无法确定是谁：请填写完整的18位号码"
                    "（导出时加 --full-ids 可得完整号码）",
                    s),
        fmt::format("The ID number \"{}\" is masked (it contains *), so nobody can be told "
                    "from it: give the full 18 characters (export with --full-ids to get them)",
                    s));
  long len = text::utf8_length(s);
  if (len != 18)
    return invalid("id_number.length", F,
                   fmt::format("公民身份号码应为18位，实为{}位：“{}”", len < 0 ? 0 : len, s),
                   fmt::format("An ID number has 18 characters; \"{}\" has {}", s, len < 0 ? 0 : len));
  for (int i = 0; i < 17; ++i)
    if (s[i] < '0' || s[i] > '9')
      return invalid("id_number.chars", F,
                     fmt::format("公民身份号码第{}位应为数字：“{}”", i + 1, s),
                     fmt::format("Character {} of the ID number \"{}\" must be a digit", i + 1, s));
  if (!(s[17] >= '0' && s[17] <= '9') && s[17] != 'X')
    return invalid("id_number.chars", F,
                   fmt::format("公民身份号码第18位应为数字或X：“{}”", s),
                   fmt::format("The last character of the ID number \"{}\" must be a digit or X", s));
  int prov = (s[0] - '0') * 10 + (s[1] - '0');
  if (!is_province_code(prov) || s.compare(2, 4, "0000") == 0)
    return invalid("id_number.division", F,
                   fmt::format("公民身份号码前6位“{}”不是有效的行政区划代码", s.substr(0, 6)),
                   fmt::format("The first six digits \"{}\" of the ID number are not a valid division code",
                               s.substr(0, 6)));
  int y = std::stoi(s.substr(6, 4)), m = std::stoi(s.substr(10, 2)), d = std::stoi(s.substr(12, 2));
  auto birth = Date::from_ymd(y, m, d);
  if (!birth || y < 1880)
    return invalid("id_number.birth_date", F,
                   fmt::format("公民身份号码中的出生日期“{}”不是有效日期", s.substr(6, 8)),
                   fmt::format("The birth date \"{}\" in the ID number is not a valid date", s.substr(6, 8)));
  if (*birth > today)
    return invalid("id_number.birth_future", F,
                   fmt::format("公民身份号码中的出生日期{}晚于今天", birth->iso()),
                   fmt::format("The birth date {} in the ID number is in the future", birth->iso()));
  if (s.compare(14, 3, "000") == 0)
    return invalid("id_number.sequence", F, "公民身份号码第15-17位顺序码不能为000",
                   "The sequence digits 15-17 of the ID number cannot be 000");
  char want = check_char(s);
  if (s[17] != want)
    return invalid("id_number.checksum", F,
                   fmt::format("公民身份号码“{}”校验码错误：第18位应为{}，请核对是否抄错", s, want),
                   fmt::format("The check character of the ID number \"{}\" is wrong: the 18th character "
                               "should be {}; please check for a typing error", s, want));
  return IdNumber(std::move(s), *birth);
}

IdNumber IdNumber::make(std::string_view division6, Date birth, int sequence3) {
  std::string s = fmt::format("{}{:04}{:02}{:02}{:03}", division6, birth.year(), birth.month(), birth.day(),
                              sequence3 % 1000);
  s.push_back(check_char(s));
  return IdNumber(std::move(s), birth);
}

std::string IdNumber::masked() const {
  return mask_id_number(s_);
}

std::string mask_id_number(std::string_view id) {
  if (id.empty()) return "";
  if (id.size() != 18) return "******";
  return std::string(id.substr(0, 6)) + "********" + std::string(id.substr(14, 4));
}

}  // namespace lz
