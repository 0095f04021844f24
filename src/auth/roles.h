// Roles and what each may see: the access policy in one place, free of HTTP
// and SQL so it can be tested alone.
//
// Jurisdiction is a region-code prefix (see core/region_code.h): a township
// officer's scope is "430281126", a village cadre's "430281126232" (in Liling;
// the county is the database's, passed in as county_prefix). A paired
// cadre sees the households they are currently responsible for. The three
// administrators of MLPS level 3 (等保三级 三权分立) see no personal data:
// system_admin manages accounts and settings, security_admin roles and
// policies, audit_admin reads the audit log and nothing else.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lz {

enum class Role {
  kCountyAdmin,
  kTownshipOfficer,
  kVillageCadre,
  kPairedCadre,
  kCheckpointStaff,
  kEnterprise,
  kPurchasePointOperator,
  kSystemAdmin,
  kSecurityAdmin,
  kAuditAdmin,
};

std::optional<Role> parse_role(std::string_view s);
const char* role_name(Role r);          // "county_admin", ...
const char* role_label_zh(Role r);      // "县级管理员", ...
// The region level a role's account must be bound to: 6 (county), 9 (township),
// 12 (village), or 0 when the role takes no region.
int role_region_digits(Role r);
bool role_needs_cadre(Role r);  // paired_cadre accounts are bound to a cadre record

// What a signed-in user may do, computed once per request from the account.
struct Scope {
  Role role = Role::kCountyAdmin;
  std::string region_prefix;           // "" = no region access at all
  std::optional<int64_t> cadre_id;     // paired cadres: their own cadre record
  bool registry = false;               // may read the registry (households, persons, ...)
  bool registry_write = false;         // may create/update/delete registry records
  bool paired_only = false;            // limited to currently paired households
  bool full_phone = false;             // sees phone numbers unmasked
  bool may_reveal = false;             // may ask for a full ID number (logged)
  bool manage_accounts = false;        // system_admin / security_admin
  bool manage_roles = false;           // security_admin
  bool read_audit = false;             // audit_admin
  // The epidemic front. `epidemic`: read its records in region_prefix (a
  // paired cadre: only the observations and calls assigned to them);
  // `epidemic_write`: key persons, contacts, observations, follow-ups, call
  // outcomes; `epidemic_command`: cases, campaigns, checkpoints (county and
  // township). checkpoint_staff see and write only their checkpoint.
  bool epidemic = false;
  bool epidemic_write = false;
  bool epidemic_command = false;
  std::optional<int64_t> checkpoint_id;  // checkpoint_staff: theirs (set at sign-in from the binding)
  // The livelihood front. `livelihood`: read produce, purchases, labour,
  // enterprises and supplies in region_prefix; `livelihood_write`: list
  // produce, register labourers, record requests (cadres);
  // `livelihood_command`: purchase points, backstop buyers, employers, job
  // postings, placements, welfare posts, approvals, depots and distributions
  // (county and township). An enterprise account sees and writes only its
  // enterprise (enterprise_id); a purchase-point operator only their point.
  bool livelihood = false;
  bool livelihood_write = false;
  bool livelihood_command = false;
  std::optional<int64_t> enterprise_id;      // enterprise: theirs (from the account's binding)
  std::optional<int64_t> purchase_point_id;  // purchase_point_operator: theirs
  // True if a record in `region_code` lies in this scope's region.
  bool covers(std::string_view region_code) const {
    return !region_prefix.empty() && region_code.substr(0, region_prefix.size()) == region_prefix;
  }
};

// county_prefix: the database's county (Store::county()); county_admin and
// paired_cadre accounts without a region see all of it.
Scope scope_for(Role role, const std::string& region_code, std::optional<int64_t> cadre_id,
                std::string_view county_prefix);

}  // namespace lz
