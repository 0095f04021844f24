// The only file that knows RESTinio. The I/O thread parses HTTP, serves the
// static UI from memory, answers quick point reads of signed-in users itself
// (Api::handle_quick: an indexed lookup on its own read connection, never a
// write), hands the hot single-row POSTs to the write lane (write_lane.h:
// group commit) and every other API request to the worker pool; a worker
// runs the Api on its own SQLite connection, compresses the body and queues
// the response for the I/O thread, which sends it through RESTinio. Responses cross back in
// batches: one wake-up of the I/O thread for all that are ready, rather than
// one per response (a cross-thread post and an epoll interrupt each).
#include "http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "http/api.h"
#include "http/problem.h"
#include "http/services.h"
#include "http/static_files.h"
#include "http/write_lane.h"

namespace lz::http {

namespace {

// RESTinio calls happen on the I/O threads only (workers hand back
// HttpResponse values); with more than one I/O thread each connection keeps
// to its strand.
using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

// The read connection of the I/O thread running this code (quick reads).
thread_local Services* t_io_svc = nullptr;
using server_t = restinio::http_server_t<traits_t>;

// A fixed pool of threads, each owning its Services (its own DB connection).
class WorkerPool {
 public:
  using Job = std::function<void(Services&)>;
  Status start(const std::string& db_path, int n) {
    for (int i = 0; i < n; ++i) {
      auto svc = Services::open(db_path);
      if (!svc) return svc.error();
      services_.push_back(std::move(svc).value());
    }
    for (int i = 0; i < n; ++i) threads_.emplace_back([this, i] { loop(*services_[i]); });
    return {};
  }
  void post(Job job) {
    {
      std::lock_guard lock(mu_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }
  // Finishes the queued jobs, then joins the threads and closes the databases.
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
    services_.clear();
  }

 private:
  void loop(Services& svc) {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job(svc);
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Services>> services_;
  std::vector<std::thread> threads_;
};

}  // namespace

// The reason phrase of the status line (RFC 9110), so a 202 reads "Accepted".
const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 205:
      return "Reset Content";
    case 206:
      return "Partial Content";
    case 207:
      return "Multi-Status";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return status < 200   ? "Informational"
             : status < 300 ? "Success"
             : status < 400 ? "Redirection"
             : status < 500 ? "Client Error"
                            : "Server Error";
  }
}

namespace {

// Finished API responses on their way from the workers to the I/O thread.
class Completions {
 public:
  struct Done {
    restinio::request_handle_t req;
    HttpResponse resp;
  };
  using Sender = std::function<void(Done&)>;
  Completions(restinio::asio_ns::io_context& io, Sender sender)
      : io_(io), sender_(std::move(sender)) {}
  // From a worker: queue the response; wake the I/O thread only if no drain is pending.
  void push(Done d) {
    bool wake;
    {
      std::lock_guard lock(mu_);
      ready_.push_back(std::move(d));
      wake = !drain_pending_;
      drain_pending_ = true;
    }
    if (wake) restinio::asio_ns::post(io_, [this] { drain(); });
  }

 private:
  // On an I/O thread: send everything that is ready (a local batch: two I/O
  // threads may drain at once).
  void drain() {
    std::vector<Done> batch;
    {
      std::lock_guard lock(mu_);
      batch.swap(ready_);
      drain_pending_ = false;
    }
    for (auto& d : batch) sender_(d);
  }
  restinio::asio_ns::io_context& io_;
  Sender sender_;
  std::mutex mu_;
  std::vector<Done> ready_;
  bool drain_pending_ = false;
};

bool accepts_gzip(const HttpRequest& r) {
  return r.header("accept-encoding").find("gzip") != std::string::npos;
}

// Compresses a JSON body worth it for a client that takes gzip (on the
// thread that made the response, so big bodies do not hold the I/O thread).
void compress(HttpResponse& resp, bool gzip_ok) {
  if (!gzip_ok || resp.body.size() <= 1024) return;
  std::string z = gzip(resp.body);
  if (z.empty()) return;
  resp.header("Content-Encoding", "gzip");
  resp.header("Vary", "Accept-Encoding");
  resp.body = std::move(z);
}

void send(const restinio::request_handle_t& req, HttpResponse&& resp) {
  auto rb = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
      reason_phrase(resp.status)});
  if (!resp.content_type.empty())
    rb.append_header(restinio::http_field::content_type, std::move(resp.content_type));
  for (auto& [k, v] : resp.headers) rb.append_header(std::move(k), std::move(v));
  rb.set_body(std::move(resp.body));
  rb.done();
}

void send(const restinio::request_handle_t& req, HttpResponse&& resp, bool gzip_ok) {
  compress(resp, gzip_ok);
  send(req, std::move(resp));
}

}  // namespace

