// Router: the route table of the API. Each route carries its handler and the
// facts the OpenAPI document is made of (summary, parameters, schemas), so
// the document cannot drift from what is served. Paths are matched segment by
// segment; "{name}" captures a segment.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/context.h"
#include "http/message.h"

namespace lz::http {

using Handler = std::function<HttpResponse(Ctx&)>;

struct ParamDoc {
  std::string name;
  std::string in = "query";  // query | path
  std::string type = "string";
  std::string description;
  bool required = false;
};

struct Route {
  std::string method, pattern;
  std::string tag, summary;
  bool auth = true;                     // needs a signed-in user
  std::vector<ParamDoc> params;         // path params are added automatically
  std::string request_schema;           // components/schemas name, "" if no body
  std::string response_schema;          // "" for no JSON body
  bool list = false;                    // response is {"items":[schema],"total":N}
  std::vector<int> statuses;            // further documented statuses
  Handler handler;
};

class Router {
 public:
  Route& add(Route r);
  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_exists = false;  // some route has this path (405 rather than 404)
  };
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  // Each route's pattern split into segments once, at add() (match() runs per request).
  std::vector<std::vector<std::string>> patterns_;
};

}  // namespace lz::http
