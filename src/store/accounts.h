// Accounts (logins bound to a role and a jurisdiction) and their sessions,
// as stored. The rules (password policy, lockout back-off, session expiry)
// live in src/auth/; this is only persistence. Every write also appends an
// audit entry in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "registry/model.h"

namespace lz {

struct Account {
  int64_t id = 0;
  std::string login, display_name, password_hash, role;
  std::string region_code;  // empty when the role takes none
  std::optional<int64_t> cadre_id, checkpoint_id, enterprise_id, purchase_point_id;
  bool disabled = false;
  int failed_logins = 0;
  std::string locked_until;  // ISO 8601 UTC, empty when not locked
  std::string password_set_at;
  RecordMeta meta;
};

struct SessionRecord {
  std::string token_hash;
  int64_t account_id = 0;
  std::string created_at, last_seen_at, address;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  virtual Result<Account> create_account(Account a, const Actor& actor) = 0;  // conflict on a taken login
  virtual Result<Account> account(int64_t id) = 0;
  virtual Result<std::optional<Account>> account_by_login(const std::string& login) = 0;
  virtual Result<std::vector<Account>> accounts() = 0;
  virtual Status set_disabled(int64_t id, bool disabled, const Actor& actor) = 0;
  virtual Status set_password_hash(int64_t id, const std::string& hash, const Actor& actor) = 0;
  virtual Status set_role(int64_t id, const std::string& role, const std::string& region_code,
                          std::optional<int64_t> cadre_id, const Actor& actor) = 0;
  // Login bookkeeping (audited as login / login_failed).
  virtual Status record_login_failure(int64_t id, int failed_logins, const std::string& locked_until,
                                      const Actor& actor) = 0;
  virtual Status record_login_success(int64_t id, const SessionRecord& s, const Actor& actor) = 0;
  virtual Result<std::optional<SessionRecord>> session(const std::string& token_hash) = 0;
  virtual Status touch_session(const std::string& token_hash, const std::string& now) = 0;
  virtual Status delete_session(const std::string& token_hash, const Actor& actor) = 0;
  virtual Status delete_sessions_of(int64_t account_id) = 0;
  // The database's county code (6 digits): the default region of county-wide roles.
  virtual Result<std::string> county_code() = 0;
};

}  // namespace lz
