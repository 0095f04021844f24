#include "http/router.h"

#include <string_view>

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
  patterns_.push_back(segments(r.pattern));
  routes_.push_back(std::move(r));
  return routes_.back();
}

// The path's segments as views into it (no allocation for up to 16 segments).
static size_t path_segments(std::string_view path, std::string_view* out, size_t cap) {
  size_t n = 0, b = 0;
  while (b < path.size()) {
    size_t e = path.find('/', b);
    if (e == std::string_view::npos) e = path.size();
    if (e > b) {
      if (n == cap) return cap + 1;  // deeper than any route
      out[n++] = path.substr(b, e - b);
    }
    b = e + 1;
  }
  return n;
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  constexpr size_t kMax = 16;
  std::string_view segs[kMax];
  size_t n = path_segments(path, segs, kMax);
  if (n > kMax) return m;
  for (size_t ri = 0; ri < routes_.size(); ++ri) {
    const auto& pat = patterns_[ri];
    if (pat.size() != n) continue;
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i)
      ok = (pat[i].size() > 2 && pat[i].front() == '{') || pat[i] == segs[i];
    if (!ok) continue;
    m.path_exists = true;
    const Route& r = routes_[ri];
    if (r.method == method) {
      m.route = &r;
      for (size_t i = 0; i < n; ++i)
        if (pat[i].size() > 2 && pat[i].front() == '{')
          m.params.emplace(pat[i].substr(1, pat[i].size() - 2), std::string(segs[i]));
      return m;
    }
  }
  return m;
}

}  // namespace lz::http
