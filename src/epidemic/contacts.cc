#include "epidemic/contacts.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "epidemic/detail.h"

namespace lz::epidemic {

Status validate_contact(const Contact& c, Date as_of) {
  if (c.person_a <= 0 || c.person_b <= 0)
    return invalid("contact.person_required", c.person_a <= 0 ? "person_a" : "person_b",
                   "请指明接触的双方", "Say who the two persons in contact are");
  if (c.person_a == c.person_b)
    return invalid("contact.same_person", "person_b", "接触的双方不能是同一人",
                   "A person cannot be in contact with themselves");
  if (c.on > as_of)
    return detail::date_future("contact.date_future", "on", "接触日期", "day of the contact", c.on,
                               as_of);
  return Status::Ok();
}

ContactEdge to_edge(const Contact& c) {
  return {c.person_a, c.person_b, c.on, c.closeness, c.id};
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------
namespace {
struct Pair {
  int32_t lo, hi;
  int32_t day;
  int32_t edge;  // index into the input
};

int32_t find_root(std::vector<int32_t>& parent, int32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}
}  // namespace

ContactGraph ContactGraph::build(std::span<const ContactEdge> edges) {
  ContactGraph g;
  g.ids_.reserve(edges.size() * 2);
  for (const auto& e : edges) {
    if (e.a == e.b) continue;
    g.ids_.push_back(e.a);
    g.ids_.push_back(e.b);
  }
  std::sort(g.ids_.begin(), g.ids_.end());
  g.ids_.erase(std::unique(g.ids_.begin(), g.ids_.end()), g.ids_.end());
  g.ids_.shrink_to_fit();
  const auto n = static_cast<int32_t>(g.ids_.size());

  // One entry per unordered pair: the latest contact wins (ties: the later
  // input row, so a re-recorded contact replaces the earlier one).
  std::vector<Pair> pairs;
  pairs.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    const auto& e = edges[i];
    if (e.a == e.b) continue;
    int32_t a = g.index_of(e.a), b = g.index_of(e.b);
    pairs.push_back({std::min(a, b), std::max(a, b), e.on.days(), static_cast<int32_t>(i)});
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    if (x.lo != y.lo) return x.lo < y.lo;
    if (x.hi != y.hi) return x.hi < y.hi;
    if (x.day != y.day) return x.day > y.day;
    return x.edge > y.edge;
  });
  size_t kept = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (kept > 0 && pairs[kept - 1].lo == pairs[i].lo && pairs[kept - 1].hi == pairs[i].hi)
      continue;
    pairs[kept++] = pairs[i];
  }
  pairs.resize(kept);

  g.edge_ref_.resize(kept);
  g.edge_day_.resize(kept);
  g.edge_close_.resize(kept);
  std::vector<int64_t> degree(static_cast<size_t>(n) + 1, 0);
  for (size_t k = 0; k < kept; ++k) {
    const Pair& p = pairs[k];
    const ContactEdge& e = edges[static_cast<size_t>(p.edge)];
    g.edge_ref_[k] = e.ref;
    g.edge_day_[k] = p.day;
    g.edge_close_[k] = e.closeness == Closeness::kClose ? 1 : 0;
    ++degree[static_cast<size_t>(p.lo) + 1];
    ++degree[static_cast<size_t>(p.hi) + 1];
  }
  std::partial_sum(degree.begin(), degree.end(), degree.begin());
  g.offsets_ = degree;
  g.nbr_.resize(kept * 2);
  g.edge_.resize(kept * 2);
  // Pairs are sorted by (lo, hi): for a node x, the pairs where x is `hi`
  // (neighbour lo < x) all come before those where x is `lo` (neighbour
  // hi > x), each in ascending order, so every row ends up ascending.
  std::vector<int64_t> fill(g.offsets_.begin(), g.offsets_.end() - 1);
  for (size_t k = 0; k < kept; ++k) {
    const Pair& p = pairs[k];
    auto at_lo = fill[static_cast<size_t>(p.lo)]++;
    g.nbr_[static_cast<size_t>(at_lo)] = p.hi;
    g.edge_[static_cast<size_t>(at_lo)] = static_cast<int32_t>(k);
    auto at_hi = fill[static_cast<size_t>(p.hi)]++;
    g.nbr_[static_cast<size_t>(at_hi)] = p.lo;
    g.edge_[static_cast<size_t>(at_hi)] = static_cast<int32_t>(k);
  }

  // Connected components, numbered by their smallest person id.
  std::vector<int32_t> parent(static_cast<size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  for (const Pair& p : pairs) {
    int32_t ra = find_root(parent, p.lo), rb = find_root(parent, p.hi);
    if (ra != rb) parent[static_cast<size_t>(std::max(ra, rb))] = std::min(ra, rb);
  }
  g.cluster_.assign(static_cast<size_t>(n), -1);
  std::vector<int32_t> label(static_cast<size_t>(n), -1);
  for (int32_t x = 0; x < n; ++x) {
    int32_t r = find_root(parent, x);
    if (label[static_cast<size_t>(r)] < 0) {
      label[static_cast<size_t>(r)] = static_cast<int32_t>(g.cluster_sizes_.size());
      g.cluster_sizes_.push_back(0);
    }
    g.cluster_[static_cast<size_t>(x)] = label[static_cast<size_t>(r)];
    ++g.cluster_sizes_[static_cast<size_t>(label[static_cast<size_t>(r)])];
  }
  return g;
}

