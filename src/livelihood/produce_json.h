// Produce records as JSON (snake_case; weights in jin, money in yuan; kinds as
// ids with their labels where a list shows them). One spelling for the API,
// the audit trail's before/after and the CLI.
#pragma once
#include <nlohmann/json.hpp>

#include "livelihood/produce.h"

namespace lz::livelihood {

nlohmann::json kind_json(std::string_view kind);  // {"id","zh","en"}
nlohmann::json to_json(const Listing& l);
nlohmann::json to_json(const PurchasePoint& p);
nlohmann::json to_json(const Purchase& p);
nlohmann::json to_json(const BackstopBuyer& b);
nlohmann::json to_json(const std::vector<Price>& prices);  // [{"kind","price"}]

}  // namespace lz::livelihood
