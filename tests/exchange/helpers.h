// Shared by the exchange tests: a temporary directory per test, files
// written from strings, valid ID numbers, a real village of Liling.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/id_number.h"
#include "registry/region_tree.h"

namespace lz::exchange::testing {

inline const Date kToday = *Date::from_ymd(2020, 2, 12);

inline std::string id(int y, int m, int d, int seq) { return IdNumber::make("430281", *Date::from_ymd(y, m, d), seq).str(); }

inline const Region& village(size_t i = 0) { return *RegionTree::liling().at_level(RegionLevel::kVillage).at(i); }

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("lz_exchange_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream f(path(name), std::ios::binary);
    f << bytes;
    return path(name);
  }
  std::filesystem::path dir_;
};

}  // namespace lz::exchange::testing
