#include "epidemic/key_person.h"

#include <fmt/format.h>

#include "core/id_number.h"
#include "core/text.h"
#include "epidemic/detail.h"
#include "epidemic/units.h"

namespace lz::epidemic {

Result<KeyPersonInput> validate_key_person(const KeyPersonInput& input, Date as_of) {
  KeyPersonInput in = input;
  in.name = text::normalize(in.name);
  in.phone = text::strip_spaces(text::to_half_width(in.phone));
  in.region_code = text::strip_spaces(text::to_half_width(in.region_code));
  in.note = text::trim(in.note);
  std::vector<Error> errors;

  std::string raw_id = text::strip_spaces(text::to_half_width(in.id_number));
  if (!in.person_id && raw_id.empty()) {
    errors.push_back(invalid("key_person.person_required", "id_number",
                             "请填写重点人员的公民身份号码", "Give the key person's ID number"));
  } else if (!raw_id.empty()) {
    auto id = IdNumber::parse(raw_id, as_of);
    if (!id.ok()) {
      Error e = id.error();
      e.field = "id_number";
      errors.push_back(std::move(e));
    } else {
      in.id_number = id->str();
    }
  }
  if (!in.person_id && in.name.empty())
    errors.push_back(invalid("key_person.name_required", "name", "请填写重点人员的姓名",
                             "Give the key person's name"));
  if (!in.person_id && in.region_code.empty())
    errors.push_back(invalid("key_person.region_required", "region_code",
                             "请填写重点人员居住或暂住的村（社区）",
                             "Give the village or community where the key person lives or stays"));
  if (in.added_on > as_of)
    errors.push_back(detail::date_future("key_person.date_future", "added_on", "登记日期",
                                         "listing date", in.added_on, as_of));

  if (in.category == KeyCategory::kHubeiReturnee) {
    if (!in.travel) {
      errors.push_back(invalid("key_person.travel_required", "travel",
                               "湖北返乡人员须填写返乡日期和出发地",
                               "A returnee from Hubei needs the day of arrival and where from"));
    } else {
      in.travel->from_place = text::normalize(in.travel->from_place);
      in.travel->detail = text::normalize(in.travel->detail);
      if (in.travel->from_place.empty())
        errors.push_back(invalid("key_person.travel_required", "travel.from_place",
                                 "请填写从湖北何地返乡", "Say where in Hubei they came from"));
      if (in.travel->arrived_on > as_of)
        errors.push_back(detail::date_future("key_person.date_future", "travel.arrived_on",
                                             "返乡日期", "day of arrival", in.travel->arrived_on,
                                             as_of));
      else if (in.travel->arrived_on > in.added_on)
        errors.push_back(invalid(
            "key_person.exposure_after_added", "travel.arrived_on",
            fmt::format("返乡日期{}晚于登记日期{}", in.travel->arrived_on.iso(), in.added_on.iso()),
            fmt::format("The day of arrival {} is after the listing date {}",
                        in.travel->arrived_on.iso(), in.added_on.iso())));
    }
  }
  if (in.category == KeyCategory::kCloseContact && !in.last_exposure)
    errors.push_back(invalid("key_person.exposure_required", "last_exposure",
                             "密切接触者须填写末次接触日期",
                             "A close contact needs the day of the last exposure"));
  if (in.last_exposure) {
    if (*in.last_exposure > as_of)
      errors.push_back(detail::date_future("key_person.date_future", "last_exposure",
                                           "末次接触日期", "last exposure", *in.last_exposure,
                                           as_of));
    else if (*in.last_exposure > in.added_on)
      errors.push_back(invalid(
          "key_person.exposure_after_added", "last_exposure",
          fmt::format("末次接触日期{}晚于登记日期{}", in.last_exposure->iso(), in.added_on.iso()),
          fmt::format("The last exposure {} is after the listing date {}", in.last_exposure->iso(),
                      in.added_on.iso())));
  }
  if (in.temperature_tenths) {
    Status st = validate_temperature(*in.temperature_tenths, "temperature_tenths");
    if (!st) errors.push_back(st.error());
  }
  Status all = detail::first_of(std::move(errors));
  if (!all) return all.error();
  return in;
}

Result<PersonLink> link_person(const KeyPersonInput& in, const Person* existing) {
  PersonLink link;
  if (existing) {
    if (!in.name.empty() && text::normalize(existing->name) != in.name) {
      return conflict("key_person.name_mismatch", "name",
                      fmt::format("公民身份号码{}在户籍库中登记的姓名是“{}”，不是“{}”，请核对",
                                  existing->id_number, existing->name, in.name),
                      fmt::format("The ID number {} is registered to \"{}\", not \"{}\": check "
                                  "the name and the number",
                                  existing->id_number, existing->name, in.name));
    }
    link.existing_person_id = existing->id;
    return link;
  }
  auto id = IdNumber::parse(in.id_number, in.added_on.plus_days(1));
  if (!id.ok()) {
    Error e = id.error();
    e.field = "id_number";
    return e;
  }
  Person p;
  p.name = in.name;
  p.id_number = id->str();
  p.sex = id->sex() == Sex::kMale ? "male" : "female";
  p.birth_date = id->birth_date();
  p.phone = in.phone;
  p.region_code = in.region_code;
  link.new_person = std::move(p);
  return link;
}

Result<KeyPerson> make_key_person(const KeyPersonInput& in, int64_t person_id,
                                  std::span<const KeyPerson> existing) {
  for (const KeyPerson& k : existing) {
    if (k.person_id == person_id && k.category == in.category)
      return conflict("key_person.duplicate", "category",
                      fmt::format("此人已于{}登记为“{}”", k.added_on.iso(), zh(k.category)),
                      fmt::format("This person was already listed as {} on {}", en(k.category),
                                  k.added_on.iso()));
  }
  KeyPerson k;
  k.person_id = person_id;
  k.region_code = in.region_code;
  k.category = in.category;
  k.source = in.source;
  k.added_on = in.added_on;
  k.travel = in.travel;
  k.last_exposure = in.last_exposure;
  k.contact_of = in.contact_of;
  k.temperature_tenths = in.temperature_tenths;
  k.symptoms = in.symptoms;
  k.source_ref = in.source_ref;
  k.note = in.note;
  k.added_by = in.by;
  return k;
}

std::optional<KeyCategory> category_for(CaseStatus s) {
  switch (s) {
    case CaseStatus::kSuspected:
      return KeyCategory::kSuspected;
    case CaseStatus::kConfirmed:
      return KeyCategory::kConfirmed;
    default:
      return std::nullopt;
  }
}

bool needs_observation(KeyCategory c) {
  return c == KeyCategory::kCloseContact || c == KeyCategory::kHubeiReturnee;
}

std::optional<Date> exposure_date(const KeyPerson& k) {
  if (k.category == KeyCategory::kCloseContact) return k.last_exposure;
  if (k.category == KeyCategory::kHubeiReturnee && k.travel) return k.travel->arrived_on;
  return std::nullopt;
}

KeyPersonRecord to_record(const KeyPerson& k) {
  return {k.person_id, k.region_code, k.category, k.added_on};
}

}  // namespace lz::epidemic
