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
  /** The epidemic front: read, write records (key persons, follow-ups, calls), command (cases, campaigns, checkpoints). */
  epidemic?: boolean;
  epidemic_write?: boolean;
  epidemic_command?: boolean;
  /** checkpoint_staff: the checkpoint they work at. */
  checkpoint_id?: number | null;
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
  /** The county's day (a demo county lives on its demo date): what counts as the future. */
  today?: string;
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

// ---- poverty front (see src/http/handlers/poverty.cc, poverty_tasks.cc) ----

export type Outcome = 'pass' | 'gap' | 'unknown';
export type PovertyClass = 'stable' | 'consolidate' | 'key_support';

export interface RuleResult {
  id: string;
  group: string;
  version: number;
  description: string;
  outcome: Outcome;
  reason?: string;
  field?: string;
}

export interface ClassInfo {
  computed: PovertyClass;
  effective: PovertyClass;
  reasons: { code: string; text: string }[];
  override?: { class: PovertyClass; reason: string; by: string; on: string };
}

export interface CheckResult {
  household_id: number;
  rules: RuleResult[];
  gaps: number;
  unknown: number;
  class: ClassInfo;
  /** Only in the answers to edits (re-check). */
  tasks_opened?: number;
  tasks_closed?: number;
  tasks_reopened?: number;
}

export interface Income {
  wage_fen: number | null;
  business_fen: number | null;
  property_fen: number | null;
  transfer_fen: number | null;
  business_costs_fen: number | null;
  per_capita_net_fen?: number | null;
}

export interface Water {
  quality: boolean | null;
  quantity: boolean | null;
  convenience: boolean | null;
  reliability: boolean | null;
}

export interface MemberPoverty {
  person_id: number;
  name: string;
  basic_medical: boolean | null;
  serious_illness: boolean | null;
  chronic_card: boolean | null;
  disability_certificate: string | null;
  disability_subsidy: boolean | null;
}

export interface Loan {
  amount_fen: number;
  start: string;
  due: string;
  repaid_fen: number;
  repaid_on: string | null;
}

export interface Measure {
  kind: string;
  on: string;
  amount_fen: number;
}

export interface PovertyData {
  household_id: number;
  status: string;
  registered_year: number | null;
  lifted_year: number | null;
  cadre_id: number | null;
  causes: string[];
  main_cause: string | null;
  income: Income;
  housing_grade: string | null;
  water: Water;
  dibao: boolean | null;
  tekun: boolean | null;
  loans: Loan[];
  measures: Measure[];
  members: MemberPoverty[];
  last_visit: string | null;
}

export interface ConditionInput {
  housing_grade: string;
  water: Water;
  dibao: boolean | null;
  tekun: boolean | null;
}

export interface MemberPovertyInput {
  basic_medical?: boolean | null;
  serious_illness?: boolean | null;
  chronic_card?: boolean | null;
  disability_subsidy?: boolean | null;
  disability_certificate?: string;
}

export interface MeasureInput {
  kind: string;
  on: string;
  amount_fen: number;
  note: string;
}

export interface Visit {
  id: number;
  household_id: number;
  cadre_id: number | null;
  on: string;
  mode: 'in_person' | 'phone';
  food_ok: boolean | null;
  clothing_ok: boolean | null;
  notes: string;
  by: string;
}

export interface VisitInput {
  on: string;
  mode: 'in_person' | 'phone';
  food_ok: boolean | null;
  clothing_ok: boolean | null;
  notes: string;
}

export type TaskState = 'open' | 'fixed' | 'verified' | 'returned' | 'closed_auto';

export interface TaskEvent {
  action: string;
  from: TaskState;
  to: TaskState;
  on: string;
  by: string;
  note: string;
}

export interface GapTask {
  id: number;
  household_id: number;
  region_code: string;
  cadre_id: number | null;
  rule_id: string;
  group: string;
  reason_zh: string;
  reason_en: string;
  field: string;
  state: TaskState;
  opened_on: string;
  deadline: string;
  verified_on: string | null;
  verified_by: string;
  return_note: string;
  closed_on: string | null;
  reopened: number;
  history: TaskEvent[];
  fix: { what: string; evidence_note: string; photo_ref: string; on: string; by: string } | null;
  /** In lists: the deadline has passed and the task is not settled. */
  overdue?: boolean;
}

export interface TaskFixInput {
  what: string;
  evidence_note?: string;
  photo_ref?: string;
  on?: string;
}

export interface OverdueTally {
  township_code: string;
  township_name: string;
  cadre_id: number | null;
  overdue: number;
  awaiting_verification: number;
  max_days_overdue: number;
}

export interface RiskCase {
  id: number;
  household_id: number;
  category: string;
  trigger: string | null;
  trigger_on: string;
  person_id: number | null;
  kinds: string[];
  opened_on: string;
  deadline: string;
  closed_on: string | null;
  close_method: string | null;
  note: string;
  close_note: string;
  closed_by: string;
  open: boolean;
}

