#include "store/sqlite/sqlite_audit.h"

#include <fmt/format.h>

namespace lz::sqlite {

Status SqliteAuditLog::install_guards(Db& db) {
  return db.exec(
      "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
      "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
      "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
      "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
}

Status SqliteAuditLog::append(const AuditEntry& e) {
  auto s = db_.prepare(
      "INSERT INTO audit_log (at, actor, role, address, action, entity, entity_id, before, after, detail) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, e.at.empty() ? now_iso() : e.at).bind(2, e.actor).bind(3, e.role).bind(4, e.address);
  s.bind(5, e.action).bind(6, e.entity).bind(7, e.entity_id);
  if (e.before.empty()) s.bind_null(8); else s.bind(8, e.before);
  if (e.after.empty()) s.bind_null(9); else s.bind(9, e.after);
  s.bind(10, e.detail);
  return s.exec();
}

Result<ListResult<AuditEntry>> SqliteAuditLog::query(const AuditQuery& q) {
  std::string where = "1=1";
  std::vector<std::string> args;
  auto eq = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    where += fmt::format(" AND {} = ?", col);
    args.push_back(v);
  };
  eq("actor", q.actor);
  eq("action", q.action);
  eq("entity", q.entity);
  eq("entity_id", q.entity_id);
  if (!q.from.empty()) where += " AND at >= ?", args.push_back(q.from);
  if (!q.to.empty()) where += " AND at < ?", args.push_back(q.to);
  if (q.limit < 0 || q.limit > 1000 || q.offset < 0)
    return invalid("limit.range", "limit", "每页条数应在0到1000之间，偏移量不能为负",
                   "limit must be 0 to 1000 and offset not negative");
  ListResult<AuditEntry> out;
  auto c = db_.prepare("SELECT COUNT(*) FROM audit_log WHERE " + where);
  for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
  if (c.step()) out.total = c.i64(0);
  auto s = db_.prepare(
      "SELECT id, at, actor, role, address, action, entity, entity_id, COALESCE(before, ''), COALESCE(after, ''), "
      "detail FROM audit_log WHERE " + where + " ORDER BY id DESC LIMIT ? OFFSET ?");
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, q.limit);
  s.bind(i + 1, q.offset);
  while (s.step())
    out.items.push_back({s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4), s.str(5), s.str(6), s.str(7), s.str(8),
                         s.str(9), s.str(10)});
  return out;
}

}  // namespace lz::sqlite
