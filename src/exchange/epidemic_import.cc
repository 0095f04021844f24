#include "exchange/epidemic_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/id_number.h"
#include "core/region_code.h"
#include "core/text.h"
#include "exchange/follow_up_import.h"
#include "exchange/header_row.h"
#include "exchange/key_person_import.h"
#include "exchange/livelihood_import.h"
#include "exchange/normalize.h"
#include "exchange/passage_import.h"
#include "exchange/report.h"
#include "exchange/template_example.h"
#include "store/sqlite/db.h"

namespace lz::exchange {

long& KindImport::count(const std::string& name) {
  for (auto& [k, v] : counts)
    if (k == name) return v;
  counts.emplace_back(name, 0);
  return counts.back().second;
}

const KindSpec* find_epidemic_kind(std::string_view kind) {
  if (kind == "key_persons") return &key_persons_spec();
  if (kind == "passages") return &passages_spec();
  if (kind == "follow_ups") return &follow_ups_spec();
  return nullptr;
}

const KindSpec* find_import_kind(std::string_view kind) {
  if (kind == "households") return find_kind(kind);
  if (const KindSpec* k = find_livelihood_kind(kind)) return k;
  return find_epidemic_kind(kind);
}

std::vector<std::string> import_kind_names() {
  return {"households", "key_persons", "passages",     "follow_ups",      "purchases",
          "listings",   "labourers",   "cooperatives", "poverty_register"};
}

Result<KindImport> import_epidemic(std::string_view kind, TableReader& in, EpidemicImportEnv& env,
                                   const ImportOptions& opts) {
  if (kind == "key_persons") return import_key_persons(in, env, opts);
  if (kind == "passages") return import_passages(in, env, opts);
  if (kind == "follow_ups") return import_follow_ups(in, env, opts);
  return invalid(
      "kind.unknown", "kind",
      fmt::format("不能导入“{}”，可选：{}", kind, fmt::join(import_kind_names(), "、")),
      fmt::format("Cannot import \"{}\": expected {}", kind, fmt::join(import_kind_names(), ", ")));
}

nlohmann::json kind_report_json(const KindImport& r, Lang lang) {
  nlohmann::json j = report_json(r.report, lang);
  j.erase("households_added");
  j.erase("households_updated");
  for (const auto& [k, v] : r.counts) j[k] = v;
  return j;
}

namespace detail {

int RowGroup::file_col(std::string_view key) const {
  int i = spec_.index(key);
  return i < 0 ? -1 : match_.file_column[i];
}

bool RowGroup::has(std::string_view key) const {
  return file_col(key) >= 0;
}

const std::string& RowGroup::cell(const Row& r, std::string_view key) const {
  static const std::string empty;
  int c = file_col(key);
  return c >= 0 && static_cast<size_t>(c) < r.cells.size() ? r.cells[c] : empty;
}

void RowGroup::error(const Row& r, std::string_view key, const Error& e) {
  int c = key.empty() ? -1 : file_col(key);
  std::string name = c >= 0 && static_cast<size_t>(c) < header_.size() ? text::normalize(header_[c])
                                                                       : std::string();
  std::string value = c >= 0 && static_cast<size_t>(c) < r.cells.size() ? r.cells[c] : "";
  // One message per cell: the first found.
  for (const auto& x : errs_)
    if (x.row == r.number && x.column == c && c >= 0) return;
  errs_.push_back({r.number, c, name, value, e.code, e.message_zh, e.message_en});
}

std::string id_number_cell(RowGroup& g, const Row& r, std::string_view key, Date today) {
  std::string s = clean_cell(g.cell(r, key));
  if (s.empty()) return s;
  if (s.find_first_of("Ee") != std::string::npos && s.find('+') != std::string::npos) {
    g.error(r, key,
            invalid("id_number.scientific", std::string(key),
                    fmt::format("公民身份号码“{}”已被Excel变成科学计数法，后几位已丢失，"
                                "请把该列设为文本后重新填写",
                                s),
                    fmt::format("The ID number \"{}\" was turned into scientific notation by "
                                "Excel: its last digits are lost; format the column as text and "
                                "type it again",
                                s)));
    return "";
  }
  auto id = IdNumber::parse(s, today.plus_days(1));
  if (!id) {
    g.error(r, key, id.error());
    return "";
  }
  return id->str();
}

std::optional<double> number_cell(RowGroup& g, const Row& r, std::string_view key,
                                  const char* what_zh, const char* what_en) {
  std::string s = text::strip_spaces(clean_cell(g.cell(r, key)));
  if (s.empty()) return std::nullopt;
  std::string digits;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') continue;  // thousands
    if ((c >= '0' && c <= '9') || c == '.' || (c == '-' && digits.empty())) {
      digits.push_back(c);
      continue;
    }
    // A unit after the number: 37.5斤, 1.2元, 49.88元.
    std::string_view rest = std::string_view(s).substr(i);
    if (!digits.empty() &&
        (rest == "斤" || rest == "元" || rest == "元/斤" || rest == "jin" || rest == "yuan"))
      break;
    digits.clear();
    break;
  }
  char* end = nullptr;
  double v = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
  if (digits.empty() || !end || *end != '\0' || !std::isfinite(v)) {
    g.error(r, key,
            invalid("number.format", std::string(key), fmt::format("{}“{}”不是数字", what_zh, s),
                    fmt::format("The {} \"{}\" is not a number", what_en, s)));
    return std::nullopt;
  }
  return v;
}

Error out_of_scope(const std::string& region_code) {
  return invalid("region.out_of_scope", "region_code",
                 fmt::format("区划{}不在您的管辖范围内", region_code),
                 fmt::format("Region {} is outside your jurisdiction", region_code));
}

std::pair<int, std::string> split_field(const std::string& field) {
  int index = -1;
  auto open = field.find('[');
  auto close = field.find(']');
  if (open != std::string::npos && close != std::string::npos && close > open + 1) {
    std::string digits = field.substr(open + 1, close - open - 1);
    if (text::is_all_digits(digits)) index = std::stoi(digits);
  }
  auto dot = field.rfind('.');
  return {index, dot == std::string::npos ? field : field.substr(dot + 1)};
}

std::optional<Date> date_cell(RowGroup& g, const Row& r, std::string_view key) {
  auto iso = normalize_date(g.cell(r, key));
  if (!iso) {
    g.error(r, key, iso.error());
    return std::nullopt;
  }
  if (iso->empty()) return std::nullopt;
  return Date::parse_iso(*iso);
}

std::optional<int> temperature_cell(RowGroup& g, const Row& r, std::string_view key) {
  std::string s = clean_cell(g.cell(r, key));
  if (s.empty()) return std::nullopt;
  auto t = epidemic::parse_temperature(s);
  if (!t) {
    g.error(r, key,
            invalid("temperature.format", std::string(key),
                    fmt::format("体温“{}”无法识别，应填如36.5", s),
                    fmt::format("Cannot read the temperature \"{}\": write e.g. 36.5", s)));
    return std::nullopt;
  }
  if (auto st = epidemic::validate_temperature(*t, key); !st) {
    g.error(r, key, st.error());
    return std::nullopt;
  }
  return t;
}

std::optional<epidemic::SymptomSet> symptoms_cell(RowGroup& g, const Row& r, std::string_view key) {
  std::string s = clean_name(g.cell(r, key));  // 乾咳、呼吸困難 in Traditional too
  if (s.empty() || s == "无" || s == "否" || s == "none" || s == "正常")
    return epidemic::SymptomSet{};
  auto set = epidemic::parse_symptoms(s);
  if (!set) {
    std::vector<std::string> names;
    for (const auto& v : epidemic::vocabulary<epidemic::Symptom>()) names.push_back(v.zh);
    g.error(
        r, key,
        invalid(
            "symptoms.unknown", std::string(key),
            fmt::format("症状“{}”无法识别，可填：{}（多个用顿号分隔），无症状填“无”", s,
                        fmt::join(names, "、")),
            fmt::format(
                "Unknown symptoms \"{}\"; accepted: {} (separated by 、 or commas), or 无 for none",
                s, fmt::join(names, ", "))));
    return std::nullopt;
  }
  return set;
}

// "8:30", "08:30:00", "8时30分", "8点30", "8点" -> minutes of the day.
static std::optional<int> parse_time_of_day(std::string_view in) {
  std::string t;
  for (size_t i = 0; i < in.size();) {
    size_t skip = 0;
    for (std::string_view sep : {"时", "点", "分", "秒", ":", "："})
      if (in.substr(i, sep.size()) == sep) skip = sep.size();
    t.push_back(skip ? ' ' : in[i]);
    i += skip ? skip : 1;
  }
  int parts[3] = {0, 0, 0}, n = 0;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size()) break;
    size_t j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
    if (j == i || j - i > 2 || n == 3) return std::nullopt;
    if (j < t.size() && t[j] != ' ') return std::nullopt;
    parts[n++] = std::atoi(t.substr(i, j - i).c_str());
    i = j;
  }
  if (n == 0 || parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return parts[0] * 60 + parts[1];
}

