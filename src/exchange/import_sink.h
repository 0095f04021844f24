// ImportSink: where an importer writes, as one unit of work for the whole
// file: nothing is visible to others until commit(), and destroying the
// sink without commit() leaves the database as it was before the file
// (also when the process is killed: the database's own journal undoes it).
// Each household is a nested unit (begin_unit/end_unit) so that in
// good-rows mode a household that fails is undone alone. The audit trail is
// written in the same transaction: one entry for the import as a whole (at
// commit, with its tally) and one per change to a record that was there
// before the file (a person updated field by field, a household updated or
// given a member). No SQL here: the SQLite sink is in
// sqlite_import_sink.*; tests may use any implementation.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "registry/model.h"

namespace lz::exchange {

struct ExistingHousehold {
  int64_t id = 0;
  std::string number, region_code, address;
  std::optional<int64_t> head_person_id;
  bool created_here = false;  // written earlier in this same import
};

// What an import did, for the audit entry of the import as a whole.
struct ImportTally {
  std::string mode;
  long rows_read = 0, added = 0, updated = 0, unchanged = 0, refused = 0;
  long households_added = 0, households_updated = 0;
};

class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual Result<std::optional<ExistingHousehold>> household_by_number(
      const std::string& number) = 0;
  virtual Result<std::optional<ExistingHousehold>> household_by_id(int64_t id) = 0;
  virtual Result<std::optional<Person>> person_by_id_number(const std::string& id_number) = 0;
  // True if the person was written earlier in this same import.
  virtual bool created_here(const Person& p) const = 0;

  virtual Status begin_unit() = 0;
  virtual Status end_unit(bool keep) = 0;
  // False when a unit that fails need not be undone alone because the file
  // as a whole will not be committed then (all-or-nothing mode): the sink
  // may then skip the per-unit savepoint. True (the default) in good-rows mode.
  virtual void set_undo_units(bool) {}

  // Creates the household with its members (ids filled in; the member with
  // relationship 01 becomes the head).
  virtual Status create_household(Household& h) = 0;
  virtual Status add_member(const ExistingHousehold& h, Person& p) = 0;
  virtual Status update_person(const Person& before, const Person& after) = 0;
  virtual Status update_household(const ExistingHousehold& before, const std::string& region_code,
                                  const std::string& address) = 0;
  virtual Status commit(const ImportTally& tally) = 0;
};

// A sink passing every call on to another: the base of sinks that change a
// few of them (the API's jurisdiction check, the tests' failing sink).
class ForwardingSink : public ImportSink {
 public:
  explicit ForwardingSink(ImportSink& inner) : in_(inner) {}
  Result<std::optional<ExistingHousehold>> household_by_number(const std::string& n) override {
    return in_.household_by_number(n);
  }
  Result<std::optional<ExistingHousehold>> household_by_id(int64_t id) override {
    return in_.household_by_id(id);
  }
  Result<std::optional<Person>> person_by_id_number(const std::string& id) override {
    return in_.person_by_id_number(id);
  }
  bool created_here(const Person& p) const override { return in_.created_here(p); }
  Status begin_unit() override { return in_.begin_unit(); }
  Status end_unit(bool keep) override { return in_.end_unit(keep); }
  void set_undo_units(bool undo) override { in_.set_undo_units(undo); }
  Status create_household(Household& h) override { return in_.create_household(h); }
  Status add_member(const ExistingHousehold& h, Person& p) override { return in_.add_member(h, p); }
  Status update_person(const Person& before, const Person& after) override {
    return in_.update_person(before, after);
  }
  Status update_household(const ExistingHousehold& before, const std::string& region_code,
                          const std::string& address) override {
    return in_.update_household(before, region_code, address);
  }
  Status commit(const ImportTally& tally) override { return in_.commit(tally); }

 protected:
  ImportSink& in_;
};

}  // namespace lz::exchange
