#include "exchange/xlsx_reader.h"

#include <expat.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unzip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>
#include <variant>

#include "core/date.h"
#include "core/text.h"
#include "exchange/xml_scanner.h"

namespace lz::exchange {

namespace {

constexpr size_t kChunk = 1 << 16;  // 64 KiB of inflated XML a piece

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** atts, std::string_view want) {
  for (int i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == want) return atts[i + 1];
  return nullptr;
}

Error damaged(const std::string& what_zh, const std::string& what_en) {
  return invalid("xlsx.damaged", "file", fmt::format("xlsx文件已损坏或格式不对：{}", what_zh),
                 fmt::format("The xlsx file is damaged or not an xlsx: {}", what_en));
}

// Reads a (small) part of the zip whole; nullopt if absent.
std::optional<std::string> read_part(unzFile z, const std::string& name) {
  if (unzLocateFile(z, name.c_str(), 0) != UNZ_OK) return std::nullopt;
  if (unzOpenCurrentFile(z) != UNZ_OK) return std::nullopt;
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, n);
  unzCloseCurrentFile(z);
  if (n < 0) return std::nullopt;
  return out;
}

// Parses a whole (small) XML document with the given handlers.
template <typename Ctx>
bool parse_all(const std::string& xml, Ctx& ctx, XML_StartElementHandler start,
               XML_EndElementHandler end, XML_CharacterDataHandler chars) {
  XML_Parser p = XML_ParserCreate(nullptr);
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(p, start, end);
  if (chars) XML_SetCharacterDataHandler(p, chars);
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) != XML_STATUS_ERROR;
  XML_ParserFree(p);
  return ok;
}

bool is_date_format_code(std::string_view code) {
  bool quoted = false, bracket = false, date = false;
  for (char c : code) {
    if (c == '"')
      quoted = !quoted;
    else if (c == '[')
      bracket = true;
    else if (c == ']')
      bracket = false;
    else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D'))
      date = true;
  }
  return date;
}

bool is_builtin_date(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

std::string general_number(const std::string& v) {
  bool needs = v.size() > 15 || v.find_first_of(".eE") != std::string::npos;
  if (!needs) return v;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str()) return v;
  return fmt::format("{:.15g}", d);
}

size_t column_index(std::string_view ref) {
  size_t col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<size_t>(c - 'A' + 1);
  }
  return col == 0 ? 0 : col - 1;
}

}  // namespace

std::optional<std::string> excel_serial_to_iso(double serial) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
  long s = static_cast<long>(std::floor(serial));
  if (s == 60) return std::nullopt;  // 1900-02-29 does not exist (Excel's leap-year bug)
  if (s < 60) ++s;                   // before the phantom day the serials are one short
  return Date::from_days(static_cast<int32_t>(s - 25569)).iso();
}

namespace {

// One part of the zip, inflated piece by piece into an XmlScanner (or into
// expat, for a document the scanner does not take: it starts again from the
// part's first byte), events going to a handler.
class PartStream {
 public:
  PartStream(unzFile zip, XmlHandler& h) : zip_(zip), h_(h), scanner_(h) {}
  ~PartStream() {
    if (expat_) XML_ParserFree(expat_);
    if (open_) unzCloseCurrentFile(zip_);
  }
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  // Opens the zip's current file (located by the caller).
  bool open() { return open_ = unzOpenCurrentFile(zip_) == UNZ_OK; }
  // Inflates and parses the next piece: true while there is more, false at
  // the end; on an error: the XML line and what is wrong, or an empty
  // `what` if the part cannot be inflated.
  struct Failure {
    long line = 0;
    std::string what;
  };
  std::variant<bool, Failure> step();
  uint64_t done() const { return done_; }

 private:
  static void ex_start(void* ud, const char* name, const char** atts) {
    auto* ps = static_cast<PartStream*>(ud);
    ps->attrs_.clear();
    for (int i = 0; atts[i]; i += 2) ps->attrs_.push_back({local_name(atts[i]), atts[i + 1]});
    ps->h_.start(local_name(name), ps->attrs_.data(), ps->attrs_.size());
  }
  static void ex_end(void* ud, const char* name) {
    static_cast<PartStream*>(ud)->h_.end(local_name(name));
  }
  static void ex_text(void* ud, const char* s, int len) {
    static_cast<PartStream*>(ud)->h_.text(std::string_view(s, static_cast<size_t>(len)));
  }

