#include "epidemic/json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace lz::epidemic {

using nlohmann::json;

namespace {

json opt_date(const std::optional<Date>& d) {
  return d ? json(d->iso()) : json(nullptr);
}
json opt_i64(const std::optional<int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}
json temp(int tenths) {
  return tenths / 10.0;
}
json opt_temp(const std::optional<int>& t) {
  return t ? temp(*t) : json(nullptr);
}

Error field_error(const std::string& path, const std::string& zh, const std::string& en) {
  return invalid("request.field", path, fmt::format("{}：{}", path, zh),
                 fmt::format("{}: {}", path, en));
}

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}
bool has(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty());
}

template <typename E>
Result<E> enum_input(const json& j, const char* key, const std::string& path, E fallback,
                     bool required = false) {
  if (!has(j, key)) {
    if (required) return field_error(path, "必填", "is required");
    return fallback;
  }
  std::string v = text(j, key);
  auto e = parse<E>(v);
  if (!e) {
    // Chinese messages offer the Chinese labels (each is accepted as well as its id).
    std::string allowed, allowed_zh;
    for (const auto& x : vocabulary<E>()) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(x.id);
      allowed_zh += (allowed_zh.empty() ? "" : "、") + std::string(x.zh);
    }
    return field_error(path, fmt::format("“{}”不是可选值（{}）", v, allowed_zh),
                       fmt::format("\"{}\" is not one of {}", v, allowed));
  }
  return *e;
}

Result<std::optional<int64_t>> opt_id(const json& j, const char* key, const std::string& path) {
  if (!has(j, key)) return std::optional<int64_t>();
  const json& v = j.at(key);
  if (v.is_number_integer() && v.get<int64_t>() > 0)
    return std::optional<int64_t>(v.get<int64_t>());
  if (v.is_string()) {
    try {
      size_t n = 0;
      int64_t x = std::stoll(v.get<std::string>(), &n);
      if (n == v.get<std::string>().size() && x > 0) return std::optional<int64_t>(x);
    } catch (...) {
    }
  }
  return field_error(path, "应为正整数编号", "must be a positive integer id");
}

Result<std::optional<Date>> opt_date_input(const json& j, const char* key,
                                           const std::string& path) {
  if (!has(j, key)) return std::optional<Date>();
  auto d = date_input(j.at(key), path);
  if (!d) return d.error();
  return std::optional<Date>(*d);
}

}  // namespace

json label_json(const enums::Value& v) {
  return {{"id", v.id}, {"zh", v.zh}, {"en", v.en}};
}

json symptoms_json(SymptomSet s) {
  json a = json::array();
  for (size_t i = 0; i < vocabulary<Symptom>().size(); ++i)
    if (s.has(static_cast<Symptom>(i))) a.push_back(vocabulary<Symptom>()[i].id);
  return a;
}

json to_json(const HubeiTravel& t) {
  return {{"arrived_on", t.arrived_on.iso()},
          {"from_place", t.from_place},
          {"mode", id(t.mode)},
          {"detail", t.detail}};
}

json to_json(const KeyPerson& k) {
  return {{"id", k.id},
          {"person_id", k.person_id},
          {"region_code", k.region_code},
          {"category", id(k.category)},
          {"category_label", label_json(label(k.category))},
          {"source", id(k.source)},
          {"added_on", k.added_on.iso()},
          {"travel", k.travel ? to_json(*k.travel) : json(nullptr)},
          {"last_exposure", opt_date(k.last_exposure)},
          {"contact_of", opt_i64(k.contact_of)},
          {"temperature", opt_temp(k.temperature_tenths)},
          {"symptoms", symptoms_json(k.symptoms)},
          {"source_ref", k.source_ref},
          {"note", k.note},
          {"added_by", k.added_by}};
}

json to_json(const Case& c) {
  json steps = json::array();
  for (const CaseStep& s : c.steps)
    steps.push_back({{"status", id(s.status)},
                     {"on", s.on.iso()},
                     {"place", s.place},
                     {"by", s.by},
                     {"note", s.note}});
  return {{"id", c.id},
          {"person_id", c.person_id},
          {"region_code", c.region_code},
          {"status", id(c.status)},
          {"status_label", label_json(label(c.status))},
          {"final", is_final(c.status)},
          {"steps", steps}};
}

