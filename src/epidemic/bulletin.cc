#include "epidemic/bulletin.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "epidemic/case.h"
#include "epidemic/observation.h"

namespace lz::epidemic {

template <typename Self>
static auto& field_of(Self& k, KeyCategory c) {
  switch (c) {
    case KeyCategory::kConfirmed:
      return k.confirmed;
    case KeyCategory::kSuspected:
      return k.suspected;
    case KeyCategory::kFever:
      return k.fever;
    case KeyCategory::kCloseContact:
      return k.close_contact;
    case KeyCategory::kHubeiReturnee:
      return k.hubei_returnee;
  }
  return k.fever;
}

int64_t& KeyPersonsByCategory::of(KeyCategory c) {
  return field_of(*this, c);
}
int64_t KeyPersonsByCategory::of(KeyCategory c) const {
  return field_of(*this, c);
}

static bool on_or_before(const std::optional<Date>& x, Date d) {
  return x && *x <= d;
}

// Sorts ids and drops repeats; returns how many distinct ids there are.
static size_t sort_unique(std::vector<int64_t>& ids) {
  // Loaders give ids in a few ascending runs (one per register status): merge two, else sort.
  auto run_end = std::is_sorted_until(ids.begin(), ids.end());
  if (run_end != ids.end()) {
    if (std::is_sorted(run_end, ids.end()))
      std::inplace_merge(ids.begin(), run_end, ids.end());
    else
      std::sort(ids.begin(), ids.end());
  }
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids.size();
}

// How many ids two sorted, distinct lists have in common.
static int64_t count_common(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  int64_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++n, ++i, ++j;
  }
  return n;
}

Bulletin compute_bulletin(const BulletinInput& in, Date d, std::string_view region_prefix) {
  Bulletin b;
  b.date = d;
  b.region_prefix = std::string(region_prefix);
  EpidemicFigures& e = b.epidemic;

  // Cases. `infected`: every person confirmed on or before D (any region), for
  // the registered members below.
  std::unordered_set<int64_t> infected;
  std::optional<Date> last_confirmed;
  for (const CaseRecord& c : in.cases) {
    if (on_or_before(c.confirmed_on, d)) infected.insert(c.person_id);
    if (!in_region(c.region_code, region_prefix)) continue;
    if (on_or_before(c.confirmed_on, d)) {
      ++e.confirmed_total;
      if (*c.confirmed_on == d) ++e.confirmed_new;
      if (!last_confirmed || *c.confirmed_on > *last_confirmed) last_confirmed = c.confirmed_on;
    }
    if (on_or_before(c.discharged_on, d)) ++e.discharged_total;
    if (on_or_before(c.deceased_on, d)) ++e.deaths_total;
    auto status = status_on(c, d);
    if (status == CaseStatus::kConfirmed) ++e.in_hospital;
    if (status == CaseStatus::kSuspected) ++e.suspected;
  }
  if (last_confirmed) e.days_without_new_case = d - *last_confirmed;

  // Key persons. Distinct persons as sorted id lists (cheaper than hash sets
  // for the county's thousands; `listed_anywhere` is merged with the
  // registered members below).
  std::vector<int64_t> listed_here, listed_anywhere;
  listed_anywhere.reserve(in.key_persons.size());
  for (const KeyPersonRecord& k : in.key_persons) {
    if (k.added_on > d) continue;
    listed_anywhere.push_back(k.person_id);
    if (!in_region(k.region_code, region_prefix)) continue;
    listed_here.push_back(k.person_id);
    ++e.key_persons_by_category.of(k.category);
  }
  sort_unique(listed_anywhere);
  e.key_persons_total = static_cast<int64_t>(sort_unique(listed_here));

  // Observations and follow-ups.
  for (const ObservationRecord& o : in.observations) {
    if (!in_region(o.region_code, region_prefix)) continue;
    if (is_under_observation(o, d)) {
      ++e.under_observation;
      if (o.kind == ObservationKind::kHome)
        ++e.observation_home;
      else
        ++e.observation_centralized;
    }
    if (on_or_before(o.released_on, d)) ++e.released_total;
  }
  FollowUpCounts f = follow_up_counts(in.observations, in.follow_ups, d, region_prefix);
  e.follow_ups_due = f.due;
  e.follow_ups_done = f.done;
  e.follow_ups_overdue = f.overdue;

  // Checkpoints (counted by the loader when it gave day totals of this day and region).
  const BulletinDayTotals* totals = in.day_totals;
  if (totals && (totals->day != d || totals->region_prefix != region_prefix)) totals = nullptr;
  if (totals) {
    e.checkpoint_passages = totals->checkpoint_passages;
    e.checkpoint_fevers = totals->checkpoint_fevers;
  } else {
    for (const PassageRecord& p : in.passages) {
      if (p.on != d || !in_region(p.region_code, region_prefix)) continue;
      ++e.checkpoint_passages;
      e.checkpoint_fevers += p.fevers;
    }
  }

  // Poverty.
  PovertyFigures& pv = b.poverty;
  std::vector<int64_t> households, persons;
  households.reserve(in.registered_poor.size());
  persons.reserve(in.registered_poor.size());
  for (const RegisteredPoorMember& m : in.registered_poor) {
    if (!in_region(m.region_code, region_prefix)) continue;
    households.push_back(m.household_id);
    persons.push_back(m.person_id);
  }
  pv.registered_households = static_cast<int64_t>(sort_unique(households));
  pv.registered_persons = static_cast<int64_t>(sort_unique(persons));
  pv.registered_persons_key_persons = count_common(persons, listed_anywhere);
  for (int64_t p : persons)
    if (infected.count(p)) ++pv.registered_persons_infected;
  std::unordered_set<int64_t> monitored, relapsed;
  for (const RelapseCaseRecord& r : in.relapse_cases) {
    if (!in_region(r.region_code, region_prefix)) continue;
    if (r.opened_on <= d && !on_or_before(r.closed_on, d)) monitored.insert(r.household_id);
    if (r.epidemic && on_or_before(r.relapsed_on, d)) relapsed.insert(r.household_id);
  }
  pv.households_relapse_monitoring = static_cast<int64_t>(monitored.size());
  pv.households_relapsed_due_to_epidemic = static_cast<int64_t>(relapsed.size());

  // Cadres.
  if (totals) {
    b.cadres = totals->cadres;
  } else {
    for (const CadreRecord& c : in.cadres) {
      if (!in_region(c.region_code, region_prefix)) continue;
      b.cadres.village_stationed += c.village_stationed;
      b.cadres.paired += c.paired;
    }
  }
  return b;
}

}  // namespace lz::epidemic
