// CsvReader: a streaming RFC 4180 reader for what Excel and WPS save:
// UTF-8 with or without a BOM, or GB18030/GBK (detected from the first
// bytes, converted with glibc's iconv as the file is read); quoted fields
// with "" escapes and line breaks inside, CRLF, LF or CR line ends; comma
// or tab separated (the first line decides). Used through open_table().
#pragma once
#include <cstdio>
#include <iconv.h>

#include "exchange/table.h"

namespace lz::exchange {

class CsvReader final : public TableReader {
 public:
  static Result<std::unique_ptr<CsvReader>> open(const std::string& path);
  ~CsvReader() override;
  Result<bool> next(Row& row) override;
  double fraction_done() const override;
  std::string format() const override;

 private:
  CsvReader() = default;
  // Refills `buf_` with decoded UTF-8; false at the end of the file.
  Result<bool> fill();
  int get();  // next byte of UTF-8 or -1 at the end

  std::FILE* f_ = nullptr;
  long size_ = 0, consumed_ = 0;
  bool gb_ = false, eof_ = false;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string raw_;   // undecoded bytes (GB18030 tail carried over)
  std::string buf_;   // decoded UTF-8
  size_t pos_ = 0;
  char sep_ = ',';
  long row_no_ = 0;
  std::string error_;  // a decoding error found by get()
};

}  // namespace lz::exchange
