// Accounts, passwords, lockout and sessions: the pure rules by table, then
// AccountsService on a real temporary SQLite database with a fake clock.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "auth/accounts_service.h"
#include "auth/lockout.h"
#include "auth/password.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_audit.h"
#include "store/sqlite/sqlite_store.h"

namespace lz {
namespace {

using namespace std::chrono_literals;

const std::string kGood = "Liling-2020!";
const std::string kGood2 = "Spring.Front#7";

// ---------------------------------------------------------------- password policy

struct PolicyCase {
  const char* name;
  std::string login, password;
  const char* code;  // "" when accepted
};

void PrintTo(const PolicyCase& c, std::ostream* os) {
  *os << c.name;
}

class PasswordPolicyTest : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PasswordPolicyTest, AcceptsOrRefusesWithTheReason) {
  const auto& c = GetParam();
  auto st = check_password_policy(c.login, c.password);
  if (std::string(c.code).empty()) {
    EXPECT_TRUE(st.ok()) << st.error().describe(Lang::kEn);
    return;
  }
  ASSERT_FALSE(st.ok()) << "accepted: " << c.password;
  EXPECT_EQ(st.error().code, c.code);
  EXPECT_EQ(st.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(st.error().field, "password");
  EXPECT_FALSE(st.error().message_zh.empty());
  EXPECT_FALSE(st.error().message_en.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, PasswordPolicyTest,
    ::testing::Values(
        PolicyCase{"good", "zhang3", "Liling-2020!", ""},
        PolicyCase{"three_classes_no_symbol", "zhang3", "LilingCounty2020", ""},
        PolicyCase{"upper_lower_space", "zhang3", "Correct Horse Battery", ""},
        PolicyCase{"chinese_counts_as_other", "zhang3", "两战Liling2020", ""},
        PolicyCase{"exactly_ten", "zhang3", "Abcdefgh1!", ""},
        PolicyCase{"empty", "zhang3", "", "password.too_short"},
        PolicyCase{"nine", "zhang3", "Abcdefg1!", "password.too_short"},
        PolicyCase{"nine_chinese_characters_count_as_characters", "zhang3", "醴陵两战春Ab1!",
                   "password.too_short"},
        PolicyCase{"too_long", "zhang3", std::string(129, 'a') + "A1", "password.too_long"},
        PolicyCase{"lowercase_digits_only", "zhang3", "liling20200212", "password.classes"},
        PolicyCase{"uppercase_only", "zhang3", "LILINGCOUNTY", "password.classes"},
        PolicyCase{"digits_symbols_only", "zhang3", "2020-02-12!!", "password.classes"},
        PolicyCase{"contains_login", "zhang3", "Zhang3-Liling!", "password.contains_login"},
        PolicyCase{"contains_login_any_case", "zhang3", "xxZHANG3yy-2020",
                   "password.contains_login"},
        PolicyCase{"common", "zhang3", "Password123", "password.common"},
        PolicyCase{"common_any_case", "zhang3", "P@SSW0RD123", "password.common"},
        PolicyCase{"common_keyboard", "zhang3", "1qaz@WSX3edc", "password.common"}),
    [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------- lockout

struct LockCase {
  int failures;
  int minutes;
};

void PrintTo(const LockCase& c, std::ostream* os) {
  *os << c.failures << " failures";
}

class LockoutScheduleTest : public ::testing::TestWithParam<LockCase> {};

TEST_P(LockoutScheduleTest, DefaultSchedule) {
  EXPECT_EQ(lock_duration(GetParam().failures).count(), GetParam().minutes)
      << GetParam().failures << " failures";
}

INSTANTIATE_TEST_SUITE_P(Table, LockoutScheduleTest,
                         ::testing::Values(LockCase{0, 0}, LockCase{1, 0}, LockCase{4, 0},
                                           LockCase{5, 1}, LockCase{6, 2}, LockCase{7, 4},
                                           LockCase{8, 8}, LockCase{9, 16}, LockCase{10, 32},
                                           LockCase{11, 60}, LockCase{12, 60}, LockCase{1000, 60},
                                           LockCase{2147483647, 60}));

TEST(LockoutTest, ConfigurableNumbers) {
  LockoutConfig c{3, std::chrono::minutes(5), std::chrono::minutes(20)};
  EXPECT_EQ(lock_duration(2, c).count(), 0);
  EXPECT_EQ(lock_duration(3, c).count(), 5);
  EXPECT_EQ(lock_duration(4, c).count(), 10);
  EXPECT_EQ(lock_duration(5, c).count(), 20);
  EXPECT_EQ(lock_duration(6, c).count(), 20);
}

TEST(LockoutTest, MinutesToWaitRoundsUp) {
  EXPECT_EQ(minutes_to_wait(0s), 1);
  EXPECT_EQ(minutes_to_wait(1s), 1);
  EXPECT_EQ(minutes_to_wait(60s), 1);
  EXPECT_EQ(minutes_to_wait(61s), 2);
  EXPECT_EQ(minutes_to_wait(3600s), 60);
}

// ---------------------------------------------------------------- hashes and tokens

TEST(PasswordHashTest, RoundTrip) {
  auto h = hash_password(kGood);
  ASSERT_TRUE(h.ok()) << h.error().describe();
  EXPECT_TRUE(h->starts_with("$argon2id$")) << *h;
  EXPECT_EQ(h->find(kGood), std::string::npos);
  EXPECT_TRUE(verify_password(kGood, *h));
  EXPECT_FALSE(verify_password("Liling-2020?", *h));
  EXPECT_FALSE(verify_password("", *h));
  auto h2 = hash_password(kGood);
  ASSERT_TRUE(h2.ok());
  EXPECT_NE(*h, *h2) << "each hash has its own salt";
  EXPECT_TRUE(verify_password(kGood, *h2));
  EXPECT_FALSE(verify_password(kGood, ""));
  EXPECT_FALSE(verify_password(kGood, "not a hash"));
}

TEST(PasswordTokenTest, RandomBase64UrlAndHexHash) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string t = random_token();
    ASSERT_EQ(t.size(), 43u) << t;  // 32 bytes, base64 without padding
    for (char c : t)
      ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
  std::string t = random_token();
  std::string h = token_hash(t);
  ASSERT_EQ(h.size(), 64u);
  for (char c : h)
    ASSERT_TRUE(std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f'));
  EXPECT_EQ(h, token_hash(t));
  EXPECT_NE(h, token_hash(random_token()));
  EXPECT_EQ(h.find(t), std::string::npos);
}

// ---------------------------------------------------------------- the service on SQLite

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Parameterised tests are named "Case/param": keep the file name flat.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name)
      if (c == '/') c = '_';
    path_ = std::filesystem::temp_directory_path() /
            ("lz_auth_test_" + std::to_string(::getpid()) + "_" + name + ".db");
    remove_db();
    auto s = sqlite::SqliteStore::open(path_.string());
    ASSERT_TRUE(s.ok()) << s.error().describe();
    store_ = std::move(s).value();
    accounts_ = std::make_unique<sqlite::SqliteAccountStore>(store_->db());
    now_ = *AccountsService::parse_iso("2020-02-12T08:00:00Z");
    svc_ = std::make_unique<AccountsService>(*accounts_, AccountsConfig{}, [this] { return now_; });
  }
  void TearDown() override {
    svc_.reset();
    accounts_.reset();
    store_.reset();
    remove_db();
  }
  void remove_db() {
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suf);
  }
  int64_t count(const std::string& sql) {
    auto s = store_->db().prepare(sql);
    return s.step() ? s.i64(0) : -1;
  }
  // Rows of what account writes touch, to prove that a refused write wrote nothing.
  std::string fingerprint() {
    return std::to_string(count("SELECT COUNT(*) FROM account")) + "/" +
           std::to_string(count("SELECT COALESCE(SUM(version), 0) FROM account")) + "/" +
           std::to_string(count("SELECT COUNT(*) FROM session")) + "/" +
           std::to_string(count("SELECT COUNT(*) FROM audit_log"));
  }
  int64_t paired_cadre() {
    Cadre c;
    c.name = "李建国";
    c.unit = "醴陵市农业农村局";
    c.region_code = "430281126";
    c.kinds = {"paired"};
    auto r = store_->create_cadre(c, admin_);
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return r.ok() ? r->id : 0;
  }
  Account add(const std::string& login, const std::string& role = "township_officer",
              const std::string& region = "430281126", const std::string& password = kGood) {
    auto a = svc_->add_account({login, "测试", role, region}, password, admin_);
    EXPECT_TRUE(a.ok()) << a.error().describe(Lang::kEn);
    return a.ok() ? *a : Account{};
  }
  std::vector<AuditEntry> audit(const std::string& action = "") {
    sqlite::SqliteAuditLog log(store_->db());
    AuditQuery q;
    q.entity = "account";
    q.action = action;
    q.limit = 1000;
    auto r = log.query(q);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->items : std::vector<AuditEntry>{};
  }

