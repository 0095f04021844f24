// Uploads of .xlsx / .csv files to import (issue 8), with progress:
//  POST /api/v1/imports?kind=&mode=&dry_run=  the file as the body -> 202 {id, state}
//  GET  /api/v1/imports/{id}                  progress (rows read, state), then the summary
//  GET  /api/v1/imports/{id}/report.xlsx      the report, bad cells highlighted
// The import runs on a background thread of its own (one at a time: an
// import holds the database's write lock for its one transaction), on its
// own connection, never on the I/O thread nor a request worker. Same
// importers, modes, dry run and report as `liangzhan import`. Scope: a
// row outside the uploader's jurisdiction is a row error (a household in
// another township, a key person registered elsewhere, another checkpoint);
// only the uploader sees the import.
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
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
#include "exchange/report.h"
#include "exchange/sqlite_import_sink.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

using nlohmann::json;

namespace {

constexpr size_t kMaxUpload = 16u << 20;  // the server's body limit
constexpr size_t kKeptJobs = 200;

struct Job {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string kind, mode, format, db_path, file;
  bool dry_run = false;
  Scope scope;
  Actor actor;
  std::string created_at;
  std::atomic<long> rows{0};
  std::atomic<int> permille{0};
  std::mutex m;                  // guards what follows
  std::string state = "queued";  // queued | running | done | failed
  std::string finished_at;
  std::optional<exchange::KindImport> result;
  std::optional<Error> error;
};

// A household sink that refuses writes outside the uploader's jurisdiction:
// the importer turns the refusal into a row error and refuses the household.
class ScopedSink final : public exchange::ImportSink {
 public:
  ScopedSink(exchange::ImportSink& inner, const Scope& s) : in_(inner), scope_(s) {}
  Result<std::optional<exchange::ExistingHousehold>> household_by_number(
      const std::string& n) override {
    return in_.household_by_number(n);
  }
  Result<std::optional<exchange::ExistingHousehold>> household_by_id(int64_t id) override {
    return in_.household_by_id(id);
  }
  Result<std::optional<Person>> person_by_id_number(const std::string& id) override {
    return in_.person_by_id_number(id);
  }
  bool created_here(const Person& p) const override { return in_.created_here(p); }
  Status begin_unit() override { return in_.begin_unit(); }
  Status end_unit(bool keep) override { return in_.end_unit(keep); }
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
  Status commit() override { return in_.commit(); }

 private:
  Status check(const std::string& region) const {
    if (region.empty() || scope_.covers(region)) return {};
    return exchange::detail::out_of_scope(region);
  }
  exchange::ImportSink& in_;
  const Scope& scope_;
};

// The jobs, and the one thread that runs them in turn.
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
  std::shared_ptr<Job> add(std::shared_ptr<Job> j) {
    std::lock_guard l(m_);
    j->id = ++next_;
    jobs_[j->id] = j;
    queue_.push_back(j);
    // Forget the oldest finished jobs.
    while (jobs_.size() > kKeptJobs) {
      std::shared_ptr<Job> oldest = jobs_.begin()->second;
      {
        std::lock_guard jl(oldest->m);
        if (oldest->state != "done" && oldest->state != "failed") break;
      }
      jobs_.erase(jobs_.begin());
    }
    if (!worker_.joinable()) worker_ = std::thread([this] { loop(); });
    cv_.notify_all();
    return j;
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
    }
  }
  static void run(Job& j);

  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<int64_t, std::shared_ptr<Job>> jobs_;
  int64_t next_ = 0;
  bool stop_ = false;
  std::thread worker_;
};

