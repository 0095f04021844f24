// SqliteAccountStore: accounts and sessions on SQLite. Each write is one
// transaction: references checked, change made, audit entry appended.
#include "store/sqlite/sqlite_accounts.h"

#include <fmt/format.h>

#include "store/sqlite/sqlite_audit.h"
#include "store/store.h"

namespace lz::sqlite {

namespace {

const char* kAccountCols =
    "id, login, display_name, password_hash, role, COALESCE(region_code, ''), cadre_id, "
    "checkpoint_id, enterprise_id, disabled, failed_logins, COALESCE(locked_until, ''), "
    "password_set_at, version, created_at, created_by, updated_at, updated_by, purchase_point_id";

Account read_account(const Stmt& s) {
  Account a;
  a.id = s.i64(0);
  a.login = s.str(1);
  a.display_name = s.str(2);
  a.password_hash = s.str(3);
  a.role = s.str(4);
  a.region_code = s.str(5);
  a.cadre_id = s.opt_i64(6);
  a.checkpoint_id = s.opt_i64(7);
  a.enterprise_id = s.opt_i64(8);
  a.disabled = s.i64(9) != 0;
  a.failed_logins = static_cast<int>(s.i64(10));
  a.locked_until = s.str(11);
  a.password_set_at = s.str(12);
  a.meta = {s.i64(13), s.str(14), s.str(15), s.str(16), s.str(17)};
  a.purchase_point_id = s.opt_i64(18);
  return a;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string json_opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "null";
}
std::string json_opt_str(const std::string& v) {
  return v.empty() ? "null" : json_string(v);
}

std::optional<std::string> null_if_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Error account_not_found(int64_t id) {
  return not_found("account.not_found", "id", fmt::format("账号{}不存在", id),
                   fmt::format("There is no account with id {}", id));
}

// A short, non-secret handle of a session for the audit trail (the first
// 12 hex digits of the token hash), so a login and its logout can be matched.
std::string session_handle(const std::string& token_hash) {
  return "session " + token_hash.substr(0, 12);
}

}  // namespace

std::string SqliteAccountStore::audit_json(const Account& a) {
  return fmt::format(
      "{{\"id\":{},\"login\":{},\"display_name\":{},\"role\":{},\"region_code\":{},\"cadre_id\":{},"
      "\"checkpoint_id\":{},\"enterprise_id\":{},\"purchase_point_id\":{},\"disabled\":{},\"failed_logins\":{},"
      "\"locked_until\":{},\"password_set_at\":{},\"version\":{}}}",
      a.id, json_string(a.login), json_string(a.display_name), json_string(a.role),
      json_opt_str(a.region_code), json_opt(a.cadre_id), json_opt(a.checkpoint_id),
      json_opt(a.enterprise_id), json_opt(a.purchase_point_id), a.disabled ? "true" : "false", a.failed_logins,
      json_opt_str(a.locked_until), json_string(a.password_set_at), a.meta.version);
}

std::optional<Account> SqliteAccountStore::load(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM account WHERE id = ?", kAccountCols));
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_account(s);
}

Status SqliteAccountStore::check_region(const std::string& region_code) {
  if (region_code.empty()) return {};
  auto r = db_.prepare("SELECT 1 FROM region WHERE code = ?");
  r.bind(1, region_code);
  if (!r.step())
    return not_found("region_code.unknown", "region_code",
                     fmt::format("区划代码“{}”不存在", region_code),
                     fmt::format("There is no region with code \"{}\"", region_code));
  return {};
}

Status SqliteAccountStore::check_cadre(std::optional<int64_t> cadre_id) {
  if (!cadre_id) return {};
  auto c = db_.prepare("SELECT 1 FROM cadre WHERE id = ? AND deleted_at IS NULL");
  c.bind(1, *cadre_id);
  if (!c.step())
    return not_found("cadre.not_found", "cadre_id", fmt::format("干部{}不存在", *cadre_id),
                     fmt::format("There is no cadre with id {}", *cadre_id));
  return {};
}

Status SqliteAccountStore::audit(const char* action, const Account* before, const Account* after,
                                 const Actor& actor, const std::string& detail) {
  AuditEntry e;
  e.actor = actor.name;
  e.address = actor.address;
  e.role = actor.role;
  if (e.role.empty()) {
    // The actor's role, when the actor is an account (not "cli", "import", ...).
    auto r = db_.prepare("SELECT role FROM account WHERE login = ?");
    r.bind(1, actor.name);
    if (r.step()) e.role = r.str(0);
  }
  e.action = action;
  e.entity = "account";
  e.entity_id = std::to_string(after ? after->id : before ? before->id : 0);
  if (before) e.before = audit_json(*before);
  if (after) e.after = audit_json(*after);
  e.detail = detail;
  return SqliteAuditLog(db_).append(e);
}

// ---------------------------------------------------------------- accounts

Result<Account> SqliteAccountStore::create_account(Account a, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  {
    auto s = db_.prepare("SELECT 1 FROM account WHERE login = ?");
    s.bind(1, a.login);
    if (s.step())
      return conflict("login.taken", "login", fmt::format("登录名“{}”已被使用", a.login),
                      fmt::format("The login \"{}\" is already taken", a.login));
  }
  LZ_TRY(check_region(a.region_code));
  LZ_TRY(check_cadre(a.cadre_id));
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO account (login, display_name, password_hash, role, region_code, cadre_id, "
      "checkpoint_id, enterprise_id, disabled, failed_logins, locked_until, password_set_at, "
      "version, "
      "created_at, created_by, updated_at, updated_by, purchase_point_id) VALUES "
      "(?,?,?,?,?,?,?,?,?,0,NULL,?,1,?,?,?,?,?)");
  s.bind(1, a.login).bind(2, a.display_name).bind(3, a.password_hash).bind(4, a.role);
  s.bind(5, null_if_empty(a.region_code)).bind(6, a.cadre_id).bind(7, a.checkpoint_id);
  s.bind(8, a.enterprise_id).bind(9, a.disabled ? 1 : 0).bind(10, now);
  s.bind(11, now).bind(12, actor.name).bind(13, now).bind(14, actor.name).bind(15, a.purchase_point_id);
  LZ_TRY(s.exec());
  auto created = load(sqlite3_last_insert_rowid(db_.handle()));
  if (!created)
    return internal("account.lost", "新建的账号读不出来", "The new account cannot be read back");
  LZ_TRY(audit("create", nullptr, &*created, actor));
  LZ_TRY(tx.commit());
  return *created;
}

Result<Account> SqliteAccountStore::account(int64_t id) {
  auto a = load(id);
  if (!a) return account_not_found(id);
  return *a;
}

Result<std::optional<Account>> SqliteAccountStore::account_by_login(const std::string& login) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM account WHERE login = ?", kAccountCols));
  s.bind(1, login);
  if (!s.step()) return std::optional<Account>();
  return std::optional<Account>(read_account(s));
}

