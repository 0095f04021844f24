// The livelihood front's UI logic: the purchase amount by the server's rule,
// jin/yuan formatting, the bulletin's figures, navigation and landing pages
// by role, route access, checklist actions.
import { describe, expect, it } from 'vitest';
import type { Scope } from '@/api/types';
import {
  amountFen,
  figureText,
  formatJin,
  formatYuan,
  isFever,
  jinToGrams,
  livelihoodAllowed,
  livelihoodFigures,
  livelihoodHome,
  livelihoodNav,
  priceOf,
  publicProducePath,
  purchaseAmount,
  resumptionActions,
  yuanToFen,
} from '@/views/livelihood/lib';
import { homeFor, navFor } from '@/lib/nav';

const base: Scope = {
  region_prefix: '430281',
  registry: false,
  registry_write: false,
  paired_only: false,
  full_phone: false,
  may_reveal: false,
  manage_accounts: false,
  manage_roles: false,
  read_audit: false,
};
const county = { ...base, registry: true, registry_write: true, livelihood: true, livelihood_write: true, livelihood_command: true } as Scope;
const village = { ...base, region_prefix: '430281126201', registry: true, livelihood: true, livelihood_write: true } as Scope;
const paired = { ...base, registry: true, paired_only: true, livelihood: true, livelihood_write: true } as Scope;
const enterprise = { ...base, region_prefix: '', enterprise_id: 42 } as Scope;
const operator = { ...base, region_prefix: '', purchase_point_id: 7 } as Scope;

describe('purchase amount (livelihood/units.h: grams x fen-per-jin / 500, halves up)', () => {
  it('converts jin and yuan as the server does', () => {
    expect(jinToGrams(37.5)).toBe(18750);
    expect(jinToGrams(0.001)).toBe(1); // 0.5 g rounds up
    expect(jinToGrams(-1)).toBeNull();
    expect(jinToGrams(null)).toBeNull();
    expect(yuanToFen(2.5)).toBe(250);
    expect(yuanToFen(1.15)).toBe(115);
    expect(yuanToFen(Number.NaN)).toBeNull();
  });
  it('rounds the amount to the nearest fen, halves up', () => {
    expect(amountFen(500, 250)).toBe(250); // 1 jin at 2.50
    expect(amountFen(1, 1)).toBe(0); // 0.002 fen
    expect(amountFen(250, 1)).toBe(1); // exactly half a fen rounds up
    expect(amountFen(249, 1)).toBe(0);
    expect(purchaseAmount(37.5, 1.2)).toBe(45);
    expect(purchaseAmount(33.333, 1.15)).toBe(38.33);
    expect(purchaseAmount(0.5, 0.01)).toBe(0.01); // 0.005 yuan -> 1 fen
    expect(purchaseAmount(100, null)).toBeNull();
    expect(purchaseAmount(null, 1)).toBeNull();
  });
  it('stays exact for large weights', () => {
    expect(amountFen(500_000_000_000, 99_999)).toBe(99_999_000_000_000);
  });
  it('prefills the price of the kind from the day\'s list', () => {
    const prices = [{ kind: 'cabbage', price: 0.8 }, { kind: 'radish', price: 0.6 }];
    expect(priceOf(prices, 'radish')).toBe(0.6);
    expect(priceOf(prices, 'tea')).toBeNull();
  });
});

describe('formatting', () => {
  it('jin up to 3 decimals, yuan with 2', () => {
    expect(formatJin(12345.5, 'zh-CN')).toBe('12,345.5');
    expect(formatJin(0.1234, 'en')).toBe('0.123');
    expect(formatJin(null)).toBe('–');
    expect(formatYuan(3000, 'en')).toBe('3,000.00');
    expect(formatYuan(0.5, 'zh-CN')).toBe('0.50');
    expect(formatYuan(undefined)).toBe('–');
  });
});

