// SqliteStore: updates, soft deletes and filtered lists of the registry.
// Each write: BEGIN IMMEDIATE, check the version, check references, write,
// append the audit entry with before/after, COMMIT; any failure rolls back.
#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "registry/json.h"
#include "registry/region_tree.h"
#include "store/sqlite/region_filter.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_regions.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::sqlite {

namespace {

// Builds "WHERE ..." clauses with their bound arguments (text or integers).
struct Where {
  std::string sql = "1=1";
  std::vector<std::variant<std::string, int64_t>> args;
  void add(const std::string& clause) { sql += " AND " + clause; }
  template <typename... A>
  void add(const std::string& clause, A&&... a) {
    sql += " AND " + clause;
    (args.emplace_back(std::forward<A>(a)), ...);
  }
  void bind(Stmt& s, int& i) const {
    for (const auto& a : args) {
      if (std::holds_alternative<int64_t>(a))
        s.bind(i++, std::get<int64_t>(a));
      else
        s.bind(i++, std::get<std::string>(a));
    }
  }
};

Status check_page(int64_t limit, int64_t offset) {
  if (limit < 0 || limit > 1000 || offset < 0)
    return invalid("limit.range", "limit", "每页条数应在0到1000之间，偏移量不能为负",
                   "limit must be 0 to 1000 and offset not negative");
  return {};
}

Error bad_sort(const std::string& sort, const char* allowed) {
  return invalid("sort.unknown", "sort", fmt::format("排序字段“{}”无效，可选：{}", sort, allowed),
                 fmt::format("Unknown sort \"{}\"; expected one of: {}", sort, allowed));
}

std::string opt_date(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

// The number of rows of `from` ("cadre c") that match `w`.
int64_t count_where(Db& db, const std::string& from, const Where& w) {
  auto c = db.prepare("SELECT COUNT(*) FROM " + from + " WHERE " + w.sql);
  int i = 1;
  w.bind(c, i);
  return c.step() ? c.i64(0) : 0;
}

// Binds w's arguments, then the page (the statement ends with LIMIT ? OFFSET ?).
void bind_page(Stmt& s, const Where& w, int64_t limit, int64_t offset) {
  int i = 1;
  w.bind(s, i);
  s.bind(i, limit);
  s.bind(i + 1, offset);
}

// The records whose ids `s` (already bound) yields, each read with load(id).
template <typename T, typename Load>
Status load_each(Stmt& s, std::vector<T>& out, Load load) {
  std::vector<int64_t> ids;
  while (s.step()) ids.push_back(s.i64(0));
  for (auto id : ids) {
    auto one = load(id);
    if (!one) return one.error();
    out.push_back(std::move(one).value());
  }
  return {};
}

// For a soft delete that touches no other row.
constexpr auto kNothingElse = [](const auto&, const std::string&) { return Status(); };

}  // namespace

template <typename Read, typename Also>
Status SqliteStore::soft_delete(const char* table, const char* what_zh, const char* what_en,
                                int64_t id, int64_t expected_version, const Actor& actor, Read read,
                                Also also) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version(table, what_zh, what_en, id, expected_version));
  auto before = read(id);
  if (!before) return before.error();
  std::string now = now_iso();
  LZ_TRY(also(*before, now));
  LZ_TRY(db_->prepare(
                fmt::format("UPDATE {} SET deleted_at = ?, version = version + 1, updated_at = ?, "
                            "updated_by = ? WHERE id = ?",
                            table))
             .bind(1, now)
             .bind(2, now)
             .bind(3, actor.name)
             .bind(4, id)
             .exec());
  LZ_TRY(log(actor, "delete", table, id, audit_text(*before), ""));
  return tx.commit();
}

// ---------------------------------------------------------------- households

