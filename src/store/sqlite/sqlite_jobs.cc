#include "store/sqlite/sqlite_jobs.h"

#include <fmt/format.h>

#include "livelihood/jobs_json.h"
#include "store/sqlite/region_insert.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/versioned.h"

namespace lz::sqlite {

using namespace lz::livelihood;

namespace {

std::optional<Date> opt_date(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return Date::parse_iso(s.str(col));
}
Date date_of(const Stmt& s, int col) { return Date::parse_iso(s.str(col)).value_or(Date()); }
std::optional<std::string> iso_or_null(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

Error stale(const char* what_zh, const char* what_en, int64_t id) {
  return conflict("version.stale", "version", fmt::format("{}{}已被他人修改，请刷新后重试", what_zh, id),
                  fmt::format("{} {} was changed by someone else: reload and try again", what_en, id));
}

int64_t changes(Db& db) { return sqlite3_changes(db.handle()); }

constexpr const char* kLabourerCols =
    "l.id, l.person_id, l.household_id, l.region_code, l.skills, l.available_from, l.hours, l.returned_from, "
    "l.wanted_kind, l.wanted_place, l.status, l.note, l.version, l.created_at, l.updated_at, p.name, "
    "COALESCE(ph.status, '')";
constexpr const char* kLabourerFrom =
    " FROM labourer l JOIN person p ON p.id = l.person_id LEFT JOIN poverty_household ph ON ph.household_id = "
    "l.household_id";

LabourerView read_labourer(const Stmt& s) {
  LabourerView v;
  auto& l = v.l;
  l.id = s.i64(0);
  l.person_id = s.i64(1);
  l.household_id = s.i64(2);
  l.region_code = s.str(3);
  l.skills = split_skills(s.str(4));
  l.available_from = date_of(s, 5);
  l.hours = s.str(6);
  l.returned_from = s.str(7);
  l.wanted_kind = s.str(8);
  l.wanted_place = s.str(9);
  l.status = s.str(10);
  l.note = s.str(11);
  l.version = s.i64(12);
  l.created_at = s.str(13);
  l.updated_at = s.str(14);
  v.name = s.str(15);
  v.poverty_status = s.str(16);
  return v;
}

constexpr const char* kEmployerCols =
    "id, kind, name, region_code, contact_name, contact_phone, enterprise_id, note, version, "
    "active";
Employer read_employer(const Stmt& s) {
  Employer e;
  e.id = s.i64(0);
  e.kind = s.str(1);
  e.name = s.str(2);
  e.region_code = s.str(3);
  e.contact_name = s.str(4);
  e.contact_phone = s.str(5);
  e.enterprise_id = s.opt_i64(6);
  e.note = s.str(7);
  e.version = s.i64(8);
  e.active = s.i64(9) != 0;
  return e;
}

// The filled count: placements of the posting running on `today` or later.
constexpr const char* kPostingCols =
    "j.id, j.employer_id, j.title, j.kind, j.region_code, j.monthly_pay_fen, j.places, j.start_date, j.skills, "
    "j.hours, j.status, j.note, j.version, (SELECT COUNT(*) FROM placement pl WHERE pl.posting_id = j.id AND "
    "(pl.end_date IS NULL OR pl.end_date >= ?1))";
Posting read_posting(const Stmt& s) {
  Posting p;
  p.id = s.i64(0);
  p.employer_id = s.i64(1);
  p.title = s.str(2);
  p.kind = s.str(3);
  p.region_code = s.str(4);
  p.monthly_pay_fen = s.i64(5);
  p.places = s.i64(6);
  p.start_date = date_of(s, 7);
  p.skills = split_skills(s.str(8));
  p.hours = s.str(9);
  p.status = s.str(10);
  p.note = s.str(11);
  p.version = s.i64(12);
  p.filled = s.i64(13);
  return p;
}

constexpr const char* kPlacementCols =
    "pl.id, pl.labourer_id, pl.person_id, pl.household_id, pl.posting_id, pl.region_code, pl.start_date, "
    "pl.end_date, pl.monthly_wage_fen, pl.credit_year, pl.credited_fen, pl.end_reason, pl.version, p.name, "
    "j.title, e.name";
constexpr const char* kPlacementFrom =
    " FROM placement pl JOIN person p ON p.id = pl.person_id JOIN job_posting j ON j.id = pl.posting_id JOIN "
    "employer e ON e.id = j.employer_id";
PlacementView read_placement(const Stmt& s) {
  PlacementView v;
  auto& p = v.p;
  p.id = s.i64(0);
  p.labourer_id = s.i64(1);
  p.person_id = s.i64(2);
  p.household_id = s.i64(3);
  p.posting_id = s.i64(4);
  p.region_code = s.str(5);
  p.start_date = date_of(s, 6);
  p.end_date = opt_date(s, 7);
  p.monthly_wage_fen = s.i64(8);
  p.credit_year = static_cast<int>(s.i64(9));
  p.credited_fen = s.i64(10);
  p.end_reason = s.str(11);
  p.version = s.i64(12);
  v.name = s.str(13);
  v.posting_title = s.str(14);
  v.employer_name = s.str(15);
  return v;
}

constexpr const char* kPostCols =
    "id, kind, title, region_code, monthly_pay_fen, note, version, active";
WelfarePost read_post(const Stmt& s, int at = 0) {
  WelfarePost w;
  w.id = s.i64(at + 0);
  w.kind = s.str(at + 1);
  w.title = s.str(at + 2);
  w.region_code = s.str(at + 3);
  w.monthly_pay_fen = s.i64(at + 4);
  w.note = s.str(at + 5);
  w.version = s.i64(at + 6);
  w.active = s.i64(at + 7) != 0;
  return w;
}

constexpr const char* kHoldingCols =
    "id, post_id, person_id, household_id, region_code, from_date, to_date, credit_year, credited_fen, end_reason";
WelfareHolding read_holding(const Stmt& s, int at = 0) {
  WelfareHolding h;
  h.id = s.i64(at + 0);
  h.post_id = s.i64(at + 1);
  h.person_id = s.i64(at + 2);
  h.household_id = s.i64(at + 3);
  h.region_code = s.str(at + 4);
  h.from_date = date_of(s, at + 5);
  h.to_date = opt_date(s, at + 6);
  h.credit_year = static_cast<int>(s.i64(at + 7));
  h.credited_fen = s.i64(at + 8);
  h.end_reason = s.str(at + 9);
  return h;
}

constexpr const char* kPairedClause =
    " AND EXISTS (SELECT 1 FROM pairing pr WHERE pr.household_id = {}.household_id AND pr.cadre_id = ? AND "
    "pr.to_date IS NULL AND pr.deleted_at IS NULL)";

int64_t count_of(Db& db, const std::string& sql, const std::function<void(Stmt&)>& bind) {
  auto s = db.prepare(sql);
  bind(s);
  return s.step() ? s.i64(0) : 0;
}

}  // namespace

// ---------------------------------------------------------------- persons

Result<JobsPerson> SqliteJobsStore::person(int64_t person_id) {
  auto s = db_.prepare(
      "SELECT p.id, p.name, p.household_id, p.region_code, p.labour, p.birth_date, COALESCE(ph.status, '') FROM "
      "person p LEFT JOIN poverty_household ph ON ph.household_id = p.household_id WHERE p.id = ? AND "
      "p.deleted_at IS NULL");
  s.bind(1, person_id);
  if (!s.step())
    return not_found("person.not_found", "person_id", fmt::format("人员{}不存在", person_id),
                     fmt::format("There is no person {}", person_id));
  JobsPerson p;
  p.id = s.i64(0);
  p.name = s.str(1);
  p.household_id = s.opt_i64(2);
  p.region_code = s.str(3);
  p.labour = s.str(4);
  p.birth_date = date_of(s, 5);
  p.poverty_status = s.str(6);
  return p;
}

Status SqliteJobsStore::each_poor_member_with_labour(
    const std::function<Status(const JobsPerson&)>& f) {
  auto s = db_.prepare(
      "SELECT p.id, p.name, p.household_id, p.region_code, p.labour, p.birth_date, ph.status FROM person p JOIN "
      "poverty_household ph ON ph.household_id = p.household_id WHERE p.deleted_at IS NULL AND p.labour IN "
      "('ordinary','skilled','weak') ORDER BY p.id");
  JobsPerson p;
  while (s.step()) {
    p.id = s.i64(0);
    p.name = s.str(1);
    p.household_id = s.opt_i64(2);
    p.region_code = s.str(3);
    p.labour = s.str(4);
    p.birth_date = date_of(s, 5);
    p.poverty_status = s.str(6);
    LZ_TRY(f(p));
  }
  return {};
}

Result<std::string> SqliteJobsStore::poverty_status(int64_t household_id) {
  auto s = db_.prepare("SELECT status FROM poverty_household WHERE household_id = ?");
  s.bind(1, household_id);
  return s.step() ? s.str(0) : std::string();
}

// ---------------------------------------------------------------- labourers

Result<Labourer> SqliteJobsStore::insert_labourer(Labourer l, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto dup = db_.prepare("SELECT id FROM labourer WHERE person_id = ?");
  dup.bind(1, l.person_id);
  if (dup.step())
    return conflict("labourer.duplicate", "person_id",
                    fmt::format("人员{}已登记为劳动力（登记号{}）", l.person_id, dup.i64(0)),
                    fmt::format("Person {} is already registered as labourer {}", l.person_id, dup.i64(0)));
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO labourer (person_id, household_id, region_code, skills, available_from, hours, returned_from, "
      "wanted_kind, wanted_place, status, note, version, created_at, created_by, updated_at, updated_by) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, l.person_id)
      .bind(2, l.household_id)
      .bind(3, l.region_code)
      .bind(4, join_skills(l.skills))
      .bind(5, l.available_from.iso())
      .bind(6, l.hours)
      .bind(7, l.returned_from)
      .bind(8, l.wanted_kind)
      .bind(9, l.wanted_place)
      .bind(10, l.status)
      .bind(11, l.note)
      .bind(12, now)
      .bind(13, actor.name)
      .bind(14, now)
      .bind(15, actor.name);
  LZ_TRY(s.exec());
  l.id = sqlite3_last_insert_rowid(db_.handle());
  l.version = 1;
  l.created_at = l.updated_at = now;
  LZ_TRY(audit_record(audit_, actor, "labourer.create", "labourer", l.id, "", to_json(l).dump()));
  LZ_TRY(tx.commit());
  return l;
}

Result<Labourer> SqliteJobsStore::update_labourer(Labourer l, const Labourer& before, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "UPDATE labourer SET skills = ?, available_from = ?, hours = ?, returned_from = ?, wanted_kind = ?, "
      "wanted_place = ?, status = ?, note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? "
      "AND version = ?");
  s.bind(1, join_skills(l.skills))
      .bind(2, l.available_from.iso())
      .bind(3, l.hours)
      .bind(4, l.returned_from)
      .bind(5, l.wanted_kind)
      .bind(6, l.wanted_place)
      .bind(7, l.status)
      .bind(8, l.note)
      .bind(9, now)
      .bind(10, actor.name)
      .bind(11, l.id)
      .bind(12, l.version);
  LZ_TRY(s.exec());
  if (changes(db_) == 0) return stale("劳动力登记", "Labourer", l.id);
  l.version += 1;
  l.updated_at = now;
  LZ_TRY(audit_record(audit_, actor, "labourer.update", "labourer", l.id, to_json(before).dump(), to_json(l).dump()));
  LZ_TRY(tx.commit());
  return l;
}

Status SqliteJobsStore::set_labourer_status(int64_t id, const std::string& status, const Actor& actor) {
  auto s = db_.prepare(
      "UPDATE labourer SET status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
  s.bind(1, status).bind(2, now_iso()).bind(3, actor.name).bind(4, id);
  return s.exec();
}

Result<LabourerView> SqliteJobsStore::labourer(int64_t id) {
  auto s = db_.prepare(std::string("SELECT ") + kLabourerCols + kLabourerFrom + " WHERE l.id = ?");
  s.bind(1, id);
  if (!s.step())
    return not_found("labourer.not_found", "id", fmt::format("劳动力登记{}不存在", id),
                     fmt::format("There is no labourer {}", id));
  return read_labourer(s);
}

Result<ListResult<LabourerView>> SqliteJobsStore::labourers(const LabourerQuery& q) {
  std::string where = " WHERE l.region_code >= ? AND l.region_code < ?";
  if (!q.status.empty()) where += " AND l.status = ?";
  if (q.household_id) where += " AND l.household_id = ?";
  if (!q.skill.empty()) where += " AND (',' || l.skills || ',') LIKE ?";
  if (q.paired_cadre_id) where += fmt::format(fmt::runtime(kPairedClause), "l");
  auto bind = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (!q.status.empty()) s.bind(i++, q.status);
    if (q.household_id) s.bind(i++, *q.household_id);
    if (!q.skill.empty()) s.bind(i++, "%," + q.skill + ",%");
    if (q.paired_cadre_id) s.bind(i++, *q.paired_cadre_id);
    return i;
  };
  ListResult<LabourerView> out;
  out.total = count_of(db_, std::string("SELECT COUNT(*) FROM labourer l") + where, [&](Stmt& s) { bind(s); });
  auto s = db_.prepare(std::string("SELECT ") + kLabourerCols + kLabourerFrom + where +
                       " ORDER BY l.region_code, l.id LIMIT ? OFFSET ?");
  int i = bind(s);
  s.bind(i, q.limit).bind(i + 1, q.offset);
  while (s.step()) out.items.push_back(read_labourer(s));
  return out;
}

Result<std::vector<Candidate>> SqliteJobsStore::candidates(const std::string& prefix) {
  auto s = db_.prepare(
      "SELECT l.id, l.person_id, COALESCE(ph.status, ''), l.region_code, l.skills, l.available_from, l.hours, "
      "l.wanted_kind, l.wanted_place, p.name FROM labourer l JOIN person p ON p.id = l.person_id LEFT JOIN "
      "poverty_household ph ON ph.household_id = l.household_id WHERE l.region_code >= ? AND l.region_code < ? AND l.status = 'available'");
  s.bind(1, prefix).bind(2, prefix_end(prefix));
  std::vector<Candidate> out;
  while (s.step()) {
    Candidate c;
    c.labourer_id = s.i64(0);
    c.person_id = s.i64(1);
    c.tier = tier_of(s.str(2));
    c.region_code = s.str(3);
    c.skills = split_skills(s.str(4));
    c.available_from = date_of(s, 5);
    c.hours = s.str(6);
    c.wanted_kind = s.str(7);
    c.wanted_place = s.str(8);
    c.name = s.str(9);
    out.push_back(std::move(c));
  }
  return out;
}

// ---------------------------------------------------------------- employers

Result<Employer> SqliteJobsStore::insert_employer(Employer e, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto dup = db_.prepare("SELECT id FROM employer WHERE name = ?");
  dup.bind(1, e.name);
  if (dup.step())
    return conflict("employer.duplicate", "name", fmt::format("用工单位“{}”已登记（编号{}）", e.name, dup.i64(0)),
                    fmt::format("The employer \"{}\" is already registered as {}", e.name, dup.i64(0)));
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO employer (kind, name, region_code, contact_name, contact_phone, enterprise_id, note, version, "
      "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, e.kind)
      .bind(2, e.name)
      .bind(3, e.region_code)
      .bind(4, e.contact_name)
      .bind(5, e.contact_phone)
      .bind(6, e.enterprise_id)
      .bind(7, e.note)
      .bind(8, now)
      .bind(9, actor.name)
      .bind(10, now)
      .bind(11, actor.name);
  auto id = insert_in_region(db_, s, e.region_code);
  if (!id) return id.error();
  e.id = *id;
  e.version = 1;
  LZ_TRY(audit_record(audit_, actor, "employer.create", "employer", e.id, "", to_json(e).dump()));
  LZ_TRY(tx.commit());
  return e;
}

Result<Employer> SqliteJobsStore::employer(int64_t id) {
  auto s = db_.prepare(std::string("SELECT ") + kEmployerCols + " FROM employer WHERE id = ?");
  s.bind(1, id);
  if (!s.step())
    return not_found("employer.not_found", "employer_id", fmt::format("用工单位{}不存在", id),
                     fmt::format("There is no employer {}", id));
  return read_employer(s);
}

Result<ListResult<Employer>> SqliteJobsStore::employers(const std::string& prefix, const std::string& kind,
                                                        int64_t limit, int64_t offset, std::optional<bool> active) {
  std::string where = " WHERE region_code >= ? AND region_code < ?";
  if (!kind.empty()) where += " AND kind = ?";
  if (active) where += *active ? " AND active = 1" : " AND active = 0";
  auto bind = [&](Stmt& s) {
    s.bind(1, prefix).bind(2, prefix_end(prefix));
    if (!kind.empty()) s.bind(3, kind);
    return kind.empty() ? 3 : 4;
  };
  ListResult<Employer> out;
  out.total = count_of(db_, "SELECT COUNT(*) FROM employer" + where, [&](Stmt& s) { bind(s); });
  auto s = db_.prepare(std::string("SELECT ") + kEmployerCols + " FROM employer" + where +
                       " ORDER BY id LIMIT ? OFFSET ?");
  int i = bind(s);
  s.bind(i, limit).bind(i + 1, offset);
  while (s.step()) out.items.push_back(read_employer(s));
  return out;
}

Result<Employer> SqliteJobsStore::update_employer(const Employer& e, int64_t expected_version,
                                                  const Actor& actor) {
  auto dup = db_.prepare("SELECT id FROM employer WHERE name = ? AND id != ?");
  dup.bind(1, e.name).bind(2, e.id);
  if (dup.step())
    return conflict(
        "employer.duplicate", "name",
        fmt::format("用工单位“{}”已登记（编号{}）", e.name, dup.i64(0)),
        fmt::format("The employer \"{}\" is already registered as {}", e.name, dup.i64(0)));
  dup.reset();
  return versioned_edit<Employer>(
      db_, audit_, actor, {"employer", "employer.update", "用工单位", "employer"}, e.id,
      expected_version, [&](int64_t id) { return employer(id); },
      [&](const Employer&) -> Status {
        auto s = db_.prepare(
            "UPDATE employer SET kind=?, name=?, region_code=?, contact_name=?, contact_phone=?, "
            "enterprise_id=?, "
            "note=?, active=?, version=version+1, updated_at=?, updated_by=? WHERE id=?");
        s.bind(1, e.kind)
            .bind(2, e.name)
            .bind(3, e.region_code)
            .bind(4, e.contact_name)
            .bind(5, e.contact_phone);
        s.bind(6, e.enterprise_id).bind(7, e.note).bind(8, e.active ? 1 : 0).bind(9, now_iso());
        s.bind(10, actor.name).bind(11, e.id);
        return s.exec();
      },
      [](const Employer& x) { return to_json(x); });
}

// ---------------------------------------------------------------- postings

Result<Posting> SqliteJobsStore::update_posting(const Posting& p, int64_t expected_version,
                                                Date today, const Actor& actor) {
  return versioned_edit<Posting>(
      db_, audit_, actor, {"job_posting", "job_posting.update", "招聘岗位", "job posting"}, p.id,
      expected_version, [&](int64_t id) { return posting(id, today); },
      [&](const Posting& before) -> Status {
        std::string status = before.status;
        if (status != "closed") status = before.filled >= p.places ? "filled" : "open";
        auto s = db_.prepare(
            "UPDATE job_posting SET title=?, kind=?, region_code=?, monthly_pay_fen=?, places=?, "
            "start_date=?, "
            "skills=?, hours=?, note=?, status=?, version=version+1, updated_at=?, updated_by=? "
            "WHERE id=?");
        s.bind(1, p.title)
            .bind(2, p.kind)
            .bind(3, p.region_code)
            .bind(4, p.monthly_pay_fen)
            .bind(5, p.places);
        s.bind(6, p.start_date.iso())
            .bind(7, join_skills(p.skills))
            .bind(8, p.hours)
            .bind(9, p.note);
        s.bind(10, status).bind(11, now_iso()).bind(12, actor.name).bind(13, p.id);
        return s.exec();
      },
      [](const Posting& x) { return to_json(x); });
}

Result<Posting> SqliteJobsStore::insert_posting(Posting p, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO job_posting (employer_id, title, kind, region_code, monthly_pay_fen, places, start_date, skills, "
      "hours, status, note, version, created_at, created_by, updated_at, updated_by) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, p.employer_id)
      .bind(2, p.title)
      .bind(3, p.kind)
      .bind(4, p.region_code)
      .bind(5, p.monthly_pay_fen)
      .bind(6, p.places)
      .bind(7, p.start_date.iso())
      .bind(8, join_skills(p.skills))
      .bind(9, p.hours)
      .bind(10, p.status)
      .bind(11, p.note)
      .bind(12, now)
      .bind(13, actor.name)
      .bind(14, now)
      .bind(15, actor.name);
  auto id = insert_in_region(db_, s, p.region_code);
  if (!id) return id.error();
  p.id = *id;
  p.version = 1;
  p.filled = 0;
  LZ_TRY(audit_record(audit_, actor, "job_posting.create", "job_posting", p.id, "", to_json(p).dump()));
  LZ_TRY(tx.commit());
  return p;
}

Result<Posting> SqliteJobsStore::posting(int64_t id, Date today) {
  auto s = db_.prepare(std::string("SELECT ") + kPostingCols + " FROM job_posting j WHERE j.id = ?2");
  s.bind(1, today.iso()).bind(2, id);
  if (!s.step())
    return not_found("job_posting.not_found", "posting_id", fmt::format("招聘岗位{}不存在", id),
                     fmt::format("There is no job posting {}", id));
  return read_posting(s);
}

Result<ListResult<Posting>> SqliteJobsStore::postings(const PostingQuery& q, Date today) {
  std::string where = " WHERE j.region_code >= ?2 AND j.region_code < ?3";
  if (!q.status.empty()) where += " AND j.status = ?4";
  if (q.employer_id) where += " AND j.employer_id = ?5";
  auto bind = [&](Stmt& s) {
    s.bind(1, today.iso()).bind(2, q.region_prefix).bind(3, prefix_end(q.region_prefix));
    if (!q.status.empty()) s.bind(4, q.status);
    if (q.employer_id) s.bind(5, *q.employer_id);
  };
  ListResult<Posting> out;
  out.total = count_of(db_, "SELECT COUNT(*), ?1 FROM job_posting j" + where, bind);
  auto s = db_.prepare(std::string("SELECT ") + kPostingCols + " FROM job_posting j" + where +
                       " ORDER BY j.start_date DESC, j.id LIMIT ?6 OFFSET ?7");
  bind(s);
  s.bind(6, q.limit).bind(7, q.offset);
  while (s.step()) out.items.push_back(read_posting(s));
  return out;
}

Result<Posting> SqliteJobsStore::set_posting_status(int64_t id, const std::string& status,
                                                    std::optional<int64_t> expected_version, Date today,
                                                    const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = posting(id, today);
  if (!before) return before.error();
  if (expected_version && *expected_version != before->version) return stale("招聘岗位", "Job posting", id);
  if (before->status == status) return before;
  auto s = db_.prepare(
      "UPDATE job_posting SET status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
  s.bind(1, status).bind(2, now_iso()).bind(3, actor.name).bind(4, id);
  LZ_TRY(s.exec());
  Posting after = *before;
  after.status = status;
  after.version += 1;
  if (expected_version)
    LZ_TRY(audit_record(audit_, actor, "job_posting.status", "job_posting", id, to_json(*before).dump(),
                        to_json(after).dump()));
  LZ_TRY(tx.commit());
  return after;
}

// ---------------------------------------------------------------- placements

Result<Placement> SqliteJobsStore::insert_placement(Placement p, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO placement (labourer_id, person_id, household_id, posting_id, region_code, start_date, end_date, "
      "monthly_wage_fen, credit_year, credited_fen, end_reason, version, created_at, created_by, updated_at, "
      "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, p.labourer_id)
      .bind(2, p.person_id)
      .bind(3, p.household_id)
      .bind(4, p.posting_id)
      .bind(5, p.region_code)
      .bind(6, p.start_date.iso())
      .bind(7, iso_or_null(p.end_date))
      .bind(8, p.monthly_wage_fen)
      .bind(9, p.credit_year)
      .bind(10, p.credited_fen)
      .bind(11, p.end_reason)
      .bind(12, now)
      .bind(13, actor.name)
      .bind(14, now)
      .bind(15, actor.name);
  LZ_TRY(s.exec());
  p.id = sqlite3_last_insert_rowid(db_.handle());
  p.version = 1;
  LZ_TRY(audit_record(audit_, actor, "placement.create", "placement", p.id, "", to_json(p).dump()));
  LZ_TRY(tx.commit());
  return p;
}

Result<Placement> SqliteJobsStore::save_placement_end(const Placement& p, const Placement& before,
                                                      const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "UPDATE placement SET end_date = ?, credited_fen = ?, end_reason = ?, version = version + 1, updated_at = ?, "
      "updated_by = ? WHERE id = ? AND version = ?");
  s.bind(1, iso_or_null(p.end_date))
      .bind(2, p.credited_fen)
      .bind(3, p.end_reason)
      .bind(4, now_iso())
      .bind(5, actor.name)
      .bind(6, p.id)
      .bind(7, before.version);
  LZ_TRY(s.exec());
  if (changes(db_) == 0) return stale("就业安置", "Placement", p.id);
  Placement after = p;
  after.version = before.version + 1;
  LZ_TRY(audit_record(audit_, actor, "placement.end", "placement", p.id, to_json(before).dump(),
                      to_json(after).dump()));
  LZ_TRY(tx.commit());
  return after;
}

Result<PlacementView> SqliteJobsStore::placement(int64_t id) {
  auto s = db_.prepare(std::string("SELECT ") + kPlacementCols + kPlacementFrom + " WHERE pl.id = ?");
  s.bind(1, id);
  if (!s.step())
    return not_found("placement.not_found", "id", fmt::format("就业安置{}不存在", id),
                     fmt::format("There is no placement {}", id));
  return read_placement(s);
}

Result<ListResult<PlacementView>> SqliteJobsStore::placements(const PlacementQuery& q) {
  std::string where = " WHERE pl.region_code >= ? AND pl.region_code < ?";
  if (q.posting_id) where += " AND pl.posting_id = ?";
  if (q.labourer_id) where += " AND pl.labourer_id = ?";
  if (q.running_on) where += " AND pl.start_date <= ? AND (pl.end_date IS NULL OR pl.end_date >= ?)";
  if (q.paired_cadre_id) where += fmt::format(fmt::runtime(kPairedClause), "pl");
  auto bind = [&](Stmt& s) {
    int i = 1;
    s.bind(i++, q.region_prefix);
    s.bind(i++, prefix_end(q.region_prefix));
    if (q.posting_id) s.bind(i++, *q.posting_id);
    if (q.labourer_id) s.bind(i++, *q.labourer_id);
    if (q.running_on) {
      s.bind(i++, q.running_on->iso());
      s.bind(i++, q.running_on->iso());
    }
    if (q.paired_cadre_id) s.bind(i++, *q.paired_cadre_id);
    return i;
  };
  ListResult<PlacementView> out;
  out.total = count_of(db_, "SELECT COUNT(*) FROM placement pl" + where, [&](Stmt& s) { bind(s); });
  auto s = db_.prepare(std::string("SELECT ") + kPlacementCols + kPlacementFrom + where +
                       " ORDER BY pl.start_date DESC, pl.id DESC LIMIT ? OFFSET ?");
  int i = bind(s);
  s.bind(i, q.limit).bind(i + 1, q.offset);
  while (s.step()) out.items.push_back(read_placement(s));
  return out;
}

Result<int64_t> SqliteJobsStore::overlapping_placements(int64_t labourer_id, Date from, std::optional<Date> to) {
  auto s = db_.prepare(
      "SELECT COUNT(*) FROM placement WHERE labourer_id = ? AND (end_date IS NULL OR end_date >= ?) AND (? IS NULL "
      "OR start_date <= ?)");
  auto t = iso_or_null(to);
  s.bind(1, labourer_id).bind(2, from.iso()).bind(3, t).bind(4, t);
  return s.step() ? s.i64(0) : 0;
}

// ---------------------------------------------------------------- wage income

Status SqliteJobsStore::add_wage(int64_t household_id, int year, int64_t delta_fen, const Actor& actor) {
  if (delta_fen == 0) return {};
  auto s = db_.prepare(
      "INSERT INTO poverty_income (household_id, year, wage_fen, version, updated_at, updated_by) VALUES "
      "(?1, ?2, MAX(?3, 0), 1, ?4, ?5) ON CONFLICT (household_id, year) DO UPDATE SET wage_fen = "
      "MAX(COALESCE(wage_fen, 0) + ?3, 0), version = version + 1, updated_at = ?4, updated_by = ?5");
  s.bind(1, household_id).bind(2, year).bind(3, delta_fen).bind(4, now_iso()).bind(5, actor.name);
  return s.exec();
}

Result<std::optional<int64_t>> SqliteJobsStore::wage(int64_t household_id, int year) {
  auto s = db_.prepare("SELECT wage_fen FROM poverty_income WHERE household_id = ? AND year = ?");
  s.bind(1, household_id).bind(2, year);
  if (!s.step()) return std::optional<int64_t>();
  return s.opt_i64(0);
}

// ---------------------------------------------------------------- welfare posts

Result<WelfarePost> SqliteJobsStore::insert_welfare_post(WelfarePost w, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO welfare_post (kind, title, region_code, monthly_pay_fen, note, version, created_at, created_by, "
      "updated_at, updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, w.kind)
      .bind(2, w.title)
      .bind(3, w.region_code)
      .bind(4, w.monthly_pay_fen)
      .bind(5, w.note)
      .bind(6, now)
      .bind(7, actor.name)
      .bind(8, now)
      .bind(9, actor.name);
  auto id = insert_in_region(db_, s, w.region_code);
  if (!id) return id.error();
  w.id = *id;
  w.version = 1;
  LZ_TRY(audit_record(audit_, actor, "welfare_post.create", "welfare_post", w.id, "", to_json(w).dump()));
  LZ_TRY(tx.commit());
  return w;
}

Result<WelfarePost> SqliteJobsStore::update_welfare_post(const WelfarePost& w,
                                                         int64_t expected_version,
                                                         const Actor& actor) {
  auto read = [&](int64_t id) -> Result<WelfarePost> {
    auto s = db_.prepare(std::string("SELECT ") + kPostCols + " FROM welfare_post WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
      return not_found("welfare_post.not_found", "id", fmt::format("公益岗位{}不存在", id),
                       fmt::format("There is no welfare post {}", id));
    return read_post(s);
  };
  return versioned_edit<WelfarePost>(
      db_, audit_, actor, {"welfare_post", "welfare_post.update", "公益岗位", "welfare post"}, w.id,
      expected_version, read,
      [&](const WelfarePost&) -> Status {
        auto s = db_.prepare(
            "UPDATE welfare_post SET kind=?, title=?, region_code=?, monthly_pay_fen=?, note=?, "
            "active=?, "
            "version=version+1, updated_at=?, updated_by=? WHERE id=?");
        s.bind(1, w.kind)
            .bind(2, w.title)
            .bind(3, w.region_code)
            .bind(4, w.monthly_pay_fen)
            .bind(5, w.note);
        s.bind(6, w.active ? 1 : 0).bind(7, now_iso()).bind(8, actor.name).bind(9, w.id);
        return s.exec();
      },
      [](const WelfarePost& x) { return to_json(x); });
}

static constexpr const char* kPostViewSelect =
    "SELECT w.id, w.kind, w.title, w.region_code, w.monthly_pay_fen, w.note, w.version, w.active, "
    "h.id, h.post_id, "
    "h.person_id, h.household_id, h.region_code, h.from_date, h.to_date, h.credit_year, "
    "h.credited_fen, "
    "h.end_reason, COALESCE(p.name, '') FROM welfare_post w LEFT JOIN welfare_holding h ON "
    "h.post_id = w.id AND "
    "h.from_date <= ?1 AND (h.to_date IS NULL OR h.to_date >= ?1) LEFT JOIN person p ON p.id = "
    "h.person_id";

static WelfarePostView read_post_view(const Stmt& s) {
  WelfarePostView v;
  v.post = read_post(s, 0);
  if (!s.is_null(8)) v.holder = read_holding(s, 8);
  v.holder_name = s.str(18);
  return v;
}

Result<WelfarePostView> SqliteJobsStore::welfare_post(int64_t id, Date on) {
  auto s = db_.prepare(std::string(kPostViewSelect) + " WHERE w.id = ?2");
  s.bind(1, on.iso()).bind(2, id);
  if (!s.step())
    return not_found("welfare_post.not_found", "id", fmt::format("公益岗位{}不存在", id),
                     fmt::format("There is no welfare post {}", id));
  return read_post_view(s);
}

Result<ListResult<WelfarePostView>> SqliteJobsStore::welfare_posts(const WelfarePostQuery& q) {
  std::string where = " WHERE w.region_code >= ?2 AND w.region_code < ?3";
  if (!q.kind.empty()) where += " AND w.kind = ?4";
  if (q.held) where += *q.held ? " AND h.id IS NOT NULL" : " AND h.id IS NULL";
  if (q.active) where += *q.active ? " AND w.active = 1" : " AND w.active = 0";
  auto bind = [&](Stmt& s) {
    s.bind(1, q.on.iso()).bind(2, q.region_prefix).bind(3, prefix_end(q.region_prefix));
    if (!q.kind.empty()) s.bind(4, q.kind);
  };
  ListResult<WelfarePostView> out;
  out.total = count_of(db_, "SELECT COUNT(*) FROM (" + std::string(kPostViewSelect) + where + ")", bind);
  auto s = db_.prepare(std::string(kPostViewSelect) + where + " ORDER BY w.region_code, w.id LIMIT ?5 OFFSET ?6");
  bind(s);
  s.bind(5, q.limit).bind(6, q.offset);
  while (s.step()) out.items.push_back(read_post_view(s));
  return out;
}

Result<std::vector<WelfareHolding>> SqliteJobsStore::holdings(int64_t post_id) {
  auto s = db_.prepare(std::string("SELECT ") + kHoldingCols +
                       " FROM welfare_holding WHERE post_id = ? ORDER BY from_date, id");
  s.bind(1, post_id);
  std::vector<WelfareHolding> out;
  while (s.step()) out.push_back(read_holding(s));
  return out;
}

Result<WelfareHolding> SqliteJobsStore::insert_holding(WelfareHolding h, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO welfare_holding (post_id, person_id, household_id, region_code, from_date, to_date, credit_year, "
      "credited_fen, end_reason, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, h.post_id)
      .bind(2, h.person_id)
      .bind(3, h.household_id)
      .bind(4, h.region_code)
      .bind(5, h.from_date.iso())
      .bind(6, iso_or_null(h.to_date))
      .bind(7, h.credit_year)
      .bind(8, h.credited_fen)
      .bind(9, h.end_reason)
      .bind(10, now)
      .bind(11, actor.name)
      .bind(12, now)
      .bind(13, actor.name);
  LZ_TRY(s.exec());
  h.id = sqlite3_last_insert_rowid(db_.handle());
  LZ_TRY(audit_record(audit_, actor, "welfare_post.assign", "welfare_holding", h.id, "", to_json(h).dump()));
  LZ_TRY(tx.commit());
  return h;
}

Result<WelfareHolding> SqliteJobsStore::save_holding_end(const WelfareHolding& h, const WelfareHolding& before,
                                                         const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare(
      "UPDATE welfare_holding SET to_date = ?, credited_fen = ?, end_reason = ?, updated_at = ?, updated_by = ? "
      "WHERE id = ?");
  s.bind(1, iso_or_null(h.to_date))
      .bind(2, h.credited_fen)
      .bind(3, h.end_reason)
      .bind(4, now_iso())
      .bind(5, actor.name)
      .bind(6, h.id);
  LZ_TRY(s.exec());
  LZ_TRY(audit_record(audit_, actor, "welfare_post.release", "welfare_holding", h.id, to_json(before).dump(),
                      to_json(h).dump()));
  LZ_TRY(tx.commit());
  return h;
}

// ---------------------------------------------------------------- bulletin

Status fill_jobs_figures(Db& db, Date d, const std::string& region_prefix, livelihood::LivelihoodFigures& out) {
  std::string day = d.iso();
  {
    // Registered-poor (and lifted) labourers with a placement running on d.
    auto s = db.prepare(
        "SELECT COUNT(DISTINCT pl.labourer_id) FROM placement pl JOIN poverty_household ph ON ph.household_id = "
        "pl.household_id AND ph.status IN ('registered_poor','lifted') WHERE pl.region_code >= ? AND "
        "pl.region_code < ? AND pl.start_date <= ? AND (pl.end_date IS NULL OR pl.end_date >= ?)");
    s.bind(1, region_prefix).bind(2, prefix_end(region_prefix)).bind(3, day).bind(4, day);
    out.poor_labourers_placed = s.step() ? s.i64(0) : 0;
  }
  {
    auto s = db.prepare(
        "SELECT COUNT(DISTINCT post_id) FROM welfare_holding WHERE region_code >= ? AND region_code < ? AND "
        "from_date <= ? AND (to_date IS NULL OR to_date >= ?)");
    s.bind(1, region_prefix).bind(2, prefix_end(region_prefix)).bind(3, day).bind(4, day);
    out.welfare_posts_filled = s.step() ? s.i64(0) : 0;
  }
  return Status::Ok();
}

}  // namespace lz::sqlite
