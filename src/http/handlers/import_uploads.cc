// Chunked, resumable uploads of files to import (issue 8), so that no request
// holds a whole file (RESTinio reads a body whole) and a cadre on a weak
// phone connection can resume where a slice failed:
//  POST /api/v1/imports/uploads {kind, mode, dry_run, file_name, size, format?}
//                                      -> 201 {id, chunk_size, received_bytes: 0, state: uploading}
//  PUT  /api/v1/imports/uploads/{id}?offset=N   a slice (<= chunk_size) written at N
//                                      -> 200 {received_bytes, ...}; a gap: 409 expected_offset
//  GET  /api/v1/imports/uploads/{id}          how much is on disk (to resume)
//  POST /api/v1/imports/uploads/{id}/start    -> 202: the import job (GET /imports/{id})
// The upload is the import's record (import_upload, state 'uploading' until
// started, with received_bytes), its bytes go to <db>-uploads/<id>.part,
// written on the request's worker thread. A slice sent again (a retry after
// a lost answer) is written again at its offset and changes nothing; a slice
// past the received bytes is refused with the offset to send. Only the
// uploader sees and continues an upload (anyone else: 404). Limits
// (http/upload_limits.h): the file's size, the slice's, the unfinished uploads
// a user may hold; one idle for a day is failed (upload.expired) and its file
// removed, on the next upload and on the first use after a start. A restart
// leaves unfinished uploads as they were: resumable from received_bytes.
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "http/api.h"
#include "http/handlers/import_jobs.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "http/upload_limits.h"
#include "store/store.h"

