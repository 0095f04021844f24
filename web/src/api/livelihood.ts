// The livelihood front's API (README "Livelihood front API"): produce
// (listings, purchase points, purchases, backstop buyers, unsold), jobs
// (labourers, employers, postings, matches, placements, welfare posts), work
// resumption (enterprises, checklist, workers, temperatures) and spring
// farming (depots, stock, requests, distributions, technicians, cooperatives).
// Weights in jin, money in yuan, dates ISO.
import { api, request, type Query } from './http';
import type { Page, Reactions, Scope } from './types';

/** The session scope's livelihood flags (GET/POST /session). */
export interface LivelihoodScope extends Scope {
  livelihood?: boolean;
  livelihood_write?: boolean;
  livelihood_command?: boolean;
  enterprise_id?: number | null;
  purchase_point_id?: number | null;
}

export interface Label {
  id: string;
  zh: string;
  en: string;
}

// ---------------------------------------------------------------- produce

export interface ProduceKind extends Label {
  vegetable: boolean;
}

export type ListingStatus = 'open' | 'sold' | 'withdrawn';

export interface Listing {
  id: number;
  household_id: number;
  region_code: string;
  kind: string;
  kind_label: Label;
  jin: number;
  remaining_jin: number;
  expected_price: number | null;
  listed_on: string;
  sell_by: string;
  status: ListingStatus;
  closed_on: string | null;
  note: string;
  version: number;
}

export interface ListingInput {
  household_id: number | null;
  kind: string;
  jin: number | null;
  expected_price?: number | null;
  sell_by: string;
  listed_on?: string;
  note?: string;
}

export interface PurchasePoint {
  id: number;
  name: string;
  place: string;
  region_code: string;
  operator_name: string;
  phone: string;
  capacity_jin: number;
  checkpoint_id: number | null;
  active: boolean;
  bought_jin_today: number;
  version: number;
}

export interface Price {
  kind: string;
  price: number;
}

/** A household a purchase point may buy from (GET /purchase-points/{id}/sellers). */
export interface Seller {
  household_id: number;
  number: string;
  region_code: string;
  village: string;
  head: { name: string; id_number: string; phone: string };
  listings: Listing[];
}

export interface PriceList {
  point_id: number;
  date: string;
  prices: Price[];
}

export interface Purchase {
  id: number;
  point_id: number | null;
  buyer_id: number | null;
  listing_id: number | null;
  household_id: number;
  region_code: string;
  kind: string;
  jin: number;
  price: number;
  amount: number;
  on: string;
  poor: boolean;
  note: string;
}

export interface PurchaseInput {
  point_id: number;
  listing_id?: number | null;
  household_id?: number | null;
  kind?: string;
  jin: number | null;
  price?: number | null;
  on?: string;
  note?: string;
}

export interface PurchaseRecorded extends Purchase {
  listing?: Listing;
  income: { year: number; business_before: number | null; business_after: number };
  poverty_check: { status: string; income_above_line?: { outcome: string; reason_zh: string; reason_en: string } } | null;
}

export interface BackstopBuyer {
  id: number;
  name: string;
  unit: string;
  region_code: string;
  capacity_jin: number;
  floor_prices: Price[];
  active: boolean;
  version: number;
}

export interface UnsoldTownship {
  township_code: string;
  township: string;
  listings: number;
  jin: number;
  past_sell_by_listings: number;
  past_sell_by_jin: number;
  kinds: { kind: Label; jin: number }[];
}

export interface Dispatch {
  date: string;
  within_days: number;
  jin: number;
  amount: number;
  purchases: PurchaseRecorded[];
  risk_cases: number[];
  skipped: { code: string; message: string }[];
  unsold: UnsoldTownship[];
}

// ---------------------------------------------------------------- jobs

export type Tier = string; // poor | marginal | other

