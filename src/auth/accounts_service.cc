#include "auth/accounts_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "auth/password.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/text.h"

namespace lz {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  });
  return out;
}

std::string normalize_login(std::string_view s) {
  return lower(text::trim(text::to_half_width(s)));
}

Status check_login(const std::string& login) {
  bool chars_ok = std::all_of(login.begin(), login.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
  if (login.size() < 3 || login.size() > 32 || !chars_ok)
    return invalid(
        "login.invalid", "login",
        fmt::format("登录名“{}”无效：应为3到32个字符，只能用小写字母、数字和 _ . -", login),
        fmt::format("The login \"{}\" is invalid: it must be 3 to 32 characters of "
                    "lowercase letters, digits and _ . -",
                    login));
  return {};
}

Error bad_credentials() {
  return invalid("session.bad_credentials", "", "登录名或密码错误", "Wrong login or password");
}

Error session_invalid() {
  return invalid("session.invalid", "", "登录已失效，请重新登录",
                 "Your session is no longer valid; please sign in again");
}

Error locked(int minutes) {
  return invalid(
      "session.locked", "",
      fmt::format("密码连续输错次数过多，账号已临时锁定，请{}分钟后再试", minutes),
      fmt::format("Too many wrong passwords in a row: the account is locked for now; try "
                  "again in {} minute{}",
                  minutes, minutes == 1 ? "" : "s"));
}

Error account_not_found(const std::string& login) {
  return not_found("account.not_found", "login", fmt::format("账号“{}”不存在", login),
                   fmt::format("There is no account \"{}\"", login));
}

// A hash to verify against when the login is unknown, so that an unknown
// login costs the same time as a wrong password. Made once per process.
const std::string& dummy_hash() {
  static const std::string h = [] {
    auto r = hash_password(random_token());
    return r ? *r : std::string();
  }();
  return h;
}

const char* level_zh(int digits) {
  return digits == 6 ? "县（市）" : digits == 9 ? "乡镇（街道）" : "村（社区）";
}
const char* level_en(int digits) {
  return digits == 6 ? "the county" : digits == 9 ? "a township" : "a village";
}

constexpr Role kAllRoles[] = {Role::kCountyAdmin, Role::kTownshipOfficer, Role::kVillageCadre,
                              Role::kPairedCadre, Role::kCheckpointStaff, Role::kEnterprise,
                              Role::kPurchasePointOperator, Role::kSystemAdmin, Role::kSecurityAdmin,   Role::kAuditAdmin};

// Validated sessions by token hash, shared by every AccountsService of the
// process (the server has one per worker). An entry holds what the database
// said when it was read; `generation` ties it to the writes made since.
class SessionCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  struct Entry {
    Account account;
    TimePoint created, last_seen, read_at;
    uint64_t generation = 0;
  };
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  void invalidate() {
    std::lock_guard lock(mu_);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    map_.clear();
  }
  // The cached account while the entry is of this generation and fresh;
  // nullopt sends the caller to the database (which decides everything else).
  std::optional<Account> find(const std::string& hash, TimePoint now, const AccountsConfig& cfg) {
    std::lock_guard lock(mu_);
    auto it = map_.find(hash);
    if (it == map_.end()) return std::nullopt;
    const Entry& e = it->second;
    bool fresh = e.generation == generation_.load(std::memory_order_relaxed) && now >= e.read_at &&
                 now - e.read_at < cfg.session_cache_ttl && now - e.last_seen < cfg.touch_interval &&
                 now - e.last_seen <= cfg.idle_timeout && now - e.created <= cfg.absolute_lifetime;
    if (!fresh) {
      map_.erase(it);
      return std::nullopt;
    }
    return e.account;
  }
  void put(const std::string& hash, Entry e) {
    std::lock_guard lock(mu_);
    if (e.generation != generation_.load(std::memory_order_relaxed)) return;  // a write came in between
    if (map_.size() >= kMaxEntries) map_.clear();
    map_.insert_or_assign(hash, std::move(e));
  }

 private:
  static constexpr size_t kMaxEntries = 10000;
  std::mutex mu_;
  std::atomic<uint64_t> generation_{0};
  std::unordered_map<std::string, Entry> map_;
};

SessionCache& session_cache() {
  static SessionCache cache;
  return cache;
}

}  // namespace

void AccountsService::invalidate_sessions() { session_cache().invalidate(); }

std::string role_names_list() {
  std::string out;
  for (Role r : kAllRoles) out += (out.empty() ? "" : ", ") + std::string(role_name(r));
  return out;
}

// ---------------------------------------------------------------- time

