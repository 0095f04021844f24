// The division tree in SQLite: the county accessor (read once per
// SqliteStore and cached), the cached tree, and `liangzhan init`'s
// replacement of the shipped tree by a county's own (sqlite_regions.h).
#include "store/sqlite/sqlite_regions.h"

#include <fmt/format.h>

#include "registry/region_tree.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::sqlite {

namespace {

Region read_row(Stmt& s) {
  Region r;
  r.code = s.str(0);
  r.name = s.str(1);
  r.level = RegionCode::unchecked(r.code).level();
  r.parent_code = s.str(2);
  return r;
}

// Tables a new database fills by itself: not "data" for init --force.
bool is_bookkeeping(std::string_view table) {
  return table == "region" || table == "schema_migration" || table == "meta" ||
         table.starts_with("sqlite_");
}

}  // namespace

Result<Region> read_county(Db& db) {
  // The county is the root: no parent (parent_code is indexed).
  auto s = db.prepare(
      "SELECT code, name, COALESCE(parent_code, '') FROM region WHERE parent_code IS NULL AND "
      "level = 'county' "
      "LIMIT 2");
  std::vector<Region> found;
  while (s.step()) found.push_back(read_row(s));
  if (s.last_rc() != SQLITE_DONE && s.last_rc() != SQLITE_ROW)
    return sqlite_error(db.handle(), "county");
  if (found.size() != 1)
    return internal(
        "region.county",
        fmt::format("数据库应有且只有一个县级区划，实有{}个：请用 liangzhan init 建库",
                    found.size() > 1 ? "多" : "0"),
        fmt::format("the database must have exactly one county region but has {}: create it "
                    "with liangzhan init",
                    found.size() > 1 ? "several" : "none"));
  return std::move(found.front());
}

Result<std::optional<Region>> read_region(Db& db, std::string_view code) {
  auto s = db.prepare("SELECT code, name, COALESCE(parent_code, '') FROM region WHERE code = ?");
  s.bind(1, code);
  if (!s.step()) return std::optional<Region>();
  return std::optional<Region>(read_row(s));
}

Result<std::vector<Region>> read_subtree(Db& db, std::string_view prefix) {
  auto s = db.prepare(
      "SELECT code, name, COALESCE(parent_code, '') FROM region WHERE code >= ? AND code < ? ORDER "
      "BY code");
  s.bind(1, prefix).bind(2, prefix_end(prefix));
  std::vector<Region> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

Result<std::vector<Region>> read_children(Db& db, std::string_view code) {
  auto s = db.prepare(
      "SELECT code, name, COALESCE(parent_code, '') FROM region WHERE parent_code = ? ORDER BY "
      "code");
  s.bind(1, code);
  std::vector<Region> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

// ---------------------------------------------------------------- accounts

Result<std::string> SqliteAccountStore::county_code() {
  if (county_code_.empty()) {
    auto c = read_county(db_);
    if (!c) return c.error();
    county_code_ = c->code;
  }
  return county_code_;
}

// ---------------------------------------------------------------- SqliteStore

Result<Region> SqliteStore::county() {
  if (!county_) {
    auto c = read_county(*db_);
    if (!c) return c.error();
    county_ = std::move(c).value();
  }
  return *county_;
}

Result<std::shared_ptr<const RegionTree>> SqliteStore::region_tree(std::string_view need) {
  if (tree_ && (need.empty() || tree_->find(need))) return tree_;
  auto all = regions("");
  if (!all) return all.error();
  tree_ = std::make_shared<const RegionTree>(RegionTree::from_regions(std::move(all).value()));
  return tree_;
}

Result<bool> SqliteStore::has_data() {
  std::vector<std::string> tables;
  {
    auto s = db_->prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (s.step()) tables.push_back(s.str(0));
  }
  for (const auto& t : tables) {
    if (is_bookkeeping(t)) continue;
    auto s = db_->prepare(fmt::format("SELECT EXISTS (SELECT 1 FROM \"{}\")", t));
    if (s.step() && s.i64(0) != 0) return true;
  }
  return false;
}

Status SqliteStore::replace_regions(const RegionTree& tree) {
  if (tree.empty()) return invalid("regions.empty", "", "区划为空", "The region tree is empty");
  Tx tx(*db_);
  LZ_TRY(tx.begin_status());
  auto data = has_data();
  if (!data) return data.error();
  if (*data)
    return conflict("db.has_data", "db", "数据库中已有数据，不能更换区划",
                    "The database already holds data: its regions cannot be replaced");
  LZ_TRY(db_->exec("DELETE FROM region"));
  auto ins = db_->prepare("INSERT INTO region (code, name, level, parent_code) VALUES (?,?,?,?)");
  for (const auto& [code, r] : tree.all()) {  // code order: parents first
    ins.bind(1, r.code).bind(2, r.name).bind(3, level_name(r.level));
    if (r.parent_code.empty())
      ins.bind_null(4);
    else
      ins.bind(4, r.parent_code);
    LZ_TRY(ins.exec());
  }
  LZ_TRY(tx.commit());
  county_.reset();
  tree_.reset();
  return {};
}

}  // namespace lz::sqlite
