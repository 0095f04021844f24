// SqliteProduceStore: listings, purchase points and prices, backstop buyers,
// purchases and the income credit; the produce part of the bulletin.
#include "store/sqlite/sqlite_produce.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "livelihood/produce_json.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/versioned.h"

namespace lz::sqlite {

using namespace lz::livelihood;
using nlohmann::json;

namespace {

Date date_of(const std::string& s) {
  return Date::parse_iso(s).value_or(Date());
}

const char* kListingCols =
    "id, household_id, region_code, kind, grams, remaining_grams, expected_fen_per_jin, listed_on, "
    "sell_by, status, "
    "closed_on, note, version";

Listing read_listing(const Stmt& s, int at = 0) {
  Listing l;
  l.id = s.i64(at + 0);
  l.household_id = s.i64(at + 1);
  l.region_code = s.str(at + 2);
  l.kind = s.str(at + 3);
  l.grams = s.i64(at + 4);
  l.remaining_grams = s.i64(at + 5);
  l.expected_fen_per_jin = s.opt_i64(at + 6);
  l.listed_on = date_of(s.str(at + 7));
  l.sell_by = date_of(s.str(at + 8));
  l.status = parse_listing_status(s.str(at + 9)).value_or(ListingStatus::kOpen);
  if (auto c = s.opt_str(at + 10)) l.closed_on = Date::parse_iso(*c);
  l.note = s.str(at + 11);
  l.version = s.i64(at + 12);
  return l;
}

const char* kPointCols =
    "id, name, place, region_code, operator_name, phone, capacity_grams, checkpoint_id, active, "
    "version";

PurchasePoint read_point(const Stmt& s) {
  PurchasePoint p;
  p.id = s.i64(0);
  p.name = s.str(1);
  p.place = s.str(2);
  p.region_code = s.str(3);
  p.operator_name = s.str(4);
  p.phone = s.str(5);
  p.capacity_grams = s.i64(6);
  p.checkpoint_id = s.opt_i64(7);
  p.active = s.i64(8) != 0;
  p.version = s.i64(9);
  return p;
}

const char* kBuyerCols =
    "id, name, unit, region_code, capacity_grams, floor_prices, active, version";

BackstopBuyer read_buyer(const Stmt& s) {
  BackstopBuyer b;
  b.id = s.i64(0);
  b.name = s.str(1);
  b.unit = s.str(2);
  b.region_code = s.str(3);
  b.capacity_grams = s.i64(4);
  auto floors = json::parse(s.str(5), nullptr, false);
  if (floors.is_object())
    for (auto it = floors.begin(); it != floors.end(); ++it)
      if (it->is_number_integer()) b.floor_fen_per_jin[it.key()] = it->get<int64_t>();
  b.active = s.i64(6) != 0;
  b.version = s.i64(7);
  return b;
}

const char* kPurchaseCols =
    "id, point_id, buyer_id, listing_id, household_id, region_code, kind, grams, fen_per_jin, "
    "amount_fen, on_date, "
    "poor, note, created_by";

Purchase read_purchase(const Stmt& s) {
  Purchase p;
  p.id = s.i64(0);
  p.point_id = s.opt_i64(1);
  p.buyer_id = s.opt_i64(2);
  p.listing_id = s.opt_i64(3);
  p.household_id = s.i64(4);
  p.region_code = s.str(5);
  p.kind = s.str(6);
  p.grams = s.i64(7);
  p.fen_per_jin = s.i64(8);
  p.amount_fen = s.i64(9);
  p.on = date_of(s.str(10));
  p.poor = s.i64(11) != 0;
  p.note = s.str(12);
  p.created_by = s.str(13);
  return p;
}

Error missing(const char* code, const char* field, const char* zh, const char* en, int64_t id) {
  return not_found(code, field, fmt::format("{}{}不存在", zh, id),
                   fmt::format("{} {} does not exist", en, id));
}

}  // namespace

Status SqliteProduceStore::audit(const Actor& actor, const char* action, const char* entity,
                                 int64_t id, const std::string& before, const std::string& after,
                                 const std::string& detail) {
  return audit_record(audit_, actor, action, entity, id, before, after, detail);
}

Result<ProduceHousehold> SqliteProduceStore::household(int64_t id) {
  auto s = db_.prepare(
      "SELECT h.id, h.region_code, COALESCE(ph.status, '') FROM household h LEFT JOIN "
      "poverty_household ph ON "
      "ph.household_id = h.id WHERE h.id = ? AND h.deleted_at IS NULL");
  s.bind(1, id);
  if (!s.step()) return missing("household.not_found", "household_id", "户", "Household", id);
  return ProduceHousehold{s.i64(0), s.str(1), s.str(2)};
}

Result<std::vector<int64_t>> SqliteProduceStore::paired_households(int64_t cadre_id) {
  auto s = db_.prepare(
      "SELECT household_id FROM pairing WHERE cadre_id = ? AND to_date IS NULL AND deleted_at IS "
      "NULL ORDER BY "
      "household_id");
  s.bind(1, cadre_id);
  std::vector<int64_t> out;
  while (s.step()) out.push_back(s.i64(0));
  return out;
}

// ---------------------------------------------------------------- listings

Result<Listing> SqliteProduceStore::add_listing(Listing l, const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  std::string now = now_iso();
  auto s = db_.prepare(
      "INSERT INTO produce_listing (household_id, region_code, kind, grams, remaining_grams, "
      "expected_fen_per_jin, "
      "listed_on, sell_by, status, closed_on, note, version, created_at, created_by, updated_at, "
      "updated_by) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?)");
  s.bind(1, l.household_id)
      .bind(2, l.region_code)
      .bind(3, l.kind)
      .bind(4, l.grams)
      .bind(5, l.remaining_grams)
      .bind(6, l.expected_fen_per_jin)
      .bind(7, l.listed_on.iso())
      .bind(8, l.sell_by.iso())
      .bind(9, id(l.status));
  if (l.closed_on)
    s.bind(10, l.closed_on->iso());
  else
    s.bind_null(10);
  s.bind(11, l.note).bind(12, now).bind(13, actor.name).bind(14, now).bind(15, actor.name);
  LZ_TRY(s.exec());
  l.id = sqlite3_last_insert_rowid(db_.handle());
  l.version = 1;
  LZ_TRY(audit(actor, "produce_listing.create", "produce_listing", l.id, "", to_json(l).dump()));
  LZ_TRY(tx.commit());
  return l;
}

Result<Listing> SqliteProduceStore::listing(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM produce_listing WHERE id = ?", kListingCols));
  s.bind(1, id);
  if (!s.step()) return missing("listing.not_found", "listing_id", "待售信息", "Listing", id);
  return read_listing(s);
}

Result<Listing> SqliteProduceStore::save_listing(const Listing& l, int64_t expected_version,
                                                 const char* action, const Actor& actor,
                                                 bool audited) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = listing(l.id);
  if (!before) return before.error();
  if (before->version != expected_version)
    return conflict(
        "version.stale", "version",
        fmt::format("待售信息{}已被他人修改（当前版本{}），请刷新后重试", l.id, before->version),
        fmt::format("Listing {} was changed by someone else (now version {}); reload and retry",
                    l.id, before->version));
  auto s = db_.prepare(
      "UPDATE produce_listing SET remaining_grams = ?, status = ?, closed_on = ?, note = ?, "
      "version = version + 1, "
      "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?");
  s.bind(1, l.remaining_grams).bind(2, id(l.status));
  if (l.closed_on)
    s.bind(3, l.closed_on->iso());
  else
    s.bind_null(3);
  s.bind(4, l.note).bind(5, now_iso()).bind(6, actor.name).bind(7, l.id).bind(8, expected_version);
  LZ_TRY(s.exec());
  Listing out = l;
  out.version = expected_version + 1;
  if (audited)
    LZ_TRY(audit(actor, action, "produce_listing", l.id, to_json(*before).dump(),
                 to_json(out).dump()));
  LZ_TRY(tx.commit());
  return out;
}

