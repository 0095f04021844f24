// Text normalisation for what people type and what Excel saves: full-width
// ASCII to half-width, the ideographic space to a space, trimming. UTF-8 in,
// UTF-8 out. Used by every parser before validation.
#pragma once
#include <string>
#include <string_view>

namespace lz::text {

// Full-width forms U+FF01..U+FF5E become ASCII, U+3000 becomes ' '.
std::string to_half_width(std::string_view s);
// Trim ASCII whitespace (after to_half_width, this covers U+3000 too).
std::string trim(std::string_view s);
// to_half_width + trim + runs of inner whitespace collapsed to one space.
std::string normalize(std::string_view s);
// Remove every whitespace character (ASCII and U+3000); for codes and numbers.
std::string strip_spaces(std::string_view s);
bool is_all_digits(std::string_view s);
// Number of Unicode code points; -1 if the string is not valid UTF-8.
long utf8_length(std::string_view s);

}  // namespace lz::text
