// Store round trips and the "nothing half-written" contract: every refused
// write is checked to leave the tables exactly as they were.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "core/id_number.h"
#include "registry/validate.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace lz {
namespace {

const Date kToday = *Date::from_ymd(2020, 2, 12);

std::string id(int y, int m, int d, int seq, const char* div = "430281") {
  return IdNumber::make(div, *Date::from_ymd(y, m, d), seq).str();
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("lz_store_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_db();
    auto s = open_store(path_.string());
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    remove_db();
  }
  void remove_db() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
  }
  // Counts rows of every registry table, to prove a failed write changed nothing.
  std::string fingerprint() {
    auto& db = static_cast<sqlite::SqliteStore&>(*store_).db();
    std::string out;
    for (const char* t : {"region", "household", "person", "cadre", "cadre_kind", "village_team",
                          "village_team_member", "pairing", "poverty_household"}) {
      bool versioned = std::string(t) != "region" && std::string(t) != "cadre_kind" &&
                       std::string(t) != "village_team_member";
      auto s = db.prepare(std::string("SELECT COUNT(*), ") +
                          (versioned ? "COALESCE(SUM(version), 0)" : "0") + " FROM " + t);
      s.step();
      out += std::string(t) + "=" + std::to_string(s.i64(0)) + "/" + std::to_string(s.i64(1)) + " ";
    }
    return out;
  }
  Household household(
      const std::string& number, const std::string& region,
      std::vector<std::pair<std::string, std::string>> members /* id, relationship */) {
    HouseholdInput in{number, region, "测试地址", ""};
    int k = 0;
    for (auto& [idn, rel] : members)
      in.members.push_back({"成员" + std::to_string(++k), idn, "", "", rel});
    auto h = validate_household(in, RegionTree::liling(), kToday);
    EXPECT_TRUE(h.ok()) << h.error().describe();
    return h.ok() ? *h : Household{};
  }
  Actor actor_{"tester", "127.0.0.1"};
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, NewDatabaseHasLilingRegions) {
  auto all = store_->regions("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u + 25u + 272u);
  auto town = store_->region("430281126");
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->name, "官庄镇");
  EXPECT_EQ(town->level, RegionLevel::kTownship);
  auto below = store_->regions("430281126");
  ASSERT_TRUE(below.ok());
  for (const auto& r : *below) EXPECT_TRUE(r.code.starts_with("430281126")) << r.code;
  EXPECT_GT(below->size(), 5u);
}

TEST_F(StoreTest, ReopenAppliesNoMigrationTwice) {
  store_.reset();
  auto again = open_store(path_.string());
  ASSERT_TRUE(again.ok()) << again.error().describe();
  auto all = (*again)->regions("");
  EXPECT_EQ(all->size(), 298u);
}

TEST_F(StoreTest, HouseholdRoundTrip) {
  auto h = household(
      "H1", "430281126232",
      {{id(1960, 5, 1, 11), "01"}, {id(1962, 3, 4, 22), "10"}, {id(2010, 9, 9, 31), "20"}});
  auto created = store_->create_household(h, actor_);
  ASSERT_TRUE(created.ok()) << created.error().describe();
  auto got = store_->household(created->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->number, "H1");
  EXPECT_EQ(got->region_code, "430281126232");
  ASSERT_EQ(got->members.size(), 3u);
  EXPECT_EQ(got->members[0].relationship, "01");
  EXPECT_EQ(got->head_person_id, got->members[0].id);
  EXPECT_EQ(got->members[1].sex, "female");
  EXPECT_EQ(got->members[2].birth_date.iso(), "2010-09-09");
  EXPECT_EQ(got->meta.version, 1);
  EXPECT_EQ(got->meta.created_by, "tester");
  EXPECT_FALSE(got->meta.created_at.empty());
  auto p = store_->person_by_id_number(id(1962, 3, 4, 22));
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->household_id, created->id);
}

