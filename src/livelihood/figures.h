// The daily bulletin's livelihood section (issue 6), as figures: computed
// from the records of the date and before in a region (a code prefix), never
// typed in. Each part of the front fills its own fields
// (store/sqlite/sqlite_livelihood.h); app/bulletin.cc writes the JSON:
//   produce_bought_jin_today           jin bought (purchases dated D)
//   produce_bought_jin_total           jin bought on or before D
//   paid_to_poor_households_yuan_total paid for purchases from registered poor
//                                      (and lifted, still registered) households, on or before D
//   produce_unsold_jin                 listed produce still unsold at the end of D
//                                      (listed on or before D, not withdrawn)
//   poor_labourers_placed              registered-poor labourers in a placement running on D
//   welfare_posts_filled               public-welfare posts held on D
//   enterprises_resumed                enterprises whose resumption was approved on or before D
//   supplies_distributed               per item: quantity distributed on or before D
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace lz::livelihood {

struct SupplyTotal {
  std::string unit;  // jin | tonne | piece | ...
  double quantity = 0;
};

struct LivelihoodFigures {
  int64_t produce_bought_grams_today = 0;
  int64_t produce_bought_grams_total = 0;
  int64_t paid_to_poor_households_fen_total = 0;
  int64_t produce_unsold_grams = 0;
  int64_t poor_labourers_placed = 0;
  int64_t welfare_posts_filled = 0;
  int64_t enterprises_resumed = 0;
  std::map<std::string, SupplyTotal>
      supplies_distributed;  // by item kind id (seed, fertilizer, sprayer, ...)
};

}  // namespace lz::livelihood