Result<std::vector<Account>> SqliteAccountStore::accounts() {
  auto s = db_.prepare(fmt::format("SELECT {} FROM account ORDER BY login", kAccountCols));
  std::vector<Account> out;
  while (s.step()) out.push_back(read_account(s));
  return out;
}

Status SqliteAccountStore::set_disabled(int64_t id, bool disabled, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = load(id);
  if (!before) return account_not_found(id);
  int64_t ended = 0;
  if (disabled) {
    LZ_TRY(db_.prepare("DELETE FROM session WHERE account_id = ?").bind(1, id).exec());
    ended = sqlite3_changes64(db_.handle());
  }
  if (before->disabled == disabled) return tx.commit();  // nothing to change (stray sessions ended)
  LZ_TRY(db_.prepare("UPDATE account SET disabled = ?, version = version + 1, updated_at = ?, "
                     "updated_by = ? WHERE id = ?")
             .bind(1, disabled ? 1 : 0)
             .bind(2, now_iso())
             .bind(3, actor.name)
             .bind(4, id)
             .exec());
  auto after = load(id);
  LZ_TRY(audit(disabled ? "disable" : "enable", &*before, &*after, actor,
               disabled ? fmt::format("sessions ended: {}", ended) : ""));
  return tx.commit();
}

Status SqliteAccountStore::set_password_hash(int64_t id, const std::string& hash,
                                             const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = load(id);
  if (!before) return account_not_found(id);
  std::string now = now_iso();
  LZ_TRY(
      db_.prepare("UPDATE account SET password_hash = ?, password_set_at = ?, failed_logins = 0, "
                  "locked_until = NULL, version = version + 1, updated_at = ?, updated_by = ? "
                  "WHERE id = ?")
          .bind(1, hash)
          .bind(2, now)
          .bind(3, now)
          .bind(4, actor.name)
          .bind(5, id)
          .exec());
  LZ_TRY(db_.prepare("DELETE FROM session WHERE account_id = ?").bind(1, id).exec());
  int64_t ended = sqlite3_changes64(db_.handle());
  auto after = load(id);
  LZ_TRY(
      audit("password_reset", &*before, &*after, actor, fmt::format("sessions ended: {}", ended)));
  return tx.commit();
}

