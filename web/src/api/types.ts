// JSON shapes of the API (see GET /api/v1/openapi.json).

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Meta {
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface Scope {
  region_prefix: string;
  registry: boolean;
  registry_write: boolean;
  paired_only: boolean;
  full_phone: boolean;
  may_reveal: boolean;
  manage_accounts: boolean;
  manage_roles: boolean;
  read_audit: boolean;
}

export interface Account {
  id: number;
  login: string;
  display_name: string;
  role: string;
  role_label: string;
  region_code: string | null;
  cadre_id: number | null;
  checkpoint_id: number | null;
  enterprise_id: number | null;
  disabled: boolean;
  version: number;
}

export interface SessionInfo {
  token?: string;
  user: Account;
  scope: Scope;
}

export type RegionLevel = 'county' | 'township' | 'village' | 'group';

export interface RegionNode {
  code: string;
  division_code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  children?: RegionNode[];
}

export type PovertyStatus = 'registered_poor' | 'lifted' | 'marginal';

export interface HouseholdSummary {
  id: number;
  number: string;
  region_code: string;
  region_name: string;
  address: string;
  head_name: string;
  member_count: number;
  poverty_status: PovertyStatus | null;
}

export interface PersonFields {
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  relationship: string;
  ethnicity: string;
  education: string;
  enrolment: string;
  health: string;
  labour: string;
  phone: string;
}

export interface Person extends PersonFields, Meta {
  id: number;
  household_id: number | null;
  region_code: string;
  masked?: boolean;
}

export interface Household extends Meta {
  id: number;
  number: string;
  region_code: string;
  region_name: string;
  address: string;
  phone: string;
  head_person_id: number | null;
  members: Person[];
}

export interface HouseholdInput {
  number: string;
  region_code: string;
  address: string;
  phone: string;
  members: Partial<PersonFields>[];
}

export interface Revealed {
  id: number;
  name: string;
  id_number: string;
  phone: string;
}

export interface Cadre extends Meta {
  id: number;
  name: string;
  unit: string;
  phone: string;
  region_code: string;
  kinds: string[];
}

export interface VillageTeam extends Meta {
  id: number;
  village_code: string;
  name: string;
  leader_cadre_id: number | null;
  member_cadre_ids: number[];
  from_date: string;
  to_date: string | null;
}

export interface Pairing extends Meta {
  id: number;
  cadre_id: number;
  household_id: number;
  from_date: string;
  to_date: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  address: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  detail: string;
}

export interface AccountInput {
  login: string;
  display_name: string;
  role: string;
  region_code: string;
  cadre_id?: number;
  password: string;
}