TEST_F(StoreTest, DuplicateIdNumberIsRefusedNamingTheExistingPersonAndNothingIsWritten) {
  auto first = store_->create_household(
      household("H1", "430281126232", {{id(1960, 5, 1, 11), "01"}}), actor_);
  ASSERT_TRUE(first.ok());
  std::string before = fingerprint();
  auto second = store_->create_household(
      household("H2", "430281126232", {{id(1970, 1, 1, 13), "01"}, {id(1960, 5, 1, 11), "10"}}),
      actor_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(second.error().code, "id_number.duplicate");
  EXPECT_EQ(second.error().field, "members[1].id_number");
  EXPECT_NE(second.error().message_zh.find("成员1"), std::string::npos)
      << second.error().message_zh;
  EXPECT_NE(second.error().message_zh.find("H1"), std::string::npos);
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(StoreTest, RefusedWritesLeaveNothing) {
  ASSERT_TRUE(
      store_
          ->create_household(household("H1", "430281126232", {{id(1960, 5, 1, 11), "01"}}), actor_)
          .ok());
  std::string before = fingerprint();
  struct Case {
    const char* what;
    std::function<Error()> attempt;
    ErrorKind kind;
    const char* code;
  };
  std::vector<Case> cases = {
      {"duplicate household number",
       [&] {
         return store_
             ->create_household(household("H1", "430281126232", {{id(1980, 1, 1, 15), "01"}}),
                                actor_)
             .error();
       },
       ErrorKind::kConflict, "number.duplicate"},
      {"unknown village",
       [&] {
         Household h = household("H9", "430281126232", {{id(1981, 1, 1, 15), "01"}});
         h.region_code = "430281126999";
         return store_->create_household(h, actor_).error();
       },
       ErrorKind::kNotFound, "region_code.unknown"},
      {"member for a missing household",
       [&] {
         Person p = *validate_person({"张三", id(1990, 1, 1, 17)}, kToday);
         return store_->add_member(999, p, actor_).error();
       },
       ErrorKind::kNotFound, "household.not_found"},
      {"pairing with a missing cadre",
       [&] {
         return store_->create_pairing({0, 424242, 1, kToday}, actor_).error();
       },
       ErrorKind::kNotFound, "cadre.not_found"},
      {"team in a township",
       [&] {
         return store_->create_village_team({0, "430281126", "队"}, actor_).error();
       },
       ErrorKind::kNotFound, "village_code.unknown"},
      {"team with a missing member",
       [&] {
         VillageTeam t{0, "430281126232", "队"};
         t.member_cadre_ids = {77};
         t.from_date = kToday;
         return store_->create_village_team(t, actor_).error();
       },
       ErrorKind::kNotFound, "cadre.not_found"},
      {"cadre in an unknown region",
       [&] {
         Cadre c;
         c.name = "李四";
         c.region_code = "430281999";
         c.kinds = {"paired"};
         return store_->create_cadre(c, actor_).error();
       },
       ErrorKind::kNotFound, "region_code.unknown"},
      {"poverty status of a missing household",
       [&] { return store_->set_poverty_status(999, "lifted", 2014, 2018, actor_).error(); },
       ErrorKind::kNotFound, "household.not_found"},
      {"second head",
       [&] {
         Person p = *validate_person({"王五", id(1991, 1, 1, 19), "", "", "01"}, kToday);
         return store_->add_member(1, p, actor_).error();
       },
       ErrorKind::kConflict, "relationship.second_head"},
  };
  for (auto& c : cases) {
    Error e = c.attempt();
    EXPECT_EQ(e.kind, c.kind) << c.what;
    EXPECT_EQ(e.code, c.code) << c.what;
    EXPECT_FALSE(e.message_zh.empty()) << c.what;
    EXPECT_FALSE(e.message_en.empty()) << c.what;
    EXPECT_EQ(fingerprint(), before) << c.what;
  }
}

TEST_F(StoreTest, OneResponsiblePairedCadreAtATime) {
  auto h = store_->create_household(household("H1", "430281126232", {{id(1960, 5, 1, 11), "01"}}),
                                    actor_);
  ASSERT_TRUE(h.ok());
  auto make = [&](const char* name, std::vector<std::string> kinds) {
    Cadre c;
    c.name = name;
    c.region_code = "430281126";
    c.kinds = std::move(kinds);
    auto r = store_->create_cadre(c, actor_);
    EXPECT_TRUE(r.ok());
    return r->id;
  };
  int64_t a = make("杨雁", {"paired"}), b = make("丁钟憬", {"paired", "village_stationed"}),
          n = make("肖江华", {"poverty_officer"});
  auto notpaired = store_->create_pairing({0, n, h->id, kToday}, actor_);
  ASSERT_FALSE(notpaired.ok());
  EXPECT_EQ(notpaired.error().code, "cadre_id.not_paired");
  auto first = store_->create_pairing({0, a, h->id, *Date::from_ymd(2018, 1, 1)}, actor_);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  std::string before = fingerprint();
  auto clash = store_->create_pairing({0, b, h->id, *Date::from_ymd(2019, 6, 1)}, actor_);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, "household_id.already_paired");
  EXPECT_NE(clash.error().message_zh.find("杨雁"), std::string::npos);
  EXPECT_EQ(fingerprint(), before);
  auto replaced =
      store_->create_pairing({0, b, h->id, *Date::from_ymd(2019, 6, 1)}, actor_, /*replace=*/true);
  ASSERT_TRUE(replaced.ok()) << replaced.error().describe();
  auto cur = store_->current_pairing(h->id);
  ASSERT_TRUE(cur.ok() && cur->has_value());
  EXPECT_EQ((*cur)->cadre_id, b);
  // The old pairing ended the day before.
  auto& db = static_cast<sqlite::SqliteStore&>(*store_).db();
  auto s = db.prepare("SELECT to_date FROM pairing WHERE id = ?");
  s.bind(1, first->id);
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.str(0), "2019-05-31");
}