std::optional<epidemic::DateTime> datetime_cell(RowGroup& g, const Row& r, std::string_view key,
                                                std::string_view date_key) {
  std::string s = clean_cell(g.cell(r, key));
  auto bad = [&] {
    g.error(r, key,
            invalid("datetime.format", std::string(key),
                    fmt::format("时间“{}”无法识别，可填2020-02-12 08:30或2020年2月12日8时30分", s),
                    fmt::format("Cannot read the time \"{}\": use 2020-02-12 08:30", s)));
    return std::nullopt;
  };
  if (s.empty()) {
    g.error(r, key,
            invalid("datetime.required", std::string(key), "时间不能为空（填日期和时、分）",
                    "The time is missing (the day, hour and minute)"));
    return std::nullopt;
  }
  // An Excel serial with a fraction: 43873.354.
  if (s.find_first_not_of("0123456789.") == std::string::npos && s.find('.') != std::string::npos) {
    double v = std::strtod(s.c_str(), nullptr);
    auto iso = normalize_date(s.substr(0, s.find('.')));
    if (!iso || iso->empty()) return bad();
    auto d = Date::parse_iso(*iso);
    int minutes = static_cast<int>(std::lround((v - std::floor(v)) * 1440));
    if (!d || minutes >= 1440) return bad();
    return epidemic::DateTime::of(*d, minutes / 60, minutes % 60);
  }
  // A time alone, with the day in another column.
  if (s.size() <= 8 && s.find_first_of(":：时点") != std::string::npos &&
      s.find_first_of("-/年") == std::string::npos) {
    auto m = parse_time_of_day(s);
    if (!m) return bad();
    auto d = date_key.empty() ? std::nullopt : date_cell(g, r, date_key);
    if (!d) {
      if (date_key.empty() || g.cell(r, date_key).empty())
        g.error(
            r, key,
            invalid("datetime.date_required", std::string(key), fmt::format("时间“{}”缺少日期", s),
                    fmt::format("The time \"{}\" has no day", s)));
      return std::nullopt;
    }
    return epidemic::DateTime::of(*d, *m / 60, *m % 60);
  }
  // Date, then the time after a space, 'T' or 日.
  std::string date_part = s, time_part;
  if (auto cut = s.find_first_of(" T"); cut != std::string::npos && cut >= 6) {
    date_part = s.substr(0, cut);
    time_part = s.substr(cut + 1);
  } else if (auto day = s.find("日"); day != std::string::npos && day + 3 < s.size()) {
    date_part = s.substr(0, day + 3);
    time_part = s.substr(day + 3);
  }
  auto iso = normalize_date(date_part);
  if (!iso || iso->empty()) return bad();
  auto d = Date::parse_iso(*iso);
  if (!d) return bad();
  if (text::normalize(time_part).empty()) {
    g.error(r, key,
            invalid("datetime.time_required", std::string(key),
                    fmt::format("时间“{}”只有日期，请填写时、分（如{} 08:30）", s, d->iso()),
                    fmt::format("\"{}\" is a day only: add the hour and minute (e.g. {} 08:30)", s,
                                d->iso())));
    return std::nullopt;
  }
  auto m = parse_time_of_day(text::normalize(time_part));
  if (!m) return bad();
  return epidemic::DateTime::of(*d, *m / 60, *m % 60);
}