Result<ListResult<Listing>> SqliteProduceStore::listings(const ListingFilter& f) {
  std::string where = " WHERE 1=1";
  std::vector<std::string> args;
  if (!f.region_prefix.empty()) {
    where += " AND region_code >= ? AND region_code < ?";
    args.push_back(f.region_prefix);
    args.push_back(prefix_end(f.region_prefix));
  }
  if (f.status) {
    where += " AND status = ?";
    args.push_back(id(*f.status));
  }
  if (!f.kind.empty()) {
    where += " AND kind = ?";
    args.push_back(f.kind);
  }
  if (f.household_id) where += fmt::format(" AND household_id = {}", *f.household_id);
  if (f.households_only) {
    if (f.household_ids.empty()) return ListResult<Listing>{};
    where += " AND household_id IN (";
    for (size_t i = 0; i < f.household_ids.size(); ++i)
      where += (i ? "," : "") + std::to_string(f.household_ids[i]);
    where += ")";
  }
  ListResult<Listing> out;
  {
    auto c = db_.prepare("SELECT COUNT(*) FROM produce_listing" + where);
    for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
    if (c.step()) out.total = c.i64(0);
  }
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM produce_listing{} ORDER BY sell_by, id LIMIT ? OFFSET ?",
                  kListingCols, where));
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, f.limit);
  s.bind(i + 1, f.offset);
  while (s.step()) out.items.push_back(read_listing(s));
  return out;
}

