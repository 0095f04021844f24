#include "auth/roles.h"

namespace lz {

namespace {
struct RoleInfo {
  Role role;
  const char* name;
  const char* zh;
  int digits;
};
const RoleInfo kRoles[] = {
    {Role::kCountyAdmin, "county_admin", "县级管理员", 6},
    {Role::kTownshipOfficer, "township_officer", "乡镇干部", 9},
    {Role::kVillageCadre, "village_cadre", "村干部", 12},
    {Role::kPairedCadre, "paired_cadre", "结对帮扶干部", 6},
    {Role::kCheckpointStaff, "checkpoint_staff", "卡点执勤人员", 0},
    {Role::kEnterprise, "enterprise", "企业", 0},
    {Role::kPurchasePointOperator, "purchase_point_operator", "收购点经办人", 0},
    {Role::kSystemAdmin, "system_admin", "系统管理员", 0},
    {Role::kSecurityAdmin, "security_admin", "安全管理员", 0},
    {Role::kAuditAdmin, "audit_admin", "审计管理员", 0},
};
}  // namespace

std::optional<Role> parse_role(std::string_view s) {
  for (const auto& r : kRoles)
    if (s == r.name) return r.role;
  return std::nullopt;
}
const char* role_name(Role r) {
  for (const auto& x : kRoles)
    if (x.role == r) return x.name;
  return "?";
}
const char* role_label_zh(Role r) {
  for (const auto& x : kRoles)
    if (x.role == r) return x.zh;
  return "?";
}
int role_region_digits(Role r) {
  for (const auto& x : kRoles)
    if (x.role == r) return x.digits;
  return 0;
}
bool role_needs_cadre(Role r) { return r == Role::kPairedCadre; }

Scope scope_for(Role role, const std::string& region_code, std::optional<int64_t> cadre_id,
                std::string_view county_prefix) {
  Scope s;
  s.role = role;
  s.cadre_id = cadre_id;
  switch (role) {
    case Role::kCountyAdmin:
      s.region_prefix = region_code.empty() ? std::string(county_prefix) : region_code;
      s.registry = s.registry_write = s.may_reveal = true;
      s.epidemic = s.epidemic_write = s.epidemic_command = true;
      s.livelihood = s.livelihood_write = s.livelihood_command = true;
      break;
    case Role::kTownshipOfficer:
      s.region_prefix = region_code;
      s.registry = s.registry_write = s.may_reveal = s.full_phone = true;
      s.epidemic = s.epidemic_write = s.epidemic_command = true;
      s.livelihood = s.livelihood_write = s.livelihood_command = true;
      break;
    case Role::kVillageCadre:
      s.region_prefix = region_code;
      s.registry = s.registry_write = s.may_reveal = s.full_phone = true;
      s.epidemic = s.epidemic_write = true;
      s.livelihood = s.livelihood_write = true;
      break;
    case Role::kPairedCadre:
      // Their households lie anywhere in the county; the pairing decides.
      s.region_prefix = region_code.empty() ? std::string(county_prefix) : region_code;
      s.registry = s.paired_only = s.full_phone = s.may_reveal = true;
      s.epidemic = s.epidemic_write = true;  // their own follow-ups and calls
      s.livelihood = s.livelihood_write = true;  // their households' produce and labour
      break;
    case Role::kCheckpointStaff:
    case Role::kEnterprise:
    case Role::kPurchasePointOperator:
      break;  // their own checkpoint / enterprise / purchase point only (bound at sign-in)
    case Role::kSystemAdmin:
      s.manage_accounts = true;
      break;
    case Role::kSecurityAdmin:
      s.manage_accounts = s.manage_roles = true;
      break;
    case Role::kAuditAdmin:
      s.read_audit = true;
      break;
  }
  return s;
}

}  // namespace lz