  std::filesystem::path path_;
  std::unique_ptr<sqlite::SqliteStore> store_;
  std::unique_ptr<sqlite::SqliteAccountStore> accounts_;
  std::unique_ptr<AccountsService> svc_;
  AccountsService::TimePoint now_;
  Actor admin_{"admin", "10.0.0.1"};
};

struct BindingCase {
  const char* name;
  std::string role, region;
  bool with_cadre;
  const char* code;           // "" when accepted
  std::string stored_region;  // when accepted
};

void PrintTo(const BindingCase& c, std::ostream* os) {
  *os << c.name;
}

class AccountBindingTest : public AccountsTest,
                           public ::testing::WithParamInterface<BindingCase> {};

TEST_P(AccountBindingTest, RoleRegionAndCadre) {
  const auto& c = GetParam();
  std::optional<int64_t> cadre;
  if (c.with_cadre) cadre = std::string(c.name) == "paired_unknown_cadre" ? 99999 : paired_cadre();
  std::string before = fingerprint();
  AccountInput in{"user1", "测试用户", c.role, c.region, cadre};
  auto a = svc_->add_account(in, kGood, admin_);
  if (std::string(c.code).empty()) {
    ASSERT_TRUE(a.ok()) << a.error().describe(Lang::kEn);
    EXPECT_EQ(a->region_code, c.stored_region);
    EXPECT_EQ(a->cadre_id, cadre);
    EXPECT_TRUE(a->password_hash.starts_with("$argon2id$"));
    EXPECT_EQ(audit("create").size(), 1u);
    return;
  }
  ASSERT_FALSE(a.ok()) << "accepted " << c.role << " " << c.region;
  EXPECT_EQ(a.error().code, c.code) << a.error().describe(Lang::kEn);
  EXPECT_FALSE(a.error().message_zh.empty());
  EXPECT_FALSE(a.error().message_en.empty());
  EXPECT_EQ(fingerprint(), before) << "a refused account wrote something";
}

INSTANTIATE_TEST_SUITE_P(
    Table, AccountBindingTest,
    ::testing::Values(
        BindingCase{"county_default", "county_admin", "", false, "", "430281"},
        BindingCase{"county_given", "county_admin", "430281", false, "", "430281"},
        BindingCase{"county_given_township", "county_admin", "430281126", false,
                    "region_code.level", ""},
        BindingCase{"township", "township_officer", "430281126", false, "", "430281126"},
        BindingCase{"township_statistical_form", "township_officer", "430281126000", false, "",
                    "430281126"},
        BindingCase{"township_missing", "township_officer", "", false, "region_code.required", ""},
        BindingCase{"township_given_village", "township_officer", "430281126232", false,
                    "region_code.level", ""},
        BindingCase{"township_given_county", "township_officer", "430281", false,
                    "region_code.level", ""},
        BindingCase{"township_unknown", "township_officer", "430281999", false,
                    "region_code.unknown", ""},
        BindingCase{"village", "village_cadre", "430281126232", false, "", "430281126232"},
        BindingCase{"village_given_township", "village_cadre", "430281126", false,
                    "region_code.level", ""},
        BindingCase{"village_missing", "village_cadre", "", false, "region_code.required", ""},
        BindingCase{"village_bad_code", "village_cadre", "43028112x232", false,
                    "region_code.invalid", ""},
        BindingCase{"paired", "paired_cadre", "", true, "", "430281"},
        BindingCase{"paired_missing_cadre", "paired_cadre", "", false, "cadre_id.required", ""},
        BindingCase{"paired_unknown_cadre", "paired_cadre", "", true, "cadre.not_found", ""},
        BindingCase{"paired_given_township", "paired_cadre", "430281126", true, "region_code.level",
                    ""},
        BindingCase{"system_admin", "system_admin", "", false, "", ""},
        BindingCase{"security_admin", "security_admin", "", false, "", ""},
        BindingCase{"audit_admin", "audit_admin", "", false, "", ""},
        BindingCase{"checkpoint_staff", "checkpoint_staff", "", false, "", ""},
        BindingCase{"system_admin_with_region", "system_admin", "430281", false,
                    "region_code.not_allowed", ""},
        BindingCase{"unknown_role", "mayor", "430281", false, "role.unknown", ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(AccountsTest, UnknownRoleListsTheValidRoles) {
  auto a = svc_->add_account({"user1", "", "mayor", ""}, kGood, admin_);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message_en.find("county_admin"), std::string::npos) << a.error().message_en;
  EXPECT_NE(a.error().message_en.find("audit_admin"), std::string::npos);
  EXPECT_NE(a.error().message_zh.find("乡镇干部"), std::string::npos) << a.error().message_zh;
}

TEST_F(AccountsTest, LoginNamesAreCheckedAndLowercased) {
  struct Case {
    std::string login;
    bool ok;
  };
  for (const auto& c : std::vector<Case>{{"ab", false},
                                         {std::string(33, 'a'), false},
                                         {"zhang san", false},
                                         {"张三", false},
                                         {"zhang@san", false},
                                         {"Zhang.San_01-x", true},
                                         {std::string(32, 'b'), true},
                                         {"abc", true}}) {
    std::string before = fingerprint();
    auto a = svc_->add_account({c.login, "", "system_admin", ""}, kGood, admin_);
    EXPECT_EQ(a.ok(), c.ok) << c.login;
    if (a.ok()) {
      EXPECT_EQ(a->login, c.login == "Zhang.San_01-x" ? "zhang.san_01-x" : c.login);
    } else {
      EXPECT_EQ(a.error().code, "login.invalid");
      EXPECT_EQ(a.error().field, "login");
      EXPECT_EQ(fingerprint(), before);
    }
  }
}

TEST_F(AccountsTest, WeakPasswordIsRefusedAndNothingWritten) {
  std::string before = fingerprint();
  auto a = svc_->add_account({"zhang3", "", "county_admin", ""}, "zhang3-Liling", admin_);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, "password.contains_login");
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(AccountsTest, SeveralErrorsAreReportedTogether) {
  auto a = svc_->add_account({"x", "", "village_cadre", "430281"}, "short", admin_);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, "account.invalid");
  ASSERT_EQ(a.error().details.size(), 3u);
  EXPECT_EQ(a.error().details[0].code, "login.invalid");
  EXPECT_EQ(a.error().details[1].code, "region_code.level");
  EXPECT_EQ(a.error().details[2].code, "password.too_short");
}

TEST_F(AccountsTest, TakenLoginIsRefusedAndNothingWritten) {
  add("wang5");
  std::string before = fingerprint();
  auto again = svc_->add_account({"WANG5", "", "county_admin", ""}, kGood2, admin_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "login.taken");
  EXPECT_EQ(fingerprint(), before);
  // The store refuses it as well (inside its transaction), with nothing written.
  Account dup;
  dup.login = "wang5";
  dup.password_hash = "x";
  dup.role = "system_admin";
  dup.password_set_at = "2020-02-12T08:00:00Z";
  auto direct = accounts_->create_account(dup, admin_);
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.error().code, "login.taken");
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(AccountsTest, LoginGivesATokenThatAuthenticates) {
  Account a = add("zhang3");
  auto r = svc_->login("ZHANG3", kGood, "192.168.1.9");
  ASSERT_TRUE(r.ok()) << r.error().describe(Lang::kEn);
  EXPECT_EQ(r->token.size(), 43u);
  EXPECT_EQ(r->account.id, a.id);
  auto who = svc_->authenticate(r->token, "192.168.1.9");
  ASSERT_TRUE(who.ok()) << who.error().describe(Lang::kEn);
  EXPECT_EQ(who->login, "zhang3");
  EXPECT_EQ(who->role, "township_officer");
  EXPECT_EQ(who->region_code, "430281126");
  // Only the token's hash is stored.
  EXPECT_EQ(count("SELECT COUNT(*) FROM session WHERE token_hash = '" + token_hash(r->token) + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session WHERE token_hash = '" + r->token + "'"), 0);
  auto bad = svc_->authenticate(random_token(), "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "session.invalid");
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(svc_->authenticate("", "").error().code, "session.invalid");
}

TEST_F(AccountsTest, WrongPasswordAndUnknownLoginLookTheSame) {
  add("zhang3");
  auto t0 = std::chrono::steady_clock::now();
  auto wrong = svc_->login("zhang3", "Wrong-password-1", "");
  auto t1 = std::chrono::steady_clock::now();
  auto unknown = svc_->login("nobody", kGood, "");
  auto t2 = std::chrono::steady_clock::now();
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  for (const Error* e : {&wrong.error(), &unknown.error()}) {
    EXPECT_EQ(e->code, "session.bad_credentials");
    EXPECT_EQ(e->kind, ErrorKind::kInvalid);
    EXPECT_EQ(e->message_zh, "登录名或密码错误");
    EXPECT_EQ(e->message_en, "Wrong login or password");
  }
  EXPECT_EQ(wrong.error().field, unknown.error().field);
  EXPECT_EQ(wrong.error().describe(Lang::kZh), unknown.error().describe(Lang::kZh));
  // The unknown login still verified one (dummy) argon2id hash: that takes
  // milliseconds, where a bare lookup takes microseconds.
  (void)t0;
  (void)t1;
  EXPECT_GT(std::chrono::duration_cast<std::chrono::milliseconds>(t2 - t1).count(), 5);
}

TEST_F(AccountsTest, DisabledAccountGetsTheSameErrorAndEnableRestores) {
  add("zhang3");
  ASSERT_TRUE(svc_->set_disabled("zhang3", true, admin_).ok());
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "session.bad_credentials");
  EXPECT_EQ(r.error().message_en, "Wrong login or password");
  ASSERT_TRUE(svc_->set_disabled("zhang3", false, admin_).ok());
  EXPECT_TRUE(svc_->login("zhang3", kGood, "").ok());
  auto missing = svc_->set_disabled("nobody", true, admin_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "account.not_found");
}

TEST_F(AccountsTest, LockoutAfterFiveFailuresWithBackOff) {
  add("zhang3");
  auto acct = [&] { return **accounts_->account_by_login("zhang3"); };
  for (int i = 1; i <= 4; ++i) {
    auto r = svc_->login("zhang3", "Wrong-password-1", "");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "session.bad_credentials") << i;
    EXPECT_EQ(acct().failed_logins, i);
    EXPECT_EQ(acct().locked_until, "") << "no lock below 5 failures";
    now_ += 1s;
  }
  auto fifth = svc_->login("zhang3", "Wrong-password-1", "");
  EXPECT_EQ(fifth.error().code, "session.bad_credentials");
  EXPECT_EQ(acct().failed_logins, 5);
  EXPECT_EQ(acct().locked_until, AccountsService::iso(now_ + 1min));

  // Locked: even the right password is refused, and the message says when to retry.
  int64_t failures_audited = static_cast<int64_t>(audit("login_failed").size());
  auto locked = svc_->login("zhang3", kGood, "");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, "session.locked");
  EXPECT_NE(locked.error().message_zh.find("1分钟"), std::string::npos)
      << locked.error().message_zh;
  EXPECT_NE(locked.error().message_en.find("1 minute"), std::string::npos)
      << locked.error().message_en;
  EXPECT_EQ(acct().failed_logins, 5) << "an attempt while locked is not verified or counted";
  EXPECT_EQ(static_cast<int64_t>(audit("login_failed").size()), failures_audited);

  // The lock passes: one more failure locks for 2 minutes (the back-off).
  now_ += 61s;
  EXPECT_EQ(svc_->login("zhang3", "Wrong-password-1", "").error().code, "session.bad_credentials");
  EXPECT_EQ(acct().failed_logins, 6);
  EXPECT_EQ(acct().locked_until, AccountsService::iso(now_ + 2min));
  now_ += 30s;
  auto still = svc_->login("zhang3", kGood, "");
  ASSERT_FALSE(still.ok());
  EXPECT_EQ(still.error().code, "session.locked");
  EXPECT_NE(still.error().message_en.find("2 minutes"), std::string::npos)
      << still.error().message_en;
  EXPECT_NE(still.error().message_zh.find("2分钟"), std::string::npos);
  now_ += 7s;
  EXPECT_EQ(svc_->login("zhang3", "Wrong-password-1", "").error().code, "session.locked");
  EXPECT_EQ(acct().failed_logins, 6);

  // After the lock the right password works and the failures are reset.
  now_ += 90s;
  auto ok = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(ok.ok()) << ok.error().describe(Lang::kEn);
  EXPECT_EQ(ok->account.failed_logins, 0);
  EXPECT_EQ(ok->account.locked_until, "");
  EXPECT_EQ(acct().failed_logins, 0);
  // ...so the count starts again from zero.
  EXPECT_EQ(svc_->login("zhang3", "Wrong-password-1", "").error().code, "session.bad_credentials");
  EXPECT_EQ(acct().failed_logins, 1);
  EXPECT_EQ(acct().locked_until, "");
}

TEST_F(AccountsTest, UnknownLoginsAreNeverLocked) {
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(svc_->login("nobody", kGood, "").error().code, "session.bad_credentials");
}

TEST_F(AccountsTest, IdleSessionsExpireAndTouchesAreThrottled) {
  add("zhang3");
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  const std::string hash = token_hash(r->token);
  auto last_seen = [&] { return (*accounts_->session(hash))->last_seen_at; };
  std::string login_time = AccountsService::iso(now_);
  EXPECT_EQ(last_seen(), login_time);

  now_ += 30s;
  ASSERT_TRUE(svc_->authenticate(r->token, "").ok());
  EXPECT_EQ(last_seen(), login_time) << "touched less than 60 s after the last touch";
  now_ += 31s;
  ASSERT_TRUE(svc_->authenticate(r->token, "").ok());
  EXPECT_EQ(last_seen(), AccountsService::iso(now_));

  now_ += 30min;  // exactly the idle timeout: still valid
  ASSERT_TRUE(svc_->authenticate(r->token, "").ok());
  now_ += 30min + 1s;  // longer than the idle timeout
  auto expired = svc_->authenticate(r->token, "");
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "session.invalid");
}

TEST_F(AccountsTest, SessionsEndAfterTheAbsoluteLifetime) {
  add("zhang3");
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  for (int i = 1; i <= 36; ++i) {  // active every 20 minutes for 12 hours
    now_ += 20min;
    ASSERT_TRUE(svc_->authenticate(r->token, "").ok()) << "after " << i * 20 << " minutes";
  }
  now_ += 1min;
  auto expired = svc_->authenticate(r->token, "");
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "session.invalid");
  EXPECT_TRUE(svc_->login("zhang3", kGood, "").ok()) << "a new login starts a new lifetime";
}

