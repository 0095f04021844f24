// The daily bulletin for many days or many regions at once, with the same
// figures as compute_bulletin() (bulletin.h) day by day and region by region,
// but without going over every record once per day or per region:
//
// - compute_bulletin_series(): every day from..to for one region in one pass
//   over each list. A record's contribution starts (or ends) on a day, so
//   each figure is a running sum over the days of +1/-1 marks; the few cases
//   and observations are tested day by day. O(records + days x (cases +
//   observations)).
// - compute_bulletins_by_region(): one day for each of several regions (the
//   children of a region, all with codes of the same length) from one
//   partition of the records by region, then compute_bulletin() on each part.
//   O(records + regions x (cases + key persons)): key persons and cases of any
//   region are needed by every part (a registered member listed or infected
//   elsewhere still counts).
//
// Both are pure; tests compare them with compute_bulletin() on every day and
// region.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "epidemic/bulletin.h"

namespace lz::epidemic {

// Bulletins of from, from+1, ..., to (empty if to < from).
std::vector<Bulletin> compute_bulletin_series(const BulletinInput& in, Date from, Date to,
                                              std::string_view region_prefix);

// Bulletins of day d for each prefix, in order. Prefixes must not overlap
// (none is a prefix of another), e.g. the townships of the county.
std::vector<Bulletin> compute_bulletins_by_region(const BulletinInput& in, Date d,
                                                  const std::vector<std::string>& prefixes);

}  // namespace lz::epidemic