void Imports::run(Job& j) {
  {
    std::lock_guard l(j.m);
    j.state = "running";
  }
  auto finish = [&](std::optional<exchange::KindImport> r, std::optional<Error> e) {
    std::lock_guard l(j.m);
    j.result = std::move(r);
    j.error = std::move(e);
    j.state = j.error ? "failed" : "done";
    j.finished_at = now_iso();
    std::filesystem::remove(j.file);
  };
  auto svc = Services::open(j.db_path);
  if (!svc) return finish(std::nullopt, svc.error());
  auto reader = exchange::open_table(j.file);
  if (!reader) return finish(std::nullopt, reader.error());
  auto regions = (*svc)->store->regions("");
  if (!regions) return finish(std::nullopt, regions.error());
  RegionTree tree = RegionTree::from_regions(std::move(regions).value());
  exchange::ImportOptions opts;
  opts.mode =
      j.mode == "good-rows" ? exchange::ImportMode::kGoodRows : exchange::ImportMode::kAllOrNothing;
  opts.dry_run = j.dry_run;
  opts.today = (*svc)->epidemic->today();
  opts.progress = [&j](double f, long rows) {
    j.rows = rows;
    j.permille = static_cast<int>(f * 1000);
  };
  if (j.kind == "households") {
    auto sink = exchange::SqliteImportSink::begin(*(*svc)->store, j.actor,
                                                  fmt::format("import upload {}", j.id));
    if (!sink) return finish(std::nullopt, sink.error());
    ScopedSink scoped(**sink, j.scope);
    auto rep = exchange::import_households(**reader, scoped, tree, opts);
    sink->reset();  // rolls back unless committed
    if (!rep) return finish(std::nullopt, rep.error());
    exchange::KindImport k;
    k.report = std::move(rep).value();
    j.rows = k.report.rows_read;
    return finish(std::move(k), std::nullopt);
  }
  exchange::EpidemicImportEnv env{*(*svc)->epidemic, j.actor, {}, {}, &tree};
  Scope scope = j.scope;
  if (scope.role == Role::kCheckpointStaff)
    env.checkpoint_only = scope.checkpoint_id.value_or(-1);
  else
    env.covers = [scope](const std::string& region) { return scope.covers(region); };
  auto rep = exchange::import_epidemic(j.kind, **reader, env, opts);
  if (!rep) return finish(std::nullopt, rep.error());
  j.rows = rep->report.rows_read;
  finish(std::move(rep).value(), std::nullopt);
}

json job_json(Job& j, Lang lang) {
  std::lock_guard l(j.m);
  json out{{"id", j.id},
           {"kind", j.kind},
           {"mode", j.mode},
           {"dry_run", j.dry_run},
           {"format", j.format},
           {"state", j.state},
           {"rows_read", j.rows.load()},
           {"progress", j.state == "done" ? 1.0 : j.permille.load() / 1000.0},
           {"created_at", j.created_at},
           {"finished_at", j.finished_at.empty() ? json(nullptr) : json(j.finished_at)},
           {"summary", nullptr},
           {"error", nullptr}};
  if (j.result)
    out["summary"] = j.kind == "households" ? exchange::report_json(j.result->report, lang)
                                            : exchange::kind_report_json(*j.result, lang);
  if (j.error)
    out["error"] = {{"code", j.error->code},
                    {"field", j.error->field},
                    {"row", j.error->row},
                    {"message", lang == Lang::kEn ? j.error->message_en : j.error->message_zh}};
  return out;
}

// Who may upload a kind: the front's write permission; rows are then checked against the scope.
Status may_import(const Ctx& c, const std::string& kind) {
  const Scope& s = c.scope;
  bool ok = false;
  if (kind == "households")
    ok = s.registry_write && !s.paired_only;
  else if (kind == "passages")
    ok = s.role == Role::kCheckpointStaff || (s.epidemic_write && !s.paired_only);
  else
    ok = s.epidemic_write && !s.paired_only;
  if (ok) return {};
  return invalid("import.forbidden", "kind", fmt::format("您的角色不能导入“{}”", kind),
                 fmt::format("Your role may not import \"{}\"", kind));
}

