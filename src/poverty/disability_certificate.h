// The 20-character disability certificate number (第二代残疾人证号): the
// holder's 18-character ID number, then the category digit (1 视力 vision,
// 2 听力 hearing, 3 言语 speech, 4 肢体 physical, 5 智力 intellectual,
// 6 精神 mental, 7 多重 multiple) and the grade digit (1 most severe .. 4).
//
// check_disability_certificate() is allocation-free (the check calls it for
// every certified member); parse_disability_certificate() gives the parts or
// an Error in words, for forms, imports and the API.
#pragma once
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace lz::poverty {

enum class CertificateProblem {
  kNone,       // valid
  kLength,     // not 20 characters
  kIdNumber,   // the first 18 are not a valid ID number (shape, date or check character)
  kNotMember,  // a valid ID number, but not the member's own
  kCategory,   // 19th character not 1-7
  kGrade,      // 20th character not 1-4
};

// Validates `certificate` (exactly as stored: 20 ASCII characters, X upper
// case) against the member's normalised ID number. An empty
// `member_id_number` skips the ownership test.
CertificateProblem check_disability_certificate(std::string_view certificate,
                                                std::string_view member_id_number);

struct DisabilityCertificate {
  std::string id_number;  // the first 18 characters
  int category = 0;       // 1..7
  int grade = 0;          // 1..4
};

// Accepts what people type (spaces, full-width digits, lower-case x), then
// validates as above; the ID number's birth date must not be after `today`.
// Error codes: disability_certificate.{missing,length,id_number,not_member,category,grade}.
Result<DisabilityCertificate> parse_disability_certificate(std::string_view input,
                                                           std::string_view member_id_number,
                                                           Date today);

const char* disability_category_zh(int category);  // "肢体残疾"; "" outside 1..7
const char* disability_category_en(int category);  // "physical"

}  // namespace lz::poverty
