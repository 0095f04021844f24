// JSON of the jobs records (the API's shapes, also the audit trail's before
// and after). Money in yuan (2 decimals), dates ISO 8601.
#pragma once
#include <nlohmann/json.hpp>

#include "livelihood/jobs.h"
#include "livelihood/matching.h"

namespace lz::livelihood {

nlohmann::json to_json(const Labourer& l);
nlohmann::json to_json(const Employer& e);
nlohmann::json to_json(const Posting& p);
nlohmann::json to_json(const Placement& p);
nlohmann::json to_json(const WelfarePost& w);
nlohmann::json to_json(const WelfareHolding& h);
nlohmann::json to_json(const Ranked& r);

}  // namespace lz::livelihood
