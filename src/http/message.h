// HttpRequest / HttpResponse: plain values between the network (server.cc,
// the only file that knows RESTinio) and the API (router and handlers), so
// the whole API can be tested in-process without sockets.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lz::http {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query, e.g. "/api/v1/households/12"
  std::string query;   // raw query string without '?'
  std::map<std::string, std::string> headers;  // keys lower-case
  std::string body;
  std::string remote;  // client address
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  HttpResponse& header(std::string k, std::string v) {
    headers.emplace_back(std::move(k), std::move(v));
    return *this;
  }
};

// Percent-decoding and query parsing ("a=1&b=%E6%9D%8E" -> {a:1, b:李}); '+' is a space.
std::string url_decode(const std::string& s);
std::multimap<std::string, std::string> parse_query(const std::string& q);

}  // namespace lz::http