TEST_F(AccountsTest, ConfigurableTimeouts) {
  AccountsConfig cfg;
  cfg.idle_timeout = 5min;
  cfg.absolute_lifetime = 1h;
  AccountsService svc(*accounts_, cfg, [this] { return now_; });
  add("zhang3");
  auto r = svc.login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  now_ += 4min;
  EXPECT_TRUE(svc.authenticate(r->token, "").ok());
  now_ += 6min;
  EXPECT_FALSE(svc.authenticate(r->token, "").ok());
}

TEST_F(AccountsTest, LogoutEndsTheSession) {
  add("zhang3");
  auto r1 = svc_->login("zhang3", kGood, "");
  auto r2 = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r1.ok() && r2.ok());
  Actor self{"zhang3", "192.168.1.9"};
  ASSERT_TRUE(svc_->logout(r1->token, self).ok());
  EXPECT_EQ(svc_->authenticate(r1->token, "").error().code, "session.invalid");
  EXPECT_TRUE(svc_->authenticate(r2->token, "").ok()) << "the other session is untouched";
  auto again = svc_->logout(r1->token, self);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "session.invalid");
}

TEST_F(AccountsTest, DisablingEndsSessions) {
  add("zhang3");
  auto r1 = svc_->login("zhang3", kGood, "");
  auto r2 = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM session"), 2);
  ASSERT_TRUE(svc_->set_disabled("zhang3", true, admin_).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM session"), 0);
  EXPECT_EQ(svc_->authenticate(r1->token, "").error().code, "session.invalid");
  EXPECT_EQ(svc_->authenticate(r2->token, "").error().code, "session.invalid");
  ASSERT_TRUE(svc_->set_disabled("zhang3", false, admin_).ok());
  EXPECT_FALSE(svc_->authenticate(r1->token, "").ok()) << "enabling does not revive sessions";
}

TEST_F(AccountsTest, ADisabledAccountsSessionIsRefusedEvenIfItSurvived) {
  add("zhang3");
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  // Another writer disabled the account without ending its sessions.
  ASSERT_TRUE(store_->db().exec("UPDATE account SET disabled = 1 WHERE login = 'zhang3'").ok());
  EXPECT_EQ(svc_->authenticate(r->token, "").error().code, "session.invalid");
}

TEST_F(AccountsTest, ACachedSessionSeesAnotherProcesssDisableWithinTheCacheTtl) {
  add("zhang3");
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(svc_->authenticate(r->token, "").ok());  // validated: now cached
  // Another process (the user CLI, or SQL) disables the account and ends its sessions.
  ASSERT_TRUE(store_->db().exec("UPDATE account SET disabled = 1 WHERE login = 'zhang3'; DELETE FROM session").ok());
  EXPECT_TRUE(svc_->authenticate(r->token, "").ok()) << "trusted from the cache within session_cache_ttl";
  now_ += svc_->config().session_cache_ttl;
  EXPECT_EQ(svc_->authenticate(r->token, "").error().code, "session.invalid") << "seen at most the ttl late";
}

TEST_F(AccountsTest, WritesInThisProcessEndCachedSessionsAtOnce) {
  // Another worker of the same server: its own connection and service.
  auto s2 = sqlite::SqliteStore::open(path_.string());
  ASSERT_TRUE(s2.ok());
  sqlite::SqliteAccountStore accounts2((*s2)->db());
  AccountsService other(accounts2, AccountsConfig{}, [this] { return now_; });
  add("zhang3");
  add("li4");
  auto r1 = svc_->login("zhang3", kGood, "");
  auto r2 = svc_->login("li4", kGood, "");
  ASSERT_TRUE(r1.ok() && r2.ok());
  ASSERT_TRUE(svc_->authenticate(r1->token, "").ok());
  ASSERT_TRUE(svc_->authenticate(r2->token, "").ok());
  ASSERT_TRUE(other.logout(r1->token, Actor{"zhang3", "192.168.1.9"}).ok());
  EXPECT_EQ(svc_->authenticate(r1->token, "").error().code, "session.invalid") << "logout, clock unmoved";
  ASSERT_TRUE(svc_->authenticate(r2->token, "").ok());
  ASSERT_TRUE(other.set_disabled("li4", true, admin_).ok());
  EXPECT_EQ(svc_->authenticate(r2->token, "").error().code, "session.invalid") << "disable, clock unmoved";
  auto r3 = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r3.ok());
  ASSERT_TRUE(svc_->authenticate(r3->token, "").ok());
  ASSERT_TRUE(other.set_role("zhang3", "village_cadre", "430281126232", std::nullopt, admin_).ok());
  auto who = svc_->authenticate(r3->token, "");
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->role, "village_cadre") << "a role change is seen at once";
}

