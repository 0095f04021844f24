#include "exchange/xlsx_reader.h"

#include <expat.h>
#include <fmt/format.h>
#include <unzip.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

#include "core/date.h"

namespace lz::exchange {

namespace {

constexpr size_t kChunk = 1 << 16;

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
  char buf[kChunk];
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

size_t column_index(const char* ref) {
  size_t col = 0;
  for (const char* p = ref; *p && *p >= 'A' && *p <= 'Z'; ++p) col = col * 26 + (*p - 'A' + 1);
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

struct XlsxReader::State {
  unzFile zip = nullptr;
  XML_Parser parser = nullptr;
  // Shared strings: all text in one pool, offsets into it.
  std::string sst_pool;
  std::vector<size_t> sst_offsets;  // size = count + 1
  std::set<int> date_styles;
  // Sheet streaming.
  uint64_t total = 0, done = 0;
  bool finished = false;
  std::deque<Row> ready;
  Row row;
  long last_row = 0;
  size_t col = 0, next_col = 0, width = 0;
  std::string type;  // t attribute
  int style = -1;
  std::string text;
  bool in_v = false, in_is = false, in_t = false, in_rph = false;
  std::string error;

  std::string_view shared(size_t i) const {
    return std::string_view(sst_pool).substr(sst_offsets[i], sst_offsets[i + 1] - sst_offsets[i]);
  }
};

namespace {

using State = XlsxReader::State;

// --- shared strings
struct SstCtx {
  State* s;
  bool in_si = false, in_t = false, in_rph = false;
};
void sst_start(void* ud, const char* name, const char**) {
  auto* c = static_cast<SstCtx*>(ud);
  auto n = local_name(name);
  if (n == "si") {
    c->in_si = true;
    c->s->sst_offsets.push_back(c->s->sst_pool.size());
  } else if (n == "t") {
    c->in_t = true;
  } else if (n == "rPh") {
    c->in_rph = true;
  }
}
void sst_end(void* ud, const char* name) {
  auto* c = static_cast<SstCtx*>(ud);
  auto n = local_name(name);
  if (n == "si")
    c->in_si = false;
  else if (n == "t")
    c->in_t = false;
  else if (n == "rPh")
    c->in_rph = false;
}
void sst_chars(void* ud, const char* s, int len) {
  auto* c = static_cast<SstCtx*>(ud);
  if (c->in_si && c->in_t && !c->in_rph) c->s->sst_pool.append(s, len);
}

// --- styles: which cellXfs are dates
struct StylesCtx {
  std::set<int> date_fmts;
  bool in_cell_xfs = false;
  int xf_index = 0;
  std::set<int>* date_styles;
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
    if (is_builtin_date(f) || c->date_fmts.count(f)) c->date_styles->insert(c->xf_index);
    ++c->xf_index;
  }
}
void styles_end(void* ud, const char* name) {
  if (local_name(name) == "cellXfs") static_cast<StylesCtx*>(ud)->in_cell_xfs = false;
}

// --- workbook and relationships: the first sheet's part name
struct WbCtx {
  std::string first_rid;
};
void wb_start(void* ud, const char* name, const char** atts) {
  auto* c = static_cast<WbCtx*>(ud);
  if (local_name(name) == "sheet" && c->first_rid.empty()) {
    const char* id = attr(atts, "id");
    if (id) c->first_rid = id;
  }
}
void noop_end(void*, const char*) {}
struct RelsCtx {
  std::string want, target;
};
void rels_start(void* ud, const char* name, const char** atts) {
  auto* c = static_cast<RelsCtx*>(ud);
  if (local_name(name) != "Relationship") return;
  const char* id = attr(atts, "Id");
  const char* t = attr(atts, "Target");
  if (id && t && c->want == id) c->target = t;
}

// --- the sheet
void sheet_start(void* ud, const char* name, const char** atts) {
  auto* s = static_cast<State*>(ud);
  auto n = local_name(name);
  if (n == "row") {
    const char* r = attr(atts, "r");
    s->row.number = r ? std::atol(r) : s->last_row + 1;
    s->row.cells.clear();
    s->row.cells.reserve(std::min<size_t>(s->width, 64));  // as wide as the rows so far
    s->next_col = 0;
  } else if (n == "c") {
    const char* r = attr(atts, "r");
    s->col = r ? column_index(r) : s->next_col;
    const char* t = attr(atts, "t");
    s->type = t ? t : "n";
    const char* st = attr(atts, "s");
    s->style = st ? std::atoi(st) : -1;
    s->text.clear();
  } else if (n == "v") {
    s->in_v = true;
  } else if (n == "is") {
    s->in_is = true;
  } else if (n == "t") {
    s->in_t = true;
  } else if (n == "rPh") {
    s->in_rph = true;
  }
}

void sheet_end(void* ud, const char* name) {
  auto* s = static_cast<State*>(ud);
  auto n = local_name(name);
  if (n == "v") {
    s->in_v = false;
  } else if (n == "is") {
    s->in_is = false;
  } else if (n == "t") {
    s->in_t = false;
  } else if (n == "rPh") {
    s->in_rph = false;
  } else if (n == "c") {
    std::string value;
    if (s->type == "s") {
      char* end = nullptr;
      unsigned long i = std::strtoul(s->text.c_str(), &end, 10);
      if (end == s->text.c_str() || i + 1 >= s->sst_offsets.size()) {
        if (s->error.empty())
          s->error = fmt::format("{}\x1f{}", s->row.number, "shared string index out of range");
      } else {
        value = std::string(s->shared(i));
      }
    } else if (s->type == "inlineStr" || s->type == "str" || s->type == "e") {
      value = s->text;
    } else if (s->type == "b") {
      value = s->text == "1" ? "TRUE" : "FALSE";
    } else if (!s->text.empty()) {  // a number
      std::optional<std::string> date;
      if (s->date_styles.count(s->style))
        date = excel_serial_to_iso(std::strtod(s->text.c_str(), nullptr));
      value = date ? *date : general_number(s->text);
    }
    if (!value.empty()) {
      if (s->row.cells.size() <= s->col) s->row.cells.resize(s->col + 1);
      s->row.cells[s->col] = std::move(value);
    }
    s->next_col = s->col + 1;
  } else if (n == "row") {
    s->last_row = s->row.number;
    s->width = std::max(s->width, s->row.cells.size());
    s->ready.push_back(std::move(s->row));
    s->row = Row();
  }
}

void sheet_chars(void* ud, const char* text, int len) {
  auto* s = static_cast<State*>(ud);
  if (s->in_v || (s->in_is && s->in_t && !s->in_rph)) s->text.append(text, len);
}

}  // namespace

XlsxReader::~XlsxReader() {
  if (!s_) return;
  if (s_->parser) XML_ParserFree(s_->parser);
  if (s_->zip) {
    unzCloseCurrentFile(s_->zip);
    unzClose(s_->zip);
  }
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const std::string& path) {
  std::unique_ptr<XlsxReader> r(new XlsxReader());
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
  // The first sheet's part.
  std::string sheet = "xl/worksheets/sheet1.xml";
  if (auto wb = read_part(s.zip, "xl/workbook.xml")) {
    WbCtx wc;
    parse_all(*wb, wc, wb_start, noop_end, nullptr);
    if (auto rels = read_part(s.zip, "xl/_rels/workbook.xml.rels"); rels && !wc.first_rid.empty()) {
      RelsCtx rc{wc.first_rid, ""};
      parse_all(*rels, rc, rels_start, noop_end, nullptr);
      if (!rc.target.empty()) sheet = rc.target[0] == '/' ? rc.target.substr(1) : "xl/" + rc.target;
    }
  } else {
    return damaged("缺少xl/workbook.xml", "xl/workbook.xml is missing");
  }
  if (auto sst = read_part(s.zip, "xl/sharedStrings.xml")) {
    SstCtx c{&s};
    if (!parse_all(*sst, c, sst_start, sst_end, sst_chars))
      return damaged("共享字符串表无法解析", "the shared strings cannot be parsed");
    s.sst_offsets.push_back(s.sst_pool.size());
  } else {
    s.sst_offsets.push_back(0);
  }
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
  if (unzOpenCurrentFile(s.zip) != UNZ_OK)
    return damaged("工作表无法解压", "the sheet cannot be inflated");
  s.parser = XML_ParserCreate(nullptr);
  XML_SetUserData(s.parser, &s);
  XML_SetElementHandler(s.parser, sheet_start, sheet_end);
  XML_SetCharacterDataHandler(s.parser, sheet_chars);
  return r;
}

double XlsxReader::fraction_done() const {
  return s_->total ? static_cast<double>(s_->done) / static_cast<double>(s_->total) : 0.0;
}

Result<bool> XlsxReader::next(Row& row) {
  State& s = *s_;
  while (s.ready.empty() && !s.finished) {
    // Inflate straight into expat's own buffer (no copy).
    void* buf = XML_GetBuffer(s.parser, static_cast<int>(kChunk));
    if (!buf) return damaged("工作表过大，内存不足", "out of memory parsing the sheet");
    int n = unzReadCurrentFile(s.zip, buf, static_cast<unsigned>(kChunk));
    if (n < 0) return damaged("工作表解压失败", "the sheet cannot be inflated");
    s.done += static_cast<uint64_t>(n);
    if (XML_ParseBuffer(s.parser, n, n == 0) == XML_STATUS_ERROR) {
      long line = static_cast<long>(XML_GetCurrentLineNumber(s.parser));
      return damaged(
          fmt::format("工作表XML第{}行：{}", line, XML_ErrorString(XML_GetErrorCode(s.parser))),
          fmt::format("sheet XML line {}: {}", line, XML_ErrorString(XML_GetErrorCode(s.parser))));
    }
    if (n == 0) s.finished = true;
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
