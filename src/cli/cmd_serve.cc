// `liangzhan serve`: the HTTP API and the web UI. With --first-admin, a
// database without accounts gets a county_admin whose random password is
// printed once (make run uses this).
#include <fmt/format.h>
#include <sodium.h>

#include <cstdio>
#include <filesystem>

#include "auth/accounts_service.h"
#include "cli/common.h"
#include "http/server.h"
#include "http/upload_limits.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

static std::string random_password() {
  static const char kAlpha[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string p;
  if (sodium_init() < 0) return "";
  for (int i = 0; i < 14; ++i) p.push_back(kAlpha[randombytes_uniform(sizeof kAlpha - 1)]);
  return p + "-7a";  // digits, both cases and a symbol: always passes the policy
}

void add_serve(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, listen = "127.0.0.1:8080", web;
    int workers = 0, io_threads = 0;
    bool first_admin = false;
    uint64_t upload_max_mib = http::UploadLimits{}.max_bytes >> 20;
    int uploads_per_user = http::UploadLimits{}.open_per_user;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API (/api/v1, see /api/v1/openapi.json) and the web UI");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--listen", o->listen, "Address and port (default 127.0.0.1:8080)");
  cmd->add_option("--web", o->web, "Folder of the built web UI (default: web/dist next to the binary's source, if built)");
  cmd->add_option("--workers", o->workers, "Database worker threads (default: one per core, at least 2)");
  cmd->add_option(
      "--io-threads", o->io_threads,
      "Network threads, which also answer quick point reads (default: one per core, at most 2)");
  cmd->add_option("--upload-max-mib", o->upload_max_mib,
                  "Largest file accepted by a chunked import upload, in MiB (default 1024)")
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--uploads-per-user", o->uploads_per_user,
                  "Unfinished chunked import uploads one user may hold (default 5)")
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--first-admin", o->first_admin,
                "If the database has no account, create county_admin 'admin' with a random password, printed once");
  cmd->callback([o, &run] {
    run = [o] {
      auto colon = o->listen.rfind(':');
      int port = colon == std::string::npos ? -1 : std::atoi(o->listen.c_str() + colon + 1);
      if (port <= 0 || port > 65535)
        return fail(invalid("listen.invalid", "--listen", fmt::format("监听地址“{}”无效，应为 地址:端口", o->listen),
                            fmt::format("Listen address \"{}\" is invalid: use address:port", o->listen)));
      auto store = open_existing(o->db);
      if (!store) return fail(store.error());
      store->reset();
      if (o->first_admin) {
        auto s = sqlite::SqliteStore::open(o->db);
        if (!s) return fail(s.error());
        sqlite::SqliteAccountStore accounts((*s)->db());
        auto all = accounts.accounts();
        if (!all) return fail(all.error());
        if (all->empty()) {
          AccountsService auth(accounts);
          std::string pw = random_password();
          auto a = auth.add_account({"admin", "县级管理员", "county_admin", ""}, pw,
                                    Actor{"cli", "", ""});
          if (!a) return fail(a.error());
          std::printf("\n  县级管理员账号 / county admin:  login: admin   password: %s\n"
                      "  (只显示这一次 / shown only this once)\n\n",
                      pw.c_str());
        }
      }
      http::UploadLimits limits;
      limits.max_bytes = o->upload_max_mib << 20;
      limits.open_per_user = o->uploads_per_user;
      http::set_upload_limits(limits);
      http::ServerConfig cfg;
      cfg.db_path = o->db;
      cfg.address = o->listen.substr(0, colon);
      cfg.port = static_cast<uint16_t>(port);
      cfg.workers = o->workers;
      cfg.io_threads = o->io_threads;
      cfg.web_root = o->web;
      if (cfg.web_root.empty()) {
        for (const char* cand : {"web/dist", "../web/dist"})
          if (std::filesystem::exists(std::string(cand) + "/index.html")) {
            cfg.web_root = cand;
            break;
          }
      }
      cfg.on_listening = [](const std::string& url) {
        std::printf(globals().language() == Lang::kEn
                        ? "Liangzhan listening on %s (Ctrl+C to stop)\n"
                        : "两战已启动：%s（按Ctrl+C停止）\n",
                    url.c_str());
        std::fflush(stdout);
      };
      auto st = http::run_server(cfg);
      if (!st) return fail(st.error());
      std::printf("stopped cleanly\n");
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
