#include "exchange/livelihood_export.h"

#include <fmt/format.h>

#include <map>

#include "core/region_code.h"
#include "exchange/export_rows.h"
#include "exchange/livelihood_lookup.h"
#include "livelihood/units.h"
#include "registry/validate.h"

namespace lz::exchange {

using namespace lz::livelihood;

namespace {

constexpr int64_t kPage = 1000;

// Numbers as people write them: 37.5, 1.33, 12 (no trailing zeros).
std::string decimal(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

Status purchases(LivelihoodImportEnv& env, const std::string& prefix, ExportRows& rows) {
  LivelihoodLookup lookup(env.store.db());
  std::map<int64_t, std::string> point_names;
  auto pts = env.produce.store().points("");
  if (!pts) return pts.error();
  for (const auto& p : *pts) point_names[p.id] = p.name;
  std::map<int64_t, HouseholdRef> households;
  sqlite::PurchaseFilter f;
  f.region_prefix = prefix;
  f.limit = kPage;
  for (f.offset = 0;; f.offset += kPage) {
    auto page = env.produce.store().purchases(f);
    if (!page) return page.error();
    for (const auto& p : page->items) {
      if (!p.point_id) continue;  // a backstop buyer's: not in a point's ledger
      auto it = households.find(p.household_id);
      if (it == households.end()) {
        auto h = lookup.household_by_id(p.household_id);
        if (!h) return h.error();
        it = households.emplace(p.household_id, h->value_or(HouseholdRef{})).first;
      }
      rows.put("on", p.on.iso());
      rows.put("point", point_names[*p.point_id]);
      rows.put("household_number", it->second.number);
      rows.put("id_number", rows.id(it->second.head_id_number));
      rows.put("name", it->second.head_name);
      if (p.listing_id) rows.put("listing_id", std::to_string(*p.listing_id));
      const ProduceKind* k = find_produce_kind(p.kind);
      rows.put("kind", k ? k->zh : p.kind);
      rows.put("jin", decimal(grams_to_jin(p.grams), 3));
      rows.put("price", decimal(fen_to_yuan(p.fen_per_jin), 2));
      rows.put("amount", fmt::format("{:.2f}", fen_to_yuan(p.amount_fen)));
      rows.put("note", p.note);
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) break;
  }
  return {};
}

Status listings(LivelihoodImportEnv& env, const std::string& prefix, ExportRows& rows) {
  LivelihoodLookup lookup(env.store.db());
  std::map<int64_t, HouseholdRef> households;
  sqlite::ListingFilter f;
  f.region_prefix = prefix;
  f.limit = kPage;
  for (f.offset = 0;; f.offset += kPage) {
    auto page = env.produce.store().listings(f);
    if (!page) return page.error();
    for (const auto& l : page->items) {
      auto it = households.find(l.household_id);
      if (it == households.end()) {
        auto h = lookup.household_by_id(l.household_id);
        if (!h) return h.error();
        it = households.emplace(l.household_id, h->value_or(HouseholdRef{})).first;
      }
      rows.put("listed_on", l.listed_on.iso());
      rows.put("household_number", it->second.number);
      rows.put("id_number", rows.id(it->second.head_id_number));
      rows.put("name", it->second.head_name);
      const ProduceKind* k = find_produce_kind(l.kind);
      rows.put("kind", k ? k->zh : l.kind);
      rows.put("jin", decimal(grams_to_jin(l.grams), 3));
      if (l.expected_fen_per_jin)
        rows.put("expected_price", decimal(fen_to_yuan(*l.expected_fen_per_jin), 2));
      rows.put("sell_by", l.sell_by.iso());
      rows.put("note", l.note);
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) break;
  }
  return {};
}

std::string term_zh(std::span<const Term> terms, const std::string& id) {
  const Term* t = find_term(terms, id);
  return t ? t->zh : id;
}

Status labourers(LivelihoodImportEnv& env, const std::string& prefix, ExportRows& rows) {
  sqlite::LabourerQuery q;
  q.region_prefix = prefix;
  q.limit = kPage;
  for (q.offset = 0;; q.offset += kPage) {
    auto page = env.jobs.store().labourers(q);
    if (!page) return page.error();
    for (const auto& v : page->items) {
      const Labourer& l = v.l;
      auto p = env.store.person(l.person_id);
      if (!p) return p.error();
      rows.put("name", v.name);
      rows.put("id_number", rows.id(p->id_number));
      std::string skills;
      for (const auto& s : l.skills) skills += (skills.empty() ? "" : "、") + s;
      rows.put("skills", skills);
      rows.put("available_from", l.available_from.iso());
      rows.put("hours", term_zh(work_hours(), l.hours));
      rows.put("returned_from", l.returned_from);
      rows.put("wanted_kind", l.wanted_kind.empty() ? "" : term_zh(work_kinds(), l.wanted_kind));
      rows.put("wanted_place", term_zh(place_preferences(), l.wanted_place));
      rows.put("status", term_zh(labourer_statuses(), l.status));
      rows.put("note", l.note);
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) break;
  }
  return {};
}

Status cooperatives(LivelihoodImportEnv& env, const std::string& prefix, ExportRows& rows) {
  for (int64_t offset = 0;; offset += kPage) {
    auto page = env.supplies.store().cooperatives(prefix, "", kPage, offset);
    if (!page) return page.error();
    for (const auto& c : page->items) {
      rows.put("name", c.name);
      rows.put("region_code", c.region_code);
      if (env.regions)
        if (const Region* r = env.regions->find(c.region_code)) rows.put("village", r->name);
      rows.put("leader_name", c.leader_name);
      rows.put("leader_phone", rows.phone(c.leader_phone));
      rows.put("members", std::to_string(c.members));
      rows.put("produce", c.produce);
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) break;
  }
  return {};
}

// The register's statuses as the import template writes them.
std::string register_status_zh(const std::string& status) {
  if (status == "registered_poor") return "建档立卡贫困户";
  if (status == "lifted") return "已脱贫户";
  if (status == "marginal") return "边缘易致贫户";
  return status;
}

Status poverty_register(LivelihoodImportEnv& env, const std::string& prefix, ExportRows& rows) {
  LivelihoodLookup lookup(env.store.db());
  for (std::string after;;) {
    auto page = lookup.register_page(prefix, after, kPage);
    if (!page) return page.error();
    for (const auto& e : *page) {
      rows.put("household_number", e.household.number);
      rows.put("id_number", rows.id(e.household.head_id_number));
      rows.put("name", e.household.head_name);
      rows.put("status", register_status_zh(e.status));
      if (e.registered_year) rows.put("registered_year", std::to_string(*e.registered_year));
      if (e.lifted_year) rows.put("lifted_year", std::to_string(*e.lifted_year));
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->size()) < kPage) break;
    after = page->back().household.number;
  }
  return {};
}

}  // namespace

Result<long> export_livelihood(LivelihoodImportEnv& env, const ExportOptions& opts,
                               TableWriter& out) {
  const KindSpec* spec = find_livelihood_kind(opts.kind);
  if (!spec)
    return invalid("kind.unknown", "kind", fmt::format("不能导出“{}”", opts.kind),
                   fmt::format("Cannot export \"{}\"", opts.kind));
  std::string prefix;
  if (!opts.region.empty()) {
    auto c = RegionCode::parse(opts.region);
    if (!c) return c.error();
    if (env.regions && !env.regions->find(c->str()))
      return not_found("region.unknown", "region", fmt::format("行政区划代码{}不存在", opts.region),
                       fmt::format("There is no region {}", opts.region));
    prefix = c->str();
  }
  ExportRows rows(*spec, opts, out);
  LZ_TRY(rows.header());
  if (opts.kind == "purchases") LZ_TRY(purchases(env, prefix, rows));
  if (opts.kind == "listings") LZ_TRY(listings(env, prefix, rows));
  if (opts.kind == "labourers") LZ_TRY(labourers(env, prefix, rows));
  if (opts.kind == "cooperatives") LZ_TRY(cooperatives(env, prefix, rows));
  if (opts.kind == "poverty_register") LZ_TRY(poverty_register(env, prefix, rows));
  LZ_TRY(out.close());
  return rows.count();
}

}  // namespace lz::exchange
