// Saving an edited record under optimistic concurrency, as every livelihood
// edit does: one transaction (a savepoint inside a use case's), the record
// read as it is now, a stale expected version refused (409 `<entity>.stale`,
// field `version`, naming the version now), the caller's UPDATE (which bumps
// the version), one audit entry with the record before and after, and the
// record read back as saved. Internal to src/store/sqlite.
#pragma once
#include <fmt/format.h>

#include "core/error.h"
#include "store/audit.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

struct EditNames {
  const char* entity;  // table / audit entity, e.g. "depot"
  const char* action;  // audit action, e.g. "supplies.depot.update"
  const char* zh;      // for messages: 仓库
  const char* en;      // depot
};

inline Error stale_version(const EditNames& n, int64_t id, int64_t now) {
  return conflict(fmt::format("{}.stale", n.entity), "version",
                  fmt::format("{}{}已被他人修改（当前版本{}），请刷新后重试", n.zh, id, now),
                  fmt::format("The {} {} was changed meanwhile (now version {}): reload and retry",
                              n.en, id, now));
}

// The version of a record (a view type may overload it).
template <class T>
int64_t version_of(const T& t) {
  return t.version;
}

// read(id) -> Result<T> (T has .version); write(const T& before) -> Status;
// to_json(const T&) -> nlohmann::json.
template <class T, class Read, class Write, class ToJson>
Result<T> versioned_edit(Db& db, AuditLog& audit, const Actor& actor, const EditNames& n,
                         int64_t id, int64_t expected_version, Read&& read, Write&& write,
                         ToJson&& to_json) {
  Tx tx(db);
  LZ_TRY(tx.begin_status());
  Result<T> before = read(id);
  if (!before) return before.error();
  if (version_of(*before) != expected_version) return stale_version(n, id, version_of(*before));
  LZ_TRY(write(*before));
  Result<T> after = read(id);
  if (!after) return after.error();
  LZ_TRY(audit_record(audit, actor, n.action, n.entity, id, to_json(*before).dump(),
                      to_json(*after).dump()));
  LZ_TRY(tx.commit());
  return after;
}

}  // namespace lz::sqlite
