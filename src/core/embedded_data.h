// Shipped data compiled into the binary by cmake/embed.cmake: Liling's
// divisions, name frequencies and the store's SQL migrations. Read-only.
#pragma once
#include <string_view>
#include <vector>

namespace lz::embedded {
struct Migration {
  std::string_view name;  // e.g. "001_registry.sql"; the number is the schema version
  std::string_view sql;
};
extern const std::string_view kRegionsTsv;
extern const std::string_view kSurnamesTsv;
extern const std::string_view kGivenNamesTsv;
extern const std::vector<Migration> kMigrations;
}  // namespace lz::embedded
