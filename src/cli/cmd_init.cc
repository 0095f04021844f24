// `liangzhan init`: creates a database for a county from its own division
// tree (a region file: code, name, level, parent as in data/regions/liling.tsv;
// CSV or TSV in UTF-8 or GB18030, or .xlsx). The file is read and checked
// completely first (registry/region_tree.h: build_region_tree), so a bad
// file writes nothing; an existing database with data is refused unless
// --force, which replaces it.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "cli/common.h"
#include "core/text.h"
#include "exchange/table.h"
#include "registry/region_tree.h"
#include "store/store.h"

namespace lz::cli {

namespace {

// Column of each field by header name; positional when the first row is data.
struct Columns {
  int code = 0, name = 1, level = 2, parent = 3;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The header's columns, or nullopt when the row is data (its first cell a code).
Result<std::optional<Columns>> header_columns(const exchange::Row& row) {
  if (!row.cells.empty() && text::is_all_digits(text::strip_spaces(row.cells[0])))
    return std::optional<Columns>();
  static const std::map<std::string, int> kNames = {
      {"code", 0}, {"代码", 0},     {"区划代码", 0},    {"统计用区划代码", 0},
      {"name", 1}, {"名称", 1},     {"区划名称", 1},    {"level", 2},
      {"级别", 2}, {"层级", 2},     {"parent", 3},      {"parent_code", 3},
      {"上级", 3}, {"上级代码", 3}, {"上级区划代码", 3}};
  int found[4] = {-1, -1, -1, -1};
  for (size_t i = 0; i < row.cells.size(); ++i) {
    auto it = kNames.find(lower(text::normalize(row.cells[i])));
    if (it != kNames.end() && found[it->second] < 0) found[it->second] = static_cast<int>(i);
  }
  static const char* kField[] = {"code", "name", "level", "parent"};
  static const char* kZh[] = {"代码", "名称", "级别", "上级代码"};
  for (int f = 0; f < 4; ++f)
    if (found[f] < 0) {
      Error e = invalid(
          "regions.column_missing", kField[f],
          fmt::format("区划文件第{}行（表头）缺少“{}”列（{}）：应有 code、name、level、parent 四列",
                      row.number, kField[f], kZh[f]),
          fmt::format("row {} (the header) of the region file has no column \"{}\": it needs code, "
                      "name, level and parent",
                      row.number, kField[f]));
      e.row = row.number;
      return e;
    }
  return std::optional<Columns>(Columns{found[0], found[1], found[2], found[3]});
}

Result<std::vector<RegionRow>> read_region_file(const std::string& path) {
  auto reader = exchange::open_table(path);
  if (!reader) return reader.error();
  std::vector<RegionRow> rows;
  std::optional<Columns> cols;
  bool first = true;
  exchange::Row row;
  for (;;) {
    auto more = (*reader)->next(row);
    if (!more) return more.error();
    if (!*more) break;
    if (row.blank()) continue;
    if (first) {
      first = false;
      auto h = header_columns(row);
      if (!h) return h.error();
      if (*h) {
        cols = **h;
        continue;
      }
      cols = Columns{};
    }
    auto cell = [&](int i) {
      return static_cast<size_t>(i) < row.cells.size() ? row.cells[i] : std::string();
    };
    rows.push_back(
        {row.number, cell(cols->code), cell(cols->name), cell(cols->level), cell(cols->parent)});
  }
  return rows;
}

void remove_db_files(const std::string& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(db + suffix, ec);
}

}  // namespace

void add_init(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, regions;
    bool force = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "init",
      "Create a database for a county from its division tree (without init: Liling's, as shipped)");
  cmd->add_option("--db", o->db, "SQLite database file to create")->required();
  cmd->add_option("--regions", o->regions,
                  "Region file: CSV or TSV (UTF-8 or GB18030) or .xlsx with the columns code, "
                  "name, level, parent "
                  "(like data/regions/liling.tsv)")
      ->required();
  cmd->add_flag("--force", o->force,
                "Replace an existing database that holds data (its data is lost)");
  cmd->footer(
      "The file: one row per region, 12-digit statistical codes (or 6/9/12/15 digits; groups 15), "
      "level county, "
      "township, village or group (or 县, 乡镇/镇/乡/街道, 村/社区, 组), parent: the code of the "
      "region one level "
      "up (empty for the county). Exactly one county; every code under it; no code twice. A file "
      "with errors is "
      "refused as a whole, each error naming its row and column, and nothing is written.\n"
      "Example: liangzhan init --db youxian.db --regions youxian.csv\n"
      "  code,name,level,parent\n"
      "  430223000000,攸县,county,\n"
      "  430223100000,网岭镇,township,430223000000\n"
      "  430223100201,罗家坪村,village,430223100000");
  cmd->callback([o, &run] {
    run = [o] {
      bool en = globals().language() == Lang::kEn;
      auto rows = read_region_file(o->regions);
      if (!rows) return fail(rows.error());
      auto tree = build_region_tree(*rows);
      if (!tree) return fail(tree.error());
      bool existed = std::filesystem::exists(o->db) && std::filesystem::file_size(o->db) > 0;
      if (existed) {
        auto store = open_store(o->db);
        if (!store) return fail(store.error());
        auto data = (*store)->has_data();
        if (!data) return fail(data.error());
        if (*data) {
          if (!o->force)
            return fail(conflict(
                "db.has_data", "--db",
                fmt::format("数据库“{}”中已有数据，不能重新建库；确需覆盖请加 "
                            "--force（原有数据将全部丢失）",
                            o->db),
                fmt::format("The database \"{}\" already holds data; add --force to replace it "
                            "(all its data is lost)",
                            o->db)));
          store->reset();
          remove_db_files(o->db);
          existed = false;
        }
      }
      auto store = open_store(o->db);
      if (!store) return fail(store.error());
      if (auto st = (*store)->replace_regions(*tree); !st) {
        store->reset();
        if (!existed) remove_db_files(o->db);
        return fail(st.error());
      }
      const Region& county = tree->root();
      size_t towns = tree->at_level(RegionLevel::kTownship).size();
      size_t villages = tree->at_level(RegionLevel::kVillage).size();
      size_t groups = tree->at_level(RegionLevel::kGroup).size();
      if (en)
        std::printf("Created %s for %s (%s): %zu townships, %zu villages, %zu groups\n",
                    o->db.c_str(), county.name.c_str(),
                    RegionCode::unchecked(county.code).division12().c_str(), towns, villages,
                    groups);
      else
        std::printf("已建库 %s：%s（%s），%zu个乡镇，%zu个村（社区），%zu个组\n", o->db.c_str(),
                    county.name.c_str(), RegionCode::unchecked(county.code).division12().c_str(),
                    towns, villages, groups);
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