  unzFile zip_;
  XmlHandler& h_;
  XmlScanner scanner_;
  XML_Parser expat_ = nullptr;
  bool open_ = false, finished_ = false;
  uint64_t done_ = 0;
  std::vector<XmlAttr> attrs_;
};

std::variant<bool, PartStream::Failure> PartStream::step() {
  if (finished_) return false;
  if (!expat_) {
    char* buf = scanner_.buffer(kChunk);
    int n = unzReadCurrentFile(zip_, buf, static_cast<unsigned>(kChunk));
    if (n < 0) return Failure{};
    done_ += static_cast<uint64_t>(n);
    switch (scanner_.parse(static_cast<size_t>(n), n == 0)) {
      case XmlScanner::kOk:
        finished_ = n == 0;
        return !finished_;
      case XmlScanner::kError:
        return Failure{scanner_.line(), scanner_.error()};
      case XmlScanner::kUnsupported:  // nothing was reported yet: expat from the start
        unzCloseCurrentFile(zip_);
        if (!(open_ = unzOpenCurrentFile(zip_) == UNZ_OK)) return Failure{};
        done_ = 0;
        expat_ = XML_ParserCreate(nullptr);
        XML_SetUserData(expat_, this);
        XML_SetElementHandler(expat_, ex_start, ex_end);
        XML_SetCharacterDataHandler(expat_, ex_text);
        return true;
    }
  }
  // Inflate straight into expat's own buffer (no copy).
  void* buf = XML_GetBuffer(expat_, static_cast<int>(kChunk));
  if (!buf) return Failure{0, "out of memory"};
  int n = unzReadCurrentFile(zip_, buf, static_cast<unsigned>(kChunk));
  if (n < 0) return Failure{};
  done_ += static_cast<uint64_t>(n);
  if (XML_ParseBuffer(expat_, n, n == 0) == XML_STATUS_ERROR)
    return Failure{static_cast<long>(XML_GetCurrentLineNumber(expat_)),
                   XML_ErrorString(XML_GetErrorCode(expat_))};
  finished_ = n == 0;
  return !finished_;
}

int to_int(std::string_view v, int fallback) {
  int x = fallback;
  std::from_chars(v.data(), v.data() + v.size(), x);
  return x;
}
long to_long(std::string_view v) {
  long x = 0;
  std::from_chars(v.data(), v.data() + v.size(), x);
  return x;
}

}  // namespace

struct XlsxReader::State final : XmlHandler {
  unzFile zip = nullptr;
  std::unique_ptr<PartStream> sheet;
  // Shared strings: all text in one pool, offsets into it.
  std::string sst_pool;
  std::vector<size_t> sst_offsets;  // size = count + 1
  std::vector<bool> date_styles;    // by cell style (xf) index
  // Sheet streaming.
  uint64_t total = 0;
  bool finished = false;
  std::deque<Row> ready;
  Row row;
  long last_row = 0;
  size_t col = 0, next_col = 0, width = 0;
  enum Type { kNumber, kShared, kText, kBool } type = kNumber;  // the t attribute
  int style = -1;
  std::string value;  // the cell's <v> or inline text
  bool in_v = false, in_is = false, in_t = false, in_rph = false;
  std::string error;

  std::string_view shared(size_t i) const {
    return std::string_view(sst_pool).substr(sst_offsets[i], sst_offsets[i + 1] - sst_offsets[i]);
  }
  bool date_style(int s) const {
    return s >= 0 && static_cast<size_t>(s) < date_styles.size() && date_styles[s];
  }
  std::string& cell(size_t c) {
    if (row.cells.size() <= c) row.cells.resize(c + 1);
    return row.cells[c];
  }
  void start(std::string_view name, const XmlAttr* a, size_t n) override;
  void end(std::string_view name) override;
  void text(std::string_view piece) override {
    if (in_v || (in_is && in_t && !in_rph)) value.append(piece);
  }
};