Result<std::vector<std::pair<Listing, std::string>>> SqliteProduceStore::open_listings(
    const std::string& prefix) {
  auto s =
      db_.prepare(fmt::format("SELECT {}, COALESCE((SELECT ph.status FROM poverty_household ph "
                              "WHERE ph.household_id = l.household_id), '') "
                              "FROM produce_listing l WHERE l.status = 'open' AND "
                              "l.remaining_grams > 0 AND l.region_code >= ? AND "
                              "l.region_code < ? ORDER BY l.id",
                              kListingCols));
  s.bind(1, prefix).bind(2, prefix_end(prefix));
  std::vector<std::pair<Listing, std::string>> out;
  while (s.step()) out.emplace_back(read_listing(s), s.str(13));
  return out;
}

// ---------------------------------------------------------------- sellers

Result<std::vector<Seller>> SqliteProduceStore::sellers(const std::string& prefix,
                                                        const std::string& q, int64_t limit) {
  bool digits = !q.empty() && q.find_first_not_of("0123456789") == std::string::npos;
  bool id_number = q.size() == 18 && q.find_first_not_of("0123456789Xx") == std::string::npos;
  std::string match = id_number ? "EXISTS (SELECT 1 FROM person m WHERE m.household_id = h.id AND "
                                  "m.deleted_at IS NULL AND upper(m.id_number) = upper(?3))"
                      : digits  ? "instr(h.number, ?3) > 0"
                                : "instr(COALESCE(hp.name, ''), ?3) > 0";
  auto s = db_.prepare(
      "SELECT h.id, h.number, h.region_code, COALESCE(hp.name, ''), COALESCE(hp.id_number, ''), "
      "COALESCE(hp.phone, '') FROM household h LEFT JOIN person hp ON hp.id = h.head_person_id "
      "WHERE h.id IN (SELECT l.household_id FROM produce_listing l WHERE l.region_code >= ?1 AND "
      "l.region_code < ?2 AND l.status = 'open' AND l.remaining_grams > 0) AND h.deleted_at IS "
      "NULL AND " +
      match + " ORDER BY h.number LIMIT ?4");
  s.bind(1, prefix).bind(2, prefix_end(prefix)).bind(3, q).bind(4, limit);
  std::vector<Seller> out;
  while (s.step()) out.push_back({s.i64(0), s.str(1), s.str(2), s.str(3), s.str(4), s.str(5)});
  return out;
}

// ---------------------------------------------------------------- points

Result<PurchasePoint> SqliteProduceStore::add_point(PurchasePoint p, const Actor& actor) {
  auto id = insert_audited(
      db_, audit_, actor, "purchase_point.create", "purchase_point",
      "INSERT INTO purchase_point (name, place, region_code, operator_name, phone, capacity_grams, "
      "checkpoint_id, active, version, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,1,?,?)",
      [&](Stmt& s) {
        s.bind(1, p.name).bind(2, p.place).bind(3, p.region_code).bind(4, p.operator_name);
        s.bind(5, p.phone).bind(6, p.capacity_grams).bind(7, p.checkpoint_id);
        s.bind(8, p.active ? 1 : 0).bind(9, now_iso()).bind(10, actor.name);
      },
      [&](int64_t id) {
        PurchasePoint saved = p;
        saved.id = id;
        saved.version = 1;
        return to_json(saved).dump();
      });
  if (!id) return id.error();
  p.id = *id;
  p.version = 1;
  return p;
}

