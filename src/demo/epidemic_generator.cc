#include "demo/epidemic_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "demo/rng.h"
#include "registry/region_tree.h"

namespace lz::demo {

namespace {

std::string at_time(Date d, int minutes) { return fmt::format("{}T{:02}:{:02}:00", d.iso(), minutes / 60, minutes % 60); }

const char* kFrom[] = {"湖北省武汉市", "湖北省武汉市", "湖北省武汉市", "湖北省孝感市", "湖北省黄冈市",
                       "湖北省荆州市", "湖北省宜昌市", "湖北省咸宁市", "湖北省十堰市", "湖北省襄阳市"};
const char* kTravel[] = {"car", "train", "train", "bus", "car", "plane"};

}  // namespace

Status generate_epidemic(const EpidemicPlan& plan, BulkLoader& out, Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "epidemic");
  const Date jan = *Date::from_ymd(2020, 1, 1);
  const Date level1 = *Date::from_ymd(2020, 1, 24);  // Hunan's level-1 response
  int64_t key_id = 0, obs_id = 0, case_id = 0;
  std::set<int64_t> used;

  auto observe = [&](const EpiPerson& p, const char* kind, Date exposure, Date start, const std::string& site) -> Status {
    ObservationRow o;
    o.id = ++obs_id;
    o.person_id = p.person_id;
    o.region_code = p.region_code;
    o.kind = kind;
    o.site = site;
    if (o.kind == "centralized") o.room = fmt::format("{}", rng.uniform(101, 330));
    o.last_exposure = exposure;
    o.start = start;
    o.planned_end = exposure.plus_days(14);
    if (o.planned_end <= as_of) o.released_on = o.planned_end;
    LZ_TRY(out.add_observation(o));
    // Daily follow-ups from start to the end (or to yesterday): a few missed.
    Date last = std::min(o.planned_end.plus_days(-1), as_of);
    for (Date d = start; d <= last; d = d.plus_days(1)) {
      bool today = d == as_of;
      if (today && rng.chance(0.3)) continue;        // today's not all in yet
      if (!today && rng.chance(0.001)) continue;     // missed: overdue
      FollowUpRow f;
      f.observation_id = o.id;
      f.day = d;
      f.done_at = at_time(d, static_cast<int>(rng.uniform(7 * 60, 19 * 60)));
      f.temperature = 36.0 + 0.1 * static_cast<double>(rng.uniform(0, 10));
      if (rng.chance(0.002)) {
        f.temperature = 37.3 + 0.1 * static_cast<double>(rng.uniform(0, 8));
        f.alert = true;
      }
      LZ_TRY(out.add_follow_up(f));
    }
    return {};
  };