namespace {

using State = XlsxReader::State;

// --- shared strings: the text of each <si>, runs (<r><t>) joined, phonetic
// runs (<rPh>) left out.
struct SstHandler final : XmlHandler {
  explicit SstHandler(State& s) : s(s) {}
  State& s;
  bool in_si = false, in_t = false, in_rph = false;
  void start(std::string_view n, const XmlAttr*, size_t) override {
    if (n == "si") {
      in_si = true;
      s.sst_offsets.push_back(s.sst_pool.size());
    } else if (n == "t") {
      in_t = true;
    } else if (n == "rPh") {
      in_rph = true;
    }
  }
  void end(std::string_view n) override {
    if (n == "si")
      in_si = false;
    else if (n == "t")
      in_t = false;
    else if (n == "rPh")
      in_rph = false;
  }
  void text(std::string_view piece) override {
    if (in_si && in_t && !in_rph) s.sst_pool.append(piece);
  }
};

// --- styles: which cellXfs are dates
struct StylesCtx {
  std::set<int> date_fmts;
  bool in_cell_xfs = false;
  int xf_index = 0;
  std::vector<bool>* date_styles;
};
void styles_start(void* ud, const char* name, const char** atts) {
  auto* c = static_cast<StylesCtx*>(ud);
  auto n = local_name(name);
  if (n == "numFmt") {
    const char* id = attr(atts, "numFmtId");
    const char* code = attr(atts, "formatCode");
    if (id && code && is_date_format_code(code)) c->date_fmts.insert(std::atoi(id));
  } else if (n == "cellXfs") {
    c->in_cell_xfs = true;
  } else if (n == "xf" && c->in_cell_xfs) {
    const char* id = attr(atts, "numFmtId");
    int f = id ? std::atoi(id) : 0;
    c->date_styles->push_back(is_builtin_date(f) || c->date_fmts.count(f));
    ++c->xf_index;
  }
}
void styles_end(void* ud, const char* name) {
  if (local_name(name) == "cellXfs") static_cast<StylesCtx*>(ud)->in_cell_xfs = false;
}

// --- workbook and relationships: the sheets, in the workbook's order
struct SheetEntry {
  std::string name, rid, part;
  bool hidden = false;
};
struct WbCtx {
  std::vector<SheetEntry> sheets;
};
void wb_start(void* ud, const char* name, const char** atts) {
  auto* c = static_cast<WbCtx*>(ud);
  if (local_name(name) != "sheet") return;
  const char* id = attr(atts, "id");
  const char* n = attr(atts, "name");
  const char* state = attr(atts, "state");
  c->sheets.push_back(
      {n ? n : "", id ? id : "", "", state && std::string_view(state) != "visible"});
}
void noop_end(void*, const char*) {}
struct RelsCtx {
  std::vector<SheetEntry>* sheets;
};
void rels_start(void* ud, const char* name, const char** atts) {
  auto* c = static_cast<RelsCtx*>(ud);
  if (local_name(name) != "Relationship") return;
  const char* id = attr(atts, "Id");
  const char* t = attr(atts, "Target");
  if (!id || !t) return;
  for (auto& sh : *c->sheets)
    if (sh.rid == id) sh.part = t[0] == '/' ? std::string(t + 1) : "xl/" + std::string(t);
}

// True unless the sheet's part says it has no rows (<sheetData/>): read from
// its first 16 KiB only, before the rows.
bool sheet_has_rows(unzFile z, const std::string& part) {
  if (unzLocateFile(z, part.c_str(), 0) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK) return false;
  char buf[1 << 14];
  int n = unzReadCurrentFile(z, buf, sizeof buf);
  unzCloseCurrentFile(z);
  if (n <= 0) return false;
  std::string_view head(buf, static_cast<size_t>(n));
  return head.find("sheetData/>") == std::string_view::npos;
}

// n == lit, the comparison inlined (a sheet compares names ~100 M times).
template <size_t N>
bool is(std::string_view n, const char (&lit)[N]) {
  return n.size() == N - 1 && std::memcmp(n.data(), lit, N - 1) == 0;
}

const XmlAttr* find(const XmlAttr* a, size_t n, std::string_view want) {
  for (size_t i = 0; i < n; ++i)
    if (a[i].name == want) return &a[i];
  return nullptr;
}

}  // namespace

