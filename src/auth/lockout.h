// Lockout after repeated wrong passwords: pure functions of the number of
// consecutive failures, so the schedule can be tested alone. With the
// defaults: no lock below 5 failures; 5 -> 1 minute, 6 -> 2, 7 -> 4, 8 -> 8,
// 9 -> 16, 10 -> 32, 11 and more -> 60 (the cap).
#pragma once
#include <chrono>

namespace lz {

struct LockoutConfig {
  int threshold = 5;                   // failures that bring the first lock
  std::chrono::minutes first_lock{1};  // the lock at `threshold` failures
  std::chrono::minutes max_lock{60};   // no lock is longer
};

// How long an account is locked after `consecutive_failures` wrong
// passwords in a row: zero below the threshold, then first_lock doubling
// with each further failure, capped at max_lock.
std::chrono::minutes lock_duration(int consecutive_failures, const LockoutConfig& config = {});

// Whole minutes to tell a user who must wait `remaining` (rounded up, at least 1).
int minutes_to_wait(std::chrono::seconds remaining);

}  // namespace lz
