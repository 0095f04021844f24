// open_store: picks the backend for a location. Today every location is a
// SQLite file path; a "postgresql://" URL will select the PostgreSQL backend.
#include <fmt/format.h>

#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace lz {

Result<std::unique_ptr<Store>> open_store(const std::string& location) {
  if (location.starts_with("postgres"))
    return invalid("store.backend", "db", "本版本尚不支持PostgreSQL，请使用SQLite数据库文件",
                   "This build does not support PostgreSQL yet; use a SQLite database file");
  auto s = sqlite::SqliteStore::open(location);
  if (!s) return s.error();
  return std::unique_ptr<Store>(std::move(s).value());
}

}  // namespace lz
