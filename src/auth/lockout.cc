#include "auth/lockout.h"

#include <algorithm>

namespace lz {

std::chrono::minutes lock_duration(int consecutive_failures, const LockoutConfig& config) {
  if (config.threshold <= 0 || consecutive_failures < config.threshold)
    return std::chrono::minutes(0);
  std::chrono::minutes lock = config.first_lock;
  // Double once per failure past the threshold; stop at the cap (no overflow).
  for (int n = config.threshold; n < consecutive_failures && lock < config.max_lock; ++n) lock *= 2;
  return std::min(lock, config.max_lock);
}

int minutes_to_wait(std::chrono::seconds remaining) {
  if (remaining.count() <= 0) return 1;
  return static_cast<int>(std::max<long long>(1, (remaining.count() + 59) / 60));
}

}  // namespace lz