export interface Labourer {
  id: number;
  person_id: number;
  household_id: number;
  region_code: string;
  name: string;
  tier: Tier;
  poverty_status: string;
  skills: string[];
  available_from: string;
  hours: string;
  returned_from: string;
  wanted_kind: string;
  wanted_place: string;
  status: string;
  note: string;
  version: number;
  placements?: Placement[];
}

export interface LabourerInput {
  person_id: number | null;
  skills: string[];
  available_from?: string;
  hours?: string;
  returned_from?: string;
  wanted_kind?: string;
  wanted_place?: string;
  note?: string;
}

export interface Employer {
  id: number;
  kind: string;
  name: string;
  region_code: string;
  contact_name: string;
  contact_phone: string;
  enterprise_id: number | null;
  note: string;
  active: boolean;
  version: number;
  postings?: Posting[];
}

export interface Posting {
  id: number;
  employer_id: number;
  employer_name?: string;
  title: string;
  kind: string;
  region_code: string;
  monthly_pay: number;
  places: number;
  filled: number;
  start_date: string;
  skills: string[];
  hours: string;
  status: string;
  note: string;
  version: number;
}

export interface Match {
  rank: number;
  labourer_id: number;
  person_id: number;
  name: string;
  tier: Tier;
  region_code: string;
  skills: string[];
  skills_matched: string[];
  skills_missing: string[];
  distance: string;
  available_from: string;
  available_by_start: boolean;
  wish_fit: boolean;
  reasons: { code: string; zh: string; en: string }[];
}

export interface Placement {
  id: number;
  labourer_id: number;
  person_id: number;
  household_id: number;
  posting_id: number;
  region_code: string;
  name?: string;
  posting_title?: string;
  employer_name?: string;
  start_date: string;
  end_date: string | null;
  monthly_wage: number;
  credit_year: number;
  credited_wage: number;
  end_reason: string;
  version: number;
}

export interface IncomeCredit {
  household_id: number;
  year: number;
  credited: number;
  wage_before: number | null;
  wage_after: number | null;
  check?: { class?: string; income_above_line?: unknown };
}

export interface WelfareHolding {
  id: number;
  post_id: number;
  person_id: number;
  household_id: number;
  name?: string;
  from_date: string;
  to_date: string | null;
  credited_wage: number;
}

export interface WelfarePost {
  id: number;
  kind: string;
  title: string;
  region_code: string;
  monthly_pay: number;
  note: string;
  active: boolean;
  version: number;
  holder: WelfareHolding | null;
}

// ---------------------------------------------------------------- enterprises

export type ResumptionState = 'draft' | 'submitted' | 'approved' | 'returned';

export interface Enterprise {
  id: number;
  name: string;
  credit_code: string;
  kind: string;
  region_code: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  workers_planned: number;
  version: number;
  state?: ResumptionState;
  approved_on?: string | null;
  workers?: number;
  resumption?: Resumption;
}

export interface EnterpriseInput {
  name: string;
  credit_code: string;
  kind: string;
  region_code: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  workers_planned: number | null;
}

export interface Checklist {
  masks: number;
  thermometers: number;
  disinfectant_litres: number;
  entry_checks: boolean;
  disinfection: boolean;
  separate_meals: boolean;
  workers_health?: boolean;
}

export interface Resumption {
  enterprise_id: number;
  state: ResumptionState;
  checklist: Checklist;
  workers: number;
  workers_declared: number;
  missing: { item: string; message: string }[];
  complete: boolean;
  submitted_on: string | null;
  approved_on: string | null;
  return_reason: string;
  steps: { state: string; on: string; by: string; note: string }[];
  version: number;
}

export interface Worker {
  id: number;
  enterprise_id: number;
  name: string;
  id_number: string;
  phone: string;
  person_id: number | null;
  household_id: number | null;
  poverty_status: string | null;
  health_declared_on: string | null;
  health_note: string;
  active: boolean;
}

export interface WorkerInput {
  name: string;
  id_number: string;
  phone: string;
  health_declared_on: string;
  health_note: string;
}

