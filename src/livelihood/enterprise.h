// Work resumption (复工复产) on the livelihood front: the enterprise register,
// the enterprise's workers and their daily temperature reports, as domain
// values with their validation. No SQL, no HTTP. The resumption checklist and
// its approval are in livelihood/resumption.h.
//
// An enterprise carries its unified social credit code (统一社会信用代码,
// GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
// (no I, O, S, V, Z), positions 3-8 the registering division (digits), the
// 18th a check character: 31 - (sum of value x weight over the first 17,
// weights 3^i mod 31) mod 31, 31 written as 0.
//
// A worker is identified by their resident ID number (GB 11643); the store
// links them to the registry person with that number, so a poor household
// member's job shows on the household. One temperature report per worker per
// day; a reading at or above the fever line (37.3 °C by default, the epidemic
// front's setting) or any symptom refers the worker to the epidemic front as
// a key person (category fever, source enterprise).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "registry/enums.h"

namespace lz::livelihood {

using enums::Value;

enum class EnterpriseKind : uint8_t {
  kEnterprise,         // 企业
  kPovertyEnterprise,  // 扶贫企业 (吉泰农牧)
  kPovertyWorkshop,    // 扶贫车间
  kCooperativeRun,     // 合作社办企业 / 基地
};
std::span<const Value> enterprise_kinds();
std::optional<EnterpriseKind> parse_enterprise_kind(std::string_view id);
const char* id(EnterpriseKind k);

// The check character of a credit code's first 17 characters (nullopt if one
// is outside the code's alphabet).
std::optional<char> credit_code_check(std::string_view first17);
// Normalises (trim, upper case, full-width -> ASCII) and validates a credit
// code (credit_code.length, credit_code.char, credit_code.division,
// credit_code.check), field `field`.
Result<std::string> parse_credit_code(std::string_view input,
                                      const std::string& field = "credit_code");

struct Enterprise {
  int64_t id = 0;
  std::string name;
  std::string credit_code;  // normalised, 18 characters
  EnterpriseKind kind = EnterpriseKind::kEnterprise;
  std::string region_code;  // township or below (RegionCode form: 9, 12 or 15 digits)
  std::string address;
  std::string contact_name, contact_phone;
  int64_t workers_planned = 0;  // declared head count (the worker list is the register)
  int64_t version = 1;
};

// Checks and normalises (codes enterprise.*): name required (<= 100 chars),
// credit code valid, region_code a township or village code (12 digits,
// village/township level; normalised by the caller's RegionCode), phone 11
// digits or a landline, workers_planned 0..100000.
Result<Enterprise> validate_enterprise(Enterprise e);

struct Worker {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string name;
  std::string id_number;  // normalised
  std::string phone;
  std::optional<int64_t> person_id;        // the registry person with this ID number
  std::optional<Date> health_declared_on;  // 健康申报: the worker's health declaration
  std::string health_note;
  bool active = true;
};

// name required, ID number valid (core/id_number.h codes, field id_number),
// a declaration not after `today`.
Result<Worker> validate_worker(Worker w, Date today);

// One reading of a day's batch.
struct TemperatureReading {
  int64_t worker_id = 0;
  int temperature_tenths = 0;         // 36.5 °C -> 365
  std::vector<std::string> symptoms;  // epidemic symptom ids (fever, cough, ...)
  std::string note;
};

struct TemperatureBatch {
  int64_t enterprise_id = 0;
  Date on;
  std::vector<TemperatureReading> readings;
};

// Checks a day's batch: a date not in the future, at least one reading, each
// temperature within 34.0..43.0 °C (temperature.implausible at
// readings[i].temperature), a worker at most once (temperature.duplicate at
// readings[i].worker_id). All errors at once (details).
Status validate_batch(const TemperatureBatch& b, Date today);

// A fever by the line (in tenths, e.g. 373) or any symptom: refer the worker.
inline bool needs_referral(const TemperatureReading& r, int fever_tenths) {
  return r.temperature_tenths >= fever_tenths || !r.symptoms.empty();
}

}  // namespace lz::livelihood
