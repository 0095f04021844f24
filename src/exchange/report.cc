#include "exchange/report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "exchange/header_row.h"
#include "exchange/template_example.h"
#include "exchange/xlsx_book.h"

namespace lz::exchange {

std::string describe(const CellError& e, Lang lang) {
  const std::string& reason = lang == Lang::kEn ? e.reason_en : e.reason_zh;
  if (lang == Lang::kEn) {
    if (e.column < 0) return fmt::format("row {}: {}", e.row, reason);
    return fmt::format("row {}, column {} ({}): {}", e.row, column_letter(e.column), e.column_name,
                       reason);
  }
  if (e.column < 0) return fmt::format("第{}行：{}", e.row, reason);
  return fmt::format("第{}行 {}列（{}）：{}", e.row, column_letter(e.column), e.column_name,
                     reason);
}

std::vector<SkippedNote> skipped_notes(const ImportReport& r, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::vector<SkippedNote> out;
  for (long row : r.title_rows)
    out.push_back({row, en ? title_row_skipped_en(row, r.header_row)
                           : title_row_skipped_zh(row, r.header_row)});
  if (r.header_upper_row > 0)
    out.push_back({r.header_upper_row, en ? two_row_header_en(r.header_upper_row, r.header_row)
                                          : two_row_header_zh(r.header_upper_row, r.header_row)});
  for (long row : r.skipped_rows)
    out.push_back({row, en ? example_row_skipped_en(row) : example_row_skipped_zh(row)});
  for (long row : r.footer_rows)
    out.push_back({row, en ? footer_row_skipped_en(row) : footer_row_skipped_zh(row)});
  return out;
}

std::vector<std::string> import_notes(const ImportReport& r, Lang lang) {
  std::vector<std::string> out;
  if (!r.unread_sheets.empty()) {
    if (lang == Lang::kEn)
      out.push_back(fmt::format(
          "Only the sheet \"{}\" was read: the workbook's {} other sheet(s) with rows were not "
          "({}). Import each on its own (on the command line with --sheet NAME; on the web, save "
          "each sheet as a file of its own) or copy them into one sheet.",
          r.sheet, r.unread_sheets.size(), fmt::join(r.unread_sheets, ", ")));
    else
      out.push_back(fmt::format(
          "只读取了工作表“{}”：工作簿中另有{}张表有数据，未导入（{}）。请逐张导入"
          "（命令行加 --sheet 表名；网页上传请将每张表另存为一个文件），或合并到一张表后导入",
          r.sheet, r.unread_sheets.size(), fmt::join(r.unread_sheets, "、")));
  }
  return out;
}

nlohmann::json report_json(const ImportReport& r, Lang lang) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : skipped_notes(r, lang))
    skipped.push_back({{"row", s.row}, {"reason", s.reason}});
  nlohmann::json refusals = nlohmann::json::array();
  for (const auto& e : r.errors) {
    nlohmann::json j{
        {"row", e.row},
        {"column", e.column >= 0 ? nlohmann::json(column_letter(e.column)) : nlohmann::json()},
        {"column_name", e.column_name},
        {"value", e.value},
        {"code", e.code},
        {"reason", lang == Lang::kEn ? e.reason_en : e.reason_zh}};
    refusals.push_back(std::move(j));
  }
  return {{"kind", r.kind},
          {"format", r.format},
          {"sheet", r.sheet},
          {"unread_sheets", r.unread_sheets},
          {"notes", import_notes(r, lang)},
          {"mode", mode_name(r.mode)},
          {"dry_run", r.dry_run},
          {"committed", r.committed},
          {"rows_read", r.rows_read},
          {"added", r.added},
          {"updated", r.updated},
          {"unchanged", r.unchanged},
          {"refused", r.refused},
          {"skipped",
           static_cast<long>(r.title_rows.size() + r.skipped_rows.size() + r.footer_rows.size())},
          {"skipped_rows", skipped},
          {"households_added", r.households_added},
          {"households_updated", r.households_updated},
          {"ignored_columns", r.ignored_columns},
          {"refusals", refusals}};
}