std::optional<std::string> region_cell(RowGroup& g, const Row& r, std::string_view code_key,
                                       std::string_view village_key, const RegionTree* regions) {
  std::string code = text::strip_spaces(clean_cell(g.cell(r, code_key)));
  if (!code.empty()) {
    auto c = RegionCode::parse(code);
    if (!c) {
      g.error(r, code_key, c.error());
      return std::nullopt;
    }
    if (regions && !regions->find(c->str())) {
      g.error(r, code_key,
              not_found("region.unknown", "region_code", fmt::format("行政区划代码{}不存在", code),
                        fmt::format("There is no region {}", code)));
      return std::nullopt;
    }
    return c->str();
  }
  std::string name = text::strip_spaces(clean_name(g.cell(r, village_key)));
  if (name.empty() || !regions) return std::nullopt;
  if (text::is_all_digits(name)) {  // a code in the village column
    auto c = RegionCode::parse(name);
    if (c && regions->find(c->str())) return c->str();
  }
  std::vector<std::string> found;
  for (const auto& [rc, reg] : regions->all()) {
    if (reg.level != RegionLevel::kVillage && reg.level != RegionLevel::kGroup) continue;
    std::string full = text::strip_spaces(reg.name);
    if (full == name) {
      found.push_back(rc);
      continue;
    }
    for (std::string up = reg.parent_code; !up.empty();) {
      const Region* p = regions->find(up);
      if (!p || p->level == RegionLevel::kCounty) break;
      full = text::strip_spaces(p->name) + full;
      if (full == name) found.push_back(rc);
      up = p->parent_code;
    }
  }
  if (found.empty()) {
    g.error(
        r, village_key,
        not_found("village.unknown", "village",
                  fmt::format("所在村“{}”不存在（可改填行政区划代码）", name),
                  fmt::format("There is no village \"{}\" (give its region code instead)", name)));
    return std::nullopt;
  }
  if (found.size() > 1) {
    g.error(
        r, village_key,
        invalid(
            "village.ambiguous", "village",
            fmt::format("村名“{}”有重名（{}），请写明乡镇或填行政区划代码", name,
                        fmt::join(found, "、")),
            fmt::format(
                "More than one village is called \"{}\" ({}): add the township or give the code",
                name, fmt::join(found, ", "))));
    return std::nullopt;
  }
  return found.front();
}

