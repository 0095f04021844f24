// file_sha256: the digest the import's audit entry records, checked against
// the FIPS 180-2 test vectors, and a missing file refused with its error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "exchange/table.h"

namespace lz::exchange {
namespace {

TEST(FileSha256Test, KnownVectorsAndAMissingFile) {
  const auto path =
      std::filesystem::temp_directory_path() / ("lz_sha_" + std::to_string(::getpid()));
  const std::pair<std::string, const char*> cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& [content, hex] : cases) {
    std::ofstream(path, std::ios::binary) << content;
    auto h = file_sha256(path.string());
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(*h, hex) << content.size();
    auto later = file_sha256_async(path.string()).get();  // the same, on its own thread
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(*later, hex) << content.size();
  }
  std::filesystem::remove(path);
  auto missing = file_sha256(path.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "file.open");
}

}  // namespace
}  // namespace lz::exchange
