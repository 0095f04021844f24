// The epidemic front's UI logic, as pure functions (unit-tested in
// tests/epidemic.test.ts): the fever threshold, temperatures typed on a phone,
// which case steps follow which state, the follow-up schedule's states, a
// transmission chain as a tree, campaign coverage, and the vocabularies of the
// API (ids as src/epidemic/vocab.cc spells them).
import type { CaseStatus, ChainNode, CoverageRow, FollowUpItem, KeyCategory, ScheduleDay, ScheduleState } from '@/api/types';

// ---------------------------------------------------------------- vocabularies

export const KEY_CATEGORIES: KeyCategory[] = ['confirmed', 'suspected', 'fever', 'close_contact', 'hubei_returnee'];
export const KEY_SOURCES = ['checkpoint', 'phone_screening', 'self_report', 'hospital', 'contact_tracing', 'visit'] as const;
export const TRAVEL_MODES = ['car', 'train', 'bus', 'plane', 'other'] as const;
export const CASE_STATUSES: CaseStatus[] = ['suspected', 'confirmed', 'discharged', 'deceased', 'excluded'];
export const SYMPTOMS = ['cough', 'fatigue', 'sore_throat', 'shortness_of_breath', 'muscle_ache', 'diarrhoea', 'runny_nose', 'chills', 'other'] as const;
export const NEED_KINDS = ['food', 'medicine', 'produce_unsold', 'other'] as const;
export const CALL_STATES = ['pending', 'called', 'reached', 'unreachable'] as const;
export const OBSERVATION_KINDS = ['home', 'centralized'] as const;

// ---------------------------------------------------------------- temperature

/** Fever: 37.3 °C and above (GLOSSARY; the server's default setting). */
export const FEVER_THRESHOLD = 37.3;

/** Whether a temperature is a fever (compared in tenths, so 37.3 is one). */
export function isFever(t: number | null | undefined, threshold = FEVER_THRESHOLD): boolean {
  if (t === null || t === undefined || !Number.isFinite(t)) return false;
  return Math.round(t * 10) >= Math.round(threshold * 10);
}

/**
 * What someone typed as a temperature: "37.5", "３７．５", "37,5", " 38 " ->
 * a number with one decimal; "" -> null; anything outside 30..45 or not a
 * number -> NaN.
 */
export function parseTemperature(text: string): number | null {
  const s = text
    .replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '.')
    .replace(/[\s°℃C]/gi, '');
  if (s === '') return null;
  if (!/^\d{2}(\.\d)?$/.test(s)) return NaN;
  const v = Number(s);
  return v >= 30 && v <= 45 ? Math.round(v * 10) / 10 : NaN;
}

/** The quick-pick temperatures of the phone forms. */
export const QUICK_TEMPERATURES = [36.2, 36.5, 36.8, 37.0, 37.3, 37.8, 38.0, 38.5];

// ---------------------------------------------------------------- cases

/** suspected -> confirmed / excluded; confirmed -> discharged / deceased; the rest are final. */
export function nextSteps(status: CaseStatus): CaseStatus[] {
  switch (status) {
    case 'suspected':
      return ['confirmed', 'excluded'];
    case 'confirmed':
      return ['discharged', 'deceased'];
    default:
      return [];
  }
}

/** Every step a form may offer (the server refuses the ones that do not follow). */
export const STEP_STATUSES: CaseStatus[] = ['confirmed', 'discharged', 'deceased', 'excluded'];

export const CASE_STATUS_TAG: Record<CaseStatus, 'warning' | 'danger' | 'success' | 'info'> = {
  suspected: 'warning',
  confirmed: 'danger',
  discharged: 'success',
  deceased: 'info',
  excluded: 'info',
};

export const CATEGORY_TAG: Record<KeyCategory, 'danger' | 'warning' | 'primary' | 'info'> = {
  confirmed: 'danger',
  suspected: 'warning',
  fever: 'warning',
  close_contact: 'primary',
  hubei_returnee: 'info',
};

