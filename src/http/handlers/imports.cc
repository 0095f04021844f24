// Uploads of .xlsx / .csv files to import (issue 8), with progress:
//  POST /api/v1/imports?kind=&mode=&dry_run=&file_name=  the file as the body -> 202 {id, state}
//  GET  /api/v1/imports                       the caller's uploads (a county admin: everyone's)
//  GET  /api/v1/imports/{id}                  progress (rows read, state), then the summary
//  GET  /api/v1/imports/{id}/report.xlsx      the report, bad cells highlighted
// Each upload is a record in the database (exchange/sqlite_uploads.h: who,
// when, file name, state, summary and the whole report), so it outlives the
// server; the file goes to disk next to the database (<db>-uploads/ID.csv)
// as soon as it is received and the import reads it from there. The import
// runs on a background thread of its own (one at a time: an import holds
// the database's write lock for its one transaction), on its own
// connection, never on the I/O thread nor a request worker. Progress while
// it runs is kept in memory. On the first use after a start, uploads a
// previous process left queued or running are marked failed
// (import.interrupted): their transaction never committed, the data is as
// before. Same importers, modes, dry run and report as `liangzhan import`.
// Scope: a row outside the uploader's jurisdiction is a row error (a
// household in another township, a key person registered elsewhere,
// another checkpoint or purchase point); the uploader sees their uploads, a
// county administrator everyone's.
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "exchange/epidemic_import.h"
#include "exchange/livelihood_import.h"
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "exchange/sqlite_uploads.h"
#include "http/api.h"
#include "http/handlers/import_jobs.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

using nlohmann::json;

namespace imports {

constexpr size_t kMaxUpload = 16u << 20;  // the server's body limit

// An upload waiting or running in this process (what is not in its record:
// the uploader's scope and the progress).
struct Job {
  int64_t id = 0;
  std::string kind, mode, format, db_path, file, file_name;
  bool dry_run = false;
  Scope scope;
  Actor actor;
  std::atomic<long> rows{0};
  std::atomic<int> permille{0};
  std::atomic<bool> running{false};
};

// A household sink that refuses writes outside the uploader's jurisdiction:
// the importer turns the refusal into a row error and refuses the household.
class ScopedSink final : public exchange::ForwardingSink {
 public:
  ScopedSink(exchange::ImportSink& inner, const Scope& s) : ForwardingSink(inner), scope_(s) {}
  Status create_household(Household& h) override {
    LZ_TRY(check(h.region_code));
    return in_.create_household(h);
  }
  Status add_member(const exchange::ExistingHousehold& h, Person& p) override {
    LZ_TRY(check(h.region_code));
    return in_.add_member(h, p);
  }
  Status update_person(const Person& before, const Person& after) override {
    LZ_TRY(check(before.region_code));
    if (before.household_id) {  // the region of the household the person is registered in
      auto h = in_.household_by_id(*before.household_id);
      if (!h) return h.error();
      if (*h) LZ_TRY(check((*h)->region_code));
    }
    return in_.update_person(before, after);
  }
  Status update_household(const exchange::ExistingHousehold& before, const std::string& region_code,
                          const std::string& address) override {
    LZ_TRY(check(before.region_code));
    LZ_TRY(check(region_code));
    return in_.update_household(before, region_code, address);
  }

