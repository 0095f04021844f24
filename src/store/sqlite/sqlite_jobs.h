// SqliteJobsStore: the livelihood front's jobs records on a SQLite connection
// (shared with SqliteStore, so a record and its audit entry commit together,
// and a use case's records and its reactions on the poverty front too): the
// labour register of the poor, employers, job postings, placements (credited
// to wage income), public-welfare posts and their holders.
// Persistence only: the rules live in src/livelihood/ and app/jobs_service.
// Every write with an audit entry is one transaction (a savepoint inside a
// use case's transaction).
//
// Called by app::JobsService only (handlers go through the service; they
// read through jobs_store() for lists).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "livelihood/jobs.h"
#include "livelihood/matching.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_livelihood.h"
#include "store/store.h"

namespace lz::sqlite {

// A registry person as the jobs front needs them.
struct JobsPerson {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> household_id;
  std::string region_code;
  std::string labour;  // registry labour capacity id
  Date birth_date;
  std::string poverty_status;  // registered_poor | lifted | marginal | "" (not in the register)
};

struct LabourerView {
  livelihood::Labourer l;
  std::string name;
  std::string poverty_status;
};

struct LabourerQuery {
  std::string region_prefix;
  std::string status;  // "" = any
  std::optional<int64_t> household_id;
  std::optional<int64_t> paired_cadre_id;  // only households this cadre is paired with now
  std::string skill;                       // holds this skill
  int64_t limit = 50, offset = 0;
};

struct PostingQuery {
  std::string region_prefix;  // where the work is
  std::string status;
  std::optional<int64_t> employer_id;
  int64_t limit = 50, offset = 0;
};

struct PlacementView {
  livelihood::Placement p;
  std::string name;           // the labourer
  std::string posting_title;  // and where
  std::string employer_name;
};

struct PlacementQuery {
  std::string region_prefix;  // the labourer's
  std::optional<int64_t> posting_id, labourer_id, paired_cadre_id;
  std::optional<Date> running_on;
  int64_t limit = 50, offset = 0;
};

struct WelfarePostView {
  livelihood::WelfarePost post;
  std::optional<livelihood::WelfareHolding> holder;  // held on the day asked
  std::string holder_name;
};

struct WelfarePostQuery {
  std::string region_prefix;
  std::string kind;
  Date on;                 // whose holder to show
  std::optional<bool> held;  // only held / vacant posts on `on`
  std::optional<bool> active;  // only active (true) / withdrawn (false) posts
  int64_t limit = 50, offset = 0;
};

class SqliteJobsStore {
 public:
  SqliteJobsStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}
  Db& db() { return db_; }

  Result<JobsPerson> person(int64_t person_id);
  // Members of registered-poor, lifted and marginal households with some
  // labour capacity (ordinary, skilled, weak), by person id, one at a time
  // (for the demo: a province register has ~2 M of them). Stops at the first
  // error `f` returns, and returns it. `f` may write (not to person or
  // poverty_household) on the same connection.
  Status each_poor_member_with_labour(const std::function<Status(const JobsPerson&)>& f);
  // The household's poverty status ("" when not in the register).
  Result<std::string> poverty_status(int64_t household_id);

  // ---- labour register
  Result<livelihood::Labourer> insert_labourer(livelihood::Labourer l, const Actor& actor);
  // Saves l (all fields) if its version is still l.version; conflict if stale.
  Result<livelihood::Labourer> update_labourer(livelihood::Labourer l, const livelihood::Labourer& before,
                                               const Actor& actor);
  // Status only, inside a use case (its own audit entry records it).
  Status set_labourer_status(int64_t id, const std::string& status, const Actor& actor);
  Result<LabourerView> labourer(int64_t id);
  Result<ListResult<LabourerView>> labourers(const LabourerQuery& q);
  // Available labourers under the prefix, as matching candidates.
  Result<std::vector<livelihood::Candidate>> candidates(const std::string& region_prefix);

  // ---- employers and postings
  Result<livelihood::Employer> insert_employer(livelihood::Employer e, const Actor& actor);
  Result<livelihood::Employer> employer(int64_t id);
  // Edits (stale version: 409 `<entity>.stale`), audited with before and after.
  Result<livelihood::Employer> update_employer(const livelihood::Employer& e,
                                               int64_t expected_version, const Actor& actor);
  // The status is recomputed: filled when the places are taken, open when
  // not (a closed posting stays closed).
  Result<livelihood::Posting> update_posting(const livelihood::Posting& p, int64_t expected_version,
                                             Date today, const Actor& actor);
  Result<ListResult<livelihood::Employer>> employers(const std::string& region_prefix, const std::string& kind,
                                                     int64_t limit, int64_t offset,
                                                     std::optional<bool> active = std::nullopt);
  Result<livelihood::Posting> insert_posting(livelihood::Posting p, const Actor& actor);
  Result<livelihood::Posting> posting(int64_t id, Date today);  // filled: placements running on `today` or later
  Result<ListResult<livelihood::Posting>> postings(const PostingQuery& q, Date today);
  // Sets the status; with an actor and expected version, audited (a closing by a user).
  Result<livelihood::Posting> set_posting_status(int64_t id, const std::string& status,
                                                 std::optional<int64_t> expected_version, Date today,
                                                 const Actor& actor);

  // ---- placements
  Result<livelihood::Placement> insert_placement(livelihood::Placement p, const Actor& actor);
  Result<livelihood::Placement> save_placement_end(const livelihood::Placement& p, const livelihood::Placement& before,
                                                   const Actor& actor);
  Result<PlacementView> placement(int64_t id);
  Result<ListResult<PlacementView>> placements(const PlacementQuery& q);
  // Placements of the labourer overlapping [from, to].
  Result<int64_t> overlapping_placements(int64_t labourer_id, Date from, std::optional<Date> to);

  // ---- wage income (poverty_income.wage_fen of the year), by a difference
  Status add_wage(int64_t household_id, int year, int64_t delta_fen, const Actor& actor);
  Result<std::optional<int64_t>> wage(int64_t household_id, int year);

  // ---- public-welfare posts
  Result<livelihood::WelfarePost> insert_welfare_post(livelihood::WelfarePost w, const Actor& actor);
  Result<WelfarePostView> welfare_post(int64_t id, Date on);
  Result<livelihood::WelfarePost> update_welfare_post(const livelihood::WelfarePost& w,
                                                      int64_t expected_version, const Actor& actor);
  Result<ListResult<WelfarePostView>> welfare_posts(const WelfarePostQuery& q);
  Result<std::vector<livelihood::WelfareHolding>> holdings(int64_t post_id);
  Result<livelihood::WelfareHolding> insert_holding(livelihood::WelfareHolding h, const Actor& actor);
  Result<livelihood::WelfareHolding> save_holding_end(const livelihood::WelfareHolding& h,
                                                      const livelihood::WelfareHolding& before, const Actor& actor);

 private:
  Db& db_;
  AuditLog& audit_;
};

}  // namespace lz::sqlite
