// PrefetchReader: a TableReader that reads another one on a thread of its
// own, a bounded number of row batches ahead (4 x 256 rows). For readers
// whose parsing is the costly part (an xlsx: inflate and XML), so that the
// household import's reading thread only normalises and validates
// (household_import.cc). Rows, their order and a damaged file's error come
// as the inner reader gives them; destroying it stops and joins the thread.
#pragma once
#include <atomic>
#include <thread>
#include <variant>
#include <vector>

#include "exchange/bounded_queue.h"
#include "exchange/table.h"

namespace lz::exchange {

class PrefetchReader final : public TableReader {
 public:
  explicit PrefetchReader(TableReader& in);
  ~PrefetchReader() override;
  Result<bool> next(Row& row) override;
  double fraction_done() const override { return fraction_.load(std::memory_order_relaxed); }
  std::string format() const override { return format_; }
  std::string sheet() const override { return in_.sheet(); }
  std::vector<std::string> unread_sheets() const override { return in_.unread_sheets(); }
  Result<std::unique_ptr<TableReader>> open_sheet(const std::string& name) const override {
    return in_.open_sheet(name);
  }

 private:
  using Item = std::variant<std::vector<Row>, Error>;
  static constexpr size_t kBatch = 256;
  void run();

  TableReader& in_;
  std::string format_;
  BoundedQueue<Item> q_{4};
  std::atomic<double> fraction_{0};
  std::vector<Row> batch_;
  size_t at_ = 0;
  std::thread thread_;
};

}  // namespace lz::exchange
