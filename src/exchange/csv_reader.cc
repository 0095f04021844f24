#include "exchange/csv_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace lz::exchange {

namespace {
constexpr size_t kChunk = 1 << 16;

// True if `s` is valid UTF-8, allowing a sequence cut off at the very end.
bool valid_utf8_prefix(std::string_view s, bool allow_cut) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || (n == 1 && c < 0xC2)) return false;
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return allow_cut;
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}
}  // namespace

bool valid_utf8(std::string_view s) {
  return valid_utf8_prefix(s, false);
}

namespace {
// Why fopen failed, in Chinese (strerror speaks English): the usual causes
// in words, anything else as the system says it.
std::string reason_zh(int err) {
  switch (err) {
    case ENOENT:
      return "文件不存在";
    case EACCES:
      return "没有读取权限";
    case EISDIR:
      return "这是文件夹，不是文件";
    default:
      return std::strerror(err);
  }
}
}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->f_ = std::fopen(path.c_str(), "rb");
  if (!r->f_) {
    int err = errno;
    return invalid("file.open", "file", fmt::format("无法打开文件“{}”：{}", path, reason_zh(err)),
                   fmt::format("Cannot open \"{}\": {}", path, std::strerror(err)));
  }
  std::fseek(r->f_, 0, SEEK_END);
  r->size_ = std::ftell(r->f_);
  std::fseek(r->f_, 0, SEEK_SET);
  r->raw_.resize(kChunk);
  size_t n = std::fread(r->raw_.data(), 1, kChunk, r->f_);
  r->raw_.resize(n);
  r->consumed_ = static_cast<long>(n);
  if (n < kChunk) r->eof_ = true;
  auto starts = [&](const char* bom, size_t len) {
    return r->raw_.size() >= len && std::memcmp(r->raw_.data(), bom, len) == 0;
  };
  if (starts("\xEF\xBB\xBF", 3)) {
    r->raw_.erase(0, 3);
  } else if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
    return invalid(
        "file.encoding", "file",
        "文件是UTF-16编码（Excel的“Unicode文本”），请另存为“CSV UTF-8（逗号分隔）”或.xlsx",
        "The file is UTF-16 (Excel's \"Unicode text\"): save it as \"CSV UTF-8 (comma delimited)\" "
        "or .xlsx");
  } else if (!valid_utf8_prefix(r->raw_, !r->eof_)) {
    r->gb_ = true;
    r->cd_ = iconv_open("UTF-8", "GB18030");
    if (r->cd_ == reinterpret_cast<iconv_t>(-1))
      return internal("iconv.open", "系统不支持GB18030编码转换",
                      "iconv cannot convert from GB18030 on this system");
  }
  auto filled = r->fill();
  if (!filled) return filled.error();
  // Tab-separated if the first line has tabs and no commas.
  size_t nl = r->buf_.find('\n');
  std::string_view first = std::string_view(r->buf_).substr(0, nl);
  if (first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos)
    r->sep_ = '\t';
  return r;
}

CsvReader::~CsvReader() {
  if (f_) std::fclose(f_);
  if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
}

double CsvReader::fraction_done() const {
  return size_ > 0 ? static_cast<double>(consumed_) / size_ : 1.0;
}
std::string CsvReader::format() const {
  return gb_ ? "csv (GB18030)" : "csv (UTF-8)";
}

