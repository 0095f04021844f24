#include "exchange/household_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <pthread.h>
#include <map>
#include <optional>
#include <set>

#include <thread>
#include <unordered_map>
#include <variant>

#include "core/id_number.h"
#include "core/region_code.h"
#include "core/text.h"
#include "exchange/bounded_queue.h"
#include "exchange/columns.h"
#include "exchange/header_row.h"
#include "exchange/normalize.h"
#include "exchange/prefetch_reader.h"
#include "exchange/template_example.h"
#include "registry/validate.h"

namespace lz::exchange {

const char* mode_name(ImportMode m) {
  return m == ImportMode::kGoodRows ? "good-rows" : "all-or-nothing";
}

namespace {

// Village names -> codes: "瓦子坪村" and "官庄镇瓦子坪村" (several codes if ambiguous).
std::map<std::string, std::vector<std::string>> village_names(const RegionTree& regions) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [code, r] : regions.all()) {
    if (r.level != RegionLevel::kVillage && r.level != RegionLevel::kGroup) continue;
    std::string name = text::strip_spaces(r.name);
    out[name].push_back(code);
    std::string up = r.parent_code;
    std::string prefix;
    while (!up.empty()) {
      const Region* p = regions.find(up);
      if (!p || p->level == RegionLevel::kCounty) break;
      prefix = text::strip_spaces(p->name) + prefix;
      out[prefix + name].push_back(code);
      up = p->parent_code;
    }
  }
  return out;
}

// The name of the township a village (or group) code lies in, for messages.
std::string township_name(const RegionTree& regions, std::string code) {
  while (const Region* r = regions.find(code)) {
    if (r->level == RegionLevel::kTownship) return text::strip_spaces(r->name);
    code = r->parent_code;
  }
  return "某镇";
}

bool same_fields(const Person& a, const Person& b) {
  return a.name == b.name && a.relationship == b.relationship && a.ethnicity == b.ethnicity &&
         a.education == b.education && a.enrolment == b.enrolment && a.health == b.health &&
         a.labour == b.labour && a.phone == b.phone;
}

class Importer {
 public:
  Importer(TableReader& in, ImportSink& sink, const RegionTree& regions, const ImportOptions& o)
      : in_(in), sink_(sink), regions_(regions), opts_(o), spec_(*find_kind("households")) {}

  Result<ImportReport> run();

 private:
  struct Group {
    std::string number;
    std::vector<Row> rows;
  };
  // Per group: errors found so far, by row index in the group.
  struct Pending {
    std::vector<CellError> errs;
    void add(long row, int col, const std::string& col_name, const std::string& value,
             const Error& e) {
      errs.push_back({row, col, col_name, value, e.code, e.message_zh, e.message_en});
    }
  };

  const std::string& cell(const Row& r, const char* key) const { return cell_at(r, file_col(key)); }
  const std::string& cell_at(const Row& r, int c) const {
    static const std::string empty;
    return c >= 0 && static_cast<size_t>(c) < r.cells.size() ? r.cells[c] : empty;
  }
  int file_col(std::string_view key) const {
    auto it = cols_.find(key);
    return it == cols_.end() ? -1 : it->second;
  }
  std::string col_name(int file_column) const {
    return file_column >= 0 && static_cast<size_t>(file_column) < report_.header.size()
               ? text::normalize(report_.header[file_column])
               : std::string();
  }
  // Records a field error at `row` in the column of `key`.
  void at(Pending& p, const Row& r, std::string_view key, const Error& e) const {
    int c = file_col(key);
    if (c < 0 && key == "region_code") c = file_col("village");
    std::string value = c >= 0 && static_cast<size_t>(c) < r.cells.size() ? r.cells[c] : "";
    p.add(r.number, c, col_name(c), value, e);
  }
  // Field path from validation ("members[2].id_number") -> group row and key.
  void map_error(Pending& p, const Group& g, const Error& e) const {
    if (!e.details.empty()) {
      for (const auto& d : e.details) map_error(p, g, d);
      return;
    }
    std::string f = e.field;
    size_t idx = 0;
    if (f.rfind("members[", 0) == 0) {
      auto close = f.find(']');
      idx = std::stoul(f.substr(8, close - 8));
      f = close + 2 <= f.size() ? f.substr(close + 2) : "";
    } else if (f == "members") {
      f = "relationship";
    }
    if (idx >= g.rows.size()) idx = 0;
    at(p, g.rows[idx], f, e);
  }

