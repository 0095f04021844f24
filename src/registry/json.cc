#include "registry/json.h"

#include <nlohmann/json.hpp>

namespace lz {

using nlohmann::json;

json meta_json(const RecordMeta& m) {
  return {{"version", m.version},
          {"created_at", m.created_at},
          {"created_by", m.created_by},
          {"updated_at", m.updated_at},
          {"updated_by", m.updated_by}};
}

static void add_meta(json& j, const RecordMeta& m) {
  json meta = meta_json(m);
  for (auto& [k, v] : meta.items()) j[k] = v;
}

json to_json(const Region& r) {
  return {{"code", r.code},
          {"division_code", RegionCode::unchecked(r.code).division12()},
          {"name", r.name},
          {"level", level_name(r.level)},
          {"parent_code", r.parent_code.empty() ? json(nullptr) : json(r.parent_code)}};
}

json to_json(const Person& p) {
  json j = {{"id", p.id},
            {"household_id", p.household_id ? json(*p.household_id) : json(nullptr)},
            {"name", p.name},
            {"id_number", p.id_number},
            {"sex", p.sex},
            {"birth_date", p.birth_date.iso()},
            {"relationship", p.relationship},
            {"ethnicity", p.ethnicity},
            {"education", p.education},
            {"enrolment", p.enrolment},
            {"health", p.health},
            {"labour", p.labour},
            {"phone", p.phone},
            {"region_code", p.region_code}};
  add_meta(j, p.meta);
  return j;
}

json to_json(const Household& h) {
  json members = json::array();
  for (const auto& m : h.members) members.push_back(to_json(m));
  json j = {{"id", h.id},
            {"number", h.number},
            {"region_code", h.region_code},
            {"address", h.address},
            {"phone", h.phone},
            {"head_person_id", h.head_person_id ? json(*h.head_person_id) : json(nullptr)},
            {"members", members}};
  add_meta(j, h.meta);
  return j;
}

json to_json(const Cadre& c) {
  json j = {{"id", c.id},     {"name", c.name},           {"unit", c.unit},
            {"phone", c.phone}, {"region_code", c.region_code}, {"kinds", c.kinds}};
  add_meta(j, c.meta);
  return j;
}

json to_json(const VillageTeam& t) {
  json j = {{"id", t.id},
            {"village_code", t.village_code},
            {"name", t.name},
            {"leader_cadre_id", t.leader_cadre_id ? json(*t.leader_cadre_id) : json(nullptr)},
            {"member_cadre_ids", t.member_cadre_ids},
            {"from_date", t.from_date.iso()},
            {"to_date", t.to_date ? json(t.to_date->iso()) : json(nullptr)}};
  add_meta(j, t.meta);
  return j;
}

json to_json(const Pairing& p) {
  json j = {{"id", p.id},
            {"cadre_id", p.cadre_id},
            {"household_id", p.household_id},
            {"from_date", p.from_date.iso()},
            {"to_date", p.to_date ? json(p.to_date->iso()) : json(nullptr)}};
  add_meta(j, p.meta);
  return j;
}

template <typename T>
std::string audit_text(const T& record) {
  return to_json(record).dump();
}
template std::string audit_text(const Person&);
template std::string audit_text(const Household&);
template std::string audit_text(const Cadre&);
template std::string audit_text(const VillageTeam&);
template std::string audit_text(const Pairing&);

}  // namespace lz
