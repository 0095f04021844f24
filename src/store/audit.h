// The audit trail: who did what to which record, from where, with the
// values before and after. Written in the same transaction as the change it
// records (so both commit or neither). Append-only: there is no update or
// delete. Read by audit_admin through a filtered, paged query.
#pragma once
#include <cstdint>
#include <string>

#include "core/error.h"
#include "registry/model.h"
#include "store/store.h"

namespace lz {

struct AuditEntry {
  int64_t id = 0;
  std::string at;  // set by the store when empty
  std::string actor, role, address;
  std::string action, entity, entity_id;
  std::string before, after;  // JSON text, may be empty
  std::string detail;
};

struct AuditQuery {
  std::string actor, action, entity, entity_id;
  std::string from, to;  // ISO 8601 bounds on `at` (inclusive from, exclusive to)
  int64_t limit = 50, offset = 0;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Status append(const AuditEntry& e) = 0;
  virtual Result<ListResult<AuditEntry>> query(const AuditQuery& q) = 0;
};

// Appends one entry for `actor` doing `action` to `entity` #id (the stores'
// one way to write the trail; call it inside the change's transaction).
inline Status audit_record(AuditLog& log, const Actor& actor, const char* action, const char* entity, int64_t id,
                           const std::string& before, const std::string& after, const std::string& detail = "") {
  AuditEntry e;
  e.actor = actor.name;
  e.role = actor.role;
  e.address = actor.address;
  e.action = action;
  e.entity = entity;
  e.entity_id = std::to_string(id);
  e.before = before;
  e.after = after;
  e.detail = detail;
  return log.append(e);
}

}  // namespace lz
