// The poverty front's UI logic, as pure functions (unit-tested in
// tests/poverty.test.ts): money in fen shown in yuan, the check's rules
// grouped as 一超过 / 两不愁 / 三保障 / 饮水安全 / 政策落实 / 数据一致性, which
// task actions a user may take, deadlines, and the vocabularies of the API
// (ids as src/poverty/vocab.cc spells them).
import type { GapTask, Outcome, PovertyClass, RuleResult, TaskState } from '@/api/types';

// ---------------------------------------------------------------- money

/** 940576 fen -> "9,405.76" (yuan, two decimals, grouped); null -> "–". */
export function formatYuan(fen: number | null | undefined, locale = 'zh-CN'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '–';
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan.toLocaleString(locale === 'en' ? 'en-US' : locale)}.${cents}`;
}

/** A fen amount as the text of a yuan input ("9405.76"; null -> ""). */
export function fenToInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Parses what a user typed as yuan into fen, without floating-point error:
 * "1,234.5" -> 123450, "  80 " -> 8000, "" -> null (not known); anything else
 * (negative, three decimals, letters) -> NaN.
 */
export function yuanToFen(text: string): number | null {
  const s = text
    .replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s元¥￥]/g, '');
  if (s === '') return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return NaN;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : NaN;
}

// ---------------------------------------------------------------- rules

/** The six headings the check is shown under, in order. */
export const DISPLAY_GROUPS = ['income', 'basic', 'guarantees', 'water', 'policy', 'consistency'] as const;
export type DisplayGroup = (typeof DISPLAY_GROUPS)[number];

/** API rule group -> heading: food and clothing are 两不愁, education, medical and housing 三保障. */
export function displayGroup(apiGroup: string): DisplayGroup {
  switch (apiGroup) {
    case 'income_above_line':
      return 'income';
    case 'food':
    case 'clothing':
      return 'basic';
    case 'education':
    case 'medical':
    case 'housing':
      return 'guarantees';
    case 'water':
      return 'water';
    case 'policy':
      return 'policy';
    default:
      return 'consistency';
  }
}

/** The 17 rules of the check, in the API's order (for filters and charts). */
export const RULE_IDS = [
  'income.above_line',
  'food.secure',
  'clothing.secure',
  'education.enrolment',
  'medical.insurance',
  'medical.chronic_card',
  'housing.safe',
  'water.safe',
  'policy.dibao',
  'policy.disability_subsidy',
  'policy.microcredit_overdue',
  'policy.microcredit_unused',
  'consistency.development_measure',
  'consistency.assistance_close',
  'consistency.unstable_work',
  'consistency.student_labour',
  'consistency.register_years',
] as const;

/** API group of each known rule (the part of the id before the dot, except income). */
export function ruleApiGroup(ruleId: string): string {
  if (ruleId === 'income.above_line') return 'income_above_line';
  return ruleId.split('.')[0] ?? '';
}

/** Catalogue key of a rule's short name ("poverty.rules.housing_safe"), or null for a rule the UI does not know. */
export function ruleKey(ruleId: string): string | null {
  return (RULE_IDS as readonly string[]).includes(ruleId) ? `poverty.rules.${ruleId.replace('.', '_')}` : null;
}

export interface RuleGroupRows<R> {
  group: DisplayGroup;
  rules: R[];
  gaps: number;
  unknown: number;
}

/** Rules under their headings (headings in DISPLAY_GROUPS order, rules in the order given; empty headings left out). */
export function groupRules<R extends Pick<RuleResult, 'group' | 'outcome'>>(rules: R[]): RuleGroupRows<R>[] {
  const by = new Map<DisplayGroup, R[]>();
  for (const r of rules) {
    const g = displayGroup(r.group);
    if (!by.has(g)) by.set(g, []);
    by.get(g)!.push(r);
  }
  return DISPLAY_GROUPS.filter((g) => by.has(g)).map((g) => {
    const rs = by.get(g)!;
    return {
      group: g,
      rules: rs,
      gaps: rs.filter((r) => r.outcome === 'gap').length,
      unknown: rs.filter((r) => r.outcome === 'unknown').length,
    };
  });
}

export const OUTCOME_TAG: Record<Outcome, 'success' | 'danger' | 'warning'> = {
  pass: 'success',
  gap: 'danger',
  unknown: 'warning',
};
export const CLASS_TAG: Record<PovertyClass, 'success' | 'warning' | 'danger'> = {
  stable: 'success',
  consolidate: 'warning',
  key_support: 'danger',
};
export const CLASS_COLOUR: Record<PovertyClass, string> = {
  stable: '#2e7d32',
  consolidate: '#ef6c00',
  key_support: '#c62828',
};
export const CLASSES: PovertyClass[] = ['stable', 'consolidate', 'key_support'];

// ---------------------------------------------------------------- tasks

export const TASK_STATES: TaskState[] = ['open', 'returned', 'fixed', 'verified', 'closed_auto'];
/** Tag colours: open red, returned amber, awaiting verification grey, settled green. */
export const TASK_STATE_TAG: Record<TaskState, 'danger' | 'warning' | 'success' | 'info'> = {
  open: 'danger',
  returned: 'warning',
  fixed: 'info',
  verified: 'success',
  closed_auto: 'success',
};
/** Open, returned and fixed-awaiting-verification tasks are not settled. */
export function isActive(state: TaskState): boolean {
  return state === 'open' || state === 'returned' || state === 'fixed';
}

export type TaskAction = 'fix' | 'verify' | 'return';

export interface Actor {
  role: string;
  cadre_id: number | null;
  /** The user's jurisdiction (scope.region_prefix). */
  region_prefix: string;
}

/**
 * What this user may do to this task now (the server's transition table,
 * src/poverty/tasks.cc): the household's responsible paired cadre records a
 * fix on an open or returned task; a township officer of the household's
 * township verifies a fixed task or sends it back. Nobody else acts.
 */
export function taskActions(task: Pick<GapTask, 'state' | 'cadre_id' | 'region_code'>, who: Actor): TaskAction[] {
  if (who.role === 'paired_cadre') {
    const mine = who.cadre_id !== null && task.cadre_id !== null && who.cadre_id === task.cadre_id;
    return mine && (task.state === 'open' || task.state === 'returned') ? ['fix'] : [];
  }
  if (who.role === 'township_officer') {
    const covers = who.region_prefix.length > 0 && task.region_code.startsWith(who.region_prefix);
    return covers && task.state === 'fixed' ? ['verify', 'return'] : [];
  }
  return [];
}

/** The reason of a task in the UI's language. */
export function taskReason(task: Pick<GapTask, 'reason_zh' | 'reason_en'>, locale: string): string {
  return locale === 'en' && task.reason_en ? task.reason_en : task.reason_zh;
}

/** Sort for a cadre's list: returned first, then open, then awaiting verification; by deadline within. */
export function byUrgency(a: GapTask, b: GapTask): number {
  const rank = (s: TaskState) => ({ returned: 0, open: 1, fixed: 2, verified: 3, closed_auto: 4 })[s];
  return rank(a.state) - rank(b.state) || a.deadline.localeCompare(b.deadline) || a.id - b.id;
}

// ---------------------------------------------------------------- dates

/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); NaN when either is missing. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number {
  if (!from || !to) return NaN;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86400000);
}

// ---------------------------------------------------------------- vocabularies

export const CAUSES = [
  'illness', 'disability', 'schooling', 'disaster', 'land', 'water', 'skills', 'labour', 'capital', 'transport', 'drive',
  'other',
] as const;
export const MEASURES = [
  'industry', 'employment', 'skills_training', 'microcredit', 'welfare_post', 'produce_matching', 'dibao', 'tekun',
  'medical_aid', 'housing_renovation', 'education_aid', 'disability_subsidy', 'other',
] as const;
export const RISK_CATEGORIES = ['unstable_lifted', 'marginal_at_risk', 'sudden_hardship'] as const;
export const TRIGGERS = [
  'illness', 'disability', 'disaster', 'accident', 'job_loss', 'business_failure', 'epidemic_quarantine',
  'epidemic_infection', 'produce_unsold',
] as const;
export const RISK_KINDS = [
  'illness', 'disability', 'schooling', 'disaster', 'accident', 'business_failure', 'unstable_work', 'labour_shortage',
  'epidemic', 'other',
] as const;
export const CLOSE_METHODS = ['assistance', 'income_recovered', 'other'] as const;
export const HOUSING_GRADES = ['A', 'B', 'C', 'D'] as const;
export const TASK_EVENTS = ['open', 'record_fix', 'verify', 'send_back', 'auto_close', 'reopen'] as const;

/** Triggers that happen to one member: the case names the person (src/poverty/vocab.h). */
export function triggerNeedsPerson(trigger: string): boolean {
  return ['illness', 'disability', 'accident', 'epidemic_quarantine', 'epidemic_infection'].includes(trigger);
}

/** Catalogue key of a poverty vocabulary value, or null (then show the id). */
export function povertyLabelKey(kind: string, value: string | null | undefined): string | null {
  if (!value) return null;
  const lists: Record<string, readonly string[]> = {
    cause: CAUSES,
    measure: MEASURES,
    category: RISK_CATEGORIES,
    trigger: TRIGGERS,
    riskKind: RISK_KINDS,
    closeMethod: CLOSE_METHODS,
    taskState: TASK_STATES,
    taskEvent: TASK_EVENTS,
    class: CLASSES,
    outcome: ['pass', 'gap', 'unknown'],
    group: DISPLAY_GROUPS,
    apiGroup: ['income_above_line', 'food', 'clothing', 'education', 'medical', 'housing', 'water', 'policy', 'consistency'],
    visitMode: ['in_person', 'phone'],
  };
  if (kind === 'rule') return ruleKey(value);
  return lists[kind]?.includes(value) ? `poverty.${kind}.${value}` : null;
}