Result<Household> SqliteStore::update_household(const Household& h, int64_t expected_version, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version("household", "户", "household", h.id, expected_version));
  auto before = household(h.id);
  if (!before) return before.error();
  {
    auto r = db_->prepare("SELECT level FROM region WHERE code = ?");
    r.bind(1, h.region_code);
    if (!r.step() || (r.str(0) != "village" && r.str(0) != "group"))
      return not_found("region_code.unknown", "region_code", fmt::format("村（社区）或组“{}”不存在", h.region_code),
                       fmt::format("There is no village or group with code \"{}\"", h.region_code));
  }
  {
    auto s = db_->prepare("SELECT id FROM household WHERE number = ? AND deleted_at IS NULL AND id != ?");
    s.bind(1, h.number).bind(2, h.id);
    if (s.step())
      return conflict("number.duplicate", "number", fmt::format("户编号{}已存在", h.number),
                      fmt::format("The household number {} already exists", h.number));
  }
  std::string now = now_iso();
  LZ_TRY(db_->prepare("UPDATE household SET number = ?, region_code = ?, address = ?, phone = ?, version = version + "
                      "1, updated_at = ?, updated_by = ? WHERE id = ?")
             .bind(1, h.number).bind(2, h.region_code).bind(3, h.address).bind(4, h.phone).bind(5, now)
             .bind(6, actor.name).bind(7, h.id).exec());
  if (h.region_code != before->region_code)
    LZ_TRY(db_->prepare("UPDATE person SET region_code = ? WHERE household_id = ?").bind(1, h.region_code).bind(2, h.id).exec());
  auto after = household(h.id);
  if (!after) return after.error();
  LZ_TRY(log(actor, "update", "household", h.id, audit_text(*before), audit_text(*after)));
  LZ_TRY(tx.commit());
  return after;
}

Status SqliteStore::delete_household(int64_t id, int64_t expected_version, const Actor& actor) {
  // Its members go with it and its current pairing ends today.
  auto members_and_pairing = [&](const Household&, const std::string& now) -> Status {
    LZ_TRY(db_->prepare("UPDATE person SET deleted_at = ?, version = version + 1, updated_at = ?, "
                        "updated_by = ? WHERE household_id = ? AND deleted_at IS NULL")
               .bind(1, now)
               .bind(2, now)
               .bind(3, actor.name)
               .bind(4, id)
               .exec());
    return db_
        ->prepare(
            "UPDATE pairing SET to_date = ?, version = version + 1, updated_at = ?, updated_by = ? "
            "WHERE household_id = ? AND to_date IS NULL AND deleted_at IS NULL")
        .bind(1, Date::today().iso())
        .bind(2, now)
        .bind(3, actor.name)
        .bind(4, id)
        .exec();
  };
  return soft_delete(
      "household", "户", "household", id, expected_version, actor,
      [this](int64_t i) { return household(i); }, members_and_pairing);
}

// ---------------------------------------------------------------- persons

Result<Person> SqliteStore::update_person(const Person& p, int64_t expected_version, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version("person", "人员", "person", p.id, expected_version));
  auto before = person(p.id);
  if (!before) return before.error();
  if (p.id_number != before->id_number) {
    auto s = db_->prepare("SELECT name FROM person WHERE id_number = ? AND deleted_at IS NULL AND id != ?");
    s.bind(1, p.id_number).bind(2, p.id);
    if (s.step())
      return conflict("id_number.duplicate", "id_number",
                      fmt::format("公民身份号码{}已登记为{}，不能重复登记", p.id_number, s.str(0)),
                      fmt::format("The ID number {} is already registered to {}", p.id_number, s.str(0)));
  }
  if (p.relationship == "01" && before->relationship != "01" && before->household_id) {
    auto s = db_->prepare("SELECT head_person_id FROM household WHERE id = ?");
    s.bind(1, *before->household_id);
    if (s.step() && !s.is_null(0) && s.i64(0) != p.id)
      return conflict("relationship.second_head", "relationship", "该户已有户主，不能再登记“本人”",
                      "This household already has a head; a second member cannot be 01 self");
  }
  std::string now = now_iso();
  auto s = db_->prepare(
      "UPDATE person SET name = ?, id_number = ?, sex = ?, birth_date = ?, relationship = ?, ethnicity = ?, "
      "education = ?, enrolment = ?, health = ?, labour = ?, phone = ?, version = version + 1, updated_at = ?, "
      "updated_by = ? WHERE id = ?");
  s.bind(1, p.name).bind(2, p.id_number).bind(3, p.sex).bind(4, p.birth_date.iso()).bind(5, p.relationship);
  s.bind(6, p.ethnicity).bind(7, p.education).bind(8, p.enrolment).bind(9, p.health).bind(10, p.labour);
  s.bind(11, p.phone).bind(12, now).bind(13, actor.name).bind(14, p.id);
  LZ_TRY(s.exec());
  if (before->household_id && p.relationship == "01")
    LZ_TRY(db_->prepare("UPDATE household SET head_person_id = ? WHERE id = ?").bind(1, p.id).bind(2, *before->household_id).exec());
  if (before->household_id && before->relationship == "01" && p.relationship != "01")
    LZ_TRY(db_->prepare("UPDATE household SET head_person_id = NULL WHERE id = ? AND head_person_id = ?")
               .bind(1, *before->household_id).bind(2, p.id).exec());
  auto after = person(p.id);
  if (!after) return after.error();
  LZ_TRY(log(actor, "update", "person", p.id, audit_text(*before), audit_text(*after)));
  LZ_TRY(tx.commit());
  return after;
}