TEST_F(AccountsTest, ResetPasswordAppliesThePolicyEndsSessionsAndClearsTheLock) {
  add("zhang3");
  auto r = svc_->login("zhang3", kGood, "");
  ASSERT_TRUE(r.ok());
  std::string before = fingerprint();
  auto weak = svc_->reset_password("zhang3", "weakpass", admin_);
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, "password.too_short");
  auto has_login = svc_->reset_password("zhang3", "Zhang3-Spring!", admin_);
  EXPECT_EQ(has_login.error().code, "password.contains_login");
  EXPECT_EQ(fingerprint(), before);
  EXPECT_EQ(svc_->reset_password("nobody", kGood2, admin_).error().code, "account.not_found");

  for (int i = 0; i < 5; ++i) (void)svc_->login("zhang3", "Wrong-password-1", "");
  EXPECT_EQ(svc_->login("zhang3", kGood, "").error().code, "session.locked");

  ASSERT_TRUE(svc_->reset_password("zhang3", kGood2, admin_).ok());
  EXPECT_EQ(svc_->authenticate(r->token, "").error().code, "session.invalid");
  EXPECT_EQ(count("SELECT COUNT(*) FROM session"), 0);
  auto acct = **accounts_->account_by_login("zhang3");
  EXPECT_EQ(acct.failed_logins, 0);
  EXPECT_EQ(acct.locked_until, "");
  EXPECT_EQ(svc_->login("zhang3", kGood, "").error().code, "session.bad_credentials");
  EXPECT_TRUE(svc_->login("zhang3", kGood2, "").ok()) << "no wait: the lock was cleared";
}

