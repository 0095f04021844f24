// What the import routes share (handlers/imports.cc: single-shot uploads,
// the job queue and progress; handlers/import_uploads.cc: chunked uploads):
// the checks of kind and mode, who may import and see what, the queue an
// upload joins once its file is complete, and an upload as the API shows it.
#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"
#include "exchange/sqlite_uploads.h"
#include "http/context.h"

namespace lz::http::imports {

Status check_kind(const std::string& kind);
Status check_mode(const std::string& mode);
// The role may upload this kind (the rows are then checked against its scope).
Status may_import(const Ctx& c, const std::string& kind);
// A county administrator sees everybody's uploads.
bool sees_all(const Ctx& c);
// The upload named by the route's {id}, if the caller may see it: with
// kUploaderOnly a chunked upload of the caller's own (continued by its
// uploader only: anyone else 404 "upload"); with kAlsoWhoSeesAll any upload
// of the caller's or, for who sees_all, anyone's (else 404 "import").
enum class Who { kUploaderOnly, kAlsoWhoSeesAll };
Result<exchange::Upload> find_upload(Ctx& c, Who who);
// An error as kept in the upload's record ({code, field, row, zh, en}).
std::string error_json(const Error& e);
// <db>-uploads/: where uploaded files wait, arrive in chunks and run.
std::filesystem::path upload_dir(const std::string& db_path);
// Once per process, before any other use: uploads a previous process left
// queued or running failed (import.interrupted), chunked uploads idle for
// longer than the limit expired; their files removed.
Status recover(sqlite::Db& db);
// Chunked uploads idle for longer than upload_limits().idle_expiry failed
// (upload.expired) and their partial files removed (import_uploads.cc).
Status expire_uploads(sqlite::Db& db);
// A complete upload (its record queued, its file at u.file_path) to the
// import thread, run with the uploader's scope.
void enqueue(const exchange::Upload& u, const std::string& db_path, const Scope& scope,
             const Actor& actor);
// An upload as GET /imports/{id} gives it (with live progress while it runs).
nlohmann::json upload_json(const exchange::Upload& u, Lang lang);

}  // namespace lz::http::imports