Status SqliteStore::delete_person(int64_t id, int64_t expected_version, const Actor& actor) {
  // A deleted head leaves the household without one.
  auto head = [&](const Person& before, const std::string&) -> Status {
    if (!before.household_id) return {};
    return db_
        ->prepare("UPDATE household SET head_person_id = NULL WHERE id = ? AND head_person_id = ?")
        .bind(1, *before.household_id)
        .bind(2, id)
        .exec();
  };
  return soft_delete(
      "person", "人员", "person", id, expected_version, actor,
      [this](int64_t i) { return person(i); }, head);
}

Result<ListResult<Person>> SqliteStore::list_persons(const PersonQuery& q) {
  LZ_TRY(check_page(q.limit, q.offset));
  Where w;
  w.add("p.deleted_at IS NULL");
  if (!q.region_prefix.empty()) w.add("p.region_code >= ? AND p.region_code < ?", q.region_prefix, prefix_end(q.region_prefix));
  if (q.paired_cadre_id)
    w.add("p.household_id IN (SELECT household_id FROM pairing WHERE cadre_id = ? AND to_date IS NULL AND deleted_at "
          "IS NULL)",
          *q.paired_cadre_id);
  if (!q.text.empty())
    w.add("(p.id_number = ? OR p.name LIKE ? OR p.name LIKE ? OR p.household_id IN (SELECT id FROM household WHERE "
          "number = ?))",
          q.text, "%" + q.text + "%", "%" + (q.text_simplified.empty() ? q.text : q.text_simplified) + "%", q.text);
  if (!q.sex.empty()) w.add("p.sex = ?", q.sex);
  if (!q.relationship.empty()) w.add("p.relationship = ?", q.relationship);
  if (!q.health.empty()) w.add("p.health = ?", q.health);
  if (!q.labour.empty()) w.add("p.labour = ?", q.labour);
  if (!q.enrolment.empty()) w.add("p.enrolment = ?", q.enrolment);
  if (q.household_id) w.add("p.household_id = ?", *q.household_id);
  // Age bounds become birth-date bounds.
  if (q.min_age) {
    auto d = Date::from_ymd(q.as_of.year() - *q.min_age, q.as_of.month(), std::min(q.as_of.day(), 28));
    if (d) w.add("p.birth_date <= ?", d->iso());
  }
  if (q.max_age) {
    auto d = Date::from_ymd(q.as_of.year() - *q.max_age - 1, q.as_of.month(), std::min(q.as_of.day(), 28));
    if (d) w.add("p.birth_date > ?", d->iso());
  }
  std::string order;
  if (q.sort == "id") order = "p.id";
  else if (q.sort == "-id") order = "p.id DESC";
  else if (q.sort == "name") order = "p.name, p.id";
  else if (q.sort == "birth_date") order = "p.birth_date, p.id";
  else if (q.sort == "-birth_date") order = "p.birth_date DESC, p.id";
  else return bad_sort(q.sort, "id, -id, name, birth_date, -birth_date");
  ListResult<Person> out;
  out.total = count_where(*db_, "person p", w);
  std::string cols;
  for (std::string_view col : {"id", "household_id", "name", "id_number", "sex", "birth_date", "relationship",
                               "ethnicity", "education", "enrolment", "health", "labour", "phone", "region_code",
                               "version", "created_at", "created_by", "updated_at", "updated_by"})
    cols += (cols.empty() ? "p." : ", p.") + std::string(col);
  auto s = db_->prepare("SELECT " + cols + " FROM person p WHERE " + w.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?");
  bind_page(s, w, q.limit, q.offset);
  while (s.step()) out.items.push_back(read_person(s));
  return out;
}

// ---------------------------------------------------------------- cadres

Result<Cadre> SqliteStore::update_cadre(const Cadre& c, int64_t expected_version, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version("cadre", "干部", "cadre", c.id, expected_version));
  auto before = cadre(c.id);
  if (!before) return before.error();
  {
    auto r = db_->prepare("SELECT 1 FROM region WHERE code = ?");
    r.bind(1, c.region_code);
    if (!r.step())
      return not_found("region_code.unknown", "region_code", fmt::format("区划代码“{}”不存在", c.region_code),
                       fmt::format("There is no region with code \"{}\"", c.region_code));
  }
  std::string now = now_iso();
  LZ_TRY(db_->prepare("UPDATE cadre SET name = ?, unit = ?, phone = ?, region_code = ?, version = version + 1, "
                      "updated_at = ?, updated_by = ? WHERE id = ?")
             .bind(1, c.name).bind(2, c.unit).bind(3, c.phone).bind(4, c.region_code).bind(5, now)
             .bind(6, actor.name).bind(7, c.id).exec());
  LZ_TRY(db_->prepare("DELETE FROM cadre_kind WHERE cadre_id = ?").bind(1, c.id).exec());
  auto k = db_->prepare("INSERT INTO cadre_kind (cadre_id, kind) VALUES (?,?)");
  for (const auto& kind : c.kinds) LZ_TRY(k.bind(1, c.id).bind(2, kind).exec());
  auto after = cadre(c.id);
  if (!after) return after.error();
  LZ_TRY(log(actor, "update", "cadre", c.id, audit_text(*before), audit_text(*after)));
  LZ_TRY(tx.commit());
  return after;
}