TEST_F(AccountsTest, SetRoleRebindsTheAccount) {
  add("zhang3");
  auto a = svc_->set_role("zhang3", "village_cadre", "430281126232", std::nullopt, admin_);
  ASSERT_TRUE(a.ok()) << a.error().describe(Lang::kEn);
  EXPECT_EQ(a->role, "village_cadre");
  EXPECT_EQ(a->region_code, "430281126232");
  std::string before = fingerprint();
  auto wrong = svc_->set_role("zhang3", "village_cadre", "430281126", std::nullopt, admin_);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "region_code.level");
  auto no_cadre = svc_->set_role("zhang3", "paired_cadre", "", std::nullopt, admin_);
  EXPECT_EQ(no_cadre.error().code, "cadre_id.required");
  auto bad_cadre = svc_->set_role("zhang3", "paired_cadre", "", 4242, admin_);
  EXPECT_EQ(bad_cadre.error().code, "cadre.not_found");
  EXPECT_EQ(fingerprint(), before);
  auto admin = svc_->set_role("zhang3", "audit_admin", "", std::nullopt, admin_);
  ASSERT_TRUE(admin.ok());
  EXPECT_EQ(admin->region_code, "");
}

TEST_F(AccountsTest, EveryWriteIsAuditedWithoutThePasswordHash) {
  Account a = add("zhang3");
  (void)svc_->login("zhang3", "Wrong-password-1", "192.168.1.9");
  auto r = svc_->login("zhang3", kGood, "192.168.1.9");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(svc_->logout(r->token, {"zhang3", "192.168.1.9"}).ok());
  ASSERT_TRUE(svc_->set_role("zhang3", "village_cadre", "430281126232", std::nullopt, admin_).ok());
  ASSERT_TRUE(svc_->reset_password("zhang3", kGood2, admin_).ok());
  ASSERT_TRUE(svc_->set_disabled("zhang3", true, admin_).ok());
  ASSERT_TRUE(svc_->set_disabled("zhang3", false, admin_).ok());

  auto entries = audit();
  std::vector<std::string> actions;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) actions.push_back(it->action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"create", "login_failed", "login", "logout", "role_change",
                                      "password_reset", "disable", "enable"}));
  const std::string hash = (**accounts_->account_by_login("zhang3")).password_hash;
  for (const auto& e : entries) {
    SCOPED_TRACE(e.action);
    EXPECT_EQ(e.entity, "account");
    EXPECT_EQ(e.entity_id, std::to_string(a.id));
    EXPECT_FALSE(e.at.empty());
    EXPECT_FALSE(e.after.empty());
    EXPECT_EQ(e.before.empty(), e.action == "create");
    for (const std::string* json : {&e.before, &e.after}) {
      EXPECT_EQ(json->find("password_hash"), std::string::npos) << *json;
      EXPECT_EQ(json->find("$argon2"), std::string::npos) << *json;
      EXPECT_EQ(json->find(hash), std::string::npos);
    }
    EXPECT_EQ(e.detail.find(r->token), std::string::npos) << "no token in the audit trail";
  }
  // Who and from where.
  const auto& create = entries.back();
  EXPECT_EQ(create.actor, "admin");
  EXPECT_EQ(create.address, "10.0.0.1");
  EXPECT_NE(create.after.find("\"login\":\"zhang3\""), std::string::npos) << create.after;
  EXPECT_NE(create.after.find("\"role\":\"township_officer\""), std::string::npos);
  auto logins = audit("login");
  ASSERT_EQ(logins.size(), 1u);
  EXPECT_EQ(logins[0].actor, "zhang3");
  EXPECT_EQ(logins[0].role, "township_officer");
  EXPECT_EQ(logins[0].address, "192.168.1.9");
  auto failed = audit("login_failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_NE(failed[0].after.find("\"failed_logins\":1"), std::string::npos) << failed[0].after;
  EXPECT_NE(failed[0].before.find("\"failed_logins\":0"), std::string::npos);
  auto role = audit("role_change");
  ASSERT_EQ(role.size(), 1u);
  EXPECT_NE(role[0].before.find("\"region_code\":\"430281126\""), std::string::npos);
  EXPECT_NE(role[0].after.find("\"region_code\":\"430281126232\""), std::string::npos);
  auto disable = audit("disable");
  ASSERT_EQ(disable.size(), 1u);
  EXPECT_NE(disable[0].before.find("\"disabled\":false"), std::string::npos);
  EXPECT_NE(disable[0].after.find("\"disabled\":true"), std::string::npos);
  // Disabling an already disabled account changes nothing and writes nothing.
  ASSERT_TRUE(svc_->set_disabled("zhang3", true, admin_).ok());
  std::string before = fingerprint();
  ASSERT_TRUE(svc_->set_disabled("zhang3", true, admin_).ok());
  EXPECT_EQ(fingerprint(), before);
}

}  // namespace
}  // namespace lz
