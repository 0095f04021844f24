// Errors as RFC 9457 problem+json: {"type","title","status","detail","code",
// "errors":[{"field","code","message"}]}, in the request's language.
#pragma once
#include "core/error.h"
#include "http/message.h"

namespace lz::http {

int status_for(const Error& e);
HttpResponse problem(const Error& e, Lang lang);
HttpResponse problem(int status, const std::string& code, const std::string& zh, const std::string& en, Lang lang);
// Common ones.
HttpResponse unauthorized(Lang lang);
HttpResponse forbidden(Lang lang);
HttpResponse not_found_response(Lang lang);

}  // namespace lz::http