describe('the bulletin\'s livelihood section', () => {
  const s = {
    produce_bought_jin_today: 9876.5,
    produce_bought_jin_total: 123456,
    paid_to_poor_households_yuan_total: 4567.8,
    produce_unsold_jin: 321,
    poor_labourers_placed: 12,
    welfare_posts_filled: 34,
    enterprises_resumed: 56,
    supplies_distributed: { seed: { quantity: 1500.5, unit: 'jin' }, sprayer: { quantity: 20, unit: 'piece' } },
  };
  it('is a row of figures, supplies last', () => {
    const f = livelihoodFigures(s);
    expect(f.map((x) => x.key)).toEqual([
      'produce_bought_jin_today',
      'produce_bought_jin_total',
      'paid_to_poor_households_yuan_total',
      'produce_unsold_jin',
      'poor_labourers_placed',
      'welfare_posts_filled',
      'enterprises_resumed',
      'supplies.seed',
      'supplies.sprayer',
    ]);
    expect(f[7]).toEqual({ key: 'supplies.seed', value: 1500.5, unit: 'jin', item: 'seed' });
    expect(livelihoodFigures(null)).toEqual([]);
  });
  it('formats each figure by its unit', () => {
    const f = livelihoodFigures(s);
    expect(figureText(f[0], 'en')).toBe('9,876.5');
    expect(figureText(f[2], 'en')).toBe('4,567.80');
    expect(figureText(f[4], 'en')).toBe('12');
  });
});

describe('roles', () => {
  it('an enterprise account lands on its enterprise and sees only it', () => {
    expect(livelihoodHome('enterprise', enterprise)).toBe('/livelihood/enterprises/42');
    expect(homeFor('enterprise', enterprise)).toBe('/livelihood/enterprises/42');
    expect(navFor('enterprise', enterprise, [{ nav: livelihoodNav }]).map((i) => i.to)).toEqual(['/livelihood/enterprises/42']);
    expect(livelihoodAllowed('enterprise', 'enterprise', enterprise, 42)).toBe(true);
    expect(livelihoodAllowed('enterprise', 'enterprise', enterprise, 43)).toBe(false);
    expect(livelihoodAllowed('area', 'enterprise', enterprise)).toBe(false);
    expect(livelihoodAllowed('point', 'enterprise', enterprise, 7)).toBe(false);
  });
  it('a purchase-point operator lands on their point\'s purchase form', () => {
    expect(homeFor('purchase_point_operator', operator)).toBe('/livelihood/purchase-points/7/purchase');
    expect(livelihoodNav('purchase_point_operator', operator).map((i) => i.to)).toEqual([
      '/livelihood/purchase-points/7/purchase',
      '/livelihood/purchase-points/7',
    ]);
    expect(livelihoodAllowed('point', 'purchase_point_operator', operator, 7)).toBe(true);
    expect(livelihoodAllowed('point', 'purchase_point_operator', operator, 8)).toBe(false);
    expect(livelihoodAllowed('area', 'purchase_point_operator', operator)).toBe(false);
  });
  it('county users see the whole front; village cadres list produce and labourers; paired cadres their own', () => {
    expect(livelihoodHome('county_admin', county)).toBeNull();
    expect(homeFor('county_admin', county)).toBe('/dashboard');
    const keys = livelihoodNav('county_admin', county).map((i) => i.key);
    expect(keys).toContain('lhPoints');
    expect(keys).toContain('lhEnterprises');
    expect(keys).toContain('lhSupplies');
    expect(livelihoodAllowed('command', 'county_admin', county)).toBe(true);
    expect(livelihoodAllowed('command', 'village_cadre', village)).toBe(false);
    expect(livelihoodAllowed('area', 'village_cadre', village)).toBe(true);
    expect(livelihoodAllowed('write', 'paired_cadre', paired)).toBe(true);
    expect(livelihoodAllowed('area', 'paired_cadre', paired)).toBe(false);
    expect(livelihoodNav('paired_cadre', paired).map((i) => i.key)).toEqual(['lhListings', 'lhLabourers']);
    expect(livelihoodNav('audit_admin', base)).toEqual([]);
  });
});

describe('work resumption', () => {
  it('flags a fever at 37.3 °C or with a symptom', () => {
    expect(isFever(37.3)).toBe(true);
    expect(isFever(37.2)).toBe(false);
    expect(isFever(36.5, ['cough'])).toBe(true);
    expect(isFever(null)).toBe(false);
  });
  it('offers the steps of the state', () => {
    expect(resumptionActions('draft', false)).toEqual({ edit: true, submit: true, decide: false });
    expect(resumptionActions('returned', true)).toEqual({ edit: true, submit: true, decide: false });
    expect(resumptionActions('submitted', true)).toEqual({ edit: false, submit: false, decide: true });
    expect(resumptionActions('submitted', false)).toEqual({ edit: false, submit: false, decide: false });
    expect(resumptionActions('approved', true)).toEqual({ edit: false, submit: false, decide: false });
  });
  it('links the public township page', () => {
    expect(publicProducePath('430281103')).toBe('/api/v1/public/townships/430281103/produce.html');
  });
});
