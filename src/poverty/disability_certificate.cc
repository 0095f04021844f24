#include "poverty/disability_certificate.h"

#include <fmt/format.h>

#include "core/id_number.h"
#include "core/text.h"

namespace lz::poverty {

static bool id_number_shape_ok(std::string_view s) {
  for (int i = 0; i < 17; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  if (!(s[17] >= '0' && s[17] <= '9') && s[17] != 'X') return false;
  int province = (s[0] - '0') * 10 + (s[1] - '0');
  if (!is_province_code(province) || s.substr(2, 4) == "0000") return false;
  if (s.substr(14, 3) == "000") return false;
  auto num = [&](int pos, int len) {
    int v = 0;
    for (int i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y = num(6, 4), m = num(10, 2), d = num(12, 2);
  if (y < 1880 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  return IdNumber::check_char(s) == s[17];
}

CertificateProblem check_disability_certificate(std::string_view c,
                                                std::string_view member_id_number) {
  if (c.size() != 20) return CertificateProblem::kLength;
  std::string_view id = c.substr(0, 18);
  if (!id_number_shape_ok(id)) return CertificateProblem::kIdNumber;
  if (!member_id_number.empty() && id != member_id_number) return CertificateProblem::kNotMember;
  if (c[18] < '1' || c[18] > '7') return CertificateProblem::kCategory;
  if (c[19] < '1' || c[19] > '4') return CertificateProblem::kGrade;
  return CertificateProblem::kNone;
}

static const char* kCategoryZh[] = {"视力残疾", "听力残疾", "言语残疾", "肢体残疾",
                                    "智力残疾", "精神残疾", "多重残疾"};
static const char* kCategoryEn[] = {"vision",       "hearing", "speech",  "physical",
                                    "intellectual", "mental",  "multiple"};

const char* disability_category_zh(int c) {
  return c >= 1 && c <= 7 ? kCategoryZh[c - 1] : "";
}
const char* disability_category_en(int c) {
  return c >= 1 && c <= 7 ? kCategoryEn[c - 1] : "";
}

Result<DisabilityCertificate> parse_disability_certificate(std::string_view input,
                                                           std::string_view member_id_number,
                                                           Date today) {
  const char* F = "disability_certificate";
  std::string s = text::strip_spaces(text::to_half_width(input));
  for (char& ch : s)
    if (ch == 'x') ch = 'X';
  if (s.empty())
    return invalid("disability_certificate.missing", F, "残疾人证号不能为空",
                   "The disability certificate number is missing");
  long len = text::utf8_length(s);
  if (len != 20)
    return invalid("disability_certificate.length", F,
                   fmt::format("残疾人证号应为20位（身份证号18位+类别1位+等级1位），实为{}位：“{}”",
                               len < 0 ? 0 : len, s),
                   fmt::format("A disability certificate number has 20 characters (18 of the ID "
                               "number, category, grade); \"{}\" has {}",
                               s, len < 0 ? 0 : len));
  auto id = IdNumber::parse(std::string_view(s).substr(0, 18), today);
  if (!id)
    return invalid("disability_certificate.id_number", F,
                   fmt::format("残疾人证号前18位不是有效的公民身份号码：{}", id.error().message_zh),
                   fmt::format("The first 18 characters of the disability certificate number are "
                               "not a valid ID number: {}",
                               id.error().message_en));
  if (!member_id_number.empty() && id->str() != member_id_number)
    return invalid("disability_certificate.not_member", F,
                   "残疾人证号前18位与该成员的公民身份号码不一致",
                   "The first 18 characters of the disability certificate number are not this "
                   "member's ID number");
  if (s[18] < '1' || s[18] > '7')
    return invalid("disability_certificate.category", F,
                   fmt::format("残疾人证号第19位是残疾类别，应为1-7，实为“{}”", s[18]),
                   fmt::format("Character 19 of the disability certificate number is the category "
                               "and must be 1-7, not \"{}\"",
                               s[18]));
  if (s[19] < '1' || s[19] > '4')
    return invalid("disability_certificate.grade", F,
                   fmt::format("残疾人证号第20位是残疾等级，应为1-4，实为“{}”", s[19]),
                   fmt::format("Character 20 of the disability certificate number is the grade "
                               "and must be 1-4, not \"{}\"",
                               s[19]));
  return DisabilityCertificate{id->str(), s[18] - '0', s[19] - '0'};
}

}  // namespace lz::poverty
