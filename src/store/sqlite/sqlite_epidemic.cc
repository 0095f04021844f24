// SqliteEpidemicStore: persons, key persons, cases, contacts, observations
// and follow-ups. Campaigns and checkpoints: sqlite_epidemic_field.cc.
#include "store/sqlite/sqlite_epidemic.h"

#include <fmt/format.h>

#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "epidemic/json.h"
#include "store/sqlite/epidemic_rows_internal.h"
#include "store/sqlite/rows.h"

namespace lz::sqlite {

using namespace lz::epidemic;
using nlohmann::json;

// ---------------------------------------------------------------- persons

static const char* kBriefCols = "p.id, p.household_id, p.name, p.id_number, p.phone, p.region_code";

PersonBrief read_brief(const Stmt& s, int c) {
  return {s.i64(c), s.opt_i64(c + 1), s.str(c + 2), s.str(c + 3), s.str(c + 4), s.str(c + 5)};
}

Result<PersonBrief> SqliteEpidemicStore::person(int64_t id) {
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM person p WHERE p.id = ? AND p.deleted_at IS NULL", kBriefCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("person.not_found", "person_id", fmt::format("人员{}不存在", id),
                     fmt::format("There is no person with id {}", id));
  return read_brief(s, 0);
}

Result<std::optional<PersonBrief>> SqliteEpidemicStore::person_by_id_number(
    const std::string& id_number) {
  auto s = db_.prepare(fmt::format(
      "SELECT {} FROM person p WHERE p.id_number = ? AND p.deleted_at IS NULL", kBriefCols));
  s.bind(1, id_number);
  if (!s.step()) return std::optional<PersonBrief>();
  return std::optional<PersonBrief>(read_brief(s, 0));
}

Result<std::vector<PersonBrief>> SqliteEpidemicStore::persons(const std::vector<int64_t>& ids) {
  std::vector<PersonBrief> out;
  auto s = db_.prepare(fmt::format("SELECT {} FROM person p WHERE p.id = ?", kBriefCols));
  for (int64_t id : ids) {
    s.bind(1, id);
    if (s.step()) out.push_back(read_brief(s, 0));
    s.reset();
  }
  return out;
}

Result<int64_t> SqliteEpidemicStore::add_outside_person(const Person& p, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO person (household_id, name, id_number, sex, birth_date, relationship, phone, "
      "region_code, "
      "version, created_at, created_by, updated_at, updated_by) VALUES "
      "(NULL,?,?,?,?,'99',?,?,1,?,?,?,?)");
  s.bind(1, p.name)
      .bind(2, p.id_number)
      .bind(3, p.sex)
      .bind(4, p.birth_date.iso())
      .bind(5, p.phone);
  s.bind(6, p.region_code).bind(7, now).bind(8, actor.name).bind(9, now).bind(10, actor.name);
  LZ_TRY(s.exec());
  int64_t id = sqlite3_last_insert_rowid(db_.handle());
  json after = {{"name", p.name}, {"region_code", p.region_code}, {"household_id", nullptr}};
  LZ_TRY(log(actor, "person.create_outside", "person", id, "", after.dump()));
  LZ_TRY(tx.commit());
  return id;
}

Result<PovertyStanding> SqliteEpidemicStore::standing_of_household(
    std::optional<int64_t> household_id) {
  if (!household_id) return PovertyStanding::kNone;
  auto s = db_.prepare("SELECT status FROM poverty_household WHERE household_id = ?");
  s.bind(1, *household_id);
  if (!s.step()) return PovertyStanding::kNone;
  std::string st = s.str(0);
  if (st == "registered_poor") return PovertyStanding::kRegisteredPoor;
  if (st == "lifted") return PovertyStanding::kLifted;
  if (st == "marginal") return PovertyStanding::kMarginal;
  return PovertyStanding::kNone;
}

// ---------------------------------------------------------------- key persons