std::string AccountsService::iso(TimePoint t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<AccountsService::TimePoint> AccountsService::parse_iso(std::string_view s) {
  std::tm tm{};
  int consumed = 0;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
      consumed != static_cast<int>(str.size()))
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t tt = timegm(&tm);
  if (tt == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(tt);
}

// ---------------------------------------------------------------- service

AccountsService::AccountsService(AccountStore& store, AccountsConfig config, Clock clock)
    : store_(store), config_(config), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

Result<AccountsService::Binding> AccountsService::validate_binding(
    const std::string& role_in, const std::string& region_in, std::optional<int64_t> cadre_id) {
  std::string role_s = lower(text::trim(role_in));
  auto role = parse_role(role_s);
  if (!role) {
    std::string zh;
    for (Role r : kAllRoles)
      zh += fmt::format("{}{}（{}）", zh.empty() ? "" : "、", role_name(r), role_label_zh(r));
    return invalid(
        "role.unknown", "role", fmt::format("角色“{}”无效，可选：{}", role_in, zh),
        fmt::format("Unknown role \"{}\"; expected one of: {}", role_in, role_names_list()));
  }
  Binding b{role_name(*role), "", std::nullopt};
  int digits = role_region_digits(*role);
  std::string region = text::strip_spaces(text::to_half_width(region_in));
  if (digits == 0) {
    if (!region.empty())
      return invalid(
          "region_code.not_allowed", "region_code",
          fmt::format("角色{}（{}）的账号不绑定区划，请不要填写区划代码", b.role,
                      role_label_zh(*role)),
          fmt::format("A {} account is not bound to a region; leave the region code empty",
                      b.role));
  } else if (region.empty()) {
    if (digits != 6)
      return invalid("region_code.required", "region_code",
                     fmt::format("角色{}（{}）的账号须绑定一个{}，请填写{}位区划代码", b.role,
                                 role_label_zh(*role), level_zh(digits), digits),
                     fmt::format("A {} account must be bound to {}: give its {}-digit region code",
                                 b.role, level_en(digits), digits));
    auto county = store_.county_code();  // county-wide roles default to the database's county
    if (!county) return county.error();
    b.region_code = std::move(county).value();
  } else {
    auto code = RegionCode::parse(region, "region_code");
    if (!code) return code.error();
    if (static_cast<int>(code->str().size()) != digits)
      return invalid(
          "region_code.level", "region_code",
          fmt::format("角色{}（{}）的账号须绑定一个{}（{}位代码），“{}”不是", b.role,
                      role_label_zh(*role), level_zh(digits), digits, region),
          fmt::format("A {} account must be bound to {} ({}-digit code); \"{}\" is not one", b.role,
                      level_en(digits), digits, region));
    b.region_code = code->str();
  }
  if (role_needs_cadre(*role) && !cadre_id)
    return invalid("cadre_id.required", "cadre_id",
                   fmt::format("角色{}（{}）的账号须对应一名干部，请填写干部编号", b.role,
                               role_label_zh(*role)),
                   fmt::format("A {} account must be bound to a cadre: give the cadre id", b.role));
  b.cadre_id = cadre_id;
  return b;
}

Result<Account> AccountsService::find(const std::string& login_in) {
  std::string login = normalize_login(login_in);
  auto a = store_.account_by_login(login);
  if (!a) return a.error();
  if (!*a) return account_not_found(login);
  return **a;
}

Result<Account> AccountsService::add_account(const AccountInput& in, const std::string& password,
                                             const Actor& actor) {
  std::string login = normalize_login(in.login);
  std::vector<Error> errors;
  if (auto st = check_login(login); !st) errors.push_back(st.error());
  auto binding = validate_binding(in.role, in.region_code, in.cadre_id);
  if (!binding) errors.push_back(binding.error());
  if (auto st = check_password_policy(login, password); !st) errors.push_back(st.error());
  if (errors.size() == 1) return errors.front();
  if (errors.size() > 1) {
    Error e = invalid("account.invalid", "", fmt::format("账号信息有{}处错误", errors.size()),
                      fmt::format("The account has {} errors", errors.size()));
    e.details = std::move(errors);
    return e;
  }
  // A taken login fails here, before the (deliberately slow) hash; the store
  // checks again inside its transaction.
  auto existing = store_.account_by_login(login);
  if (!existing) return existing.error();
  if (*existing)
    return conflict("login.taken", "login", fmt::format("登录名“{}”已被使用", login),
                    fmt::format("The login \"{}\" is already taken", login));
  auto hash = hash_password(password);
  if (!hash) return hash.error();
  Account a;
  a.login = login;
  a.display_name = text::normalize(in.display_name);
  a.password_hash = std::move(hash).value();
  a.role = binding->role;
  a.region_code = binding->region_code;
  a.cadre_id = binding->cadre_id;
  a.checkpoint_id = in.checkpoint_id;
  a.enterprise_id = in.enterprise_id;
  a.purchase_point_id = in.purchase_point_id;
  return store_.create_account(std::move(a), actor);
}

Result<LoginResult> AccountsService::login(const std::string& login_in, const std::string& password,
                                           const std::string& address) {
  std::string login = normalize_login(login_in);
  auto found = store_.account_by_login(login);
  if (!found) return found.error();
  if (!*found) {
    (void)verify_password(password, dummy_hash());  // same time as a wrong password
    return bad_credentials();
  }
  const Account& a = **found;
  const Actor self{a.login, address, a.role};
  const TimePoint now = clock_();
  if (a.disabled) {
    (void)verify_password(password, a.password_hash);  // no hint by timing either
    return bad_credentials();
  }
  if (!a.locked_until.empty()) {
    auto until = parse_iso(a.locked_until);
    if (until && *until > now)
      return locked(
          minutes_to_wait(std::chrono::duration_cast<std::chrono::seconds>(*until - now)));
  }
  if (!verify_password(password, a.password_hash)) {
    int failures = a.failed_logins + 1;
    auto lock = lock_duration(failures, config_.lockout);
    std::string until = lock.count() > 0 ? iso(now + lock) : "";
    auto st = store_.record_login_failure(a.id, failures, until, self);
    invalidate_sessions();  // the cached accounts hold failed_logins
    LZ_TRY(st);
    return bad_credentials();
  }
  LoginResult out;
  out.token = random_token();
  SessionRecord s{token_hash(out.token), a.id, iso(now), iso(now), address};
  auto recorded = store_.record_login_success(a.id, s, self);
  invalidate_sessions();
  LZ_TRY(recorded);
  auto fresh = store_.account(a.id);
  if (!fresh) return fresh.error();
  out.account = std::move(fresh).value();
  return out;
}

Result<Account> AccountsService::authenticate(const std::string& token, const std::string&) {
  if (token.empty()) return session_invalid();
  const std::string hash = token_hash(token);
  const TimePoint now = clock_();
  const bool cache = config_.session_cache_ttl.count() > 0;
  if (cache)
    if (auto hit = session_cache().find(hash, now, config_)) return std::move(*hit);
  const uint64_t generation = session_cache().generation();  // before reading: a write since voids the entry
  auto s = store_.session(hash);
  if (!s) return s.error();
  if (!*s) return session_invalid();
  auto created = parse_iso((*s)->created_at);
  auto last = parse_iso((*s)->last_seen_at);
  if (!created || !last) return session_invalid();
  if (now - *last > config_.idle_timeout) return session_invalid();
  if (now - *created > config_.absolute_lifetime) return session_invalid();
  auto a = store_.account((*s)->account_id);
  if (!a) return a.error().kind == ErrorKind::kNotFound ? session_invalid() : a.error();
  if (a->disabled) return session_invalid();
  TimePoint seen = *last;
  if (now - *last >= config_.touch_interval) {
    LZ_TRY(store_.touch_session(hash, iso(now)));
    seen = *parse_iso(iso(now));  // as stored: whole seconds
  }
  if (cache) session_cache().put(hash, {*a, *created, seen, now, generation});
  return std::move(a).value();
}

std::optional<Account> AccountsService::cached_session(const std::string& token) const {
  if (token.empty() || config_.session_cache_ttl.count() <= 0) return std::nullopt;
  return session_cache().find(token_hash(token), clock_(), config_);
}

Status AccountsService::logout(const std::string& token, const Actor& actor) {
  if (token.empty()) return session_invalid();
  auto st = store_.delete_session(token_hash(token), actor);
  invalidate_sessions();
  if (!st && st.error().kind == ErrorKind::kNotFound) return session_invalid();
  return st;
}

Status AccountsService::reset_password(const std::string& login, const std::string& new_password,
                                       const Actor& actor) {
  auto a = find(login);
  if (!a) return a.error();
  LZ_TRY(check_password_policy(a->login, new_password));
  auto hash = hash_password(new_password);
  if (!hash) return hash.error();
  // The store ends the sessions and clears the lock in the same transaction;
  // ending them here as well keeps the rule true for any AccountStore.
  auto st = store_.set_password_hash(a->id, *hash, actor);
  invalidate_sessions();
  LZ_TRY(st);
  auto ended = store_.delete_sessions_of(a->id);
  invalidate_sessions();
  return ended;
}

Status AccountsService::set_disabled(const std::string& login, bool disabled, const Actor& actor) {
  auto a = find(login);
  if (!a) return a.error();
  auto st = store_.set_disabled(a->id, disabled, actor);
  invalidate_sessions();
  LZ_TRY(st);
  if (disabled) {
    auto ended = store_.delete_sessions_of(a->id);
    invalidate_sessions();
    return ended;
  }
  return {};
}

Result<Account> AccountsService::set_role(const std::string& login, const std::string& role,
                                          const std::string& region_code,
                                          std::optional<int64_t> cadre_id, const Actor& actor) {
  auto a = find(login);
  if (!a) return a.error();
  auto b = validate_binding(role, region_code, cadre_id);
  if (!b) return b.error();
  auto st = store_.set_role(a->id, b->role, b->region_code, b->cadre_id, actor);
  invalidate_sessions();
  LZ_TRY(st);
  return store_.account(a->id);
}

}  // namespace lz
