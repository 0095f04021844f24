// The demo county's jobs (issue 6): a labour register of the poor (about
// half of the working-age members of poor and marginal households with some
// labour capacity; many came back from Guangdong and Zhejiang for the Spring
// Festival and could not return), employers (the poverty enterprise 吉泰农牧,
// poverty workshops, local enterprises and the gift fruit-and-vegetable base
// in 茶山镇), their postings, placements before the demo date ranked by the
// matching itself, and public-welfare posts (village cleaners, a mask
// collector, epidemic duty) held by poor labourers. Placements and holdings go
// through JobsService, so their pay reaches each household's wage income and
// its check. Seeded and deterministic; one transaction.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/jobs_service.h"
#include "app/poverty_service.h"
#include "demo/livelihood_generator.h"
#include "demo/rng.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_jobs.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::demo {

namespace {

using namespace lz::livelihood;

struct Place {
  const char* from;
  double weight;
};
// Where the returnees had worked (Liling's migrant workers go mostly to the
// Pearl River Delta and Zhejiang).
constexpr Place kReturnedFrom[] = {
    {"广东东莞", 9}, {"广东深圳", 8}, {"广东广州", 6}, {"广东佛山", 5}, {"广东中山", 3},
    {"浙江义乌", 4}, {"浙江宁波", 3}, {"浙江温州", 3}, {"浙江杭州", 2}, {"福建厦门", 2},
    {"江苏苏州", 2}, {"湖南长沙", 4}, {"湖南株洲", 3}, {"上海", 2},
};
constexpr const char* kSkills[] = {"陶瓷拉坯", "陶瓷彩绘", "烟花组装", "电焊", "驾驶",   "养猪",
                                   "种植蔬菜", "果树管理", "缝纫",     "电工", "泥瓦工", "厨师",
                                   "保洁",     "包装",     "叉车",     "电商"};
constexpr const char* kWorkKinds[] = {"farming",  "processing", "manufacturing", "construction",
                                      "services", "sanitation", "logistics"};

struct EmployerPlan {
  const char* name;
  const char* kind;
  const char* township;  // by name
  const char* contact;
  struct Job {
    const char* title;
    const char* kind;
    int places;
    int pay_yuan;
    int start_day;  // day of February 2020 (or March when > 29: 30 = March 1)
    std::vector<const char*> skills;
  };
  std::vector<Job> jobs;
};

const std::vector<EmployerPlan>& employer_plans() {
  static const std::vector<EmployerPlan> plans = {
      {"醴陵市吉泰农牧有限公司",
       "poverty_enterprise",
       "茶山镇",
       "吉泰农牧人事部",
       {{"生猪养殖工", "farming", 30, 3200, 3, {"养猪"}},
        {"饲料车间操作工", "processing", 20, 3000, 10, {"叉车", "包装"}},
        {"运输司机", "logistics", 6, 4200, 10, {"驾驶"}}}},
      {"茶山镇礼品果蔬基地",
       "enterprise",
       "茶山镇",
       "基地负责人",
       {{"果蔬种植采摘工", "farming", 20, 2600, 5, {"种植蔬菜", "果树管理"}}}},
      {"石亭镇扶贫车间（花炮配件）",
       "poverty_workshop",
       "石亭镇",
       "车间主任",
       {{"花炮配件组装工", "processing", 25, 2400, 10, {"烟花组装"}}}},
      {"浦口镇扶贫车间（陶瓷包装）",
       "poverty_workshop",
       "浦口镇",
       "车间主任",
       {{"陶瓷包装工", "processing", 20, 2300, 11, {"包装"}}}},
      {"官庄镇扶贫车间（服装加工）",
       "poverty_workshop",
       "官庄镇",
       "车间主任",
       {{"缝纫工", "processing", 18, 2500, 12, {"缝纫"}}}},
      {"沩山镇扶贫车间（手工陶艺）",
       "poverty_workshop",
       "沩山镇",
       "车间主任",
       {{"陶艺学徒", "manufacturing", 12, 2200, 17, {"陶瓷拉坯", "陶瓷彩绘"}}}},
      {"明月镇扶贫车间（电子元件）",
       "poverty_workshop",
       "明月镇",
       "车间主任",
       {{"电子元件装配工", "manufacturing", 15, 2600, 20, {}}}},
      {"醴陵市国瓷电瓷有限公司",
       "enterprise",
       "国瓷街道",
       "人力资源部",
       {{"电瓷成型工", "manufacturing", 40, 3800, 10, {"陶瓷拉坯"}},
        {"电工", "manufacturing", 5, 4500, 24, {"电工"}}}},
      {"醴陵市华联建筑工程有限公司",
       "enterprise",
       "阳三石街道",
       "项目部",
       {{"泥瓦工", "construction", 25, 4800, 30, {"泥瓦工"}}}},
      {"醴陵市城区物业服务中心",
       "enterprise",
       "来龙门街道",
       "办公室",
       {{"保洁员", "sanitation", 15, 2100, 8, {"保洁"}}}},
  };
  return plans;
}

struct WelfarePlan {
  const char* kind;
  const char* title;  // {} = the village's name
  int pay_yuan;
};

}  // namespace

