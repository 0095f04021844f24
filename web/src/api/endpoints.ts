// One function per API call the UI makes.
import { api, type Query } from './http';
import type {
  Account,
  AccountInput,
  AuditEntry,
  Cadre,
  Household,
  HouseholdInput,
  HouseholdSummary,
  Page,
  Pairing,
  Person,
  PersonFields,
  RegionNode,
  Revealed,
  SessionInfo,
  VillageTeam,
  CheckResult,
  ConditionInput,
  EliminationInput,
  GapTask,
  Income,
  MeasureInput,
  MemberPovertyInput,
  MonitoringInput,
  OverdueTally,
  OverdueVisit,
  PovertyClass,
  PovertyData,
  PovertySummary,
  RiskCase,
  TaskFixInput,
  Visit,
  VisitInput,
  CallInput,
  CallRecorded,
  CallRow,
  Campaign,
  CampaignDetail,
  CampaignInput,
  CaseStepInput,
  Chain,
  Checkpoint,
  EpiCase,
  EpiOverdueTally,
  FollowUpInput,
  FollowUpItem,
  FollowUpRecorded,
  KeyPerson,
  KeyPersonInput,
  Observation,
  Passage,
  PassageInput,
  Bulletin,
  BulletinRegions,
  BulletinSeries,
  CaseInput,
  CheckpointInput,
  Contact,
  ContactInput,
  ObservationInput,
  Roster,
  Shift,
  ShiftInput,
} from './types';
import { request } from './http';

export const sessionApi = {
  login: (login: string, password: string) =>
    request<SessionInfo>('POST', '/session', { body: { login, password }, allow401: true }),
  current: () => request<SessionInfo>('GET', '/session', { allow401: true }),
  logout: () => request<void>('DELETE', '/session', { allow401: true }),
};

export const regionsApi = {
  tree: (region?: string, depth = 2) => api.get<RegionNode>('/regions', { region, depth }),
};

export const householdsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<HouseholdSummary>>('/households', q, signal),
  count: (q: Query) => api.get<Page<HouseholdSummary>>('/households', { ...q, limit: 0 }).then((p) => p.total),
  get: (id: number) => api.get<Household>(`/households/${id}`),
  create: (h: HouseholdInput) => api.post<Household>('/households', h),
  update: (id: number, patch: Partial<HouseholdInput> & { version: number }) =>
    api.patch<Household>(`/households/${id}`, patch),
  remove: (id: number, version: number) => api.del<void>(`/households/${id}`, { version }),
  addMember: (id: number, p: Partial<PersonFields>) => api.post<Person>(`/households/${id}/members`, p),
};

export const personsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Person>>('/persons', q, signal),
  count: (q: Query) => api.get<Page<Person>>('/persons', { ...q, limit: 0 }).then((p) => p.total),
  update: (id: number, patch: Partial<PersonFields> & { version: number }) =>
    api.patch<Person>(`/persons/${id}`, patch),
  reveal: (id: number, reason?: string) => api.post<Revealed>(`/persons/${id}/reveal`, reason ? { reason } : {}),
};

export const cadresApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Cadre>>('/cadres', q, signal),
  get: (id: number) => api.get<Cadre>(`/cadres/${id}`),
  count: (q: Query = {}) => api.get<Page<Cadre>>('/cadres', { ...q, limit: 0 }).then((p) => p.total),
};

export const teamsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<VillageTeam>>('/village_teams', q, signal),
  count: (q: Query = {}) => api.get<Page<VillageTeam>>('/village_teams', { ...q, limit: 0 }).then((p) => p.total),
};

export const pairingsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Pairing>>('/pairings', q, signal),
  count: (q: Query = {}) => api.get<Page<Pairing>>('/pairings', { ...q, limit: 0 }).then((p) => p.total),
};

export const accountsApi = {
  list: () => api.get<Page<Account>>('/accounts'),
  create: (a: AccountInput) => api.post<Account>('/accounts', a),
  setDisabled: (id: number, disabled: boolean) => api.patch<Account>(`/accounts/${id}`, { disabled }),
  resetPassword: (id: number, password: string) => api.post<void>(`/accounts/${id}/password`, { password }),
};

export const auditApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit', q, signal),
};

// ---- poverty front ----

const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });

export const povertyApi = {
  check: (id: number) => api.get<CheckResult>(`/households/${id}/check`),
  recheck: (id: number) => api.post<CheckResult>(`/households/${id}/check`),
  override: (id: number, cls: PovertyClass, reason: string) =>
    put<CheckResult>(`/households/${id}/class_override`, { class: cls, reason }),
  clearOverride: (id: number) => api.del<void>(`/households/${id}/class_override`),
  data: (id: number) => api.get<PovertyData>(`/households/${id}/poverty`),
  setCondition: (id: number, c: ConditionInput) => put<CheckResult>(`/households/${id}/poverty/condition`, c),
  setIncome: (id: number, i: Omit<Income, 'per_capita_net_fen'>) => put<CheckResult>(`/households/${id}/poverty/income`, i),
  setCauses: (id: number, causes: string[], main: string) =>
    put<CheckResult>(`/households/${id}/poverty/causes`, { causes, main }),
  setMember: (id: number, personId: number, m: MemberPovertyInput) =>
    put<CheckResult>(`/households/${id}/poverty/members/${personId}`, m),
  addMeasure: (id: number, m: MeasureInput) => api.post<CheckResult>(`/households/${id}/poverty/measures`, m),
  summary: (region?: string) => api.get<PovertySummary>('/poverty/summary', { region }),
};