// --- the sheet
void State::start(std::string_view n, const XmlAttr* a, size_t na) {
  if (is(n, "c")) {
    col = next_col, type = kNumber, style = -1;
    for (size_t i = 0; i < na; ++i) {
      std::string_view an = a[i].name, v = a[i].value;
      if (is(an, "r")) {
        col = column_index(v);
      } else if (is(an, "t")) {
        type = is(v, "s")                                         ? kShared
               : is(v, "inlineStr") || is(v, "str") || is(v, "e") ? kText
               : is(v, "b")                                       ? kBool
                                                                  : kNumber;
      } else if (is(an, "s")) {
        style = to_int(v, 0);
      }
    }
    value.clear();
  } else if (is(n, "v")) {
    in_v = true;
  } else if (is(n, "is")) {
    in_is = true;
  } else if (is(n, "t")) {
    in_t = true;
  } else if (is(n, "rPh")) {
    in_rph = true;
  } else if (is(n, "row")) {
    const XmlAttr* r = find(a, na, "r");
    row.number = r ? to_long(r->value) : last_row + 1;
    row.cells.clear();
    row.cells.reserve(std::min<size_t>(width, 64));  // as wide as the rows so far
    next_col = 0;
  }
}

void State::end(std::string_view n) {
  if (is(n, "c")) {
    switch (type) {
      case kShared: {
        size_t i = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
        if (ec != std::errc() || p == value.data() || i + 1 >= sst_offsets.size()) {
          if (error.empty())
            error = fmt::format("{}\x1f{}", row.number, "shared string index out of range");
        } else if (auto v = shared(i); !v.empty()) {
          cell(col).assign(v);
        }
        break;
      }
      case kText:
        if (!value.empty()) cell(col).assign(value);
        break;
      case kBool:
        cell(col) = value == "1" ? "TRUE" : "FALSE";
        break;
      case kNumber:
        if (!value.empty()) {
          std::optional<std::string> date;
          if (date_style(style)) date = excel_serial_to_iso(std::strtod(value.c_str(), nullptr));
          cell(col) = date ? std::move(*date) : general_number(value);
        }
        break;
    }
    next_col = col + 1;
  } else if (is(n, "v")) {
    in_v = false;
  } else if (is(n, "is")) {
    in_is = false;
  } else if (is(n, "t")) {
    in_t = false;
  } else if (is(n, "rPh")) {
    in_rph = false;
  } else if (is(n, "row")) {
    last_row = row.number;
    width = std::max(width, row.cells.size());
    ready.push_back(std::move(row));
    row = Row();
  }
}

