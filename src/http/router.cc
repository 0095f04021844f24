#include "http/router.h"

namespace lz::http {

static std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < path.size()) {
    size_t e = path.find('/', b);
    if (e == std::string::npos) e = path.size();
    if (e > b) out.push_back(path.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

Route& Router::add(Route r) {
  for (const auto& seg : segments(r.pattern)) {
    if (seg.size() > 2 && seg.front() == '{') {
      std::string name = seg.substr(1, seg.size() - 2);
      bool documented = false;
      for (auto& p : r.params) documented |= p.name == name && p.in == "path";
      if (!documented) r.params.insert(r.params.begin(), {name, "path", name == "id" ? "integer" : "string", "", true});
    }
  }
  routes_.push_back(std::move(r));
  return routes_.back();
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  auto segs = segments(path);
  for (const auto& r : routes_) {
    auto pat = segments(r.pattern);
    if (pat.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < pat.size() && ok; ++i) {
      if (pat[i].size() > 2 && pat[i].front() == '{')
        params[pat[i].substr(1, pat[i].size() - 2)] = segs[i];
      else
        ok = pat[i] == segs[i];
    }
    if (!ok) continue;
    m.path_exists = true;
    if (r.method == method) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
  }
  return m;
}

}  // namespace lz::http
