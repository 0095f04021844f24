// What the livelihood handlers share: the routes of each part of the front,
// who may do what (the livelihood flags of auth/roles.h). Internal to
// src/http/handlers/livelihood_*.cc.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "http/services.h"

namespace lz::http {

// 403 unless the role may read the livelihood front (write: list produce,
// register labourers, record requests; command: points, buyers, employers,
// postings, placements, welfare posts, approvals, depots, distributions).
// Enterprise and purchase-point accounts pass `bound_ok` checks in their own
// handlers (they see only their enterprise / point).
Status require_livelihood(const Ctx& c, bool write = false, bool command = false);

// The page of a livelihood list: the reader's right (403), the region prefix
// of ?region= narrowed to the jurisdiction (nullopt: nothing to list, and
// then limit/offset are not read) and limit/offset (400).
struct ListPage {
  std::optional<std::string> prefix;
  int64_t limit = 50, offset = 0;
  std::optional<bool> active;  // ?active=true|false
};
// ?active=true (only active/open records) or false (only closed/inactive); unset: all.
// Another value is 400 naming the parameter.
Result<std::optional<bool>> active_param(const Ctx& c);
// The OpenAPI description of that parameter.
ParamDoc active_param_doc();
Result<ListPage> livelihood_list(const Ctx& c);

// Readers of a JSON body's members, with the field errors the livelihood
// writes return: a string ("" when absent; request.field_required when
// `required`), an integer (nullopt when absent) and a YYYY-MM-DD date
// (nullopt when absent; request.date); request.field_type for another JSON
// type. Errors name the member `k` (an integer's: `path` when given).
Result<std::string> body_str(const nlohmann::json& b, const char* k, bool required = false);
Result<std::optional<int64_t>> body_int(const nlohmann::json& b, const std::string& k,
                                        const std::string& path = "");
Result<std::optional<Date>> body_date(const nlohmann::json& b, const char* k,
                                      bool required = false);

// Declares `var` as the Result of `expr`, or returns its error as a problem
// (in a handler, with its Ctx named c).
#define LZ_FIELD(var, expr) \
  auto var = (expr);        \
  if (!var) return problem(var.error(), c.lang)

// In a pure reader of a body (for read_all: it lists every bad member, so a
// reader reads the members that may be absent first and says what is
// required last): declares `var` as the value of the Result `expr`, or
// returns its error.
#define LZ_READ(var, expr)              \
  auto var##_r = (expr);                \
  if (!var##_r) return var##_r.error(); \
  auto var = std::move(*var##_r)

// OpenAPI components of the livelihood front (meta.cc), one per part.
void add_livelihood_schemas(nlohmann::json& schemas);
void add_produce_schemas(nlohmann::json& schemas);
void add_jobs_schemas(nlohmann::json& schemas);
void add_enterprise_schemas(nlohmann::json& schemas);
void add_supplies_schemas(nlohmann::json& schemas);

void add_produce_routes(
    Router& r);  // livelihood_produce.cc: listings, purchase points, purchases, backstop
void add_jobs_routes(
    Router& r);  // livelihood_jobs.cc: labourers, employers, postings, placements, welfare posts
void add_enterprise_routes(
    Router& r);  // livelihood_enterprise.cc: enterprises, checklists, worker temperatures
void add_supplies_routes(Router& r);  // livelihood_supplies.cc: depots, stock, requests,
                                      // distributions, technicians, cooperatives

}  // namespace lz::http
