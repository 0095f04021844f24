// See facts_triggers.h. The triggers are found by name (household_facts_*,
// migration 016) and kept with their SQL as sqlite_master stores it, so a
// later migration that changes them is put back as it is, not as this file
// remembers it.
#include "store/sqlite/facts_triggers.h"

#include "store/sqlite/db.h"

namespace lz::sqlite {

Result<FactsTriggersPause> FactsTriggersPause::begin(Db& db,
                                                     const std::vector<std::string>& tables) {
  if (sqlite3_get_autocommit(db.handle()))
    return internal("store.facts_pause", "暂停户事实触发器需要在事务中进行",
                    "pausing the household_facts triggers needs an open transaction");
  FactsTriggersPause p;
  auto list = db.prepare(
      "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
      "'household\\_facts\\_%' ESCAPE '\\' ORDER BY name");
  while (list.step()) {
    std::string table = list.str(1);
    bool wanted = tables.empty();
    for (const auto& t : tables) wanted = wanted || t == table;
    if (wanted) p.dropped_.emplace_back(list.str(0), list.str(2));
  }
  for (const auto& [name, sql] : p.dropped_) LZ_TRY(db.exec("DROP TRIGGER \"" + name + "\""));
  return p;
}

Status FactsTriggersPause::recreate(Db& db) {
  for (const auto& [name, sql] : dropped_) LZ_TRY(db.exec(sql));
  dropped_.clear();
  return {};
}

Status FactsTriggersPause::resume(Db& db, int64_t created_above,
                                  const std::vector<int64_t>& touched) {
  if (!paused()) return {};
  LZ_TRY(db.prepare("DELETE FROM household_facts WHERE household_id > ?")
             .bind(1, created_above)
             .exec());
  for (int64_t id : touched)
    LZ_TRY(db.prepare("DELETE FROM household_facts WHERE household_id = ?").bind(1, id).exec());
  return recreate(db);
}

Status FactsTriggersPause::resume_all(Db& db) {
  if (!paused()) return {};
  LZ_TRY(db.exec("DELETE FROM household_facts"));
  return recreate(db);
}

}  // namespace lz::sqlite
