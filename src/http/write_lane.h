// The write lane: group commit for the hot short POSTs that many county
// staff send at once (purchases at purchase points, checkpoint passages,
// daily follow-ups of people under observation, phone-screening call
// results, enterprises' temperature readings, paired cadres' visits).
// server.cc hands such a request (write_lane_route) to the lane instead of
// the worker pool. One thread with a connection of its own takes every
// request queued meanwhile, runs them one after the other inside one
// transaction (each handler's own Tx becomes a savepoint: a refused request
// leaves nothing and the others stand), commits once and only then hands
// the responses back, so a 201 still means committed. No RESTinio here: the
// lane takes HttpRequest values and gives HttpResponse values, so tests
// drive it without sockets.
#pragma once
#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/error.h"
#include "http/api.h"
#include "http/message.h"
#include "http/services.h"
#include "store/sqlite/db.h"

namespace lz::http {

// True for the requests that take the write lane: a POST to one of the
// lane's routes (a small table of patterns, "{}" standing for a numeric id;
// no regex per request).
bool write_lane_route(std::string_view method, std::string_view path);
inline bool write_lane_route(const HttpRequest& r) {
  return write_lane_route(r.method, r.path);
}

// Checkpoints the WAL off the write lane. The lane's connection never
// checkpoints itself (SQLite's auto-checkpoint runs inside the commit that
// crosses its threshold, and would hold every queued request meanwhile);
// its WAL hook wakes this thread instead once the WAL holds kPages pages,
// and this thread copies them into the database on a connection of its own
// (PASSIVE: it never blocks the writer or the readers).
class Checkpointer {
 public:
  static constexpr int kPages = 1000;  // SQLite's own auto-checkpoint threshold

  Status start(const std::string& db_path);
  // Installs the hook on the writer's connection (replacing its auto-checkpoint).
  void watch(sqlite3* writer);
  void stop();

 private:
  void due();
  void loop();
  std::unique_ptr<sqlite::Db> db_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool due_ = false, stopping_ = false;
  std::thread thread_;
};

// Group commit (see the file comment). The lane's connection runs with
// synchronous=FULL: the WAL is synced at every commit, once per batch rather
// than per request, so a 201 survives a power cut too; the WAL is
// checkpointed by a Checkpointer thread, never inside the lane; and the
// writers no longer take turns at SQLite's lock (a refused BEGIN IMMEDIATE
// sleeps 1, 2, 5, 10... ms in the busy handler). A batch whose transaction
// is lost (a failed COMMIT, an error that rolls everything back) answers
// every request of it with 503 server.not_saved: nothing of it was kept.
class WriteLane {
 public:
  using Done = std::function<void(HttpResponse&&)>;
  struct Job {
    HttpRequest req;
    Done done;  // called on the lane's thread, after the batch's commit
  };
  static constexpr size_t kMaxBatch = 512;

  // Jobs posted before start() wait and run as the first batch(es).
  Status start(const std::string& db_path, const Api& api);
  void post(Job job);
  // Finishes the queued jobs, then joins the thread and closes the database.
  void stop();

 private:
  void loop();
  void run(std::vector<Job>& batch);

  std::unique_ptr<Services> svc_;
  Checkpointer checkpointer_;
  const Api* api_ = nullptr;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lz::http
