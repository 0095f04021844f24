// Jin and fen on the livelihood front: conversions and the one rounding rule.
#include <gtest/gtest.h>

#include "livelihood/units.h"

namespace lz::livelihood {
namespace {

TEST(LivelihoodUnits, JinToGrams) {
  struct Case {
    double jin;
    std::optional<int64_t> grams;
  } cases[] = {
      {0, 0},           {1, 500},           {37.5, 18750},        {0.002, 1},
      {10000, 5000000}, {-1, std::nullopt}, {1e10, std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(jin_to_grams(c.jin), c.grams) << c.jin;
  EXPECT_FALSE(jin_to_grams(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_DOUBLE_EQ(grams_to_jin(18750), 37.5);
}

TEST(LivelihoodUnits, AmountRoundsHalfUp) {
  struct Case {
    int64_t grams, fen_per_jin, fen;
  } cases[] = {
      {500, 150, 150},                                         // 1 jin at 1.50 yuan
      {18750, 120, 4500},                                      // 37.5 jin at 1.20 = 45.00
      {250, 1, 1},                                             // half a fen rounds up
      {249, 1, 0},        {0, 999, 0}, {5000000, 80, 800000},  // 10,000 jin at 0.80 = 8,000 yuan
  };
  for (const auto& c : cases)
    EXPECT_EQ(amount_fen(c.grams, c.fen_per_jin), c.fen) << c.grams << " g at " << c.fen_per_jin;
}

TEST(LivelihoodUnits, YuanAndText) {
  EXPECT_EQ(yuan_to_fen(2.5), 250);
  EXPECT_EQ(yuan_to_fen(0.1 + 0.2), 30);
  EXPECT_FALSE(yuan_to_fen(-0.01));
  EXPECT_EQ(format_jin(18750), "37.5");
  EXPECT_EQ(format_jin(500), "1");
  EXPECT_EQ(format_jin(1), "0.002");
}

}  // namespace
}  // namespace lz::livelihood
