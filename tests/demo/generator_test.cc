// The demo county's shape (the seed's exact figures), its validity (every
// record would pass the same checks user input passes) and determinism.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/id_number.h"
#include "demo/county_generator.h"
#include "store/sqlite/bulk_loader.h"
#include "store/sqlite/sqlite_epidemic.h"
#include "store/sqlite/sqlite_store.h"
#include "../store/sqlite_test_util.h"

namespace lz {
namespace {

struct Db {
  explicit Db(const std::string& name) {
    path = (std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()) + ".db")).string();
    clean();
    auto s = sqlite::SqliteStore::open(path);
    EXPECT_TRUE(s.ok());
    store = std::move(s).value();
  }
  ~Db() {
    store.reset();
    clean();
  }
  void clean() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path + suf);
  }
  int64_t scalar(const std::string& sql) {
    auto s = store->db().prepare(sql);
    return s.step() ? s.i64(0) : -1;
  }
  std::string text(const std::string& sql) {
    auto s = store->db().prepare(sql);
    return s.step() ? s.str(0) : "";
  }
  std::string path;
  std::unique_ptr<sqlite::SqliteStore> store;
};

demo::DemoConfig small(uint64_t seed) {
  demo::DemoConfig c;
  c.scale = demo::Scale::kSmall;
  c.seed = seed;
  return c;
}

TEST(DemoCounty, SmallScaleHasTheSeedsShapeExactly) {
  Db db("lz_demo_shape");
  auto county = demo::generate_county(*db.store, small(7));
  ASSERT_TRUE(county.ok()) << county.error().describe();
  auto t = demo::DemoTargets::for_scale(demo::Scale::kSmall);
  auto st = db.store->stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->county.poor_households, t.poor_households);
  EXPECT_EQ(st->county.poor_persons, t.poor_persons);
  EXPECT_EQ(st->county.persons, t.persons);
  EXPECT_EQ(st->cadres_village_stationed, t.village_stationed);
  EXPECT_EQ(st->cadres_paired, t.paired);
  // Households spread over real villages of every township but the virtual zone.
  int towns_with_people = 0;
  for (auto& town : st->townships) towns_with_people += town.persons > 0;
  EXPECT_GE(towns_with_people, 24);
  double avg = static_cast<double>(st->county.persons) / st->county.households;
  EXPECT_GT(avg, 2.5);
  EXPECT_LT(avg, 3.6);
}

TEST(DemoCounty, EveryRecordIsValid) {
  Db db("lz_demo_valid");
  ASSERT_TRUE(demo::generate_county(*db.store, small(11)).ok());
  const Date as_of = *Date::from_ymd(2020, 2, 12);
  std::set<std::string> seen;
  auto s = db.store->db().prepare("SELECT id_number, sex, birth_date FROM person");
  int n = 0;
  while (s.step()) {
    ++n;
    auto id = IdNumber::parse(s.str(0), as_of);
    ASSERT_TRUE(id.ok()) << s.str(0) << ": " << id.error().describe();
    EXPECT_EQ(s.str(1), id->sex() == Sex::kMale ? "male" : "female");
    EXPECT_EQ(s.str(2), id->birth_date().iso());
    EXPECT_TRUE(seen.insert(s.str(0)).second) << "duplicate " << s.str(0);
  }
  EXPECT_EQ(n, 10600);
  // Each household has exactly one head, and head_person_id points at it.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household h WHERE (SELECT COUNT(*) FROM person p WHERE p.household_id = "
                      "h.id AND p.relationship = '01') != 1"),
            0);
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household h JOIN person p ON p.id = h.head_person_id WHERE "
                      "p.household_id != h.id OR p.relationship != '01'"),
            0);
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household WHERE head_person_id IS NULL"), 0);
  // Every registered poor household has exactly one current paired cadre,
  // and every paired cadre is responsible for at least one.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM poverty_household ph WHERE status IN ('registered_poor','lifted') AND "
                      "(SELECT COUNT(*) FROM pairing p WHERE p.household_id = ph.household_id AND p.to_date IS NULL) "
                      "!= 1"),
            0);
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM cadre_kind k WHERE k.kind = 'paired' AND NOT EXISTS (SELECT 1 FROM "
                      "pairing p WHERE p.cadre_id = k.cadre_id AND p.to_date IS NULL)"),
            0);
  // Every village-stationed cadre is in a team in a village.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM cadre_kind k WHERE k.kind = 'village_stationed' AND NOT EXISTS (SELECT "
                      "1 FROM village_team_member m WHERE m.cadre_id = k.cadre_id)"),
            0);
  // Households sit in groups of real villages.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household h JOIN region r ON r.code = h.region_code WHERE r.level != "
                      "'group'"),
            0);
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household WHERE length(region_code) != 15"), 0);
  // Ages are plausible: nobody older than 105 or born after the date.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM person WHERE birth_date > '2020-02-12' OR birth_date < '1915-01-01'"), 0);
  // Lifted households were lifted after they were registered.
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM poverty_household WHERE status = 'lifted' AND (lifted_year IS NULL OR "
                      "lifted_year <= registered_year)"),
            0);
  EXPECT_GT(db.scalar("SELECT COUNT(*) FROM poverty_household WHERE status = 'marginal'"), 0);
}