ContactGraph ContactGraph::build(std::span<const Contact> contacts) {
  std::vector<ContactEdge> edges;
  edges.reserve(contacts.size());
  for (const auto& c : contacts) edges.push_back(to_edge(c));
  return build(edges);
}

int32_t ContactGraph::index_of(int64_t person_id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), person_id);
  if (it == ids_.end() || *it != person_id) return -1;
  return static_cast<int32_t>(it - ids_.begin());
}

std::vector<int64_t> ContactGraph::neighbours(int64_t person_id) const {
  std::vector<int64_t> out;
  int32_t x = index_of(person_id);
  if (x < 0) return out;
  for (int64_t i = offsets_[static_cast<size_t>(x)]; i < offsets_[static_cast<size_t>(x) + 1]; ++i)
    out.push_back(ids_[static_cast<size_t>(nbr_[static_cast<size_t>(i)])]);
  return out;
}

// ---------------------------------------------------------------------------
// Trace
// ---------------------------------------------------------------------------
TraceResult ContactGraph::trace(int64_t source, const TraceOptions& options) const {
  return trace(std::span<const int64_t>(&source, 1), options);
}

TraceResult ContactGraph::trace(std::span<const int64_t> sources,
                                const TraceOptions& options) const {
  TraceResult r;
  // slot[node] = index in r.reached, -1 if not reached.
  std::vector<int32_t> slot(ids_.size(), -1);
  std::vector<int32_t> node_of;  // node per reached entry (-1: a source not in the graph)
  auto full = [&] { return options.max_persons > 0 && r.reached.size() >= options.max_persons; };
  for (int64_t s : sources) {
    int32_t x = index_of(s);
    bool seen = x >= 0 ? slot[static_cast<size_t>(x)] >= 0 : false;
    for (size_t k = 0; x < 0 && !seen && k < r.reached.size(); ++k)
      seen = node_of[k] < 0 && r.reached[k].person_id == s;
    if (seen) continue;
    if (full()) {
      r.truncated = true;
      return r;
    }
    if (x >= 0) slot[static_cast<size_t>(x)] = static_cast<int32_t>(r.reached.size());
    r.reached.push_back({s, 0, -1, 0, Date()});
    node_of.push_back(x);
  }
  const int32_t since = options.since ? options.since->days() : std::numeric_limits<int32_t>::min();
  for (size_t head = 0; head < r.reached.size(); ++head) {
    const int hops = r.reached[head].hops;
    if (options.max_depth >= 0 && hops >= options.max_depth) break;  // BFS order: all later too
    const int32_t x = node_of[head];
    if (x < 0) continue;
    const int64_t end = offsets_[static_cast<size_t>(x) + 1];
    for (int64_t i = offsets_[static_cast<size_t>(x)]; i < end; ++i) {
      const int32_t y = nbr_[static_cast<size_t>(i)];
      if (slot[static_cast<size_t>(y)] >= 0) continue;
      const auto e = static_cast<size_t>(edge_[static_cast<size_t>(i)]);
      if (options.close_only && !edge_close_[e]) continue;
      if (edge_day_[e] < since) continue;
      if (full()) {
        r.truncated = true;
        return r;
      }
      slot[static_cast<size_t>(y)] = static_cast<int32_t>(r.reached.size());
      r.reached.push_back({ids_[static_cast<size_t>(y)], hops + 1, static_cast<int32_t>(head),
                           edge_ref_[e], Date::from_days(edge_day_[e])});
      node_of.push_back(y);
    }
  }
  return r;
}

