#include "http/context.h"

#include <fmt/format.h>

#include <charconv>

namespace lz::http {

Error bad_parameter(const std::string& field, const std::string& zh, const std::string& en) {
  return invalid("request.bad_parameter", field, zh, en);
}

Error field_errors(std::vector<Error> errors) {
  if (errors.size() == 1) return std::move(errors.front());
  std::vector<Error> all;
  for (auto& e : errors) {
    if (e.details.empty()) all.push_back(std::move(e));
    for (auto& d : e.details) all.push_back(std::move(d));
  }
  Error e = invalid("validation", "", fmt::format("有{}处填写错误", all.size()),
                    fmt::format("{} fields are invalid", all.size()));
  e.details = std::move(all);
  return e;
}

static std::optional<int64_t> to_int(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

Result<int64_t> Ctx::id(const char* name) const {
  auto it = params.find(name);
  auto v = it == params.end() ? std::nullopt : to_int(it->second);
  if (!v || *v <= 0)
    return not_found("not_found", name, fmt::format("编号“{}”无效", it == params.end() ? "" : it->second),
                     fmt::format("Invalid id \"{}\"", it == params.end() ? "" : it->second));
  return *v;
}

std::optional<std::string> Ctx::q(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string Ctx::q_or(const std::string& name, std::string fallback) const {
  auto v = q(name);
  return v ? *v : fallback;
}

Result<std::optional<int64_t>> Ctx::q_int(const std::string& name, int64_t min, int64_t max) const {
  auto v = q(name);
  if (!v || v->empty()) return std::optional<int64_t>();
  auto n = to_int(*v);
  if (!n || *n < min || *n > max)
    return bad_parameter(name, fmt::format("参数{}应为{}到{}之间的整数，实为“{}”", name, min, max, *v),
                         fmt::format("Parameter {} must be an integer from {} to {}, not \"{}\"", name, min, max, *v));
  return std::optional<int64_t>(*n);
}

Result<std::optional<Date>> Ctx::q_date(const std::string& name) const {
  auto v = q(name);
  if (!v || v->empty()) return std::optional<Date>();
  auto d = Date::parse_iso(*v);
  if (!d)
    return bad_parameter(name, fmt::format("{}应为YYYY-MM-DD", name),
                         fmt::format("{} must be YYYY-MM-DD", name));
  return std::optional<Date>(*d);
}

Status Ctx::paging(int64_t& limit, int64_t& offset) const {
  auto l = q_int("limit", 0, 1000);
  if (!l) return l.error();
  auto o = q_int("offset", 0, INT64_MAX / 2);
  if (!o) return o.error();
  limit = l->value_or(50);
  offset = o->value_or(0);
  return {};
}

Result<nlohmann::json> Ctx::body() const {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return invalid("request.malformed_json", "body", "请求内容应为JSON对象", "The request body must be a JSON object");
  return j;
}

Result<int64_t> Ctx::expected_version(const nlohmann::json* body) const {
  std::string m = req.header("if-match");
  if (!m.empty()) {
    if (m.starts_with("W/")) m = m.substr(2);
    if (m.size() >= 2 && m.front() == '"' && m.back() == '"') m = m.substr(1, m.size() - 2);
    if (auto v = to_int(m)) return *v;
    return bad_parameter("If-Match", fmt::format("If-Match“{}”应为版本号", m),
                         fmt::format("If-Match \"{}\" must be a version number", m));
  }
  if (body && body->contains("version")) {
    const auto& v = (*body)["version"];
    if (v.is_number_integer()) return v.get<int64_t>();
    return bad_parameter("version", "version应为整数", "version must be an integer");
  }
  if (auto v = q("version")) {
    if (auto n = to_int(*v)) return *n;
  }
  Error e = invalid("version.required", "version",
                    "修改或删除须带上记录的版本号（If-Match请求头或version字段），以免覆盖他人的修改",
                    "Changes need the record's version (If-Match header or a version field), so that nobody's "
                    "change is overwritten");
  return e;
}

HttpResponse json_response(const nlohmann::json& j, int status) {
  HttpResponse r;
  r.status = status;
  r.body = j.dump();
  return r;
}

HttpResponse list_response(const nlohmann::json& items, int64_t total) {
  return json_response({{"items", items}, {"total", total}});
}

HttpResponse no_content() {
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

HttpResponse record_response(const nlohmann::json& j, int status) {
  HttpResponse r = json_response(j, status);
  if (j.contains("version")) r.header("ETag", fmt::format("\"{}\"", j["version"].get<int64_t>()));
  return r;
}

}  // namespace lz::http
