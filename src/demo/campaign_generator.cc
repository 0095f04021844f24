#include "demo/campaign_generator.h"

#include <algorithm>
#include <map>

#include "demo/rng.h"
#include "store/sqlite/bulk_loader.h"

namespace lz::demo {

using namespace lz::epidemic;

Result<CampaignFigures> generate_campaign(sqlite::SqliteEpidemicStore& store, AuditLog& audit,
                                          Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "campaign");
  const Actor actor{"demo", "", ""};
  auto households = store.households_to_call("430281");
  if (!households) return households.error();
  auto cadres = store.village_cadres("430281");
  if (!cadres) return cadres.error();
  CallAssignment assignment = assign_calls(*households, *cadres);
  Campaign c;
  c.name = "全市第一轮入户电话排查";
  c.region_prefix = "430281";
  c.start_on = *Date::from_ymd(2020, 1, 27);
  c.end_on = std::min(*Date::from_ymd(2020, 2, 9), as_of);
  auto saved = store.add_campaign(c, assignment, actor);
  if (!saved) return saved.error();

  auto returnees = store.returnee_members();
  if (!returnees) return returnees.error();
  std::multimap<int64_t, int64_t> returnees_of(returnees->begin(), returnees->end());
  // households_to_call() is in ascending id order: a household is found by
  // binary search (a map of a province's million households cost ~80 MB).
  auto info = [&](int64_t hid) -> const HouseholdToCall* {
    auto it =
        std::lower_bound(households->begin(), households->end(), hid,
                         [](const HouseholdToCall& h, int64_t id) { return h.household_id < id; });
    return it != households->end() && it->household_id == hid ? &*it : nullptr;
  };

  // Outcomes are written as they are made (a few thousand held at a time),
  // in one transaction, as add_outcomes_bulk would write them all at once.
  auto out = sqlite::SqliteCallOutcomeLoader::begin(store.db(), audit, actor);
  if (!out) return out.error();
  CampaignFigures f;
  std::vector<CallOutcome> outcomes;
  constexpr size_t kBatch = 4096;
  outcomes.reserve(kBatch + 2);
  auto flush = [&]() -> Status {
    for (const CallOutcome& o : outcomes) LZ_TRY((*out)->add(o));
    outcomes.clear();
    return {};
  };
  const int days = c.end_on - c.start_on + 1;
  auto call = [&](int64_t hid, int64_t cadre, CallResult r, Date on) {
    CallOutcome o;
    o.campaign_id = saved->id;
    o.household_id = hid;
    o.cadre_id = cadre;
    o.result = r;
    o.at = DateTime::of(on, static_cast<int>(rng.uniform(8, 20)),
                        static_cast<int>(rng.uniform(0, 59)));
    return o;
  };
  for (const CallList& list : assignment.lists) {
    for (int64_t hid : list.household_ids) {
      // Only the last outcome is still completed below: the others can go.
      if (outcomes.size() >= kBatch) LZ_TRY(flush());
      ++f.households;
      if (rng.chance(0.006)) {  // never called in time
        ++f.not_called;
        continue;
      }
      Date first = c.start_on.plus_days(static_cast<int>(rng.uniform(0, std::min(days - 1, 6))));
      if (rng.chance(0.025)) {  // nobody answered; most are reached on a second try
        outcomes.push_back(call(hid, list.cadre_id, CallResult::kUnreachable, first));
        if (rng.chance(0.6)) {
          ++f.reached;
          outcomes.push_back(
              call(hid, list.cadre_id, CallResult::kReached,
                   std::min(first.plus_days(static_cast<int>(rng.uniform(1, 3))), c.end_on)));
        } else {
          ++f.unreachable;
        }
      } else {
        ++f.reached;
        outcomes.push_back(call(hid, list.cadre_id, CallResult::kReached, first));
      }
      CallOutcome& o = outcomes.back();
      if (o.result != CallResult::kReached) continue;
      auto [b, e] = returnees_of.equal_range(hid);
      for (auto it = b; it != e; ++it) {
        ReturneeReport r;
        r.person_id = it->second;
        r.travel.arrived_on = o.at.date();
        r.travel.from_place = "湖北省";
        o.returnees.push_back(r);
      }
      const HouseholdToCall* h = info(hid);
      if (h && h->poor && rng.chance(0.02))
        o.needs.push_back({NeedKind::kProduceUnsold, "蔬菜滞销，需对接收购"});
      if (rng.chance(0.004)) o.needs.push_back({NeedKind::kFood, "生活物资不足"});
      if (rng.chance(0.003)) o.needs.push_back({NeedKind::kMedicine, "慢性病常用药将用完"});
    }
  }
  f.households += static_cast<int64_t>(assignment.unassigned.size());
  f.not_called += static_cast<int64_t>(assignment.unassigned.size());
  LZ_TRY(flush());
  LZ_TRY((*out)->commit());
  return f;
}

}  // namespace lz::demo