XlsxReader::~XlsxReader() {
  if (!s_) return;
  s_->sheet.reset();  // closes the sheet's entry
  if (s_->zip) unzClose(s_->zip);
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const std::string& path,
                                                     const std::string& sheet_name) {
  std::unique_ptr<XlsxReader> r(new XlsxReader());
  r->path_ = path;
  r->s_ = std::make_unique<State>();
  State& s = *r->s_;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return invalid("file.open", "file", fmt::format("无法打开文件“{}”", path),
                   fmt::format("Cannot open \"{}\"", path));
  }
  s.zip = unzOpen64(path.c_str());
  if (!s.zip)
    return damaged("不是zip压缩包（旧的.xls格式请在Excel中另存为.xlsx）",
                   "not a zip archive (save an old .xls as .xlsx in Excel)");
  // The sheet to read: the one named, or the first visible one with rows.
  std::string sheet = "xl/worksheets/sheet1.xml";
  if (auto wb = read_part(s.zip, "xl/workbook.xml")) {
    WbCtx wc;
    parse_all(*wb, wc, wb_start, noop_end, nullptr);
    if (auto rels = read_part(s.zip, "xl/_rels/workbook.xml.rels")) {
      RelsCtx rc{&wc.sheets};
      parse_all(*rels, rc, rels_start, noop_end, nullptr);
    }
    std::vector<SheetEntry*> visible, with_rows;
    for (auto& sh : wc.sheets)
      if (!sh.hidden && !sh.part.empty()) {
        visible.push_back(&sh);
        if (sheet_has_rows(s.zip, sh.part)) with_rows.push_back(&sh);
      }
    const SheetEntry* chosen = nullptr;
    if (!sheet_name.empty()) {
      for (auto& sh : wc.sheets)
        if (!sh.part.empty() && text::strip_spaces(sh.name) == text::strip_spaces(sheet_name))
          chosen = &sh;
      if (!chosen) {
        std::vector<std::string> names;
        for (auto* sh : visible) names.push_back(sh->name);
        return invalid(
            "xlsx.sheet_unknown", "sheet",
            fmt::format("工作簿中没有名为“{}”的表，有：{}", sheet_name, fmt::join(names, "、")),
            fmt::format("The workbook has no sheet \"{}\"; it has: {}", sheet_name,
                        fmt::join(names, ", ")));
      }
    } else if (!with_rows.empty()) {
      chosen = with_rows.front();
    } else if (!visible.empty()) {
      chosen = visible.front();
    }
    if (chosen) {
      sheet = chosen->part;
      r->sheet_ = chosen->name;
      for (auto* sh : with_rows)
        if (sh != chosen) r->unread_sheets_.push_back(sh->name);
    }
  } else {
    return damaged("缺少xl/workbook.xml", "xl/workbook.xml is missing");
  }
  // The shared strings, streamed: the pool holds each string's text once,
  // never the part's XML.
  if (unzLocateFile(s.zip, "xl/sharedStrings.xml", 0) == UNZ_OK) {
    SstHandler h(s);
    PartStream sst(s.zip, h);
    if (!sst.open())
      return damaged("共享字符串表无法解压", "the shared strings cannot be inflated");
    for (;;) {
      auto st = sst.step();
      if (auto* more = std::get_if<bool>(&st); more && !*more) break;
      if (std::holds_alternative<PartStream::Failure>(st))
        return damaged("共享字符串表无法解析", "the shared strings cannot be parsed");
    }
  }
  s.sst_offsets.push_back(s.sst_pool.size());
  if (auto styles = read_part(s.zip, "xl/styles.xml")) {
    StylesCtx c;
    c.date_styles = &s.date_styles;
    parse_all(*styles, c, styles_start, styles_end, nullptr);
  }
  if (unzLocateFile(s.zip, sheet.c_str(), 0) != UNZ_OK)
    return damaged(fmt::format("缺少工作表{}", sheet),
                   fmt::format("the sheet {} is missing", sheet));
  unz_file_info64 info;
  if (unzGetCurrentFileInfo64(s.zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK)
    s.total = info.uncompressed_size;
  s.sheet = std::make_unique<PartStream>(s.zip, s);
  if (!s.sheet->open()) return damaged("工作表无法解压", "the sheet cannot be inflated");
  return r;
}

Result<std::unique_ptr<TableReader>> XlsxReader::open_sheet(const std::string& name) const {
  auto r = open(path_, name);
  if (!r) return r.error();
  return std::unique_ptr<TableReader>(std::move(r).value());
}

double XlsxReader::fraction_done() const {
  return s_->total ? static_cast<double>(s_->sheet->done()) / static_cast<double>(s_->total) : 0.0;
}

Result<bool> XlsxReader::next(Row& row) {
  State& s = *s_;
  while (s.ready.empty() && !s.finished) {
    auto st = s.sheet->step();
    if (auto* f = std::get_if<PartStream::Failure>(&st)) {
      if (f->what.empty()) return damaged("工作表解压失败", "the sheet cannot be inflated");
      return damaged(fmt::format("工作表XML第{}行：{}", f->line, f->what),
                     fmt::format("sheet XML line {}: {}", f->line, f->what));
    }
    s.finished = !std::get<bool>(st);
  }
  if (!s.error.empty()) {
    Error e = damaged("共享字符串编号超出范围", "a shared string index is out of range");
    e.row = std::atol(s.error.c_str());
    return e;
  }
  if (s.ready.empty()) return false;
  row = std::move(s.ready.front());
  s.ready.pop_front();
  return true;
}

}  // namespace lz::exchange
