#include "exchange/sqlite_uploads.h"

namespace lz::exchange {

namespace {

constexpr const char* kCols =
    "id, account_id, login, kind, mode, dry_run, format, file_name, file_path, size_bytes, state, "
    "rows_read, COALESCE(report, ''), COALESCE(error, ''), created_at, COALESCE(started_at, ''), "
    "COALESCE(finished_at, ''), received_bytes, COALESCE(updated_at, '')";

Upload read(sqlite::Stmt& s) {
  Upload u;
  u.id = s.i64(0);
  u.account_id = s.i64(1);
  u.login = s.str(2);
  u.kind = s.str(3);
  u.mode = s.str(4);
  u.dry_run = s.i64(5) != 0;
  u.format = s.str(6);
  u.file_name = s.str(7);
  u.file_path = s.str(8);
  u.size_bytes = s.i64(9);
  u.state = s.str(10);
  u.rows_read = s.i64(11);
  u.report = s.str(12);
  u.error = s.str(13);
  u.created_at = s.str(14);
  u.started_at = s.str(15);
  u.finished_at = s.str(16);
  u.received_bytes = s.i64(17);
  u.updated_at = s.str(18);
  return u;
}

}  // namespace

Status UploadStore::create(Upload& u) {
  auto s = db_.prepare(
      "INSERT INTO import_upload (account_id, login, kind, mode, dry_run, format, file_name, "
      "file_path, size_bytes, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
      "RETURNING id");
  if (u.state.empty()) u.state = "queued";
  s.bind(1, u.account_id)
      .bind(2, u.login)
      .bind(3, u.kind)
      .bind(4, u.mode)
      .bind(5, static_cast<int64_t>(u.dry_run))
      .bind(6, u.format)
      .bind(7, u.file_name)
      .bind(8, u.file_path)
      .bind(9, u.size_bytes)
      .bind(10, u.state)
      .bind(11, u.created_at);
  if (u.state == "uploading")
    s.bind(12, u.created_at);
  else
    s.bind_null(12);
  if (!s.step())
    return internal("import.record", "无法登记上传记录", "Could not record the upload");
  u.id = s.i64(0);
  return {};
}

Status UploadStore::set_received(int64_t id, int64_t received, const std::string& at) {
  auto s = db_.prepare(
      "UPDATE import_upload SET received_bytes = MAX(received_bytes, ?), updated_at = ? "
      "WHERE id = ? AND state = 'uploading'");
  s.bind(1, received).bind(2, at).bind(3, id);
  return s.exec();
}

Result<bool> UploadStore::queue(int64_t id, const std::string& path, const std::string& format,
                                const std::string& at) {
  auto s = db_.prepare(
      "UPDATE import_upload SET state = 'queued', file_path = ?, format = ?, updated_at = ? "
      "WHERE id = ? AND state = 'uploading' RETURNING id");
  s.bind(1, path).bind(2, format).bind(3, at).bind(4, id);
  return s.step();
}

Result<int64_t> UploadStore::count_uploading(int64_t account_id) {
  auto s = db_.prepare(
      "SELECT COUNT(*) FROM import_upload WHERE state = 'uploading' AND account_id = ?");
  s.bind(1, account_id);
  s.step();
  return s.i64(0);
}

Result<std::vector<Upload>> UploadStore::expire_uploading(const std::string& before,
                                                          const std::string& error,
                                                          const std::string& at) {
  std::vector<Upload> out;
  {
    auto s = db_.prepare(std::string("SELECT ") + kCols +
                         " FROM import_upload WHERE state = 'uploading' AND "
                         "COALESCE(updated_at, created_at) < ? ORDER BY id");
    s.bind(1, before);
    while (s.step()) out.push_back(read(s));
  }
  for (const auto& u : out) LZ_TRY(finish(u.id, "failed", 0, "", error, at));
  return out;
}

Status UploadStore::set_file(int64_t id, const std::string& path, int64_t size) {
  auto s = db_.prepare("UPDATE import_upload SET file_path = ?, size_bytes = ? WHERE id = ?");
  s.bind(1, path).bind(2, size).bind(3, id);
  return s.exec();
}

Status UploadStore::start(int64_t id, const std::string& at) {
  auto s = db_.prepare(
      "UPDATE import_upload SET state = 'running', started_at = ? WHERE id = ? AND state = "
      "'queued'");
  s.bind(1, at).bind(2, id);
  return s.exec();
}

Status UploadStore::finish(int64_t id, const std::string& state, int64_t rows_read,
                           const std::string& report, const std::string& error,
                           const std::string& at) {
  auto s = db_.prepare(
      "UPDATE import_upload SET state = ?, rows_read = ?, report = ?, error = ?, finished_at = ? "
      "WHERE id = ?");
  s.bind(1, state).bind(2, rows_read);
  if (report.empty())
    s.bind_null(3);
  else
    s.bind(3, report);
  if (error.empty())
    s.bind_null(4);
  else
    s.bind(4, error);
  s.bind(5, at).bind(6, id);
  return s.exec();
}

Result<std::optional<Upload>> UploadStore::get(int64_t id) {
  auto s = db_.prepare(std::string("SELECT ") + kCols + " FROM import_upload WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::optional<Upload>();
  return std::optional<Upload>(read(s));
}

Result<std::vector<Upload>> UploadStore::list(std::optional<int64_t> account_id, int64_t limit,
                                              int64_t offset) {
  std::string sql = std::string("SELECT ") + kCols + " FROM import_upload";
  if (account_id) sql += " WHERE account_id = ?";
  sql += " ORDER BY id DESC LIMIT ? OFFSET ?";
  auto s = db_.prepare(sql);
  int i = 1;
  if (account_id) s.bind(i++, *account_id);
  s.bind(i, limit).bind(i + 1, offset);
  std::vector<Upload> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

Result<int64_t> UploadStore::count(std::optional<int64_t> account_id) {
  auto s = db_.prepare(account_id ? "SELECT COUNT(*) FROM import_upload WHERE account_id = ?"
                                  : "SELECT COUNT(*) FROM import_upload");
  if (account_id) s.bind(1, *account_id);
  s.step();
  return s.i64(0);
}

Result<std::vector<Upload>> UploadStore::fail_unfinished(const std::string& error,
                                                         const std::string& at) {
  std::vector<Upload> out;
  {
    auto s = db_.prepare(std::string("SELECT ") + kCols +
                         " FROM import_upload WHERE state IN ('queued', 'running') ORDER BY id");
    while (s.step()) out.push_back(read(s));
  }
  for (const auto& u : out) LZ_TRY(finish(u.id, "failed", u.rows_read, "", error, at));
  return out;
}

}  // namespace lz::exchange