export const visitsApi = {
  list: (householdId: number) => api.get<Page<Visit>>(`/households/${householdId}/visits`),
  add: (householdId: number, v: VisitInput) => api.post<CheckResult>(`/households/${householdId}/visits`, v),
  overdue: (q: Query = {}) => api.get<Page<OverdueVisit>>('/visits/overdue', q),
};

export const tasksApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<GapTask>>('/tasks', q, signal),
  get: (id: number) => api.get<GapTask>(`/tasks/${id}`),
  overdue: (by: 'township' | 'cadre', region?: string) => api.get<Page<OverdueTally>>('/tasks/overdue', { by, region }),
  fix: (id: number, f: TaskFixInput) => api.post<GapTask>(`/tasks/${id}/fix`, f),
  verify: (id: number, note: string) => api.post<GapTask>(`/tasks/${id}/verify`, { note }),
  sendBack: (id: number, note: string) => api.post<GapTask>(`/tasks/${id}/return`, { note }),
};

export const monitoringApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<RiskCase>>('/monitoring', q, signal),
  open: (m: MonitoringInput) => api.post<RiskCase>('/monitoring', m),
  eliminate: (id: number, e: EliminationInput) => api.post<RiskCase>(`/monitoring/${id}/eliminate`, e),
};

// ---- epidemic front ----

export const epidemicApi = {
  keyPersons: (q: Query, signal?: AbortSignal) => api.get<Page<KeyPerson>>('/key-persons', q, signal),
  addKeyPerson: (k: KeyPersonInput) => api.post<KeyPerson>('/key-persons', k),
  cases: (q: Query, signal?: AbortSignal) => api.get<Page<EpiCase>>('/cases', q, signal),
  getCase: (id: number) => api.get<EpiCase>(`/cases/${id}`),
  step: (id: number, s: CaseStepInput) => api.post<EpiCase>(`/cases/${id}/steps`, s),
  chain: (id: number, depth: number) => api.get<Chain>(`/cases/${id}/chain`, { depth }),
  observations: (q: Query, signal?: AbortSignal) => api.get<Page<Observation>>('/observations', q, signal),
  observation: (id: number) => api.get<Observation>(`/observations/${id}`),
  extend: (id: number, b: { exposure_on: string; found_on?: string; note: string; version: number }) =>
    api.post<Observation>(`/observations/${id}/extend`, b),
  release: (id: number, b: { on: string; reason: string; version: number }) =>
    api.post<Observation>(`/observations/${id}/release`, b),
  followUp: (id: number, f: FollowUpInput) => api.post<FollowUpRecorded>(`/observations/${id}/follow-ups`, f),
  due: (q: Query = {}) => api.get<Page<FollowUpItem>>('/follow-ups/due', q),
  overdue: (by: 'village' | 'cadre', q: Query = {}) => api.get<Page<EpiOverdueTally>>('/follow-ups/overdue', { ...q, by }),
  campaigns: () => api.get<Page<Campaign>>('/campaigns'),
  campaign: (id: number) => api.get<CampaignDetail>(`/campaigns/${id}`),
  createCampaign: (c: CampaignInput) => api.post<CampaignDetail>('/campaigns', c),
  calls: (id: number, q: Query, signal?: AbortSignal) => api.get<Page<CallRow>>(`/campaigns/${id}/calls`, q, signal),
  recordCall: (id: number, householdId: number, c: CallInput) =>
    api.post<CallRecorded>(`/campaigns/${id}/calls/${householdId}`, c),
  checkpoints: () => api.get<Page<Checkpoint>>('/checkpoints'),
  checkpoint: (id: number) => api.get<Checkpoint>(`/checkpoints/${id}`),
  passages: (id: number, q: Query) => api.get<Page<Passage>>(`/checkpoints/${id}/passages`, q),
  addPassage: (id: number, p: PassageInput) => api.post<Passage>(`/checkpoints/${id}/passages`, p),
  openCase: (c: CaseInput) => api.post<EpiCase>('/cases', c),
  observe: (o: ObservationInput) => api.post<Observation>('/observations', o),
  addContact: (c: ContactInput) => api.post<Contact>('/contacts', c),
  contacts: (personId: number) => api.get<Page<Contact>>('/contacts', { person_id: personId }),
  createCheckpoint: (c: CheckpointInput) => api.post<Checkpoint>('/checkpoints', c),
  shifts: (id: number, q: Query = {}) => api.get<Roster>(`/checkpoints/${id}/shifts`, q),
  addShift: (id: number, s: ShiftInput) => api.post<Shift>(`/checkpoints/${id}/shifts`, s),
};

export const bulletinApi = {
  day: (date: string, region?: string) => api.get<Bulletin>('/bulletin', { date, region }),
  series: (from: string, to: string, region?: string) =>
    api.get<BulletinSeries>('/bulletin/series', { from, to, region }),
  /** Every child region's bulletin and registry counts in one answer. */
  regions: (date: string, region?: string) => api.get<BulletinRegions>('/bulletin/regions', { date, region }),
};