Result<bool> CsvReader::fill() {
  buf_.clear();
  pos_ = 0;
  if (raw_.empty() && !eof_) {
    raw_.resize(kChunk);
    size_t n = std::fread(raw_.data(), 1, kChunk, f_);
    raw_.resize(n);
    consumed_ += static_cast<long>(n);
    if (n < kChunk) eof_ = true;
  }
  if (raw_.empty()) return false;
  if (!gb_) {
    buf_.swap(raw_);
    raw_.clear();
    return true;
  }
  // Decode; an incomplete sequence at the end waits for the next chunk.
  for (;;) {
    buf_.resize(raw_.size() * 2 + 16);
    char* in = raw_.data();
    size_t in_left = raw_.size();
    char* out = buf_.data();
    size_t out_left = buf_.size();
    size_t rc = iconv(cd_, &in, &in_left, &out, &out_left);
    buf_.resize(buf_.size() - out_left);
    int err = errno;
    std::string rest(in, in_left);
    raw_.swap(rest);
    if (rc != static_cast<size_t>(-1)) break;
    if (err == EINVAL) {
      if (eof_)
        return invalid("file.encoding", "file", "文件末尾的字符不完整（GB18030编码）",
                       "The file ends in the middle of a character (GB18030)");
      // Read more so the cut sequence is completed next time.
      std::string more(kChunk, '\0');
      size_t n = std::fread(more.data(), 1, kChunk, f_);
      more.resize(n);
      consumed_ += static_cast<long>(n);
      if (n < kChunk) eof_ = true;
      if (!buf_.empty()) {
        raw_ += more;
        return true;
      }
      raw_ += more;
      continue;
    }
    if (err == EILSEQ)
      return invalid("file.encoding", "file",
                     fmt::format("第{}行附近有无法识别的字符：文件既不是UTF-8也不是GB18030/GBK编码",
                                 row_no_ + 1),
                     fmt::format("Near row {}: a character that is neither UTF-8 nor GB18030/GBK",
                                 row_no_ + 1));
    if (err == E2BIG) continue;  // cannot happen with 2x room, but be safe
    return internal("iconv", "编码转换失败", "Encoding conversion failed");
  }
  return true;
}

int CsvReader::get() {
  while (pos_ >= buf_.size()) {
    if (!error_.empty()) return -1;
    auto r = fill();
    if (!r) {
      error_ = r.error().message_zh + "\x1f" + r.error().message_en;
      return -1;
    }
    if (!*r) return -1;
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

Result<bool> CsvReader::next(Row& row) {
  row.cells.clear();
  auto decoding_error = [&]() -> Error {
    auto cut = error_.find('\x1f');
    Error e = invalid("file.encoding", "file", error_.substr(0, cut), error_.substr(cut + 1));
    e.row = row_no_;
    return e;
  };
  int c = get();
  if (c < 0) {
    if (!error_.empty()) return decoding_error();
    return false;
  }
  row.number = ++row_no_;
  std::string field;
  bool quoted_field = false;
  for (;;) {
    if (c == '"' && field.empty() && !quoted_field) {
      quoted_field = true;
      for (;;) {
        c = get();
        if (c < 0) {
          if (!error_.empty()) return decoding_error();
          Error e = invalid("csv.quote", "file", fmt::format("第{}行的引号没有闭合", row.number),
                            fmt::format("Row {}: a quote is not closed", row.number));
          e.row = row.number;
          return e;
        }
        if (c == '"') {
          int d = get();
          if (d == '"') {
            field.push_back('"');
            continue;
          }
          c = d;
          break;
        }
        field.push_back(static_cast<char>(c));
      }
      continue;  // `c` holds the character after the closing quote
    }
    if (c == sep_) {
      row.cells.push_back(std::move(field));
      field.clear();
      quoted_field = false;
    } else if (c == '\r' || c == '\n' || c < 0) {
      if (c == '\r') {
        int d = get();
        if (d != '\n' && d >= 0) --pos_;  // a lone CR ends the line; keep the next byte
      }
      row.cells.push_back(std::move(field));
      if (c < 0 && !error_.empty()) return decoding_error();
      break;
    } else {
      field.push_back(static_cast<char>(c));
      // The rest of the field in this buffer at once: after its first
      // character a quote is an ordinary character, so only the separator
      // and line ends stop it.
      size_t end = pos_;
      while (end < buf_.size() && buf_[end] != sep_ && buf_[end] != '\n' && buf_[end] != '\r')
        ++end;
      field.append(buf_, pos_, end - pos_);
      pos_ = end;
    }
    c = get();
  }
  if (!gb_) {
    for (size_t i = 0; i < row.cells.size(); ++i)
      if (!valid_utf8(row.cells[i])) {
        Error e = invalid(
            "file.encoding", column_letter(i),
            fmt::format("第{}行{}列含有无效的UTF-8字符（文件编码不一致？请另存为CSV UTF-8）",
                        row.number, column_letter(i)),
            fmt::format("Row {}, column {}: invalid UTF-8 (mixed encodings? save as CSV UTF-8)",
                        row.number, column_letter(i)));
        e.row = row.number;
        return e;
      }
  }
  return true;
}

}  // namespace lz::exchange
