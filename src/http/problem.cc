#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace lz::http {

int status_for(const Error& e) {
  if (e.code == "session.locked") return 429;
  if (e.code.starts_with("session.")) return 401;
  if (e.code == "auth.forbidden" || e.code.ends_with(".forbidden") || e.code == "auth.out_of_scope") return 403;
  if (e.code == "version.required") return 428;
  if (e.code == "request.malformed_json" || e.code == "request.bad_parameter") return 400;
  switch (e.kind) {
    case ErrorKind::kInvalid: return 422;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

static const char* title_for(int status, Lang lang) {
  bool en = lang == Lang::kEn;
  switch (status) {
    case 400: return en ? "Bad request" : "请求格式错误";
    case 401: return en ? "Not signed in" : "未登录";
    case 403: return en ? "Forbidden" : "无权操作";
    case 404: return en ? "Not found" : "未找到";
    case 405: return en ? "Method not allowed" : "不支持该操作";
    case 409: return en ? "Conflict" : "数据冲突";
    case 413: return en ? "Request too large" : "请求内容过大";
    case 422: return en ? "Invalid input" : "填写有误";
    case 428: return en ? "Version required" : "缺少版本号";
    case 429: return en ? "Too many attempts" : "尝试次数过多";
    case 503: return en ? "Shutting down" : "服务正在停止";
    default: return en ? "Internal error" : "系统内部错误";
  }
}

static nlohmann::json field_error(const Error& e, Lang lang) {
  return {{"field", e.field}, {"code", e.code}, {"message", e.message(lang)}};
}

HttpResponse problem(const Error& e, Lang lang) {
  int status = status_for(e);
  nlohmann::json j = {{"type", "urn:liangzhan:problem:" + e.code},
                      {"title", title_for(status, lang)},
                      {"status", status},
                      {"detail", e.message(lang)},
                      {"code", e.code}};
  nlohmann::json errors = nlohmann::json::array();
  if (e.details.empty() && !e.field.empty()) errors.push_back(field_error(e, lang));
  for (const auto& d : e.details) errors.push_back(field_error(d, lang));
  j["errors"] = errors;
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json; charset=utf-8";
  r.body = j.dump();
  if (status == 401) r.header("WWW-Authenticate", "Bearer");
  return r;
}

HttpResponse problem(int status, const std::string& code, const std::string& zh, const std::string& en, Lang lang) {
  nlohmann::json j = {{"type", "urn:liangzhan:problem:" + code},
                      {"title", title_for(status, lang)},
                      {"status", status},
                      {"detail", lang == Lang::kEn ? en : zh},
                      {"code", code},
                      {"errors", nlohmann::json::array()}};
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json; charset=utf-8";
  r.body = j.dump();
  if (status == 401) r.header("WWW-Authenticate", "Bearer");
  return r;
}

HttpResponse unauthorized(Lang lang) {
  return problem(401, "session.required", "请先登录", "Sign in first", lang);
}
HttpResponse forbidden(Lang lang) {
  return problem(403, "auth.forbidden", "您的角色无权进行此操作", "Your role may not do this", lang);
}
HttpResponse not_found_response(Lang lang) {
  return problem(404, "not_found", "未找到该记录或地址", "No such record or address", lang);
}

}  // namespace lz::http
