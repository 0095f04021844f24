// The contact graph: validation of a contact; traces at depth 1, 2, 3 and any
// depth on hand-made graphs (a chain, a cycle, a star, duplicates and
// self-contacts), paths and the contacts behind each hop, the close-only and
// since filters, the person limit; clusters and case clusters; and a
// generated graph of 300,000 contacts checked against a plain reference BFS
// (correctness only, not timing).
#include "epidemic/contacts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <queue>
#include <random>
#include <unordered_map>

#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;

ContactEdge E(int64_t a, int64_t b, int64_t ref = 0, Date on = D(2020, 1, 25),
              Closeness c = Closeness::kClose) {
  return {a, b, on, c, ref};
}

// Persons and hops of a trace, sorted by person.
std::map<int64_t, int> hops_of(const TraceResult& r) {
  std::map<int64_t, int> out;
  for (const auto& x : r.reached) out[x.person_id] = x.hops;
  return out;
}

TEST(ContactTest, Validation) {
  Contact c;
  c.person_a = 1;
  c.person_b = 2;
  c.on = D(2020, 2, 1);
  EXPECT_TRUE(validate_contact(c, D(2020, 2, 12)).ok());
  c.person_b = 1;
  EXPECT_EQ(validate_contact(c, D(2020, 2, 12)).error().code, "contact.same_person");
  c.person_b = 0;
  EXPECT_EQ(validate_contact(c, D(2020, 2, 12)).error().code, "contact.person_required");
  c.person_b = 2;
  c.on = D(2020, 2, 13);
  EXPECT_EQ(validate_contact(c, D(2020, 2, 12)).error().code, "contact.date_future");
}

