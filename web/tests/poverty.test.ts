import { describe, expect, it } from 'vitest';
import {
  CAUSES, CLASSES, CLOSE_METHODS, HOUSING_GRADES, MEASURES, RISK_CATEGORIES, RISK_KINDS, TASK_EVENTS, TASK_STATES, TRIGGERS,
  byUrgency, displayGroup, DISPLAY_GROUPS, fenToInput, formatYuan, groupRules, isActive, povertyLabelKey, RULE_IDS, ruleApiGroup,
  ruleKey, taskActions, taskReason, todayIso, triggerNeedsPerson, yuanToFen, type Actor,
} from '@/lib/poverty';
import type { GapTask, RuleResult, TaskState } from '@/api/types';
import zhCN from '@/i18n/zh-CN';
import front from '@/views/poverty';
import type { Scope } from '@/api/types';

describe('money: fen shown in yuan', () => {
  it('formats fen as yuan with two decimals and grouping', () => {
    expect(formatYuan(940576)).toBe('9,405.76');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(400000)).toBe('4,000.00');
    expect(formatYuan(123456789012)).toBe('1,234,567,890.12');
    expect(formatYuan(-250)).toBe('-2.50');
    expect(formatYuan(940576, 'en')).toBe('9,405.76');
  });
  it('shows a dash for unknown amounts', () => {
    expect(formatYuan(null)).toBe('–');
    expect(formatYuan(undefined)).toBe('–');
    expect(formatYuan(Number.NaN)).toBe('–');
  });
  it('parses typed yuan into fen without float error', () => {
    expect(yuanToFen('9405.76')).toBe(940576);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen(' 80 ')).toBe(8000);
    expect(yuanToFen('80.')).toBe(8000);
    expect(yuanToFen('１２３．４')).toBe(12340);
    expect(yuanToFen('4000元')).toBe(400000);
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('   ')).toBeNull();
    expect(yuanToFen('1.234')).toBeNaN();
    expect(yuanToFen('-5')).toBeNaN();
    expect(yuanToFen('abc')).toBeNaN();
  });
  it('round-trips through the input text', () => {
    for (const fen of [0, 1, 29, 100, 940576, 687146]) expect(yuanToFen(fenToInput(fen))).toBe(fen);
    expect(fenToInput(null)).toBe('');
    expect(fenToInput(940576)).toBe('9405.76');
  });
});

