// Checkpoints (卡点): a location in a township with a duty roster (who is on
// duty from when to when) and the passages it records (time, plate, how many
// persons, where from, each person's temperature). A fever at a checkpoint
// (>= the threshold) refers the person as a key person (category fever,
// source checkpoint); with refer_hubei_at_checkpoint, travellers from Hubei
// are referred as hubei_returnee too. Referrals are proposals
// (KeyPersonInput): the traveller's ID number may still be missing, and
// validate_key_person() then says so.
//
// Called by the store/API (checkpoint, roster and passage endpoints; the
// checkpoint_staff role records passages), the bulletin (PassageRecord) and
// the demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "epidemic/config.h"
#include "epidemic/key_person.h"
#include "epidemic/records.h"
#include "epidemic/units.h"

namespace lz::epidemic {

struct Checkpoint {
  int64_t id = 0;             // assigned by the store; 0 = new
  std::string name;           // "石亭镇G106卡点"
  std::string location;       // in words
  std::string township_code;  // 9 digits
  std::string region_code;    // the township, or the village it guards (within the township)
  bool active = true;
};
// Codes checkpoint.*: name_required, township_required (9 digits),
// region_outside_township.
Status validate_checkpoint(const Checkpoint& c);

struct DutyShift {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t checkpoint_id = 0;
  std::optional<int64_t> cadre_id;  // a registry cadre, or ...
  std::string name;                 // ... a volunteer, police officer, doctor by name
  std::string phone;
  DateTime start, end;  // [start, end)
};
// Checks one shift against the roster already recorded (any checkpoint).
// Codes shift.*: who_required (no cadre and no name), end_not_after_start,
// too_long (over max_shift_hours), overlap (kConflict: the same cadre — or,
// without a cadre id, the same name — is on another shift that overlaps).
// A shift with the same id as `s` is skipped (an edit).
Status validate_shift(const DutyShift& s, std::span<const DutyShift> roster,
                      const EpidemicConfig& config);

// Stretches of [from, to) when nobody is on duty at `checkpoint_id`, in order.
struct RosterGap {
  DateTime start, end;
};
std::vector<RosterGap> roster_gaps(std::span<const DutyShift> roster, int64_t checkpoint_id,
                                   DateTime from, DateTime to);
// Who is on duty at `checkpoint_id` at `at` (start <= at < end).
std::vector<DutyShift> on_duty(std::span<const DutyShift> roster, int64_t checkpoint_id,
                               DateTime at);

// A person in a passage, when taken down (name and ID number are optional at
// the checkpoint; a referral needs them later).
struct Traveller {
  std::string name, id_number, phone;
  int temperature_tenths = 365;
};

struct Passage {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t checkpoint_id = 0;
  DateTime at;
  std::string plate;                  // "湘B12345"; empty on foot
  std::string origin;                 // where from, in words ("湖北省武汉市", "株洲市区")
  std::string destination;            // where to (village or address), in words
  std::vector<Traveller> travellers;  // one per person
  std::string by;                     // login
  int persons() const { return static_cast<int>(travellers.size()); }
};

// Normalises the plate (full-width to half-width, upper case, spaces out) and
// checks the passage. Codes passage.*: checkpoint_required, date_future (at
// after as_of's end), persons_required (no traveller), plate_invalid (not a
// province character, a letter and 5 or 6 letters/digits; new-energy plates
// have 6); temperature.implausible ("travellers[2].temperature_tenths").
Result<Passage> validate_passage(const Passage& p, Date as_of);

int fevers(const Passage& p, const EpidemicConfig& config);  // travellers at or above the threshold
// The origin names Hubei (湖北) or one of its cities, or the plate is 鄂.
bool from_hubei(const Passage& p);

// A key person proposal per traveller with a fever (category fever, source
// checkpoint, temperature kept), and with refer_hubei_at_checkpoint, per
// traveller of a passage from Hubei (category hubei_returnee, travel: arrived
// on the passage's day from its origin, by car with the plate; by bus if
// there are more than 9 persons). A traveller with a fever from Hubei gets
// both. region_code: the checkpoint's (`checkpoint_region`), to be corrected
// to where the person stays. source_ref: "epidemic.passage:<id>".
std::vector<KeyPersonInput> referrals(const Passage& p, const std::string& checkpoint_region,
                                      const EpidemicConfig& config);

PassageRecord to_record(const Passage& p, const std::string& checkpoint_region,
                        const EpidemicConfig& config);

}  // namespace lz::epidemic
