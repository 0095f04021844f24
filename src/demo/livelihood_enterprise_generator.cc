// The demo county's work resumption (复工复产): enterprises across the
// townships applying to resume work (most approved between 3 and 12 February,
// some submitted and waiting, some returned for changes, a few drafts); the
// poverty enterprise 吉泰农牧 and its gift fruit-and-vegetable base
// (礼品果蔬基地) in 茶山镇 with 20 workers (registry persons of 茶山镇, poor
// household members first) and their daily temperature reports since 3
// February: all normal but one fever, referred to the epidemic front. Written
// through EnterpriseService (the API's rules) in one transaction.
#include <fmt/format.h>

#include <algorithm>

#include "app/enterprise_service.h"
#include "app/epidemic_service.h"
#include "app/poverty_service.h"
#include "demo/livelihood_generator.h"
#include "demo/names.h"
#include "demo/rng.h"
#include "store/sqlite/sqlite_epidemic.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::demo {

namespace {

using namespace lz::livelihood;

constexpr std::string_view kCreditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

std::string credit_code(Rng& rng) {
  std::string s = "91430281";
  for (int i = 0; i < 8; ++i) s.push_back(kCreditChars[static_cast<size_t>(rng.uniform(0, 9))]);
  s.push_back(kCreditChars[static_cast<size_t>(rng.uniform(0, 30))]);
  s.push_back(*credit_code_check(s));
  return s;
}

struct Place {
  std::string code, name;
};

std::vector<Place> places(sqlite::Db& db, const char* level) {
  std::vector<Place> out;
  auto s = db.prepare("SELECT code, name FROM region WHERE level = ? ORDER BY code");
  s.bind(1, level);
  while (s.step()) {
    auto c = RegionCode::parse(s.str(0));
    if (c) out.push_back({c->str(), s.str(1)});
  }
  return out;
}

const char* kTrades[] = {"陶瓷", "烟花", "电瓷", "玻璃", "服饰",
                         "食品", "农牧", "竹木", "机械", "包装"};
const char* kSuffix[] = {"有限公司", "有限责任公司", "厂", "实业有限公司"};

}  // namespace

