// IdNumber: an 18-character resident ID number (GB 11643-1999).
//   6-digit division | 8-digit birth date | 3-digit sequence (odd = male) | check char
// The check character is ISO 7064 MOD 11-2 over the first 17 digits ('0'-'9' or 'X').
// parse() accepts what people type (full-width digits, spaces, lowercase x)
// and yields the normalised form, or an Error naming exactly what is wrong.
// The division is checked for its province and shape, not against the
// current list: people keep the code of the county they were born in even
// after that county was merged or renamed.
#pragma once
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace lz {

enum class Sex { kMale, kFemale };

class IdNumber {
 public:
  static Result<IdNumber> parse(std::string_view input, Date today = Date::today());
  // The check character for 17 digits (no validation beyond digits).
  static char check_char(std::string_view first17);
  // Builds a valid number from its parts (for the demo generator and tests).
  static IdNumber make(std::string_view division6, Date birth, int sequence3);

  const std::string& str() const { return s_; }
  std::string_view division() const { return std::string_view(s_).substr(0, 6); }
  Date birth_date() const { return birth_; }
  Sex sex() const { return ((s_[16] - '0') % 2) ? Sex::kMale : Sex::kFemale; }
  // "430281********1234": division kept, birth date and sequence hidden.
  std::string masked() const;

  friend bool operator==(const IdNumber& a, const IdNumber& b) { return a.s_ == b.s_; }

 private:
  IdNumber(std::string s, Date b) : s_(std::move(s)), birth_(b) {}
  std::string s_;
  Date birth_;
};

// An ID number as a list shows it to a reader who may not see it in full:
// 18 characters -> "430281********1234", another non-empty value ->
// "******", and none (a traveller who gave no ID) -> "", never a mask.
std::string mask_id_number(std::string_view id);

// True if the two-digit province code exists (11..82, as in GB/T 2260).
bool is_province_code(int code);

}  // namespace lz