static const char* kKeyCols =
    "k.id, k.person_id, k.region_code, k.category, k.source, k.added_on, k.arrival_on, "
    "k.arrived_from, "
    "k.travel_mode, k.travel_detail, k.last_exposure, k.contact_of, k.temperature_tenths, "
    "k.symptoms, "
    "k.source_ref, k.note, k.created_by";

static KeyPerson read_key_person(const Stmt& s) {
  KeyPerson k;
  k.id = s.i64(0);
  k.person_id = s.i64(1);
  k.region_code = s.str(2);
  k.category = parse<KeyCategory>(s.str(3)).value_or(KeyCategory::kFever);
  k.source = parse<KeySource>(s.str(4)).value_or(KeySource::kSelfReport);
  k.added_on = date_col(s, 5);
  if (!s.is_null(6)) {
    HubeiTravel t;
    t.arrived_on = date_col(s, 6);
    t.from_place = s.str(7);
    t.mode = parse<TravelMode>(s.str(8)).value_or(TravelMode::kOther);
    t.detail = s.str(9);
    k.travel = t;
  }
  k.last_exposure = opt_date_col(s, 10);
  k.contact_of = s.opt_i64(11);
  if (!s.is_null(12)) k.temperature_tenths = static_cast<int>(s.i64(12));
  k.symptoms = parse_symptoms(s.str(13)).value_or(SymptomSet{});
  k.source_ref = s.str(14);
  k.note = s.str(15);
  k.added_by = s.str(16);
  return k;
}

Result<KeyPerson> SqliteEpidemicStore::add_key_person(KeyPerson k, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO key_person (person_id, category, source, region_code, added_on, arrival_on, "
      "arrived_from, "
      "travel_mode, travel_detail, last_exposure, contact_of, temperature_tenths, symptoms, "
      "source_ref, note, "
      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, k.person_id).bind(2, id(k.category)).bind(3, id(k.source)).bind(4, k.region_code);
  s.bind(5, k.added_on.iso());
  if (k.travel) {
    s.bind(6, k.travel->arrived_on.iso()).bind(7, k.travel->from_place).bind(8, id(k.travel->mode));
    s.bind(9, k.travel->detail);
  } else {
    s.bind_null(6).bind(7, "").bind(8, "").bind(9, "");
  }
  bind_opt_date(s, 10, k.last_exposure);
  s.bind(11, k.contact_of);
  if (k.temperature_tenths)
    s.bind(12, static_cast<int64_t>(*k.temperature_tenths));
  else
    s.bind_null(12);
  s.bind(13, symptom_ids(k.symptoms)).bind(14, k.source_ref).bind(15, k.note).bind(16, now_iso());
  s.bind(17, actor.name);
  LZ_TRY(s.exec());
  k.id = sqlite3_last_insert_rowid(db_.handle());
  k.added_by = actor.name;
  LZ_TRY(log(actor, "key_person.create", "key_person", k.id, "", to_json(k).dump()));
  LZ_TRY(tx.commit());
  return k;
}

Result<std::vector<KeyPerson>> SqliteEpidemicStore::key_persons_of(int64_t person_id) {
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM key_person k WHERE k.person_id = ? ORDER BY k.id", kKeyCols));
  s.bind(1, person_id);
  std::vector<KeyPerson> out;
  while (s.step()) out.push_back(read_key_person(s));
  return out;
}

