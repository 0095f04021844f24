#include "exchange/table.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "exchange/csv_reader.h"
#include "exchange/xlsx_reader.h"

namespace lz::exchange {

bool Row::blank() const {
  return std::all_of(cells.begin(), cells.end(),
                     [](const std::string& c) { return text::trim(c).empty(); });
}

std::string column_letter(size_t index) {
  std::string s;
  size_t n = index + 1;
  while (n > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return s;
}

std::shared_future<Result<std::string>> file_sha256_async(const std::string& path) {
  return std::async(std::launch::async, [path] { return file_sha256(path); }).share();
}

static std::string extension(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return "";
  std::string e = path.substr(dot + 1);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

Result<std::string> file_sha256(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return invalid("file.open", "file", fmt::format("无法打开文件“{}”", path),
                   fmt::format("Cannot open the file \"{}\"", path));
  // libsodium (already linked for passwords): OpenSSL 3 kept per-thread state
  // that LeakSanitizer reported after an import on a server worker thread.
  crypto_hash_sha256_state st;
  bool ok = sodium_init() >= 0 && crypto_hash_sha256_init(&st) == 0;
  std::vector<unsigned char> buf(1 << 16);
  for (ssize_t n; ok && (n = ::read(fd, buf.data(), buf.size())) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0 &&
         crypto_hash_sha256_update(&st, buf.data(), static_cast<unsigned long long>(n)) == 0;
  }
  unsigned char md[crypto_hash_sha256_BYTES];
  const unsigned len = crypto_hash_sha256_BYTES;
  ok = ok && crypto_hash_sha256_final(&st, md) == 0;
  ::close(fd);
  if (!ok)
    return invalid("file.read", "file", fmt::format("无法读取文件“{}”", path),
                   fmt::format("Cannot read the file \"{}\"", path));
  std::string hex;
  for (unsigned i = 0; i < len; ++i) fmt::format_to(std::back_inserter(hex), "{:02x}", md[i]);
  return hex;
}

Result<std::unique_ptr<TableReader>> TableReader::open_sheet(const std::string& name) const {
  return invalid("file.sheet", "sheet", fmt::format("此文件没有工作表“{}”", name),
                 fmt::format("This file has no sheet \"{}\"", name));
}

Result<std::unique_ptr<TableReader>> open_table(const std::string& path, const std::string& sheet) {
  std::string ext = extension(path);
  if (ext == "xlsx") {
    auto r = XlsxReader::open(path, sheet);
    if (!r) return r.error();
    return std::unique_ptr<TableReader>(std::move(r).value());
  }
  if (ext == "csv" || ext == "txt" || ext == "tsv") {
    if (!sheet.empty())
      return invalid(
          "file.sheet", "sheet", fmt::format("CSV文件只有一张表，不能选择工作表“{}”", sheet),
          fmt::format("A CSV file has one table: there is no sheet \"{}\" to choose", sheet));
    auto r = CsvReader::open(path);
    if (!r) return r.error();
    return std::unique_ptr<TableReader>(std::move(r).value());
  }
  if (ext == "xls" || ext == "et")
    return invalid("file.format", "file",
                   "不支持旧的.xls/.et格式：请在Excel或WPS中另存为.xlsx或CSV",
                   "The old .xls/.et format is not supported: save the file as .xlsx or CSV");
  return invalid("file.format", "file",
                 fmt::format("无法识别文件“{}”的格式：应为.xlsx或.csv", path),
                 fmt::format("Unknown file type \"{}\": expected .xlsx or .csv", path));
}

}  // namespace lz::exchange