// ---------------------------------------------------------------- follow-ups

export const SCHEDULE_TAG: Record<ScheduleState, 'success' | 'warning' | 'danger' | 'info'> = {
  done: 'success',
  due: 'warning',
  overdue: 'danger',
  planned: 'info',
};

export interface ScheduleCounts {
  done: number;
  due: number;
  overdue: number;
  planned: number;
  alerts: number;
}

/** How many days of a schedule are in each state, and how many done days raised an alert. */
export function scheduleCounts(days: ScheduleDay[]): ScheduleCounts {
  const c: ScheduleCounts = { done: 0, due: 0, overdue: 0, planned: 0, alerts: 0 };
  for (const d of days) {
    c[d.state]++;
    if (d.alert) c.alerts++;
  }
  return c;
}

/** The phone's list: overdue first (oldest first), then due, then done. */
export function sortWorkList(items: FollowUpItem[]): FollowUpItem[] {
  const rank = { overdue: 0, due: 1, done: 2 } as const;
  return [...items].sort((a, b) => rank[a.state] - rank[b.state] || a.day.localeCompare(b.day) || a.observation_id - b.observation_id);
}

// ---------------------------------------------------------------- chains

export interface ChainTreeNode {
  id: number;
  node: ChainNode;
  children: ChainTreeNode[];
}

/** The persons a chain reached as a tree (each under the person they were reached through). */
export function chainTree(reached: ChainNode[]): ChainTreeNode[] {
  const byId = new Map<number, ChainTreeNode>();
  for (const n of reached) byId.set(n.person.id, { id: n.person.id, node: n, children: [] });
  const roots: ChainTreeNode[] = [];
  for (const n of reached) {
    const me = byId.get(n.person.id)!;
    const parent = n.parent !== null ? byId.get(n.parent) : undefined;
    if (parent && parent !== me) parent.children.push(me);
    else roots.push(me);
  }
  return roots;
}

// ---------------------------------------------------------------- campaigns

/** Coverage as a percentage with one decimal (the API gives a fraction 0..1). */
export function coveragePercent(fraction: number | null | undefined): number {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 0;
  return Math.round(fraction * 1000) / 10;
}

// ---------------------------------------------------------------- times

/** "YYYY-MM-DDTHH:MM" of the county's today at the clock's current time (the server's "now" in a demo county). */
export function localNow(today: string, now: Date = new Date()): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${today}T${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** "2020-02-12T08:30" -> "08:30" (the day's passages); anything else unchanged. */
export function clockOf(at: string): string {
  const m = /T(\d{2}:\d{2})/.exec(at);
  return m ? m[1] : at;
}

/** Villages' coverage summed per township (a county-wide campaign's chart: 25 bars, not 272). */
export function coverageByTownship(villages: CoverageRow[]): (CoverageRow & { township_code: string })[] {
  const by = new Map<string, CoverageRow & { township_code: string }>();
  for (const v of villages) {
    const code = (v.village_code ?? '').slice(0, 9);
    let row = by.get(code);
    if (!row) {
      row = { township_code: code, households: 0, called: 0, reached: 0, unreachable: 0, with_returnees: 0, with_symptoms: 0, with_needs: 0, coverage: 0 };
      by.set(code, row);
    }
    for (const k of ['households', 'called', 'reached', 'unreachable', 'with_returnees', 'with_symptoms', 'with_needs'] as const) row[k] += v[k];
  }
  const out = [...by.values()];
  for (const r of out) r.coverage = r.households ? r.reached / r.households : 0;
  return out;
}

/** Contact settings and closeness (src/epidemic/vocab.cc). */
export const CONTACT_SETTINGS = ['household', 'meal', 'work', 'transport', 'medical', 'social', 'other'] as const;
export const CLOSENESS = ['close', 'general'] as const;
