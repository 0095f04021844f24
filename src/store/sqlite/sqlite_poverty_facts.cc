// Loading poverty::HouseholdFacts from SQLite, for one household (every
// edit's re-check), a region, the county or a province-sized register. The
// household set comes first (register ∩ live households ∩ region), then each
// table the check reads, merged by household id in memory. A table is
// reached one of two ways, chosen per table (FactsFilter::Path):
//   index: driven from the register, B-tree probes per household (CROSS JOIN
//          fixes that order in SQLite) — cheap when the set is a small share
//          of the table (one household; the county's 12k poor among 343k);
//   scan:  one sequential pass over the whole table, rows of households
//          outside the set dropped in memory — cheap when the set is most of
//          the table (a province register: every person is in a poor household).
// Both give the same facts (tests/poverty/store/facts_paths_test.cc). Rows
// are read through text views (no std::string temporaries), stored enum ids
// are matched exactly before the lenient parse.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::sqlite {

using namespace lz::poverty;

namespace {

// A table is scanned when it holds at most this many rows per household of
// the set (index probes cost several times a sequential row).
constexpr int64_t kScanFactor = 8;

std::optional<bool> opt_bool(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.i64(col) != 0;
}
std::optional<int64_t> opt_fen(const Stmt& s, int col) {
  return s.opt_i64(col);
}
Date date_of(std::string_view s) {
  return Date::parse_iso(s).value_or(Date());
}

// A stored id matched exactly (no temporaries); anything else goes through
// the lenient parse (labels, full-width characters).
template <typename E>
std::optional<E> enum_of(std::string_view v) {
  auto values = vocabulary<E>();
  for (size_t i = 0; i < values.size(); ++i)
    if (v == values[i].id) return static_cast<E>(i);
  return parse<E>(v);
}

template <typename E>
std::optional<E> opt_enum(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return enum_of<E>(s.text(col));
}

// Where a household of the set (sorted by id) sits: a dense table over the
// id range when the ids are dense enough, binary search otherwise.
class Slots {
 public:
  explicit Slots(const std::vector<HouseholdFacts>& hs) : hs_(hs) {
    if (hs.empty()) return;
    first_ = hs.front().household_id;
    const int64_t range = hs.back().household_id - first_ + 1;
    if (range <= 64 * static_cast<int64_t>(hs.size()) + 4096) {
      dense_.assign(static_cast<size_t>(range), -1);
      for (size_t i = 0; i < hs.size(); ++i)
        dense_[static_cast<size_t>(hs[i].household_id - first_)] = static_cast<int32_t>(i);
    }
  }
  // The household's index in the set, or -1.
  int64_t find(int64_t id) const {
    if (!dense_.empty()) {
      const auto k = static_cast<uint64_t>(id - first_);
      return k < dense_.size() ? dense_[k] : -1;
    }
    auto it = std::lower_bound(hs_.begin(), hs_.end(), id, [](const HouseholdFacts& h, int64_t v) {
      return h.household_id < v;
    });
    return it != hs_.end() && it->household_id == id ? it - hs_.begin() : -1;
  }

 private:
  const std::vector<HouseholdFacts>& hs_;
  int64_t first_ = 0;
  std::vector<int32_t> dense_;
};

// Where a member of the set sits, by person id: built in person id order
// (the person scan's order); lookups in that order cost O(1).
class MemberSlots {
 public:
  void add(int64_t person_id, int32_t household) { at_.push_back({person_id, household}); }
  int64_t find(int64_t person_id) {
    if (next_ < at_.size() && at_[next_].first == person_id) return at_[next_++].second;
    auto it =
        std::lower_bound(at_.begin(), at_.end(), std::pair<int64_t, int32_t>{person_id, INT32_MIN});
    if (it == at_.end() || it->first != person_id) return -1;
    next_ = static_cast<size_t>(it - at_.begin()) + 1;
    return it->second;
  }