TEST(DemoCounty, SameSeedSameCountyOtherSeedOtherCounty) {
  auto digest = [](uint64_t seed) {
    Db db("lz_demo_det" + std::to_string(seed) + "_");
    EXPECT_TRUE(demo::generate_county(*db.store, small(seed)).ok());
    // A content digest over every person and household column that matters.
    std::string sql =
        "SELECT group_concat(x, '|') FROM (SELECT p.id || p.name || p.id_number || p.relationship || p.health || "
        "p.labour || p.phone || h.number || h.region_code || p.created_at AS x FROM person p JOIN household h ON "
        "h.id = p.household_id ORDER BY p.id)";
    std::string all = db.text(sql);
    all += db.text("SELECT group_concat(cadre_id || '-' || household_id || '-' || from_date, ',') FROM pairing");
    all += db.text("SELECT group_concat(name || unit || phone, ',') FROM cadre");
    return std::hash<std::string>{}(all);
  };
  EXPECT_EQ(digest(3), digest(3));
  EXPECT_NE(digest(3), digest(4));
}

// The demo writes its campaign's outcomes with SqliteCallOutcomeLoader, one
// at a time: the rows and the audit entry must be those add_outcomes_bulk
// writes for the same outcomes; and nothing is kept when it is not committed.
TEST(DemoCounty, CampaignOutcomesWrittenAsTheStoreWritesThem) {
  using namespace lz::epidemic;
  const Actor actor{"demo", "", ""};
  auto outcomes_for = [](int64_t campaign) {
    std::vector<CallOutcome> out(4);
    for (size_t i = 0; i < out.size(); ++i) {
      out[i].campaign_id = campaign;
      out[i].household_id = static_cast<int64_t>(i) + 1;
      out[i].cadre_id = i == 3 ? 0 : 1;
      out[i].at = DateTime::of(*Date::from_ymd(2020, 1, 28), 9 + static_cast<int>(i), 5);
    }
    out[1].result = CallResult::kUnreachable;
    ReturneeReport r;
    r.person_id = 1;
    r.travel.arrived_on = *Date::from_ymd(2020, 1, 20);
    r.travel.from_place = "湖北省";
    out[2].returnees.push_back(r);
    out[2].needs.push_back({NeedKind::kFood, "生活物资不足"});
    out[2].needs.push_back({NeedKind::kMedicine, "慢性病常用药将用完"});
    out[3].note = "备注";
    return out;
  };
  auto rows = [&](Db& db, int64_t campaign, bool by_loader) {
    sqlite::SqliteEpidemicStore epi(db.store->db(), db.store->audit());
    CallAssignment a;
    a.lists.push_back({1, {1, 2, 3}});
    a.unassigned = {4};
    Campaign c{0, "测试排查", "430281", *Date::from_ymd(2020, 1, 27), *Date::from_ymd(2020, 2, 9),
               ""};
    auto saved = epi.add_campaign(c, a, Actor{"demo", "", ""});
    EXPECT_TRUE(saved.ok());
    EXPECT_EQ(saved->id, campaign);
    auto outcomes = outcomes_for(saved->id);
    if (by_loader) {
      auto l = sqlite::SqliteCallOutcomeLoader::begin(db.store->db(), db.store->audit(),
                                                      Actor{"demo", "", ""});
      EXPECT_TRUE(l.ok());
      for (const auto& o : outcomes) EXPECT_TRUE((*l)->add(o).ok());
      EXPECT_TRUE((*l)->commit().ok());
    } else {
      EXPECT_TRUE(epi.add_outcomes_bulk(outcomes, Actor{"demo", "", ""}).ok());
    }
    std::string id = std::to_string(saved->id);
    return db.text(
               "SELECT group_concat(x, '|') FROM (SELECT household_id || ',' || COALESCE(cadre_id, "
               "'null') || "
               "',' || at || ',' || result || ',' || report || ',' || note || ',' || created_by AS "
               "x FROM "
               "call_outcome WHERE campaign_id = " +
               id + " ORDER BY id)") +
           "#" +
           db.text(
               "SELECT group_concat(x, '|') FROM (SELECT household_id || ',' || COALESCE(outcome, "
               "'-') || ',' || "
               "COALESCE(needs, '-') || ',' || COALESCE(called_at, '-') || ',' || "
               "COALESCE(called_by, '-') AS x "
               "FROM campaign_call WHERE campaign_id = " +
               id + " ORDER BY household_id)") +
           "#" +
           db.text(
               "SELECT group_concat(x, '|') FROM (SELECT action || ',' || entity || ',' || "
               "entity_id || ',' || "
               "after AS x FROM audit_log WHERE action = 'call.record_bulk' AND entity_id = '" +
               id + "')");
  };
  Db a("lz_demo_outcomes_a"), b("lz_demo_outcomes_b");
  ASSERT_TRUE(demo::generate_county(*a.store, small(1)).ok());
  ASSERT_TRUE(demo::generate_county(*b.store, small(1)).ok());
  int64_t next = a.scalar("SELECT MAX(id) FROM campaign") + 1;
  std::string by_loader = rows(a, next, true), by_store = rows(b, next, false);
  EXPECT_EQ(by_loader, by_store);
  EXPECT_NE(by_loader.find("生活物资不足"), std::string::npos);
  EXPECT_NE(by_loader.find("{\"outcomes\":4}"), std::string::npos);

  // Not committed: rolled back.
  int64_t before = a.scalar("SELECT COUNT(*) FROM call_outcome");
  {
    auto l = sqlite::SqliteCallOutcomeLoader::begin(a.store->db(), a.store->audit(), actor);
    ASSERT_TRUE(l.ok());
    ASSERT_TRUE((*l)->add(outcomes_for(next).front()).ok());
  }
  EXPECT_EQ(a.scalar("SELECT COUNT(*) FROM call_outcome"), before);
}