namespace lz::http {

using nlohmann::json;

namespace {

std::mutex g_limits_m;
UploadLimits g_limits;

// One upload's slices are written one at a time (two retries of one slice
// may race on two workers); the locks of this process, by upload id, each
// dropped from the table when its upload is started (holders keep theirs).
std::mutex g_locks_m;
std::map<int64_t, std::shared_ptr<std::mutex>> g_locks;

std::shared_ptr<std::mutex> upload_lock(int64_t id) {
  std::lock_guard l(g_locks_m);
  auto& p = g_locks[id];
  if (!p) p = std::make_shared<std::mutex>();
  return p;
}

void forget_lock(int64_t id) {
  std::lock_guard l(g_locks_m);
  g_locks.erase(id);
}

std::string iso_at(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string part_path(const std::string& db_path, int64_t id) {
  return (imports::upload_dir(db_path) / fmt::format("{}.part", id)).string();
}

Result<std::string> db_file(const Ctx& c) {
  const char* path = sqlite3_db_filename(c.svc.store->db().handle(), "main");
  if (!path || !*path)
    return internal("import.no_file", "数据库不是文件，无法在后台导入",
                    "The database is not a file: imports cannot run in the background");
  return std::string(path);
}

// The bytes really there: the record's count, but never more than the file
// holds (a slice written while the record was not yet updated is sent again).
int64_t received_of(const exchange::Upload& u, const std::string& part) {
  struct stat st {};
  int64_t on_disk = ::stat(part.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
  return std::min(u.received_bytes, on_disk);
}

json chunked_json(const exchange::Upload& u, int64_t received, Lang lang) {
  json out = imports::upload_json(u, lang);
  out["chunk_size"] = upload_limits().chunk_bytes;
  out["received_bytes"] = received;
  out["updated_at"] = u.updated_at.empty() ? json(nullptr) : json(u.updated_at);
  return out;
}

Error gone_upload(int64_t id) {
  return not_found("upload.not_found", "id", fmt::format("上传{}不存在", id),
                   fmt::format("Upload {} does not exist", id));
}

Error not_open(const exchange::Upload& u) {
  return conflict("upload.not_open", "", fmt::format("该上传已不再接收数据（{}）", u.state),
                  fmt::format("The upload no longer takes data ({})", u.state));
}

// An open upload as it is once its slices are ours: its part file, the held
// per-upload lock, the record read again under it (still uploading) and the
// bytes really received.
struct HeldUpload {
  std::string part;
  std::shared_ptr<std::mutex> held;
  std::unique_lock<std::mutex> lock;
  exchange::Upload fresh;
  int64_t received = 0;
};

Result<HeldUpload> hold_open_upload(Ctx& c, const exchange::Upload& u) {
  auto path = db_file(c);
  if (!path) return path.error();
  HeldUpload h;
  h.part = part_path(*path, u.id);
  h.held = upload_lock(u.id);
  h.lock = std::unique_lock(*h.held);
  exchange::UploadStore store(c.svc.store->db());
  auto fresh = store.get(u.id);
  if (!fresh) return fresh.error();
  if (!*fresh) return gone_upload(u.id);
  if ((*fresh)->state != "uploading") return not_open(**fresh);
  h.fresh = std::move(**fresh);
  h.received = received_of(h.fresh, h.part);
  return h;
}

// A problem with further members (expected_offset, received_bytes).
HttpResponse problem_with(const Error& e, Lang lang, const json& extra) {
  HttpResponse r = problem(e, lang);
  json j = json::parse(r.body, nullptr, false);
  if (j.is_object()) {
    j.update(extra);
    r.body = j.dump();
  }
  return r;
}

std::string base_name(std::string name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name = name.substr(slash + 1);
  if (name.size() > 200) name.resize(200);
  return name;
}

std::string mib(uint64_t bytes) {
  return fmt::format("{} MiB", bytes >> 20);
}

}  // namespace

void set_upload_limits(const UploadLimits& limits) {
  std::lock_guard l(g_limits_m);
  g_limits = limits;
}

UploadLimits upload_limits() {
  std::lock_guard l(g_limits_m);
  return g_limits;
}

namespace imports {

Status expire_uploads(sqlite::Db& db) {
  auto now = std::chrono::system_clock::now();
  Error e =
      conflict("upload.expired", "", "上传一天以上没有继续，已作废并删除已收到的部分；请重新上传",
               "The upload was idle for more than a day: it was dropped with the part "
               "received; upload the file again");
  exchange::UploadStore store(db);
  auto gone =
      store.expire_uploading(iso_at(now - upload_limits().idle_expiry), error_json(e), iso_at(now));
  if (!gone) return gone.error();
  const char* path = sqlite3_db_filename(db.handle(), "main");
  std::error_code ec;
  if (path && *path)
    for (const auto& u : *gone) std::filesystem::remove(part_path(path, u.id), ec);
  return {};
}

}  // namespace imports

void add_import_upload_routes(Router& r) {
  r.add(
      {"POST",
       "/api/v1/imports/uploads",
       "imports",
       "Begin a chunked upload of a .xlsx or .csv file to import (for files of any size up to "
       "the server's limit, 1 GiB by default): answers 201 {id, chunk_size}; then send the file "
       "in slices with PUT /imports/uploads/{id}?offset=N and start the import with POST "
       "/imports/uploads/{id}/start. At most a few unfinished uploads per user (409 "
       "upload.too_many_open); an upload with no slice for a day is dropped.",
       true,
       {},
       "ImportUploadCreate",
       "ImportUpload",
       false,
       {400, 403, 409, 413, 422},
       [](Ctx& c) -> HttpResponse {
         auto body = c.body();
         if (!body) return problem(body.error(), c.lang);
         const json& b = *body;
         auto str = [&](const char* k, const char* fallback) {
           return b.contains(k) && b[k].is_string() ? b[k].get<std::string>()
                                                    : std::string(fallback);
         };
         std::string kind = str("kind", ""), mode = str("mode", "all-or-nothing");
         if (auto st = imports::check_kind(kind); !st) return problem(st.error(), c.lang);
         if (auto st = imports::check_mode(mode); !st) return problem(st.error(), c.lang);
         if (b.contains("dry_run") && !b["dry_run"].is_boolean())
           return problem(
               bad_parameter("dry_run", "dry_run应为true或false", "dry_run must be true or false"),
               c.lang);
         std::string format = str("format", "");
         if (!format.empty() && format != "xlsx" && format != "csv")
           return problem(
               bad_parameter("format", "format应为xlsx或csv", "format must be xlsx or csv"),
               c.lang);
         if (!b.contains("size") || !b["size"].is_number_integer() || b["size"].get<int64_t>() <= 0)
           return problem(invalid("file.size", "size", "size应为文件的字节数（正整数）",
                                  "size must be the file's size in bytes (a positive integer)"),
                          c.lang);
         int64_t size = b["size"].get<int64_t>();
         if (auto st = imports::may_import(c, kind); !st) return problem(st.error(), c.lang);
         UploadLimits lim = upload_limits();
         if (static_cast<uint64_t>(size) > lim.max_bytes)
           return problem(
               413, "upload.too_large",
               fmt::format("文件超过{}，请分成几个文件或用命令行导入", mib(lim.max_bytes)),
               fmt::format("The file is over {}: split it or import it with the command line",
                           mib(lim.max_bytes)),
               c.lang);
         auto path = db_file(c);
         if (!path) return problem(path.error(), c.lang);
         if (auto st = imports::recover(c.svc.store->db()); !st) return problem(st.error(), c.lang);
         if (auto st = imports::expire_uploads(c.svc.store->db()); !st)
           return problem(st.error(), c.lang);
         exchange::UploadStore store(c.svc.store->db());
         auto open = store.count_uploading(c.account ? c.account->id : 0);
         if (!open) return problem(open.error(), c.lang);
         if (*open >= lim.open_per_user)
           return problem(
               conflict("upload.too_many_open", "",
                        fmt::format("您已有{}个未完成的上传，请先完成或等待其作废（一天）", *open),
                        fmt::format("You have {} unfinished uploads: finish them first (an "
                                    "idle one is dropped after a day)",
                                    *open)),
               c.lang);
         exchange::Upload u;
         u.account_id = c.account ? c.account->id : 0;
         u.login = c.account ? c.account->login : "";
         u.kind = kind;
         u.mode = mode;
         u.dry_run = b.value("dry_run", false);
         u.format = format;
         u.file_name = base_name(str("file_name", ""));
         u.size_bytes = size;
         u.state = "uploading";
         u.created_at = now_iso();
         std::error_code ec;
         std::filesystem::create_directories(imports::upload_dir(*path), ec);
         if (auto st = store.create(u); !st) return problem(st.error(), c.lang);
         u.updated_at = u.created_at;
         return json_response(chunked_json(u, 0, c.lang), 201)
             .header("Location", fmt::format("/api/v1/imports/uploads/{}", u.id));
       }});

  r.add({"PUT",
         "/api/v1/imports/uploads/{id}",
         "imports",
         "One slice of the file (the raw bytes as the body, at most chunk_size), written at "
         "byte offset N. Send the slices in order; a slice sent again is harmless; a slice "
         "beyond the bytes received is 409 with expected_offset (resume from there). Answers "
         "{received_bytes, size_bytes, ...}. Only the uploader.",
         true,
         {{"offset", "query", "integer", "Where the slice begins in the file (bytes)", true}},
         "",
         "ImportUpload",
         false,
         {400, 404, 409, 413},
         [](Ctx& c) -> HttpResponse {
           auto u = imports::find_upload(c, imports::Who::kUploaderOnly);
           if (!u) return problem(u.error(), c.lang);
           auto offset = c.q_int("offset", 0, INT64_MAX);
           if (!offset) return problem(offset.error(), c.lang);
           if (!*offset)
             return problem(bad_parameter("offset", "缺少offset（这一段在文件中的起始字节）",
                                          "offset is required (where the slice begins, in bytes)"),
                            c.lang);
           int64_t at = **offset;
           UploadLimits lim = upload_limits();
           int64_t n = static_cast<int64_t>(c.req.body.size());
           if (static_cast<uint64_t>(n) > lim.chunk_bytes)
             return problem(413, "upload.chunk_too_large",
                            fmt::format("每段最多{}", mib(lim.chunk_bytes)),
                            fmt::format("A slice is at most {}", mib(lim.chunk_bytes)), c.lang);
           if (at + n > u->size_bytes)
             return problem(
                 413, "upload.beyond_size",
                 fmt::format("这一段超出了文件的大小（{}字节）", u->size_bytes),
                 fmt::format("The slice goes beyond the file's size ({} bytes)", u->size_bytes),
                 c.lang);
           if (n == 0)
             return problem(invalid("file.empty", "body", "请求体应为文件的一段，现为空",
                                    "The request body must be a slice of the file; it is empty"),
                            c.lang);
           auto h = hold_open_upload(c, *u);
           if (!h) return problem(h.error(), c.lang);
           const std::string& part = h->part;
           int64_t received = h->received;
           if (at > received)
             return problem_with(
                 conflict("upload.gap", "offset",
                          fmt::format("这一段从第{}字节开始，但只收到了{}字节：请从{}继续", at,
                                      received, received),
                          fmt::format("The slice begins at byte {} but only {} bytes were "
                                      "received: continue from {}",
                                      at, received, received)),
                 c.lang, {{"expected_offset", received}, {"received_bytes", received}});
           int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
           bool ok = fd >= 0;
           for (int64_t done = 0; ok && done < n;) {
             ssize_t w =
                 ::pwrite(fd, c.req.body.data() + done, static_cast<size_t>(n - done), at + done);
             if (w < 0 && errno == EINTR) continue;
             ok = w > 0;
             done += ok ? w : 0;
           }
           if (fd >= 0 && ::close(fd) != 0) ok = false;
           if (!ok)
             return problem(internal("upload.write", "无法保存收到的数据（磁盘已满？）",
                                     "Could not keep the slice received (is the disk full?)"),
                            c.lang);
           int64_t now_received = std::max(received, at + n);
           std::string when = now_iso();
           exchange::UploadStore store(c.svc.store->db());
           if (auto st = store.set_received(u->id, now_received, when); !st)
             return problem(st.error(), c.lang);
           h->fresh.received_bytes = now_received;
           h->fresh.updated_at = when;
           return json_response(chunked_json(h->fresh, now_received, c.lang));
         }});

  r.add({"GET",
         "/api/v1/imports/uploads/{id}",
         "imports",
         "A chunked upload: size_bytes, received_bytes (resume from there), chunk_size, state "
         "(uploading until started; then as GET /imports/{id}). Only the uploader.",
         true,
         {},
         "",
         "ImportUpload",
         false,
         {404},
         [](Ctx& c) -> HttpResponse {
           auto u = imports::find_upload(c, imports::Who::kUploaderOnly);
           if (!u) return problem(u.error(), c.lang);
           auto path = db_file(c);
           if (!path) return problem(path.error(), c.lang);
           int64_t received =
               u->state == "uploading" ? received_of(*u, part_path(*path, u->id)) : u->size_bytes;
           return json_response(chunked_json(*u, received, c.lang));
         }});

  r.add({"POST",
         "/api/v1/imports/uploads/{id}/start",
         "imports",
         "Start the import of a complete chunked upload: 202, then follow it with GET "
         "/imports/{id} (the same id), as a single-shot upload. 409 upload.incomplete while bytes "
         "are missing (with received_bytes). Only the uploader.",
         true,
         {},
         "",
         "ImportJob",
         false,
         {404, 409},
         [](Ctx& c) -> HttpResponse {
           auto u = imports::find_upload(c, imports::Who::kUploaderOnly);
           if (!u) return problem(u.error(), c.lang);
           if (auto st = imports::may_import(c, u->kind); !st) return problem(st.error(), c.lang);
           auto path = db_file(c);
           if (!path) return problem(path.error(), c.lang);
           auto h = hold_open_upload(c, *u);
           if (!h) return problem(h.error(), c.lang);
           const std::string& part = h->part;
           int64_t received = h->received;
           exchange::Upload* fresh = &h->fresh;
           if (received < fresh->size_bytes)
             return problem_with(
                 conflict(
                     "upload.incomplete", "",
                     fmt::format("文件尚未传完：收到{}字节，共{}字节", received, fresh->size_bytes),
                     fmt::format("The file is not complete: {} of {} bytes received", received,
                                 fresh->size_bytes)),
                 c.lang, {{"expected_offset", received}, {"received_bytes", received}});
           std::string format = fresh->format;
           if (format.empty() || format == "csv") {  // the bytes say what it is
             char head[4] = {};
             int fd = ::open(part.c_str(), O_RDONLY | O_CLOEXEC);
             bool zip = fd >= 0 && ::read(fd, head, 4) == 4 && std::string(head, 4) == "PK\x03\x04";
             if (fd >= 0) ::close(fd);
             format = zip ? "xlsx" : "csv";
           }
           std::string file =
               (imports::upload_dir(*path) / fmt::format("{}.{}", u->id, format)).string();
           std::error_code ec;
           std::filesystem::rename(part, file, ec);
           if (ec)
             return problem(
                 internal("import.file", "无法保存上传的文件", "Could not keep the uploaded file"),
                 c.lang);
           exchange::UploadStore store(c.svc.store->db());
           auto queued = store.queue(u->id, file, format, now_iso());
           if (!queued || !*queued) {
             std::filesystem::rename(file, part, ec);
             return problem(queued ? not_open(*fresh) : queued.error(), c.lang);
           }
           exchange::Upload q = *fresh;
           q.state = "queued";
           q.format = format;
           q.file_path = file;
           imports::enqueue(q, *path, c.scope, c.actor);
           forget_lock(u->id);
           return json_response(imports::upload_json(q, c.lang), 202)
               .header("Location", fmt::format("/api/v1/imports/{}", u->id));
         }});
}

}  // namespace lz::http
