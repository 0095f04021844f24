#include "store/sqlite/bulk_loader.h"

namespace lz::sqlite {

SqliteBulkLoader::SqliteBulkLoader(Db& db, std::string_view actor, std::string_view timestamp)
    : db_(db),
      now_(timestamp.empty() ? now_iso() : std::string(timestamp)),
      actor_(actor),
      region_(db.prepare("INSERT INTO region (code, name, level, parent_code) VALUES (?,?,?,?)")),
      household_(db.prepare(
          "INSERT INTO household (id, number, region_code, address, phone, head_person_id, version, created_at, "
          "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,?,?,?)")),
      person_(db.prepare(
          "INSERT INTO person (id, household_id, name, id_number, sex, birth_date, relationship, ethnicity, "
          "education, enrolment, health, labour, phone, region_code, version, created_at, created_by, updated_at, "
          "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)")),
      poverty_(db.prepare(
          "INSERT INTO poverty_household (household_id, status, registered_year, lifted_year, version, created_at, "
          "created_by, updated_at, updated_by) VALUES (?,?,?,?,1,?,?,?,?)")),
      cadre_(db.prepare(
          "INSERT INTO cadre (id, name, unit, phone, region_code, version, created_at, created_by, updated_at, "
          "updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)")),
      cadre_kind_(db.prepare("INSERT INTO cadre_kind (cadre_id, kind) VALUES (?,?)")),
      team_(db.prepare(
          "INSERT INTO village_team (id, village_code, name, leader_cadre_id, from_date, to_date, version, "
          "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,?,?,?)")),
      team_member_(db.prepare("INSERT INTO village_team_member (team_id, cadre_id) VALUES (?,?)")),
      pairing_(db.prepare(
          "INSERT INTO pairing (id, cadre_id, household_id, from_date, to_date, version, created_at, created_by, "
          "updated_at, updated_by) VALUES (?,?,?,?,?,1,?,?,?,?)")) {}

Result<std::unique_ptr<SqliteBulkLoader>> SqliteBulkLoader::begin(Db& db, std::string_view actor,
                                                                  std::string_view timestamp) {
  std::unique_ptr<SqliteBulkLoader> l(new SqliteBulkLoader(db, actor, timestamp));
  auto st = db.exec("BEGIN IMMEDIATE");
  if (!st) return st.error();
  l->open_ = true;
  return l;
}

SqliteBulkLoader::~SqliteBulkLoader() {
  if (open_) (void)db_.exec("ROLLBACK");
}

Status SqliteBulkLoader::add_region(const Region& r) {
  region_.bind(1, r.code).bind(2, r.name).bind(3, level_name(r.level));
  if (r.parent_code.empty())
    region_.bind_null(4);
  else
    region_.bind(4, r.parent_code);
  return region_.exec();
}

Status SqliteBulkLoader::add_household(const Household& h) {
  household_.bind(1, h.id).bind(2, h.number).bind(3, h.region_code).bind(4, h.address).bind(5, h.phone);
  household_.bind(6, h.head_person_id).bind(7, now_).bind(8, actor_).bind(9, now_).bind(10, actor_);
  LZ_TRY(household_.exec());
  for (const auto& p : h.members) {
    person_.bind(1, p.id).bind(2, h.id).bind(3, p.name).bind(4, p.id_number).bind(5, p.sex);
    person_.bind(6, p.birth_date.iso()).bind(7, p.relationship).bind(8, p.ethnicity).bind(9, p.education);
    person_.bind(10, p.enrolment).bind(11, p.health).bind(12, p.labour).bind(13, p.phone).bind(14, h.region_code);
    person_.bind(15, now_).bind(16, actor_).bind(17, now_).bind(18, actor_);
    LZ_TRY(person_.exec());
  }
  return {};
}

Status SqliteBulkLoader::add_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                                            std::optional<int> lifted_year) {
  poverty_.bind(1, household_id).bind(2, status).bind(3, registered_year);
  if (lifted_year)
    poverty_.bind(4, *lifted_year);
  else
    poverty_.bind_null(4);
  poverty_.bind(5, now_).bind(6, actor_).bind(7, now_).bind(8, actor_);
  return poverty_.exec();
}

Status SqliteBulkLoader::add_cadre(const Cadre& c) {
  cadre_.bind(1, c.id).bind(2, c.name).bind(3, c.unit).bind(4, c.phone).bind(5, c.region_code);
  cadre_.bind(6, now_).bind(7, actor_).bind(8, now_).bind(9, actor_);
  LZ_TRY(cadre_.exec());
  for (const auto& k : c.kinds) LZ_TRY(cadre_kind_.bind(1, c.id).bind(2, k).exec());
  return {};
}

Status SqliteBulkLoader::add_village_team(const VillageTeam& t) {
  team_.bind(1, t.id).bind(2, t.village_code).bind(3, t.name).bind(4, t.leader_cadre_id).bind(5, t.from_date.iso());
  if (t.to_date)
    team_.bind(6, t.to_date->iso());
  else
    team_.bind_null(6);
  team_.bind(7, now_).bind(8, actor_).bind(9, now_).bind(10, actor_);
  LZ_TRY(team_.exec());
  for (auto cid : t.member_cadre_ids) LZ_TRY(team_member_.bind(1, t.id).bind(2, cid).exec());
  return {};
}

Status SqliteBulkLoader::add_pairing(const Pairing& p) {
  pairing_.bind(1, p.id).bind(2, p.cadre_id).bind(3, p.household_id).bind(4, p.from_date.iso());
  if (p.to_date)
    pairing_.bind(5, p.to_date->iso());
  else
    pairing_.bind_null(5);
  pairing_.bind(6, now_).bind(7, actor_).bind(8, now_).bind(9, actor_);
  return pairing_.exec();
}

Status SqliteBulkLoader::commit() {
  auto st = db_.exec("COMMIT");
  if (st) open_ = false;
  return st;
}

}  // namespace lz::sqlite