json to_json(const Contact& c) {
  return {{"id", c.id},       {"person_a", c.person_a},   {"person_b", c.person_b},
          {"on", c.on.iso()}, {"setting", id(c.setting)}, {"closeness", id(c.closeness)},
          {"place", c.place}, {"note", c.note},           {"by", c.by}};
}

json to_json(const Observation& o) {
  json ext = json::array();
  for (const auto& e : o.extensions)
    ext.push_back({{"found_on", e.found_on.iso()},
                   {"exposure_on", e.exposure_on.iso()},
                   {"old_end", e.old_end.iso()},
                   {"new_end", e.new_end.iso()},
                   {"note", e.note}});
  return {{"id", o.id},
          {"person_id", o.person_id},
          {"region_code", o.region_code},
          {"kind", id(o.kind)},
          {"site", o.site},
          {"room", o.room},
          {"last_exposure", o.last_exposure.iso()},
          {"start", o.start.iso()},
          {"planned_end", o.planned_end.iso()},
          {"last_day", o.planned_end.plus_days(-1).iso()},
          {"released_on", opt_date(o.released_on)},
          {"release_reason", o.release_reason},
          {"released_by", o.released_by},
          {"extensions", ext},
          {"basis", o.basis},
          {"by", o.by}};
}

json to_json(const FollowUp& f) {
  return {{"id", f.id},
          {"observation_id", f.observation_id},
          {"person_id", f.person_id},
          {"day", f.day.iso()},
          {"temperature", temp(f.temperature_tenths)},
          {"symptoms", symptoms_json(f.symptoms)},
          {"by", f.by},
          {"at", f.at.iso()},
          {"note", f.note}};
}

json to_json(const Campaign& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"region_code", c.region_prefix},
          {"start_on", c.start_on.iso()},
          {"end_on", c.end_on.iso()},
          {"by", c.by}};
}

json to_json(const CallOutcome& o) {
  json ret = json::array(), sym = json::array(), needs = json::array();
  for (const auto& r : o.returnees)
    ret.push_back({{"person_id", opt_i64(r.person_id)},
                   {"name", r.name},
                   {"id_number", r.id_number},
                   {"phone", r.phone},
                   {"travel", to_json(r.travel)}});
  for (const auto& s : o.symptomatic)
    sym.push_back({{"person_id", opt_i64(s.person_id)},
                   {"name", s.name},
                   {"id_number", s.id_number},
                   {"temperature", opt_temp(s.temperature_tenths)},
                   {"symptoms", symptoms_json(s.symptoms)}});
  for (const auto& n : o.needs) needs.push_back({{"kind", id(n.kind)}, {"note", n.note}});
  return {{"id", o.id},
          {"campaign_id", o.campaign_id},
          {"household_id", o.household_id},
          {"cadre_id", o.cadre_id},
          {"at", o.at.iso()},
          {"result", id(o.result)},
          {"returnees", ret},
          {"symptomatic", sym},
          {"needs", needs},
          {"note", o.note},
          {"by", o.by}};
}

json to_json(const Checkpoint& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"location", c.location},
          {"township_code", c.township_code},
          {"region_code", c.region_code},
          {"active", c.active}};
}

json to_json(const DutyShift& s) {
  return {{"id", s.id},
          {"checkpoint_id", s.checkpoint_id},
          {"cadre_id", opt_i64(s.cadre_id)},
          {"name", s.name},
          {"phone", s.phone},
          {"start", s.start.iso()},
          {"end", s.end.iso()}};
}

json to_json(const Passage& p) {
  json tr = json::array();
  for (const auto& t : p.travellers)
    tr.push_back({{"name", t.name},
                  {"id_number", t.id_number},
                  {"phone", t.phone},
                  {"temperature", temp(t.temperature_tenths)}});
  return {{"id", p.id},
          {"checkpoint_id", p.checkpoint_id},
          {"at", p.at.iso()},
          {"plate", p.plate},
          {"origin", p.origin},
          {"destination", p.destination},
          {"persons", p.persons()},
          {"travellers", tr},
          {"by", p.by}};
}

json to_json(const VillageCoverage& v) {
  return {{"village_code", v.village_code},
          {"households", v.households},
          {"called", v.called},
          {"reached", v.reached},
          {"unreachable", v.unreachable},
          {"with_returnees", v.with_returnees},
          {"with_symptoms", v.with_symptoms},
          {"with_needs", v.with_needs},
          {"coverage", v.coverage}};
}

// ---------------------------------------------------------------- readers

