// Traditional -> Simplified Chinese with OpenCC (Debian's libopencc, the
// t2s configuration), for names and headers typed in Traditional (繁體).
// One converter per process, loaded on first use and shared behind a mutex;
// text in which none of the t2s dictionaries' changing keys occurs (ASCII,
// most Simplified names and addresses) is returned as is without calling
// OpenCC: the same result, a hash lookup per character. Used by the
// importers' normalisation and the header matcher; the server's search can
// use it the same way. Without the OpenCC data the text passes unchanged.
#pragma once
#include <string>
#include <string_view>

namespace lz::exchange {

std::string to_simplified(std::string_view text);
// True if the OpenCC configuration could be loaded.
bool simplified_available();

}  // namespace lz::exchange