Result<PurchasePoint> SqliteProduceStore::point(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM purchase_point WHERE id = ?", kPointCols));
  s.bind(1, id);
  if (!s.step())
    return missing("purchase_point.not_found", "point_id", "收购点", "Purchase point", id);
  return read_point(s);
}

Result<PurchasePoint> SqliteProduceStore::update_point(const PurchasePoint& p,
                                                       int64_t expected_version,
                                                       const Actor& actor) {
  return versioned_edit<PurchasePoint>(
      db_, audit_, actor, {"purchase_point", "purchase_point.update", "收购点", "purchase point"},
      p.id, expected_version, [&](int64_t id) { return point(id); },
      [&](const PurchasePoint&) -> Status {
        auto s = db_.prepare(
            "UPDATE purchase_point SET name=?, place=?, region_code=?, operator_name=?, phone=?, "
            "capacity_grams=?, checkpoint_id=?, active=?, version=version+1 WHERE id=?");
        s.bind(1, p.name).bind(2, p.place).bind(3, p.region_code).bind(4, p.operator_name);
        s.bind(5, p.phone).bind(6, p.capacity_grams).bind(7, p.checkpoint_id);
        s.bind(8, p.active ? 1 : 0).bind(9, p.id);
        return s.exec();
      },
      [](const PurchasePoint& x) { return to_json(x); });
}

Result<std::vector<PurchasePoint>> SqliteProduceStore::points(const std::string& prefix) {
  auto s = db_.prepare(fmt::format(
      "SELECT {} FROM purchase_point WHERE region_code >= ? AND region_code < ? ORDER BY id",
      kPointCols));
  s.bind(1, prefix).bind(2, prefix_end(prefix));
  std::vector<PurchasePoint> out;
  while (s.step()) out.push_back(read_point(s));
  return out;
}

Status SqliteProduceStore::set_prices(int64_t point_id, Date on, const std::vector<Price>& prices,
                                      const Actor& actor) {
  Tx tx(db_);
  LZ_TRY(tx.begin_status());
  auto before = this->prices(point_id, on);
  if (!before) return before.error();
  auto del = db_.prepare("DELETE FROM purchase_price WHERE point_id = ? AND on_date = ?");
  del.bind(1, point_id).bind(2, on.iso());
  LZ_TRY(del.exec());
  auto ins = db_.prepare(
      "INSERT INTO purchase_price (point_id, on_date, kind, fen_per_jin) VALUES (?,?,?,?)");
  for (const auto& p : prices) {
    ins.bind(1, point_id).bind(2, on.iso()).bind(3, p.kind).bind(4, p.fen_per_jin);
    LZ_TRY(ins.exec());
    ins.reset();
  }
  LZ_TRY(audit(actor, "purchase_point.prices", "purchase_point", point_id, to_json(*before).dump(),
               to_json(prices).dump(), on.iso()));
  return tx.commit();
}

Result<std::vector<Price>> SqliteProduceStore::prices(int64_t point_id, Date on) {
  auto s = db_.prepare(
      "SELECT kind, fen_per_jin FROM purchase_price WHERE point_id = ? AND on_date = ? ORDER BY "
      "kind");
  s.bind(1, point_id).bind(2, on.iso());
  std::vector<Price> out;
  while (s.step()) out.push_back({s.str(0), s.i64(1)});
  return out;
}

Result<std::optional<int64_t>> SqliteProduceStore::price(int64_t point_id, Date on,
                                                         const std::string& kind) {
  auto s = db_.prepare(
      "SELECT fen_per_jin FROM purchase_price WHERE point_id = ? AND on_date = ? AND kind = ?");
  s.bind(1, point_id).bind(2, on.iso()).bind(3, kind);
  if (!s.step()) return std::optional<int64_t>();
  return std::optional<int64_t>(s.i64(0));
}