Result<Date> date_input(const json& j, const std::string& path) {
  if (j.is_string())
    if (auto d = Date::parse_iso(j.get<std::string>())) return *d;
  return field_error(path, "日期应为YYYY-MM-DD", "must be a date YYYY-MM-DD");
}

Result<DateTime> datetime_input(const json& j, const std::string& path) {
  if (j.is_string())
    if (auto d = DateTime::parse_iso(j.get<std::string>())) return *d;
  return field_error(path, "时间应为YYYY-MM-DDTHH:MM", "must be a time YYYY-MM-DDTHH:MM");
}

Result<int> temperature_input(const json& j, const std::string& path) {
  std::optional<int> t;
  if (j.is_number()) t = tenths_of(j.get<double>());
  if (j.is_string()) t = parse_temperature(j.get<std::string>());
  if (!t)
    return field_error(path, "体温应为摄氏度数值，如37.3",
                       "must be a temperature in °C, e.g. 37.3");
  if (auto st = validate_temperature(*t, path); !st) return st.error();
  return *t;
}

Result<SymptomSet> symptoms_input(const json& j, const std::string& path) {
  if (j.is_null()) return SymptomSet{};
  std::string joined;
  if (j.is_array()) {
    for (const auto& x : j) {
      if (!x.is_string()) return field_error(path, "应为症状列表", "must be a list of symptoms");
      joined += (joined.empty() ? "" : ",") + x.get<std::string>();
    }
  } else if (j.is_string()) {
    joined = j.get<std::string>();
  } else {
    return field_error(path, "应为症状列表", "must be a list of symptoms");
  }
  auto s = parse_symptoms(joined);
  if (!s) {
    std::string allowed;
    for (const auto& x : vocabulary<Symptom>())
      allowed += (allowed.empty() ? "" : ", ") + std::string(x.id);
    return field_error(path, fmt::format("有不认识的症状（可选：{}）", allowed),
                       fmt::format("has an unknown symptom (known: {})", allowed));
  }
  return *s;
}

Result<HubeiTravel> travel_input(const json& j, const std::string& path) {
  HubeiTravel t;
  if (!j.is_object()) return field_error(path, "应为对象", "must be an object");
  if (has(j, "arrived_on")) {
    auto d = date_input(j.at("arrived_on"), path + ".arrived_on");
    if (!d) return d.error();
    t.arrived_on = *d;
  }
  t.from_place = text(j, "from_place");
  auto m = enum_input<TravelMode>(j, "mode", path + ".mode", TravelMode::kCar);
  if (!m) return m.error();
  t.mode = *m;
  t.detail = text(j, "detail");
  return t;
}

Result<KeyPersonInput> key_person_input(const json& b) {
  KeyPersonInput in;
  auto pid = opt_id(b, "person_id", "person_id");
  if (!pid) return pid.error();
  in.person_id = *pid;
  in.id_number = text(b, "id_number");
  in.name = text(b, "name");
  in.phone = text(b, "phone");
  in.region_code = text(b, "region_code");
  auto cat = enum_input<KeyCategory>(b, "category", "category", KeyCategory::kFever, true);
  if (!cat) return cat.error();
  in.category = *cat;
  auto src = enum_input<KeySource>(b, "source", "source", KeySource::kSelfReport);
  if (!src) return src.error();
  in.source = *src;
  auto added = opt_date_input(b, "added_on", "added_on");
  if (!added) return added.error();
  if (*added) in.added_on = **added;
  if (has(b, "travel")) {
    auto t = travel_input(b.at("travel"), "travel");
    if (!t) return t.error();
    in.travel = *t;
  }
  auto le = opt_date_input(b, "last_exposure", "last_exposure");
  if (!le) return le.error();
  in.last_exposure = *le;
  auto co = opt_id(b, "contact_of", "contact_of");
  if (!co) return co.error();
  in.contact_of = *co;
  if (has(b, "temperature")) {
    auto t = temperature_input(b.at("temperature"), "temperature");
    if (!t) return t.error();
    in.temperature_tenths = *t;
  }
  if (b.contains("symptoms")) {
    auto s = symptoms_input(b.at("symptoms"), "symptoms");
    if (!s) return s.error();
    in.symptoms = *s;
  }
  in.note = text(b, "note");
  return in;
}

