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
  j["version"] = m.version;
  j["created_at"] = m.created_at;
  j["created_by"] = m.created_by;
  j["updated_at"] = m.updated_at;
  j["updated_by"] = m.updated_by;
}

// Objects are std::maps ordered by key, so the text never depends on the order
// of insertion. The hot records below are built in place, inserting in key
// order with the end as the hint: each key then goes in without a search, and
// nothing is built twice (no initializer lists, no copied arrays).
namespace {
template <typename V>
void put(json::object_t& o, const char* key, V&& value) {
  o.emplace_hint(o.end(), key, std::forward<V>(value));
}
json id_or_null(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

json to_json(const Region& r) {
  return {{"code", r.code},
          {"division_code", RegionCode::unchecked(r.code).division12()},
          {"name", r.name},
          {"level", level_name(r.level)},
          {"parent_code", r.parent_code.empty() ? json(nullptr) : json(r.parent_code)}};
}

json to_json(const Person& p) {
  json j(json::value_t::object);
  auto& o = *j.get_ptr<json::object_t*>();
  put(o, "birth_date", p.birth_date.iso());
  put(o, "created_at", p.meta.created_at);
  put(o, "created_by", p.meta.created_by);
  put(o, "education", p.education);
  put(o, "enrolment", p.enrolment);
  put(o, "ethnicity", p.ethnicity);
  put(o, "health", p.health);
  put(o, "household_id", id_or_null(p.household_id));
  put(o, "id", p.id);
  put(o, "id_number", p.id_number);
  put(o, "labour", p.labour);
  put(o, "name", p.name);
  put(o, "phone", p.phone);
  put(o, "region_code", p.region_code);
  put(o, "relationship", p.relationship);
  put(o, "sex", p.sex);
  put(o, "updated_at", p.meta.updated_at);
  put(o, "updated_by", p.meta.updated_by);
  put(o, "version", p.meta.version);
  return j;
}

json to_json(const Household& h) {
  json members(json::value_t::array);
  auto& a = *members.get_ptr<json::array_t*>();
  a.reserve(h.members.size());
  for (const auto& m : h.members) a.push_back(to_json(m));
  json j(json::value_t::object);
  auto& o = *j.get_ptr<json::object_t*>();
  put(o, "address", h.address);
  put(o, "created_at", h.meta.created_at);
  put(o, "created_by", h.meta.created_by);
  put(o, "head_person_id", id_or_null(h.head_person_id));
  put(o, "id", h.id);
  put(o, "members", std::move(members));
  put(o, "number", h.number);
  put(o, "phone", h.phone);
  put(o, "region_code", h.region_code);
  put(o, "updated_at", h.meta.updated_at);
  put(o, "updated_by", h.meta.updated_by);
  put(o, "version", h.meta.version);
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
