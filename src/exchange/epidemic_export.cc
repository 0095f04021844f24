#include "exchange/epidemic_export.h"

#include <fmt/format.h>

#include "core/region_code.h"
#include "exchange/epidemic_import.h"
#include "exchange/export_rows.h"
#include "registry/validate.h"

namespace lz::exchange {

using namespace lz::epidemic;

namespace {

constexpr int64_t kPage = 1000;

std::string temperature(std::optional<int> t) {
  return t ? format_temperature(*t) : "";
}
std::string symptoms(SymptomSet s) {
  std::string z = symptoms_zh(s);
  return z.empty() ? "无" : z;
}
std::string minute(const DateTime& t) {
  std::string s = t.iso();
  if (s.size() > 10) s[10] = ' ';
  return s;
}

Status key_persons(sqlite::SqliteEpidemicStore& store, const RegionTree* regions,
                   const std::string& prefix, ExportRows& rows) {
  sqlite::KeyPersonQuery q;
  q.region_prefix = prefix;
  q.limit = kPage;
  for (q.offset = 0;; q.offset += kPage) {
    auto page = store.list_key_persons(q);
    if (!page) return page.error();
    for (const auto& v : page->items) {
      const KeyPerson& k = v.key_person;
      rows.put("name", v.person.name);
      rows.put("id_number", rows.id(v.person.id_number));
      rows.put("category", zh(k.category));
      rows.put("source", zh(k.source));
      rows.put("added_on", k.added_on.iso());
      if (k.travel) {
        rows.put("arrived_on", k.travel->arrived_on.iso());
        rows.put("from_place", k.travel->from_place);
        rows.put("travel_mode", zh(k.travel->mode));
        rows.put("travel_detail", k.travel->detail);
      }
      if (k.last_exposure) rows.put("last_exposure", k.last_exposure->iso());
      rows.put("temperature", temperature(k.temperature_tenths));
      rows.put("symptoms", symptoms(k.symptoms));
      rows.put("phone", rows.phone(v.person.phone));
      rows.put("region_code", k.region_code);
      if (regions)
        if (const Region* r = regions->find(k.region_code)) rows.put("village", r->name);
      rows.put("note", k.note);
      LZ_TRY(rows.flush());
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) return {};
  }
}

Status passages(sqlite::SqliteEpidemicStore& store, const std::string& prefix, ExportRows& rows) {
  auto cps = store.checkpoints(prefix);
  if (!cps) return cps.error();
  for (const auto& cp : *cps) {
    for (int64_t offset = 0;; offset += kPage) {
      auto page = store.passages(cp.id, std::nullopt, false, kPage, offset);
      if (!page) return page.error();
      for (const auto& v : page->items)
        for (const auto& t : v.p.travellers) {
          rows.put("checkpoint", cp.name);
          rows.put("at", minute(v.p.at));
          rows.put("plate", v.p.plate);
          rows.put("origin", v.p.origin);
          rows.put("destination", v.p.destination);
          rows.put("name", t.name);
          rows.put("id_number", rows.id(t.id_number));
          rows.put("phone", rows.phone(t.phone));
          rows.put("temperature", format_temperature(t.temperature_tenths));
          LZ_TRY(rows.flush());
        }
      if (static_cast<int64_t>(page->items.size()) < kPage) break;
    }
  }
  return {};
}

Status follow_ups(sqlite::SqliteEpidemicStore& store, const std::string& prefix, ExportRows& rows) {
  sqlite::ObservationQuery q;
  q.region_prefix = prefix;
  q.limit = kPage;
  for (q.offset = 0;; q.offset += kPage) {
    auto page = store.list_observations(q);
    if (!page) return page.error();
    for (const auto& v : page->items) {
      auto fus = store.follow_ups_of(v.o.id);
      if (!fus) return fus.error();
      for (const auto& f : *fus) {
        rows.put("id_number", rows.id(v.person.id_number));
        rows.put("observation_id", std::to_string(v.o.id));
        rows.put("name", v.person.name);
        rows.put("day", f.day.iso());
        rows.put("day_number", std::to_string(f.day - v.o.start + 1));
        rows.put("temperature", format_temperature(f.temperature_tenths));
        rows.put("symptoms", symptoms(f.symptoms));
        rows.put("by", f.by);
        rows.put("at", minute(f.at));
        rows.put("note", f.note);
        LZ_TRY(rows.flush());
      }
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) return {};
  }
}

}  // namespace

Result<long> export_epidemic(sqlite::SqliteEpidemicStore& store, const RegionTree* regions,
                             const ExportOptions& o, TableWriter& out) {
  const KindSpec* spec = find_epidemic_kind(o.kind);
  if (!spec)
    return invalid(
        "kind.unknown", "kind",
        fmt::format("未知的类别“{}”，可选：key_persons、passages、follow_ups", o.kind),
        fmt::format("Unknown kind \"{}\": expected key_persons, passages or follow_ups", o.kind));
  std::string prefix;
  if (!o.region.empty()) {
    auto code = RegionCode::parse(o.region);
    if (!code) return code.error();
    if (regions && !regions->find(code->str()))
      return not_found("region.unknown", "region", fmt::format("行政区划代码{}不存在", o.region),
                       fmt::format("There is no region {}", o.region));
    prefix = code->str();
  }
  ExportRows rows(*spec, o, out);
  LZ_TRY(rows.header());
  if (o.kind == "key_persons")
    LZ_TRY(key_persons(store, regions, prefix, rows));
  else if (o.kind == "passages")
    LZ_TRY(passages(store, prefix, rows));
  else
    LZ_TRY(follow_ups(store, prefix, rows));
  LZ_TRY(out.close());
  return rows.count();
}

}  // namespace lz::exchange