// The bulk loader pauses the household_facts triggers while it writes
// (store/sqlite/facts_triggers.h): afterwards all 36 are back as the
// migration made them, and they work (a write deletes the household's row).
TEST(DemoCounty, FactsTriggersBackAfterTheLoad) {
  Db fresh("lz_demo_triggers_fresh");
  const std::string before = sqlite::testing::facts_triggers(fresh.store->db());
  Db db("lz_demo_triggers");
  ASSERT_TRUE(demo::generate_county(*db.store, small(5)).ok());
  EXPECT_EQ(sqlite::testing::facts_triggers(db.store->db()), before);
  EXPECT_EQ(sqlite::testing::facts_trigger_count(db.store->db()), 36);
  const int64_t h = db.scalar("SELECT MIN(household_id) FROM poverty_household");
  ASSERT_TRUE(db.store->db()
                  .exec(fmt::format("INSERT INTO household_facts (household_id, year, codec, "
                                    "region_code, data) VALUES ({}, 2020, 1, '', x'00')",
                                    h))
                  .ok());
  ASSERT_TRUE(
      db.store->db().exec(fmt::format("UPDATE poverty_household SET status = status WHERE household_id = {}", h)).ok());
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM household_facts"), 0);
}

TEST(DemoCounty, RefusesANonEmptyDatabase) {
  Db db("lz_demo_twice");
  ASSERT_TRUE(demo::generate_county(*db.store, small(1)).ok());
  auto again = demo::generate_county(*db.store, small(1));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "demo.not_empty");
  EXPECT_EQ(db.scalar("SELECT COUNT(*) FROM person"), 10600);
}

}  // namespace
}  // namespace lz
