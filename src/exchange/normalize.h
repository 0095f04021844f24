// Cell normalisation for imports: what Excel, WPS and people put in cells
// turned into what the registry validation expects. Full-width characters
// to half-width, stray and doubled spaces, Traditional names to Simplified
// (OpenCC), and every date form Excel produces to ISO 8601. Pure functions;
// called by the importers before the registry's validate_* functions.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"

namespace lz::exchange {

// Half-width, trimmed, inner whitespace collapsed (lz::text::normalize),
// with non-breaking spaces and zero-width characters removed.
std::string clean_cell(std::string_view s);
// clean_cell + Traditional -> Simplified (for names and addresses).
std::string clean_name(std::string_view s);
// A date as ISO "YYYY-MM-DD" from: an Excel serial number (43873 or
// 43873.0), 2020/2/12, 2020-2-12, 2020.2.12, 2020年2月12日, 20200212, each
// optionally followed by a time. Empty in, empty out. The Error (field
// "date") says what forms are accepted.
Result<std::string> normalize_date(std::string_view s);

}  // namespace lz::exchange