Status generate_jobs(sqlite::SqliteStore& store, Date as_of, uint64_t seed) {
  auto& db = store.db();
  sqlite::SqliteJobsStore jobs_store(db, store.audit());
  sqlite::SqlitePovertyStore poverty_store(db, store.audit());
  poverty::CheckConfig cfg;
  cfg.as_of = as_of;
  cfg.year = as_of.year();
  app::PovertyService poverty(poverty_store, cfg);
  app::JobsService jobs(jobs_store, poverty, [as_of] { return as_of; });
  Actor actor{"demo", "", "county_admin"};
  Rng rng = Rng::derive(seed, "jobs");
  const auto& tree = RegionTree::liling();

  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());

  // ---- the labour register
  std::vector<double> from_w;
  for (const auto& p : kReturnedFrom) from_w.push_back(p.weight);
  Weighted from_pick(from_w);
  std::map<std::string, std::vector<int64_t>> persons_by_village;  // welfare-post holders
  int64_t registered = 0;
  // One member at a time, in person id order (a province has ~2 M).
  LZ_TRY(jobs_store.each_poor_member_with_labour([&](const sqlite::JobsPerson& m) -> Status {
    int age = m.birth_date.age_on(as_of);
    if (age < 18 || age > 60) return {};
    std::string village = m.region_code.substr(0, 12);
    if (age >= 40 || m.labour == "weak") persons_by_village[village].push_back(m.id);
    if (!rng.chance(m.labour == "weak" ? 0.3 : 0.55)) return {};
    Labourer l;
    l.person_id = m.id;
    l.household_id = *m.household_id;
    l.region_code = m.region_code;
    int n_skills = static_cast<int>(rng.uniform(0, 2));
    for (int i = 0; i < n_skills; ++i) {
      std::string s = kSkills[rng.uniform(0, std::size(kSkills) - 1)];
      if (std::find(l.skills.begin(), l.skills.end(), s) == l.skills.end()) l.skills.push_back(s);
    }
    bool returned = age <= 50 && rng.chance(0.6);
    if (returned) l.returned_from = kReturnedFrom[from_pick.draw(rng)].from;
    l.available_from = as_of.plus_days(static_cast<int>(rng.uniform(-20, 25)));
    l.hours = m.labour == "weak" || rng.chance(0.1) ? "part_time" : "full_time";
    l.wanted_kind = rng.chance(0.4) ? kWorkKinds[rng.uniform(0, std::size(kWorkKinds) - 1)] : "";
    // Kept home by the epidemic, most want work near home for now.
    double r = rng.unit();
    l.wanted_place = r < 0.25 ? "village" : r < 0.6 ? "township" : r < 0.85 ? "county" : "anywhere";
    l.status = rng.chance(0.05) ? "unavailable" : "available";
    if (l.status == "unavailable") l.note = "照顾家中老人";
    LZ_TRY(validate_labourer(l));
    auto saved = jobs_store.insert_labourer(l, actor);
    if (!saved) return saved.error();
    ++registered;
    return {};
  }));
  if (registered == 0) return tx.commit();

  // ---- employers and postings; placements by the matching
  // The share of places filled by the demo date grows with the county's size
  // (a small demo county has few labourers per township).
  for (const auto& plan : employer_plans()) {
    const Region* town = nullptr;
    for (const Region* t : tree.at_level(RegionLevel::kTownship))
      if (t->name == plan.township) town = t;
    if (!town) continue;
    auto villages = tree.children(town->code);
    Employer e;
    e.kind = plan.kind;
    e.name = plan.name;
    e.region_code =
        villages.empty() ? town->code : villages[rng.uniform(0, villages.size() - 1)]->code;
    e.contact_name = plan.contact;
    e.contact_phone = fmt::format("0731-23{:06d}", rng.uniform(0, 999999));
    auto emp = jobs.add_employer(e, actor);
    if (!emp) return emp.error();
    for (const auto& job : plan.jobs) {
      Posting p;
      p.employer_id = emp->id;
      p.title = job.title;
      p.kind = job.kind;
      p.region_code = emp->region_code;
      p.monthly_pay_fen = job.pay_yuan * 100;
      p.places = job.places;
      p.start_date = job.start_day <= 29 ? *Date::from_ymd(2020, 2, job.start_day)
                                         : *Date::from_ymd(2020, 3, job.start_day - 29);
      for (const char* s : job.skills) p.skills.push_back(s);
      auto posted = jobs.add_posting(p, actor);
      if (!posted) return posted.error();
      if (p.start_date >= as_of) continue;  // not started yet: open, no placements
      // Fill part of the places from the county's ranked candidates (the
      // ranking puts the township's first within each tier).
      auto m = jobs.match(posted->id, "430281", 1000);
      if (!m) return m.error();
      int want = static_cast<int>(job.places * (0.5 + 0.4 * rng.unit()));
      int placed = 0;
      for (const auto& c : m->ranked) {
        if (placed >= want) break;
        if (!c.available_by_start && c.candidate.available_from >= as_of) continue;
        app::PlacementInput in;
        in.labourer_id = c.candidate.labourer_id;
        in.posting_id = posted->id;
        in.start_date = std::max(p.start_date, c.candidate.available_from);
        if (in.start_date >= as_of) continue;
        auto res = jobs.place(in, actor);
        if (!res) return res.error();
        ++placed;
      }
    }
  }

  // ---- public-welfare posts: a cleaner in a third of the villages with poor
  // labourers, epidemic duty in some, a mask collector in Shiting's villages.
  int64_t post_no = 0;
  for (auto& [village, persons] : persons_by_village) {
    const Region* v = tree.find(village);
    if (!v || persons.empty()) continue;
    Rng vr =
        Rng::derive(seed, "welfare-post", static_cast<uint64_t>(std::stoll(village.substr(6))));
    const Region* town = tree.find(village.substr(0, 9));
    bool shiting = town && town->name == "石亭镇";
    std::vector<WelfarePlan> posts;
    if (vr.chance(0.35))
      posts.push_back({"cleaner", "保洁员", static_cast<int>(vr.uniform(6, 10)) * 100});
    if (shiting && vr.chance(0.5)) posts.push_back({"mask_collector", "口罩回收员", 800});
    if (vr.chance(0.1)) posts.push_back({"epidemic_duty", "防疫值守", 1000});
    if (vr.chance(0.08)) posts.push_back({"forest_ranger", "护林员", 800});
    for (const auto& wp : posts) {
      WelfarePost w;
      w.kind = wp.kind;
      w.title = fmt::format("{}{}", v->name, wp.title);
      w.region_code = village;
      w.monthly_pay_fen = wp.pay_yuan * 100;
      auto post = jobs.add_welfare_post(w, actor);
      if (!post) return post.error();
      ++post_no;
      // Held from January (cleaners) or from the epidemic response (24 January:
      // masks and duty); a few posts still vacant.
      if (vr.chance(0.1) || persons.empty()) continue;
      size_t at = static_cast<size_t>(vr.uniform(0, static_cast<int64_t>(persons.size()) - 1));
      int64_t holder = persons[at];
      persons.erase(persons.begin() + static_cast<std::ptrdiff_t>(at));  // one post each
      Date from = w.kind == "cleaner" || w.kind == "forest_ranger" ? *Date::from_ymd(2020, 1, 1)
                                                                   : *Date::from_ymd(2020, 1, 27);
      auto h = jobs.assign_welfare_post(post->id, holder, from, std::nullopt, actor);
      if (!h && h.error().code != "welfare_post.held") return h.error();
    }
  }
  (void)post_no;
  return tx.commit();
}

}  // namespace lz::demo