// 1 - 2 - 3 - 4 - 5 - 6 (a chain), 10 alone with 11.
TEST(ContactGraphTest, ChainByDepth) {
  std::vector<ContactEdge> edges = {E(1, 2, 101), E(3, 2, 102), E(3, 4, 103),
                                    E(4, 5, 104), E(6, 5, 105), E(10, 11, 106)};
  ContactGraph g = ContactGraph::build(edges);
  EXPECT_EQ(g.person_count(), 8u);
  EXPECT_EQ(g.pair_count(), 6u);
  struct Row {
    int depth;
    std::map<int64_t, int> want;
  };
  const Row rows[] = {
      {0, {{1, 0}}},
      {1, {{1, 0}, {2, 1}}},
      {2, {{1, 0}, {2, 1}, {3, 2}}},
      {3, {{1, 0}, {2, 1}, {3, 2}, {4, 3}}},
      {-1, {{1, 0}, {2, 1}, {3, 2}, {4, 3}, {5, 4}, {6, 5}}},
  };
  for (const Row& r : rows) {
    TraceOptions o;
    o.max_depth = r.depth;
    EXPECT_EQ(hops_of(g.trace(1, o)), r.want) << "depth " << r.depth;
  }
  // From the middle, both ways.
  TraceOptions two;
  two.max_depth = 2;
  EXPECT_EQ(hops_of(g.trace(4, two)),
            (std::map<int64_t, int>{{2, 2}, {3, 1}, {4, 0}, {5, 1}, {6, 2}}));
  // Paths and the contacts behind them.
  TraceOptions all;
  all.max_depth = -1;
  TraceResult r = g.trace(1, all);
  int64_t i6 = r.find(6);
  ASSERT_GE(i6, 0);
  EXPECT_EQ(r.path_to(static_cast<size_t>(i6)), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(r.refs_to(static_cast<size_t>(i6)), (std::vector<int64_t>{101, 102, 103, 104, 105}));
  EXPECT_EQ(r.path_to(0), std::vector<int64_t>{1});
  EXPECT_TRUE(r.refs_to(0).empty());
  EXPECT_EQ(r.find(10), -1);
  EXPECT_EQ(r.count_at(0), 1u);
  EXPECT_EQ(r.count_at(5), 1u);
  EXPECT_FALSE(r.truncated);
}

// A cycle 1-2-3-4-5-1 with a tail 3-6: each person once, at its shortest distance.
TEST(ContactGraphTest, CycleVisitsEachPersonOnce) {
  std::vector<ContactEdge> edges = {E(1, 2, 1), E(2, 3, 2), E(3, 4, 3),
                                    E(4, 5, 4), E(5, 1, 5), E(3, 6, 6)};
  ContactGraph g = ContactGraph::build(edges);
  TraceOptions o;
  o.max_depth = -1;
  TraceResult r = g.trace(1, o);
  EXPECT_EQ(r.reached.size(), 6u);
  EXPECT_EQ(hops_of(r), (std::map<int64_t, int>{{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 1}, {6, 3}}));
  // BFS order: hops never decrease; neighbours by ascending id.
  std::vector<int64_t> order;
  for (const auto& x : r.reached) order.push_back(x.person_id);
  EXPECT_EQ(order, (std::vector<int64_t>{1, 2, 5, 3, 4, 6}));
  EXPECT_EQ(r.path_to(static_cast<size_t>(r.find(6))), (std::vector<int64_t>{1, 2, 3, 6}));
  EXPECT_EQ(r.path_to(static_cast<size_t>(r.find(4))), (std::vector<int64_t>{1, 5, 4}));
  TraceOptions d3;
  d3.max_depth = 3;
  EXPECT_EQ(g.trace(1, d3).reached.size(), 6u);
  d3.max_depth = 2;
  EXPECT_EQ(g.trace(1, d3).reached.size(), 5u);
}

TEST(ContactGraphTest, DuplicatesSelfContactsAndNeighbours) {
  std::vector<ContactEdge> edges = {
      E(1, 2, 1, D(2020, 1, 20)),
      E(2, 1, 2, D(2020, 1, 26)),  // the same pair twice
      E(1, 2, 3, D(2020, 1, 22)),
      E(3, 3, 4),  // a self-contact
      E(1, 3, 5),
  };
  ContactGraph g = ContactGraph::build(edges);
  EXPECT_EQ(g.person_count(), 3u);
  EXPECT_EQ(g.pair_count(), 2u);
  EXPECT_EQ(g.neighbours(1), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(g.neighbours(2), (std::vector<int64_t>{1}));
  EXPECT_TRUE(g.neighbours(99).empty());
  EXPECT_TRUE(g.contains(3));
  EXPECT_FALSE(g.contains(4));
  // The latest contact of the pair is the one kept.
  TraceResult r = g.trace(1);
  const Reached& two = r.reached[static_cast<size_t>(r.find(2))];
  EXPECT_EQ(two.via_ref, 2);
  EXPECT_EQ(two.via_on, D(2020, 1, 26));
  EXPECT_EQ(two.parent, 0);
}

TEST(ContactGraphTest, SourcesFiltersAndLimit) {
  // 1 -close- 2 -general- 3 -close- 4; 2 -close(old)- 5
  std::vector<ContactEdge> edges = {
      E(1, 2, 1, D(2020, 1, 25)),
      E(2, 3, 2, D(2020, 1, 26), Closeness::kGeneral),
      E(3, 4, 3, D(2020, 1, 27)),
      E(2, 5, 4, D(2020, 1, 5)),
  };
  ContactGraph g = ContactGraph::build(edges);
  TraceOptions o;
  o.max_depth = -1;
  EXPECT_EQ(g.trace(1, o).reached.size(), 5u);
  o.close_only = true;
  EXPECT_EQ(hops_of(g.trace(1, o)), (std::map<int64_t, int>{{1, 0}, {2, 1}, {5, 2}}));
  o.close_only = false;
  o.since = D(2020, 1, 10);
  EXPECT_EQ(hops_of(g.trace(1, o)), (std::map<int64_t, int>{{1, 0}, {2, 1}, {3, 2}, {4, 3}}));
  o.since.reset();
  // Several sources: each at hop 0, duplicates once; an unknown source stays alone.
  std::vector<int64_t> sources = {1, 4, 1, 77};
  TraceOptions one;
  one.max_depth = 1;
  EXPECT_EQ(hops_of(g.trace(sources, one)),
            (std::map<int64_t, int>{{1, 0}, {2, 1}, {3, 1}, {4, 0}, {77, 0}}));
  TraceResult alone = g.trace(77, o);
  ASSERT_EQ(alone.reached.size(), 1u);
  EXPECT_EQ(alone.reached[0].person_id, 77);
  // The limit.
  o.max_persons = 3;
  TraceResult cut = g.trace(1, o);
  EXPECT_EQ(cut.reached.size(), 3u);
  EXPECT_TRUE(cut.truncated);
  o.max_persons = 5;
  EXPECT_FALSE(g.trace(1, o).truncated);
}

TEST(ContactGraphTest, Clusters) {
  // {1,2,3,4} via 1-2, 3-4, 2-3; {5,6}; {7,8,9} star at 8; 10-10 is ignored.
  std::vector<ContactEdge> edges = {E(1, 2), E(3, 4), E(6, 5),  E(8, 7),
                                    E(9, 8), E(2, 3), E(10, 10)};
  ContactGraph g = ContactGraph::build(edges);
  EXPECT_EQ(g.cluster_count(), 3u);
  EXPECT_EQ(g.cluster_of(1), 0);
  EXPECT_EQ(g.cluster_of(4), 0);
  EXPECT_EQ(g.cluster_of(5), 1);
  EXPECT_EQ(g.cluster_of(9), 2);
  EXPECT_EQ(g.cluster_of(10), -1);
  EXPECT_EQ(g.cluster_members(3), (std::vector<int64_t>{1, 2, 3, 4}));
  auto all = g.clusters();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].persons, (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(all[1].persons, (std::vector<int64_t>{5, 6}));
  EXPECT_EQ(all[2].persons, (std::vector<int64_t>{7, 8, 9}));
  auto big = g.clusters(3);
  ASSERT_EQ(big.size(), 2u);
  EXPECT_EQ(big[0].id, 0);
  EXPECT_EQ(big[1].id, 2);
  // Case clusters: cases 1, 4 (same cluster), 7 alone in its cluster, 42 unknown.
  std::vector<int64_t> cases = {4, 1, 7, 42, 4};
  auto cc = g.case_clusters(cases);
  ASSERT_EQ(cc.size(), 1u);
  EXPECT_EQ(cc[0].id, 0);
  EXPECT_EQ(cc[0].cases, (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(cc[0].persons, (std::vector<int64_t>{1, 2, 3, 4}));
  auto single = g.case_clusters(cases, 1);
  ASSERT_EQ(single.size(), 2u);
  EXPECT_EQ(single[1].cases, std::vector<int64_t>{7});
}

TEST(ContactGraphTest, FromContacts) {
  std::vector<Contact> cs(2);
  cs[0].id = 11;
  cs[0].person_a = 100;
  cs[0].person_b = 200;
  cs[1].id = 12;
  cs[1].person_a = 200;
  cs[1].person_b = 300;
  ContactGraph g = ContactGraph::build(std::span<const Contact>(cs));
  TraceResult r = g.trace(100);
  EXPECT_EQ(r.refs_to(static_cast<size_t>(r.find(300))), (std::vector<int64_t>{11, 12}));
}

// Reference: a plain BFS over a map of vectors.
using Adjacency = std::unordered_map<int64_t, std::vector<int64_t>>;
Adjacency adjacency(const std::vector<ContactEdge>& edges) {
  Adjacency adj;
  for (const auto& e : edges) {
    if (e.a == e.b) continue;
    adj[e.a].push_back(e.b);
    adj[e.b].push_back(e.a);
  }
  return adj;
}
std::map<int64_t, int> reference_bfs(const Adjacency& adj, int64_t source, int depth) {
  std::map<int64_t, int> dist{{source, 0}};
  std::queue<int64_t> q;
  q.push(source);
  while (!q.empty()) {
    int64_t x = q.front();
    q.pop();
    int dx = dist[x];
    if (dx >= depth) continue;
    auto it = adj.find(x);
    if (it == adj.end()) continue;
    for (int64_t y : it->second)
      if (dist.emplace(y, dx + 1).second) q.push(y);
  }
  return dist;
}

TEST(ContactGraphTest, GeneratedThreeHundredThousandContacts) {
  std::mt19937_64 rng(20200212);
  const int64_t persons = 100000;
  std::uniform_int_distribution<int64_t> pick(1, persons);
  std::vector<ContactEdge> edges;
  edges.reserve(300000);
  for (int i = 0; i < 300000; ++i) {
    // Person ids spread out like a registry's (not dense 1..n).
    int64_t a = pick(rng) * 7 + 1000, b = pick(rng) * 7 + 1000;
    edges.push_back({a, b, D(2020, 1, 20).plus_days(i % 20), Closeness::kClose, i + 1});
  }
  ContactGraph g = ContactGraph::build(edges);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (const auto& e : edges)
    if (e.a != e.b) pairs.push_back({std::min(e.a, e.b), std::max(e.a, e.b)});
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  EXPECT_EQ(g.pair_count(), pairs.size());
  const Adjacency adj = adjacency(edges);
  EXPECT_GT(g.person_count(), 90000u);
  EXPECT_LE(g.pair_count(), 300000u);
  for (int64_t source : {edges[0].a, edges[12345].b, edges[299999].a}) {
    TraceOptions o;
    o.max_depth = 3;
    TraceResult r = g.trace(source, o);
    auto want = reference_bfs(adj, source, 3);
    EXPECT_EQ(hops_of(r), want);
    EXPECT_GT(r.reached.size(), 50u);
    // Every path is a real chain of contacts, as long as its hops.
    for (size_t i = 0; i < r.reached.size(); i += 97) {
      auto path = r.path_to(i);
      ASSERT_EQ(path.size(), static_cast<size_t>(r.reached[i].hops) + 1);
      for (size_t k = 1; k < path.size(); ++k)
        EXPECT_TRUE(std::binary_search(
            pairs.begin(), pairs.end(),
            std::make_pair(std::min(path[k - 1], path[k]), std::max(path[k - 1], path[k]))));
    }
  }
  // Components: the members of a source's cluster are exactly what an
  // unlimited trace reaches.
  TraceOptions all;
  all.max_depth = -1;
  TraceResult whole = g.trace(edges[0].a, all);
  std::vector<int64_t> reached;
  for (const auto& x : whole.reached) reached.push_back(x.person_id);
  std::sort(reached.begin(), reached.end());
  EXPECT_EQ(g.cluster_members(edges[0].a), reached);
  size_t total = 0;
  for (const auto& c : g.clusters(1)) total += c.persons.size();
  EXPECT_EQ(total, g.person_count());
}

}  // namespace
}  // namespace lz::epidemic