Result<CaseStep> case_step(const json& b) {
  CaseStep s;
  auto st = enum_input<CaseStatus>(b, "status", "status", CaseStatus::kSuspected, true);
  if (!st) return st.error();
  s.status = *st;
  if (!has(b, "on")) return field_error("on", "必填", "is required");
  auto d = date_input(b.at("on"), "on");
  if (!d) return d.error();
  s.on = *d;
  s.place = text(b, "place");
  s.note = text(b, "note");
  return s;
}

Result<Contact> contact_input(const json& b) {
  Contact c;
  for (auto [key, out] : {std::pair{"person_a", &c.person_a}, std::pair{"person_b", &c.person_b}}) {
    auto v = opt_id(b, key, key);
    if (!v) return v.error();
    *out = v->value_or(0);
  }
  if (!has(b, "on")) return field_error("on", "必填", "is required");
  auto d = date_input(b.at("on"), "on");
  if (!d) return d.error();
  c.on = *d;
  auto set = enum_input<ContactSetting>(b, "setting", "setting", ContactSetting::kOther);
  if (!set) return set.error();
  c.setting = *set;
  auto cl = enum_input<Closeness>(b, "closeness", "closeness", Closeness::kClose);
  if (!cl) return cl.error();
  c.closeness = *cl;
  c.place = text(b, "place");
  c.note = text(b, "note");
  return c;
}

Result<ObservationPlan> observation_plan(const json& b) {
  ObservationPlan p;
  auto pid = opt_id(b, "person_id", "person_id");
  if (!pid) return pid.error();
  p.person_id = pid->value_or(0);
  auto k = enum_input<ObservationKind>(b, "kind", "kind", ObservationKind::kHome);
  if (!k) return k.error();
  p.kind = *k;
  p.site = text(b, "site");
  p.room = text(b, "room");
  if (!has(b, "last_exposure")) return field_error("last_exposure", "必填", "is required");
  auto le = date_input(b.at("last_exposure"), "last_exposure");
  if (!le) return le.error();
  p.last_exposure = *le;
  auto st = opt_date_input(b, "start", "start");
  if (!st) return st.error();
  p.start = st->value_or(Date());
  p.basis = text(b, "basis");
  return p;
}

Result<FollowUp> follow_up_input(const json& b) {
  FollowUp f;
  if (!has(b, "day")) return field_error("day", "必填", "is required");
  auto d = date_input(b.at("day"), "day");
  if (!d) return d.error();
  f.day = *d;
  if (!has(b, "temperature")) return field_error("temperature", "必填", "is required");
  auto t = temperature_input(b.at("temperature"), "temperature");
  if (!t) return t.error();
  f.temperature_tenths = *t;
  if (b.contains("symptoms")) {
    auto s = symptoms_input(b.at("symptoms"), "symptoms");
    if (!s) return s.error();
    f.symptoms = *s;
  }
  if (has(b, "at")) {
    auto at = datetime_input(b.at("at"), "at");
    if (!at) return at.error();
    f.at = *at;
  }
  f.by = text(b, "by");
  f.note = text(b, "note");
  return f;
}

Result<Campaign> campaign_input(const json& b) {
  Campaign c;
  c.name = text(b, "name");
  c.region_prefix = text(b, "region_code");
  for (auto [key, out] : {std::pair{"start_on", &c.start_on}, std::pair{"end_on", &c.end_on}}) {
    if (!has(b, key)) return field_error(key, "必填", "is required");
    auto d = date_input(b.at(key), key);
    if (!d) return d.error();
    *out = *d;
  }
  return c;
}

