// The JSON of a household as the API and the audit trail return it, pinned
// byte for byte: households are written through the bulk loader (fixed actor
// and timestamp) into a temporary database, read back with Store::household
// and serialised with to_json / audit_text. The expected texts were captured
// from the code before the read path and the serialiser were reworked for
// speed; they must not change.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/id_number.h"
#include "registry/json.h"
#include "store/store.h"

namespace lz {
namespace {

constexpr const char* kStamp = "2020-02-12T08:00:00Z";

Person member(int64_t id, std::string name, int y, int m, int d, int seq, std::string rel) {
  Person p;
  p.id = id;
  p.name = std::move(name);
  Date birth = *Date::from_ymd(y, m, d);
  p.id_number = IdNumber::make("430281", birth, seq).str();
  p.sex = seq % 2 ? "male" : "female";
  p.birth_date = birth;
  p.relationship = std::move(rel);
  return p;
}

class HouseholdJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("lz_household_json_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_db();
    auto s = open_store(path_.string());
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();

    auto l = store_->bulk_loader("demo", kStamp);
    ASSERT_TRUE(l.ok()) << l.error().describe();

    // 101: a head, a spouse and two children born the same day (order by id),
    // loaded out of order; text that needs escaping in the address.
    Household a;
    a.id = 101;
    a.number = "430281126232-0101";
    a.region_code = "430281126232";
    a.address = "官庄镇 \"东冲\" 组\\3号\n二楼\t/ é";
    a.phone = "13807330101";
    a.head_person_id = 12;
    Person c1 = member(14, "李小二", 2008, 9, 1, 24, "20");
    c1.education = "primary";
    c1.enrolment = "enrolled";
    Person c2 = member(13, "李小一", 2008, 9, 1, 13, "20");
    c2.education = "primary";
    c2.enrolment = "enrolled";
    c2.health = "chronic";
    Person head = member(12, "李建国", 1968, 3, 7, 11, "01");
    head.education = "junior";
    head.labour = "ordinary";
    head.phone = "13807330101";
    Person spouse = member(15, "王秀英", 1970, 12, 30, 22, "10");
    spouse.ethnicity = "土家族";
    spouse.labour = "weak";
    a.members = {c1, c2, head, spouse};
    ASSERT_TRUE((*l)->add_household(a).ok());

    // 102: nobody is the head, empty phone.
    Household b;
    b.id = 102;
    b.number = "430281126232-0102";
    b.region_code = "430281126232";
    b.address = "";
    b.members = {member(21, "赵一", 1990, 1, 2, 31, "20")};
    ASSERT_TRUE((*l)->add_household(b).ok());

    // 103: no members at all.
    Household c;
    c.id = 103;
    c.number = "430281126232-0103";
    c.region_code = "430281126232";
    c.address = "官庄镇";
    ASSERT_TRUE((*l)->add_household(c).ok());

    // 104: its head and one other member are deleted below.
    Household d;
    d.id = 104;
    d.number = "430281126232-0104";
    d.region_code = "430281126232";
    d.address = "官庄镇 4号";
    d.head_person_id = 41;
    d.members = {member(41, "孙甲", 1950, 6, 6, 41, "01"), member(42, "孙乙", 1975, 6, 6, 42, "20"),
                 member(43, "孙丙", 1978, 6, 6, 43, "20")};
    ASSERT_TRUE((*l)->add_household(d).ok());
    ASSERT_TRUE((*l)->commit().ok());

    for (int64_t pid : {41, 43}) {
      auto p = store_->person(pid);
      ASSERT_TRUE(p.ok());
      ASSERT_TRUE(store_->delete_person(pid, p->meta.version, actor_).ok());
    }
  }
  void TearDown() override {
    store_.reset();
    remove_db();
  }
  void remove_db() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
  }
  std::string text(int64_t id) {
    auto h = store_->household(id);
    EXPECT_TRUE(h.ok()) << h.error().describe();
    if (!h.ok()) return "";
    std::string dumped = to_json(*h).dump();
    EXPECT_EQ(audit_text(*h), dumped);
    return dumped;
  }
  Actor actor_{"tester", "127.0.0.1"};
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

TEST_F(HouseholdJsonTest, WithHeadAndMembersInRegisterOrder) {
  EXPECT_EQ(text(101), R"J({"address":"官庄镇 \"东冲\" 组\\3号\n二楼\t/ é","created_at":"2020-02-12T08:00:00Z","created_by":"demo","head_person_id":12,"id":101,"members":[{"birth_date":"1968-03-07","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"junior","enrolment":"","ethnicity":"汉族","health":"healthy","household_id":101,"id":12,"id_number":"430281196803070114","labour":"ordinary","name":"李建国","phone":"13807330101","region_code":"430281126232","relationship":"01","sex":"male","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1},{"birth_date":"1970-12-30","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"","enrolment":"","ethnicity":"土家族","health":"healthy","household_id":101,"id":15,"id_number":"430281197012300221","labour":"weak","name":"王秀英","phone":"","region_code":"430281126232","relationship":"10","sex":"female","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1},{"birth_date":"2008-09-01","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"primary","enrolment":"enrolled","ethnicity":"汉族","health":"chronic","household_id":101,"id":13,"id_number":"430281200809010138","labour":"","name":"李小一","phone":"","region_code":"430281126232","relationship":"20","sex":"male","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1},{"birth_date":"2008-09-01","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"primary","enrolment":"enrolled","ethnicity":"汉族","health":"healthy","household_id":101,"id":14,"id_number":"430281200809010242","labour":"","name":"李小二","phone":"","region_code":"430281126232","relationship":"20","sex":"female","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1}],"number":"430281126232-0101","phone":"13807330101","region_code":"430281126232","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1})J");
}

TEST_F(HouseholdJsonTest, WithoutHead) { EXPECT_EQ(text(102), R"J({"address":"","created_at":"2020-02-12T08:00:00Z","created_by":"demo","head_person_id":null,"id":102,"members":[{"birth_date":"1990-01-02","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"","enrolment":"","ethnicity":"汉族","health":"healthy","household_id":102,"id":21,"id_number":"430281199001020311","labour":"","name":"赵一","phone":"","region_code":"430281126232","relationship":"20","sex":"male","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1}],"number":"430281126232-0102","phone":"","region_code":"430281126232","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1})J"); }

TEST_F(HouseholdJsonTest, WithoutMembers) { EXPECT_EQ(text(103), R"J({"address":"官庄镇","created_at":"2020-02-12T08:00:00Z","created_by":"demo","head_person_id":null,"id":103,"members":[],"number":"430281126232-0103","phone":"","region_code":"430281126232","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1})J"); }

TEST_F(HouseholdJsonTest, DeletedMembersAndHeadAreLeftOut) { EXPECT_EQ(text(104), R"J({"address":"官庄镇 4号","created_at":"2020-02-12T08:00:00Z","created_by":"demo","head_person_id":null,"id":104,"members":[{"birth_date":"1975-06-06","created_at":"2020-02-12T08:00:00Z","created_by":"demo","education":"","enrolment":"","ethnicity":"汉族","health":"healthy","household_id":104,"id":42,"id_number":"430281197506060424","labour":"","name":"孙乙","phone":"","region_code":"430281126232","relationship":"20","sex":"female","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1}],"number":"430281126232-0104","phone":"","region_code":"430281126232","updated_at":"2020-02-12T08:00:00Z","updated_by":"demo","version":1})J"); }