  // What can be known of a household's rows without the database, worked
  // out on the reading thread: the household's cells (region, address; the
  // errors found in them, in `p`), and for a new household its members and
  // their validation (person_input's errors in `members`, in row order).
  struct Prepared {
    Group g;
    Pending p;
    HouseholdInput hin;
    Pending members;
    std::optional<Result<Household>> valid;
    // For a household that did not validate, each member's ID number as
    // IdNumber::parse normalises it (empty when it does not parse): the
    // writer's dedupe looks them up (a valid household's are its members').
    std::vector<std::string> id_numbers;
    const std::string& id_number(size_t i) const {
      return *valid ? (*valid)->members[i].id_number : id_numbers[i];
    }
  };
  // An item of the pipeline: some households' rows (a batch: fewer hand-overs
  // between the threads), or the error that stopped the reading.
  using Item = std::variant<std::vector<Prepared>, Error>;
  static constexpr size_t kBatch = 64;

  Result<std::string> resolve_region(const Row& r, Pending& p);
  // Two 所在村 cells (cleaned, without spaces) that name one village however
  // written ("白沙村", "白沙镇白沙村"): both resolve to the same single code.
  bool same_village(std::string_view key, const std::string& a, const std::string& b) {
    if (key != "village") return false;
    if (villages_.empty()) villages_ = village_names(regions_);
    auto ia = villages_.find(a), ib = villages_.find(b);
    return ia != villages_.end() && ib != villages_.end() && ia->second.size() == 1 &&
           ia->second == ib->second;
  }
  PersonInput person_input(const Row& r, Pending& p) const;
  Prepared prepare(Group&& g);
  // Reads the rows (after the header) into households, prepared, in file order.
  // `spent`: batches the writer is done with, destroyed here (their strings
  // were allocated on this thread: freeing them here keeps malloc's work
  // off the writer, the pipeline's slower side).
  void read_rows(TableReader& in, BoundedQueue<Item>& q,
                 BoundedQueue<std::vector<Prepared>>& spent);
  Status flush(Prepared& x);
  Status apply_new(Prepared& x);
  Status apply_existing(Group& g, Pending& p, HouseholdInput& hin, const ExistingHousehold& eh);

  TableReader& in_;
  ImportSink& sink_;
  const RegionTree& regions_;
  const ImportOptions& opts_;
  const KindSpec& spec_;
  HeaderMatch match_;
  ImportReport report_;
  std::map<std::string, std::vector<std::string>> villages_;
  std::unordered_map<std::string_view, int> cols_;  // spec key -> the file's column (or -1)
  // The same for the keys read on every row (no lookup by name per cell).
  struct Cols {
    int number, region_code, village, address, name, id_number, sex, birth_date, relationship,
        ethnicity, education, enrolment, health, labour, phone;
  } col_{};
  long rows_read_ = 0;  // by the reading thread
  std::optional<TemplateExamples> examples_;
  std::vector<long> skipped_rows_;  // by the reading thread: the template's example row
  std::vector<long> footer_rows_;   // by the reading thread: 合计, 填表人 … below the data
};

