// BoundedQueue: a first-in first-out queue between two threads holding at
// most `capacity` items (the producer waits while it is full, so memory stays
// bounded whatever the file's size). close() wakes both sides: push() then
// refuses (the consumer gave up), pop() drains what is left and then says
// the end. Used by the household import's pipeline (household_import.cc:
// one thread reads and checks rows, the other writes to the database).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace lz::exchange {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (the item is dropped).
  bool push(T item) {
    std::unique_lock l(mu_);
    not_full_.wait(l, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // The next item; nullopt once the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock l(mu_);
    not_empty_.wait(l, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // Without waiting: the next item if there is one.
  std::optional<T> try_pop() {
    std::lock_guard l(mu_);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // Without waiting: false (and `item` left as it was) when full or closed.
  bool try_push(T& item) {
    std::lock_guard l(mu_);
    if (closed_ || items_.size() >= capacity_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard l(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

}  // namespace lz::exchange