Result<KindImport> run_rows(TableReader& in, sqlite::Db& db, const KindHandler& h,
                            const ImportOptions& opts) {
  KindImport out;
  ImportReport& rep = out.report;
  rep.kind = h.spec->kind;
  rep.format = in.format();
  rep.sheet = in.sheet();
  rep.unread_sheets = other_sheets_of_kind(in, *h.spec);
  rep.mode = opts.mode;
  rep.dry_run = opts.dry_run;
  // The header: the first row that names a column (a title above it is skipped).
  auto hr = read_header_row(in, *h.spec);
  if (!hr) return hr.error();
  Row row = std::move(hr->row);
  rep.header_row = row.number;
  rep.header = row.cells;
  rep.title_rows = hr->title_rows;
  rep.header_upper_row = hr->upper_row;
  HeaderMatch match = std::move(hr->match);
  rep.ignored_columns = match.ignored;
  if (h.check_header) LZ_TRY(h.check_header(match, rep.header, row.number));

  // The whole file is one transaction; each group a savepoint inside it.
  sqlite::Tx file_tx(db);
  LZ_TRY(file_tx.begin_status());
  RowGroup g(*h.spec, match, rep.header);
  std::string key;
  auto flush = [&]() -> Status {
    if (g.rows.empty()) return {};
    {
      sqlite::Tx unit(db);
      LZ_TRY(unit.begin_status());
      LZ_TRY(h.apply(g, out));
      if (g.ok()) LZ_TRY(unit.commit());
    }  // a group with errors is undone alone
    if (!g.ok()) {
      auto& errs = g.errors();
      std::set<long> with_errors;
      for (const auto& e : errs) with_errors.insert(e.row);
      for (const auto& r : g.rows) {
        RefusedRow rr{r.number, r.cells, {}};
        for (const auto& e : errs)
          if (e.row == r.number && e.column >= 0) rr.bad_columns.push_back(e.column);
        if (!with_errors.count(r.number))
          errs.push_back({r.number, -1, "", "", "group.refused", "同组其他行有错误，本行未导入",
                          "Another row of the same record is bad: this row was not imported"});
        rep.refused_rows.push_back(std::move(rr));
      }
      rep.refused += static_cast<long>(g.rows.size());
      std::stable_sort(errs.begin(), errs.end(), [](const CellError& a, const CellError& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
      });
      for (auto& e : errs) rep.errors.push_back(std::move(e));
      errs.clear();
    }
    g.rows.clear();
    return {};
  };
  const TemplateExamples examples(*h.spec, h.regions);
  for (;;) {
    auto r = in.next(row);
    if (!r) return r.error();
    if (!*r) break;
    if (row.blank()) continue;
    if (is_footer_row(row)) {
      rep.footer_rows.push_back(row.number);
      continue;
    }
    ++rep.rows_read;
    if (rep.rows_read == 1 && examples.matches(match, row)) {  // the template's, left in
      rep.skipped_rows.push_back(row.number);
      continue;
    }
    if (opts.progress && rep.rows_read % 256 == 0) opts.progress(in.fraction_done(), rep.rows_read);
    std::string k = h.group_key ? h.group_key(g, row) : std::string();
    if (!g.rows.empty() && (k.empty() || k != key)) LZ_TRY(flush());
    key = k;
    g.rows.push_back(std::move(row));
    row = Row();
  }
  LZ_TRY(flush());
  if (h.finish && (opts.mode == ImportMode::kGoodRows || rep.refused == 0)) LZ_TRY(h.finish(out));
  if (opts.progress) opts.progress(1.0, rep.rows_read);
  bool commit = !opts.dry_run && (opts.mode == ImportMode::kGoodRows || rep.refused == 0);
  if (commit) {
    LZ_TRY(file_tx.commit());
    rep.committed = true;
  }
  return out;
}

}  // namespace detail
}  // namespace lz::exchange