Result<std::string> Importer::resolve_region(const Row& r, Pending& p) {
  std::string code = text::strip_spaces(clean_cell(cell_at(r, col_.region_code)));
  if (!code.empty()) return code;
  std::string name = text::strip_spaces(clean_name(cell_at(r, col_.village)));
  if (name.empty()) {
    Error e = invalid("region_code.missing", "region_code", "所在村（行政区划代码）不能为空",
                      "The village (region code) is missing");
    at(p, r, file_col("region_code") >= 0 ? "region_code" : "village", e);
    return e;
  }
  if (villages_.empty()) villages_ = village_names(regions_);
  auto it = villages_.find(name);
  if (it == villages_.end() && name.find_first_not_of("0123456789") == std::string::npos)
    return name;
  if (it == villages_.end()) {
    Error e = not_found(
        "village.unknown", "village", fmt::format("所在村“{}”不存在（可改填行政区划代码）", name),
        fmt::format("There is no village \"{}\" (give its region code instead)", name));
    at(p, r, "village", e);
    return e;
  }
  if (it->second.size() > 1) {
    Error e = invalid(
        "village.ambiguous", "village",
        fmt::format("村名“{}”有重名（{}），请写明乡镇（如“{}{}”）或填行政区划代码", name,
                    fmt::join(it->second, "、"), township_name(regions_, it->second.front()), name),
        fmt::format(
            "More than one village is called \"{}\" ({}): add the township or give the code", name,
            fmt::join(it->second, ", ")));
    at(p, r, "village", e);
    return e;
  }
  return it->second.front();
}

PersonInput Importer::person_input(const Row& r, Pending& p) const {
  PersonInput in;
  in.name = clean_name(cell_at(r, col_.name));
  in.id_number = clean_cell(cell_at(r, col_.id_number));
  in.sex = clean_cell(cell_at(r, col_.sex));
  auto bd = normalize_date(cell_at(r, col_.birth_date));
  if (bd) {
    in.birth_date = *bd;
  } else {
    Error e = bd.error();
    e.field = "birth_date";
    at(p, r, "birth_date", e);
  }
  in.relationship = clean_cell(cell_at(r, col_.relationship));
  if (in.relationship.size() == 1 && in.relationship[0] >= '0' && in.relationship[0] <= '9')
    in.relationship = "0" + in.relationship;  // Excel dropped the leading zero of 01..09
  in.ethnicity = clean_cell(cell_at(r, col_.ethnicity));
  in.education = clean_cell(cell_at(r, col_.education));
  in.enrolment = clean_cell(cell_at(r, col_.enrolment));
  in.health = clean_cell(cell_at(r, col_.health));
  in.labour = clean_cell(cell_at(r, col_.labour));
  in.phone = clean_cell(cell_at(r, col_.phone));
  return in;
}

Importer::Prepared Importer::prepare(Group&& group) {
  Prepared x;
  x.g = std::move(group);
  Group& g = x.g;
  Pending& p = x.p;
  HouseholdInput& hin = x.hin;
  const Row& first = g.rows.front();
  hin.number = g.number;
  auto region = resolve_region(first, p);
  if (region) hin.region_code = *region;
  hin.address = clean_name(cell_at(first, col_.address));
  // The household's cells must agree on every row that fills them in. A
  // cell written as in the first row agrees without being normalised again.
  static constexpr const char* kShared[] = {"region_code", "village", "address"};
  const int shared_col[] = {col_.region_code, col_.village, col_.address};
  std::string first_value[3];
  bool first_done[3] = {false, false, false};
  for (size_t i = 1; i < g.rows.size(); ++i) {
    const Row& r = g.rows[i];
    for (int k = 0; k < 3; ++k) {
      const char* key = kShared[k];
      const int c = shared_col[k];
      const std::string& raw = cell_at(r, c);
      if (raw == cell_at(first, c)) continue;
      std::string v = text::strip_spaces(clean_name(raw));
      if (v.empty()) continue;
      if (!first_done[k]) {
        first_value[k] = text::strip_spaces(clean_name(cell(first, key)));
        first_done[k] = true;
      }
      if (v != first_value[k] && !same_village(key, v, first_value[k])) {
        const auto& spec = spec_.columns[spec_.index(key)];
        at(p, r, key,
           invalid("household.inconsistent", key,
                   fmt::format("同一户（户编号{}）各行的“{}”不一致：第{}行是“{}”", g.number,
                               spec.zh, first.number, clean_cell(cell(first, key))),
                   fmt::format("Rows of household {} disagree on \"{}\": row {} has \"{}\"",
                               g.number, spec.en, first.number, clean_cell(cell(first, key)))));
      }
    }
  }
  // A new household's members (an existing one's are read again against the database).
  for (const auto& r : g.rows) hin.members.push_back(person_input(r, x.members));
  x.valid = validate_household(hin, regions_, opts_.today);
  if (!*x.valid) {
    x.id_numbers.reserve(hin.members.size());
    for (const auto& m : hin.members) {
      auto id = IdNumber::parse(m.id_number, opts_.today);
      x.id_numbers.push_back(id ? id->str() : std::string());
    }
  }
  return x;
}

