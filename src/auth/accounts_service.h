// AccountsService: the rules for accounts, logins and sessions, over an
// AccountStore (which only persists and audits). Used by the CLI
// (`liangzhan user`) and the HTTP layer.
//
//  - An account is bound to a role and, by role, to a region of the right
//    level (county_admin 6 digits, township_officer 9, village_cadre 12,
//    paired_cadre the county and a cadre record; the other roles none).
//  - Passwords follow check_password_policy and are stored as argon2id hashes.
//  - login() answers a wrong password and an unknown login with the same
//    error after the same work (one hash verification), locks an account per
//    lock_duration() after repeated failures, and opens a session whose
//    token is returned once; only its hash is stored.
//  - authenticate() accepts a token while its session is neither idle longer
//    than idle_timeout nor older than absolute_lifetime, and its account is
//    enabled.
//  - Validated sessions are kept in a process-wide cache for at most
//    session_cache_ttl, so that a busy client is not read from the database
//    on every request. Idle and absolute expiry are still checked on every
//    call; a write through any AccountsService of the process (logout,
//    disable, password reset, role change, logins) empties the cache at once,
//    so only a change made by another process (the `user` CLI) or by SQL is
//    seen up to session_cache_ttl late.
//
// Time comes from an injectable clock so that tests can move it.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "auth/lockout.h"
#include "core/error.h"
#include "registry/model.h"
#include "store/accounts.h"

namespace lz {

struct AccountInput {
  std::string login, display_name, role;
  std::string region_code;  // by role; county_admin and paired_cadre default to the county
  std::optional<int64_t> cadre_id, checkpoint_id, enterprise_id, purchase_point_id;
};

struct LoginResult {
  std::string token;  // the bearer token: shown to the client once, never stored
  Account account;
};

struct AccountsConfig {
  std::chrono::seconds idle_timeout = std::chrono::minutes(30);
  std::chrono::seconds absolute_lifetime = std::chrono::hours(12);
  // last_seen_at is written only when it is older than this (saves writes).
  std::chrono::seconds touch_interval = std::chrono::seconds(60);
  // How long a validated session may be trusted without reading it again
  // (bounds how late another process's disable or logout is seen); 0: no cache.
  std::chrono::seconds session_cache_ttl = std::chrono::seconds(5);
  LockoutConfig lockout;
};

class AccountsService {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  using Clock = std::function<TimePoint()>;

  // An empty clock means the system clock.
  explicit AccountsService(AccountStore& store, AccountsConfig config = {}, Clock clock = {});

  // Validates and creates an account. The login is lowercased and must be 3 to
  // 32 characters of a-z 0-9 _ . -; the role must be known; the region must
  // be of the role's level; the password must pass the policy.
  Result<Account> add_account(const AccountInput& in, const std::string& password,
                              const Actor& actor);

  // Errors: session.bad_credentials (unknown login, wrong password, disabled
  // account: one message for all), session.locked (says when to retry).
  Result<LoginResult> login(const std::string& login, const std::string& password,
                            const std::string& address);

  // The account of a valid session; session.invalid otherwise (HTTP 401).
  // `address` is not compared with the session's (clients on mobile networks
  // change addresses); it is accepted for logging by the caller.
  Result<Account> authenticate(const std::string& token, const std::string& address);

  // The account of `token` only if the session cache vouches for it now (the
  // same checks as authenticate, and no touch of last_seen_at is due); never
  // reads or writes the database. nullopt: ask authenticate().
  std::optional<Account> cached_session(const std::string& token) const;

  // Ends the session of `token` (session.invalid if there is none).
  Status logout(const std::string& token, const Actor& actor);

  // Sets a new password (policy applies), ends the account's sessions and clears its lock.
  Status reset_password(const std::string& login, const std::string& new_password,
                        const Actor& actor);

  // Disables (ending its sessions) or enables an account.
  Status set_disabled(const std::string& login, bool disabled, const Actor& actor);

  // Binds an account to another role, region and cadre (validated as in add_account).
  Result<Account> set_role(const std::string& login, const std::string& role,
                           const std::string& region_code, std::optional<int64_t> cadre_id,
                           const Actor& actor);

  // ISO 8601 UTC with seconds ("2020-02-12T08:30:00Z"), as the store keeps times.
  static std::string iso(TimePoint t);
  static std::optional<TimePoint> parse_iso(std::string_view s);

  const AccountsConfig& config() const { return config_; }

 private:
  struct Binding {
    std::string role, region_code;
    std::optional<int64_t> cadre_id;
  };
  // A county-wide role without a region gets the database's county (store_.county_code()).
  Result<Binding> validate_binding(const std::string& role, const std::string& region_code,
                                   std::optional<int64_t> cadre_id);
  Result<Account> find(const std::string& login);
  // Forgets every cached session (after any account or session write).
  static void invalidate_sessions();

  AccountStore& store_;
  AccountsConfig config_;
  Clock clock_;
};

// "county_admin, township_officer, ..." : every role name, for messages and --help.
std::string role_names_list();

}  // namespace lz
