// `liangzhan user`: login accounts from the command line (the first
// administrator is made here). Passwords are read from stdin, never from the
// command line, where other users of the machine could see them.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "auth/accounts_service.h"
#include "auth/roles.h"
#include "cli/common.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace lz::cli {

namespace {

const Actor kCliActor{"cli", ""};

bool en() {
  return globals().language() == Lang::kEn;
}

// The store and the account store on its connection.
struct Opened {
  std::unique_ptr<Store> store;
  std::unique_ptr<sqlite::SqliteAccountStore> accounts;
};

Result<Opened> open_accounts(const std::string& db) {
  auto store = open_existing(db);
  if (!store) return store.error();
  auto* sq = dynamic_cast<sqlite::SqliteStore*>(store->get());
  if (!sq)
    return internal("store.backend", "账号管理目前只支持SQLite数据库",
                    "Account management supports SQLite databases only for now");
  Opened o;
  o.accounts = std::make_unique<sqlite::SqliteAccountStore>(sq->db());
  o.store = std::move(store).value();
  return o;
}

// The first line of stdin, without its line end.
Result<std::string> read_password(bool password_stdin) {
  if (!password_stdin)
    return invalid("password.stdin_required", "--password-stdin",
                   "密码只从标准输入读取，请加上 --password-stdin 并通过管道或重定向提供密码",
                   "The password is read from standard input only: add --password-stdin and "
                   "pipe or redirect the password in");
  std::string line;
  if (!std::getline(std::cin, line) && line.empty())
    return invalid("password.missing", "password", "标准输入中没有密码",
                   "No password was given on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string role_label(const std::string& role) {
  auto r = parse_role(role);
  if (!r || en()) return role;
  return role_label_zh(*r);
}

bool is_locked(const Account& a) {
  if (a.locked_until.empty()) return false;
  auto until = AccountsService::parse_iso(a.locked_until);
  return until && *until > std::chrono::system_clock::now();
}

nlohmann::json account_json(const Account& a) {
  auto opt = [](const std::optional<int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", a.id},
          {"login", a.login},
          {"display_name", a.display_name},
          {"role", a.role},
          {"region_code",
           a.region_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.region_code)},
          {"cadre_id", opt(a.cadre_id)},
          {"checkpoint_id", opt(a.checkpoint_id)},
          {"enterprise_id", opt(a.enterprise_id)},
          {"purchase_point_id", opt(a.purchase_point_id)},
          {"disabled", a.disabled},
          {"locked", is_locked(a)},
          {"locked_until",
           a.locked_until.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.locked_until)},
          {"failed_logins", a.failed_logins},
          {"password_set_at", a.password_set_at},
          {"version", a.meta.version},
          {"created_at", a.meta.created_at},
          {"created_by", a.meta.created_by},
          {"updated_at", a.meta.updated_at},
          {"updated_by", a.meta.updated_by}};
}

std::string roles_help() {
  std::string out = "Role of the account: ";
  bool first = true;
  for (const auto& name :
       {"county_admin", "township_officer", "village_cadre", "paired_cadre", "checkpoint_staff",
        "enterprise", "purchase_point_operator", "system_admin", "security_admin", "audit_admin"}) {
    auto r = parse_role(name);
    out += fmt::format("{}{} ({})", first ? "" : ", ", name, role_label_zh(*r));
    first = false;
  }
  return out;
}

