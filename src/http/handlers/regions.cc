// /api/v1/regions: the division tree (county -> township -> village -> group),
// open to every signed-in user (place names are not personal data).
#include <fmt/format.h>

#include "core/region_code.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "registry/json.h"

namespace lz::http {

void add_region_routes(Router& r) {
  r.add({"GET", "/api/v1/regions", "registry",
         "The region tree below a region (default: the county), as nested nodes with children",
         true,
         {{"region", "query", "string", "Root region code (6/9/12/15 digits, or the 12-digit statistical form)"},
          {"depth", "query", "integer", "Levels below the root to include (default 2; 3 includes groups)"}},
         "", "RegionNode", false, {400, 404}, [](Ctx& c) -> HttpResponse {
           auto county = c.svc.store->county();  // the default root: the database's county
           if (!county) return problem(county.error(), c.lang);
           std::string root = county->code;
           if (auto q = c.q("region"); q && !q->empty()) {
             auto code = RegionCode::parse(*q, "region");
             if (!code) {
               Error e = code.error();
               e.code = "request.bad_parameter";
               return problem(e, c.lang);
             }
             root = code->str();
           }
           auto depth = c.q_int("depth", 0, 3);
           if (!depth) return problem(depth.error(), c.lang);
           size_t max_len = root.size() + 3 * static_cast<size_t>(depth->value_or(2));
           auto regions = c.svc.store->regions(root);
           if (!regions) return problem(regions.error(), c.lang);
           if (regions->empty() || regions->front().code != root)
             return problem(not_found("region.not_found", "region", fmt::format("区划代码“{}”不存在", root),
                                      fmt::format("There is no region with code \"{}\"", root)),
                            c.lang);
           // Regions come sorted by code, so parents precede children.
           std::map<std::string, nlohmann::json> nodes;
           std::vector<std::string> order;
           for (const auto& reg : *regions) {
             if (reg.code.size() > max_len) continue;
             nlohmann::json n = to_json(reg);
             n["children"] = nlohmann::json::array();
             nodes[reg.code] = std::move(n);
             order.push_back(reg.code);
           }
           for (auto it = order.rbegin(); it != order.rend(); ++it) {
             if (*it == root) continue;
             std::string parent = it->substr(0, it->size() - 3);
             auto p = nodes.find(parent);
             if (p != nodes.end()) p->second["children"].insert(p->second["children"].begin(), std::move(nodes[*it]));
           }
           return json_response(nodes[root]);
         }});
  r.add({"GET", "/api/v1/regions/{code}", "registry", "One region", true,
         {{"code", "path", "string", "Region code", true}}, "", "Region", false, {404}, [](Ctx& c) -> HttpResponse {
           auto code = RegionCode::parse(c.params["code"], "code");
           if (!code) return not_found_response(c.lang);
           auto reg = c.svc.store->region(code->str());
           if (!reg) return problem(reg.error(), c.lang);
           return json_response(to_json(*reg));
         }});
}

}  // namespace lz::http