Status Importer::flush(Prepared& x) {
  Group& g = x.g;
  Pending& p = x.p;
  HouseholdInput& hin = x.hin;
  auto existing = sink_.household_by_number(hin.number);
  if (!existing) return existing.error();
  LZ_TRY(sink_.begin_unit());
  Status st = *existing ? apply_existing(g, p, hin, **existing) : apply_new(x);
  if (!st) {
    if (st.error().kind == ErrorKind::kInternal) {
      (void)sink_.end_unit(false);
      return st;
    }
    map_error(p, g, st.error());
  }
  // One message per cell: the first found (a missing village is not also a bad code).
  // A bad member is not counted as a head, so "no head" only says something on its own.
  {
    bool others = std::any_of(p.errs.begin(), p.errs.end(),
                              [](const CellError& e) { return e.code != "members.head"; });
    std::set<std::pair<long, int>> cells;
    std::vector<CellError> kept;
    for (auto& e : p.errs)
      if (!(others && e.code == "members.head") &&
          (e.column < 0 || cells.insert({e.row, e.column}).second))
        kept.push_back(std::move(e));
    p.errs = std::move(kept);
  }
  bool ok = p.errs.empty();
  LZ_TRY(sink_.end_unit(ok));
  if (ok) return {};
  // Refuse the whole household: every row, with its own errors or a note.
  std::set<long> rows_with_errors;
  for (auto& e : p.errs) rows_with_errors.insert(e.row);
  for (auto& r : g.rows) {
    RefusedRow rr{r.number, r.cells, {}};
    for (auto& e : p.errs)
      if (e.row == r.number && e.column >= 0) rr.bad_columns.push_back(e.column);
    if (!rows_with_errors.count(r.number))
      p.errs.push_back(
          {r.number, -1, "", "", "household.refused",
           fmt::format("同户（户编号{}）其他行有错误，整户未导入", g.number),
           fmt::format("Another row of household {} is bad: the household was not imported",
                       g.number)});
    report_.refused_rows.push_back(std::move(rr));
  }
  report_.refused += static_cast<long>(g.rows.size());
  std::stable_sort(p.errs.begin(), p.errs.end(), [](const CellError& a, const CellError& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  for (auto& e : p.errs) report_.errors.push_back(std::move(e));
  return {};
}

Status Importer::apply_new(Prepared& x) {
  Group& g = x.g;
  Pending& p = x.p;
  for (auto& e : x.members.errs) p.errs.push_back(std::move(e));
  Result<Household>& h = *x.valid;
  if (!h) {
    map_error(p, g, h.error());
    // Still report members already registered elsewhere.
  }
  for (size_t i = 0; i < g.rows.size(); ++i) {
    if (x.id_number(i).empty()) continue;
    auto found = sink_.person_by_id_number(x.id_number(i));
    if (!found) return found.error();
    if (!*found) continue;
    const Person& ep = **found;
    std::string where = "?";
    if (ep.household_id)
      if (auto eh = sink_.household_by_id(*ep.household_id); eh && *eh) where = (*eh)->number;
    Error e =
        sink_.created_here(ep)
            ? conflict("id_number.duplicate_in_file", "id_number",
                       fmt::format("公民身份号码{}在本文件中重复出现（已在户编号{}中导入）",
                                   ep.id_number, where),
                       fmt::format("The ID number {} appears twice in this file (already imported "
                                   "in household {})",
                                   ep.id_number, where))
            : conflict(
                  "id_number.registered_elsewhere", "id_number",
                  fmt::format("公民身份号码{}已登记在户编号{}（姓名{}），同一人不能登记在两户",
                              ep.id_number, where, ep.name),
                  fmt::format(
                      "The ID number {} is already registered in household {} (name {}): a person "
                      "cannot be in two households",
                      ep.id_number, where, ep.name));
    at(p, g.rows[i], "id_number", e);
  }
  if (!h || !p.errs.empty()) return {};
  Status st = sink_.create_household(*h);
  if (!st) return st;
  report_.added += static_cast<long>(h->members.size());
  ++report_.households_added;
  return {};
}

Status Importer::apply_existing(Group& g, Pending& p, HouseholdInput& hin,
                                const ExistingHousehold& eh) {
  // The household's own cells: a changed village or address updates it.
  if (!hin.region_code.empty()) {
    HouseholdInput only = hin;
    only.members.clear();
    auto h = validate_household(only, regions_, opts_.today);
    if (!h) map_error(p, g, h.error());
  }
  std::set<std::string> seen;
  std::optional<int64_t> head = eh.head_person_id;
  struct Change {
    Person before, after;
    bool add;
  };
  std::vector<Change> changes;
  for (size_t i = 0; i < g.rows.size(); ++i) {
    const Row& r = g.rows[i];
    size_t errs_before = p.errs.size();
    PersonInput in = person_input(r, p);
    auto v = validate_person(in, opts_.today);
    if (!v) {
      Error e = v.error();
      if (e.details.empty()) at(p, r, e.field, e);
      for (auto& d : e.details) at(p, r, d.field, d);
      continue;
    }
    if (p.errs.size() != errs_before) continue;
    Person np = std::move(v).value();
    if (!seen.insert(np.id_number).second) {
      at(p, r, "id_number",
         conflict("id_number.duplicate_in_household", "id_number",
                  fmt::format("公民身份号码{}在本户中重复出现", np.id_number),
                  fmt::format("The ID number {} appears twice in this household", np.id_number)));
      continue;
    }
    auto found = sink_.person_by_id_number(np.id_number);
    if (!found) return found.error();
    if (*found && (*found)->household_id != eh.id) {
      std::string where = "?";
      if ((*found)->household_id)
        if (auto other = sink_.household_by_id(*(*found)->household_id); other && *other)
          where = (*other)->number;
      at(p, r, "id_number",
         conflict("id_number.registered_elsewhere", "id_number",
                  fmt::format("公民身份号码{}已登记在户编号{}（姓名{}），同一人不能登记在两户",
                              np.id_number, where, (*found)->name),
                  fmt::format("The ID number {} is already registered in household {} (name {}): a "
                              "person cannot be "
                              "in two households",
                              np.id_number, where, (*found)->name)));
      continue;
    }
    bool becomes_head = np.relationship == "01";
    if (becomes_head && head && (!*found || (*found)->id != *head)) {
      at(p, r, "relationship",
         conflict("relationship.second_head", "relationship",
                  fmt::format("户编号{}已有户主，不能再登记“本人”", eh.number),
                  fmt::format("Household {} already has a head; a second member cannot be 01 self",
                              eh.number)));
      continue;
    }
    if (!*found) {
      if (becomes_head) head = -1;
      changes.push_back({Person(), np, true});
      continue;
    }
    // Update only what the file fills in.
    Person before = **found, after = before;
    if (!text::normalize(in.name).empty()) after.name = np.name;
    if (!in.relationship.empty()) after.relationship = np.relationship;
    if (!in.ethnicity.empty()) after.ethnicity = np.ethnicity;
    if (!in.education.empty()) after.education = np.education;
    if (!in.enrolment.empty()) after.enrolment = np.enrolment;
    if (!in.health.empty()) after.health = np.health;
    if (!in.labour.empty()) after.labour = np.labour;
    if (!in.phone.empty()) after.phone = np.phone;
    if (before.relationship == "01" && after.relationship != "01") {
      at(p, r, "relationship",
         invalid("relationship.head_change", "relationship",
                 "不能通过导入更改户主，请在户页面中调整",
                 "The head of a household cannot be changed by an import: change it on the "
                 "household's page"));
      continue;
    }
    changes.push_back({before, after, false});
  }
  if (!p.errs.empty()) return {};
  bool household_changed =
      !hin.region_code.empty() &&
      (RegionCode::parse(hin.region_code) ? RegionCode::parse(hin.region_code)->str()
                                          : hin.region_code) != eh.region_code;
  std::string address = hin.address.empty() ? eh.address : hin.address;
  if (household_changed || address != eh.address) {
    std::string code =
        household_changed ? RegionCode::parse(hin.region_code)->str() : eh.region_code;
    LZ_TRY(sink_.update_household(eh, code, address));
    if (!eh.created_here) ++report_.households_updated;
  }
  ExistingHousehold cur = eh;
  for (auto& c : changes) {
    if (c.add) {
      LZ_TRY(sink_.add_member(cur, c.after));
      if (c.after.relationship == "01") cur.head_person_id = c.after.id;
      ++report_.added;
    } else if (same_fields(c.before, c.after)) {
      ++report_.unchanged;
    } else {
      LZ_TRY(sink_.update_person(c.before, c.after));
      ++report_.updated;
    }
  }
  return {};
}

void Importer::read_rows(TableReader& in, BoundedQueue<Item>& q,
                         BoundedQueue<std::vector<Prepared>>& spent) {
  Row row;
  Group g;
  std::vector<Prepared> batch;
  auto add = [&](Group&& done) {
    batch.push_back(prepare(std::move(done)));
    if (batch.size() < kBatch) return true;
    while (spent.try_pop()) {
    }
    bool open = q.push(std::move(batch));
    batch = {};
    return open;
  };
  for (;;) {
    auto r = in.next(row);
    if (!r) {
      if (!batch.empty()) q.push(std::move(batch));
      q.push(r.error());
      return;
    }
    if (!*r) break;
    if (row.blank()) continue;
    if (is_footer_row(row)) {
      footer_rows_.push_back(row.number);
      continue;
    }
    ++rows_read_;
    if (rows_read_ == 1 && examples_->matches(match_, row)) {  // the template's, left in
      skipped_rows_.push_back(row.number);
      continue;
    }
    if (opts_.progress && rows_read_ % 8192 == 0) opts_.progress(in.fraction_done(), rows_read_);
    std::string number = text::strip_spaces(clean_cell(cell_at(row, col_.number)));
    if (!g.rows.empty() && number != g.number) {
      if (!add(std::move(g))) return;
      g = Group();
    }
    g.number = std::move(number);
    g.rows.push_back(std::move(row));
    row = Row();
    row.cells.reserve(report_.header.size());  // one allocation, not one per doubling
  }
  if (!g.rows.empty()) batch.push_back(prepare(std::move(g)));
  if (!batch.empty()) q.push(std::move(batch));
}

Result<ImportReport> Importer::run() {
  report_.format = in_.format();
  report_.sheet = in_.sheet();
  report_.unread_sheets = other_sheets_of_kind(in_, spec_);
  report_.mode = opts_.mode;
  report_.dry_run = opts_.dry_run;
  // All-or-nothing: a refused household means nothing is committed, so its
  // writes need not be undone alone.
  sink_.set_undo_units(opts_.mode == ImportMode::kGoodRows);
  // The header: the first row that names a column (a title above it is skipped).
  auto hr = read_header_row(in_, spec_);
  if (!hr) return hr.error();
  const Row& row = hr->row;
  report_.header_row = row.number;
  report_.header = row.cells;
  report_.title_rows = hr->title_rows;
  report_.header_upper_row = hr->upper_row;
  match_ = std::move(hr->match);
  for (size_t i = 0; i < spec_.columns.size(); ++i)
    cols_.emplace(spec_.columns[i].key, match_.file_column[i]);
  report_.ignored_columns = match_.ignored;
  examples_.emplace(spec_, &regions_);
  col_ = {file_col("number"),    file_col("region_code"), file_col("village"),
          file_col("address"),   file_col("name"),        file_col("id_number"),
          file_col("sex"),       file_col("birth_date"),  file_col("relationship"),
          file_col("ethnicity"), file_col("education"),   file_col("enrolment"),
          file_col("health"),    file_col("labour"),      file_col("phone")};
  if (file_col("region_code") < 0 && file_col("village") < 0) {
    Error e = invalid(
        "header.missing", "header",
        fmt::format("第{}行（表头）缺少“行政区划代码”或“所在村”列（至少要有一列）", row.number),
        fmt::format(
            "Row {} (the header) needs a \"行政区划代码\" (region_code) or \"所在村\" (village) "
            "column",
            row.number));
    e.row = row.number;
    return e;
  }
  // Two threads: this one writes each household to the database in file
  // order; the reader reads, groups, normalises and validates the rows
  // ahead of it, at most a bounded number of households ahead.
  // An xlsx is parsed on a third thread (inflating and XML are most of its
  // reading); a CSV's parsing is cheap next to the checks.
  std::optional<PrefetchReader> prefetch;
  if (in_.format() == "xlsx") prefetch.emplace(in_);
  TableReader& src = prefetch ? static_cast<TableReader&>(*prefetch) : in_;
  BoundedQueue<Item> q(8);
  BoundedQueue<std::vector<Prepared>> spent(16);
  std::thread reader([&] {
    pthread_setname_np(pthread_self(), "lz-import-read");  // for top, perf, gdb
    try {
      read_rows(src, q, spent);
    } catch (const std::exception& e) {  // a bug: reported as such, not a crash of the process
      q.push(internal("import.reader", fmt::format("读取文件时出错：{}", e.what()),
                      fmt::format("Reading the file failed: {}", e.what())));
    }
    q.close();
  });
  Status st;
  while (auto item = q.pop()) {
    if (auto* e = std::get_if<Error>(&*item)) {
      st = std::move(*e);
      break;
    }
    auto& batch = std::get<std::vector<Prepared>>(*item);
    for (auto& x : batch)
      if (st = flush(x); !st) break;
    if (!st) break;
    (void)spent.try_push(batch);  // else freed here (the reader is done or behind)
  }
  q.close();  // the reader stops at its next household if this side gave up
  reader.join();
  report_.rows_read = rows_read_;
  report_.skipped_rows = std::move(skipped_rows_);
  report_.footer_rows = std::move(footer_rows_);
  LZ_TRY(st);
  if (opts_.progress) opts_.progress(1.0, report_.rows_read);
  bool commit = !opts_.dry_run && (opts_.mode == ImportMode::kGoodRows || report_.refused == 0);
  if (commit) {
    ImportTally t{mode_name(report_.mode),  report_.rows_read,         report_.added,
                  report_.updated,          report_.unchanged,         report_.refused,
                  report_.households_added, report_.households_updated};
    LZ_TRY(sink_.commit(t));
    report_.committed = true;
  }
  return std::move(report_);
}

}  // namespace

Result<ImportReport> import_households(TableReader& in, ImportSink& sink, const RegionTree& regions,
                                       const ImportOptions& opts) {
  Importer imp(in, sink, regions, opts);
  return imp.run();
}

}  // namespace lz::exchange