Status run_server(const ServerConfig& cfg) {
  int workers = cfg.workers > 0 ? cfg.workers : std::max(2u, std::thread::hardware_concurrency());
  WorkerPool pool;
  // The first opened applies migrations before the workers race to. Each I/O
  // thread has a connection of its own, for quick reads only (Api::handle_quick).
  int io_threads = cfg.io_threads > 0
                       ? cfg.io_threads
                       : std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<Services>> io_svcs;
  for (int i = 0; i < io_threads; ++i) {
    auto opened = Services::open(cfg.db_path);
    if (!opened) return opened.error();
    io_svcs.push_back(std::move(opened).value());
  }
  LZ_TRY(pool.start(cfg.db_path, workers));
  Api api;
  WriteLane lane;
  LZ_TRY(lane.start(cfg.db_path, api));
  StaticFiles statics(cfg.web_root);
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  restinio::asio_ns::io_context ioctx;
  Completions completions(ioctx, [&in_flight](Completions::Done& d) {
    send(d.req, std::move(d.resp));  // compressed by the worker already
    --in_flight;
  });

  auto handler = [&](restinio::request_handle_t req) -> restinio::request_handling_status_t {
    HttpRequest r;
    r.method = req->header().method().c_str();
    r.path = url_decode(std::string(req->header().path()));
    r.query = std::string(req->header().query());
    req->header().for_each_field([&](const restinio::http_header_field_t& f) {
      std::string name = f.name();
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      r.headers.insert_or_assign(std::move(name), f.value());
    });
    r.body = req->body();
    r.remote = req->remote_endpoint().address().to_string();
    bool gz = accepts_gzip(r);
    if (draining) {
      send(req,
           problem(503, "server.stopping", "服务正在停止，请稍后重试",
                   "The server is stopping; try again shortly", lang_of(r)),
           gz);
      return restinio::request_accepted();
    }
    if (r.path.starts_with("/api/") && write_lane_route(r)) {
      ++in_flight;
      lane.post({std::move(r), [&completions, req, gz](HttpResponse&& resp) mutable {
                   compress(resp, gz);
                   completions.push({std::move(req), std::move(resp)});
                 }});
      return restinio::request_accepted();
    }
    if (r.path.starts_with("/api/")) {
      // A point read whose session is cached runs right here: a few tens of
      // microseconds, cheaper than handing it to a worker and back.
      if (auto quick = t_io_svc ? api.handle_quick(r, *t_io_svc) : std::nullopt) {
        send(req, std::move(*quick), gz);
        return restinio::request_accepted();
      }
      ++in_flight;
      pool.post([&api, &completions, req, r = std::move(r), gz](Services& svc) mutable {
        HttpResponse resp = api.handle(r, svc);
        compress(resp, gz);
        completions.push({std::move(req), std::move(resp)});
      });
      return restinio::request_accepted();
    }
    // The web UI, from memory, on the I/O thread (no database involved).
    if (r.method != "GET" && r.method != "HEAD") {
      send(req, not_found_response(lang_of(r)), gz);
      return restinio::request_accepted();
    }
    const StaticFile* f = statics.find(r.path);
    if (!f) {
      HttpResponse nf;
      nf.status = 404;
      nf.content_type = "text/plain; charset=utf-8";
      nf.body = statics.empty() ? "web UI not built (make build)\n" : "not found\n";
      send(req, std::move(nf), false);
      return restinio::request_accepted();
    }
    auto rb = req->create_response();
    rb.append_header(restinio::http_field::content_type, f->content_type);
    rb.append_header(restinio::http_field::cache_control,
                     f->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (gz && !f->gzipped.empty()) {
      rb.append_header(restinio::http_field::content_encoding, "gzip");
      rb.append_header(restinio::http_field::vary, "Accept-Encoding");
      rb.set_body(f->gzipped);
    } else {
      rb.set_body(f->body);
    }
    rb.done();
    return restinio::request_accepted();
  };

  server_t server{
      restinio::external_io_context(ioctx), [&](auto& s) {
        s.port(cfg.port)
            .address(cfg.address)
            .request_handler(handler)
            .read_next_http_message_timelimit(std::chrono::seconds(cfg.read_timeout_s))
            .write_http_response_timelimit(std::chrono::seconds(cfg.write_timeout_s))
            .handle_request_timeout(std::chrono::seconds(cfg.read_timeout_s))
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}.max_body_size(cfg.max_body_bytes))
            .max_pipelined_requests(16)
            .socket_options_setter([](auto& options) {
              options.set_option(restinio::asio_ns::ip::tcp::no_delay{true});
            });
      }};
  std::exception_ptr failure;
  restinio::asio_ns::signal_set signals(ioctx, SIGINT, SIGTERM);
  restinio::asio_ns::steady_timer drain_timer(ioctx);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> wait_drained = [&] {
    if (in_flight.load() == 0 || std::chrono::steady_clock::now() > *deadline) {
      server.close_async([&] { ioctx.stop(); },
                         [&](std::exception_ptr ex) {
                           failure = ex;
                           ioctx.stop();
                         });
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](const restinio::asio_ns::error_code&) { wait_drained(); });
  };
  signals.async_wait([&](const restinio::asio_ns::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {}: finishing in-flight requests", sig);
    draining = true;
    *deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    wait_drained();
  });
  server.open_async(
      [&] {
        if (cfg.on_listening) cfg.on_listening(fmt::format("http://{}:{}", cfg.address, cfg.port));
      },
      [&](std::exception_ptr ex) {
        failure = ex;
        ioctx.stop();
      });
  {
    std::vector<std::thread> io;
    for (int i = 1; i < io_threads; ++i)
      io.emplace_back([&, i] {
        t_io_svc = io_svcs[i].get();
        ioctx.run();
      });
    t_io_svc = io_svcs[0].get();
    ioctx.run();
    for (auto& t : io) t.join();
    t_io_svc = nullptr;
  }
  pool.stop();  // finishes queued jobs, closes every connection to the database
  lane.stop();
  io_svcs.clear();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      Error err = internal("server.failed", fmt::format("服务启动或运行失败：{}", e.what()),
                           fmt::format("the server failed: {}", e.what()));
      err.kind = ErrorKind::kInvalid;  // usually a taken port or a bad address
      return err;
    }
  }
  return {};
}

}  // namespace lz::http
