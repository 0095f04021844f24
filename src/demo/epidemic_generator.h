// The epidemic front's part of the demo county, as of 12 February 2020 (the
// seed): 5,000+ key persons, most of them Hubei returnees who arrived before
// 24 January; 8 confirmed cases, 6 of them discharged, the last confirmed
// more than ten days before; none of the registered poor infected; close
// contacts of the cases; home and centralised observation (most returnees
// released, contacts still running) with daily follow-ups, a few overdue;
// checkpoints (石亭镇's 10 among them) with passages and rare fevers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "store/store.h"

namespace lz::demo {

// A registry person the generator may cast in an epidemic role.
struct EpiPerson {
  int64_t person_id = 0;
  std::string region_code;
  int age = 0;
  bool poor = false;  // in a registered poor household
};

struct EpidemicPlan {
  std::vector<EpiPerson> candidates;  // adults who may have come back from Hubei
  std::vector<EpiPerson> others;      // a sample of everyone, for contacts
  int64_t key_persons_target = 5200;  // about
  double passage_scale = 1.0;         // passages per checkpoint per day, relative to full scale
};

Status generate_epidemic(const EpidemicPlan& plan, BulkLoader& out, Date as_of, uint64_t seed);

}  // namespace lz::demo
