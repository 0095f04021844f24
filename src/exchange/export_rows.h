// ExportRows: the row builder shared by the list exports (epidemic and
// livelihood kinds). An export fills a row cell by cell under the import
// format's column keys (put("id_number", ...)), masks ID and phone numbers
// unless ExportOptions::full_ids, and flush()es it to the TableWriter (xlsx or
// CSV), reporting progress every 8,192 rows. The header row is the kind's
// Chinese column names, so every export imports back unchanged.
//
// Used by epidemic_export.cc and livelihood_export.cc only.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/columns.h"
#include "exchange/sqlite_export.h"
#include "exchange/table_writer.h"
#include "registry/validate.h"

namespace lz::exchange {

class ExportRows {
 public:
  ExportRows(const KindSpec& spec, const ExportOptions& o, TableWriter& out)
      : spec_(spec), o_(o), out_(out) {
    row_.resize(spec.columns.size());
  }
  Status header() {
    std::vector<std::string> h;
    for (const auto& c : spec_.columns) h.push_back(c.zh);
    return out_.write_row(h, true);
  }
  // A cell of the current row; keys the kind has no column for are ignored.
  void put(const char* key, std::string v) {
    int i = spec_.index(key);
    if (i >= 0) row_[i] = std::move(v);
  }
  // An ID number as the reader may see it: 430281********1234 unless full_ids.
  std::string id(const std::string& s) const {
    return o_.full_ids || s.size() != 18 ? s : s.substr(0, 6) + "********" + s.substr(14);
  }
  std::string phone(const std::string& s) const {
    return o_.full_ids || s.empty() ? s : mask_phone(s);
  }
  // Writes the current row and starts an empty one.
  Status flush() {
    LZ_TRY(out_.write_row(row_));
    for (auto& c : row_) c.clear();
    ++n_;
    if (o_.progress && n_ % 8192 == 0) o_.progress(n_);
    return {};
  }
  long count() const { return n_; }

 private:
  const KindSpec& spec_;
  const ExportOptions& o_;
  TableWriter& out_;
  std::vector<std::string> row_;
  long n_ = 0;
};

}  // namespace lz::exchange
