// UploadStore: the API's import uploads kept in the database (migration
// 012_import_uploads.sql), so an upload's state, summary and report outlive
// the server process, and an upload a restart interrupted is marked failed
// (its transaction was never committed: the data is as before). The SQLite
// side of the exchange, like sqlite_import_sink.*: portable SQL only.
// Chunked uploads (migration 015) are records in state 'uploading' with the
// bytes received so far until they are started (then 'queued' as a
// single-shot upload). Called by src/http/handlers/import*.cc.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite/db.h"

namespace lz::exchange {

struct Upload {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string login, kind, mode, format, file_name, file_path;
  bool dry_run = false;
  int64_t size_bytes = 0;
  std::string state;           // uploading | queued | running | done | failed
  int64_t received_bytes = 0;  // of a chunked upload, while uploading
  int64_t rows_read = 0;
  std::string report;  // JSON (report_to_storage), "" until done
  std::string error;   // JSON {code, field, row, zh, en}, "" unless failed
  std::string created_at, started_at, finished_at;
  std::string updated_at;  // the last chunk's time ("" for a single-shot upload)
};

class UploadStore {
 public:
  explicit UploadStore(sqlite::Db& db) : db_(db) {}
  // Inserts it (state u.state, default queued); sets u.id.
  Status create(Upload& u);
  // A chunk is on disk: received_bytes becomes at least `received`.
  Status set_received(int64_t id, int64_t received, const std::string& at);
  // A complete chunked upload to the import queue: state uploading -> queued
  // with its file; false if it was not uploading (started already, expired).
  Result<bool> queue(int64_t id, const std::string& path, const std::string& format,
                     const std::string& at);
  // The account's uploads still receiving chunks.
  Result<int64_t> count_uploading(int64_t account_id);
  // Uploads receiving chunks whose last chunk (or creation) is before
  // `before`: marked failed with `error`; returns them (files to remove).
  Result<std::vector<Upload>> expire_uploading(const std::string& before, const std::string& error,
                                               const std::string& at);
  Status set_file(int64_t id, const std::string& path, int64_t size);
  Status start(int64_t id, const std::string& at);
  Status finish(int64_t id, const std::string& state, int64_t rows_read, const std::string& report,
                const std::string& error, const std::string& at);
  Result<std::optional<Upload>> get(int64_t id);
  // Newest first; account_id nullopt: everybody's.
  Result<std::vector<Upload>> list(std::optional<int64_t> account_id, int64_t limit,
                                   int64_t offset);
  Result<int64_t> count(std::optional<int64_t> account_id);
  // Uploads left queued or running by a process that ended: marked failed
  // with `error`; returns them (their files are to be removed).
  Result<std::vector<Upload>> fail_unfinished(const std::string& error, const std::string& at);

 private:
  sqlite::Db& db_;
};

}  // namespace lz::exchange
