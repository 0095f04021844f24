#include "livelihood/jobs_json.h"

#include "livelihood/units.h"

namespace lz::livelihood {

using nlohmann::json;

static json opt_date(const std::optional<Date>& d) {
  return d ? json(d->iso()) : json(nullptr);
}

json to_json(const Labourer& l) {
  return {{"id", l.id},
          {"person_id", l.person_id},
          {"household_id", l.household_id},
          {"region_code", l.region_code},
          {"skills", l.skills},
          {"available_from", l.available_from.iso()},
          {"hours", l.hours},
          {"returned_from", l.returned_from},
          {"wanted_kind", l.wanted_kind},
          {"wanted_place", l.wanted_place},
          {"status", l.status},
          {"note", l.note},
          {"version", l.version}};
}

json to_json(const Employer& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"name", e.name},
          {"region_code", e.region_code},
          {"contact_name", e.contact_name},
          {"contact_phone", e.contact_phone},
          {"enterprise_id", e.enterprise_id ? json(*e.enterprise_id) : json(nullptr)},
          {"note", e.note},
          {"active", e.active},
          {"version", e.version}};
}

json to_json(const Posting& p) {
  return {{"id", p.id},
          {"employer_id", p.employer_id},
          {"title", p.title},
          {"kind", p.kind},
          {"region_code", p.region_code},
          {"monthly_pay", fen_to_yuan(p.monthly_pay_fen)},
          {"places", p.places},
          {"filled", p.filled},
          {"start_date", p.start_date.iso()},
          {"skills", p.skills},
          {"hours", p.hours},
          {"status", p.status},
          {"note", p.note},
          {"version", p.version}};
}

json to_json(const Placement& p) {
  return {{"id", p.id},
          {"labourer_id", p.labourer_id},
          {"person_id", p.person_id},
          {"household_id", p.household_id},
          {"posting_id", p.posting_id},
          {"region_code", p.region_code},
          {"start_date", p.start_date.iso()},
          {"end_date", opt_date(p.end_date)},
          {"monthly_wage", fen_to_yuan(p.monthly_wage_fen)},
          {"credit_year", p.credit_year},
          {"credited_wage", fen_to_yuan(p.credited_fen)},
          {"end_reason", p.end_reason},
          {"version", p.version}};
}

json to_json(const WelfarePost& w) {
  return {{"id", w.id},
          {"kind", w.kind},
          {"title", w.title},
          {"region_code", w.region_code},
          {"monthly_pay", fen_to_yuan(w.monthly_pay_fen)},
          {"note", w.note},
          {"active", w.active},
          {"version", w.version}};
}

json to_json(const WelfareHolding& h) {
  return {{"id", h.id},
          {"post_id", h.post_id},
          {"person_id", h.person_id},
          {"household_id", h.household_id},
          {"region_code", h.region_code},
          {"from_date", h.from_date.iso()},
          {"to_date", opt_date(h.to_date)},
          {"credit_year", h.credit_year},
          {"credited_wage", fen_to_yuan(h.credited_fen)},
          {"end_reason", h.end_reason}};
}

json to_json(const Ranked& r) {
  json reasons = json::array();
  for (const auto& x : r.reasons) reasons.push_back({{"code", x.code}, {"zh", x.zh}, {"en", x.en}});
  return {{"rank", r.rank},
          {"labourer_id", r.candidate.labourer_id},
          {"person_id", r.candidate.person_id},
          {"name", r.candidate.name},
          {"tier", tier_id(r.candidate.tier)},
          {"region_code", r.candidate.region_code},
          {"skills", r.candidate.skills},
          {"skills_matched", r.skills_matched},
          {"skills_missing", r.skills_missing},
          {"distance", distance_id(r.distance)},
          {"available_from", r.candidate.available_from.iso()},
          {"available_by_start", r.available_by_start},
          {"wish_fit", r.wish_fit},
          {"reasons", reasons}};
}

}  // namespace lz::livelihood