Result<int64_t> SqliteProduceStore::bought_at_point(int64_t point_id, Date on) {
  // One row kept by triggers (migration 018), not a sum over the day's purchases.
  auto s = db_.prepare(
      "SELECT COALESCE(SUM(grams), 0) FROM purchase_day_total "
      "WHERE owner = 'point' AND owner_id = ? AND on_date = ?");
  s.bind(1, point_id).bind(2, on.iso());
  s.step();
  return s.i64(0);
}

// ---------------------------------------------------------------- buyers

Result<BackstopBuyer> SqliteProduceStore::add_buyer(BackstopBuyer b, const Actor& actor) {
  json floors = json::object();
  for (const auto& [k, fen] : b.floor_fen_per_jin) floors[k] = fen;
  auto id = insert_audited(
      db_, audit_, actor, "backstop_buyer.create", "backstop_buyer",
      "INSERT INTO backstop_buyer (name, unit, region_code, capacity_grams, floor_prices, active, "
      "version, created_at, created_by) VALUES (?,?,?,?,?,?,1,?,?)",
      [&](Stmt& s) {
        s.bind(1, b.name).bind(2, b.unit).bind(3, b.region_code).bind(4, b.capacity_grams);
        s.bind(5, floors.dump()).bind(6, b.active ? 1 : 0).bind(7, now_iso()).bind(8, actor.name);
      },
      [&](int64_t id) {
        BackstopBuyer saved = b;
        saved.id = id;
        saved.version = 1;
        return to_json(saved).dump();
      });
  if (!id) return id.error();
  b.id = *id;
  b.version = 1;
  return b;
}

Result<BackstopBuyer> SqliteProduceStore::buyer(int64_t id) {
  auto s = db_.prepare(fmt::format("SELECT {} FROM backstop_buyer WHERE id = ?", kBuyerCols));
  s.bind(1, id);
  if (!s.step()) return missing("backstop.not_found", "buyer_id", "兜底单位", "Backstop buyer", id);
  return read_buyer(s);
}

Result<BackstopBuyer> SqliteProduceStore::update_buyer(const BackstopBuyer& b,
                                                       int64_t expected_version,
                                                       const Actor& actor) {
  return versioned_edit<BackstopBuyer>(
      db_, audit_, actor,
      {"backstop_buyer", "backstop_buyer.update", "兜底收购单位", "backstop buyer"}, b.id,
      expected_version, [&](int64_t id) { return buyer(id); },
      [&](const BackstopBuyer&) -> Status {
        json floors = json::object();
        for (const auto& [k, fen] : b.floor_fen_per_jin) floors[k] = fen;
        auto s = db_.prepare(
            "UPDATE backstop_buyer SET name=?, unit=?, region_code=?, capacity_grams=?, "
            "floor_prices=?, active=?, version=version+1 WHERE id=?");
        s.bind(1, b.name).bind(2, b.unit).bind(3, b.region_code).bind(4, b.capacity_grams);
        s.bind(5, floors.dump()).bind(6, b.active ? 1 : 0).bind(7, b.id);
        return s.exec();
      },
      [](const BackstopBuyer& x) { return to_json(x); });
}

Result<std::vector<BackstopBuyer>> SqliteProduceStore::buyers(const std::string& prefix) {
  // Its prefix contains the region (a county-wide canteen) or lies in it.
  auto s =
      db_.prepare(fmt::format("SELECT {} FROM backstop_buyer WHERE substr(?1, 1, "
                              "length(region_code)) = region_code OR (region_code >= ?1 "
                              "AND region_code < ?2) ORDER BY id",
                              kBuyerCols));
  s.bind(1, prefix).bind(2, prefix_end(prefix));
  std::vector<BackstopBuyer> out;
  while (s.step()) out.push_back(read_buyer(s));
  return out;
}

Result<int64_t> SqliteProduceStore::bought_by_buyer(int64_t buyer_id, Date on) {
  auto s = db_.prepare(
      "SELECT COALESCE(SUM(grams), 0) FROM purchase_day_total "
      "WHERE owner = 'buyer' AND owner_id = ? AND on_date = ?");
  s.bind(1, buyer_id).bind(2, on.iso());
  s.step();
  return s.i64(0);
}