Status generate_enterprises(sqlite::SqliteStore& store, Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "livelihood.enterprises");
  auto& db = store.db();
  sqlite::SqlitePovertyStore poverty_store(db, store.audit());
  app::PovertyService poverty(poverty_store);
  sqlite::SqliteEpidemicStore epi_store(db, store.audit());
  app::EpidemicService epidemic(epi_store, poverty, epidemic::EpidemicConfig{},
                                [as_of] { return as_of; });
  sqlite::SqliteEnterpriseStore es(db, store.audit());
  Date current = as_of;
  app::EnterpriseService svc(es, epidemic, [&current] { return current; });
  Actor hr{"demo", "", "enterprise"};
  Actor officer{"demo", "", "township_officer"};
  const NameMaker& names = NameMaker::instance();
  const Date first =
      *Date::from_ymd(2020, 2, 3);  // the first day work could resume in Hunan (after the holiday)

  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());
  auto townships = places(db, "township");
  if (townships.empty()) return Status::Ok();
  const Place* chashan = nullptr;
  for (const auto& t : townships)
    if (t.name == "茶山镇") chashan = &t;
  if (!chashan) chashan = &townships.front();

  // Workers: registry persons of working age in a township. The seed's base
  // takes poor household members first (a join over the township, twice);
  // the others a window of the township's persons in index order (no sort:
  // fast at full scale).
  auto persons_of = [&](const std::string& township, int n, bool poor_first) {
    std::vector<std::tuple<std::string, std::string, std::string>> out;  // name, id_number, phone
    static const char* kPoorFirst =
        "SELECT p.name, p.id_number, p.phone FROM person p LEFT JOIN poverty_household ph ON "
        "ph.household_id = "
        "p.household_id WHERE p.region_code >= ? AND p.region_code < ? AND p.deleted_at IS NULL "
        "AND p.birth_date "
        "BETWEEN '1962-01-01' AND '2001-12-31' AND length(p.id_number) = 18 ORDER BY (ph.status IS "
        "NULL), p.id "
        "LIMIT ?";
    static const char* kWindow =
        "SELECT p.name, p.id_number, p.phone FROM person p WHERE p.region_code >= ? AND "
        "p.region_code < ? AND "
        "p.deleted_at IS NULL AND p.birth_date BETWEEN '1962-01-01' AND '2001-12-31' AND "
        "length(p.id_number) = 18 "
        "ORDER BY p.region_code LIMIT ? OFFSET ?";
    auto s = db.prepare(poor_first ? kPoorFirst : kWindow);
    int64_t offset = poor_first ? 0 : rng.uniform(0, 400);
    for (;;) {
      s.bind(1, township).bind(2, township + ":").bind(3, n);
      if (!poor_first) s.bind(4, offset);
      while (s.step()) out.emplace_back(s.str(0), s.str(1), s.str(2));
      s.reset();
      if (static_cast<int>(out.size()) >= n || offset == 0) break;
      out.clear();
      offset /= 4;  // a small township: a window nearer its start
    }
    return out;
  };

  auto add_workers = [&](int64_t eid, const std::string& township, int n, int undeclared,
                         bool poor_first = false) -> Status {
    auto ps = persons_of(township, n + 40, poor_first);
    // Spread the pick over the candidates (deterministic).
    int added = 0;
    for (size_t i = 0; i < ps.size() && added < n;
         i += (ps.size() > static_cast<size_t>(n) * 2 ? 2 : 1)) {
      Worker w;
      w.enterprise_id = eid;
      std::tie(w.name, w.id_number, w.phone) = ps[i];
      if (added >= undeclared)
        w.health_declared_on = first.plus_days(-static_cast<int>(rng.uniform(0, 3)));
      auto r = svc.add_worker(w, hr);
      if (!r) {
        if (r.error().code == "worker.duplicate") continue;
        return r.error();
      }
      ++added;
    }
    return {};
  };

  auto full_checklist = [&](int64_t workers) {
    Checklist c;
    c.masks = std::max<int64_t>(workers, 1) * 14 + rng.uniform(0, 200);
    c.thermometers = 1 + workers / 50 + rng.uniform(0, 2);
    c.disinfectant_ml = 5000 + rng.uniform(0, 40) * 500;
    c.entry_checks = c.disinfection = c.separate_meals = true;
    return c;
  };

  // The seed's two: 吉泰农牧 and its gift fruit-and-vegetable base in 茶山镇.
  std::string village = chashan->code;
  {
    auto s = db.prepare("SELECT code FROM region WHERE level = 'village' AND name = '汤家坪村'");
    if (s.step())
      if (auto c = RegionCode::parse(s.str(0)); c && c->str().starts_with(chashan->code))
        village = c->str();
  }
  struct Seeded {
    const char* name;
    EnterpriseKind kind;
    int workers;
  };
  const Seeded seeded[] = {{"醴陵市吉泰农牧有限公司", EnterpriseKind::kPovertyEnterprise, 12},
                           {"吉泰农牧礼品果蔬基地", EnterpriseKind::kCooperativeRun, 20}};
  int64_t base_id = 0;
  for (const auto& sd : seeded) {
    Enterprise e;
    e.name = sd.name;
    e.credit_code = credit_code(rng);
    e.kind = sd.kind;
    e.region_code = village;
    e.address = fmt::format("醴陵市{}汤家坪村", chashan->name);
    e.contact_name = names.full(rng, rng.chance(0.5));
    e.contact_phone = mobile_number(rng);
    e.workers_planned = sd.workers;
    current = first;
    auto made = svc.create(e, officer);
    if (!made) return made.error();
    LZ_TRY(add_workers(made->id, chashan->code, sd.workers, 0, sd.workers == 20));
    auto r = es.resumption(made->id);
    if (!r) return r.error();
    auto edited = svc.edit_checklist(made->id, full_checklist(sd.workers), 0, hr);
    if (!edited) return edited.error();
    current = first.plus_days(1);
    if (auto st = svc.submit(made->id, hr); !st) return st.error();
    current = first.plus_days(2);
    if (auto st = svc.approve(made->id, "防控措施落实到位，同意复工", officer); !st)
      return st.error();
    if (sd.workers == 20) base_id = made->id;
  }

  // The base's daily temperature reports since it resumed: one fever, referred.
  if (base_id) {
    auto ws = es.workers(base_id, 100, 0);
    if (!ws) return ws.error();
    Date fever_day = as_of.plus_days(-2) > first.plus_days(3) ? as_of.plus_days(-2) : as_of;
    size_t fever_worker =
        ws->items.empty()
            ? 0
            : static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(ws->items.size()) - 1));
    for (Date d = first.plus_days(3); d <= as_of; d = d.plus_days(1)) {
      TemperatureBatch b;
      b.enterprise_id = base_id;
      b.on = d;
      for (size_t i = 0; i < ws->items.size(); ++i) {
        TemperatureReading t;
        t.worker_id = ws->items[i].w.id;
        t.temperature_tenths = static_cast<int>(rng.uniform(360, 369));
        if (d == fever_day && i == fever_worker) {
          t.temperature_tenths = 378;
          t.symptoms = {"cough"};
          t.note = "进厂测温异常，已送发热门诊";
        }
        b.readings.push_back(t);
      }
      current = d;
      auto rep = svc.report_temperatures(b, hr);
      if (!rep) return rep.error();
    }
  }

  // Other enterprises in every township: approved (most), submitted, returned, drafts.
  const char* reasons[] = {"分餐方案未落实到车间，请补充", "消毒记录不全，请补充近三天消毒台账",
                           "体温检测点设置不合理，请调整后重新提交"};
  int n = 0;
  for (const auto& t : townships) {
    int count = static_cast<int>(rng.uniform(2, 5));
    for (int k = 0; k < count; ++k, ++n) {
      Enterprise e;
      const char* trade = kTrades[rng.uniform(0, static_cast<int64_t>(std::size(kTrades)) - 1)];
      std::string stem = t.name.substr(0, t.name.size() >= 6 ? t.name.size() - 3 : t.name.size());
      e.name = fmt::format("醴陵市{}{}{}{}", stem, names.surname(rng), trade,
                           kSuffix[rng.uniform(0, static_cast<int64_t>(std::size(kSuffix)) - 1)]);
      e.credit_code = credit_code(rng);
      double roll = rng.unit();
      e.kind = roll < 0.12   ? EnterpriseKind::kPovertyWorkshop
               : roll < 0.18 ? EnterpriseKind::kPovertyEnterprise
                             : EnterpriseKind::kEnterprise;
      e.region_code = t.code;
      e.address = fmt::format("醴陵市{}{}号", t.name, rng.uniform(1, 300));
      e.contact_name = names.full(rng, rng.chance(0.5));
      e.contact_phone = mobile_number(rng);
      int workers = static_cast<int>(rng.uniform(3, 8));
      e.workers_planned = workers * static_cast<int>(rng.uniform(3, 12));
      current = first;
      auto made = svc.create(e, officer);
      if (!made) {
        if (made.error().code == "enterprise.duplicate") continue;
        return made.error();
      }
      double state = rng.unit();
      bool draft = state < 0.08;
      LZ_TRY(add_workers(made->id, t.code, workers, draft ? 2 : 0));
      auto staff = es.workforce(made->id);
      if (!staff) return staff.error();
      if (staff->workers == 0) continue;  // nobody of working age found: stays a draft
      auto edited = svc.edit_checklist(made->id, full_checklist(workers), 0, hr);
      if (!edited) return edited.error();
      if (draft) continue;
      current = first.plus_days(static_cast<int>(rng.uniform(0, 5)));
      if (current > as_of) current = as_of;
      if (auto st = svc.submit(made->id, hr); !st) return st.error();
      if (state < 0.22) continue;  // submitted, waiting for the township
      Date decided = current.plus_days(static_cast<int>(rng.uniform(1, 3)));
      current = std::min(decided, as_of);
      if (state < 0.32) {
        if (auto st = svc.return_for_changes(made->id, reasons[rng.uniform(0, 2)], officer); !st)
          return st.error();
        continue;
      }
      if (auto st = svc.approve(made->id, "同意复工", officer); !st) return st.error();
    }
  }
  LZ_TRY(tx.commit());
  return Status::Ok();
}

}  // namespace lz::demo
