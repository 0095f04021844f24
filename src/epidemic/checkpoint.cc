#include "epidemic/checkpoint.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "epidemic/detail.h"

namespace lz::epidemic {

Status validate_checkpoint(const Checkpoint& c) {
  std::vector<Error> errors;
  if (text::trim(c.name).empty())
    errors.push_back(invalid("checkpoint.name_required", "name", "请填写卡点名称",
                             "Give the checkpoint a name"));
  std::string town = text::strip_spaces(c.township_code);
  if (town.size() != 9 || !text::is_all_digits(town))
    errors.push_back(invalid("checkpoint.township_required", "township_code",
                             "请填写卡点所在的镇（街道）的9位区划代码",
                             "Give the 9-digit code of the checkpoint's township"));
  else if (!c.region_code.empty() && !in_region(c.region_code, town))
    errors.push_back(invalid(
        "checkpoint.region_outside_township", "region_code",
        fmt::format("卡点所在区域{}不在镇（街道）{}内", c.region_code, town),
        fmt::format("The checkpoint's region {} is not in the township {}", c.region_code, town)));
  return detail::first_of(std::move(errors));
}

// ---------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------
static bool same_person(const DutyShift& a, const DutyShift& b) {
  if (a.cadre_id || b.cadre_id) return a.cadre_id == b.cadre_id;
  return text::normalize(a.name) == text::normalize(b.name);
}

Status validate_shift(const DutyShift& s, std::span<const DutyShift> roster,
                      const EpidemicConfig& config) {
  if (!s.cadre_id && text::trim(s.name).empty())
    return invalid("shift.who_required", "name", "请填写执勤人员", "Say who is on duty");
  if (s.end <= s.start)
    return invalid(
        "shift.end_not_after_start", "end",
        fmt::format("执勤结束时间{}不晚于开始时间{}", s.end.iso(), s.start.iso()),
        fmt::format("The shift ends ({}) before it starts ({})", s.end.iso(), s.start.iso()));
  if (s.end - s.start > int64_t{config.max_shift_hours} * 60)
    return invalid("shift.too_long", "end",
                   fmt::format("单个班次不能超过{}小时", config.max_shift_hours),
                   fmt::format("A shift cannot be longer than {} hours", config.max_shift_hours));
  for (const DutyShift& r : roster) {
    if (s.id != 0 && r.id == s.id) continue;
    if (!same_person(s, r)) continue;
    if (r.start < s.end && s.start < r.end)
      return conflict("shift.overlap", "start",
                      fmt::format("该人员在{}至{}已有执勤安排（卡点{}）", r.start.iso(),
                                  r.end.iso(), r.checkpoint_id),
                      fmt::format("This person is already on duty from {} to {} (checkpoint {})",
                                  r.start.iso(), r.end.iso(), r.checkpoint_id));
  }
  return Status::Ok();
}

std::vector<RosterGap> roster_gaps(std::span<const DutyShift> roster, int64_t checkpoint_id,
                                   DateTime from, DateTime to) {
  std::vector<std::pair<DateTime, DateTime>> spans;
  for (const DutyShift& s : roster)
    if (s.checkpoint_id == checkpoint_id && s.start < to && from < s.end)
      spans.emplace_back(std::max(s.start, from), std::min(s.end, to));
  std::sort(spans.begin(), spans.end());
  std::vector<RosterGap> gaps;
  DateTime covered = from;
  for (const auto& [start, end] : spans) {
    if (start > covered) gaps.push_back({covered, start});
    covered = std::max(covered, end);
  }
  if (covered < to) gaps.push_back({covered, to});
  return gaps;
}

std::vector<DutyShift> on_duty(std::span<const DutyShift> roster, int64_t checkpoint_id,
                               DateTime at) {
  std::vector<DutyShift> out;
  for (const DutyShift& s : roster)
    if (s.checkpoint_id == checkpoint_id && s.start <= at && at < s.end) out.push_back(s);
  return out;
}

// ---------------------------------------------------------------------------
// Passages
// ---------------------------------------------------------------------------
static std::string normalize_plate(std::string_view raw) {
  // Half-width, no spaces, upper case; separators people type dropped
  // ("湘B-12345", "湘B·12345").
  std::string s = text::strip_spaces(text::to_half_width(raw));
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xB7") == 0) {  // U+00B7 middle dot
      ++i;
      continue;
    }
    char c = s[i];
    if (c == '-' || c == '.') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

static bool plate_ok(const std::string& p) {
  // One CJK province character (3 bytes in UTF-8), a letter, then 5 or 6
  // letters or digits.
  if (p.size() != 3 + 1 + 5 && p.size() != 3 + 1 + 6) return false;
  auto lead = static_cast<unsigned char>(p[0]);
  if (lead < 0xE4 || lead > 0xE9) return false;
  if (p[3] < 'A' || p[3] > 'Z') return false;
  for (size_t i = 4; i < p.size(); ++i) {
    char c = p[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

Result<Passage> validate_passage(const Passage& input, Date as_of) {
  Passage p = input;
  p.plate = normalize_plate(p.plate);
  p.origin = text::normalize(p.origin);
  p.destination = text::normalize(p.destination);
  std::vector<Error> errors;
  if (p.checkpoint_id <= 0)
    errors.push_back(invalid("passage.checkpoint_required", "checkpoint_id", "请指明卡点",
                             "Say which checkpoint"));
  if (p.at.date() > as_of)
    errors.push_back(detail::date_future("passage.date_future", "at", "通行时间",
                                         "time of the passage", p.at.date(), as_of));
  if (p.travellers.empty())
    errors.push_back(invalid("passage.persons_required", "travellers", "请登记每位通行人员的体温",
                             "Record each person's temperature"));
  if (!p.plate.empty() && !plate_ok(p.plate))
    errors.push_back(
        invalid("passage.plate_invalid", "plate", fmt::format("车牌号“{}”格式不正确", input.plate),
                fmt::format("\"{}\" is not a licence plate (e.g. 湘B12345)", input.plate)));
  for (size_t i = 0; i < p.travellers.size(); ++i) {
    Traveller& t = p.travellers[i];
    t.name = text::normalize(t.name);
    t.id_number = text::strip_spaces(text::to_half_width(t.id_number));
    t.phone = text::strip_spaces(text::to_half_width(t.phone));
    Status st = validate_temperature(t.temperature_tenths,
                                     fmt::format("travellers[{}].temperature_tenths", i));
    if (!st) errors.push_back(st.error());
  }
  Status all = detail::first_of(std::move(errors));
  if (!all) return all.error();
  return p;
}

int fevers(const Passage& p, const EpidemicConfig& config) {
  int n = 0;
  for (const auto& t : p.travellers)
    if (t.temperature_tenths >= config.fever_threshold_tenths) ++n;
  return n;
}

bool from_hubei(const Passage& p) {
  if (p.plate.rfind("鄂", 0) == 0) return true;
  static const char* const kPlaces[] = {
      "湖北", "武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感",
      "荆州", "黄冈", "咸宁", "随州", "恩施", "仙桃", "潜江", "天门", "神农架",
  };
  for (const char* place : kPlaces)
    if (p.origin.find(place) != std::string::npos) return true;
  return false;
}

std::vector<KeyPersonInput> referrals(const Passage& p, const std::string& checkpoint_region,
                                      const EpidemicConfig& config) {
  std::vector<KeyPersonInput> out;
  const bool hubei = config.refer_hubei_at_checkpoint && from_hubei(p);
  const std::string ref = fmt::format("epidemic.passage:{}", p.id);
  for (const Traveller& t : p.travellers) {
    KeyPersonInput k;
    k.id_number = t.id_number;
    k.name = t.name;
    k.phone = t.phone;
    k.region_code = checkpoint_region;
    k.source = KeySource::kCheckpoint;
    k.added_on = p.at.date();
    k.source_ref = ref;
    k.by = p.by;
    if (t.temperature_tenths >= config.fever_threshold_tenths) {
      KeyPersonInput f = k;
      f.category = KeyCategory::kFever;
      f.temperature_tenths = t.temperature_tenths;
      f.note = fmt::format("卡点测温{}℃（{} {}）", format_temperature(t.temperature_tenths),
                           p.at.iso(), p.plate);
      out.push_back(std::move(f));
    }
    if (hubei) {
      KeyPersonInput h = k;
      h.category = KeyCategory::kHubeiReturnee;
      HubeiTravel travel;
      travel.arrived_on = p.at.date();
      travel.from_place = p.origin.empty() ? "湖北" : p.origin;
      travel.mode = p.plate.empty()   ? TravelMode::kOther
                    : p.persons() > 9 ? TravelMode::kBus
                                      : TravelMode::kCar;
      travel.detail = p.plate;
      h.travel = travel;
      h.temperature_tenths = t.temperature_tenths;
      out.push_back(std::move(h));
    }
  }
  return out;
}

PassageRecord to_record(const Passage& p, const std::string& checkpoint_region,
                        const EpidemicConfig& config) {
  return {checkpoint_region, p.at.date(), p.persons(), fevers(p, config)};
}

}  // namespace lz::epidemic