 private:
  std::vector<std::pair<int64_t, int32_t>> at_;
  size_t next_ = 0;
};

const char* const kFactsPersonCols =
    "x.household_id, x.id, x.name, x.id_number, x.birth_date, x.sex, x.relationship, x.health, "
    "x.labour, "
    "x.enrolment";
const char* const kFactsMemberCols =
    "pm.basic_medical, pm.serious_illness, pm.chronic_card, COALESCE(pm.disability_certificate, "
    "''), "
    "pm.disability_subsidy";

MemberFacts read_member(const Stmt& s) {
  MemberFacts m;
  m.person_id = s.i64(1);
  m.name = s.text(2);
  m.id_number = s.text(3);
  m.birth_date = date_of(s.text(4));
  m.sex = s.text(5) == "female" ? Sex::kFemale : Sex::kMale;
  m.relationship = s.text(6);
  m.health = enum_of<Health>(s.text(7));
  m.labour = enum_of<Labour>(s.text(8));
  m.enrolment = enum_of<Enrolment>(s.text(9));
  return m;
}

// The poverty_member columns (kFactsMemberCols) from column c.
void read_member_poverty(MemberFacts& m, const Stmt& s, int c) {
  m.basic_medical = opt_bool(s, c);
  m.serious_illness = opt_bool(s, c + 1);
  m.chronic_card = opt_bool(s, c + 2);
  m.disability_certificate = s.text(c + 3);
  m.disability_subsidy = opt_bool(s, c + 4);
}

void read_condition(HouseholdFacts& h, const Stmt& s, int c) {
  if (!s.is_null(c) && !s.text(c).empty()) h.housing_grade = s.text(c)[0];
  h.water = {opt_bool(s, c + 1), opt_bool(s, c + 2), opt_bool(s, c + 3), opt_bool(s, c + 4)};
  h.benefits.dibao = opt_bool(s, c + 5);
  h.benefits.tekun = opt_bool(s, c + 6);
}

void read_register(HouseholdFacts& h, const Stmt& s, int c) {
  h.status = enum_of<HouseholdStatus>(s.text(c)).value_or(HouseholdStatus::kRegisteredPoor);
  if (!s.is_null(c + 1)) h.registered_year = static_cast<int>(s.i64(c + 1));
  if (!s.is_null(c + 2)) h.lifted_year = static_cast<int>(s.i64(c + 2));
}

}  // namespace

