#include "exchange/prefetch_reader.h"

#include <fmt/format.h>
#include <pthread.h>

namespace lz::exchange {

PrefetchReader::PrefetchReader(TableReader& in) : in_(in), format_(in.format()) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "lz-import-file");  // for top, perf, gdb
    try {
      run();
    } catch (const std::exception& e) {  // a bug: reported as such, not a crash of the process
      q_.push(internal("import.reader", fmt::format("读取文件时出错：{}", e.what()),
                       fmt::format("Reading the file failed: {}", e.what())));
    }
    q_.close();
  });
}

PrefetchReader::~PrefetchReader() {
  q_.close();  // a reader still waiting on a full queue gives up
  thread_.join();
}

void PrefetchReader::run() {
  for (;;) {
    std::vector<Row> b;
    b.reserve(kBatch);
    Row row;
    bool end = false;
    while (b.size() < kBatch) {
      auto r = in_.next(row);
      if (!r) {
        if (!b.empty()) q_.push(std::move(b));
        q_.push(r.error());
        return;
      }
      if (!*r) {
        end = true;
        break;
      }
      b.push_back(std::move(row));
      row = Row();
    }
    fraction_.store(in_.fraction_done(), std::memory_order_relaxed);
    if (!b.empty() && !q_.push(std::move(b))) return;
    if (end) return;
  }
}

Result<bool> PrefetchReader::next(Row& row) {
  while (at_ >= batch_.size()) {
    auto item = q_.pop();
    if (!item) return false;
    if (auto* e = std::get_if<Error>(&*item)) return std::move(*e);
    batch_ = std::move(std::get<std::vector<Row>>(*item));
    at_ = 0;
  }
  row = std::move(batch_[at_++]);
  return true;
}

}  // namespace lz::exchange
