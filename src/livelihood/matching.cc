#include "livelihood/matching.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace lz::livelihood {

const char* distance_id(Distance d) {
  switch (d) {
    case Distance::kSameVillage:
      return "same_village";
    case Distance::kSameTownship:
      return "same_township";
    case Distance::kSameCounty:
      return "same_county";
    case Distance::kFarther:
      return "farther";
  }
  return "farther";
}

static bool same_prefix(const std::string& a, const std::string& b, size_t n) {
  return a.size() >= n && b.size() >= n && a.compare(0, n, b, 0, n) == 0;
}

Distance distance_between(const std::string& a, const std::string& b) {
  if (same_prefix(a, b, 12)) return Distance::kSameVillage;
  if (same_prefix(a, b, 9)) return Distance::kSameTownship;
  if (same_prefix(a, b, 6)) return Distance::kSameCounty;
  return Distance::kFarther;
}

static bool place_fits(const std::string& wanted, Distance d) {
  if (wanted == "village") return d == Distance::kSameVillage;
  if (wanted == "township") return d <= Distance::kSameTownship;
  if (wanted == "county") return d <= Distance::kSameCounty;
  return true;  // anywhere / unset
}

static std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

static Ranked assess(const MatchNeeds& n, Candidate c) {
  Ranked r;
  // 1. tier
  switch (c.tier) {
    case Tier::kRegisteredPoor:
      r.reasons.push_back(
          {"tier.registered_poor", "建档立卡贫困劳动力（含脱贫户），优先推荐",
           "Registered poor labourer (incl. lifted households): recommended first"});
      break;
    case Tier::kMarginal:
      r.reasons.push_back(
          {"tier.marginal", "边缘户劳动力，次优先", "Labourer of a marginal household: second"});
      break;
    case Tier::kOther:
      r.reasons.push_back(
          {"tier.other", "非建档立卡、非边缘户", "Neither registered poor nor marginal"});
      break;
  }
  // 2. skills
  std::vector<std::string> have;
  for (const auto& s : n.skills) {
    if (std::find(c.skills.begin(), c.skills.end(), s) != c.skills.end())
      have.push_back(s);
    else
      r.skills_missing.push_back(s);
  }
  r.skills_matched = static_cast<int>(have.size());
  if (n.skills.empty())
    r.reasons.push_back(
        {"skills.none_wanted", "岗位不要求特定技能", "The posting wants no particular skill"});
  else if (have.empty())
    r.reasons.push_back({"skills.none_matched",
                         fmt::format("不具备所需技能（{}）", join(n.skills, "、")),
                         fmt::format("Has none of the skills wanted ({})", join(n.skills, ", "))});
  else
    r.reasons.push_back(
        {"skills.matched",
         fmt::format("具备所需技能{}项/共{}项：{}", have.size(), n.skills.size(), join(have, "、")),
         fmt::format("Has {} of {} skills wanted: {}", have.size(), n.skills.size(),
                     join(have, ", "))});
  // 3. distance
  r.distance = distance_between(c.region_code, n.region_code);
  switch (r.distance) {
    case Distance::kSameVillage:
      r.reasons.push_back({"distance.same_village", "岗位在本村", "The work is in their village"});
      break;
    case Distance::kSameTownship:
      r.reasons.push_back(
          {"distance.same_township", "岗位在本镇", "The work is in their township"});
      break;
    case Distance::kSameCounty:
      r.reasons.push_back({"distance.same_county", "岗位在本县（市）其他镇",
                           "The work is in another township of the county"});
      break;
    case Distance::kFarther:
      r.reasons.push_back(
          {"distance.farther", "岗位在本县（市）以外", "The work is outside the county"});
      break;
  }
  // 4. availability
  r.available_by_start = c.available_from <= n.start_date;
  if (r.available_by_start)
    r.reasons.push_back(
        {"availability.by_start",
         fmt::format("{}起可上岗，赶得上{}开工", c.available_from.iso(), n.start_date.iso()),
         fmt::format("Available from {}, in time for the start on {}", c.available_from.iso(),
                     n.start_date.iso())});
  else
    r.reasons.push_back(
        {"availability.late",
         fmt::format("{}才可上岗，晚于{}开工", c.available_from.iso(), n.start_date.iso()),
         fmt::format("Available only from {}, after the start on {}", c.available_from.iso(),
                     n.start_date.iso())});
  // 5. wanted work
  bool kind_ok = c.wanted_kind.empty() || c.wanted_kind == n.kind;
  bool place_ok = place_fits(c.wanted_place, r.distance);
  bool hours_ok = c.hours == n.hours;
  r.wish_fit = (kind_ok ? 1 : 0) + (place_ok ? 1 : 0);
  const Term* wk = find_term(work_kinds(), c.wanted_kind);
  const Term* pk = find_term(work_kinds(), n.kind);
  if (!c.wanted_kind.empty()) {
    if (kind_ok)
      r.reasons.push_back(
          {"wish.kind_fits",
           fmt::format("意向工种“{}”与岗位一致", wk ? wk->zh : c.wanted_kind.c_str()),
           fmt::format("Wants {} work, as offered", wk ? wk->en : c.wanted_kind.c_str())});
    else
      r.reasons.push_back(
          {"wish.kind_differs",
           fmt::format("意向工种“{}”，岗位为“{}”", wk ? wk->zh : c.wanted_kind.c_str(),
                       pk ? pk->zh : n.kind.c_str()),
           fmt::format("Wants {} work; the posting is {}", wk ? wk->en : c.wanted_kind.c_str(),
                       pk ? pk->en : n.kind.c_str())});
  }
  const Term* pp = find_term(place_preferences(), c.wanted_place);
  if (c.wanted_place != "anywhere" && pp) {
    if (place_ok)
      r.reasons.push_back({"wish.place_fits", fmt::format("意向就业地点（{}）符合", pp->zh),
                           fmt::format("The place fits their wish ({})", pp->en)});
    else
      r.reasons.push_back({"wish.place_differs", fmt::format("意向就业地点为{}，岗位较远", pp->zh),
                           fmt::format("Wants work in {}; the posting is farther", pp->en)});
  }
  if (!hours_ok)
    r.reasons.push_back({"wish.hours_differ",
                         c.hours == "part_time" ? "希望兼职，岗位为全职" : "希望全职，岗位为兼职",
                         c.hours == "part_time"
                             ? "Wants part-time work; the posting is full time"
                             : "Wants full-time work; the posting is part time"});
  r.candidate = std::move(c);
  return r;
}