Status SqliteStore::delete_cadre(int64_t id, int64_t expected_version, const Actor& actor) {
  // Refused while the cadre is still paired with households ...
  auto no_pairings = [&](const Cadre& before, const std::string&) -> Status {
    auto s = db_->prepare("SELECT COUNT(*) FROM pairing WHERE cadre_id = ? AND to_date IS NULL AND deleted_at IS NULL");
    s.bind(1, id);
    if (s.step() && s.i64(0) > 0)
      return conflict(
          "cadre.has_pairings", "id",
          fmt::format("干部{}仍负责{}户结对帮扶，请先调整结对再删除", before.name, s.i64(0)),
          fmt::format("Cadre {} is still responsible for {} households: move the pairings first",
                      before.name, s.i64(0)));
    // ... or while on a village team in place (its leader or a member): the
    // team could not be changed afterwards (干部N不存在 on every edit).
    auto t = db_->prepare(
        "SELECT COUNT(*), COALESCE(MIN(NULLIF(name, '')), MIN(village_code)) FROM village_team "
        "WHERE deleted_at IS NULL AND to_date IS NULL AND (leader_cadre_id = ?1 OR id IN "
        "(SELECT team_id FROM village_team_member WHERE cadre_id = ?1))");
    t.bind(1, id);
    if (t.step() && t.i64(0) > 0) {
      std::string team = t.str(1);
      if (auto r = read_region(*db_, team); r && *r)
        team = (*r)->name;  // a team without a name: its village
      return conflict(
          "cadre.in_team", "id",
          fmt::format("干部{}仍在{}支驻村工作队（{}等）中，请先调整工作队再删除", before.name,
                      t.i64(0), team),
          fmt::format("Cadre {} is still on {} village team(s) ({}...): change the teams first",
                      before.name, t.i64(0), team));
    }
    return {};
  };
  return soft_delete(
      "cadre", "干部", "cadre", id, expected_version, actor, [this](int64_t i) { return cadre(i); },
      no_pairings);
}

