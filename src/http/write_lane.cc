// The write lane's routes, its thread and its batches, and the WAL
// checkpointer beside it (write_lane.h says why).
#include "http/write_lane.h"

#include <spdlog/spdlog.h>

#include <array>

#include "http/problem.h"

namespace lz::http {

namespace {

// The POSTs that take the lane: short writes of one record (an enterprise's
// readings of the morning are one report) that many county staff send at
// the same hours. "{}" matches a numeric id (one or more digits).
constexpr std::array<std::string_view, 6> kLaneRoutes = {
    "/api/v1/purchases",                    // produce bought at a purchase point
    "/api/v1/checkpoints/{}/passages",      // checkpoint staff record a passage
    "/api/v1/observations/{}/follow-ups",   // a day's follow-up under observation
    "/api/v1/campaigns/{}/calls/{}",        // a phone-screening call's result
    "/api/v1/enterprises/{}/temperatures",  // an enterprise's morning temperature readings
    "/api/v1/households/{}/visits",         // a paired cadre's visit (re-checks the household)
};

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

bool matches(std::string_view pattern, std::string_view path) {
  size_t i = 0, j = 0;
  while (i < pattern.size()) {
    if (pattern.compare(i, 2, "{}") == 0) {
      size_t start = j;
      while (j < path.size() && is_digit(path[j])) ++j;
      if (j == start) return false;
      i += 2;
      continue;
    }
    if (j >= path.size() || pattern[i] != path[j]) return false;
    ++i;
    ++j;
  }
  return j == path.size();
}

HttpResponse not_saved(const HttpRequest& r) {
  return problem(503, "server.not_saved", "未能保存，请重试", "Not saved; please try again",
                 lang_of(r));
}

}  // namespace

bool write_lane_route(std::string_view method, std::string_view path) {
  if (method != "POST" || !path.starts_with("/api/v1/")) return false;
  for (std::string_view p : kLaneRoutes)
    if (matches(p, path)) return true;
  return false;
}

// ---------------------------------------------------------------- Checkpointer

Status Checkpointer::start(const std::string& db_path) {
  auto db = sqlite::Db::open(db_path);
  if (!db) return db.error();
  db_ = std::move(db).value();
  thread_ = std::thread([this] { loop(); });
  return {};
}

void Checkpointer::watch(sqlite3* writer) {
  sqlite3_wal_hook(
      writer,
      [](void* self, sqlite3*, const char*, int pages) {
        if (pages >= kPages) static_cast<Checkpointer*>(self)->due();
        return SQLITE_OK;
      },
      this);
}

void Checkpointer::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  db_.reset();
}

void Checkpointer::due() {
  {
    std::lock_guard lock(mu_);
    due_ = true;
  }
  cv_.notify_one();
}

void Checkpointer::loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || due_; });
      if (stopping_) return;
      due_ = false;
    }
    int wal_pages = 0, copied = 0;
    int rc = sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                       &wal_pages, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
      spdlog::warn("checkpoint: {}", sqlite3_errmsg(db_->handle()));
  }
}

// ---------------------------------------------------------------- WriteLane

Status WriteLane::start(const std::string& db_path, const Api& api) {
  auto svc = Services::open(db_path);
  if (!svc) return svc.error();
  svc_ = std::move(svc).value();
  LZ_TRY(svc_->store->db().exec("PRAGMA synchronous=FULL"));
  LZ_TRY(checkpointer_.start(db_path));
  checkpointer_.watch(svc_->store->db().handle());
  api_ = &api;
  thread_ = std::thread([this] { loop(); });
  return {};
}

void WriteLane::post(Job job) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
}

void WriteLane::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  checkpointer_.stop();
  svc_.reset();
}

void WriteLane::loop() {
  std::vector<Job> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      while (!jobs_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(jobs_.front()));
        jobs_.pop_front();
      }
    }
    run(batch);
    batch.clear();
  }
}

void WriteLane::run(std::vector<Job>& batch) {
  sqlite::Db& db = svc_->store->db();
  if (auto st = db.run("BEGIN IMMEDIATE"); !st) {
    spdlog::error("write lane: {}", st.error().message_en);
    for (auto& j : batch) j.done(not_saved(j.req));
    return;
  }
  std::vector<HttpResponse> out;
  out.reserve(batch.size());
  bool lost = false;
  for (auto& j : batch) {
    out.push_back(api_->handle(j.req, *svc_));
    // An error that rolls the whole transaction back (SQLITE_FULL, IOERR...)
    // takes the batch's earlier writes with it.
    if (sqlite3_get_autocommit(db.handle())) {
      lost = true;
      break;
    }
  }
  if (!lost) {
    if (auto st = db.run("COMMIT"); !st) {
      spdlog::error("write lane: commit: {}", st.error().message_en);
      (void)db.run("ROLLBACK");
      lost = true;
    }
  }
  if (lost) {
    for (auto& j : batch) j.done(not_saved(j.req));
    return;
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(out[i]));
}

}  // namespace lz::http
