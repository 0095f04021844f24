// SqliteAuditLog: the AuditLog on a SQLite connection. append() writes in the
// caller's open transaction when there is one, so an audit entry commits
// with the change it describes.
#pragma once
#include "store/audit.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

class SqliteAuditLog final : public AuditLog {
 public:
  explicit SqliteAuditLog(Db& db) : db_(db) {}
  Status append(const AuditEntry& e) override;
  Result<ListResult<AuditEntry>> query(const AuditQuery& q) override;
  // Creates the triggers that refuse UPDATE and DELETE on audit_log.
  static Status install_guards(Db& db);

 private:
  Db& db_;
};

}  // namespace lz::sqlite
