// Server: RESTinio on one I/O thread, a worker pool (one SQLite connection
// each) that runs the Api, and the built web UI from web/dist. The I/O
// thread never touches the database. Keep-alive, TCP_NODELAY, body limit,
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
  std::string web_root;                  // "" : no static files
  uint64_t max_body_bytes = 16u << 20;   // 16 MiB
  int read_timeout_s = 60, write_timeout_s = 60;
  // Called once the server listens (e.g. to print the address).
  std::function<void(const std::string& url)> on_listening;
};

// Runs until SIGINT or SIGTERM; returns how it ended.
Status run_server(const ServerConfig& config);

}  // namespace lz::http
