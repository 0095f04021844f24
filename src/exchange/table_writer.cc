#include "exchange/table_writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "exchange/xlsx_book.h"

namespace lz::exchange {

std::string csv_field(const std::string& s) {
  bool quote = s.find_first_of(",\"\r\n\t") != std::string::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(std::FILE* f, std::string path) : f_(f), path_(std::move(path)) {
    std::fputs("\xEF\xBB\xBF", f_);
  }
  ~CsvWriter() override {
    if (f_) std::fclose(f_);
  }
  Status write_row(const std::vector<std::string>& cells, bool, const std::vector<int>&) override {
    line_.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line_ += ',';
      line_ += csv_field(cells[i]);
    }
    line_ += "\r\n";
    if (std::fwrite(line_.data(), 1, line_.size(), f_) != line_.size()) return io_error();
    return {};
  }
  Status close() override {
    int rc = std::fclose(f_);
    f_ = nullptr;
    if (rc != 0) return io_error();
    return {};
  }

 private:
  Error io_error() {
    return internal("file.write", fmt::format("写入“{}”失败：{}", path_, std::strerror(errno)),
                    fmt::format("Writing \"{}\" failed: {}", path_, std::strerror(errno)));
  }
  std::FILE* f_;
  std::string path_, line_;
};

class XlsxTableWriter final : public TableWriter {
 public:
  XlsxTableWriter(std::unique_ptr<XlsxBook> b, const std::string& sheet) : book_(std::move(b)) {
    ws_ = book_->add_sheet(sheet);
  }
  Status write_row(const std::vector<std::string>& cells, bool header, const std::vector<int>& bad) override {
    if (row_ >= 1048576)
      return invalid("xlsx.rows", "file", "xlsx工作表最多1,048,576行：请按区域分批导出或导出为CSV",
                     "An xlsx sheet holds at most 1,048,576 rows: export by region or as CSV");
    if (header && row_ == 0) {
      for (size_t c = 0; c < cells.size(); ++c)
        worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::max<double>(10, cells[c].size() * 0.9), book_->style(XlsxBook::kText));
      worksheet_freeze_panes(ws_, 1, 0);
    }
    book_->write_row(ws_, row_++, cells, header ? XlsxBook::kHeader : XlsxBook::kText, bad);
    return {};
  }
  Status close() override { return book_->close(); }

 private:
  std::unique_ptr<XlsxBook> book_;
  lxw_worksheet* ws_ = nullptr;
  long row_ = 0;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> create_table_writer(const std::string& path, const std::string& sheet) {
  auto ends = [&](const char* e) {
    std::string p = path;
    for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return p.size() >= std::strlen(e) && p.compare(p.size() - std::strlen(e), std::string::npos, e) == 0;
  };
  if (ends(".xlsx")) {
    auto b = XlsxBook::create(path);
    if (!b) return b.error();
    return std::unique_ptr<TableWriter>(new XlsxTableWriter(std::move(b).value(), sheet));
  }
  if (ends(".csv")) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
      return invalid("file.create", "file", fmt::format("无法创建文件“{}”：{}", path, std::strerror(errno)),
                     fmt::format("Cannot create \"{}\": {}", path, std::strerror(errno)));
    return std::unique_ptr<TableWriter>(new CsvWriter(f, path));
  }
  return invalid("file.format", "file", fmt::format("输出文件“{}”应以.xlsx或.csv结尾", path),
                 fmt::format("The output file \"{}\" must end in .xlsx or .csv", path));
}

}  // namespace lz::exchange