TEST_F(StoreTest, VillageTeamIncludesLeader) {
  Cadre c;
  c.name = "王威";
  c.region_code = "430281126232";
  c.kinds = {"village_stationed"};
  auto leader = store_->create_cadre(c, actor_);
  ASSERT_TRUE(leader.ok());
  VillageTeam t{0, "430281126232", "瓦子坪村驻村工作队", leader->id};
  t.from_date = *Date::from_ymd(2018, 3, 1);
  auto team = store_->create_village_team(t, actor_);
  ASSERT_TRUE(team.ok()) << team.error().describe();
  EXPECT_EQ(team->member_cadre_ids, std::vector<int64_t>{leader->id});
  EXPECT_EQ(team->leader_cadre_id, leader->id);
}

// Soft deletes of every registry record: a stale version or a missing row is
// refused with nothing written, a cadre still paired is refused, a deleted
// head leaves the household without one, a deleted household takes its
// members and ends its pairing; each delete marks the row, bumps its version
// and appends one audit entry with the record as it was.
TEST_F(StoreTest, SoftDeletesRefuseCascadeAndAudit) {
  auto h = store_->create_household(
      household("H1", "430281126232", {{id(1960, 5, 1, 11), "01"}, {id(1962, 3, 4, 22), "10"}}),
      actor_);
  ASSERT_TRUE(h.ok()) << h.error().describe();
  Cadre c;
  c.name = "杨雁";
  c.region_code = "430281126";
  c.kinds = {"paired", "village_stationed"};
  auto cadre = store_->create_cadre(c, actor_);
  ASSERT_TRUE(cadre.ok());
  auto pairing = store_->create_pairing({0, cadre->id, h->id, *Date::from_ymd(2018, 1, 1)}, actor_);
  ASSERT_TRUE(pairing.ok()) << pairing.error().describe();
  VillageTeam t{0, "430281126232", "瓦子坪村驻村工作队", cadre->id};
  t.from_date = *Date::from_ymd(2018, 3, 1);
  auto team = store_->create_village_team(t, actor_);
  ASSERT_TRUE(team.ok()) << team.error().describe();
  auto& db = static_cast<sqlite::SqliteStore&>(*store_).db();
  auto scalar = [&](const std::string& sql) {
    auto s = db.prepare(sql);
    return s.step() ? s.str(0) : std::string("(none)");
  };
  auto audits = [&](const char* entity) {
    return scalar(
        std::string("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity = '") +
        entity + "' AND before != '' AND COALESCE(after, '') = ''");
  };

  std::string before = fingerprint();
  auto stale = store_->delete_household(h->id, h->meta.version + 1, actor_);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "version.stale");
  auto missing = store_->delete_village_team(team->id + 100, 1, actor_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "village_team.not_found");
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto paired = store_->delete_cadre(cadre->id, cadre->meta.version, actor_);
  ASSERT_FALSE(paired.ok());
  EXPECT_EQ(paired.error().code, "cadre.has_pairings");
  EXPECT_NE(paired.error().message_zh.find("杨雁"), std::string::npos);
  EXPECT_EQ(fingerprint(), before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'delete'"), "0");

  // The head: the household keeps its other member and has no head.
  int64_t head = *h->head_person_id, other = h->members[1].id;
  ASSERT_TRUE(store_->delete_person(head, h->members[0].meta.version, actor_).ok());
  EXPECT_EQ(scalar("SELECT deleted_at IS NOT NULL, version FROM person WHERE id = " +
                   std::to_string(head)),
            "1");
  EXPECT_EQ(scalar("SELECT version FROM person WHERE id = " + std::to_string(head)), "2");
  auto left = store_->household(h->id);
  ASSERT_TRUE(left.ok());
  EXPECT_FALSE(left->head_person_id.has_value());
  ASSERT_EQ(left->members.size(), 1u);
  EXPECT_EQ(audits("person"), "1");

  // The household: its member goes too, its pairing ends today.
  ASSERT_TRUE(store_->delete_household(h->id, left->meta.version, actor_).ok());
  EXPECT_FALSE(store_->household(h->id).ok());
  EXPECT_EQ(
      scalar("SELECT deleted_at IS NOT NULL FROM household WHERE id = " + std::to_string(h->id)),
      "1");
  EXPECT_EQ(scalar("SELECT deleted_at IS NOT NULL FROM person WHERE id = " + std::to_string(other)),
            "1");
  EXPECT_EQ(scalar("SELECT to_date FROM pairing WHERE id = " + std::to_string(pairing->id)),
            Date::today().iso());
  EXPECT_EQ(audits("household"), "1");
  EXPECT_EQ(audits("person"), "1");  // the member went with the household, not by itself

  // No pairing left, but the cadre still leads the team: refused (the team
  // could not be edited afterwards). The team goes by itself, then the cadre.
  auto cadre_now = store_->cadre(cadre->id);
  ASSERT_TRUE(cadre_now.ok());
  auto leads = store_->delete_cadre(cadre->id, cadre_now->meta.version, actor_);
  ASSERT_FALSE(leads.ok());
  EXPECT_EQ(leads.error().code, "cadre.in_team");
  EXPECT_NE(leads.error().message_zh.find("瓦子坪村驻村工作队"), std::string::npos)
      << leads.error().message_zh;
  ASSERT_TRUE(store_->delete_village_team(team->id, team->meta.version, actor_).ok());
  EXPECT_FALSE(store_->village_team(team->id).ok());
  ASSERT_TRUE(store_->delete_cadre(cadre->id, cadre_now->meta.version, actor_).ok());
  EXPECT_FALSE(store_->cadre(cadre->id).ok());
  auto pairing_now = store_->pairing(pairing->id);
  ASSERT_TRUE(pairing_now.ok());
  ASSERT_TRUE(store_->delete_pairing(pairing->id, pairing_now->meta.version, actor_).ok());
  EXPECT_FALSE(store_->pairing(pairing->id).ok());
  for (const char* e : {"cadre", "village_team", "pairing"}) EXPECT_EQ(audits(e), "1") << e;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND actor != 'tester'"),
            "0");
}