Result<std::shared_ptr<Job>> visible_job(Ctx& c) {
  auto id = c.id();
  if (!id) return id.error();
  auto j = Imports::get().find(*id);
  if (!j || !c.account || j->account_id != c.account->id)
    return not_in_scope("导入任务", "import", *id);
  return j;
}

}  // namespace

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
         {{"kind", "query", "string", "households | key_persons | passages | follow_ups", true},
          {"mode", "query", "string", "all-or-nothing (default) | good-rows"},
          {"dry_run", "query", "boolean", "Check everything, write nothing"},
          {"format", "query", "string",
           "xlsx | csv (default: from Content-Type or the file's first bytes)"}},
         "",
         "ImportJob",
         false,
         {400, 403, 413, 422},
         [](Ctx& c) -> HttpResponse {
           std::string kind = c.q_or("kind", "");
           if (!exchange::find_import_kind(kind))
             return problem(
                 bad_parameter("kind", "kind应为households、key_persons、passages或follow_ups",
                               "kind must be households, key_persons, passages or follow_ups"),
                 c.lang);
           std::string mode = c.q_or("mode", "all-or-nothing");
           if (mode != "all-or-nothing" && mode != "good-rows")
             return problem(bad_parameter("mode", "mode应为all-or-nothing或good-rows",
                                          "mode must be all-or-nothing or good-rows"),
                            c.lang);
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
           auto j = std::make_shared<Job>();
           j->account_id = c.account ? c.account->id : 0;
           j->kind = kind;
           j->mode = mode;
           j->dry_run = dry == "true" || dry == "1";
           j->format = format;
           j->db_path = path;
           j->scope = c.scope;
           j->actor = c.actor;
           j->created_at = now_iso();
           static std::atomic<long> seq{0};
           j->file = (std::filesystem::temp_directory_path() /
                      fmt::format("lz_upload_{}_{}.{}", ::getpid(), ++seq, format))
                         .string();
           {
             std::ofstream f(j->file, std::ios::binary);
             f.write(c.req.body.data(), static_cast<std::streamsize>(c.req.body.size()));
             if (!f)
               return problem(
                   internal("import.tmp", "无法保存上传的文件", "Could not keep the uploaded file"),
                   c.lang);
           }
           Imports::get().add(j);
           json out = job_json(*j, c.lang);
           return json_response(out, 202).header("Location",
                                                 fmt::format("/api/v1/imports/{}", j->id));
         }});

  r.add({"GET",
         "/api/v1/imports/{id}",
         "imports",
         "An upload's progress (state queued | running | done | failed, rows_read, progress 0..1) "
         "and, when done, "
         "the summary as `liangzhan import --json` gives it (rows read, added, refused, each "
         "refusal's row, column "
         "and reason). Only the uploader sees it.",
         true,
         {},
         "",
         "ImportJob",
         false,
         {404},
         [](Ctx& c) -> HttpResponse {
           auto j = visible_job(c);
           if (!j) return problem(j.error(), c.lang);
           return json_response(job_json(**j, c.lang));
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
           auto j = visible_job(c);
           if (!j) return problem(j.error(), c.lang);
           exchange::ImportReport rep;
           {
             std::lock_guard l((*j)->m);
             if (!(*j)->result)
               return problem(
                   conflict("import.not_done", "", fmt::format("导入尚未完成（{}）", (*j)->state),
                            fmt::format("The import has not finished ({})", (*j)->state)),
                   c.lang);
             rep = (*j)->result->report;
           }
           static std::atomic<long> seq{0};
           std::string path = (std::filesystem::temp_directory_path() /
                               fmt::format("lz_report_{}_{}.xlsx", ::getpid(), ++seq))
                                  .string();
           auto st = exchange::write_report_xlsx(rep, path, c.lang);
           if (!st) return problem(st.error(), c.lang);
           std::ifstream f(path, std::ios::binary);
           std::stringstream ss;
           ss << f.rdbuf();
           std::filesystem::remove(path);
           HttpResponse resp;
           resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
           resp.body = ss.str();
           resp.header("Content-Disposition",
                       fmt::format("attachment; filename=\"import-{}-report.xlsx\"", (*j)->id));
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
        {"state", {{"type", "string"}, {"enum", {"queued", "running", "done", "failed"}}}},
        {"rows_read", integer},
        {"progress", {{"type", "number"}}},
        {"created_at", str},
        {"finished_at", nstr},
        {"summary",
         {{"oneOf", {{{"$ref", "#/components/schemas/ImportSummary"}}, {{"type", "null"}}}}}},
        {"error", {{"type", {"object", "null"}}}}}}};
}

}  // namespace lz::http