TEST_F(HouseholdJsonTest, PrettyPrintedAndIndentedTheSame) {
  auto h = store_->household(101);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(to_json(*h).dump(2), nlohmann::json::parse(text(101)).dump(2));
}

TEST_F(HouseholdJsonTest, MissingAndDeletedHouseholdsAreNotFound) {
  auto missing = store_->household(999);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "household.not_found");
  EXPECT_EQ(missing.error().describe(Lang::kEn), "id: There is no household with id 999");
  auto h = store_->household(103);
  ASSERT_TRUE(h.ok());
  ASSERT_TRUE(store_->delete_household(103, h->meta.version, actor_).ok());
  auto gone = store_->household(103);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, "household.not_found");
}

TEST(PersonJson, WithoutHousehold) {
  Person p = member(7, "周某", 1999, 12, 31, 17, "99");
  p.meta = {3, "2020-01-01T00:00:00Z", "a", "2020-02-01T00:00:00Z", "b"};
  EXPECT_EQ(to_json(p).dump(), R"J({"birth_date":"1999-12-31","created_at":"2020-01-01T00:00:00Z","created_by":"a","education":"","enrolment":"","ethnicity":"汉族","health":"healthy","household_id":null,"id":7,"id_number":"430281199912310176","labour":"","name":"周某","phone":"","region_code":"","relationship":"99","sex":"male","updated_at":"2020-02-01T00:00:00Z","updated_by":"b","version":3})J");
  p.household_id = 5;
  EXPECT_EQ(audit_text(p), R"J({"birth_date":"1999-12-31","created_at":"2020-01-01T00:00:00Z","created_by":"a","education":"","enrolment":"","ethnicity":"汉族","health":"healthy","household_id":5,"id":7,"id_number":"430281199912310176","labour":"","name":"周某","phone":"","region_code":"","relationship":"99","sex":"male","updated_at":"2020-02-01T00:00:00Z","updated_by":"b","version":3})J");
}

}  // namespace
}  // namespace lz