Status SqliteAccountStore::set_role(int64_t id, const std::string& role,
                                    const std::string& region_code, std::optional<int64_t> cadre_id,
                                    const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = load(id);
  if (!before) return account_not_found(id);
  LZ_TRY(check_region(region_code));
  LZ_TRY(check_cadre(cadre_id));
  LZ_TRY(
      db_.prepare(
             "UPDATE account SET role = ?, region_code = ?, cadre_id = ?, version = version + 1, "
             "updated_at = ?, updated_by = ? WHERE id = ?")
          .bind(1, role)
          .bind(2, null_if_empty(region_code))
          .bind(3, cadre_id)
          .bind(4, now_iso())
          .bind(5, actor.name)
          .bind(6, id)
          .exec());
  auto after = load(id);
  LZ_TRY(audit("role_change", &*before, &*after, actor));
  return tx.commit();
}

// ---------------------------------------------------------------- logins and sessions

Status SqliteAccountStore::record_login_failure(int64_t id, int failed_logins,
                                                const std::string& locked_until,
                                                const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = load(id);
  if (!before) return account_not_found(id);
  LZ_TRY(db_.prepare("UPDATE account SET failed_logins = ?, locked_until = ? WHERE id = ?")
             .bind(1, failed_logins)
             .bind(2, null_if_empty(locked_until))
             .bind(3, id)
             .exec());
  auto after = load(id);
  std::string detail = fmt::format("failed_logins: {}", failed_logins);
  if (!locked_until.empty()) detail += fmt::format(", locked until {}", locked_until);
  LZ_TRY(audit("login_failed", &*before, &*after, actor, detail));
  return tx.commit();
}

Status SqliteAccountStore::record_login_success(int64_t id, const SessionRecord& s,
                                                const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = load(id);
  if (!before) return account_not_found(id);
  LZ_TRY(db_.prepare("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?")
             .bind(1, id)
             .exec());
  auto ins = db_.prepare(
      "INSERT INTO session (token_hash, account_id, created_at, last_seen_at, address) "
      "VALUES (?,?,?,?,?)");
  ins.bind(1, s.token_hash).bind(2, id).bind(3, s.created_at);
  ins.bind(4, s.last_seen_at.empty() ? s.created_at : s.last_seen_at).bind(5, s.address);
  LZ_TRY(ins.exec());
  auto after = load(id);
  LZ_TRY(audit("login", &*before, &*after, actor, session_handle(s.token_hash)));
  return tx.commit();
}

Result<std::optional<SessionRecord>> SqliteAccountStore::session(const std::string& token_hash) {
  auto s = db_.prepare(
      "SELECT token_hash, account_id, created_at, last_seen_at, address FROM session "
      "WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(
      SessionRecord{s.str(0), s.i64(1), s.str(2), s.str(3), s.str(4)});
}

Status SqliteAccountStore::touch_session(const std::string& token_hash, const std::string& now) {
  return db_.prepare("UPDATE session SET last_seen_at = ? WHERE token_hash = ?")
      .bind(1, now)
      .bind(2, token_hash)
      .exec();
}

Status SqliteAccountStore::delete_session(const std::string& token_hash, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto s = db_.prepare("SELECT account_id FROM session WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step())
    return not_found("session.not_found", "", "会话不存在或已结束",
                     "There is no such session (it may have ended)");
  int64_t account_id = s.i64(0);
  s.reset();
  auto acct = load(account_id);
  if (!acct) return account_not_found(account_id);
  LZ_TRY(db_.prepare("DELETE FROM session WHERE token_hash = ?").bind(1, token_hash).exec());
  LZ_TRY(audit("logout", &*acct, &*acct, actor, session_handle(token_hash)));
  return tx.commit();
}

Status SqliteAccountStore::delete_sessions_of(int64_t account_id) {
  return db_.prepare("DELETE FROM session WHERE account_id = ?").bind(1, account_id).exec();
}

}  // namespace lz::sqlite