export interface Reading {
  id: number;
  worker_id: number;
  worker_name: string;
  on: string;
  temperature: number;
  fever: boolean;
  symptoms: string[];
  note: string;
  key_person_id: number | null;
}

export interface TemperatureDay {
  enterprise_id?: number;
  on?: string;
  date?: string;
  readings: Reading[];
  fevers?: number;
  not_reported?: { worker_id: number; name: string }[];
}

export interface TemperaturesRecorded {
  enterprise_id: number;
  on: string;
  readings: Reading[];
  referred: number;
  reactions: Reactions;
}

// ---------------------------------------------------------------- supplies

export interface SupplyItem {
  id: string;
  label: string;
  unit: string;
  unit_label: string;
  whole: boolean;
}

export interface Quantity {
  quantity: number;
  unit: string;
}

export interface Depot {
  id: number;
  name: string;
  region_code: string;
  keeper_name: string;
  keeper_phone: string;
  address: string;
  active: boolean;
  version: number;
  stock?: (Quantity & { item: string })[];
}

export interface StockReport {
  totals: Record<string, Quantity>;
  depots: (Quantity & { item: string; depot_id: number; depot_name: string; region_code: string })[];
}

export interface SupplyRequest {
  id: number;
  cooperative_id: number | null;
  household_id: number | null;
  region_code: string;
  item: string;
  unit: string;
  quantity: number;
  fulfilled: number;
  outstanding: number;
  state: string;
  needed_by: string;
  requested_on: string;
  note: string;
}

export interface Distribution {
  id: number;
  depot_id: number;
  item: string;
  unit: string;
  quantity: number;
  on: string;
  request_id: number | null;
  recipient: string;
  region_code: string;
  note: string;
  stock_left?: number;
  request?: SupplyRequest;
}

export interface DistributionInput {
  depot_id: number | null;
  item: string;
  quantity: number | null;
  on?: string;
  request_id?: number | null;
  recipient?: string;
  note?: string;
}

export interface Technician {
  id: number;
  name: string;
  phone: string;
  speciality: string;
  region_code: string;
  active: boolean;
  version: number;
  assignments?: { id: number; village_code: string | null; cooperative_id: number | null; from: string; note: string }[];
}

export interface Cooperative {
  id: number;
  name: string;
  region_code: string;
  leader_name: string;
  leader_phone: string;
  members: number;
  produce: string;
  active: boolean;
  version: number;
}

// ---------------------------------------------------------------- bulletin

export interface LivelihoodBulletin {
  produce_bought_jin_today: number;
  produce_bought_jin_total: number;
  paid_to_poor_households_yuan_total: number;
  produce_unsold_jin: number;
  poor_labourers_placed: number;
  welfare_posts_filled: number;
  enterprises_resumed: number;
  supplies_distributed: Record<string, Quantity>;
}

const page = <T>(path: string, q?: Query, signal?: AbortSignal) => api.get<Page<T>>(path, q, signal);