Result<KeyPersonView> SqliteEpidemicStore::key_person(int64_t id) {
  auto s = db_.prepare(fmt::format(
      "SELECT {}, {} FROM key_person k JOIN person p ON p.id = k.person_id WHERE k.id = ?",
      kKeyCols, kBriefCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("key_person.not_found", "id", fmt::format("重点人员记录{}不存在", id),
                     fmt::format("There is no key person record {}", id));
  return KeyPersonView{read_key_person(s), read_brief(s, 17)};
}

Result<ListResult<KeyPersonView>> SqliteEpidemicStore::list_key_persons(const KeyPersonQuery& q) {
  std::string where = "k.region_code >= ? AND k.region_code < ?";
  if (!q.category.empty()) where += " AND k.category = ?";
  if (!q.source.empty()) where += " AND k.source = ?";
  if (q.person_id) where += " AND k.person_id = ?";
  if (!q.q.empty()) where += " AND (p.name LIKE ? OR p.id_number LIKE ?)";
  if (q.from) where += " AND k.added_on >= ?";
  if (q.to) where += " AND k.added_on <= ?";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (!q.category.empty()) s.bind(i++, q.category);
    if (!q.source.empty()) s.bind(i++, q.source);
    if (q.person_id) s.bind(i++, *q.person_id);
    if (!q.q.empty()) {
      s.bind(i++, q.q + "%");
      s.bind(i++, q.q + "%");
    }
    if (q.from) s.bind(i++, q.from->iso());
    if (q.to) s.bind(i++, q.to->iso());
    return i;
  };
  ListResult<KeyPersonView> out;
  {
    auto s = db_.prepare(
        "SELECT COUNT(*) FROM key_person k JOIN person p ON p.id = k.person_id WHERE " + where);
    bind_all(s);
    if (s.step()) out.total = s.i64(0);
  }
  auto s =
      db_.prepare(fmt::format("SELECT {}, {} FROM key_person k JOIN person p ON p.id = k.person_id "
                              "WHERE {} ORDER BY k.added_on DESC, k.id "
                              "DESC LIMIT ? OFFSET ?",
                              kKeyCols, kBriefCols, where));
  int i = bind_all(s);
  s.bind(i++, q.limit);
  s.bind(i++, q.offset);
  while (s.step()) out.items.push_back({read_key_person(s), read_brief(s, 17)});
  return out;
}

// ---------------------------------------------------------------- cases

static const char* kCaseCols =
    "c.id, c.person_id, c.region_code, c.state, c.suspected_on, c.suspected_place, c.confirmed_on, "
    "c.confirmed_place, c.closed_on, c.closed_place, c.notes, c.version";

static CaseView read_case(const Stmt& s) {
  CaseView v;
  Case& c = v.c;
  c.id = s.i64(0);
  c.person_id = s.i64(1);
  c.region_code = s.str(2);
  c.status = parse<CaseStatus>(s.str(3)).value_or(CaseStatus::kSuspected);
  json notes = json::parse(s.str(10), nullptr, false);
  auto note_of = [&](CaseStatus st, CaseStep& step) {
    if (!notes.is_array()) return;
    for (const auto& n : notes)
      if (n.value("status", "") == id(st)) {
        step.by = n.value("by", "");
        step.note = n.value("note", "");
      }
  };
  auto add = [&](CaseStatus st, int date_col_i, int place_col) {
    if (s.is_null(date_col_i)) return;
    CaseStep step{st, date_col(s, date_col_i), s.str(place_col), "", ""};
    note_of(st, step);
    c.steps.push_back(std::move(step));
  };
  add(CaseStatus::kSuspected, 4, 5);
  add(CaseStatus::kConfirmed, 6, 7);
  if (is_final(c.status)) add(c.status, 8, 9);
  v.version = s.i64(11);
  return v;
}

Result<CaseView> SqliteEpidemicStore::save_case(const Case& c, int64_t expected_version,
                                                const char* action, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string before;
  if (c.id) {
    auto cur = get_case(c.id);
    if (!cur) return cur.error();
    if (cur->version != expected_version)
      return conflict(
          "version.stale", "version",
          fmt::format("病例{}已被他人修改（当前版本{}），请刷新后重试", c.id, cur->version),
          fmt::format("Case {} was changed by someone else (now version {}); reload and retry",
                      c.id, cur->version));
    before = to_json(cur->c).dump();
  }
  json notes = json::array();
  for (const auto& st : c.steps)
    notes.push_back({{"status", id(st.status)}, {"by", st.by}, {"note", st.note}});
  const CaseStep* sus = c.step(CaseStatus::kSuspected);
  const CaseStep* conf = c.step(CaseStatus::kConfirmed);
  const CaseStep* fin = is_final(c.status) ? &c.steps.back() : nullptr;
  std::string now = now_iso();
  Stmt s = c.id ? db_.prepare(
                      "UPDATE epi_case SET person_id=?, region_code=?, state=?, suspected_on=?, "
                      "suspected_place=?, "
                      "confirmed_on=?, confirmed_place=?, closed_on=?, closed_place=?, notes=?, "
                      "updated_at=?, "
                      "updated_by=?, version = version + 1 WHERE id = ?")
                : db_.prepare(
                      "INSERT INTO epi_case (person_id, region_code, state, suspected_on, "
                      "suspected_place, "
                      "confirmed_on, confirmed_place, closed_on, closed_place, notes, updated_at, "
                      "updated_by, "
                      "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, c.person_id).bind(2, c.region_code).bind(3, id(c.status));
  if (sus)
    s.bind(4, sus->on.iso()).bind(5, sus->place);
  else
    s.bind_null(4).bind(5, "");
  if (conf)
    s.bind(6, conf->on.iso()).bind(7, conf->place);
  else
    s.bind_null(6).bind(7, "");
  if (fin)
    s.bind(8, fin->on.iso()).bind(9, fin->place);
  else
    s.bind_null(8).bind(9, "");
  s.bind(10, notes.dump()).bind(11, now).bind(12, actor.name);
  if (c.id)
    s.bind(13, c.id);
  else
    s.bind(13, now).bind(14, actor.name);
  LZ_TRY(s.exec());
  int64_t id = c.id ? c.id : sqlite3_last_insert_rowid(db_.handle());
  auto saved = get_case(id);
  if (!saved) return saved.error();
  LZ_TRY(log(actor, action, "epi_case", id, before, to_json(saved->c).dump()));
  LZ_TRY(tx.commit());
  return saved;
}

Result<CaseView> SqliteEpidemicStore::get_case(int64_t id) {
  auto s = db_.prepare(fmt::format(
      "SELECT {}, {} FROM epi_case c JOIN person p ON p.id = c.person_id WHERE c.id = ?", kCaseCols,
      kBriefCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("case.not_found", "id", fmt::format("病例{}不存在", id),
                     fmt::format("There is no case {}", id));
  CaseView v = read_case(s);
  v.person = read_brief(s, 12);
  return v;
}

Result<std::vector<Case>> SqliteEpidemicStore::cases_of(int64_t person_id) {
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM epi_case c WHERE c.person_id = ? ORDER BY c.id", kCaseCols));
  s.bind(1, person_id);
  std::vector<Case> out;
  while (s.step()) out.push_back(read_case(s).c);
  return out;
}

Result<ListResult<CaseView>> SqliteEpidemicStore::list_cases(const CaseQuery& q) {
  std::string where = "c.region_code >= ? AND c.region_code < ?";
  if (!q.status.empty()) where += " AND c.state = ?";
  if (q.person_id) where += " AND c.person_id = ?";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (!q.status.empty()) s.bind(i++, q.status);
    if (q.person_id) s.bind(i++, *q.person_id);
    return i;
  };
  ListResult<CaseView> out;
  {
    auto s = db_.prepare("SELECT COUNT(*) FROM epi_case c WHERE " + where);
    bind_all(s);
    if (s.step()) out.total = s.i64(0);
  }
  auto s =
      db_.prepare(fmt::format("SELECT {}, {} FROM epi_case c JOIN person p ON p.id = c.person_id "
                              "WHERE {} ORDER BY c.id LIMIT ? OFFSET ?",
                              kCaseCols, kBriefCols, where));
  int i = bind_all(s);
  s.bind(i++, q.limit);
  s.bind(i++, q.offset);
  while (s.step()) {
    CaseView v = read_case(s);
    v.person = read_brief(s, 12);
    out.items.push_back(std::move(v));
  }
  return out;
}

// ---------------------------------------------------------------- contacts

static const char* kContactCols =
    "id, person_a, person_b, on_date, setting, closeness, place, note, created_by";

static Contact read_contact(const Stmt& s) {
  Contact c;
  c.id = s.i64(0);
  c.person_a = s.i64(1);
  c.person_b = s.i64(2);
  c.on = date_col(s, 3);
  c.setting = parse<ContactSetting>(s.str(4)).value_or(ContactSetting::kOther);
  c.closeness = parse<Closeness>(s.str(5)).value_or(Closeness::kClose);
  c.place = s.str(6);
  c.note = s.str(7);
  c.by = s.str(8);
  return c;
}

Result<Contact> SqliteEpidemicStore::add_contact(Contact c, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO contact (person_a, person_b, on_date, setting, closeness, place, note, "
      "created_at, created_by) "
      "VALUES (?,?,?,?,?,?,?,?,?)");
  s.bind(1, c.person_a)
      .bind(2, c.person_b)
      .bind(3, c.on.iso())
      .bind(4, id(c.setting))
      .bind(5, id(c.closeness));
  s.bind(6, c.place).bind(7, c.note).bind(8, now_iso()).bind(9, actor.name);
  LZ_TRY(s.exec());
  c.id = sqlite3_last_insert_rowid(db_.handle());
  c.by = actor.name;
  LZ_TRY(log(actor, "contact.create", "contact", c.id, "", to_json(c).dump()));
  LZ_TRY(tx.commit());
  return c;
}

Result<std::vector<Contact>> SqliteEpidemicStore::contacts_of(int64_t person_id) {
  auto s =
      db_.prepare(fmt::format("SELECT {} FROM contact WHERE person_a = ? UNION SELECT {} FROM "
                              "contact WHERE person_b = ? ORDER BY 4, 1",
                              kContactCols, kContactCols));
  s.bind(1, person_id).bind(2, person_id);
  std::vector<Contact> out;
  while (s.step()) out.push_back(read_contact(s));
  return out;
}

Result<std::vector<ContactEdge>> SqliteEpidemicStore::contact_edges() {
  auto s = db_.prepare("SELECT id, person_a, person_b, on_date, closeness FROM contact");
  std::vector<ContactEdge> out;
  while (s.step())
    out.push_back({s.i64(1), s.i64(2), date_col(s, 3),
                   s.str(4) == "general" ? Closeness::kGeneral : Closeness::kClose, s.i64(0)});
  return out;
}

namespace {
struct GraphCacheEntry {
  int64_t max_id = -1;
  std::shared_ptr<const ContactGraph> graph;
};
std::mutex graph_cache_mutex;
std::map<std::string, GraphCacheEntry> graph_cache;  // by database file
}  // namespace

Result<std::shared_ptr<const ContactGraph>> SqliteEpidemicStore::contact_graph() {
  // Contacts are append-only, so the largest id says whether the cached
  // graph is current: an O(log n) lookup (COUNT(*) would scan the table).
  int64_t max_id = 0;
  {
    auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM contact");
    if (s.step()) max_id = s.i64(0);
  }
  const char* file = sqlite3_db_filename(db_.handle(), "main");
  std::string key = file ? file : "";
  if (!key.empty()) {
    std::lock_guard lock(graph_cache_mutex);
    auto it = graph_cache.find(key);
    if (it != graph_cache.end() && it->second.max_id == max_id)
      return it->second.graph;
  }
  auto edges = contact_edges();
  if (!edges) return edges.error();
  auto graph = std::make_shared<const ContactGraph>(
      ContactGraph::build(std::span<const ContactEdge>(*edges)));
  if (!key.empty()) {
    std::lock_guard lock(graph_cache_mutex);
    graph_cache[key] = {max_id, graph};
  }
  return graph;
}

// ---------------------------------------------------------------- observations

static const char* kObsCols =
    "o.id, o.person_id, o.region_code, o.kind, o.site, o.room, o.start_on, o.last_exposure, "
    "o.planned_end, "
    "o.released_on, o.release_note, o.released_by, o.extensions, o.basis, o.created_by, o.version, "
    "o.cadre_id";

static ObservationView read_observation(const Stmt& s) {
  ObservationView v;
  Observation& o = v.o;
  o.id = s.i64(0);
  o.person_id = s.i64(1);
  o.region_code = s.str(2);
  o.kind = s.str(3) == "centralized" ? ObservationKind::kCentralized : ObservationKind::kHome;
  o.site = s.str(4);
  o.room = s.str(5);
  o.start = date_col(s, 6);
  o.last_exposure = date_col(s, 7);
  o.planned_end = date_col(s, 8);
  o.released_on = opt_date_col(s, 9);
  o.release_reason = s.str(10);
  o.released_by = s.str(11);
  json ext = json::parse(s.str(12), nullptr, false);
  if (ext.is_array())
    for (const auto& e : ext)
      o.extensions.push_back({Date::parse_iso(e.value("found_on", "")).value_or(Date()),
                              Date::parse_iso(e.value("exposure_on", "")).value_or(Date()),
                              Date::parse_iso(e.value("old_end", "")).value_or(Date()),
                              Date::parse_iso(e.value("new_end", "")).value_or(Date()),
                              e.value("note", "")});
  o.basis = s.str(13);
  o.by = s.str(14);
  v.version = s.i64(15);
  v.cadre_id = s.opt_i64(16);
  return v;
}

Result<ObservationView> SqliteEpidemicStore::save_observation(const Observation& o,
                                                              std::optional<int64_t> cadre_id,
                                                              int64_t expected_version,
                                                              const char* action,
                                                              const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string before;
  if (o.id) {
    auto cur = observation(o.id);
    if (!cur) return cur.error();
    if (cur->version != expected_version)
      return conflict(
          "version.stale", "version",
          fmt::format("医学观察{}已被他人修改（当前版本{}），请刷新后重试", o.id, cur->version),
          fmt::format(
              "Observation {} was changed by someone else (now version {}); reload and retry", o.id,
              cur->version));
    before = to_json(cur->o).dump();
  }
  json ext = to_json(o)["extensions"];
  std::string now = now_iso();
  Stmt s =
      o.id
          ? db_.prepare(
                "UPDATE observation SET person_id=?, region_code=?, kind=?, site=?, room=?, "
                "start_on=?, "
                "last_exposure=?, planned_end=?, released_on=?, release_note=?, released_by=?, "
                "extensions=?, "
                "basis=?, cadre_id=?, updated_at=?, updated_by=?, version = version + 1 WHERE id = "
                "?")
          : db_.prepare(
                "INSERT INTO observation (person_id, region_code, kind, site, room, start_on, "
                "last_exposure, "
                "planned_end, released_on, release_note, released_by, extensions, basis, cadre_id, "
                "updated_at, "
                "updated_by, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, o.person_id).bind(2, o.region_code).bind(3, id(o.kind)).bind(4, o.site).bind(5, o.room);
  s.bind(6, o.start.iso()).bind(7, o.last_exposure.iso()).bind(8, o.planned_end.iso());
  bind_opt_date(s, 9, o.released_on);
  s.bind(10, o.release_reason).bind(11, o.released_by).bind(12, ext.dump()).bind(13, o.basis);
  s.bind(14, cadre_id).bind(15, now).bind(16, actor.name);
  if (o.id)
    s.bind(17, o.id);
  else
    s.bind(17, now).bind(18, actor.name);
  LZ_TRY(s.exec());
  int64_t id = o.id ? o.id : sqlite3_last_insert_rowid(db_.handle());
  auto saved = observation(id);
  if (!saved) return saved.error();
  LZ_TRY(log(actor, action, "observation", id, before, to_json(saved->o).dump()));
  LZ_TRY(tx.commit());
  return saved;
}

Result<ObservationView> SqliteEpidemicStore::observation(int64_t id) {
  auto s = db_.prepare(fmt::format(
      "SELECT {}, {} FROM observation o JOIN person p ON p.id = o.person_id WHERE o.id = ?",
      kObsCols, kBriefCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("observation.not_found", "id", fmt::format("医学观察{}不存在", id),
                     fmt::format("There is no observation {}", id));
  ObservationView v = read_observation(s);
  v.person = read_brief(s, 17);
  return v;
}

Result<std::vector<ObservationView>> SqliteEpidemicStore::open_observations_of(int64_t person_id) {
  auto s =
      db_.prepare(fmt::format("SELECT {}, {} FROM observation o JOIN person p ON p.id = "
                              "o.person_id WHERE o.person_id = ? AND "
                              "o.released_on IS NULL ORDER BY o.id",
                              kObsCols, kBriefCols));
  s.bind(1, person_id);
  std::vector<ObservationView> out;
  while (s.step()) {
    ObservationView v = read_observation(s);
    v.person = read_brief(s, 17);
    out.push_back(std::move(v));
  }
  return out;
}

Result<ListResult<ObservationView>> SqliteEpidemicStore::list_observations(
    const ObservationQuery& q) {
  std::string where = "o.region_code >= ? AND o.region_code < ?";
  if (q.cadre_id) where += " AND o.cadre_id = ?";
  if (q.person_id) where += " AND o.person_id = ?";
  if (q.open_on)
    where +=
        " AND o.start_on <= ? AND o.planned_end > ? AND (o.released_on IS NULL OR o.released_on > "
        "?)";
  if (!q.kind.empty()) where += " AND o.kind = ?";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (q.cadre_id) s.bind(i++, *q.cadre_id);
    if (q.person_id) s.bind(i++, *q.person_id);
    if (q.open_on) {
      s.bind(i++, q.open_on->iso());
      s.bind(i++, q.open_on->iso());
      s.bind(i++, q.open_on->iso());
    }
    if (!q.kind.empty()) s.bind(i++, q.kind);
    return i;
  };
  ListResult<ObservationView> out;
  {
    auto s = db_.prepare("SELECT COUNT(*) FROM observation o WHERE " + where);
    bind_all(s);
    if (s.step()) out.total = s.i64(0);
  }
  auto s =
      db_.prepare(fmt::format("SELECT {}, {} FROM observation o JOIN person p ON p.id = "
                              "o.person_id WHERE {} ORDER BY o.planned_end, o.id "
                              "LIMIT ? OFFSET ?",
                              kObsCols, kBriefCols, where));
  int i = bind_all(s);
  s.bind(i++, q.limit);
  s.bind(i++, q.offset);
  while (s.step()) {
    ObservationView v = read_observation(s);
    v.person = read_brief(s, 17);
    out.items.push_back(std::move(v));
  }
  return out;
}

static const char* kFollowCols =
    "f.id, f.observation_id, o.person_id, f.on_date, f.temperature_tenths, f.temperature, "
    "f.symptoms, f.by_name, "
    "f.done_at, f.note";

static FollowUp read_follow_up(const Stmt& s) {
  FollowUp f;
  f.id = s.i64(0);
  f.observation_id = s.i64(1);
  f.person_id = s.i64(2);
  f.day = date_col(s, 3);
  f.temperature_tenths = !s.is_null(4)   ? static_cast<int>(s.i64(4))
                         : !s.is_null(5) ? tenths_of(s.f64(5))
                                         : 0;
  f.symptoms = parse_symptoms(s.str(6)).value_or(SymptomSet{});
  f.by = s.str(7);
  f.at = DateTime::parse_iso(s.str(8)).value_or(DateTime());
  f.note = s.str(9);
  return f;
}

Result<std::vector<FollowUp>> SqliteEpidemicStore::follow_ups_of(int64_t observation_id) {
  auto s =
      db_.prepare(fmt::format("SELECT {} FROM follow_up f JOIN observation o ON o.id = "
                              "f.observation_id WHERE f.observation_id = ? ORDER BY "
                              "f.on_date",
                              kFollowCols));
  s.bind(1, observation_id);
  std::vector<FollowUp> out;
  while (s.step()) out.push_back(read_follow_up(s));
  return out;
}

Result<FollowUp> SqliteEpidemicStore::add_follow_up(FollowUp f, bool alert, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "INSERT INTO follow_up (observation_id, on_date, done_at, temperature, temperature_tenths, "
      "symptoms, alert, "
      "by_name, note) VALUES (?,?,?,?,?,?,?,?,?)");
  s.bind(1, f.observation_id)
      .bind(2, f.day.iso())
      .bind(3, f.at.iso())
      .bind(4, f.temperature_tenths / 10.0);
  s.bind(5, static_cast<int64_t>(f.temperature_tenths))
      .bind(6, symptom_ids(f.symptoms))
      .bind(7, alert ? 1 : 0);
  s.bind(8, f.by).bind(9, f.note);
  if (auto st = s.exec(); !st) {
    if (s.extended_rc() == SQLITE_CONSTRAINT_UNIQUE)
      return conflict("follow_up.duplicate", "day",
                      fmt::format("{}的随访已经记录过了", f.day.iso()),
                      fmt::format("The follow-up for {} is already recorded", f.day.iso()));
    return st.error();
  }
  f.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(log(actor, "follow_up.create", "follow_up", f.id, "", to_json(f).dump()));
  LZ_TRY(tx.commit());
  return f;
}

Status SqliteEpidemicStore::due_inputs(const std::string& region_prefix,
                                       std::optional<int64_t> cadre_id, Date d,
                                       std::vector<ObservationDue>& observations,
                                       std::vector<FollowUpRecord>& follow_ups) {
  // Anything started by d: an observation released or ended long ago has no
  // due or overdue day on d, but its overdue days vanish only when done, so
  // the domain decides; the store bounds the scan to what started by d.
  std::string where = "o.region_code >= ? AND o.region_code < ? AND o.start_on <= ?";
  if (cadre_id) where += " AND o.cadre_id = ?";
  auto bind_all = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, region_prefix);
    s.bind(i++, prefix_end(region_prefix));
    s.bind(i++, d.iso());
    if (cadre_id) s.bind(i++, *cadre_id);
  };
  {
    auto s = db_.prepare(
        "SELECT o.id, o.person_id, o.region_code, o.kind, o.start_on, o.planned_end, "
        "o.released_on, o.cadre_id FROM "
        "observation o WHERE " +
        where);
    bind_all(s);
    while (s.step()) {
      ObservationDue od;
      od.record.observation_id = s.i64(0);
      od.record.person_id = s.i64(1);
      od.record.region_code = s.str(2);
      od.record.kind =
          s.str(3) == "centralized" ? ObservationKind::kCentralized : ObservationKind::kHome;
      od.record.start = date_col(s, 4);
      od.record.planned_end = date_col(s, 5);
      od.record.released_on = opt_date_col(s, 6);
      od.cadre_id = s.opt_i64(7);
      observations.push_back(std::move(od));
    }
  }
  auto s = db_.prepare(
      "SELECT f.observation_id, f.on_date, substr(f.done_at, 1, 10) FROM follow_up f JOIN "
      "observation o ON o.id = "
      "f.observation_id WHERE f.on_date <= ? AND " +
      where);
  s.bind(1, d.iso());
  {
    int i = 2;
    s.bind(i++, region_prefix);
    s.bind(i++, prefix_end(region_prefix));
    s.bind(i++, d.iso());
    if (cadre_id) s.bind(i++, *cadre_id);
  }
  while (s.step())
    follow_ups.push_back({s.i64(0), date_col(s, 1), Date::parse_iso(s.str(2)).value_or(d)});
  return {};
}

}  // namespace lz::sqlite