describe('rules grouped as 一超过 / 两不愁 / 三保障 / 饮水安全 / 政策落实 / 数据一致性', () => {
  const apiGroups: Record<string, string> = {
    'income.above_line': 'income_above_line', 'food.secure': 'food', 'clothing.secure': 'clothing',
    'education.enrolment': 'education', 'medical.insurance': 'medical', 'medical.chronic_card': 'medical',
    'housing.safe': 'housing', 'water.safe': 'water',
  };
  const rules: RuleResult[] = RULE_IDS.map((id, i) => ({
    id,
    group: apiGroups[id] ?? id.split('.')[0],
    version: 1,
    description: id,
    outcome: id === 'housing.safe' || id === 'policy.dibao' ? 'gap' : i === 1 ? 'unknown' : 'pass',
  }));
  it('maps the API groups onto the six headings', () => {
    expect(displayGroup('income_above_line')).toBe('income');
    expect(displayGroup('food')).toBe('basic');
    expect(displayGroup('clothing')).toBe('basic');
    expect(displayGroup('education')).toBe('guarantees');
    expect(displayGroup('medical')).toBe('guarantees');
    expect(displayGroup('housing')).toBe('guarantees');
    expect(displayGroup('water')).toBe('water');
    expect(displayGroup('policy')).toBe('policy');
    expect(displayGroup('consistency')).toBe('consistency');
    expect(displayGroup('something_new')).toBe('consistency');
    for (const id of RULE_IDS) expect(ruleApiGroup(id)).toBe(apiGroups[id] ?? id.split('.')[0]);
  });
  it('groups the 17 rules in heading order, keeping the API order inside and counting gaps', () => {
    const g = groupRules(rules);
    expect(g.map((x) => x.group)).toEqual([...DISPLAY_GROUPS]);
    expect(g.map((x) => x.rules.length)).toEqual([1, 2, 4, 1, 4, 5]);
    expect(g.flatMap((x) => x.rules.map((r) => r.id))).toEqual([...RULE_IDS]);
    expect(g.find((x) => x.group === 'guarantees')!.gaps).toBe(1);
    expect(g.find((x) => x.group === 'basic')!.unknown).toBe(1);
    expect(g.find((x) => x.group === 'policy')!.gaps).toBe(1);
    expect(g.find((x) => x.group === 'water')!.gaps).toBe(0);
  });
  it('leaves out empty headings', () => {
    expect(groupRules(rules.filter((r) => r.group === 'water')).map((x) => x.group)).toEqual(['water']);
    expect(groupRules([])).toEqual([]);
  });
  it('every rule, group and vocabulary value has a label in the catalogue', () => {
    const has = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zhCN) !== undefined;
    for (const id of RULE_IDS) expect(has(ruleKey(id)!), id).toBe(true);
    expect(ruleKey('future.rule')).toBeNull();
    for (const g of DISPLAY_GROUPS) expect(has(povertyLabelKey('group', g)!)).toBe(true);
    const vocab: [string, readonly string[]][] = [
      ['cause', CAUSES], ['measure', MEASURES], ['category', RISK_CATEGORIES], ['trigger', TRIGGERS], ['riskKind', RISK_KINDS],
      ['closeMethod', CLOSE_METHODS], ['taskState', TASK_STATES], ['taskEvent', TASK_EVENTS], ['class', CLASSES],
      ['outcome', ['pass', 'gap', 'unknown']], ['visitMode', ['in_person', 'phone']],
      ['apiGroup', ['income_above_line', 'food', 'clothing', 'education', 'medical', 'housing', 'water', 'policy', 'consistency']],
    ];
    for (const [kind, values] of vocab) for (const v of values) expect(has(povertyLabelKey(kind, v)!), `${kind} ${v}`).toBe(true);
    for (const g of HOUSING_GRADES) expect(has(`poverty.data.grades.${g}`)).toBe(true);
    for (const w of ['quality', 'quantity', 'convenience', 'reliability']) expect(has(`poverty.data.water.${w}`)).toBe(true);
    for (const g of [...vocab.find(([k]) => k === 'apiGroup')![1], 'generic']) expect(has(`mobile.fixPreset.${g}`), g).toBe(true);
    expect(povertyLabelKey('rule', 'housing.safe')).toBe('poverty.rules.housing_safe');
    expect(povertyLabelKey('cause', 'nonsense')).toBeNull();
    expect(povertyLabelKey('class', null)).toBeNull();
  });
});