Result<std::vector<HouseholdFacts>> SqlitePovertyStore::load_facts_from_tables(const FactsFilter& f) {
  using Path = FactsFilter::Path;
  // The household set, as SQL over alias h (household).
  std::string where = "h.deleted_at IS NULL";
  std::vector<std::string> args;
  if (f.household_id) {
    where += " AND h.id = ?";
    args.push_back(std::to_string(*f.household_id));
  }
  std::string region;  // the same region condition for a scan of household h
  if (!f.region_prefix.empty()) {
    region = " AND h.region_code >= ? AND h.region_code < ?";
    where += region;
    args.push_back(f.region_prefix);
    args.push_back(prefix_end(f.region_prefix));
  }
  const std::string status =
      f.include_marginal ? "" : " AND ph.status IN ('registered_poor','lifted')";
  where += status;
  auto bind = [&](Stmt& s, int first = 1) {
    int i = first;
    for (const auto& a : args) s.bind(i++, a);
    return i;
  };
  // Index path: drive every query from the register, then reach rows by
  // household id through the indexes: CROSS JOIN fixes that order in SQLite
  // and is a plain inner join with the WHERE conditions in PostgreSQL.
  where += " AND h.id = ph.household_id";
  std::string set_from = " FROM poverty_household ph CROSS JOIN household h";
  if (!f.household_ids.empty()) {
    // A set of households: driven from a temporary table of their ids.
    LZ_TRY(db_.exec("CREATE TEMP TABLE IF NOT EXISTS facts_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.facts_ids"));
    auto ins = db_.prepare("INSERT OR IGNORE INTO temp.facts_ids (id) VALUES (?)");
    for (int64_t id : f.household_ids) LZ_TRY(ins.bind(1, id).exec());
    set_from = " FROM temp.facts_ids t CROSS JOIN poverty_household ph CROSS JOIN household h";
    where += " AND ph.household_id = t.id";
  }

  // Rows in a table, roughly (its largest rowid: one B-tree descent).
  auto rows_of = [&](const char* table) {
    auto s = db_.prepare(fmt::format("SELECT MAX(rowid) FROM {}", table));
    return s.step() ? s.i64(0) : 0;
  };
  auto scan = [&](const char* table, int64_t set_size) {
    // A set of ids is reached from its temporary table, never by a scan.
    if (!f.household_ids.empty() && std::string_view(table) == "household") return false;
    if (f.path == Path::kScan || f.path == Path::kIndex) return f.path == Path::kScan;
    if (f.household_id) return false;
    return rows_of(table) <= kScanFactor * set_size;
  };

  std::vector<HouseholdFacts> out;
  const int64_t register_rows = rows_of("poverty_household");
  if (!scan("household", register_rows)) {
    auto s = db_.prepare(
        "SELECT h.id, h.region_code, ph.status, ph.registered_year, ph.lifted_year, "
        "pc.housing_grade, "
        "pc.water_quality, pc.water_quantity, pc.water_convenience, pc.water_reliability, "
        "pc.dibao, pc.tekun, "
        "(SELECT p.cadre_id FROM pairing p WHERE p.household_id = h.id AND p.to_date IS NULL AND "
        "p.deleted_at IS "
        "NULL) " +
        set_from + " LEFT JOIN poverty_condition pc ON pc.household_id = h.id WHERE " + where +
        " ORDER BY h.id");
    bind(s);
    while (s.step()) {
      HouseholdFacts h;
      h.household_id = s.i64(0);
      h.region_code = s.text(1);
      read_register(h, s, 2);
      read_condition(h, s, 5);
      h.cadre_id = s.opt_i64(12);
      out.push_back(std::move(h));
    }
  } else {
    // Scan path: the register, then the live households of the region, the
    // conditions and the current pairings, each one pass over its table.
    out.reserve(static_cast<size_t>(std::max<int64_t>(register_rows, 0)));
    {
      auto s = db_.prepare(
          "SELECT ph.household_id, ph.status, ph.registered_year, ph.lifted_year FROM "
          "poverty_household ph" +
          (status.empty() ? std::string() : " WHERE 1 = 1" + status));
      while (s.step()) {
        if (f.household_id && s.i64(0) != *f.household_id) continue;
        HouseholdFacts h;
        h.household_id = s.i64(0);
        read_register(h, s, 1);
        out.push_back(std::move(h));
      }
    }
    auto by_id = [](const HouseholdFacts& a, const HouseholdFacts& b) {
      return a.household_id < b.household_id;
    };
    if (!std::is_sorted(out.begin(), out.end(), by_id)) std::sort(out.begin(), out.end(), by_id);
    std::vector<char> live(out.size(), 0);
    {
      const Slots slots(out);
      auto s = db_.prepare(
          "SELECT h.id, h.region_code FROM household h WHERE h.deleted_at IS NULL" + region);
      if (!f.region_prefix.empty()) s.bind(1, f.region_prefix).bind(2, prefix_end(f.region_prefix));
      while (s.step()) {
        const int64_t k = slots.find(s.i64(0));
        if (k < 0) continue;
        live[static_cast<size_t>(k)] = 1;
        out[static_cast<size_t>(k)].region_code = s.text(1);
      }
    }
    size_t kept = 0;
    for (size_t i = 0; i < out.size(); ++i)
      if (live[i]) {
        if (kept != i) out[kept] = std::move(out[i]);
        ++kept;
      }
    out.resize(kept);
    const Slots slots(out);
    auto s = db_.prepare(
        "SELECT x.household_id, x.housing_grade, x.water_quality, x.water_quantity, "
        "x.water_convenience, x.water_reliability, x.dibao, x.tekun FROM poverty_condition x");
    while (s.step())
      if (int64_t k = slots.find(s.i64(0)); k >= 0)
        read_condition(out[static_cast<size_t>(k)], s, 1);
    // NOT INDEXED: the partial index pairing_current would cost a table
    // lookup per row (5 x the plain scan at 1 M pairings).
    auto p = db_.prepare(
        "SELECT x.household_id, x.cadre_id FROM pairing x NOT INDEXED WHERE x.to_date IS NULL AND "
        "x.deleted_at IS "
        "NULL");
    while (p.step())
      if (int64_t k = slots.find(p.i64(0)); k >= 0) out[static_cast<size_t>(k)].cadre_id = p.i64(1);
  }
  if (out.empty()) return out;
  const Slots slots(out);
  const auto n = static_cast<int64_t>(out.size());

  // One child table: "cols" over alias x, "cond" extra conditions on x
  // (each starting with " AND"), rows in `order` on the index path and in
  // x.id (rowid) order on the scan path when `by_id`.
  auto each = [&](bool sc, const std::string& cols, const std::string& from,
                  const std::string& cond, const std::string& order, bool by_id, auto&& fn) {
    std::string sql;
    if (sc)
      sql = "SELECT " + cols + " FROM " + from + " WHERE 1 = 1" + cond +
            (by_id ? " ORDER BY x.id" : "");
    else
      sql = "SELECT " + cols + set_from + " CROSS JOIN " + from + " WHERE " + where +
            " AND x.household_id = h.id" + cond + (order.empty() ? "" : " ORDER BY " + order);
    auto s = db_.prepare(sql);
    if (!sc) bind(s);
    while (s.step())
      if (int64_t k = slots.find(s.i64(0)); k >= 0) fn(out[static_cast<size_t>(k)], s, k);
  };

  // Members: on the index path with their poverty_member row joined; on the
  // scan path the person table, then poverty_member matched by person id.
  MemberSlots members;
  const bool person_scan = scan("person", n);
  each(person_scan,
       std::string(kFactsPersonCols) + (person_scan ? "" : std::string(", ") + kFactsMemberCols),
       person_scan ? "person x" : "person x LEFT JOIN poverty_member pm ON pm.person_id = x.id",
       " AND x.deleted_at IS NULL", "x.household_id, x.id", true,
       [&](HouseholdFacts& h, const Stmt& s, int64_t k) {
         MemberFacts m = read_member(s);
         if (person_scan)
           members.add(m.person_id, static_cast<int32_t>(k));
         else
           read_member_poverty(m, s, 10);
         h.members.push_back(std::move(m));
       });
  if (person_scan) {
    auto s = db_.prepare("SELECT pm.person_id, " + std::string(kFactsMemberCols) +
                         " FROM poverty_member pm");
    while (s.step()) {
      const int64_t pid = s.i64(0);
      const int64_t k = members.find(pid);
      if (k < 0) continue;
      for (auto& m : out[static_cast<size_t>(k)].members)
        if (m.person_id == pid) {
          read_member_poverty(m, s, 1);
          break;
        }
    }
  }
  each(scan("poverty_cause", n), "x.household_id, x.cause, x.is_main", "poverty_cause x", "", "",
       false, [](HouseholdFacts& h, const Stmt& s, int64_t) {
         if (auto c = enum_of<Cause>(s.text(1))) {
           h.causes.add(*c);
           if (s.i64(2)) h.main_cause = *c;
         }
       });
  each(scan("poverty_income", n),
       "x.household_id, x.wage_fen, x.business_fen, x.property_fen, x.transfer_fen, "
       "x.business_costs_fen",
       "poverty_income x", " AND x.year = " + std::to_string(f.year), "", false,
       [](HouseholdFacts& h, const Stmt& s, int64_t) {
         h.income = {opt_fen(s, 1), opt_fen(s, 2), opt_fen(s, 3), opt_fen(s, 4), opt_fen(s, 5)};
       });
  each(scan("microcredit_loan", n),
       "x.household_id, x.amount_fen, x.start_date, x.due_date, x.repaid_fen, x.repaid_on",
       "microcredit_loan x", "", "x.id", true, [](HouseholdFacts& h, const Stmt& s, int64_t) {
         Loan l;
         l.amount_fen = s.i64(1);
         l.start = date_of(s.text(2));
         l.due = date_of(s.text(3));
         l.repaid_fen = s.i64(4);
         if (!s.is_null(5)) l.repaid_on = date_of(s.text(5));
         h.benefits.loans.push_back(l);
       });
  // Measures by date, then id: the scan reads them by id and sorts by date.
  const bool measure_scan = scan("assistance_measure", n);
  each(measure_scan, "x.household_id, x.kind, x.on_date, x.amount_fen", "assistance_measure x", "",
       "x.on_date, x.id", true, [](HouseholdFacts& h, const Stmt& s, int64_t) {
         AssistanceMeasure m;
         m.kind = enum_of<MeasureKind>(s.text(1)).value_or(MeasureKind::kOther);
         m.on = date_of(s.text(2));
         m.amount_fen = s.i64(3);
         h.measures.push_back(m);
       });
  if (measure_scan)
    for (auto& h : out)
      if (h.measures.size() > 1)
        std::stable_sort(
            h.measures.begin(), h.measures.end(),
            [](const AssistanceMeasure& a, const AssistanceMeasure& b) { return a.on < b.on; });
  // The latest visit per household: the last by (date, id) wins.
  each(scan("visit", n), "x.household_id, x.visited_on, x.mode, x.food_ok, x.clothing_ok",
       "visit x", "", "x.household_id, x.visited_on, x.id", true,
       [](HouseholdFacts& h, const Stmt& s, int64_t) {
         VisitFacts v;
         v.on = date_of(s.text(1));
         if (h.visit && v.on < h.visit->on) return;
         v.mode = s.text(2) == "phone" ? VisitMode::kPhone : VisitMode::kInPerson;
         v.food_ok = opt_bool(s, 3);
         v.clothing_ok = opt_bool(s, 4);
         h.visit = v;
       });
  each(scan("risk_case", n),
       "x.household_id, x.id, x.category, x.trigger_kind, x.trigger_on, x.person_id, x.kinds, "
       "x.opened_on, "
       "x.deadline, x.closed_on, x.close_method, x.note, x.close_note, x.closed_by",
       "risk_case x", "", "x.id", true,
       [](HouseholdFacts& h, const Stmt& s, int64_t) { h.risks.push_back(read_risk_case(s, 0)); });
  return out;
}

RiskCase read_risk_case(const Stmt& s, int c) {
  RiskCase r;
  r.household_id = s.i64(c);
  r.id = s.i64(c + 1);
  r.category = enum_of<RiskCategory>(s.text(c + 2)).value_or(RiskCategory::kUnstableLifted);
  r.trigger = opt_enum<TriggerKind>(s, c + 3);
  r.trigger_on = date_of(s.text(c + 4));
  r.person_id = s.opt_i64(c + 5);
  const std::string_view kinds = s.text(c + 6);
  for (size_t b = 0; b < kinds.size();) {
    size_t e = kinds.find(',', b);
    if (e == std::string_view::npos) e = kinds.size();
    if (auto k = enum_of<RiskKind>(kinds.substr(b, e - b))) r.kinds.add(*k);
    b = e + 1;
  }
  r.opened_on = date_of(s.text(c + 7));
  r.deadline = date_of(s.text(c + 8));
  if (!s.is_null(c + 9)) r.closed_on = date_of(s.text(c + 9));
  r.close_method = opt_enum<CloseMethod>(s, c + 10);
  r.note = s.text(c + 11);
  r.close_note = s.text(c + 12);
  r.closed_by = s.text(c + 13);
  return r;
}

}  // namespace lz::sqlite
