// Names for synthetic people: surnames drawn by their real frequency
// (data/surnames.tsv) and given names of one or two characters drawn by sex
// (data/given_names.tsv). Loaded once from the embedded data.
#pragma once
#include <string>
#include <vector>

#include "demo/rng.h"

namespace lz::demo {

class NameMaker {
 public:
  static const NameMaker& instance();
  std::string surname(Rng& rng) const;
  std::string given(Rng& rng, bool male) const;
  std::string full(Rng& rng, bool male) const { return surname(rng) + given(rng, male); }

 private:
  NameMaker();
  std::vector<std::string> surnames_, male_, female_;
  Weighted surname_w_, male_w_, female_w_;
};

// A mobile number with a real Chinese operator prefix.
std::string mobile_number(Rng& rng);

}  // namespace lz::demo
