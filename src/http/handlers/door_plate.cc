// Door plates (户信息牌): a printable A5 page per household for the sign
// cadres put up at the door, with a QR code that opens the household's page
// for a signed-in cadre (so a visit is recorded by scanning), and the QR code
// alone as SVG. The page is rendered by the server so it prints the same from
// any browser; it shows what a door plate shows in the county: household
// number, village, head, members, poverty status, the paired cadre and their
// phone (the contact the household and visitors need). No ID numbers.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/qr_svg.h"
#include "http/scope_guard.h"

namespace lz::http {

namespace {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

// The address the QR code opens: this server's household page.
std::string household_url(const Ctx& c, int64_t id) {
  std::string host = c.req.header("host");
  if (host.empty()) host = "127.0.0.1:8080";
  std::string scheme = c.req.header("x-forwarded-proto");
  if (scheme != "https") scheme = "http";
  return fmt::format("{}://{}/registry/households/{}?visit=1", scheme, host, id);
}

// The household of a plate: the registry reader's right (403), then one the
// user may see (404).
Result<Household> plate_household(Ctx& c, int64_t id) {
  LZ_TRY(require_registry(c));
  return visible_household(c, id);
}

const char* status_zh(const std::string& s) {
  if (s == "registered_poor") return "建档立卡贫困户（未脱贫）";
  if (s == "lifted") return "建档立卡脱贫户";
  if (s == "marginal") return "边缘户";
  return "";
}

}  // namespace

void add_door_plate_routes(Router& r) {
  r.add({"GET", "/api/v1/households/{id}/qr.svg", "registry",
         "The household's QR code (SVG): it opens the household's page for a signed-in cadre", true, {}, "", "", false,
         {403, 404}, [](Ctx& c) -> HttpResponse {
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto h = plate_household(c, *id);
           if (!h) return problem(h.error(), c.lang);
           auto svg = qr_svg(household_url(c, *id), 6);
           if (!svg) return problem(svg.error(), c.lang);
           HttpResponse out;
           out.content_type = "image/svg+xml";
           out.body = std::move(svg).value();
           out.header("Cache-Control", "private, max-age=300");
           return out;
         }});

  r.add({"GET", "/api/v1/households/{id}/door-plate", "registry",
         "A printable A5 door plate (HTML) for the household: number, village, head, members, poverty status, the "
         "paired cadre and the QR code",
         true, {}, "", "", false, {403, 404}, [](Ctx& c) -> HttpResponse {
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto h = plate_household(c, *id);
           if (!h) return problem(h.error(), c.lang);
           // Where: township and village (and group) names.
           std::string place;
           for (size_t len : {size_t{9}, size_t{12}, size_t{15}}) {
             if (h->region_code.size() < len) break;
             auto reg = c.svc.store->region(h->region_code.substr(0, len));
             if (reg) place += reg->name;
           }
           std::string head = "";
           for (const auto& m : h->members)
             if (h->head_person_id && m.id == *h->head_person_id) head = m.name;
           std::string status;
           {
             sqlite::FactsFilter f;
             f.household_id = *id;
             auto facts = c.svc.poverty_store->load_facts(f);
             if (facts && !facts->empty()) {
               auto st = (*facts)[0].status;
               status = st == poverty::HouseholdStatus::kRegisteredPoor ? "registered_poor"
                        : st == poverty::HouseholdStatus::kLifted       ? "lifted"
                        : st == poverty::HouseholdStatus::kMarginal     ? "marginal"
                                                                        : "";
             }
           }
           std::string cadre_line;
           if (auto p = c.svc.store->current_pairing(*id); p && *p) {
             if (auto cd = c.svc.store->cadre((*p)->cadre_id))
               cadre_line = fmt::format("<tr><th>帮扶责任人</th><td>{}（{}）</td></tr><tr><th>联系电话</th><td>{}</td></tr>",
                                        html_escape(cd->name), html_escape(cd->unit), html_escape(cd->phone));
           }
           auto svg = qr_svg(household_url(c, *id), 5);
           if (!svg) return problem(svg.error(), c.lang);
           std::string status_row =
               status.empty() ? "" : fmt::format("<tr><th>户类别</th><td>{}</td></tr>", status_zh(status));
           HttpResponse out;
           out.content_type = "text/html; charset=utf-8";
           out.body = fmt::format(
               "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>户信息牌 {0}</title>"
               "<style>@page{{size:A5 landscape;margin:10mm}}body{{font-family:\"Noto Sans CJK SC\",\"PingFang SC\","
               "\"Microsoft YaHei\",sans-serif;margin:0}}.plate{{border:3px solid #b71c1c;padding:8mm;display:flex;"
               "gap:8mm;align-items:center;max-width:190mm}}h1{{color:#b71c1c;font-size:22pt;margin:0 0 4mm}}"
               "table{{font-size:13pt;border-collapse:collapse}}th{{text-align:left;padding:1.5mm 4mm 1.5mm 0;"
               "white-space:nowrap;color:#555}}td{{padding:1.5mm 0}}.qr{{text-align:center;font-size:9pt;color:#555}}"
               ".qr svg{{width:45mm;height:45mm}}@media screen{{body{{padding:16px}}}}</style></head><body>"
               "<div class=\"plate\"><div><h1>户信息牌</h1><table>"
               "<tr><th>户编号</th><td>{0}</td></tr><tr><th>户主</th><td>{1}</td></tr>"
               "<tr><th>家庭人口</th><td>{2}人</td></tr><tr><th>所在地</th><td>{3}</td></tr>{4}{5}</table></div>"
               "<div class=\"qr\">{6}<div>扫码查看本户信息、记录走访</div></div></div></body></html>",
               html_escape(h->number), html_escape(head), h->members.size(), html_escape(place), status_row,
               cadre_line, *svg);
           out.header("Cache-Control", "no-store");
           return out;
         }});
}

}  // namespace lz::http
