#include "epidemic/bulletin_series.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "epidemic/case.h"
#include "epidemic/observation.h"

namespace lz::epidemic {

namespace {

// The days from .. from + n - 1 of a series.
struct Days {
  Date from;
  int n = 0;
  // Index of the first day of the series on or after x: 0 for a day before the
  // series, n for a day after it.
  int first_on_or_after(Date x) const { return std::clamp(x - from, 0, n); }
  bool contains(Date x) const { return x >= from && x - from < n; }
};

// A figure that changes on days: add(x, v) adds v to every day on or after x;
// at(i) is the figure on day i once sum() has run.
struct Marks {
  const Days& days;
  std::vector<int64_t> v;
  explicit Marks(const Days& d) : days(d), v(static_cast<size_t>(d.n) + 1, 0) {}
  void add(Date x, int64_t by) { v[static_cast<size_t>(days.first_on_or_after(x))] += by; }
  void add(const std::optional<Date>& x, int64_t by) {
    if (x) add(*x, by);
  }
  void sum() {
    for (size_t i = 1; i < v.size(); ++i) v[i] += v[i - 1];
  }
  int64_t at(int i) const { return v[static_cast<size_t>(i)]; }
};

// The earliest day per id.
void keep_earliest(std::unordered_map<int64_t, Date>& m, int64_t id, Date d) {
  auto [it, fresh] = m.try_emplace(id, d);
  if (!fresh && d < it->second) it->second = d;
}

uint64_t pair_key(size_t observation_index, Date day) {
  return (static_cast<uint64_t>(observation_index) << 32) | static_cast<uint32_t>(day.days());
}

}  // namespace

std::vector<Bulletin> compute_bulletin_series(const BulletinInput& in, Date from, Date to,
                                              std::string_view region_prefix) {
  if (to < from) return {};
  const Days days{from, to - from + 1};
  const int n = days.n;
  std::vector<Bulletin> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    out[static_cast<size_t>(i)].date = from.plus_days(i);
    out[static_cast<size_t>(i)].region_prefix = std::string(region_prefix);
  }
  auto fig = [&](int i) -> EpidemicFigures& { return out[static_cast<size_t>(i)].epidemic; };

  // Cases: the few in the region are tested day by day for their state.
  std::unordered_map<int64_t, Date> infected_since;  // any region
  Marks confirmed_total(days), discharged(days), deaths(days);
  std::vector<const CaseRecord*> cases_here;
  std::vector<Date> confirmations;
  for (const CaseRecord& c : in.cases) {
    if (c.confirmed_on) keep_earliest(infected_since, c.person_id, *c.confirmed_on);
    if (!in_region(c.region_code, region_prefix)) continue;
    cases_here.push_back(&c);
    if (c.confirmed_on) {
      confirmed_total.add(*c.confirmed_on, 1);
      if (days.contains(*c.confirmed_on)) ++fig(*c.confirmed_on - from).confirmed_new;
      confirmations.push_back(*c.confirmed_on);
    }
    discharged.add(c.discharged_on, 1);
    deaths.add(c.deceased_on, 1);
  }
  confirmed_total.sum();
  discharged.sum();
  deaths.sum();
  std::sort(confirmations.begin(), confirmations.end());
  {
    size_t k = 0;
    std::optional<Date> last;
    for (int i = 0; i < n; ++i) {
      const Date d = from.plus_days(i);
      while (k < confirmations.size() && confirmations[k] <= d) last = confirmations[k++];
      EpidemicFigures& e = fig(i);
      if (last) e.days_without_new_case = d - *last;
      e.confirmed_total = confirmed_total.at(i);
      e.discharged_total = discharged.at(i);
      e.deaths_total = deaths.at(i);
      for (const CaseRecord* c : cases_here) {
        auto status = status_on(*c, d);
        if (status == CaseStatus::kConfirmed) ++e.in_hospital;
        if (status == CaseStatus::kSuspected) ++e.suspected;
      }
    }
  }

  // Key persons: a person counts from their first listing on.
  std::unordered_map<int64_t, Date> listed_anywhere, listed_here;
  std::vector<KeyPersonsByCategory> by_category(static_cast<size_t>(n) + 1);
  for (const KeyPersonRecord& k : in.key_persons) {
    if (k.added_on > to) continue;
    keep_earliest(listed_anywhere, k.person_id, k.added_on);
    if (!in_region(k.region_code, region_prefix)) continue;
    keep_earliest(listed_here, k.person_id, k.added_on);
    ++by_category[static_cast<size_t>(days.first_on_or_after(k.added_on))].of(k.category);
  }
  {
    Marks total(days);
    for (const auto& [person, since] : listed_here) total.add(since, 1);
    total.sum();
    KeyPersonsByCategory running;
    for (int i = 0; i < n; ++i) {
      const KeyPersonsByCategory& m = by_category[static_cast<size_t>(i)];
      running.confirmed += m.confirmed;
      running.suspected += m.suspected;
      running.fever += m.fever;
      running.close_contact += m.close_contact;
      running.hubei_returnee += m.hubei_returnee;
      fig(i).key_persons_by_category = running;
      fig(i).key_persons_total = total.at(i);
    }
  }