namespace {
// The rank order: a total order (the labourer id breaks every tie).
auto rank_key(const Ranked& r) {
  return std::make_tuple(static_cast<int>(r.candidate.tier), -r.skills_matched,
                         static_cast<int>(r.distance), r.available_by_start ? 0 : 1, -r.wish_fit,
                         r.candidate.labourer_id);
}
bool ranks_before(const Ranked& a, const Ranked& b) {
  return rank_key(a) < rank_key(b);
}
}  // namespace

std::vector<Ranked> rank(const MatchNeeds& needs, std::vector<Candidate> candidates) {
  std::vector<Ranked> out;
  out.reserve(candidates.size());
  for (auto& c : candidates) out.push_back(assess(needs, std::move(c)));
  std::sort(out.begin(), out.end(), ranks_before);
  for (size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
  return out;
}

std::vector<Ranked> rank_top(const MatchNeeds& needs, std::vector<Candidate> candidates,
                             size_t limit) {
  // A max-heap of the best `limit` so far (its front: the worst of them).
  std::vector<Ranked> best;
  best.reserve(std::min(limit, candidates.size()));
  for (auto& c : candidates) {
    Ranked r = assess(needs, std::move(c));
    if (best.size() < limit) {
      best.push_back(std::move(r));
      std::push_heap(best.begin(), best.end(), ranks_before);
    } else if (limit > 0 && ranks_before(r, best.front())) {
      std::pop_heap(best.begin(), best.end(), ranks_before);
      best.back() = std::move(r);
      std::push_heap(best.begin(), best.end(), ranks_before);
    }
  }
  std::sort_heap(best.begin(), best.end(), ranks_before);
  for (size_t i = 0; i < best.size(); ++i) best[i].rank = static_cast<int>(i) + 1;
  return best;
}

}  // namespace lz::livelihood
