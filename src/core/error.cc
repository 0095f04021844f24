#include "core/error.h"

namespace lz {

std::string Error::describe(Lang lang) const {
  std::string out;
  const std::string& msg = message(lang);
  // A message that already names its row (e.g. "第1行（表头）…", "Row 1 …") is
  // shown as it is: the row and field prefix would only say it twice.
  const std::string r = std::to_string(row);
  const bool names_row = row >= 0 && (msg.starts_with("第" + r + "行") ||
                                      msg.starts_with("Row " + r) || msg.starts_with("row " + r));
  if (!names_row) {
    if (row >= 0)
      out += (lang == Lang::kEn ? "row " : "第") + r + (lang == Lang::kEn ? ", " : "行，");
    if (!field.empty()) out += field + ": ";
  }
  out += msg;
  for (const auto& d : details) out += "\n  " + d.describe(lang);
  return out;
}

Error& Error::at(const std::string& prefix) {
  field = field.empty() ? prefix : prefix + "." + field;
  for (auto& d : details) d.at(prefix);
  return *this;
}

static Error make(ErrorKind k, std::string code, std::string field, std::string zh,
                  std::string en) {
  Error e;
  e.kind = k;
  e.code = std::move(code);
  e.field = std::move(field);
  e.message_zh = std::move(zh);
  e.message_en = std::move(en);
  return e;
}

Error invalid(std::string code, std::string field, std::string zh, std::string en) {
  return make(ErrorKind::kInvalid, std::move(code), std::move(field), std::move(zh), std::move(en));
}
Error not_found(std::string code, std::string field, std::string zh, std::string en) {
  return make(ErrorKind::kNotFound, std::move(code), std::move(field), std::move(zh),
              std::move(en));
}
Error conflict(std::string code, std::string field, std::string zh, std::string en) {
  return make(ErrorKind::kConflict, std::move(code), std::move(field), std::move(zh),
              std::move(en));
}
Error internal(std::string code, std::string zh, std::string en) {
  return make(ErrorKind::kInternal, std::move(code), "", std::move(zh), std::move(en));
}

}  // namespace lz
