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
  const std::string set = " FROM household h JOIN poverty_household ph ON ph.household_id = h.id WHERE " + where;

  std::vector<HouseholdFacts> out;
  std::unordered_map<int64_t, size_t> index;
  {
    auto s = db_.prepare(
        "SELECT h.id, h.region_code, ph.status, ph.registered_year, ph.lifted_year, pc.housing_grade, "
        "pc.water_quality, pc.water_quantity, pc.water_convenience, pc.water_reliability, pc.dibao, pc.tekun, "
        "(SELECT p.cadre_id FROM pairing p WHERE p.household_id = h.id AND p.to_date IS NULL AND p.deleted_at IS "
        "NULL) " + set.substr(0, set.find(" WHERE ")) +
        " LEFT JOIN poverty_condition pc ON pc.household_id = h.id WHERE " + where + " ORDER BY h.id");
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
  auto in_set_of = [&](const char* col) { return std::string(" AND ") + col + " IN (SELECT h.id" + set + ")"; };
  const std::string in_set = in_set_of("x.household_id");
  each("SELECT p.household_id, p.id, p.name, p.id_number, p.birth_date, p.sex, p.relationship, p.health, p.labour, "
       "p.enrolment, pm.basic_medical, pm.serious_illness, pm.chronic_card, COALESCE(pm.disability_certificate, ''), "
       "pm.disability_subsidy FROM person p LEFT JOIN poverty_member pm ON pm.person_id = p.id "
       "WHERE p.deleted_at IS NULL" + in_set_of("p.household_id") + " ORDER BY p.household_id, p.id",
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
  each("SELECT x.household_id, x.cause, x.is_main FROM poverty_cause x WHERE 1=1" + in_set,
       [](HouseholdFacts& h, const Stmt& s) {
         if (auto c = parse<Cause>(s.str(1))) {
           h.causes.add(*c);
           if (s.i64(2)) h.main_cause = *c;
         }
       });
  {
    auto s = db_.prepare(
        "SELECT x.household_id, x.wage_fen, x.business_fen, x.property_fen, x.transfer_fen, x.business_costs_fen "
        "FROM poverty_income x WHERE x.year = ?" + in_set);
    s.bind(1, static_cast<int64_t>(f.year));
    bind(s, 2);
    while (s.step()) {
      auto it = index.find(s.i64(0));
      if (it == index.end()) continue;
      auto& h = out[it->second];
      h.income = {opt_fen(s, 1), opt_fen(s, 2), opt_fen(s, 3), opt_fen(s, 4), opt_fen(s, 5)};
    }
  }
  each("SELECT x.household_id, x.amount_fen, x.start_date, x.due_date, x.repaid_fen, x.repaid_on FROM "
       "microcredit_loan x WHERE 1=1" + in_set + " ORDER BY x.id",
       [](HouseholdFacts& h, const Stmt& s) {
         Loan l;
         l.amount_fen = s.i64(1);
         l.start = date_of(s.str(2));
         l.due = date_of(s.str(3));
         l.repaid_fen = s.i64(4);
         if (!s.is_null(5)) l.repaid_on = date_of(s.str(5));
         h.benefits.loans.push_back(l);
       });
  each("SELECT x.household_id, x.kind, x.on_date, x.amount_fen FROM assistance_measure x WHERE 1=1" + in_set +
           " ORDER BY x.on_date, x.id",
       [](HouseholdFacts& h, const Stmt& s) {
         AssistanceMeasure m;
         m.kind = parse<MeasureKind>(s.str(1)).value_or(MeasureKind::kOther);
         m.on = date_of(s.str(2));
         m.amount_fen = s.i64(3);
         h.measures.push_back(m);
       });
  // The latest visit per household (ordered so the last row wins).
  each("SELECT x.household_id, x.visited_on, x.mode, x.food_ok, x.clothing_ok FROM visit x WHERE 1=1" + in_set +
           " ORDER BY x.household_id, x.visited_on, x.id",
       [](HouseholdFacts& h, const Stmt& s) {
         VisitFacts v;
         v.on = date_of(s.str(1));
         v.mode = s.str(2) == "phone" ? VisitMode::kPhone : VisitMode::kInPerson;
         v.food_ok = opt_bool(s, 3);
         v.clothing_ok = opt_bool(s, 4);
         h.visit = v;
       });
  each("SELECT x.household_id, x.id, x.category, x.trigger_kind, x.trigger_on, x.person_id, x.kinds, x.opened_on, "
       "x.deadline, x.closed_on, x.close_method, x.note, x.close_note, x.closed_by FROM risk_case x WHERE 1=1" +
           in_set + " ORDER BY x.id",
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