Result<ListResult<Cadre>> SqliteStore::list_cadres(const CadreQuery& q) {
  LZ_TRY(check_page(q.limit, q.offset));
  Where w;
  w.add("c.deleted_at IS NULL");
  if (!q.region_prefix.empty()) w.add("c.region_code >= ? AND c.region_code < ?", q.region_prefix, prefix_end(q.region_prefix));
  if (!q.text.empty()) w.add("(c.name LIKE ? OR c.phone = ?)", "%" + q.text + "%", q.text);
  if (!q.kind.empty()) w.add("c.id IN (SELECT cadre_id FROM cadre_kind WHERE kind = ?)", q.kind);
  std::string order;
  if (q.sort == "id") order = "c.id";
  else if (q.sort == "-id") order = "c.id DESC";
  else if (q.sort == "name") order = "c.name, c.id";
  else return bad_sort(q.sort, "id, -id, name");
  ListResult<Cadre> out;
  out.total = count_where(*db_, "cadre c", w);
  auto s = db_->prepare("SELECT c.id FROM cadre c WHERE " + w.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?");
  bind_page(s, w, q.limit, q.offset);
  LZ_TRY(load_each(s, out.items, [this](int64_t id) { return cadre(id); }));
  return out;
}

// ---------------------------------------------------------------- village teams

Result<VillageTeam> SqliteStore::update_village_team(const VillageTeam& t, int64_t expected_version,
                                                     const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version("village_team", "驻村工作队", "village team", t.id, expected_version));
  auto before = village_team(t.id);
  if (!before) return before.error();
  if (t.to_date && *t.to_date < t.from_date)
    return invalid("to_date.before_from", "to_date", "结束日期不能早于开始日期", "The end date is before the start date");
  std::vector<int64_t> members = t.member_cadre_ids;
  if (t.leader_cadre_id && std::find(members.begin(), members.end(), *t.leader_cadre_id) == members.end())
    members.insert(members.begin(), *t.leader_cadre_id);
  for (size_t i = 0; i < members.size(); ++i) {
    auto c = db_->prepare("SELECT 1 FROM cadre WHERE id = ? AND deleted_at IS NULL");
    c.bind(1, members[i]);
    if (!c.step())
      return not_found("cadre.not_found", fmt::format("member_cadre_ids[{}]", i), fmt::format("干部{}不存在", members[i]),
                       fmt::format("There is no cadre with id {}", members[i]));
  }
  std::string now = now_iso();
  auto to = opt_date(t.to_date);
  LZ_TRY(db_->prepare("UPDATE village_team SET name = ?, leader_cadre_id = ?, from_date = ?, to_date = ?, version = "
                      "version + 1, updated_at = ?, updated_by = ? WHERE id = ?")
             .bind(1, t.name).bind(2, t.leader_cadre_id).bind(3, t.from_date.iso())
             .bind(4, to.empty() ? std::optional<std::string>() : std::optional<std::string>(to))
             .bind(5, now).bind(6, actor.name).bind(7, t.id).exec());
  LZ_TRY(db_->prepare("DELETE FROM village_team_member WHERE team_id = ?").bind(1, t.id).exec());
  auto m = db_->prepare("INSERT INTO village_team_member (team_id, cadre_id) VALUES (?,?)");
  for (auto cid : members)
    if (!m.bind(1, t.id).bind(2, cid).exec())
      return conflict("member_cadre_ids.duplicate", "member_cadre_ids", fmt::format("干部{}重复列出", cid),
                      fmt::format("Cadre {} is listed twice", cid));
  auto after = village_team(t.id);
  if (!after) return after.error();
  LZ_TRY(log(actor, "update", "village_team", t.id, audit_text(*before), audit_text(*after)));
  LZ_TRY(tx.commit());
  return after;
}

Status SqliteStore::delete_village_team(int64_t id, int64_t expected_version, const Actor& actor) {
  return soft_delete(
      "village_team", "驻村工作队", "village team", id, expected_version, actor,
      [this](int64_t i) { return village_team(i); }, kNothingElse);
}

