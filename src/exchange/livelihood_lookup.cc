#include "exchange/livelihood_lookup.h"

namespace lz::exchange {

namespace {
constexpr const char* kHouseholdSql =
    "SELECT h.id, h.number, h.region_code, COALESCE(p.name, ''), COALESCE(p.id_number, '') "
    "FROM household h LEFT JOIN person p ON p.id = h.head_person_id "
    "WHERE h.deleted_at IS NULL AND ";

std::optional<HouseholdRef> read(sqlite::Stmt& s) {
  if (!s.step()) return std::nullopt;
  return HouseholdRef{s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4)};
}
}  // namespace

Result<std::optional<HouseholdRef>> LivelihoodLookup::household_by_number(
    const std::string& number) {
  auto s = db_.prepare(std::string(kHouseholdSql) + "h.number = ?");
  s.bind(1, number);
  return read(s);
}

Result<std::optional<HouseholdRef>> LivelihoodLookup::household_by_id(int64_t id) {
  auto s = db_.prepare(std::string(kHouseholdSql) + "h.id = ?");
  s.bind(1, id);
  return read(s);
}

Result<std::optional<LivelihoodLookup::RegisterStatus>> LivelihoodLookup::register_status(
    int64_t household_id) {
  auto s = db_.prepare(
      "SELECT status, registered_year, lifted_year FROM poverty_household WHERE household_id = ?");
  s.bind(1, household_id);
  if (!s.step()) return std::optional<RegisterStatus>();
  RegisterStatus out{s.str(0), {}, {}};
  if (!s.is_null(1)) out.registered_year = static_cast<int>(s.i64(1));
  if (!s.is_null(2)) out.lifted_year = static_cast<int>(s.i64(2));
  return std::optional<RegisterStatus>(std::move(out));
}

Result<std::vector<RegisterEntry>> LivelihoodLookup::register_page(const std::string& prefix,
                                                                   const std::string& after,
                                                                   int64_t limit) {
  auto s = db_.prepare(
      "SELECT h.id, h.number, h.region_code, COALESCE(p.name, ''), COALESCE(p.id_number, ''), "
      "ph.status, ph.registered_year, ph.lifted_year "
      "FROM poverty_household ph JOIN household h ON h.id = ph.household_id "
      "LEFT JOIN person p ON p.id = h.head_person_id "
      "WHERE h.deleted_at IS NULL AND h.region_code >= ? AND h.region_code < ? AND h.number > ? "
      "ORDER BY h.number LIMIT ?");
  s.bind(1, prefix);
  s.bind(2, prefix + "\x7f");
  s.bind(3, after);
  s.bind(4, limit);
  std::vector<RegisterEntry> out;
  while (s.step()) {
    RegisterEntry e{{s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4)}, s.str(5), {}, {}};
    if (!s.is_null(6)) e.registered_year = static_cast<int>(s.i64(6));
    if (!s.is_null(7)) e.lifted_year = static_cast<int>(s.i64(7));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<int64_t>> LivelihoodLookup::same_purchase(const livelihood::Purchase& p,
                                                               int64_t max_id) {
  auto s = db_.prepare(
      "SELECT id FROM produce_purchase WHERE household_id = ? AND on_date = ? AND point_id = ? "
      "AND kind = ? AND grams = ? AND fen_per_jin = ? AND note = ? AND id <= ? LIMIT 1");
  s.bind(1, p.household_id);
  s.bind(2, p.on.iso());
  s.bind(3, p.point_id.value_or(0));
  s.bind(4, p.kind);
  s.bind(5, p.grams);
  s.bind(6, p.fen_per_jin);
  s.bind(7, p.note);
  s.bind(8, max_id);
  if (!s.step()) return std::optional<int64_t>();
  return std::optional<int64_t>(s.i64(0));
}

Result<int64_t> LivelihoodLookup::last_purchase_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM produce_purchase");
  s.step();
  return s.i64(0);
}

Result<std::optional<int64_t>> LivelihoodLookup::same_listing(const livelihood::Listing& l,
                                                              int64_t max_id) {
  auto s = db_.prepare(
      "SELECT id FROM produce_listing WHERE household_id = ? AND kind = ? AND grams = ? AND "
      "listed_on = ? AND sell_by = ? AND id <= ? LIMIT 1");
  s.bind(1, l.household_id);
  s.bind(2, l.kind);
  s.bind(3, l.grams);
  s.bind(4, l.listed_on.iso());
  s.bind(5, l.sell_by.iso());
  s.bind(6, max_id);
  if (!s.step()) return std::optional<int64_t>();
  return std::optional<int64_t>(s.i64(0));
}

Result<int64_t> LivelihoodLookup::last_listing_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM produce_listing");
  s.step();
  return s.i64(0);
}

Result<std::optional<int64_t>> LivelihoodLookup::cooperative_named(const std::string& name,
                                                                   const std::string& region_code) {
  auto s = db_.prepare("SELECT id FROM cooperative WHERE name = ? AND region_code = ? LIMIT 1");
  s.bind(1, name);
  s.bind(2, region_code);
  if (!s.step()) return std::optional<int64_t>();
  return std::optional<int64_t>(s.i64(0));
}

}  // namespace lz::exchange
