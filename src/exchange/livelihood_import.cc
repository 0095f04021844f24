#include "exchange/livelihood_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "exchange/normalize.h"
#include "livelihood/produce.h"
#include "livelihood/units.h"

namespace lz::exchange {

namespace detail {

bool unit_is_kg(const std::string& header) {
  std::string h = text::to_half_width(header);
  for (auto& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h.find("公斤") != std::string::npos || h.find("千克") != std::string::npos ||
         h.find("kg") != std::string::npos;
}

bool at_most_decimals(double v, int decimals) {
  double scaled = v * std::pow(10.0, decimals);
  return std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::fabs(scaled));
}

Result<std::optional<HouseholdRef>> household_cell(RowGroup& g, const Row& r,
                                                   LivelihoodLookup& lookup,
                                                   sqlite::SqliteStore& store, Date today,
                                                   const std::string& code_prefix) {
  std::string number = text::strip_spaces(clean_cell(g.cell(r, "household_number")));
  // A masked ID number (an export without --full-ids) says nothing more
  // than the household number next to it.
  bool masked = g.cell(r, "id_number").find('*') != std::string::npos && !number.empty();
  std::string id = masked ? "" : detail::id_number_cell(g, r, "id_number", today);
  if (!g.ok()) return std::optional<HouseholdRef>();
  std::optional<HouseholdRef> h;
  std::string seller_name;
  if (!number.empty()) {
    auto found = lookup.household_by_number(number);
    if (!found) {
      return found.error();
    }
    if (!*found) {
      g.error(
          r, "household_number",
          not_found("household.unknown", "household_number", fmt::format("户编号{}不存在", number),
                    fmt::format("There is no household number {}", number)));
      return std::optional<HouseholdRef>();
    }
    h = *found;
    seller_name = h->head_name;
  }
  if (!id.empty()) {
    auto p = store.person_by_id_number(id);
    if (!p) {
      return p.error();
    }
    if (!*p || !(*p)->household_id) {
      g.error(r, "id_number",
              not_found("person.unknown", "id_number",
                        fmt::format("公民身份号码{}不在户籍库的住户中", id),
                        fmt::format("The ID number {} belongs to no registered household", id)));
      return std::optional<HouseholdRef>();
    }
    if (h && h->id != *(*p)->household_id) {
      g.error(r, "id_number",
              invalid(code_prefix + ".household_mismatch", "id_number",
                      fmt::format("公民身份号码{}（{}）不是户编号{}的成员", id, (*p)->name, number),
                      fmt::format("The ID number {} ({}) is not a member of household {}", id,
                                  (*p)->name, number)));
      return std::optional<HouseholdRef>();
    }
    if (!h) {
      auto found = lookup.household_by_id(*(*p)->household_id);
      if (!found) {
        return found.error();
      }
      if (!*found) {
        g.error(r, "id_number",
                not_found("person.unknown", "id_number",
                          fmt::format("公民身份号码{}不在户籍库的住户中", id),
                          fmt::format("The ID number {} belongs to no registered household", id)));
        return std::optional<HouseholdRef>();
      }
      h = *found;
    }
    seller_name = (*p)->name;
  }
  if (!h) return std::optional<HouseholdRef>();  // neither given
  if (std::string name = text::strip_spaces(clean_name(g.cell(r, "name")));
      !name.empty() && name != text::strip_spaces(seller_name)) {
    g.error(r, "name",
            invalid(code_prefix + ".name_mismatch", "name",
                    fmt::format("{}是“{}”，不是“{}”", id.empty() ? "该户户主" : "该身份证号",
                                seller_name, name),
                    fmt::format("{} is \"{}\", not \"{}\"",
                                id.empty() ? "The householder" : "That ID number's holder",
                                seller_name, name)));
    return std::optional<HouseholdRef>();
  }
  return h;
}

std::string_view household_col(const RowGroup& g) {
  if (g.has("household_number")) return "household_number";
  if (g.has("id_number")) return "id_number";
  return "";
}

Result<std::optional<HouseholdRef>> row_household(RowGroup& g, const Row& r,
                                                  LivelihoodLookup& lookup,
                                                  const LivelihoodImportEnv& env, Date today,
                                                  const std::string& code_prefix,
                                                  const HouseholdNeed& need) {
  auto hr = household_cell(g, r, lookup, env.store, today, code_prefix);
  if (!hr) return hr.error();
  auto h = std::move(hr).value();
  std::string_view col = household_col(g);
  if (g.ok() && !h && need.required)
    g.error(r, col,
            invalid(code_prefix + ".household_required", std::string(col),
                    fmt::format("请填写{}（户编号或户主公民身份号码）", need.who_zh),
                    fmt::format("Give the {} (household number or ID number)", need.who_en)));
  if (g.ok() && h && need.in_scope && env.covers && !env.covers(h->region_code))
    g.error(r, col, out_of_scope(h->region_code));
  return h;
}

Status produce_header(const KindSpec& k, const HeaderMatch& m,
                      const std::vector<std::string>& header, long row, bool allow_listing,
                      const char* price_key, const char* price_zh, double& jin_factor) {
  auto col = [&](const char* key) { return m.file_column[k.index(key)]; };
  if (col("household_number") < 0 && col("id_number") < 0 &&
      (!allow_listing || col("listing_id") < 0)) {
    Error e = invalid(
        "header.missing", "header",
        fmt::format("第{}行（表头）缺少“户编号”或“户主公民身份号码”列（至少要有其中一列）", row),
        fmt::format("Row {} (the header) has neither 户编号 (household_number) nor "
                    "户主公民身份号码 (id_number): one of them is needed",
                    row));
    e.row = row;
    return e;
  }
  if (int c = col("jin"); c >= 0 && unit_is_kg(header[c])) jin_factor = 2.0;
  if (int c = col(price_key); c >= 0 && unit_is_kg(header[c])) {
    Error e = invalid("header.unit", price_key,
                      fmt::format("第{}行（表头）“{}”：{}请按元/斤填写（1公斤=2斤）", row,
                                  text::normalize(header[c]), price_zh),
                      fmt::format("Row {} (the header) \"{}\": give the price in yuan per jin "
                                  "(1 kg = 2 jin)",
                                  row, text::normalize(header[c])));
    e.row = row;
    return e;
  }
  return {};
}

std::optional<std::string> produce_kind_cell(RowGroup& g, const Row& r) {
  std::string k = clean_name(g.cell(r, "kind"));
  if (k.empty()) return std::nullopt;
  if (const livelihood::ProduceKind* pk = livelihood::find_produce_kind(text::strip_spaces(k)))
    return pk->id;
  std::vector<std::string> names;
  for (const auto& x : livelihood::produce_kinds()) names.push_back(x.zh);
  g.error(r, "kind",
          invalid("produce.kind_unknown", "kind",
                  fmt::format("品种“{}”无法识别，可填：{}", k, fmt::join(names, "、")),
                  fmt::format("Unknown kind of produce \"{}\"; accepted: {}", k,
                              fmt::join(names, ", "))));
  return std::string();
}

std::optional<int64_t> grams_cell(RowGroup& g, const Row& r, double jin_factor, const char* code,
                                  const char* zh, const char* en) {
  auto jin = number_cell(g, r, "jin", zh, en);
  if (!jin) return std::nullopt;
  double v = *jin * jin_factor;
  auto grams = livelihood::jin_to_grams(v);
  if (grams && at_most_decimals(v, 3)) return *grams;
  std::string cell = clean_cell(g.cell(r, "jin"));
  g.error(r, "jin",
          invalid(code, "jin", fmt::format("{}“{}”应为不小于0、最多三位小数的斤数", zh, cell),
                  fmt::format("The {} \"{}\" must be jin, not negative, at most 3 decimals", en,
                              cell)));
  return std::nullopt;
}

}  // namespace detail

const KindSpec* find_livelihood_kind(std::string_view kind) {
  if (kind == "purchases") return &purchases_spec();
  if (kind == "listings") return &listings_spec();
  if (kind == "labourers") return &labourers_spec();
  if (kind == "cooperatives") return &cooperatives_spec();
  if (kind == "poverty_register") return &poverty_register_spec();
  return nullptr;
}

Result<KindImport> import_livelihood(std::string_view kind, TableReader& in,
                                     LivelihoodImportEnv& env, const ImportOptions& opts) {
  if (kind == "purchases") return import_purchases(in, env, opts);
  if (kind == "listings") return import_listings(in, env, opts);
  if (kind == "labourers") return import_labourers(in, env, opts);
  if (kind == "cooperatives") return import_cooperatives(in, env, opts);
  if (kind == "poverty_register") return import_poverty_register(in, env, opts);
  return invalid(
      "kind.unknown", "kind",
      fmt::format("不能导入“{}”，可选：{}", kind, fmt::join(import_kind_names(), "、")),
      fmt::format("Cannot import \"{}\": expected {}", kind, fmt::join(import_kind_names(), ", ")));
}

}  // namespace lz::exchange
