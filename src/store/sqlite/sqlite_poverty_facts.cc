// Loading poverty::HouseholdFacts from SQLite: one scan per table, merged
// by household id in memory, so a county (or a province-sized register)
// loads in a handful of queries rather than one per household.
#include <fmt/format.h>

#include <unordered_map>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::sqlite {

using namespace lz::poverty;

namespace {

std::optional<bool> opt_bool(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.i64(col) != 0;
}
std::optional<int64_t> opt_fen(const Stmt& s, int col) { return s.opt_i64(col); }
Date date_of(const std::string& s) { return Date::parse_iso(s).value_or(Date()); }

template <typename E>
std::optional<E> opt_enum(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return parse<E>(s.str(col));
}

}  // namespace

Result<std::vector<HouseholdFacts>> SqlitePovertyStore::load_facts(const FactsFilter& f) {
  // The household set, as SQL over alias h (household).
  std::string where = "h.deleted_at IS NULL";
  std::vector<std::string> args;
  if (f.household_id) {
    where += " AND h.id = ?";
    args.push_back(std::to_string(*f.household_id));
  }
  if (!f.region_prefix.empty()) {
    where += " AND h.region_code >= ? AND h.region_code < ?";
    args.push_back(f.region_prefix);
    args.push_back(prefix_end(f.region_prefix));
  }
  if (!f.include_marginal) where += " AND ph.status IN ('registered_poor','lifted')";
  auto bind = [&](Stmt& s, int first = 1) {
    int i = first;
    for (const auto& a : args) s.bind(i++, a);
    return i;
  };
  // Drive every query from the (small) register, then reach rows by
  // household id through the indexes: CROSS JOIN fixes that order in SQLite
  // and is a plain inner join with the WHERE conditions in PostgreSQL.
  where += " AND h.id = ph.household_id";
  const std::string set_from = " FROM poverty_household ph CROSS JOIN household h";
  const std::string set = set_from + " WHERE " + where;

  std::vector<HouseholdFacts> out;
  std::unordered_map<int64_t, size_t> index;
  {
    auto s = db_.prepare(
        "SELECT h.id, h.region_code, ph.status, ph.registered_year, ph.lifted_year, pc.housing_grade, "
        "pc.water_quality, pc.water_quantity, pc.water_convenience, pc.water_reliability, pc.dibao, pc.tekun, "
        "(SELECT p.cadre_id FROM pairing p WHERE p.household_id = h.id AND p.to_date IS NULL AND p.deleted_at IS "
        "NULL) " + set_from + " LEFT JOIN poverty_condition pc ON pc.household_id = h.id WHERE " + where +
        " ORDER BY h.id");
    bind(s);
    while (s.step()) {
      HouseholdFacts h;
      h.household_id = s.i64(0);
      h.region_code = s.str(1);
      h.status = parse<HouseholdStatus>(s.str(2)).value_or(HouseholdStatus::kRegisteredPoor);
      if (!s.is_null(3)) h.registered_year = static_cast<int>(s.i64(3));
      if (!s.is_null(4)) h.lifted_year = static_cast<int>(s.i64(4));
      if (!s.is_null(5) && !s.str(5).empty()) h.housing_grade = s.str(5)[0];
      h.water = {opt_bool(s, 6), opt_bool(s, 7), opt_bool(s, 8), opt_bool(s, 9)};
      h.benefits.dibao = opt_bool(s, 10);
      h.benefits.tekun = opt_bool(s, 11);
      h.cadre_id = s.opt_i64(12);
      index.emplace(h.household_id, out.size());
      out.push_back(std::move(h));
    }
  }
  if (out.empty()) return out;
  auto each = [&](const std::string& sql, auto&& fn) {
    auto s = db_.prepare(sql);
    bind(s);
    while (s.step()) {
      auto it = index.find(s.i64(0));
      if (it != index.end()) fn(out[it->second], s);
    }
  };
  // Child rows: "FROM <register> CROSS JOIN <table> x WHERE <set> AND x.household_id = h.id".
  auto child = [&](const std::string& cols, const std::string& table, const std::string& extra,
                   const std::string& order) {
    return "SELECT " + cols + set_from + " CROSS JOIN " + table + " WHERE " + where + " AND x.household_id = h.id" +
           extra + (order.empty() ? "" : " ORDER BY " + order);
  };
  each(child("x.household_id, x.id, x.name, x.id_number, x.birth_date, x.sex, x.relationship, x.health, x.labour, "
             "x.enrolment, pm.basic_medical, pm.serious_illness, pm.chronic_card, "
             "COALESCE(pm.disability_certificate, ''), pm.disability_subsidy",
             "person x LEFT JOIN poverty_member pm ON pm.person_id = x.id", " AND x.deleted_at IS NULL",
             "x.household_id, x.id"),
       [](HouseholdFacts& h, const Stmt& s) {
         MemberFacts m;
         m.person_id = s.i64(1);
         m.name = s.str(2);
         m.id_number = s.str(3);
         m.birth_date = date_of(s.str(4));
         m.sex = s.str(5) == "female" ? Sex::kFemale : Sex::kMale;
         m.relationship = s.str(6);
         m.health = parse<Health>(s.str(7));
         m.labour = parse<Labour>(s.str(8));
         m.enrolment = parse<Enrolment>(s.str(9));
         m.basic_medical = opt_bool(s, 10);
         m.serious_illness = opt_bool(s, 11);
         m.chronic_card = opt_bool(s, 12);
         m.disability_certificate = s.str(13);
         m.disability_subsidy = opt_bool(s, 14);
         h.members.push_back(std::move(m));
       });
  each(child("x.household_id, x.cause, x.is_main", "poverty_cause x", "", ""),
       [](HouseholdFacts& h, const Stmt& s) {
         if (auto c = parse<Cause>(s.str(1))) {
           h.causes.add(*c);
           if (s.i64(2)) h.main_cause = *c;
         }
       });
  {
    auto s = db_.prepare(child("x.household_id, x.wage_fen, x.business_fen, x.property_fen, x.transfer_fen, "
                               "x.business_costs_fen",
                               "poverty_income x", " AND x.year = " + std::to_string(f.year), ""));
    bind(s);
    while (s.step()) {
      auto it = index.find(s.i64(0));
      if (it == index.end()) continue;
      auto& h = out[it->second];
      h.income = {opt_fen(s, 1), opt_fen(s, 2), opt_fen(s, 3), opt_fen(s, 4), opt_fen(s, 5)};
    }
  }
  each(child("x.household_id, x.amount_fen, x.start_date, x.due_date, x.repaid_fen, x.repaid_on",
             "microcredit_loan x", "", "x.id"),
       [](HouseholdFacts& h, const Stmt& s) {
         Loan l;
         l.amount_fen = s.i64(1);
         l.start = date_of(s.str(2));
         l.due = date_of(s.str(3));
         l.repaid_fen = s.i64(4);
         if (!s.is_null(5)) l.repaid_on = date_of(s.str(5));
         h.benefits.loans.push_back(l);
       });
  each(child("x.household_id, x.kind, x.on_date, x.amount_fen", "assistance_measure x", "", "x.on_date, x.id"),
       [](HouseholdFacts& h, const Stmt& s) {
         AssistanceMeasure m;
         m.kind = parse<MeasureKind>(s.str(1)).value_or(MeasureKind::kOther);
         m.on = date_of(s.str(2));
         m.amount_fen = s.i64(3);
         h.measures.push_back(m);
       });
  // The latest visit per household (ordered so the last row wins).
  each(child("x.household_id, x.visited_on, x.mode, x.food_ok, x.clothing_ok", "visit x", "",
             "x.household_id, x.visited_on, x.id"),
       [](HouseholdFacts& h, const Stmt& s) {
         VisitFacts v;
         v.on = date_of(s.str(1));
         v.mode = s.str(2) == "phone" ? VisitMode::kPhone : VisitMode::kInPerson;
         v.food_ok = opt_bool(s, 3);
         v.clothing_ok = opt_bool(s, 4);
         h.visit = v;
       });
  each(child("x.household_id, x.id, x.category, x.trigger_kind, x.trigger_on, x.person_id, x.kinds, x.opened_on, "
             "x.deadline, x.closed_on, x.close_method, x.note, x.close_note, x.closed_by",
             "risk_case x", "", "x.id"),
       [](HouseholdFacts& h, const Stmt& s) { h.risks.push_back(read_risk_case(s, 0)); });
  return out;
}

RiskCase read_risk_case(const Stmt& s, int c) {
  RiskCase r;
  r.household_id = s.i64(c);
  r.id = s.i64(c + 1);
  r.category = parse<RiskCategory>(s.str(c + 2)).value_or(RiskCategory::kUnstableLifted);
  r.trigger = opt_enum<TriggerKind>(s, c + 3);
  r.trigger_on = date_of(s.str(c + 4));
  r.person_id = s.opt_i64(c + 5);
  std::string kinds = s.str(c + 6);
  for (size_t b = 0; b < kinds.size();) {
    size_t e = kinds.find(',', b);
    if (e == std::string::npos) e = kinds.size();
    if (auto k = parse<RiskKind>(kinds.substr(b, e - b))) r.kinds.add(*k);
    b = e + 1;
  }
  r.opened_on = date_of(s.str(c + 7));
  r.deadline = date_of(s.str(c + 8));
  if (!s.is_null(c + 9)) r.closed_on = date_of(s.str(c + 9));
  r.close_method = opt_enum<CloseMethod>(s, c + 10);
  r.note = s.str(c + 11);
  r.close_note = s.str(c + 12);
  r.closed_by = s.str(c + 13);
  return r;
}

}  // namespace lz::sqlite
