// ApiFixture<Suite>: what the API test suites share. Each suite opens one
// database in the temporary folder (with the small demo county of a seed),
// the Api over it, adds its accounts (all with kPassword) and sends requests
// as one of them with call() (a JSON body) or call_raw() (a body as it is:
// a file to import); the tokens are cached per login. CRTP, so each
// suite keeps statics of its own:
//   class JobsApiTest : public ApiFixture<JobsApiTest> {
//     static void SetUpTestSuite() {
//       ASSERT_NO_FATAL_FAILURE(open_county("lz_jobs_api_", 7));
//       ...
//     }
//     static void TearDownTestSuite() { close_county(); }
//   };
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/accounts_service.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"

namespace lz::http {

inline constexpr const char* kPassword = "Liangzhan-2020!";

template <typename Suite>
class ApiFixture : public ::testing::Test {
 protected:
  using json = nlohmann::json;

  // A fresh database <temp>/<name><pid>.db (any earlier one removed) with
  // the small demo county of `seed` (none when nullopt), and the Api.
  static void open_county(const std::string& name, std::optional<uint64_t> seed) {
    path_ = (std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()) + ".db"))
                .string();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    tokens_.clear();
    auto svc = Services::open(path_);
    ASSERT_TRUE(svc.ok()) << svc.error().describe();
    svc_ = std::move(svc).value().release();
    if (seed) {
      demo::DemoConfig cfg;
      cfg.seed = *seed;
      ASSERT_TRUE(demo::generate_county(*svc_->store, cfg).ok());
    }
    api_ = new Api();
  }
  static void close_county() {
    delete api_;
    delete svc_;
    api_ = nullptr;
    svc_ = nullptr;
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    std::filesystem::remove_all(path_ + "-uploads");  // the imports' files, if any
  }

  // Adds an account named `login` (its display name too) with kPassword;
  // `bound` gives the cadre, checkpoint, enterprise or purchase point.
  static void add_account(const std::string& login, const std::string& role,
                          const std::string& region, AccountInput bound = {}) {
    bound.login = login;
    bound.display_name = login;
    bound.role = role;
    bound.region_code = region;
    auto a = svc_->auth->add_account(bound, kPassword, Actor{"cli", "", ""});
    ASSERT_TRUE(a.ok()) << login << ": " << a.error().describe();
  }

  struct Res {
    int status;
    json body;  // null when the response has no body
    std::string raw, type;  // the body as sent, its Content-Type
    std::map<std::string, std::string> headers;
  };
  // A request as `who` (none when empty), in `lang` (Accept-Language) when
  // given, with If-Match when given.
  Res call(const std::string& method, const std::string& target, const std::string& who,
           const json& body = nullptr, const std::string& lang = "",
           const std::string& if_match = "") {
    HttpRequest r = request(method, target, who, lang);
    if (!if_match.empty()) r.headers["if-match"] = if_match;
    if (!body.is_null()) r.body = body.dump();
    return send(r);
  }
  // The same with a body sent as it is (a file, a slice of one, text that is
  // not JSON) and its Content-Type when given.
  Res call_raw(const std::string& method, const std::string& target, const std::string& who,
               const std::string& body, const std::string& lang = "",
               const std::string& content_type = "") {
    HttpRequest r = request(method, target, who, lang);
    if (!content_type.empty()) r.headers["content-type"] = content_type;
    r.body = body;
    return send(r);
  }
  // The bearer token of `who` (logged in once per suite).
  std::string token(const std::string& who) {
    if (!tokens_.count(who)) tokens_[who] = svc_->auth->login(who, kPassword, "127.0.0.1")->token;
    return tokens_[who];
  }

  static inline std::string path_;
  static inline Services* svc_ = nullptr;
  static inline Api* api_ = nullptr;
  static inline std::map<std::string, std::string> tokens_;

 private:
  HttpRequest request(const std::string& method, const std::string& target, const std::string& who,
                      const std::string& lang) {
    HttpRequest r;
    r.method = method;
    auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    if (!who.empty()) r.headers["authorization"] = "Bearer " + token(who);
    if (!lang.empty()) r.headers["accept-language"] = lang;
    r.remote = "127.0.0.1";
    return r;
  }
  Res send(const HttpRequest& r) {
    HttpResponse resp = api_->handle(r, *svc_);
    std::map<std::string, std::string> hs;
    for (const auto& [k, v] : resp.headers) hs[k] = v;
    return {resp.status, resp.body.empty() ? json(nullptr) : json::parse(resp.body, nullptr, false),
            resp.body, resp.content_type, hs};
  }
};

}  // namespace lz::http