nlohmann::json report_to_storage(const ImportReport& r,
                                 const std::vector<std::pair<std::string, long>>& counts) {
  nlohmann::json errors = nlohmann::json::array(), rows = nlohmann::json::array(),
                 c = nlohmann::json::array();
  for (const auto& e : r.errors)
    errors.push_back({e.row, e.column, e.column_name, e.value, e.code, e.reason_zh, e.reason_en});
  for (const auto& x : r.refused_rows) rows.push_back({x.row, x.cells, x.bad_columns});
  for (const auto& [k, v] : counts) c.push_back({k, v});
  return {{"kind", r.kind},
          {"format", r.format},
          {"mode", mode_name(r.mode)},
          {"dry_run", r.dry_run},
          {"committed", r.committed},
          {"header_row", r.header_row},
          {"header", r.header},
          {"ignored_columns", r.ignored_columns},
          {"n",
           {r.rows_read, r.added, r.updated, r.unchanged, r.refused, r.households_added,
            r.households_updated}},
          {"errors", errors},
          {"refused_rows", rows},
          {"skipped_rows", r.skipped_rows},
          {"title_rows", r.title_rows},
          {"sheet", r.sheet},
          {"unread_sheets", r.unread_sheets},
          {"header_upper_row", r.header_upper_row},
          {"footer_rows", r.footer_rows},
          {"counts", c}};
}

Result<ImportReport> report_from_storage(const nlohmann::json& j,
                                         std::vector<std::pair<std::string, long>>* counts) {
  try {
    ImportReport r;
    r.kind = j.at("kind").get<std::string>();
    r.format = j.at("format").get<std::string>();
    r.mode = j.at("mode").get<std::string>() == "good-rows" ? ImportMode::kGoodRows
                                                            : ImportMode::kAllOrNothing;
    r.dry_run = j.at("dry_run").get<bool>();
    r.committed = j.at("committed").get<bool>();
    r.header_row = j.at("header_row").get<long>();
    r.header = j.at("header").get<std::vector<std::string>>();
    r.ignored_columns = j.at("ignored_columns").get<std::vector<std::string>>();
    const auto& n = j.at("n");
    r.rows_read = n.at(0);
    r.added = n.at(1);
    r.updated = n.at(2);
    r.unchanged = n.at(3);
    r.refused = n.at(4);
    r.households_added = n.at(5);
    r.households_updated = n.at(6);
    for (const auto& e : j.at("errors"))
      r.errors.push_back({e.at(0), e.at(1), e.at(2), e.at(3), e.at(4), e.at(5), e.at(6)});
    for (const auto& x : j.at("refused_rows"))
      r.refused_rows.push_back(
          {x.at(0), x.at(1).get<std::vector<std::string>>(), x.at(2).get<std::vector<int>>()});
    if (j.contains("skipped_rows")) r.skipped_rows = j.at("skipped_rows").get<std::vector<long>>();
    if (j.contains("title_rows")) r.title_rows = j.at("title_rows").get<std::vector<long>>();
    if (j.contains("sheet")) r.sheet = j.at("sheet").get<std::string>();
    if (j.contains("unread_sheets"))
      r.unread_sheets = j.at("unread_sheets").get<std::vector<std::string>>();
    if (j.contains("header_upper_row")) r.header_upper_row = j.at("header_upper_row").get<long>();
    if (j.contains("footer_rows")) r.footer_rows = j.at("footer_rows").get<std::vector<long>>();
    if (counts)
      for (const auto& c : j.at("counts")) counts->emplace_back(c.at(0), c.at(1));
    return r;
  } catch (const std::exception& e) {
    return internal("import.report_damaged", fmt::format("保存的导入报告无法读取：{}", e.what()),
                    fmt::format("The stored import report cannot be read: {}", e.what()));
  }
}

