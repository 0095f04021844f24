// UploadLimits: the bounds on chunked import uploads (POST /api/v1/imports/
// uploads): the largest file, the slice size, how many unfinished uploads
// one user may hold open, and how long an idle one is kept before it is
// failed and its partial file removed. Set once at start (`liangzhan serve
// --upload-max-mib N --uploads-per-user N`), read by handlers/import_uploads.cc.
#pragma once
#include <chrono>
#include <cstdint>

namespace lz::http {

struct UploadLimits {
  uint64_t max_bytes = uint64_t{1} << 30;       // 1 GiB a file
  uint64_t chunk_bytes = uint64_t{4} << 20;     // 4 MiB a PUT (under the server's body limit)
  int open_per_user = 5;                        // uploads still receiving chunks
  std::chrono::seconds idle_expiry{24 * 3600};  // no chunk for a day: failed, file removed
};

void set_upload_limits(const UploadLimits& limits);
UploadLimits upload_limits();

}  // namespace lz::http