export interface MonitoringInput {
  household_id: number;
  trigger: string;
  on?: string;
  person_id?: number;
  category?: string;
  note: string;
}

export interface EliminationInput {
  method: string;
  on?: string;
  note: string;
}

export interface OverdueVisit {
  household_id: number;
  last_visit: string | null;
}

export interface RuleCount {
  id: string;
  pass: number;
  gap: number;
  unknown: number;
}

export interface CheckSummary {
  households: number;
  rules: RuleCount[];
  classes: Record<PovertyClass, number>;
  all_pass: number;
  with_gap: number;
  with_unknown: number;
}

export interface PovertySummary extends CheckSummary {
  monitored: number;
  townships: (CheckSummary & { code: string; name: string })[];
}

// ---- epidemic front (see src/http/handlers/epidemic_*.cc, src/epidemic/json.cc) ----

export type KeyCategory = 'confirmed' | 'suspected' | 'fever' | 'close_contact' | 'hubei_returnee';
export type CaseStatus = 'suspected' | 'confirmed' | 'discharged' | 'deceased' | 'excluded';
export type ScheduleState = 'done' | 'due' | 'overdue' | 'planned';

/** A person as epidemic records show them (ID number masked). */
export interface EpiPerson {
  id: number;
  household_id?: number | null;
  name?: string;
  id_number?: string;
  phone?: string;
  region_code?: string;
  masked?: boolean;
  /** Outside the user's jurisdiction (chains): only the id is given. */
  outside?: boolean;
}

export interface Travel {
  arrived_on: string;
  from_place: string;
  mode: string;
  detail: string;
}

export interface KeyPerson {
  id: number;
  person_id: number;
  region_code: string;
  category: KeyCategory;
  source: string;
  added_on: string;
  travel: Travel | null;
  last_exposure: string | null;
  contact_of: number | null;
  temperature: number | null;
  symptoms: string[];
  note: string;
  added_by: string;
  person: EpiPerson;
  person_created?: boolean;
}

export interface KeyPersonInput {
  person_id?: number;
  id_number?: string;
  name?: string;
  region_code?: string;
  phone?: string;
  category: KeyCategory;
  source: string;
  added_on?: string;
  travel?: Travel;
  last_exposure?: string;
  temperature?: number;
  symptoms?: string[];
  note?: string;
}

export interface CaseStep {
  status: CaseStatus;
  on: string;
  place: string;
  by: string;
  note: string;
}

export interface Reactions {
  key_persons?: unknown[];
  risk_cases?: unknown[];
  observations_extended?: unknown[];
  support_requests?: unknown[];
  skipped?: unknown[];
}

export interface EpiCase {
  id: number;
  person_id: number;
  region_code: string;
  status: CaseStatus;
  final: boolean;
  steps: CaseStep[];
  version: number;
  person: EpiPerson;
  reactions?: Reactions;
}

export interface CaseStepInput {
  status: CaseStatus;
  on: string;
  place: string;
  note: string;
  version: number;
}

export interface ChainNode {
  person: EpiPerson;
  hops: number;
  parent: number | null;
  contact_id: number | null;
  contact_on: string | null;
}

export interface Chain {
  case_id: number;
  person_id: number;
  depth: number;
  reached: ChainNode[];
  persons_by_hops: number[];
  truncated: boolean;
}

export interface FollowUp {
  id: number;
  observation_id: number;
  person_id: number;
  day: string;
  temperature: number;
  symptoms: string[];
  by: string;
  at: string;
  note: string;
}

export interface FollowUpAlert {
  fever: boolean;
  temperature: number;
  symptoms: string[];
  message: string;
}

export interface FollowUpRecorded extends FollowUp {
  alert: FollowUpAlert | null;
}

export interface ScheduleDay {
  day: string;
  state: ScheduleState;
  follow_up?: FollowUp;
  alert?: boolean;
}

export interface Extension {
  found_on: string;
  exposure_on: string;
  old_end: string;
  new_end: string;
  note: string;
}

export interface Observation {
  id: number;
  person_id: number;
  region_code: string;
  kind: 'home' | 'centralized';
  site: string;
  room: string;
  last_exposure: string;
  start: string;
  planned_end: string;
  last_day: string;
  released_on: string | null;
  release_reason: string;
  released_by: string;
  extensions: Extension[];
  basis: string;
  by: string;
  version: number;
  cadre_id: number | null;
  person: EpiPerson;
  under_observation: boolean;
  release_due: boolean;
  schedule?: ScheduleDay[];
  reactions?: Reactions;
}

export interface FollowUpItem {
  observation_id: number;
  day: string;
  state: 'due' | 'done' | 'overdue';
  cadre_id: number | null;
  region_code: string;
  person: EpiPerson;
}

export interface FollowUpInput {
  day: string;
  temperature: number;
  symptoms: string[];
  note?: string;
}

export interface EpiOverdueTally {
  village_code?: string;
  cadre_id?: number | null;
  name: string;
  overdue: number;
  due: number;
  done: number;
}