TEST_F(StoreTest, ListHouseholdsFiltersByRegionTextAndStatusWithTotals) {
  // Two households in 官庄镇 瓦子坪村, one in 沩山镇.
  auto a = store_->create_household(household("A1", "430281126232", {{id(1950, 1, 1, 11), "01"}}),
                                    actor_);
  auto b = store_->create_household(household("A2", "430281126232", {{id(1951, 1, 1, 11), "01"}}),
                                    actor_);
  std::string wei_village;
  auto wei = store_->regions("430281129");
  for (auto& r : *wei)
    if (r.level == RegionLevel::kVillage) {
      wei_village = r.code;
      break;
    }
  auto c =
      store_->create_household(household("B1", wei_village, {{id(1952, 1, 1, 11), "01"}}), actor_);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_TRUE(store_->set_poverty_status(b->id, "lifted", 2014, 2017, actor_).ok());
  struct Case {
    HouseholdQuery q;
    int64_t total;
    std::vector<std::string> numbers;
  };
  std::vector<Case> cases = {
      {{}, 3, {"A1", "A2", "B1"}},
      {{"430281"}, 3, {"A1", "A2", "B1"}},
      {{"430281126"}, 2, {"A1", "A2"}},
      {{"430281126232"}, 2, {"A1", "A2"}},
      {{"430281129"}, 1, {"B1"}},
      {{"430281002"}, 0, {}},
      {{"", "A2"}, 1, {"A2"}},
      {{"", id(1952, 1, 1, 11)}, 1, {"B1"}},
      {{"", "成员"}, 3, {"A1", "A2", "B1"}},
      {{"", "", "poor"}, 1, {"A2"}},
      {{"", "", "lifted"}, 1, {"A2"}},
      {{"", "", "registered_poor"}, 0, {}},
      {{"", "", "", "-number", 2, 0}, 3, {"B1", "A2"}},
      {{"", "", "", "number", 2, 2}, 3, {"B1"}},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    auto r = store_->list_households(cases[i].q);
    ASSERT_TRUE(r.ok()) << i << r.error().describe();
    EXPECT_EQ(r->total, cases[i].total) << "case " << i;
    std::vector<std::string> numbers;
    for (auto& s : r->items) numbers.push_back(s.number);
    EXPECT_EQ(numbers, cases[i].numbers) << "case " << i;
  }
  auto one = store_->list_households({"", "A2"});
  EXPECT_EQ(one->items[0].poverty_status, "lifted");
  EXPECT_EQ(one->items[0].member_count, 1);
  EXPECT_EQ(one->items[0].head_name, "成员1");
  auto bad = store_->list_households({"", "", "", "name; DROP TABLE household"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "sort");
}

TEST_F(StoreTest, GroupsExtendTheVillageCode) {
  auto g = store_->add_group("430281126232", 3, "", actor_);
  ASSERT_TRUE(g.ok()) << g.error().describe();
  EXPECT_EQ(g->code, "430281126232003");
  EXPECT_EQ(g->name, "3组");
  auto again = store_->add_group("430281126232", 3, "", actor_);
  EXPECT_EQ(again.error().code, "region.exists");
  EXPECT_EQ(store_->add_group("430281126", 1, "", actor_).error().code, "region_code.level");
  auto h = store_->create_household(
      household("G1", "430281126232003", {{id(1950, 1, 1, 11), "01"}}), actor_);
  ASSERT_TRUE(h.ok()) << h.error().describe();
  EXPECT_EQ(store_->list_households({"430281126232"})->total, 1);
}

TEST_F(StoreTest, StatsCountPerTownship) {
  auto a = store_->create_household(
      household("A1", "430281126232", {{id(1950, 1, 1, 11), "01"}, {id(1953, 1, 1, 12), "10"}}),
      actor_);
  auto b = store_->create_household(household("A2", "430281126232", {{id(1951, 1, 1, 11), "01"}}),
                                    actor_);
  ASSERT_TRUE(
      store_->set_poverty_status(a->id, "registered_poor", 2014, std::nullopt, actor_).ok());
  ASSERT_TRUE(store_->set_poverty_status(b->id, "marginal", 2019, std::nullopt, actor_).ok());
  auto st = store_->stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->county.code, "430281");
  EXPECT_EQ(st->county.households, 2);
  EXPECT_EQ(st->county.persons, 3);
  EXPECT_EQ(st->county.poor_households, 1);  // marginal households are not in the poverty register
  EXPECT_EQ(st->county.poor_persons, 2);
  EXPECT_EQ(st->townships.size(), 25u);
  for (auto& t : st->townships) {
    if (t.code == "430281126") {
      EXPECT_EQ(t.name, "官庄镇");
      EXPECT_EQ(t.households, 2);
    } else {
      EXPECT_EQ(t.households, 0) << t.code;
    }
  }
}