  // Observations and their due days. overdue on D: the due days before D
  // (a running sum whose daily step is the number of windows covering D - 1),
  // less the follow-ups for them recorded by D.
  {
    Marks under(days), home(days), centralized(days), released(days), due(days), step(days),
        caught_up(days);
    int64_t overdue_base = 0;  // due days before `from`
    std::unordered_map<int64_t, size_t> by_id;
    for (size_t idx = 0; idx < in.observations.size(); ++idx) {
      const ObservationRecord& o = in.observations[idx];
      if (!in_region(o.region_code, region_prefix)) continue;
      by_id.emplace(o.observation_id, idx);
      if (!o.released_on || *o.released_on > o.start) {
        Marks& kind = o.kind == ObservationKind::kHome ? home : centralized;
        under.add(o.start, 1);
        kind.add(o.start, 1);
        if (o.released_on) {
          under.add(*o.released_on, -1);
          kind.add(*o.released_on, -1);
        }
      }
      released.add(o.released_on, 1);
      DueWindow w = due_window(o);
      if (w.end > w.first) {
        due.add(w.first, 1);
        due.add(w.end, -1);
        overdue_base += std::clamp(from - w.first, 0, w.end - w.first);
        // Day D has one more past due day than D - 1 when first < D <= end.
        step.add(w.first.plus_days(1), 1);
        step.add(w.end.plus_days(1), -1);
      }
    }
    // Each due day with a follow-up: the earliest day one was recorded.
    std::unordered_map<uint64_t, Date> recorded;
    recorded.reserve(in.follow_ups.size());
    std::vector<std::pair<Date, Date>> done_days;  // (day, first recorded)
    for (const FollowUpRecord& f : in.follow_ups) {
      if (f.day > to || f.recorded_on > to) continue;
      auto it = by_id.find(f.observation_id);
      if (it == by_id.end()) continue;
      if (!due_window(in.observations[it->second]).contains(f.day)) continue;
      auto [r, fresh] = recorded.try_emplace(pair_key(it->second, f.day), f.recorded_on);
      if (!fresh && f.recorded_on < r->second) r->second = f.recorded_on;
    }
    for (const auto& [key, first_recorded] : recorded) {
      Date day = Date::from_days(static_cast<int32_t>(static_cast<uint32_t>(key)));
      if (first_recorded <= day && days.contains(day)) ++fig(day - from).follow_ups_done;
      caught_up.add(std::max(day.plus_days(1), first_recorded), 1);
    }
    for (Marks* m : {&under, &home, &centralized, &released, &due, &step, &caught_up}) m->sum();
    int64_t past_due = overdue_base;
    for (int i = 0; i < n; ++i) {
      EpidemicFigures& e = fig(i);
      e.under_observation = under.at(i);
      e.observation_home = home.at(i);
      e.observation_centralized = centralized.at(i);
      e.released_total = released.at(i);
      e.follow_ups_due = due.at(i);
      if (i > 0) past_due += step.at(i);
      e.follow_ups_overdue = past_due - caught_up.at(i);
    }
  }

  // Checkpoints: passages count on their own day.
  for (const PassageRecord& p : in.passages) {
    if (!days.contains(p.on) || !in_region(p.region_code, region_prefix)) continue;
    ++fig(p.on - from).checkpoint_passages;
    fig(p.on - from).checkpoint_fevers += p.fevers;
  }

