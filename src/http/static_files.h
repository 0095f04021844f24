// StaticFiles: the built web UI (web/dist) served from memory, with each
// file's MIME type and a gzip copy made once. Unknown non-API paths get
// index.html so client-side routes work on reload.
#pragma once
#include <map>
#include <optional>
#include <string>

namespace lz::http {

struct StaticFile {
  std::string content_type, body, gzipped;
  bool immutable = false;  // hashed asset names can be cached for a year
};

class StaticFiles {
 public:
  // Loads every file under root (nothing if the folder does not exist).
  explicit StaticFiles(const std::string& root);
  const StaticFile* find(const std::string& path) const;  // with the index.html fallback
  bool empty() const { return files_.empty(); }

 private:
  std::map<std::string, StaticFile> files_;
};

std::string mime_type(const std::string& path);
std::string gzip(const std::string& data);

}  // namespace lz::http