TEST_F(StoreTest, UncommittedBulkLoadLeavesNothing) {
  std::string before = fingerprint();
  {
    auto l = store_->bulk_loader("test", "");
    ASSERT_TRUE(l.ok());
    Household h = household("X1", "430281126232", {{id(1950, 1, 1, 11), "01"}});
    h.id = 1;
    h.members[0].id = 1;
    ASSERT_TRUE((*l)->add_household(h).ok());
  }  // destroyed without commit
  EXPECT_EQ(fingerprint(), before);
}

TEST(OpenStore, NotADatabaseIsAClearError) {
  auto path = std::filesystem::temp_directory_path() / "lz_not_a_db.db";
  {
    FILE* f = fopen(path.c_str(), "w");
    fputs("this is not sqlite, just text that is long enough to be read as a header......", f);
    fclose(f);
  }
  auto s = open_store(path.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message_zh.find(path.string()), std::string::npos) << s.error().message_zh;
  std::filesystem::remove(path);
}

// Persons by region are read from person_region_live (migration 014), the
// only index on person(region_code) since migration 019 dropped the full
// one: every statement list_persons runs for a region is planned on it, none
// scans the table.
TEST_F(StoreTest, PersonsByRegionReadTheLiveIndex) {
  auto& db = static_cast<sqlite::SqliteStore&>(*store_).db();
  {
    auto s = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'person_region'");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.i64(0), 0);
  }
  std::vector<std::string> run;  // the statements as run, values bound
  sqlite3_trace_v2(
      db.handle(), SQLITE_TRACE_STMT,
      [](unsigned, void* ctx, void* p, void*) {
        if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(p))) {
          static_cast<std::vector<std::string>*>(ctx)->push_back(sql);
          sqlite3_free(sql);
        }
        return 0;
      },
      &run);
  PersonQuery q;
  q.region_prefix = "430281100";
  for (const char* sort : {"id", "name", "birth_date"}) {
    q.sort = sort;
    ASSERT_TRUE(store_->list_persons(q).ok());
  }
  sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
  int planned = 0;
  for (const auto& sql : run) {
    if (sql.find("FROM person p") == std::string::npos) continue;
    ++planned;
    std::string plan;
    auto s = db.prepare("EXPLAIN QUERY PLAN " + sql);
    while (s.step()) plan += s.str(3) + "\n";
    EXPECT_NE(plan.find("person_region_live"), std::string::npos) << sql << "\n" << plan;
    EXPECT_EQ(plan.find("SCAN p"), std::string::npos) << sql << "\n" << plan;
  }
  EXPECT_EQ(planned, 6);  // a count and a page per sort
}

}  // namespace
}  // namespace lz
