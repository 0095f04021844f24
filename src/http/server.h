// Server: RESTinio on I/O threads (one per core, at most 2), a worker pool (one SQLite connection
// each) that runs the Api, and the built web UI from web/dist. An I/O
// thread touches the database only for quick point reads whose session is
// cached (no write, no scan), on a connection of its own. Keep-alive, TCP_NODELAY, body limit,
// read/write timeouts, gzip for JSON and static files, and graceful
// shutdown on SIGINT/SIGTERM (in-flight requests finish, then the
// connections close and the database is closed cleanly).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/error.h"

namespace lz::http {

struct ServerConfig {
  std::string db_path;
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int workers = 0;                       // 0: one per core
  int io_threads = 0;                    // 0: one per core, at most 2
  std::string web_root;                  // "" : no static files
  uint64_t max_body_bytes = 16u << 20;   // 16 MiB
  int read_timeout_s = 60, write_timeout_s = 60;
  // Called once the server listens (e.g. to print the address).
  std::function<void(const std::string& url)> on_listening;
};

// The reason phrase sent with a status code ("Accepted" for 202...).
const char* reason_phrase(int status);

// Runs until SIGINT or SIGTERM; returns how it ended.
Status run_server(const ServerConfig& config);

}  // namespace lz::http