  // 1. Hubei returnees: most arrived before the level-1 response.
  std::vector<EpiPerson> pool = plan.candidates;
  for (size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng.uniform(0, i - 1)]);
  int64_t returnees = std::min<int64_t>(static_cast<int64_t>(pool.size()), plan.key_persons_target * 88 / 100);
  for (int64_t i = 0; i < returnees; ++i) {
    const EpiPerson& p = pool[i];
    used.insert(p.person_id);
    Date arrival = rng.chance(0.85) ? jan.plus_days(static_cast<int>(rng.uniform(9, 23)))
                                    : level1.plus_days(static_cast<int>(rng.uniform(0, as_of - level1 - 2)));
    KeyPersonRow k{++key_id, p.person_id, p.region_code, "hubei_returnee",
                   rng.chance(0.6) ? "visit" : (rng.chance(0.5) ? "self_report" : "phone_screening")};
    k.added_on = std::max(arrival, level1.plus_days(-2)).plus_days(static_cast<int>(rng.uniform(0, 2)));
    if (k.added_on > as_of) k.added_on = as_of;
    k.arrival_on = arrival;
    k.arrived_from = kFrom[rng.uniform(0, std::size(kFrom) - 1)];
    k.travel_mode = kTravel[rng.uniform(0, std::size(kTravel) - 1)];
    LZ_TRY(out.add_key_person(k));
    LZ_TRY(observe(p, rng.chance(0.93) ? "home" : "centralized", arrival, k.added_on, ""));
  }
  // 2. Eight confirmed cases among returnees not in poor households; six discharged.
  std::vector<EpiPerson> case_persons;
  for (int64_t i = 0; i < returnees && case_persons.size() < 8; ++i)
    if (!pool[i].poor) case_persons.push_back(pool[i]);
  static const int kConfirmedDay[] = {23, 24, 25, 26, 27, 28, 30, 31};  // January
  static const int kDischargedDay[] = {3, 5, 6, 8, 9, 11};              // February
  for (size_t c = 0; c < case_persons.size(); ++c) {
    const EpiPerson& p = case_persons[c];
    CaseRow r;
    r.id = ++case_id;
    r.person_id = p.person_id;
    r.region_code = p.region_code;
    r.confirmed_on = *Date::from_ymd(2020, 1, kConfirmedDay[c]);
    r.suspected_on = r.confirmed_on->plus_days(-static_cast<int>(rng.uniform(1, 2)));
    r.suspected_place = "醴陵市人民医院发热门诊";
    r.confirmed_place = "醴陵市人民医院";
    r.state = "confirmed";
    if (c < 6) {
      r.state = "discharged";
      r.closed_on = *Date::from_ymd(2020, 2, kDischargedDay[c]);
      r.closed_place = "醴陵市人民医院";
    }
    LZ_TRY(out.add_case(r));
    KeyPersonRow k{++key_id, p.person_id, p.region_code, "confirmed", "hospital"};
    k.added_on = *r.confirmed_on;
    LZ_TRY(out.add_key_person(k));
    // Close contacts: people of the same place, and a few from elsewhere.
    int contacts = static_cast<int>(rng.uniform(12, 30));
    std::vector<EpiPerson> near;
    for (const auto& o : plan.others)
      if (o.region_code.substr(0, 9) == p.region_code.substr(0, 9) && !used.count(o.person_id) && !o.poor) near.push_back(o);
    for (int k2 = 0; k2 < contacts && !plan.others.empty(); ++k2) {
      const EpiPerson& q = !near.empty() && rng.chance(0.8) ? near[rng.uniform(0, near.size() - 1)]
                                                            : plan.others[rng.uniform(0, plan.others.size() - 1)];
      if (used.count(q.person_id) || q.poor) continue;
      used.insert(q.person_id);
      ContactRow ct;
      ct.person_a = p.person_id;
      ct.person_b = q.person_id;
      ct.on = r.confirmed_on->plus_days(-static_cast<int>(rng.uniform(0, 4)));
      static const char* kSetting[] = {"household", "meal", "social", "work", "transport"};
      ct.setting = kSetting[rng.uniform(0, std::size(kSetting) - 1)];
      LZ_TRY(out.add_contact(ct));
      KeyPersonRow kc{++key_id, q.person_id, q.region_code, "close_contact", "contact_tracing"};
      kc.added_on = *r.confirmed_on;
      LZ_TRY(out.add_key_person(kc));
      bool central = rng.chance(0.6);
      LZ_TRY(observe(q, central ? "centralized" : "home", ct.on, kc.added_on, central ? "醴陵市集中医学观察点" : ""));
    }
  }
  // 3. Suspected cases ruled out, and one still suspected; fever patients.
  for (int s = 0; s < 14; ++s) {
    const EpiPerson& p = plan.others[rng.uniform(0, plan.others.size() - 1)];
    if (used.count(p.person_id)) continue;
    used.insert(p.person_id);
    CaseRow r;
    r.id = ++case_id;
    r.person_id = p.person_id;
    r.region_code = p.region_code;
    r.suspected_on = level1.plus_days(static_cast<int>(rng.uniform(0, as_of - level1)));
    r.suspected_place = "醴陵市人民医院发热门诊";
    bool still = s == 0 && r.suspected_on->plus_days(3) >= as_of;
    r.state = still ? "suspected" : "excluded";
    if (s == 0) {
      r.suspected_on = as_of.plus_days(-1);
      r.state = "suspected";
    } else {
      r.closed_on = std::min(as_of, r.suspected_on->plus_days(static_cast<int>(rng.uniform(1, 3))));
    }
    LZ_TRY(out.add_case(r));
    KeyPersonRow k{++key_id, p.person_id, p.region_code, "suspected", "hospital"};
    k.added_on = *r.suspected_on;
    LZ_TRY(out.add_key_person(k));
  }
  int64_t fevers = std::max<int64_t>(3, plan.key_persons_target * 3 / 100);
  for (int64_t f = 0; f < fevers; ++f) {
    const EpiPerson& p = plan.others[rng.uniform(0, plan.others.size() - 1)];
    if (used.count(p.person_id)) continue;
    used.insert(p.person_id);
    KeyPersonRow k{++key_id, p.person_id, p.region_code, "fever", rng.chance(0.3) ? "checkpoint" : "hospital"};
    k.added_on = level1.plus_days(static_cast<int>(rng.uniform(0, as_of - level1)));
    LZ_TRY(out.add_key_person(k));
  }
  // 4. Checkpoints: 石亭镇 set up ten; every other township two; passages since the 25th.
  const auto& tree = RegionTree::liling();
  int64_t cp_id = 0;
  for (const Region* town : tree.at_level(RegionLevel::kTownship)) {
    if (town->name.find("开发区") != std::string::npos) continue;
    int n = town->name == "石亭镇" ? 10 : 2;
    for (int i = 1; i <= n; ++i) {
      CheckpointRow c{++cp_id, fmt::format("{}{}号卡点", town->name, i), fmt::format("{}入口{}", town->name, i), town->code};
      LZ_TRY(out.add_checkpoint(c));
      int per_day = std::max(1, static_cast<int>(120 * plan.passage_scale));
      for (Date d = level1.plus_days(1); d <= as_of; d = d.plus_days(1)) {
        int today = static_cast<int>(rng.uniform(per_day / 2, per_day * 3 / 2));
        for (int k = 0; k < today; ++k) {
          PassageRow p;
          p.checkpoint_id = c.id;
          p.on = d;
          p.at = at_time(d, static_cast<int>(rng.uniform(6 * 60, 22 * 60)));
          p.plate = fmt::format("湘B{}{:04}", static_cast<char>('A' + rng.uniform(0, 25)), rng.uniform(0, 9999));
          p.persons = static_cast<int>(rng.uniform(1, 4));
          p.origin = rng.chance(0.8) ? "株洲市" : (rng.chance(0.9) ? "长沙市" : "江西省萍乡市");
          p.max_temperature = 36.0 + 0.1 * static_cast<double>(rng.uniform(0, 9));
          if (rng.chance(1.0 / 4000)) {
            p.max_temperature = 37.4 + 0.1 * static_cast<double>(rng.uniform(0, 10));
            p.fevers = 1;
          }
          LZ_TRY(out.add_passage(p));
        }
      }
    }
  }
  return {};
}

}  // namespace lz::demo