void add_add(CLI::App& user, Runner& run) {
  struct Opts {
    std::string db, login, role, region, name;
    int64_t cadre = 0, checkpoint = 0, enterprise = 0, purchase_point = 0;
    bool password_stdin = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = user.add_subcommand("add", "Create an account (the password is read from stdin)");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--login", o->login, "Login name: 3 to 32 of a-z 0-9 _ . - (lowercased)")
      ->required();
  cmd->add_option("--role", o->role, roles_help())->required();
  cmd->add_option("--region", o->region,
                  "Region the account is bound to: a 6-digit county code for county_admin "
                  "(default: the database's county), 9-digit township for township_officer, "
                  "12-digit village for "
                  "village_cadre; none for the other roles");
  auto* cadre = cmd->add_option("--cadre", o->cadre, "Cadre id (required for paired_cadre)");
  auto* checkpoint =
      cmd->add_option("--checkpoint", o->checkpoint, "Checkpoint id (checkpoint_staff: the checkpoint they work at)");
  auto* enterprise =
      cmd->add_option("--enterprise", o->enterprise, "Enterprise id (enterprise: the enterprise whose HR the account is)");
  auto* purchase_point = cmd->add_option("--purchase-point", o->purchase_point,
                                         "Purchase point id (purchase_point_operator: the point they run)");
  cmd->add_option("--name", o->name, "Display name, e.g. the person's name");
  cmd->add_flag("--password-stdin", o->password_stdin,
                "Read the password from the first line of stdin (required)");
  cmd->footer(
      "Password rules: at least 10 characters, at least 3 of lowercase, uppercase, digits and "
      "other symbols, not containing the login, not a common password.\n"
      "Example: liangzhan user add --db county.db --login zhang3 --role township_officer "
      "--region 430281126 --name 张三 --password-stdin < password.txt");
  cmd->callback([o, cadre, checkpoint, enterprise, purchase_point, &run] {
    run = [o, cadre, checkpoint, enterprise, purchase_point] {
      auto pw = read_password(o->password_stdin);
      if (!pw) return fail(pw.error());
      auto opened = open_accounts(o->db);
      if (!opened) return fail(opened.error());
      AccountsService svc(*opened->accounts);
      AccountInput in;
      in.login = o->login;
      in.display_name = o->name;
      in.role = o->role;
      in.region_code = o->region;
      if (cadre->count() > 0) in.cadre_id = o->cadre;
      if (checkpoint->count() > 0) in.checkpoint_id = o->checkpoint;
      if (enterprise->count() > 0) in.enterprise_id = o->enterprise;
      if (purchase_point->count() > 0) in.purchase_point_id = o->purchase_point;
      auto a = svc.add_account(in, *pw, kCliActor);
      if (!a) return fail(a.error());
      std::string region = a->region_code.empty() ? (en() ? "none" : "无") : a->region_code;
      std::printf(en() ? "Created account %s (%s, region %s), id %lld\n"
                       : "已创建账号 %s（%s，区划 %s），编号 %lld\n",
                  a->login.c_str(), role_label(a->role).c_str(), region.c_str(), (long long)a->id);
      return kExitOk;
    };
  });
}

void add_list(CLI::App& user, Runner& run) {
  struct Opts {
    std::string db;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = user.add_subcommand("list", "List the accounts (never their passwords)");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_flag("--json", o->json, "Print JSON instead of a table");
  cmd->callback([o, &run] {
    run = [o] {
      auto opened = open_accounts(o->db);
      if (!opened) return fail(opened.error());
      auto list = opened->accounts->accounts();
      if (!list) return fail(list.error());
      if (o->json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& a : *list) arr.push_back(account_json(a));
        std::printf("%s\n", arr.dump(2).c_str());
        return kExitOk;
      }
      bool e = en();
      std::printf("%s%s%s%s%s\n", pad("id", 6).c_str(), pad(e ? "login" : "登录名", 22).c_str(),
                  pad(e ? "role" : "角色", 20).c_str(), pad(e ? "region" : "区划", 16).c_str(),
                  e ? "name / status" : "姓名 / 状态");
      for (const auto& a : *list) {
        std::string status = a.disabled     ? (e ? "disabled" : "已停用")
                             : is_locked(a) ? (e ? "locked until " : "锁定至") + a.locked_until
                                            : (e ? "active" : "正常");
        std::printf("%s%s%s%s%s%s%s\n", pad(std::to_string(a.id), 6).c_str(),
                    pad(a.login, 22).c_str(), pad(role_label(a.role), 20).c_str(),
                    pad(a.region_code.empty() ? "-" : a.region_code, 16).c_str(),
                    a.display_name.c_str(), a.display_name.empty() ? "" : " / ", status.c_str());
      }
      std::printf(e ? "%zu accounts\n" : "共%zu个账号\n", list->size());
      return kExitOk;
    };
  });
}

void add_set_disabled(CLI::App& user, Runner& run, bool disable) {
  struct Opts {
    std::string db, login;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = user.add_subcommand(
      disable ? "disable" : "enable",
      disable ? "Disable an account: it can no longer sign in and its sessions end"
              : "Enable a disabled account again");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--login", o->login, "Login name of the account")->required();
  cmd->callback([o, disable, &run] {
    run = [o, disable] {
      auto opened = open_accounts(o->db);
      if (!opened) return fail(opened.error());
      AccountsService svc(*opened->accounts);
      auto st = svc.set_disabled(o->login, disable, kCliActor);
      if (!st) return fail(st.error());
      if (disable)
        std::printf(en() ? "Disabled account %s; its sessions have ended\n"
                         : "已停用账号 %s，其登录会话已全部结束\n",
                    o->login.c_str());
      else
        std::printf(en() ? "Enabled account %s\n" : "已启用账号 %s\n", o->login.c_str());
      return kExitOk;
    };
  });
}

void add_reset_password(CLI::App& user, Runner& run) {
  struct Opts {
    std::string db, login;
    bool password_stdin = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = user.add_subcommand(
      "reset-password",
      "Set a new password (read from stdin); ends the account's sessions and clears its lock");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--login", o->login, "Login name of the account")->required();
  cmd->add_flag("--password-stdin", o->password_stdin,
                "Read the new password from the first line of stdin (required)");
  cmd->callback([o, &run] {
    run = [o] {
      auto pw = read_password(o->password_stdin);
      if (!pw) return fail(pw.error());
      auto opened = open_accounts(o->db);
      if (!opened) return fail(opened.error());
      AccountsService svc(*opened->accounts);
      auto st = svc.reset_password(o->login, *pw, kCliActor);
      if (!st) return fail(st.error());
      std::printf(
          en() ? "Reset the password of %s; its sessions have ended and any lock is cleared\n"
               : "已重置账号 %s 的密码，其登录会话已全部结束，锁定已解除\n",
          o->login.c_str());
      return kExitOk;
    };
  });
}

}  // namespace

void add_user(CLI::App& app, Runner& run) {
  auto* user =
      app.add_subcommand("user", "Login accounts: add, list, disable, enable, reset-password");
  user->require_subcommand(1);
  user->footer(
      "Passwords are read from stdin (--password-stdin), never from the command line.\n"
      "Every change is written to the audit log with actor \"cli\".");
  add_add(*user, run);
  add_list(*user, run);
  add_set_disabled(*user, run, true);
  add_set_disabled(*user, run, false);
  add_reset_password(*user, run);
}

}  // namespace lz::cli