export const produceApi = {
  kinds: () => page<ProduceKind>('/produce/kinds'),
  listings: (q: Query, signal?: AbortSignal) => page<Listing>('/produce/listings', q, signal),
  listing: (id: number) => api.get<Listing>(`/produce/listings/${id}`),
  createListing: (b: ListingInput) => api.post<Listing>('/produce/listings', b),
  withdrawListing: (id: number, version: number) => api.post<Listing>(`/produce/listings/${id}/withdraw`, { version }),
  points: (q?: Query) => page<PurchasePoint>('/purchase-points', q),
  point: (id: number) => api.get<PurchasePoint>(`/purchase-points/${id}`),
  createPoint: (b: Record<string, unknown>) => api.post<PurchasePoint>('/purchase-points', b),
  updatePoint: (id: number, b: Record<string, unknown>) => api.patch<PurchasePoint>(`/purchase-points/${id}`, b),
  sellers: (id: number, q: string) => page<Seller>(`/purchase-points/${id}/sellers`, { q }),
  prices: (id: number, date?: string) => api.get<PriceList>(`/purchase-points/${id}/prices`, { date }),
  setPrices: (id: number, body: { date?: string; prices: Price[] }) =>
    request<PriceList>('PUT', `/purchase-points/${id}/prices`, { body }),
  purchases: (q: Query, signal?: AbortSignal) => page<Purchase>('/purchases', q, signal),
  recordPurchase: (b: PurchaseInput) => api.post<PurchaseRecorded>('/purchases', b),
  buyers: () => page<BackstopBuyer>('/backstop-buyers'),
  createBuyer: (b: Record<string, unknown>) => api.post<BackstopBuyer>('/backstop-buyers', b),
  buyer: (id: number) => api.get<BackstopBuyer>(`/backstop-buyers/${id}`),
  updateBuyer: (id: number, b: Record<string, unknown>) => api.patch<BackstopBuyer>(`/backstop-buyers/${id}`, b),
  dispatch: (b: { date?: string; within_days?: number; region_code?: string }) => api.post<Dispatch>('/backstop/dispatch', b),
  unsold: (q: Query) => page<UnsoldTownship>('/produce/unsold', q),
};

export const jobsApi = {
  labourers: (q: Query, signal?: AbortSignal) => page<Labourer>('/labourers', q, signal),
  labourer: (id: number) => api.get<Labourer>(`/labourers/${id}`),
  createLabourer: (b: LabourerInput) => api.post<Labourer>('/labourers', b),
  employers: (q: Query) => page<Employer>('/employers', q),
  employer: (id: number) => api.get<Employer>(`/employers/${id}`),
  createEmployer: (b: Record<string, unknown>) => api.post<Employer>('/employers', b),
  updateEmployer: (id: number, b: Record<string, unknown>) => api.patch<Employer>(`/employers/${id}`, b),
  postings: (q: Query, signal?: AbortSignal) => page<Posting>('/job-postings', q, signal),
  posting: (id: number) => api.get<Posting>(`/job-postings/${id}`),
  createPosting: (b: Record<string, unknown>) => api.post<Posting>('/job-postings', b),
  updatePosting: (id: number, b: Record<string, unknown>) => api.patch<Posting>(`/job-postings/${id}`, b),
  setPostingStatus: (id: number, status: string, version: number) =>
    api.post<Posting>(`/job-postings/${id}/status`, { status, version }),
  matches: (id: number, q: Query) => page<Match>(`/job-postings/${id}/matches`, q),
  placements: (q: Query, signal?: AbortSignal) => page<Placement>('/placements', q, signal),
  place: (b: { labourer_id: number; posting_id: number; start_date: string; monthly_wage?: number | null }) =>
    api.post<Placement & { income: IncomeCredit }>('/placements', b),
  endPlacement: (id: number, b: { end_date: string; reason: string; version: number }) =>
    api.post<Placement & { income: IncomeCredit }>(`/placements/${id}/end`, b),
  welfarePosts: (q: Query, signal?: AbortSignal) => page<WelfarePost>('/welfare-posts', q, signal),
  createWelfarePost: (b: Record<string, unknown>) => api.post<WelfarePost>('/welfare-posts', b),
  welfarePost: (id: number) => api.get<WelfarePost>(`/welfare-posts/${id}`),
  updateWelfarePost: (id: number, b: Record<string, unknown>) => api.patch<WelfarePost>(`/welfare-posts/${id}`, b),
  setHolder: (id: number, b: { person_id: number; from_date: string; to_date?: string }) =>
    api.post<WelfarePost>(`/welfare-posts/${id}/holder`, b),
  release: (id: number, b: { to_date: string; reason: string }) => api.post<WelfarePost>(`/welfare-posts/${id}/release`, b),
};

