// SqliteAccountStore: the AccountStore on the same SQLite connection as the
// SqliteStore (SqliteStore::db()), so accounts can reference regions and
// cadres and every change commits together with its audit entry.
//
// Every write is one BEGIN IMMEDIATE transaction that checks its references
// first, makes the change and appends an audit entry (entity "account",
// entity_id the account id, before/after the account as JSON without the
// password hash); a failed write leaves nothing behind. Besides what the
// interface says:
//  - set_disabled(id, true) also ends the account's sessions;
//  - set_password_hash also ends the account's sessions and clears the lock
//    (failed_logins 0, locked_until NULL), in the same transaction;
//  - a write that would change nothing (disabling a disabled account) is not
//    written and not audited;
//  - touch_session and delete_sessions_of are bookkeeping without an actor
//    and are not audited (the change that calls for them is).
#pragma once
#include <optional>
#include <string>

#include "store/accounts.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(Db& db) : db_(db) {}

  Result<Account> create_account(Account a, const Actor& actor) override;
  Result<Account> account(int64_t id) override;
  Result<std::optional<Account>> account_by_login(const std::string& login) override;
  Result<std::vector<Account>> accounts() override;
  Status set_disabled(int64_t id, bool disabled, const Actor& actor) override;
  Status set_password_hash(int64_t id, const std::string& hash, const Actor& actor) override;
  Status set_role(int64_t id, const std::string& role, const std::string& region_code,
                  std::optional<int64_t> cadre_id, const Actor& actor) override;
  Status record_login_failure(int64_t id, int failed_logins, const std::string& locked_until,
                              const Actor& actor) override;
  Status record_login_success(int64_t id, const SessionRecord& s, const Actor& actor) override;
  Result<std::optional<SessionRecord>> session(const std::string& token_hash) override;
  Status touch_session(const std::string& token_hash, const std::string& now) override;
  Status delete_session(const std::string& token_hash, const Actor& actor) override;
  Status delete_sessions_of(int64_t account_id) override;
  Result<std::string> county_code() override;  // sqlite_regions.cc: read_county, cached

  // The account as audit JSON: every column except the password hash.
  static std::string audit_json(const Account& a);

 private:
  std::optional<Account> load(int64_t id);
  Status check_region(const std::string& region_code);
  Status check_cadre(std::optional<int64_t> cadre_id);
  Status audit(const char* action, const Account* before, const Account* after, const Actor& actor,
               const std::string& detail = "");
  Db& db_;
  std::string county_code_;
};

}  // namespace lz::sqlite
