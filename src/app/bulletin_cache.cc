#include "app/bulletin_cache.h"

namespace lz::app {

BulletinCache& BulletinCache::instance() {
  static BulletinCache c;
  return c;
}

std::shared_ptr<const nlohmann::json> BulletinCache::get(const std::string& key,
                                                         uint64_t generation) {
  std::lock_guard lock(mu_);
  if (!enabled_) return nullptr;
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return nullptr;
  return it->second.value;
}

void BulletinCache::put(const std::string& key, uint64_t generation, nlohmann::json value) {
  auto v = std::make_shared<const nlohmann::json>(std::move(value));
  std::lock_guard lock(mu_);
  if (!enabled_ || generation < generation_) return;  // computed before a newer write
  if (generation > generation_) {                     // older answers can never be served again
    entries_.clear();
    generation_ = generation;
  }
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = {generation, std::move(v)};
}

void BulletinCache::set_enabled(bool on) {
  std::lock_guard lock(mu_);
  enabled_ = on;
  if (!on) entries_.clear();
}

bool BulletinCache::enabled() const {
  std::lock_guard lock(mu_);
  return enabled_;
}

void BulletinCache::clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
}

}  // namespace lz::app