describe('which task actions a user may take', () => {
  const task = (state: TaskState, cadre_id: number | null = 7, region_code = '430281126232003') => ({ state, cadre_id, region_code });
  const paired: Actor = { role: 'paired_cadre', cadre_id: 7, region_prefix: '430281' };
  const otherPaired: Actor = { role: 'paired_cadre', cadre_id: 8, region_prefix: '430281' };
  const officer: Actor = { role: 'township_officer', cadre_id: null, region_prefix: '430281126' };
  const otherOfficer: Actor = { role: 'township_officer', cadre_id: null, region_prefix: '430281002' };
  const admin: Actor = { role: 'county_admin', cadre_id: null, region_prefix: '430281' };
  const village: Actor = { role: 'village_cadre', cadre_id: null, region_prefix: '430281126232' };

  it('the responsible paired cadre records a fix on an open or returned task', () => {
    expect(taskActions(task('open'), paired)).toEqual(['fix']);
    expect(taskActions(task('returned'), paired)).toEqual(['fix']);
    for (const s of ['fixed', 'verified', 'closed_auto'] as TaskState[]) expect(taskActions(task(s), paired)).toEqual([]);
  });
  it('another paired cadre, or a task without a cadre: nothing', () => {
    expect(taskActions(task('open'), otherPaired)).toEqual([]);
    expect(taskActions(task('open', null), paired)).toEqual([]);
    expect(taskActions(task('open', null), { ...paired, cadre_id: null })).toEqual([]);
  });
  it('a township officer of the household\'s township verifies or sends back a fixed task', () => {
    expect(taskActions(task('fixed'), officer)).toEqual(['verify', 'return']);
    for (const s of ['open', 'returned', 'verified', 'closed_auto'] as TaskState[]) expect(taskActions(task(s), officer)).toEqual([]);
    expect(taskActions(task('fixed'), otherOfficer)).toEqual([]);
    expect(taskActions(task('fixed'), { ...officer, region_prefix: '' })).toEqual([]);
  });
  it('county administrators and village cadres only look', () => {
    for (const s of ['open', 'returned', 'fixed', 'verified', 'closed_auto'] as TaskState[]) {
      expect(taskActions(task(s), admin)).toEqual([]);
      expect(taskActions(task(s), village)).toEqual([]);
    }
  });
  it('active states and the cadre\'s order', () => {
    expect(['open', 'returned', 'fixed'].every((s) => isActive(s as TaskState))).toBe(true);
    expect(isActive('verified') || isActive('closed_auto')).toBe(false);
    const mk = (id: number, state: TaskState, deadline: string) => ({ id, state, deadline }) as GapTask;
    const sorted = [mk(1, 'fixed', '2020-02-01'), mk(2, 'open', '2020-03-01'), mk(3, 'returned', '2020-05-01'), mk(4, 'open', '2020-02-19')].sort(byUrgency);
    expect(sorted.map((x) => x.id)).toEqual([3, 4, 2, 1]);
  });
  it('the reason follows the language', () => {
    const r = { reason_zh: '住房不安全', reason_en: 'Housing is not safe' };
    expect(taskReason(r, 'zh-CN')).toBe('住房不安全');
    expect(taskReason(r, 'zh-TW')).toBe('住房不安全');
    expect(taskReason(r, 'en')).toBe('Housing is not safe');
    expect(taskReason({ ...r, reason_en: '' }, 'en')).toBe('住房不安全');
  });
});

describe('dates and triggers', () => {
  it('today as YYYY-MM-DD in local time', () => {
    expect(todayIso(new Date(2020, 1, 12, 23, 59))).toBe('2020-02-12');
    expect(todayIso(new Date(2020, 0, 1, 0, 0))).toBe('2020-01-01');
  });
  it('member triggers need a person', () => {
    expect(triggerNeedsPerson('illness')).toBe(true);
    expect(triggerNeedsPerson('epidemic_quarantine')).toBe(true);
    expect(triggerNeedsPerson('disaster')).toBe(false);
    expect(triggerNeedsPerson('produce_unsold')).toBe(false);
  });
});

describe('poverty navigation', () => {
  const base: Scope = {
    region_prefix: '430281', registry: true, registry_write: true, paired_only: false, full_phone: false, may_reveal: true,
    manage_accounts: false, manage_roles: false, read_audit: false,
  };
  it('county and township see the overview, tasks, overdue, monitoring and visits', () => {
    expect(front.nav('county_admin', base).map((i) => i.key)).toEqual([
      'povertyOverview', 'povertyTasks', 'povertyOverdue', 'povertyMonitoring', 'povertyVisits',
    ]);
  });
  it('a paired cadre sees their tasks and visits only; administrators nothing', () => {
    expect(front.nav('paired_cadre', { ...base, paired_only: true, registry_write: false }).map((i) => i.key)).toEqual([
      'povertyTasks', 'povertyVisits',
    ]);
    expect(front.nav('audit_admin', { ...base, registry: false, registry_write: false })).toEqual([]);
  });
  it('phone routes: my tasks and visits', () => {
    expect(front.phoneRoutes.map((r) => r.path)).toEqual(['tasks', 'visits']);
  });
});
