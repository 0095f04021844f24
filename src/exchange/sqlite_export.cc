#include "exchange/sqlite_export.h"

#include <fmt/format.h>

#include "core/id_number.h"
#include "core/region_code.h"
#include "exchange/columns.h"
#include "registry/enums.h"
#include "registry/validate.h"

namespace lz::exchange {

static std::string label(std::span<const enums::Value> values, const std::string& id) {
  if (id.empty()) return "";
  for (const auto& v : values)
    if (id == v.id) return v.zh;
  return id;
}

static std::string mask_id(const std::string& id) {
  if (id.size() != 18) return id;
  return id.substr(0, 6) + "********" + id.substr(14);
}

Result<long> export_rows(sqlite::SqliteStore& store, const ExportOptions& o, TableWriter& out) {
  const KindSpec* spec = find_kind(o.kind);
  if (!spec)
    return invalid("kind.unknown", "kind", fmt::format("未知的类别“{}”，可选：households、persons", o.kind),
                   fmt::format("Unknown kind \"{}\": expected households or persons", o.kind));
  std::string prefix;
  if (!o.region.empty()) {
    auto code = RegionCode::parse(o.region);
    if (!code) return code.error();
    auto r = store.region(code->str());
    if (!r) return r.error();
    prefix = code->str();
  }
  std::vector<std::string> header;
  for (const auto& c : spec->columns) header.push_back(c.zh);
  LZ_TRY(out.write_row(header, true));
  auto s = store.db().prepare(
      "SELECT h.number, h.region_code, COALESCE(r.name, ''), h.address, p.name, p.id_number, p.sex, p.birth_date, "
      "p.relationship, p.ethnicity, p.education, p.enrolment, p.health, p.labour, p.phone "
      "FROM household h JOIN person p ON p.household_id = h.id AND p.deleted_at IS NULL "
      "LEFT JOIN region r ON r.code = h.region_code "
      "WHERE h.deleted_at IS NULL AND h.region_code >= ? AND h.region_code < ? "
      "ORDER BY h.region_code, h.number, p.relationship, p.birth_date, p.id");
  s.bind(1, prefix).bind(2, prefix + ":");
  long n = 0;
  std::vector<std::string> row(spec->columns.size());
  auto put = [&](const char* key, std::string v) {
    int i = spec->index(key);
    if (i >= 0) row[i] = std::move(v);
  };
  while (s.step()) {
    std::string id = s.str(5), phone = s.str(14);
    put("number", s.str(0));
    put("region_code", s.str(1));
    put("village", s.str(2));
    put("address", s.str(3));
    put("name", s.str(4));
    put("id_number", o.full_ids ? id : mask_id(id));
    put("sex", s.str(6) == "male" ? "男" : "女");
    put("birth_date", s.str(7));
    put("relationship", label(enums::relationships(), s.str(8)));
    put("ethnicity", s.str(9));
    put("education", label(enums::education_levels(), s.str(10)));
    put("enrolment", label(enums::enrolments(), s.str(11)));
    put("health", label(enums::health_statuses(), s.str(12)));
    put("labour", label(enums::labour_capacities(), s.str(13)));
    put("phone", o.full_ids || phone.empty() ? phone : mask_phone(phone));
    if (auto b = Date::parse_iso(s.str(7))) put("age", std::to_string(b->age_on(o.today)));
    LZ_TRY(out.write_row(row));
    ++n;
    if (o.progress && n % 8192 == 0) o.progress(n);
  }
  if (s.last_rc() != SQLITE_DONE && s.last_rc() != SQLITE_ROW && s.last_rc() != SQLITE_OK)
    return internal("export.query", fmt::format("读取数据失败：{}", s.error_message()),
                    fmt::format("Reading failed: {}", s.error_message()));
  LZ_TRY(out.close());
  return n;
}

}  // namespace lz::exchange
