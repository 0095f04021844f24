// Passwords and session tokens, on libsodium.
//
// Passwords are stored only as argon2id hashes (crypto_pwhash_str with the
// INTERACTIVE limits: about 64 MiB and a few tens of milliseconds per hash),
// so a stolen database does not give them away. Session tokens are 32 random
// bytes handed to the client; the database keeps only their BLAKE2b hash.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"

namespace lz {

// The argon2id hash of `password` in the self-describing crypto_pwhash_str
// form ("$argon2id$v=19$m=65536,t=2,p=1$..."). Fails only when the machine
// cannot give the memory (an internal error).
Result<std::string> hash_password(std::string_view password);

// True if `password` matches `hash` (as made by hash_password). A malformed
// hash never matches.
bool verify_password(std::string_view password, const std::string& hash);

// The password rules, checked before a password is set:
//  - at least 10 characters (and at most 128);
//  - at least 3 of the 4 classes: lowercase, uppercase, digit, other;
//  - must not contain the login (compared without regard to case);
//  - must not be one of the commonly used passwords.
// Errors have field "password" and codes password.too_short, password.too_long,
// password.contains_login, password.common, password.classes.
Status check_password_policy(std::string_view login, std::string_view password);

// 32 random bytes, base64url without padding (43 characters): a bearer token.
std::string random_token();

// The hex BLAKE2b-256 hash of a token (64 characters): what the session table keeps.
std::string token_hash(std::string_view token);

}  // namespace lz
