#include "exchange/xlsx_book.h"

#include <fmt/format.h>

#include <algorithm>

namespace lz::exchange {

Result<std::unique_ptr<XlsxBook>> XlsxBook::create(const std::string& path) {
  std::unique_ptr<XlsxBook> b(new XlsxBook());
  b->path_ = path;
  lxw_workbook_options opts = {};
  opts.constant_memory = LXW_TRUE;
  opts.use_zip64 = LXW_TRUE;
  b->wb_ = workbook_new_opt(path.c_str(), &opts);
  if (!b->wb_)
    return internal("xlsx.create", fmt::format("无法创建文件“{}”", path),
                    fmt::format("Cannot create \"{}\"", path));
  auto f = [&](Style s) { return b->formats_[s] = workbook_add_format(b->wb_); };
  format_set_num_format(f(kText), "@");
  lxw_format* h = f(kHeader);
  format_set_bold(h);
  format_set_bg_color(h, 0xDDEBF7);
  format_set_border(h, LXW_BORDER_THIN);
  format_set_num_format(h, "@");
  lxw_format* rh = f(kRequiredHeader);
  format_set_bold(rh);
  format_set_bg_color(rh, 0xFCE4D6);
  format_set_border(rh, LXW_BORDER_THIN);
  format_set_num_format(rh, "@");
  lxw_format* bad = f(kBad);
  format_set_bg_color(bad, 0xFFC7CE);
  format_set_font_color(bad, 0x9C0006);
  format_set_num_format(bad, "@");
  lxw_format* t = f(kTitle);
  format_set_bold(t);
  format_set_font_size(t, 16);
  format_set_align(t, LXW_ALIGN_CENTER);
  format_set_align(t, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* sec = f(kSection);
  format_set_bold(sec);
  format_set_font_size(sec, 12);
  format_set_bg_color(sec, 0xDDEBF7);
  format_set_border(sec, LXW_BORDER_THIN);
  lxw_format* lab = f(kLabel);
  format_set_border(lab, LXW_BORDER_THIN);
  lxw_format* num = f(kNumber);
  format_set_border(num, LXW_BORDER_THIN);
  format_set_num_format(num, "#,##0");
  format_set_align(num, LXW_ALIGN_RIGHT);
  lxw_format* note = f(kNote);
  format_set_italic(note);
  format_set_font_color(note, 0x595959);
  return b;
}

XlsxBook::~XlsxBook() {
  if (wb_) workbook_close(wb_);
}

std::string excel_sheet_name(std::string_view name) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 31;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > name.size()) break;
    if (len == 1 && std::string_view("[]:*?/\\").find(name[i]) != std::string_view::npos) {
      ++i;
      continue;
    }
    // Excel counts UTF-16 units: a character beyond the BMP takes two.
    size_t units = len == 4 ? 2 : 1;
    if (chars + units > 31) break;
    out.append(name.substr(i, len));
    chars += units;
    i += len;
  }
  while (!out.empty() && (out.front() == '\'' || out.front() == ' ')) out.erase(0, 1);
  while (!out.empty() && (out.back() == '\'' || out.back() == ' ')) out.pop_back();
  return out.empty() ? "Sheet1" : out;
}

lxw_worksheet* XlsxBook::add_sheet(const std::string& name) {
  return workbook_add_worksheet(wb_, excel_sheet_name(name).c_str());
}

void XlsxBook::write_row(lxw_worksheet* ws, long row, const std::vector<std::string>& cells,
                         Style style, const std::vector<int>& bad) {
  for (size_t c = 0; c < cells.size(); ++c) {
    bool is_bad = std::find(bad.begin(), bad.end(), static_cast<int>(c)) != bad.end();
    if (cells[c].empty() && !is_bad && style == kText) continue;
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                           cells[c].c_str(), formats_[is_bad ? kBad : style]);
  }
}

Status XlsxBook::close() {
  lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  if (err != LXW_NO_ERROR)
    return internal("xlsx.write", fmt::format("写入“{}”失败：{}", path_, lxw_strerror(err)),
                    fmt::format("Writing \"{}\" failed: {}", path_, lxw_strerror(err)));
  return {};
}

}  // namespace lz::exchange
