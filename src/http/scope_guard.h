// Jurisdiction checks and masking for handlers. Every registry handler
// funnels through these, so lists, totals, single records and searches agree:
// a record outside the user's scope is 404, never 403, and never listed.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "http/context.h"
#include "registry/model.h"

namespace lz::http {

// 403 unless the role may read (or write) the registry.
Status require_registry(const Ctx& c, bool write = false);
Status require(bool allowed);

// The region prefix a list should use: the requested region narrowed to the
// user's scope. Returns nullopt when the two do not overlap (empty result).
Result<std::optional<std::string>> list_prefix(const Ctx& c,
                                               const std::string& requested_param = "region");
// The page of a list over the user's jurisdiction, read in this order:
// `allowed` (the reader's right, e.g. require_registry(c): its 403),
// ?limit= and ?offset= (400) into `limit` and `offset`, then list_prefix.
Result<std::optional<std::string>> scoped_page(const Ctx& c, const Status& allowed, int64_t& limit,
                                               int64_t& offset);

// Whether a household (by id and region) is visible to this user.
Result<bool> household_visible(Ctx& c, int64_t household_id, const std::string& region_code);
// A household the user may see, or the 404 to return (a missing one and one
// outside the jurisdiction alike).
Result<Household> visible_household(Ctx& c, int64_t id);
// `field`: where the id was given (a path's {id}, or a body's household_id).
Error not_in_scope(const char* what_zh, const char* what_en, int64_t id, const char* field = "id");
// A cadre named in a write (a pairing's cadre, a team's leader or member)
// must be one the user may see: one outside the jurisdiction gets the same
// 404 as a missing one (cadre.not_found on `field`), so a write cannot tell
// a township officer another township's cadres, nor their names or kinds.
Status cadre_in_scope(Ctx& c, int64_t cadre_id, const std::string& field);

// Masks ID numbers and (unless the role sees them) phone numbers in place.
void mask_person(nlohmann::json& p, const Scope& s);
void mask_household(nlohmann::json& h, const Scope& s);

// Reads a JSON member as text (numbers are written out; null/absent -> "").
std::string text_of(const nlohmann::json& j, const char* key);

}  // namespace lz::http
