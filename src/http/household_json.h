// The body of GET /api/v1/households/{id} (and of the household writes that
// answer with the record), written straight into one string by JsonWriter
// rather than built as an nlohmann::json tree and dumped: the hot point read
// spent a quarter of its CPU there. The text is byte for byte what
// to_json(h) + "region_name" + mask_household(j, scope) + dump() gives
// (tests/http/api_test.cc compares the two). Defined in handlers/households.cc.
#pragma once
#include <string>
#include <string_view>

#include "auth/roles.h"
#include "registry/model.h"

namespace lz::http {

// Appends the household's JSON to `out`; false if a text is not valid UTF-8
// (`out` is then unusable and the caller takes the nlohmann path, which
// refuses it the same way as before).
bool write_household_json(const Household& h, std::string_view region_name, const Scope& scope,
                          std::string& out);

}  // namespace lz::http