Status write_report_xlsx(const ImportReport& r, const std::string& path, Lang lang) {
  bool en = lang == Lang::kEn;
  auto book = XlsxBook::create(path);
  if (!book) return book.error();
  XlsxBook& b = **book;
  // Sheet 1: the summary and each problem.
  lxw_worksheet* ws = b.add_sheet(en ? "Problems" : "错误清单");
  worksheet_set_column(ws, 0, 0, 8, nullptr);
  worksheet_set_column(ws, 1, 1, 6, nullptr);
  worksheet_set_column(ws, 2, 2, 16, nullptr);
  worksheet_set_column(ws, 3, 3, 24, nullptr);
  worksheet_set_column(ws, 4, 4, 80, nullptr);
  long row = 0;
  worksheet_write_string(ws, row++, 0, en ? "Import report" : "导入校验报告",
                         b.style(XlsxBook::kTitle));
  std::string summary =
      en ? fmt::format("{} rows read: {} added, {} updated, {} unchanged, {} refused ({}; {}{})",
                       r.rows_read, r.added, r.updated, r.unchanged, r.refused, mode_name(r.mode),
                       r.committed ? "written" : "nothing written", r.dry_run ? ", dry run" : "")
         : fmt::format("共读取{}行：新增{}人，更新{}人，未变{}人，退回{}行（{}；{}{}）",
                       r.rows_read, r.added, r.updated, r.unchanged, r.refused,
                       r.mode == ImportMode::kGoodRows ? "导入正确的行" : "全部或全不",
                       r.committed ? "已写入" : "未写入任何数据", r.dry_run ? "，试运行" : "");
  worksheet_write_string(ws, row++, 0, summary.c_str(), nullptr);
  for (const auto& s : skipped_notes(r, lang))
    worksheet_write_string(ws, row++, 0, s.reason.c_str(), nullptr);
  for (const auto& n : import_notes(r, lang))
    worksheet_write_string(ws, row++, 0, n.c_str(), nullptr);
  ++row;
  b.write_row(ws, row++,
              en ? std::vector<std::string>{"Row", "Column", "Header", "Value", "Reason"}
                 : std::vector<std::string>{"行号", "列", "列名", "原内容", "原因"},
              XlsxBook::kHeader);
  for (const auto& e : r.errors) {
    worksheet_write_number(ws, row, 0, static_cast<double>(e.row), nullptr);
    if (e.column >= 0) worksheet_write_string(ws, row, 1, column_letter(e.column).c_str(), nullptr);
    worksheet_write_string(ws, row, 2, e.column_name.c_str(), nullptr);
    if (!e.value.empty())
      worksheet_write_string(ws, row, 3, e.value.c_str(), b.style(XlsxBook::kBad));
    worksheet_write_string(ws, row, 4, (en ? e.reason_en : e.reason_zh).c_str(), nullptr);
    ++row;
  }
  // Sheet 2: the refused rows as they were, bad cells highlighted, reasons at the end.
  lxw_worksheet* rs = b.add_sheet(en ? "Refused rows" : "退回的行");
  std::vector<std::string> header{en ? "Row" : "原行号"};
  for (const auto& h : r.header) header.push_back(h);
  header.push_back(en ? "Reasons" : "原因");
  worksheet_set_column(rs, 0, 0, 8, nullptr);
  worksheet_set_column(rs, 1, static_cast<lxw_col_t>(r.header.size()), 14,
                       b.style(XlsxBook::kText));
  worksheet_set_column(rs, static_cast<lxw_col_t>(r.header.size() + 1),
                       static_cast<lxw_col_t>(r.header.size() + 1), 60, nullptr);
  b.write_row(rs, 0, header, XlsxBook::kHeader);
  worksheet_freeze_panes(rs, 1, 1);
  std::multimap<long, const CellError*> by_row;
  for (const auto& e : r.errors) by_row.emplace(e.row, &e);
  long out = 1;
  for (const auto& rr : r.refused_rows) {
    std::vector<std::string> cells{std::to_string(rr.row)};
    cells.insert(cells.end(), rr.cells.begin(), rr.cells.end());
    cells.resize(r.header.size() + 1);
    std::vector<int> bad;
    for (int c : rr.bad_columns) bad.push_back(c + 1);
    std::string reasons;
    auto [lo, hi] = by_row.equal_range(rr.row);
    for (auto it = lo; it != hi; ++it) {
      if (!reasons.empty()) reasons += en ? "; " : "；";
      const CellError& e = *it->second;
      reasons += e.column >= 0
                     ? fmt::format("{}: {}", e.column_name, en ? e.reason_en : e.reason_zh)
                     : (en ? e.reason_en : e.reason_zh);
    }
    cells.push_back(reasons);
    b.write_row(rs, out++, cells, XlsxBook::kText, bad);
  }
  return b.close();
}

}  // namespace lz::exchange