Result<CallOutcome> call_outcome_input(const json& b) {
  CallOutcome o;
  auto r = enum_input<CallResult>(b, "result", "result", CallResult::kReached, true);
  if (!r) return r.error();
  o.result = *r;
  if (has(b, "at")) {
    auto at = datetime_input(b.at("at"), "at");
    if (!at) return at.error();
    o.at = *at;
  }
  auto list = [&](const char* key) -> Result<const json*> {
    if (!b.contains(key) || b.at(key).is_null()) return static_cast<const json*>(nullptr);
    if (!b.at(key).is_array()) return field_error(key, "应为列表", "must be a list");
    return &b.at(key);
  };
  auto ret = list("returnees");
  if (!ret) return ret.error();
  if (*ret)
    for (size_t i = 0; i < (*ret)->size(); ++i) {
      const json& x = (**ret)[i];
      std::string path = fmt::format("returnees[{}]", i);
      if (!x.is_object()) return field_error(path, "应为对象", "must be an object");
      ReturneeReport rr;
      auto pid = opt_id(x, "person_id", path + ".person_id");
      if (!pid) return pid.error();
      rr.person_id = *pid;
      rr.name = text(x, "name");
      rr.id_number = text(x, "id_number");
      rr.phone = text(x, "phone");
      if (has(x, "travel")) {
        auto t = travel_input(x.at("travel"), path + ".travel");
        if (!t) return t.error();
        rr.travel = *t;
      }
      o.returnees.push_back(std::move(rr));
    }
  auto sym = list("symptomatic");
  if (!sym) return sym.error();
  if (*sym)
    for (size_t i = 0; i < (*sym)->size(); ++i) {
      const json& x = (**sym)[i];
      std::string path = fmt::format("symptomatic[{}]", i);
      if (!x.is_object()) return field_error(path, "应为对象", "must be an object");
      SymptomReport sr;
      auto pid = opt_id(x, "person_id", path + ".person_id");
      if (!pid) return pid.error();
      sr.person_id = *pid;
      sr.name = text(x, "name");
      sr.id_number = text(x, "id_number");
      if (has(x, "temperature")) {
        auto t = temperature_input(x.at("temperature"), path + ".temperature");
        if (!t) return t.error();
        sr.temperature_tenths = *t;
      }
      if (x.contains("symptoms")) {
        auto s = symptoms_input(x.at("symptoms"), path + ".symptoms");
        if (!s) return s.error();
        sr.symptoms = *s;
      }
      o.symptomatic.push_back(std::move(sr));
    }
  auto needs = list("needs");
  if (!needs) return needs.error();
  if (*needs)
    for (size_t i = 0; i < (*needs)->size(); ++i) {
      const json& x = (**needs)[i];
      std::string path = fmt::format("needs[{}]", i);
      if (!x.is_object()) return field_error(path, "应为对象", "must be an object");
      auto k = enum_input<NeedKind>(x, "kind", path + ".kind", NeedKind::kOther, true);
      if (!k) return k.error();
      o.needs.push_back({*k, text(x, "note")});
    }
  o.note = text(b, "note");
  return o;
}

Result<Checkpoint> checkpoint_input(const json& b) {
  Checkpoint c;
  c.name = text(b, "name");
  c.location = text(b, "location");
  c.region_code = text(b, "region_code");
  c.township_code = c.region_code.substr(0, std::min<size_t>(9, c.region_code.size()));
  if (b.contains("active") && b.at("active").is_boolean()) c.active = b.at("active").get<bool>();
  return c;
}

Result<DutyShift> shift_input(const json& b) {
  DutyShift s;
  auto cid = opt_id(b, "cadre_id", "cadre_id");
  if (!cid) return cid.error();
  s.cadre_id = *cid;
  s.name = text(b, "name");
  s.phone = text(b, "phone");
  for (auto [key, out] : {std::pair{"start", &s.start}, std::pair{"end", &s.end}}) {
    if (!has(b, key)) return field_error(key, "必填", "is required");
    auto t = datetime_input(b.at(key), key);
    if (!t) return t.error();
    *out = *t;
  }
  return s;
}

Result<Passage> passage_input(const json& b) {
  Passage p;
  if (!has(b, "at")) return field_error("at", "必填", "is required");
  auto at = datetime_input(b.at("at"), "at");
  if (!at) return at.error();
  p.at = *at;
  p.plate = text(b, "plate");
  p.origin = text(b, "origin");
  p.destination = text(b, "destination");
  if (b.contains("travellers")) {
    const json& tr = b.at("travellers");
    if (!tr.is_array()) return field_error("travellers", "应为列表", "must be a list");
    for (size_t i = 0; i < tr.size(); ++i) {
      std::string path = fmt::format("travellers[{}]", i);
      if (!tr[i].is_object()) return field_error(path, "应为对象", "must be an object");
      Traveller t;
      t.name = text(tr[i], "name");
      t.id_number = text(tr[i], "id_number");
      t.phone = text(tr[i], "phone");
      if (!has(tr[i], "temperature"))
        return field_error(path + ".temperature", "必填", "is required");
      auto temp = temperature_input(tr[i].at("temperature"), path + ".temperature");
      if (!temp) return temp.error();
      t.temperature_tenths = *temp;
      p.travellers.push_back(std::move(t));
    }
  }
  return p;
}

}  // namespace lz::epidemic
