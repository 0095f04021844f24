// The registry's closed vocabularies (relationship to the head, labour
// capacity, education, school enrolment, health, ethnicity, cadre kinds),
// each value with its stored identifier and its Chinese and English labels.
// Stored values are the identifiers (or the national code where there is
// one, as for relationships); parse_* also accept the Chinese label, so
// importers and forms can pass what users write.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lz::enums {

struct Value {
  const char* id;  // stored in the database and used in the API
  const char* zh;  // Simplified Chinese label (UI, imports)
  const char* en;  // English label
};

std::span<const Value> relationships();  // 01 self, 10 spouse, 20 son, ...
// The category (01, 10, ..., 70, 99) of a GB/T 4761 two-digit code or a
// detailed label ("户主", "长子", "儿媳", "22", "51"); nullopt when unknown.
// Input already normalized (text::normalize).
std::optional<std::string> relationship_category(std::string_view normalized);
std::span<const Value> labour_capacities();
std::span<const Value> education_levels();
std::span<const Value> enrolments();
std::span<const Value> health_statuses();
std::span<const Value> ethnicities();  // the 56 nationalities; id is the Chinese name
std::span<const Value> cadre_kinds();

// Finds a value by id or Chinese label (after normalising spaces and full-width
// characters). An ethnicity may be given without 族 ("汉" -> "汉族"); the
// words registers use are read too (劳动技能 在校生/学生 -> none, 健康状况
// 慢性病 -> chronic_illness, 在校生状况 七年级/初二 -> junior_secondary:
// enums.cc kLabourWords, kHealthWords, kEnrolmentWords).
std::optional<Value> find(std::span<const Value> values, std::string_view input);
// Comma-separated ids, for error messages: "01 本人, 10 配偶, ...".
std::string list_zh(std::span<const Value> values);
std::string list_en(std::span<const Value> values);

}  // namespace lz::enums
