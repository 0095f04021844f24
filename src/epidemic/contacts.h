// Contacts between two persons (date, setting, closeness) and the contact
// graph for transmission chains and clusters (流调: from a case, its contacts,
// their contacts, to any depth).
//
// ContactGraph is built once from a flat list of edges (the store loads
// them with one SELECT) into compressed sparse rows: the sorted person ids,
// one offset per person and one array of neighbours (int32 indexes) with the
// edge each came from. A query is a breadth-first search over those arrays
// with a per-query visited table, so the graph is immutable after build() and
// safe to query from many threads. Connected components (clusters) are
// computed at build time.
//
// Edges are undirected; a self-contact is ignored; the same pair met several
// times is one adjacency entry that keeps its latest contact (the one that
// matters for observation).
//
// Called by the store/API (contact endpoints, chain and cluster queries),
// observation planning (close contacts of a case) and the demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "epidemic/vocab.h"

namespace lz::epidemic {

struct Contact {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t person_a = 0;
  int64_t person_b = 0;
  Date on;  // the (last) day they met
  ContactSetting setting = ContactSetting::kHousehold;
  Closeness closeness = Closeness::kClose;
  std::string place;  // where, in words
  std::string note;
  std::string by;  // login
};

// Codes contact.person_required (either person 0), contact.same_person,
// contact.date_future (after as_of).
Status validate_contact(const Contact& c, Date as_of);

// The flat form the graph is built from. `ref` is the caller's own reference
// (e.g. the contact's id, or its index in a vector); it is given back on the
// paths, so the API can show the contact behind each hop.
struct ContactEdge {
  int64_t a = 0;
  int64_t b = 0;
  Date on;
  Closeness closeness = Closeness::kClose;
  int64_t ref = 0;
};
ContactEdge to_edge(const Contact& c);  // ref = c.id

// One person reached by a trace.
struct Reached {
  int64_t person_id = 0;
  int hops = 0;         // 0 for the source(s)
  int32_t parent = -1;  // index in TraceResult::reached of the previous person; -1 for a source
  int64_t via_ref = 0;  // ref of the edge from the parent (0 for a source)
  Date via_on;          // that contact's date
};

struct TraceResult {
  // In breadth-first order: sources first (hops 0), then hops 1, 2, ...;
  // within a hop, in the order found (neighbours by ascending person id).
  std::vector<Reached> reached;
  bool truncated = false;  // stopped at TraceOptions::max_persons

  // Person ids from the source to reached[i] (inclusive at both ends).
  std::vector<int64_t> path_to(size_t i) const;
  // The refs of the contacts along that path (one per hop).
  std::vector<int64_t> refs_to(size_t i) const;
  // Index of a person in `reached`, or -1 (a linear scan).
  int64_t find(int64_t person_id) const;
  // Persons at exactly `hops`.
  size_t count_at(int hops) const;
};

struct TraceOptions {
  int max_depth = 3;  // hops; < 0 means any depth
  // Follow close contacts only (general contacts are recorded but are not
  // links in a chain unless asked).
  bool close_only = false;
  // Only contacts on or after this day (e.g. 14 days before the case's onset).
  std::optional<Date> since;
  // Stop after this many persons (0: no limit); `truncated` then says so.
  size_t max_persons = 0;
};

// A connected group of persons (a cluster, 聚集性).
struct Cluster {
  int32_t id = 0;                // 0.. in order of each cluster's smallest person id
  std::vector<int64_t> persons;  // ascending
  std::vector<int64_t> cases;    // the given case persons in it, ascending (case_clusters)
};

class ContactGraph {
 public:
  ContactGraph() = default;
  static ContactGraph build(std::span<const ContactEdge> edges);
  static ContactGraph build(std::span<const Contact> contacts);

  size_t person_count() const { return ids_.size(); }
  // Adjacency entries / 2: distinct unordered pairs.
  size_t pair_count() const { return nbr_.size() / 2; }
  bool contains(int64_t person_id) const { return index_of(person_id) >= 0; }
  // Direct contacts of a person, ascending; empty if unknown.
  std::vector<int64_t> neighbours(int64_t person_id) const;

  // Breadth-first from one person (or several at once: every source is hop
  // 0). A source that is not in the graph is still reached at hop 0.
  TraceResult trace(int64_t source, const TraceOptions& options = {}) const;
  TraceResult trace(std::span<const int64_t> sources, const TraceOptions& options = {}) const;

  // Connected components over all edges (close and general).
  size_t cluster_count() const { return cluster_sizes_.size(); }
  int32_t cluster_of(int64_t person_id) const;                    // -1 if not in the graph
  std::vector<int64_t> cluster_members(int64_t person_id) const;  // ascending; empty if unknown
  // Clusters with at least min_size persons, by id.
  std::vector<Cluster> clusters(size_t min_size = 2) const;
  // Clusters holding at least min_cases of the given case persons (a case
  // cluster: 聚集性疫情), by id; each lists its persons and cases.
  std::vector<Cluster> case_clusters(std::span<const int64_t> case_persons,
                                     size_t min_cases = 2) const;

 private:
  int32_t index_of(int64_t person_id) const;

  std::vector<int64_t> ids_;         // sorted person ids; index = node
  std::vector<int64_t> offsets_;     // size ids_.size() + 1
  std::vector<int32_t> nbr_;         // neighbour nodes, ascending within a node
  std::vector<int32_t> edge_;        // index into the edge arrays below, per adjacency entry
  std::vector<int64_t> edge_ref_;    // per kept edge
  std::vector<int32_t> edge_day_;    // Date::days() per kept edge
  std::vector<uint8_t> edge_close_;  // 1 if close
  std::vector<int32_t> cluster_;     // per node
  std::vector<int32_t> cluster_sizes_;
};

}  // namespace lz::epidemic