std::vector<int64_t> TraceResult::path_to(size_t i) const {
  std::vector<int64_t> path;
  for (auto k = static_cast<int64_t>(i); k >= 0; k = reached[static_cast<size_t>(k)].parent)
    path.push_back(reached[static_cast<size_t>(k)].person_id);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<int64_t> TraceResult::refs_to(size_t i) const {
  std::vector<int64_t> refs;
  for (auto k = static_cast<int64_t>(i); reached[static_cast<size_t>(k)].parent >= 0;
       k = reached[static_cast<size_t>(k)].parent)
    refs.push_back(reached[static_cast<size_t>(k)].via_ref);
  std::reverse(refs.begin(), refs.end());
  return refs;
}

int64_t TraceResult::find(int64_t person_id) const {
  for (size_t i = 0; i < reached.size(); ++i)
    if (reached[i].person_id == person_id) return static_cast<int64_t>(i);
  return -1;
}

size_t TraceResult::count_at(int hops) const {
  size_t n = 0;
  for (const auto& x : reached)
    if (x.hops == hops) ++n;
  return n;
}

// ---------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------
int32_t ContactGraph::cluster_of(int64_t person_id) const {
  int32_t x = index_of(person_id);
  return x < 0 ? -1 : cluster_[static_cast<size_t>(x)];
}

std::vector<int64_t> ContactGraph::cluster_members(int64_t person_id) const {
  std::vector<int64_t> out;
  int32_t c = cluster_of(person_id);
  if (c < 0) return out;
  out.reserve(static_cast<size_t>(cluster_sizes_[static_cast<size_t>(c)]));
  for (size_t x = 0; x < ids_.size(); ++x)
    if (cluster_[x] == c) out.push_back(ids_[x]);
  return out;
}

std::vector<Cluster> ContactGraph::clusters(size_t min_size) const {
  std::vector<int32_t> pos(cluster_sizes_.size(), -1);
  std::vector<Cluster> out;
  for (size_t c = 0; c < cluster_sizes_.size(); ++c) {
    if (static_cast<size_t>(cluster_sizes_[c]) < min_size) continue;
    pos[c] = static_cast<int32_t>(out.size());
    Cluster cl;
    cl.id = static_cast<int32_t>(c);
    cl.persons.reserve(static_cast<size_t>(cluster_sizes_[c]));
    out.push_back(std::move(cl));
  }
  for (size_t x = 0; x < ids_.size(); ++x) {
    int32_t p = pos[static_cast<size_t>(cluster_[x])];
    if (p >= 0) out[static_cast<size_t>(p)].persons.push_back(ids_[x]);
  }
  return out;
}

std::vector<Cluster> ContactGraph::case_clusters(std::span<const int64_t> case_persons,
                                                 size_t min_cases) const {
  std::vector<int64_t> cases(case_persons.begin(), case_persons.end());
  std::sort(cases.begin(), cases.end());
  cases.erase(std::unique(cases.begin(), cases.end()), cases.end());
  std::vector<int32_t> count(cluster_sizes_.size(), 0);
  for (int64_t p : cases) {
    int32_t c = cluster_of(p);
    if (c >= 0) ++count[static_cast<size_t>(c)];
  }
  std::vector<int32_t> pos(cluster_sizes_.size(), -1);
  std::vector<Cluster> out;
  for (size_t c = 0; c < count.size(); ++c) {
    if (count[c] == 0 || static_cast<size_t>(count[c]) < min_cases) continue;
    pos[c] = static_cast<int32_t>(out.size());
    Cluster cl;
    cl.id = static_cast<int32_t>(c);
    out.push_back(std::move(cl));
  }
  if (out.empty()) return out;
  for (size_t x = 0; x < ids_.size(); ++x) {
    int32_t p = pos[static_cast<size_t>(cluster_[x])];
    if (p >= 0) out[static_cast<size_t>(p)].persons.push_back(ids_[x]);
  }
  for (int64_t p : cases) {
    int32_t c = cluster_of(p);
    if (c >= 0 && pos[static_cast<size_t>(c)] >= 0)
      out[static_cast<size_t>(pos[static_cast<size_t>(c)])].cases.push_back(p);
  }
  return out;
}

}  // namespace lz::epidemic
