// Ctx: one request as a handler sees it: the parsed request, path and query
// parameters, the language, the signed-in account and its scope, the actor
// for the audit trail, and the worker's services. Its helpers turn bad
// parameters and bodies into field-level errors.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "core/date.h"
#include "core/error.h"
#include "http/message.h"
#include "http/services.h"
#include "store/accounts.h"

namespace lz::http {

struct Ctx {
  const HttpRequest& req;
  std::map<std::string, std::string> params;      // from the path
  std::multimap<std::string, std::string> query;  // from the query string
  Lang lang = Lang::kZh;
  Services& svc;
  std::optional<Account> account;
  Scope scope;
  Actor actor;
  std::string token;  // the session token of this request, if any

  // Path parameter "id" as a positive integer.
  Result<int64_t> id(const char* name = "id") const;
  std::optional<std::string> q(const std::string& name) const;
  std::string q_or(const std::string& name, std::string fallback) const;
  Result<std::optional<int64_t>> q_int(const std::string& name, int64_t min, int64_t max) const;
  // A YYYY-MM-DD query parameter: nullopt when absent or empty, 400 naming it
  // ("<name>应为YYYY-MM-DD") otherwise.
  Result<std::optional<Date>> q_date(const std::string& name) const;
  // limit (default 50, max 1000) and offset.
  Status paging(int64_t& limit, int64_t& offset) const;
  // The body as a JSON object (400 if it is not one).
  Result<nlohmann::json> body() const;
  // Expected version from If-Match ("3" or W/"3") or the body's "version" or ?version=.
  Result<int64_t> expected_version(const nlohmann::json* body = nullptr) const;
};

// Responses.
HttpResponse json_response(const nlohmann::json& j, int status = 200);
HttpResponse list_response(const nlohmann::json& items, int64_t total);
HttpResponse no_content();
// A record with its version as ETag.
HttpResponse record_response(const nlohmann::json& j, int status = 200);

Error bad_parameter(const std::string& field, const std::string& zh, const std::string& en);

// One error for several field errors of a request: "有N处填写错误" with
// each as a detail (problem() lists them); the error itself when alone.
Error field_errors(std::vector<Error> errors);

// Runs `read`, a pure reader of a request body (json -> Result<T>, no side
// effect), and while it refuses a member of the body, runs it again without
// that member, so that one answer names every bad member of the request
// rather than the first the reader meets. The value when the body is good.
template <typename Read>
auto read_all(const nlohmann::json& body, Read&& read) -> decltype(read(body)) {
  auto r = read(body);
  if (r || !body.is_object()) return r;
  std::vector<Error> errors;
  nlohmann::json rest = body;
  while (!r) {
    Error e = r.error();
    std::string member = e.field.substr(0, e.field.find_first_of(".["));
    // "required" of a member taken out: the reader can go no further.
    if (!member.empty() && body.contains(member) && !rest.contains(member)) break;
    bool more = !member.empty() && rest.contains(member) && e.details.empty();
    errors.push_back(std::move(e));
    if (!more || errors.size() > body.size()) break;
    rest.erase(member);
    r = read(rest);
  }
  return field_errors(std::move(errors));
}

}  // namespace lz::http