  // Poverty: the register is not dated; listings and infections are.
  {
    std::unordered_set<int64_t> households, persons;
    Marks listed(days), infected(days);
    for (const RegisteredPoorMember& m : in.registered_poor) {
      if (!in_region(m.region_code, region_prefix)) continue;
      households.insert(m.household_id);
      if (!persons.insert(m.person_id).second) continue;
      if (auto it = listed_anywhere.find(m.person_id); it != listed_anywhere.end())
        listed.add(it->second, 1);
      if (auto it = infected_since.find(m.person_id); it != infected_since.end())
        infected.add(it->second, 1);
    }
    listed.sum();
    infected.sum();
    // Relapse cases, grouped by household: monitored on D if any is open.
    std::unordered_map<int64_t, std::vector<const RelapseCaseRecord*>> cases_of;
    std::unordered_map<int64_t, Date> relapsed_since;
    for (const RelapseCaseRecord& r : in.relapse_cases) {
      if (!in_region(r.region_code, region_prefix)) continue;
      cases_of[r.household_id].push_back(&r);
      if (r.epidemic && r.relapsed_on)
        keep_earliest(relapsed_since, r.household_id, *r.relapsed_on);
    }
    Marks monitored(days), relapsed(days);
    for (const auto& [household, since] : relapsed_since) relapsed.add(since, 1);
    relapsed.sum();
    std::vector<int64_t> open(static_cast<size_t>(n), 0);
    for (const auto& [household, list] : cases_of)
      for (int i = 0; i < n; ++i) {
        const Date d = from.plus_days(i);
        for (const RelapseCaseRecord* r : list)
          if (r->opened_on <= d && !(r->closed_on && *r->closed_on <= d)) {
            ++open[static_cast<size_t>(i)];
            break;
          }
      }
    for (int i = 0; i < n; ++i) {
      PovertyFigures& pv = out[static_cast<size_t>(i)].poverty;
      pv.registered_households = static_cast<int64_t>(households.size());
      pv.registered_persons = static_cast<int64_t>(persons.size());
      pv.registered_persons_key_persons = listed.at(i);
      pv.registered_persons_infected = infected.at(i);
      pv.households_relapse_monitoring = open[static_cast<size_t>(i)];
      pv.households_relapsed_due_to_epidemic = relapsed.at(i);
    }
  }

  // Cadres: the registry as it stands.
  CadreFigures cadres;
  for (const CadreRecord& c : in.cadres) {
    if (!in_region(c.region_code, region_prefix)) continue;
    cadres.village_stationed += c.village_stationed;
    cadres.paired += c.paired;
  }
  for (Bulletin& b : out) b.cadres = cadres;
  return out;
}

std::vector<Bulletin> compute_bulletins_by_region(const BulletinInput& in, Date d,
                                                  const std::vector<std::string>& prefixes) {
  std::vector<Bulletin> out;
  out.reserve(prefixes.size());
  if (prefixes.empty()) return out;
  const size_t len = prefixes.front().size();
  bool same_length = std::all_of(prefixes.begin(), prefixes.end(),
                                 [&](const std::string& p) { return p.size() == len; });
  if (!same_length || len == 0) {  // not a partition by one code length: one by one
    for (const std::string& p : prefixes) out.push_back(compute_bulletin(in, d, p));
    return out;
  }
  std::unordered_map<std::string_view, size_t> part_of_prefix;
  for (size_t i = 0; i < prefixes.size(); ++i) part_of_prefix.emplace(prefixes[i], i);
  auto part = [&](const std::string& code) -> std::optional<size_t> {
    if (code.size() < len) return std::nullopt;
    auto it = part_of_prefix.find(std::string_view(code).substr(0, len));
    if (it == part_of_prefix.end()) return std::nullopt;
    return it->second;
  };
  struct Part {
    std::vector<ObservationRecord> observations;
    std::vector<FollowUpRecord> follow_ups;
    std::vector<PassageRecord> passages;
    std::vector<RegisteredPoorMember> registered_poor;
    std::vector<RelapseCaseRecord> relapse_cases;
    std::vector<CadreRecord> cadres;
  };
  std::vector<Part> parts(prefixes.size());
  // Follow-ups go with their observation (observation ids are unique).
  std::unordered_map<int64_t, size_t> observation_part;
  for (const ObservationRecord& o : in.observations)
    if (auto p = part(o.region_code)) {
      parts[*p].observations.push_back(o);
      observation_part.emplace(o.observation_id, *p);
    }
  for (const FollowUpRecord& f : in.follow_ups)
    if (auto it = observation_part.find(f.observation_id); it != observation_part.end())
      parts[it->second].follow_ups.push_back(f);
  for (const PassageRecord& p : in.passages)
    if (p.on == d)
      if (auto i = part(p.region_code)) parts[*i].passages.push_back(p);
  for (const RegisteredPoorMember& m : in.registered_poor)
    if (auto i = part(m.region_code)) parts[*i].registered_poor.push_back(m);
  for (const RelapseCaseRecord& r : in.relapse_cases)
    if (auto i = part(r.region_code)) parts[*i].relapse_cases.push_back(r);
  for (const CadreRecord& c : in.cadres)
    if (auto i = part(c.region_code)) parts[*i].cadres.push_back(c);
  for (size_t i = 0; i < prefixes.size(); ++i) {
    const Part& p = parts[i];
    BulletinInput sub{in.cases,   in.key_persons,    p.observations,  p.follow_ups,
                      p.passages, p.registered_poor, p.relapse_cases, p.cadres};
    out.push_back(compute_bulletin(sub, d, prefixes[i]));
  }
  return out;
}

}  // namespace lz::epidemic