export interface Campaign {
  id: number;
  name: string;
  region_code: string;
  start_on: string;
  end_on: string;
  by: string;
}

export interface CoverageRow {
  village_code?: string;
  households: number;
  called: number;
  reached: number;
  unreachable: number;
  with_returnees: number;
  with_symptoms: number;
  with_needs: number;
  coverage: number;
}

export interface CampaignDetail extends Campaign {
  coverage: { total: CoverageRow; villages: CoverageRow[] };
}

export interface CampaignInput {
  name: string;
  region_code: string;
  start_on: string;
  end_on: string;
}

export type CallState = 'pending' | 'called' | 'reached' | 'unreachable';

export interface CallRow {
  household_id: number;
  household_number: string;
  region_code: string;
  head_name: string;
  phone: string;
  cadre_id: number | null;
  cadre_name: string;
  result: 'reached' | 'unreachable' | null;
  called_at: string | null;
}

export interface CallInput {
  result: 'reached' | 'unreachable';
  returnees: { name: string; id_number: string; phone?: string; travel?: Travel }[];
  symptomatic: { name: string; id_number: string; temperature?: number; symptoms?: string[] }[];
  needs: { kind: string; note: string }[];
  note: string;
}

export interface CallRecorded {
  id: number;
  result: string;
  reactions?: Reactions;
}

export interface Checkpoint {
  id: number;
  name: string;
  location: string;
  township_code: string;
  region_code: string;
  active: boolean;
  today?: { date: string; passages: number; persons: number; fevers: number };
}

export interface Traveller {
  name: string;
  id_number: string;
  phone?: string;
  temperature: number;
}

export interface Passage {
  id: number;
  checkpoint_id: number;
  at: string;
  plate: string;
  origin: string;
  destination: string;
  persons: number;
  travellers: Traveller[];
  fevers: number;
  fever: boolean;
  key_person_ids: number[];
  by: string;
  reactions?: Reactions;
}

export interface PassageInput {
  at: string;
  plate: string;
  origin: string;
  destination: string;
  travellers: Traveller[];
}

export interface Shift {
  id: number;
  checkpoint_id: number;
  cadre_id: number | null;
  name: string;
  phone: string;
  start: string;
  end: string;
}

export interface ShiftInput {
  cadre_id?: number;
  name?: string;
  phone?: string;
  start: string;
  end: string;
}

export interface Roster {
  checkpoint_id: number;
  shifts: Shift[];
  gaps: { start: string; end: string }[];
  from: string;
  to: string;
}

export interface CheckpointInput {
  name: string;
  location: string;
  region_code: string;
  active?: boolean;
}

export interface CaseInput {
  person_id: number;
  status: 'suspected' | 'confirmed';
  on: string;
  place: string;
  note: string;
}

export interface ObservationInput {
  person_id: number;
  kind: 'home' | 'centralized';
  site?: string;
  room?: string;
  last_exposure: string;
  start?: string;
  basis?: string;
  cadre_id?: number;
}

export interface ContactInput {
  person_a: number;
  person_b: number;
  on: string;
  setting: string;
  closeness: 'close' | 'general';
  place?: string;
  note?: string;
}

export interface Contact {
  id: number;
  person_a: number;
  person_b: number;
  on: string;
  setting: string;
  closeness: string;
  reactions?: Reactions;
}

/** One reaction the other front refused, with its reason. */
export interface SkippedReaction {
  code: string;
  message: string;
}

// ---- the daily bulletin (GET /api/v1/bulletin, /bulletin/series) ----

export interface BulletinEpidemic {
  confirmed_new: number;
  confirmed_total: number;
  discharged_total: number;
  in_hospital: number;
  deaths_total: number;
  suspected: number;
  under_observation: number;
  observation_home: number;
  observation_centralized: number;
  released_total: number;
  key_persons_total: number;
  key_persons_by_category: Record<string, number>;
  follow_ups_due: number;
  follow_ups_done: number;
  follow_ups_overdue: number;
  days_without_new_case: number | null;
  checkpoint_passages: number;
  checkpoint_fevers: number;
}

export interface BulletinPoverty {
  registered_households: number;
  registered_persons: number;
  registered_persons_key_persons: number;
  registered_persons_infected: number;
  households_relapse_monitoring: number;
  households_relapsed_due_to_epidemic: number;
}

export interface Bulletin {
  date: string;
  region: { code: string; name: string };
  epidemic: BulletinEpidemic;
  poverty: BulletinPoverty;
  cadres: { village_stationed: number; paired: number };
}

/** GET /bulletin/regions: each child region's bulletin with its registry counts. */
export interface BulletinOfRegion extends Bulletin {
  level: string;
  registry: { households: number; persons: number; poor_households: number };
}

export interface BulletinRegions {
  date: string;
  region: { code: string; name: string };
  regions: BulletinOfRegion[];
}

export interface BulletinSeries {
  region: { code: string; name: string };
  from: string;
  to: string;
  days: Bulletin[];
}
