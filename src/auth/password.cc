#include "auth/password.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "core/text.h"

namespace lz {

namespace {

constexpr long kMinLength = 10;
constexpr long kMaxLength = 128;

// sodium_init() once per process (thread-safe static initialisation). It
// fails only when the system's random source is unusable.
void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium could not be initialised");
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Passwords long and mixed enough to pass the other rules that are still
// among the first tried by anyone guessing (compared in lowercase).
constexpr std::array<std::string_view, 32> kCommon = {
    "password123",  "password1234",   "password@123", "p@ssw0rd123",  "p@ssword123",
    "passw0rd123",  "passw0rd!23",    "qwerty12345",  "qwerty@123",   "qwerty123456",
    "qwer1234!@#$", "1qaz2wsx3edc",   "1qaz@wsx3edc", "1qaz!qaz2wsx", "abc123456789",
    "abcd1234!@#$", "aa1234567890",   "aa123456789",  "admin@12345",  "admin123456",
    "admin@123456", "administrator1", "welcome123",   "welcome@123",  "iloveyou123",
    "woaini1314!",  "woaini520!",     "zxcvbnm123!",  "asdfghjkl123", "a1234567890",
    "liangzhan123", "liangzhan@123"};

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return internal("password.hash", "无法计算密码哈希（内存不足）",
                    "Cannot hash the password (out of memory)");
  return std::string(out);
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status check_password_policy(std::string_view login, std::string_view password) {
  long length = text::utf8_length(password);
  if (length < 0)
    return invalid("password.encoding", "password", "密码含有无效字符（不是UTF-8文本）",
                   "The password contains invalid characters (not UTF-8 text)");
  if (length < kMinLength)
    return invalid(
        "password.too_short", "password",
        fmt::format("密码太短：至少需要{}个字符，现在只有{}个", kMinLength, length),
        fmt::format("The password is too short: it needs at least {} characters, it has {}",
                    kMinLength, length));
  if (length > kMaxLength)
    return invalid("password.too_long", "password",
                   fmt::format("密码太长：最多{}个字符", kMaxLength),
                   fmt::format("The password is too long: at most {} characters", kMaxLength));
  std::string pw = lower(password);
  std::string lg = lower(login);
  if (!lg.empty() && pw.find(lg) != std::string::npos)
    return invalid("password.contains_login", "password", "密码不能包含登录名",
                   "The password must not contain the login name");
  if (std::find(kCommon.begin(), kCommon.end(), pw) != kCommon.end())
    return invalid("password.common", "password", "这是常见密码，很容易被猜中，请换一个",
                   "This is a commonly used password that is easy to guess; choose another");
  bool lo = false, up = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (c >= 'a' && c <= 'z')
      lo = true;
    else if (c >= 'A' && c <= 'Z')
      up = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else
      other = true;  // punctuation, spaces, and any non-ASCII character
  }
  int classes = lo + up + digit + other;
  if (classes < 3)
    return invalid(
        "password.classes", "password",
        fmt::format("密码须包含小写字母、大写字母、数字、其他符号四类中的至少三类，现在只有{}类",
                    classes),
        fmt::format("The password must mix at least 3 of: lowercase letters, uppercase "
                    "letters, digits, other symbols; it has {}",
                    classes));
  return {};
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(out);
}

std::string token_hash(std::string_view token) {
  ensure_sodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[sizeof h * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string(hex);
}

}  // namespace lz
