// A process-wide cache of the bulletin's answers (daily, series, per child
// region), so that the dashboard's repeated loads do not recompute them.
// Each answer is kept with the data generation it was computed at
// (sqlite::Db::generation(): it grows after every commit, in this process or
// another) and served only while the generation is unchanged: a write that
// changes a figure shows in the next answer. Thread-safe.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

namespace lz::app {

class BulletinCache {
 public:
  static BulletinCache& instance();

  // The answer stored under key at exactly this generation, if any.
  std::shared_ptr<const nlohmann::json> get(const std::string& key, uint64_t generation);
  void put(const std::string& key, uint64_t generation, nlohmann::json value);

  // Off: every answer is computed (benchmarks of the computation itself).
  void set_enabled(bool on);
  bool enabled() const;
  void clear();

 private:
  static constexpr size_t kMaxEntries = 1024;
  struct Entry {
    uint64_t generation = 0;
    std::shared_ptr<const nlohmann::json> value;
  };
  mutable std::mutex mu_;
  bool enabled_ = true;
  uint64_t generation_ = 0;  // all entries are of this generation
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lz::app