Result<ListResult<VillageTeam>> SqliteStore::list_village_teams(const VillageTeamQuery& q) {
  LZ_TRY(check_page(q.limit, q.offset));
  Where w;
  w.add("t.deleted_at IS NULL");
  if (!q.region_prefix.empty()) w.add("t.village_code >= ? AND t.village_code < ?", q.region_prefix, prefix_end(q.region_prefix));
  if (q.cadre_id) w.add("t.id IN (SELECT team_id FROM village_team_member WHERE cadre_id = ?)", *q.cadre_id);
  ListResult<VillageTeam> out;
  out.total = count_where(*db_, "village_team t", w);
  auto s = db_->prepare("SELECT t.id FROM village_team t WHERE " + w.sql + " ORDER BY t.village_code, t.id LIMIT ? OFFSET ?");
  bind_page(s, w, q.limit, q.offset);
  LZ_TRY(load_each(s, out.items, [this](int64_t id) { return village_team(id); }));
  return out;
}

// ---------------------------------------------------------------- pairings

Result<Pairing> SqliteStore::pairing(int64_t id) {
  auto s = db_->prepare(fmt::format("SELECT {} FROM pairing WHERE id = ? AND deleted_at IS NULL", kPairingCols));
  s.bind(1, id);
  if (!s.step())
    return not_found("pairing.not_found", "id", fmt::format("结对{}不存在", id),
                     fmt::format("There is no pairing with id {}", id));
  return read_pairing(s);
}

Result<Pairing> SqliteStore::end_pairing(int64_t id, Date to_date, int64_t expected_version, const Actor& actor) {
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  LZ_TRY(check_version("pairing", "结对", "pairing", id, expected_version));
  auto before = pairing(id);
  if (!before) return before.error();
  if (to_date < before->from_date)
    return invalid("to_date.before_from", "to_date", "结束日期不能早于开始日期", "The end date is before the start date");
  std::string now = now_iso();
  LZ_TRY(db_->prepare("UPDATE pairing SET to_date = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")
             .bind(1, to_date.iso()).bind(2, now).bind(3, actor.name).bind(4, id).exec());
  auto after = pairing(id);
  if (!after) return after.error();
  LZ_TRY(log(actor, "update", "pairing", id, audit_text(*before), audit_text(*after)));
  LZ_TRY(tx.commit());
  return after;
}

Status SqliteStore::delete_pairing(int64_t id, int64_t expected_version, const Actor& actor) {
  return soft_delete(
      "pairing", "结对", "pairing", id, expected_version, actor,
      [this](int64_t i) { return pairing(i); }, kNothingElse);
}

Result<ListResult<Pairing>> SqliteStore::list_pairings(const PairingQuery& q) {
  LZ_TRY(check_page(q.limit, q.offset));
  Where w;
  w.add("p.deleted_at IS NULL");
  if (!q.region_prefix.empty())
    w.add(household_in_region("p.household_id", q.region_prefix), q.region_prefix,
          prefix_end(q.region_prefix));
  if (q.cadre_id) w.add("p.cadre_id = ?", *q.cadre_id);
  if (q.household_id) w.add("p.household_id = ?", *q.household_id);
  if (q.current_only) w.add("p.to_date IS NULL");
  ListResult<Pairing> out;
  out.total = count_where(*db_, "pairing p", w);
  std::string cols;
  for (std::string_view col : {"id", "cadre_id", "household_id", "from_date", "to_date", "version", "created_at",
                               "created_by", "updated_at", "updated_by"})
    cols += (cols.empty() ? "p." : ", p.") + std::string(col);
  auto s = db_->prepare("SELECT " + cols + " FROM pairing p WHERE " + w.sql + " ORDER BY p.id LIMIT ? OFFSET ?");
  bind_page(s, w, q.limit, q.offset);
  while (s.step()) out.items.push_back(read_pairing(s));
  return out;
}

Result<bool> SqliteStore::is_paired(int64_t cadre_id, int64_t household_id) {
  auto s = db_->prepare(
      "SELECT 1 FROM pairing WHERE cadre_id = ? AND household_id = ? AND to_date IS NULL AND deleted_at IS NULL");
  s.bind(1, cadre_id).bind(2, household_id);
  return s.step();
}

}  // namespace lz::sqlite