export const enterpriseApi = {
  list: (q: Query, signal?: AbortSignal) => page<Enterprise>('/enterprises', q, signal),
  get: (id: number) => api.get<Enterprise>(`/enterprises/${id}`),
  create: (b: EnterpriseInput) => api.post<Enterprise>('/enterprises', b),
  update: (id: number, b: Record<string, unknown>) => api.patch<Enterprise>(`/enterprises/${id}`, b),
  resumption: (id: number) => api.get<Resumption>(`/enterprises/${id}/resumption`),
  saveChecklist: (id: number, b: Partial<Checklist> & { version: number }) =>
    request<Resumption>('PUT', `/enterprises/${id}/resumption/checklist`, { body: b }),
  submit: (id: number) => api.post<Resumption>(`/enterprises/${id}/resumption/submit`, {}),
  approve: (id: number, note: string) => api.post<Resumption>(`/enterprises/${id}/resumption/approve`, { note }),
  giveBack: (id: number, reason: string) => api.post<Resumption>(`/enterprises/${id}/resumption/return`, { reason }),
  workers: (id: number, q: Query) => page<Worker>(`/enterprises/${id}/workers`, q),
  addWorker: (id: number, b: WorkerInput) => api.post<Worker>(`/enterprises/${id}/workers`, b),
  declareHealth: (id: number, workerId: number, b: { on?: string; note?: string }) =>
    api.post<Worker>(`/enterprises/${id}/workers/${workerId}/health-declaration`, b),
  temperatures: (id: number, date?: string) => api.get<TemperatureDay>(`/enterprises/${id}/temperatures`, { date }),
  reportTemperatures: (id: number, b: { on?: string; readings: { worker_id: number; temperature: number; symptoms?: string[]; note?: string }[] }) =>
    api.post<TemperaturesRecorded>(`/enterprises/${id}/temperatures`, b),
};

export const suppliesApi = {
  items: () => page<SupplyItem>('/supplies/items'),
  depots: (q: Query) => page<Depot>('/depots', q),
  depot: (id: number) => api.get<Depot>(`/depots/${id}`),
  createDepot: (b: Record<string, unknown>) => api.post<Depot>('/depots', b),
  updateDepot: (id: number, b: Record<string, unknown>) => api.patch<Depot>(`/depots/${id}`, b),
  receive: (id: number, b: { item: string; quantity: number; on?: string; source?: string }) =>
    api.post<Quantity & { item: string; depot_id: number }>(`/depots/${id}/receipts`, b),
  stock: (q: Query) => api.get<StockReport>('/supplies/stock', q),
  requests: (q: Query, signal?: AbortSignal) => page<SupplyRequest>('/supply-requests', q, signal),
  createRequest: (b: Record<string, unknown>) => api.post<SupplyRequest>('/supply-requests', b),
  distributions: (q: Query, signal?: AbortSignal) => page<Distribution>('/supply-distributions', q, signal),
  distribute: (b: DistributionInput) => api.post<Distribution>('/supply-distributions', b),
  technicians: (q: Query) => page<Technician>('/technicians', q),
  createTechnician: (b: Record<string, unknown>) => api.post<Technician>('/technicians', b),
  technician: (id: number) => api.get<Technician>(`/technicians/${id}`),
  updateTechnician: (id: number, b: Record<string, unknown>) => api.patch<Technician>(`/technicians/${id}`, b),
  assign: (id: number, b: { village_code?: string; cooperative_id?: number; from?: string; note?: string }) =>
    api.post<unknown>(`/technicians/${id}/assignments`, b),
  cooperatives: (q: Query) => page<Cooperative>('/cooperatives', q),
  createCooperative: (b: Record<string, unknown>) => api.post<Cooperative>('/cooperatives', b),
  cooperative: (id: number) => api.get<Cooperative>(`/cooperatives/${id}`),
  updateCooperative: (id: number, b: Record<string, unknown>) => api.patch<Cooperative>(`/cooperatives/${id}`, b),
};
