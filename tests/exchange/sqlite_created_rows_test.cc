// SqliteCreatedRows: what an import holds is what lands in the database,
// row for row, whatever the number of households and members (each chunk
// size: 64, 32, 16 and the rest); a truncated unit is not written; nothing
// is written before flush().
#include "exchange/sqlite_created_rows.h"

#include <fmt/format.h>

#include "helpers.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::exchange {
namespace {

using testing::id;
using testing::village;

class SqliteCreatedRowsTest : public testing::TempDir {
 protected:
  void SetUp() override {
    TempDir::SetUp();
    auto s = sqlite::SqliteStore::open(path("t.db"));
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
  }
  // Household i: i % 5 + 1 members, the first the head; ids from 1.
  Household household(int i, int64_t& next_person) {
    Household h;
    h.id = i + 1;
    h.number = fmt::format("N{:05}", i);
    h.region_code = village(static_cast<size_t>(i) % 3).code;
    h.address = fmt::format("{}组", i);
    h.phone = i % 2 ? "13800000000" : "";
    for (int m = 0; m <= i % 5; ++m) {
      Person p;
      p.id = next_person++;
      p.household_id = h.id;
      p.name = fmt::format("姓名{}-{}", i, m);
      p.id_number = id(1950 + m, 1 + i % 12, 1 + i % 28, (i * 7 + m) % 999);
      p.sex = m % 2 ? "female" : "male";
      p.birth_date = *Date::from_ymd(1950 + m, 1 + i % 12, 1 + i % 28);
      p.relationship = m ? "10" : "01";
      p.ethnicity = "01";
      p.phone = m ? "" : "13912345678";
      if (!m) h.head_person_id = p.id;
      h.members.push_back(p);
    }
    return h;
  }
  // The rows as the tables hold them, one line each, in id order.
  std::string households() {
    return lines(
        "SELECT id || '|' || number || '|' || region_code || '|' || address || '|' || phone || "
        "'|' || IFNULL(head_person_id, 'null') || '|' || version || '|' || created_at || '|' || "
        "created_by || '|' || updated_at || '|' || updated_by FROM household ORDER BY id");
  }
  std::string persons() {
    return lines(
        "SELECT id || '|' || household_id || '|' || name || '|' || id_number || '|' || sex || "
        "'|' || birth_date || '|' || relationship || '|' || ethnicity || '|' || phone || '|' || "
        "region_code || '|' || version || '|' || created_by FROM person ORDER BY id");
  }
  std::string lines(const std::string& sql) {
    std::string out;
    auto s = store_->db().prepare(sql);
    while (s.step()) out += s.str(0) + "\n";
    return out;
  }
  std::unique_ptr<sqlite::SqliteStore> store_;
};

TEST_F(SqliteCreatedRowsTest, WritesWhatItHoldsRowForRow) {
  // Households held at once: one, fewer than 16, each chunk size and past it.
  for (int n : {1, 9, 15, 16, 17, 64, 65, 137}) {
    SCOPED_TRACE(n);
    ASSERT_TRUE(store_->db().exec("DELETE FROM person; DELETE FROM household").ok());
    SqliteCreatedRows rows(store_->db().handle());
    rows.set_meta("2020-02-12T08:00:00Z", "importer");
    std::string want_h, want_p;
    int64_t next_person = 1;
    for (int i = 0; i < n; ++i) {
      Household h = household(i, next_person);
      rows.add(h);
      want_h += fmt::format(
          "{}|{}|{}|{}|{}|{}|1|2020-02-12T08:00:00Z|importer|2020-02-12T08:00:00Z|importer\n", h.id,
          h.number, h.region_code, h.address, h.phone, *h.head_person_id);
      for (const Person& p : h.members)
        want_p += fmt::format("{}|{}|{}|{}|{}|{}|{}|01|{}|{}|1|importer\n", p.id, h.id, p.name,
                              p.id_number, p.sex, p.birth_date.iso(), p.relationship, p.phone,
                              h.region_code);
    }
    EXPECT_EQ(rows.households(), static_cast<size_t>(n));
    EXPECT_EQ(rows.persons(), static_cast<size_t>(next_person - 1));
    EXPECT_EQ(households(), "");  // nothing before flush()
    ASSERT_TRUE(rows.flush().ok());
    EXPECT_EQ(rows.households(), 0u);
    EXPECT_EQ(households(), want_h);
    EXPECT_EQ(persons(), want_p);
    ASSERT_TRUE(rows.flush().ok());  // nothing held: nothing more written
    EXPECT_EQ(persons(), want_p);
  }
}

TEST_F(SqliteCreatedRowsTest, TruncatedHouseholdsAreNotWritten) {
  SqliteCreatedRows rows(store_->db().handle());
  rows.set_meta("2020-02-12T08:00:00Z", "importer");
  int64_t next_person = 1;
  for (int i = 0; i < 4; ++i) rows.add(household(i, next_person));  // 1 + 2 + 3 + 4 members
  rows.truncate(2);
  EXPECT_EQ(rows.households(), 2u);
  EXPECT_EQ(rows.persons(), 3u);
  rows.truncate(5);  // past the end: nothing to forget
  EXPECT_EQ(rows.households(), 2u);
  ASSERT_TRUE(rows.flush().ok());
  EXPECT_EQ(lines("SELECT number FROM household ORDER BY id"), "N00000\nN00001\n");
  EXPECT_EQ(lines("SELECT COUNT(*) FROM person"), "3\n");
}

TEST_F(SqliteCreatedRowsTest, AFailedStatementIsAnErrorAndHoldsNothing) {
  SqliteCreatedRows rows(store_->db().handle());
  rows.set_meta("2020-02-12T08:00:00Z", "importer");
  int64_t next_person = 1;
  Household h = household(0, next_person);
  h.region_code = "999999999999";  // no such region: the foreign key refuses it
  rows.add(h);
  auto st = rows.flush();
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(rows.households(), 0u);
  EXPECT_EQ(households(), "");
}

}  // namespace
}  // namespace lz::exchange