// ---------------------------------------------------------------- purchases

Result<Purchase> SqliteProduceStore::insert_purchase(Purchase p, const Actor& actor) {
  auto s = db_.prepare(
      "INSERT INTO produce_purchase (point_id, buyer_id, listing_id, household_id, region_code, "
      "kind, grams, "
      "fen_per_jin, amount_fen, on_date, poor, note, created_at, created_by) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, p.point_id)
      .bind(2, p.buyer_id)
      .bind(3, p.listing_id)
      .bind(4, p.household_id)
      .bind(5, p.region_code)
      .bind(6, p.kind)
      .bind(7, p.grams)
      .bind(8, p.fen_per_jin)
      .bind(9, p.amount_fen)
      .bind(10, p.on.iso())
      .bind(11, p.poor ? 1 : 0)
      .bind(12, p.note)
      .bind(13, now_iso())
      .bind(14, actor.name);
  LZ_TRY(s.exec());
  p.id = sqlite3_last_insert_rowid(db_.handle());
  p.created_by = actor.name;
  return p;
}

Result<ListResult<Purchase>> SqliteProduceStore::purchases(const PurchaseFilter& f) {
  std::string where = " WHERE 1=1";
  std::vector<std::string> args;
  if (!f.region_prefix.empty()) {
    where += " AND region_code >= ? AND region_code < ?";
    args.push_back(f.region_prefix);
    args.push_back(prefix_end(f.region_prefix));
  }
  if (f.point_id) where += fmt::format(" AND point_id = {}", *f.point_id);
  if (f.buyer_id) where += fmt::format(" AND buyer_id = {}", *f.buyer_id);
  if (f.household_id) where += fmt::format(" AND household_id = {}", *f.household_id);
  if (f.listing_id) where += fmt::format(" AND listing_id = {}", *f.listing_id);
  if (f.from) {
    where += " AND on_date >= ?";
    args.push_back(f.from->iso());
  }
  if (f.to) {
    where += " AND on_date <= ?";
    args.push_back(f.to->iso());
  }
  ListResult<Purchase> out;
  {
    auto c = db_.prepare("SELECT COUNT(*) FROM produce_purchase" + where);
    for (size_t i = 0; i < args.size(); ++i) c.bind(static_cast<int>(i + 1), args[i]);
    if (c.step()) out.total = c.i64(0);
  }
  auto s = db_.prepare(fmt::format(
      "SELECT {} FROM produce_purchase{} ORDER BY id DESC LIMIT ? OFFSET ?", kPurchaseCols, where));
  int i = 1;
  for (const auto& a : args) s.bind(i++, a);
  s.bind(i, f.limit);
  s.bind(i + 1, f.offset);
  while (s.step()) out.items.push_back(read_purchase(s));
  return out;
}

Result<std::pair<std::optional<int64_t>, int64_t>> SqliteProduceStore::credit_business_income(
    int64_t household_id, int year, int64_t amount_fen, const Actor& actor) {
  std::optional<int64_t> before;
  {
    auto s =
        db_.prepare("SELECT business_fen FROM poverty_income WHERE household_id = ? AND year = ?");
    s.bind(1, household_id).bind(2, year);
    if (s.step()) before = s.opt_i64(0);
  }
  auto s = db_.prepare(
      "INSERT INTO poverty_income (household_id, year, business_fen, version, updated_at, "
      "updated_by) VALUES "
      "(?,?,?,1,?,?) ON CONFLICT (household_id, year) DO UPDATE SET business_fen = "
      "COALESCE(business_fen, 0) + ?, "
      "version = version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  s.bind(1, household_id)
      .bind(2, year)
      .bind(3, amount_fen)
      .bind(4, now_iso())
      .bind(5, actor.name)
      .bind(6, amount_fen);
  LZ_TRY(s.exec());
  return std::pair{before, before.value_or(0) + amount_fen};
}

// ---------------------------------------------------------------- views

// What a listing still held at the end of day d: its quantity less what was
// bought from it on or before d; listed on or before d and not withdrawn by
// then.
static const char* kUnsoldOn =
    "l.grams - COALESCE((SELECT SUM(p.grams) FROM produce_purchase p WHERE p.listing_id = l.id AND "
    "p.on_date <= ?1), "
    "0)";

Result<std::vector<TownshipUnsold>> SqliteProduceStore::unsold_by_township(
    const std::string& prefix, Date d) {
  auto s =
      db_.prepare(fmt::format("SELECT substr(l.region_code, 1, 9), l.kind, l.sell_by, {} AS left "
                              "FROM produce_listing l WHERE l.region_code "
                              ">= ?2 AND l.region_code < ?3 AND l.listed_on <= ?1 AND NOT "
                              "(l.status = 'withdrawn' AND l.closed_on <= ?1) "
                              "AND NOT (l.status = 'sold' AND l.closed_on <= ?1) ORDER BY 1",
                              kUnsoldOn));
  s.bind(1, d.iso()).bind(2, prefix).bind(3, prefix_end(prefix));
  std::vector<TownshipUnsold> out;
  while (s.step()) {
    int64_t left = s.i64(3);
    if (left <= 0) continue;
    std::string town = s.str(0);
    if (out.empty() || out.back().township_code != town) out.push_back({town});
    auto& t = out.back();
    ++t.listings;
    t.grams += left;
    t.grams_by_kind[s.str(1)] += left;
    if (date_of(s.str(2)) < d) {
      ++t.past_sell_by_listings;
      t.past_sell_by_grams += left;
    }
  }
  return out;
}

Result<std::vector<PublicOffer>> SqliteProduceStore::public_offers(const std::string& township,
                                                                   Date d) {
  auto s = db_.prepare(
      "SELECT substr(region_code, 1, 12), kind, SUM(remaining_grams), COUNT(*), "
      "MIN(expected_fen_per_jin), "
      "MAX(expected_fen_per_jin), MIN(sell_by) FROM produce_listing WHERE region_code >= ? AND "
      "region_code < ? AND "
      "status = 'open' AND remaining_grams > 0 AND listed_on <= ? AND sell_by >= ? GROUP BY 1, 2 "
      "ORDER BY 1, 2");
  s.bind(1, township).bind(2, prefix_end(township)).bind(3, d.iso()).bind(4, d.iso());
  std::vector<PublicOffer> out;
  while (s.step())
    out.push_back(
        {s.str(0), s.str(1), s.i64(2), s.i64(3), s.opt_i64(4), s.opt_i64(5), date_of(s.str(6))});
  return out;
}

// ---------------------------------------------------------------- bulletin

Status fill_produce_figures(Db& db, Date d, const std::string& prefix, LivelihoodFigures& out) {
  const std::string day = d.iso();
  {
    // One range scan of the covering index produce_purchase_region.
    auto s = db.prepare(
        "SELECT COALESCE(SUM(CASE WHEN on_date = ?1 THEN grams END), 0), COALESCE(SUM(grams), 0), "
        "COALESCE(SUM(CASE WHEN poor THEN amount_fen END), 0) FROM produce_purchase WHERE "
        "region_code >= ?2 AND "
        "region_code < ?3 AND on_date <= ?1");
    s.bind(1, day).bind(2, prefix).bind(3, prefix_end(prefix));
    if (s.step()) {
      out.produce_bought_grams_today = s.i64(0);
      out.produce_bought_grams_total = s.i64(1);
      out.paid_to_poor_households_fen_total = s.i64(2);
    }
  }
  {
    auto s = db.prepare(fmt::format(
        "SELECT COALESCE(SUM(MAX({}, 0)), 0) FROM produce_listing l WHERE l.region_code >= ?2 AND "
        "l.region_code < ?3 "
        "AND l.listed_on <= ?1 AND NOT (l.status IN ('withdrawn', 'sold') AND l.closed_on <= ?1)",
        kUnsoldOn));
    s.bind(1, day).bind(2, prefix).bind(3, prefix_end(prefix));
    if (s.step()) out.produce_unsold_grams = s.i64(0);
  }
  return Status::Ok();
}

}  // namespace lz::sqlite
