// HouseholdFacts as a compact byte string, and back. The store keeps one per
// household (facts_snapshot, kept in step with every write by triggers) so
// that checking a province-sized register reads one short row per household
// instead of a dozen tables (sqlite_facts_snapshot.cc).
//
// The format is private to this program: varints (zig-zag for signed
// values), optionals as a presence byte, strings length-prefixed, enums as
// their index checked against the vocabulary. kFactsCodecVersion names it;
// a stored row of another version is ignored and rebuilt, so change the
// number whenever the encoding or HouseholdFacts changes. decode() never
// trusts its input: a truncated or corrupt string is an error, not a crash.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"
#include "poverty/facts.h"

namespace lz::poverty {

inline constexpr int kFactsCodecVersion = 1;

// Appends h's encoding to out.
void encode_facts(const HouseholdFacts& h, std::string& out);
std::string encode_facts(const HouseholdFacts& h);

// Decodes one household; an error when the bytes are not a whole encoding.
Result<HouseholdFacts> decode_facts(std::string_view bytes);

}  // namespace lz::poverty
