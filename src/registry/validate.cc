#include "registry/validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/id_number.h"
#include "core/text.h"
#include "registry/enums.h"

namespace lz {

Error combine(std::vector<Error> errors) {
  if (errors.size() == 1) return errors.front();
  Error e = invalid("validation", "", fmt::format("有{}处填写错误", errors.size()),
                    fmt::format("{} fields are invalid", errors.size()));
  e.details = std::move(errors);
  return e;
}

bool is_valid_phone(const std::string& p) {
  if (p.size() == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' && text::is_all_digits(p))
    return true;
  // Landline: 0 + area code (2-3 more digits) + optional '-' + 7-8 digit local number.
  auto dash = p.find('-');
  if (dash != std::string::npos) {
    std::string area = p.substr(0, dash), local = p.substr(dash + 1);
    return area.size() >= 3 && area.size() <= 4 && area[0] == '0' && text::is_all_digits(area) &&
           local.size() >= 7 && local.size() <= 8 && text::is_all_digits(local) && local[0] != '0';
  }
  return p.size() >= 10 && p.size() <= 12 && p[0] == '0' && text::is_all_digits(p);
}

std::string mask_phone(const std::string& p) {
  if (p.size() == 11 && p[0] == '1') return p.substr(0, 3) + "****" + p.substr(7);
  if (p.size() > 4) return p.substr(0, p.size() - 4) + "****";
  return "****";
}

static void check_enum(std::vector<Error>& errs, std::string& out, const std::string& in,
                       const char* field, std::span<const enums::Value> values, const char* what_zh,
                       const char* what_en) {
  if (text::normalize(in).empty()) return;
  auto v = enums::find(values, in);
  if (!v) {
    errs.push_back(invalid(fmt::format("{}.unknown", field), field,
                           fmt::format("{}“{}”无效，可选：{}", what_zh, in, enums::list_zh(values)),
                           fmt::format("Unknown {} \"{}\"; expected one of: {}", what_en, in,
                                       enums::list_en(values))));
    return;
  }
  out = v->id;
}

Result<Person> validate_person(const PersonInput& in, Date today) {
  std::vector<Error> errs;
  Person p;
  p.name = text::normalize(in.name);
  long name_len = text::utf8_length(p.name);
  if (p.name.empty())
    errs.push_back(invalid("name.missing", "name", "姓名不能为空", "The name is missing"));
  else if (name_len < 0 || name_len > 30)
    errs.push_back(invalid("name.length", "name", "姓名过长（最多30个字）",
                           "The name is too long (30 characters at most)"));

  auto id = IdNumber::parse(in.id_number, today);
  if (!id) {
    errs.push_back(id.error());
  } else {
    p.id_number = id->str();
    p.sex = id->sex() == Sex::kMale ? "male" : "female";
    p.birth_date = id->birth_date();
    std::string sex = text::normalize(in.sex);
    if (!sex.empty()) {
      std::string given = (sex == "男" || sex == "male" || sex == "M" || sex == "1")     ? "male"
                          : (sex == "女" || sex == "female" || sex == "F" || sex == "2") ? "female"
                                                                                         : "";
      if (given.empty())
        errs.push_back(invalid("sex.unknown", "sex", fmt::format("性别“{}”无效，应为男或女", sex),
                               fmt::format("Unknown sex \"{}\": expected male or female", sex)));
      else if (given != p.sex)
        errs.push_back(
            invalid("sex.mismatch", "sex",
                    fmt::format("性别“{}”与公民身份号码不符（号码第17位表示{}）", sex,
                                p.sex == "male" ? "男" : "女"),
                    fmt::format("Sex \"{}\" does not match the ID number (its 17th digit says {})",
                                sex, p.sex)));
    }
    std::string bd = text::strip_spaces(in.birth_date);
    if (!bd.empty()) {
      auto d = Date::parse_iso(bd);
      if (!d)
        errs.push_back(
            invalid("birth_date.format", "birth_date",
                    fmt::format("出生日期“{}”格式无效，应为YYYY-MM-DD", bd),
                    fmt::format("Birth date \"{}\" is not a date of the form YYYY-MM-DD", bd)));
      else if (*d != p.birth_date)
        errs.push_back(
            invalid("birth_date.mismatch", "birth_date",
                    fmt::format("出生日期{}与公民身份号码中的{}不符", d->iso(), p.birth_date.iso()),
                    fmt::format("Birth date {} does not match {} in the ID number", d->iso(),
                                p.birth_date.iso())));
    }
  }
  if (text::normalize(in.relationship).empty()) p.relationship = "99";
  check_enum(errs, p.relationship, in.relationship, "relationship", enums::relationships(),
             "与户主关系", "relationship to the head");
  check_enum(errs, p.ethnicity, in.ethnicity, "ethnicity", enums::ethnicities(), "民族",
             "ethnicity");
  check_enum(errs, p.education, in.education, "education", enums::education_levels(), "文化程度",
             "education");
  check_enum(errs, p.enrolment, in.enrolment, "enrolment", enums::enrolments(), "在校生状况",
             "school enrolment");
  check_enum(errs, p.health, in.health, "health", enums::health_statuses(), "健康状况",
             "health status");
  check_enum(errs, p.labour, in.labour, "labour", enums::labour_capacities(), "劳动技能",
             "labour capacity");
  p.phone = text::strip_spaces(in.phone);
  if (p.phone.find('*') != std::string::npos)  // 138****0001 from a masked export
    errs.push_back(
        invalid("phone.masked", "phone",
                fmt::format("联系电话“{}”已打码（含*）：请填写完整号码或留空"
                            "（导出时加 --full-ids 可得完整号码）",
                            p.phone),
                fmt::format("Phone \"{}\" is masked (it contains *): give the full number or "
                            "leave it empty (export with --full-ids to get it)",
                            p.phone)));
  else if (!p.phone.empty() && !is_valid_phone(p.phone))
    errs.push_back(invalid(
        "phone.invalid", "phone",
        fmt::format("联系电话“{}”无效：手机号应为1开头的11位数字，座机应带区号", p.phone),
        fmt::format("Phone \"{}\" is invalid: a mobile number has 11 digits starting with 1, "
                    "a landline needs its area code",
                    p.phone)));
  if (!errs.empty()) return combine(std::move(errs));
  return p;
}

Result<Household> validate_household(const HouseholdInput& in, const RegionTree& regions,
                                     Date today) {
  std::vector<Error> errs;
  Household h;
  h.number = text::strip_spaces(in.number);
  if (h.number.empty())
    errs.push_back(
        invalid("number.missing", "number", "户编号不能为空", "The household number is missing"));
  else if (h.number.size() > 40)
    errs.push_back(invalid("number.length", "number", "户编号过长（最多40位）",
                           "The household number is too long"));
  auto code = RegionCode::parse(in.region_code);
  if (!code) {
    errs.push_back(code.error());
  } else if (code->level() != RegionLevel::kVillage && code->level() != RegionLevel::kGroup) {
    errs.push_back(invalid("region_code.level", "region_code",
                           fmt::format("户必须属于村（社区）或组，“{}”是{}", code->str(),
                                       code->level() == RegionLevel::kCounty ? "县" : "乡镇"),
                           fmt::format("A household belongs to a village or group; \"{}\" is a {}",
                                       code->str(), level_name(code->level()))));
  } else if (!regions.find(code->str().substr(0, 12))) {
    // Groups are added per database; the store checks that the group exists.
    errs.push_back(not_found("region_code.unknown", "region_code",
                             fmt::format("区划代码“{}”不存在", code->str()),
                             fmt::format("There is no region with code \"{}\"", code->str())));
  } else {
    h.region_code = code->str();
  }
  h.address = text::normalize(in.address);
  h.phone = text::strip_spaces(in.phone);
  if (!h.phone.empty() && !is_valid_phone(h.phone))
    errs.push_back(invalid("phone.invalid", "phone", fmt::format("联系电话“{}”无效", h.phone),
                           fmt::format("Phone \"{}\" is invalid", h.phone)));
  int heads = 0;
  // The ID numbers of the members kept so far: searched one by one (a
  // household has a few), or for a large one (a file giving every row one
  // 户编号) in a set of views into h.members (reserved: they do not move).
  const bool large = in.members.size() > 32;
  std::set<std::string_view> kept_ids;
  auto seen_before = [&](const std::string& id) {
    if (large) return kept_ids.count(id) > 0;
    for (const auto& m : h.members)
      if (m.id_number == id) return true;
    return false;
  };
  h.members.reserve(in.members.size());
  for (size_t i = 0; i < in.members.size(); ++i) {
    auto p = validate_person(in.members[i], today);
    if (!p) {
      std::string at = fmt::format("members[{}]", i);
      Error e = p.error();
      if (e.details.empty()) {
        errs.push_back(e.at(at));
      } else {
        for (auto& d : e.details) errs.push_back(d.at(at));
      }
      continue;
    }
    if (p->relationship == "01") ++heads;
    if (seen_before(p->id_number))
      errs.push_back(
          conflict("id_number.duplicate_in_household", fmt::format("members[{}].id_number", i),
                   fmt::format("公民身份号码{}在本户中重复出现", p->id_number),
                   fmt::format("The ID number {} appears twice in this household", p->id_number)));
    h.members.push_back(std::move(p).value());
    if (large) kept_ids.insert(h.members.back().id_number);
  }
  if (!in.members.empty() && heads != 1)
    errs.push_back(invalid(
        "members.head", "members",
        fmt::format("每户必须有且仅有一名户主（与户主关系为01本人），本户有{}名", heads),
        fmt::format("A household needs exactly one head (relationship 01 self); this one has {}",
                    heads)));
  if (!errs.empty()) return combine(std::move(errs));
  return h;
}

Result<Cadre> validate_cadre(const CadreInput& in, const RegionTree& regions) {
  std::vector<Error> errs;
  Cadre c;
  c.name = text::normalize(in.name);
  if (c.name.empty())
    errs.push_back(invalid("name.missing", "name", "姓名不能为空", "The name is missing"));
  c.unit = text::normalize(in.unit);
  c.phone = text::strip_spaces(in.phone);
  if (!c.phone.empty() && !is_valid_phone(c.phone))
    errs.push_back(invalid("phone.invalid", "phone", fmt::format("联系电话“{}”无效", c.phone),
                           fmt::format("Phone \"{}\" is invalid", c.phone)));
  auto code = RegionCode::parse(in.region_code);
  if (!code)
    errs.push_back(code.error());
  else if (!regions.find(code->str()))
    errs.push_back(not_found("region_code.unknown", "region_code",
                             fmt::format("区划代码“{}”不存在", code->str()),
                             fmt::format("There is no region with code \"{}\"", code->str())));
  else
    c.region_code = code->str();
  for (const auto& k : in.kinds) {
    auto v = enums::find(enums::cadre_kinds(), k);
    if (!v)
      errs.push_back(invalid(
          "kinds.unknown", "kinds",
          fmt::format("干部类别“{}”无效，可选：{}", k, enums::list_zh(enums::cadre_kinds())),
          fmt::format("Unknown cadre kind \"{}\"; expected one of: {}", k,
                      enums::list_en(enums::cadre_kinds()))));
    else if (std::find(c.kinds.begin(), c.kinds.end(), v->id) == c.kinds.end())
      c.kinds.push_back(v->id);
  }
  if (!errs.empty()) return combine(std::move(errs));
  return c;
}

}  // namespace lz
