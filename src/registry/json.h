// JSON forms of the registry records (snake_case, ISO 8601 dates), as the API
// returns them and as the audit trail stores them (before/after). Masking for
// roles that may not see personal data is applied by the caller (http/).
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "registry/model.h"

namespace lz {

nlohmann::json to_json(const Region& r);
nlohmann::json to_json(const Person& p);
nlohmann::json to_json(const Household& h);  // with members
nlohmann::json to_json(const Cadre& c);
nlohmann::json to_json(const VillageTeam& t);
nlohmann::json to_json(const Pairing& p);
nlohmann::json meta_json(const RecordMeta& m);
// Compact text of a record's JSON (for the audit trail).
template <typename T>
std::string audit_text(const T& record);

}  // namespace lz