 private:
  Status check(const std::string& region) const {
    if (region.empty() || scope_.covers(region)) return {};
    return exchange::detail::out_of_scope(region);
  }
  const Scope& scope_;
};

std::string error_json(const Error& e) {
  return json{{"code", e.code},
              {"field", e.field},
              {"row", e.row},
              {"zh", e.message_zh},
              {"en", e.message_en}}
      .dump();
}

// <db>-uploads/: where uploaded files wait and run.
std::filesystem::path upload_dir(const std::string& db_path) {
  return std::filesystem::path(db_path + "-uploads");
}

// The jobs of this process, and the one thread that runs them in turn.
class Imports {
 public:
  static Imports& get() {
    static Imports imports;
    return imports;
  }
  ~Imports() {
    {
      std::lock_guard l(m_);
      stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }
  // Once per process, before anything else: uploads a previous process left
  // queued or running failed (their transaction never committed).
  Status recover(sqlite::Db& db) {
    std::lock_guard l(recover_m_);
    if (recovered_) return {};
    Error e = conflict("import.interrupted", "",
                       "服务器在导入完成前重新启动，导入已中断，数据未作任何改动；请重新上传",
                       "The server restarted before the import finished: it was stopped and "
                       "nothing was written; upload the file again");
    exchange::UploadStore store(db);
    auto failed = store.fail_unfinished(error_json(e), now_iso());
    if (!failed) return failed.error();
    std::error_code ec;
    for (const auto& u : *failed)
      if (!u.file_path.empty()) std::filesystem::remove(u.file_path, ec);
    LZ_TRY(expire_uploads(db));
    recovered_ = true;
    return {};
  }
  void add(std::shared_ptr<Job> j) {
    std::lock_guard l(m_);
    jobs_[j->id] = j;
    queue_.push_back(j);
    if (!worker_.joinable()) worker_ = std::thread([this] { loop(); });
    cv_.notify_all();
  }
  std::shared_ptr<Job> find(int64_t id) {
    std::lock_guard l(m_);
    auto it = jobs_.find(id);
    return it == jobs_.end() ? nullptr : it->second;
  }

 private:
  void loop() {
    for (;;) {
      std::shared_ptr<Job> j;
      {
        std::unique_lock l(m_);
        cv_.wait(l, [&] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        j = queue_.front();
        queue_.pop_front();
      }
      run(*j);
      std::lock_guard l(m_);
      jobs_.erase(j->id);  // its record has it all now
    }
  }
  static void run(Job& j);

  std::mutex m_, recover_m_;
  bool recovered_ = false;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<int64_t, std::shared_ptr<Job>> jobs_;
  bool stop_ = false;
  std::thread worker_;
};

// Runs the import; the outcome or the error that stopped it.
Result<exchange::KindImport> run_import(Job& j, Services& svc) {
  auto reader = exchange::open_table(j.file);
  if (!reader) return reader.error();
  auto regions = svc.store->regions("");
  if (!regions) return regions.error();
  RegionTree tree = RegionTree::from_regions(std::move(regions).value());
  exchange::ImportOptions opts;
  opts.mode =
      j.mode == "good-rows" ? exchange::ImportMode::kGoodRows : exchange::ImportMode::kAllOrNothing;
  opts.dry_run = j.dry_run;
  opts.today = svc.epidemic->today();
  opts.progress = [&j](double f, long rows) {
    j.rows = rows;
    j.permille = static_cast<int>(f * 1000);
  };
  Scope scope = j.scope;
  if (j.kind == "households") {
    auto sink = exchange::SqliteImportSink::begin(*svc.store, j.actor,
                                                  fmt::format("import upload {}", j.id));
    if (!sink) return sink.error();
    (*sink)->set_source(
        {j.file_name, "", std::to_string(j.id), exchange::file_sha256_async(j.file)});
    {
      std::error_code ec;
      auto bytes = std::filesystem::file_size(j.file, ec);
      int64_t rows = ec ? 0 : exchange::SqliteImportSink::rows_estimate(bytes);
      LZ_TRY((*sink)->prefilter(rows));
      // A large file: secondary indexes built once, before COMMIT (a dry
      // run rolls back: the schema is as it was, and nothing is built).
      LZ_TRY((*sink)->prepare_bulk(rows));
    }
    ScopedSink scoped(**sink, j.scope);
    auto rep = exchange::import_households(**reader, scoped, tree, opts);
    sink->reset();  // rolls back unless committed
    if (!rep) return rep.error();
    exchange::KindImport k;
    k.report = std::move(rep).value();
    return k;
  }
  if (exchange::find_livelihood_kind(j.kind)) {
    exchange::LivelihoodImportEnv env{*svc.store, *svc.produce, *svc.jobs, *svc.supplies,
                                      j.actor,    {},           {},        &tree};
    if (scope.role == Role::kPurchasePointOperator)
      env.point_only = scope.purchase_point_id.value_or(-1);
    else
      env.covers = [scope](const std::string& region) { return scope.covers(region); };
    opts.today = svc.produce->today();
    return exchange::import_livelihood(j.kind, **reader, env, opts);
  }
  exchange::EpidemicImportEnv env{*svc.epidemic, j.actor, {}, {}, &tree};
  if (scope.role == Role::kCheckpointStaff)
    env.checkpoint_only = scope.checkpoint_id.value_or(-1);
  else
    env.covers = [scope](const std::string& region) { return scope.covers(region); };
  return exchange::import_epidemic(j.kind, **reader, env, opts);
}

void Imports::run(Job& j) {
  auto svc = Services::open(j.db_path);
  if (!svc) return;  // the database is gone: the record stays queued until the next start
  exchange::UploadStore store((*svc)->store->db());
  (void)store.start(j.id, now_iso());
  j.running = true;
  auto r = run_import(j, **svc);
  std::string report, error;
  long rows = j.rows;
  if (r) {
    report = exchange::report_to_storage(r->report, r->counts).dump();
    rows = r->report.rows_read;
  } else {
    error = error_json(r.error());
  }
  // The outcome into the record (the write lock may be busy for a while: retry).
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (store.finish(j.id, r ? "done" : "failed", rows, report, error, now_iso())) break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  std::error_code ec;
  std::filesystem::remove(j.file, ec);
}

json upload_json(const exchange::Upload& u, Lang lang) {
  auto live_job = Imports::get().find(u.id);
  const Job* live = live_job.get();
  json out{{"id", u.id},
           {"kind", u.kind},
           {"mode", u.mode},
           {"dry_run", u.dry_run},
           {"format", u.format},
           {"file_name", u.file_name},
           {"size_bytes", u.size_bytes},
           {"received_bytes", u.state == "uploading" ? u.received_bytes : u.size_bytes},
           {"uploaded_by", u.login},
           {"state", u.state},
           {"rows_read", u.rows_read},
           {"progress", u.state == "done" ? 1.0 : 0.0},
           {"created_at", u.created_at},
           {"started_at", u.started_at.empty() ? json(nullptr) : json(u.started_at)},
           {"finished_at", u.finished_at.empty() ? json(nullptr) : json(u.finished_at)},
           {"summary", nullptr},
           {"error", nullptr}};
  if (live && (u.state == "queued" || u.state == "running")) {
    if (live->running) out["state"] = "running";
    out["rows_read"] = live->rows.load();
    out["progress"] = live->permille.load() / 1000.0;
  }
  if (!u.report.empty()) {
    std::vector<std::pair<std::string, long>> counts;
    auto rep = exchange::report_from_storage(json::parse(u.report, nullptr, false), &counts);
    if (rep) {
      exchange::KindImport k{std::move(rep).value(), std::move(counts)};
      out["summary"] = u.kind == "households" ? exchange::report_json(k.report, lang)
                                              : exchange::kind_report_json(k, lang);
    }
  }
  if (!u.error.empty()) {
    json e = json::parse(u.error, nullptr, false);
    if (e.is_object())
      out["error"] = {{"code", e.value("code", "")},
                      {"field", e.value("field", "")},
                      {"row", e.value("row", 0)},
                      {"message", lang == Lang::kEn ? e.value("en", "") : e.value("zh", "")}};
  }
  return out;
}

Status check_kind(const std::string& kind) {
  if (exchange::find_import_kind(kind)) return {};
  return bad_parameter("kind",
                       "kind应为households、key_persons、passages、follow_ups、purchases、"
                       "listings、labourers、cooperatives或poverty_register",
                       "kind must be households, key_persons, passages, follow_ups, "
                       "purchases, listings, labourers, cooperatives or poverty_register");
}

Status check_mode(const std::string& mode) {
  if (mode == "all-or-nothing" || mode == "good-rows") return {};
  return bad_parameter("mode", "mode应为all-or-nothing或good-rows",
                       "mode must be all-or-nothing or good-rows");
}

// Who may upload a kind: the front's write permission; rows are then checked against the scope.
Status may_import(const Ctx& c, const std::string& kind) {
  const Scope& s = c.scope;
  bool ok = false;
  if (kind == "households" || kind == "poverty_register")  // as PUT .../poverty/status
    ok = s.registry_write && !s.paired_only;
  else if (kind == "passages")
    ok = s.role == Role::kCheckpointStaff || (s.epidemic_write && !s.paired_only);
  else if (kind == "purchases")  // as POST /purchases: an operator at their point, or command
    ok = (s.role == Role::kPurchasePointOperator && s.purchase_point_id) ||
         (s.livelihood && s.livelihood_write && s.livelihood_command && !s.paired_only);
  else if (kind == "labourers" || kind == "listings")  // cadres too (not paired: their households)
    ok = s.livelihood && s.livelihood_write && !s.paired_only;
  else if (kind == "cooperatives")
    ok = s.livelihood && s.livelihood_write && s.livelihood_command && !s.paired_only;
  else
    ok = s.epidemic_write && !s.paired_only;
  if (ok) return {};
  return invalid("import.forbidden", "kind", fmt::format("您的角色不能导入“{}”", kind),
                 fmt::format("Your role may not import \"{}\"", kind));
}

// Who sees an upload: the uploader; a county administrator everyone's.
bool sees_all(const Ctx& c) {
  return c.scope.role == Role::kCountyAdmin;
}

Result<exchange::Upload> find_upload(Ctx& c, Who who) {
  LZ_TRY(imports::recover(c.svc.store->db()));
  auto id = c.id();
  if (!id) return id.error();
  exchange::UploadStore store(c.svc.store->db());
  auto u = store.get(*id);
  if (!u) return u.error();
  bool own = *u && c.account && (*u)->account_id == c.account->id;
  if (who == Who::kUploaderOnly) {
    if (!own || (*u)->updated_at.empty()) return not_in_scope("上传", "upload", *id);
  } else if (!*u || !c.account || (!own && !sees_all(c))) {
    return not_in_scope("导入任务", "import", *id);
  }
  return **u;
}

// The file name the client gave: ?file_name= or Content-Disposition's filename.
std::string file_name_of(const Ctx& c) {
  std::string name = c.q_or("file_name", "");
  if (name.empty()) {
    std::string cd = c.req.header("content-disposition");
    if (auto at = cd.find("filename=\""); at != std::string::npos) {
      auto end = cd.find('"', at + 10);
      name = cd.substr(at + 10, end == std::string::npos ? std::string::npos : end - at - 10);
    } else if (auto at2 = cd.find("filename="); at2 != std::string::npos) {
      name = cd.substr(at2 + 9);
      if (auto semi = name.find(';'); semi != std::string::npos) name.resize(semi);
    }
  }
  // The base name only, at most 200 bytes.
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name = name.substr(slash + 1);
  if (name.size() > 200) name.resize(200);
  return name;
}

Status recover(sqlite::Db& db) {
  return Imports::get().recover(db);
}

void enqueue(const exchange::Upload& u, const std::string& db_path, const Scope& scope,
             const Actor& actor) {
  auto j = std::make_shared<Job>();
  j->id = u.id;
  j->kind = u.kind;
  j->mode = u.mode;
  j->dry_run = u.dry_run;
  j->format = u.format;
  j->db_path = db_path;
  j->file = u.file_path;
  j->file_name = u.file_name;
  j->scope = scope;
  j->actor = actor;
  Imports::get().add(j);
}

}  // namespace imports

using namespace imports;

void add_import_routes(Router& r) {
  r.add({"POST",
         "/api/v1/imports",
         "imports",
         "Upload a .xlsx or .csv (UTF-8 or GB18030/GBK) file to import, as the request body (at "
         "most 16 MiB; "
         "Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or "
         "text/csv, or "
         "?format=xlsx|csv; else detected). Answers 202 {id, state}: the import runs in the "
         "background; follow it "
         "with GET /imports/{id}. Rows outside your jurisdiction are row errors.",
         true,
         {{"kind", "query", "string",
           "households | key_persons | passages | follow_ups | purchases | listings | "
           "labourers | "
           "cooperatives",
           true},
          {"mode", "query", "string", "all-or-nothing (default) | good-rows"},
          {"dry_run", "query", "boolean", "Check everything, write nothing"},
          {"format", "query", "string",
           "xlsx | csv (default: from Content-Type or the file's first bytes)"},
          {"file_name", "query", "string",
           "The file's name, kept with the upload (default: Content-Disposition's filename)"}},
         "",
         "ImportJob",
         false,
         {400, 403, 413, 422},
         [](Ctx& c) -> HttpResponse {
           std::string kind = c.q_or("kind", "");
           if (auto st = check_kind(kind); !st) return problem(st.error(), c.lang);
           std::string mode = c.q_or("mode", "all-or-nothing");
           if (auto st = check_mode(mode); !st) return problem(st.error(), c.lang);
           std::string dry = c.q_or("dry_run", "false");
           if (dry != "true" && dry != "false" && dry != "1" && dry != "0")
             return problem(bad_parameter("dry_run", "dry_run应为true或false",
                                          "dry_run must be true or false"),
                            c.lang);
           if (auto st = may_import(c, kind); !st) return problem(st.error(), c.lang);
           if (c.req.body.empty())
             return problem(invalid("file.empty", "body", "请求体应为要导入的文件，现为空",
                                    "The request body must be the file to import; it is empty"),
                            c.lang);
           if (c.req.body.size() > kMaxUpload)
             return problem(413, "file.too_large", "文件超过16 MiB，请分成几个文件或用命令行导入",
                            "The file is over 16 MiB: split it or import it with the command line",
                            c.lang);
           std::string format = c.q_or("format", "");
           std::string ct = c.req.header("content-type");
           if (format.empty()) {
             if (ct.find("spreadsheetml") != std::string::npos)
               format = "xlsx";
             else if (ct.find("csv") != std::string::npos ||
                      ct.find("text/plain") != std::string::npos)
               format = "csv";
             else
               format = c.req.body.rfind("PK\x03\x04", 0) == 0 ? "xlsx" : "csv";
           }
           if (format != "xlsx" && format != "csv")
             return problem(
                 bad_parameter("format", "format应为xlsx或csv", "format must be xlsx or csv"),
                 c.lang);
           if (format == "csv" && c.req.body.rfind("PK\x03\x04", 0) == 0)
             format = "xlsx";  // an xlsx sent as text: the bytes say what it is
           const char* path = sqlite3_db_filename(c.svc.store->db().handle(), "main");
           if (!path || !*path)
             return problem(
                 internal("import.no_file", "数据库不是文件，无法在后台导入",
                          "The database is not a file: imports cannot run in the background"),
                 c.lang);
           if (auto st = imports::recover(c.svc.store->db()); !st)
             return problem(st.error(), c.lang);
           exchange::UploadStore store(c.svc.store->db());
           exchange::Upload u;
           u.account_id = c.account ? c.account->id : 0;
           u.login = c.account ? c.account->login : "";
           u.kind = kind;
           u.mode = mode;
           u.dry_run = dry == "true" || dry == "1";
           u.format = format;
           u.file_name = file_name_of(c);
           u.size_bytes = static_cast<int64_t>(c.req.body.size());
           u.created_at = now_iso();
           if (auto st = store.create(u); !st) return problem(st.error(), c.lang);
           // The file to disk at once, in pieces; the import reads it from there.
           std::error_code ec;
           std::filesystem::create_directories(upload_dir(path), ec);
           std::string file = (upload_dir(path) / fmt::format("{}.{}", u.id, format)).string();
           {
             std::ofstream f(file, std::ios::binary | std::ios::trunc);
             constexpr size_t kPiece = 1 << 20;
             for (size_t at = 0; f && at < c.req.body.size(); at += kPiece)
               f.write(c.req.body.data() + at,
                       static_cast<std::streamsize>(std::min(kPiece, c.req.body.size() - at)));
             f.flush();
             if (!f) {
               Error e = internal("import.file", "无法保存上传的文件",
                                  "Could not keep the uploaded file");
               (void)store.finish(u.id, "failed", 0, "", error_json(e), now_iso());
               std::filesystem::remove(file, ec);
               return problem(e, c.lang);
             }
           }
           if (auto st = store.set_file(u.id, file, u.size_bytes); !st)
             return problem(st.error(), c.lang);
           u.file_path = file;
           enqueue(u, path, c.scope, c.actor);
           return json_response(upload_json(u, c.lang), 202)
               .header("Location", fmt::format("/api/v1/imports/{}", u.id));
         }});

  r.add({"GET",
         "/api/v1/imports",
         "imports",
         "Your uploads, newest first (a county administrator: everybody's), each as GET "
         "/imports/{id} gives it. Kept in the database: they outlive a restart (an upload a "
         "restart interrupted is failed with import.interrupted and wrote nothing).",
         true,
         {{"limit", "query", "integer", "at most 1000 (default 50)"},
          {"offset", "query", "integer", ""}},
         "",
         "ImportJob",
         true,
         {},
         [](Ctx& c) -> HttpResponse {
           if (auto st = imports::recover(c.svc.store->db()); !st)
             return problem(st.error(), c.lang);
           if (auto st = imports::expire_uploads(c.svc.store->db()); !st)  // idle for a day
             return problem(st.error(), c.lang);
           int64_t limit = 50, offset = 0;
           if (auto st = c.paging(limit, offset); !st) return problem(st.error(), c.lang);
           std::optional<int64_t> who;
           if (!sees_all(c)) who = c.account ? c.account->id : -1;
           exchange::UploadStore store(c.svc.store->db());
           auto list = store.list(who, limit, offset);
           if (!list) return problem(list.error(), c.lang);
           auto total = store.count(who);
           if (!total) return problem(total.error(), c.lang);
           json items = json::array();
           for (const auto& u : *list) {
             items.push_back(upload_json(u, c.lang));
           }
           return list_response(items, *total);
         }});

  r.add({"GET",
         "/api/v1/imports/{id}",
         "imports",
         "An upload's progress (state queued | running | done | failed, rows_read, progress 0..1) "
         "and, when done, "
         "the summary as `liangzhan import --json` gives it (rows read, added, refused, each "
         "refusal's row, column "
         "and reason), or the error that stopped it. The uploader sees it, and a county "
         "administrator.",
         true,
         {},
         "",
         "ImportJob",
         false,
         {404},
         [](Ctx& c) -> HttpResponse {
           auto u = find_upload(c, Who::kAlsoWhoSeesAll);
           if (!u) return problem(u.error(), c.lang);
           return json_response(upload_json(*u, c.lang));
         }});

  r.add({"GET",
         "/api/v1/imports/{id}/report.xlsx",
         "imports",
         "The report of a finished upload as .xlsx: the problems by row, column and reason, and "
         "the refused rows "
         "as they were with the bad cells highlighted (409 while it runs).",
         true,
         {},
         "",
         "",
         false,
         {404, 409},
         [](Ctx& c) -> HttpResponse {
           auto u = find_upload(c, Who::kAlsoWhoSeesAll);
           if (!u) return problem(u.error(), c.lang);
           if (u->report.empty())
             return problem(
                 conflict("import.not_done", "", fmt::format("导入尚未完成（{}）", u->state),
                          fmt::format("The import has not finished ({})", u->state)),
                 c.lang);
           auto rep =
               exchange::report_from_storage(json::parse(u->report, nullptr, false), nullptr);
           if (!rep) return problem(rep.error(), c.lang);
           static std::atomic<long> seq{0};
           std::string path = (std::filesystem::temp_directory_path() /
                               fmt::format("lz_report_{}_{}.xlsx", ::getpid(), ++seq))
                                  .string();
           auto st = exchange::write_report_xlsx(*rep, path, c.lang);
           if (!st) return problem(st.error(), c.lang);
           std::ifstream f(path, std::ios::binary);
           std::stringstream ss;
           ss << f.rdbuf();
           std::filesystem::remove(path);
           HttpResponse resp;
           resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
           resp.body = ss.str();
           resp.header("Content-Disposition",
                       fmt::format("attachment; filename=\"import-{}-report.xlsx\"", u->id));
           return resp;
         }});
}

}  // namespace lz::http

namespace lz::http {

void add_import_schemas(nlohmann::json& s) {
  const json str = {{"type", "string"}}, nstr = {{"type", {"string", "null"}}},
             integer = {{"type", "integer"}}, boolean = {{"type", "boolean"}};
  json refusal = {{"type", "object"},
                  {"properties",
                   {{"row", integer},
                    {"column", nstr},
                    {"column_name", str},
                    {"value", str},
                    {"code", str},
                    {"reason", str}}}};
  s["ImportSummary"] = {{"type", "object"},
                        {"properties",
                         {{"kind", str},
                          {"format", str},
                          {"mode", str},
                          {"dry_run", boolean},
                          {"committed", boolean},
                          {"rows_read", integer},
                          {"added", integer},
                          {"updated", integer},
                          {"unchanged", integer},
                          {"refused", integer},
                          {"ignored_columns", {{"type", "array"}, {"items", str}}},
                          {"refusals", {{"type", "array"}, {"items", refusal}}}}}};
  s["ImportJob"] = {
      {"type", "object"},
      {"properties",
       {{"id", integer},
        {"kind", str},
        {"mode", str},
        {"dry_run", boolean},
        {"format", str},
        {"file_name", str},
        {"size_bytes", integer},
        {"uploaded_by", str},
        {"received_bytes", integer},
        {"state",
         {{"type", "string"}, {"enum", {"uploading", "queued", "running", "done", "failed"}}}},
        {"rows_read", integer},
        {"progress", {{"type", "number"}}},
        {"created_at", str},
        {"started_at", nstr},
        {"finished_at", nstr},
        {"summary",
         {{"oneOf", {{{"$ref", "#/components/schemas/ImportSummary"}}, {{"type", "null"}}}}}},
        {"error", {{"type", {"object", "null"}}}}}}};
  s["ImportUploadCreate"] = {
      {"type", "object"},
      {"required", {"kind", "size"}},
      {"properties",
       {{"kind", str},
        {"mode", {{"type", "string"}, {"enum", {"all-or-nothing", "good-rows"}}}},
        {"dry_run", boolean},
        {"file_name", str},
        {"format", {{"type", "string"}, {"enum", {"xlsx", "csv"}}}},
        {"size", integer}}}};
  json chunked = s["ImportJob"];
  chunked["properties"]["chunk_size"] = integer;
  chunked["properties"]["updated_at"] = nstr;
  s["ImportUpload"] = chunked;
}

}  // namespace lz::http
