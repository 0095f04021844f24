// The livelihood front's UI logic, pure so it is unit-tested
// (web/tests/livelihood.test.ts): the purchase amount by the server's one
// rounding rule, jin/yuan/quantity formatting, the bulletin's figures, who
// sees which page, and where an enterprise account or a purchase-point
// operator lands after sign-in.
import type { NavItem } from '@/lib/nav';
import type { LivelihoodBulletin, LivelihoodScope, Quantity } from '@/api/livelihood';
import type { Scope } from '@/api/types';

// ---------------------------------------------------------------- units

export const GRAMS_PER_JIN = 500;

/** Jin as typed -> grams, as the server does (llround(jin x 500)); null if not a weight. */
export function jinToGrams(jin: number | null | undefined): number | null {
  if (jin === null || jin === undefined || !Number.isFinite(jin) || jin < 0 || jin > 1e9) return null;
  return Math.round(jin * GRAMS_PER_JIN);
}

/** Yuan as typed -> fen (llround(yuan x 100)); null if not an amount. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan) || yuan < 0 || yuan > 1e12) return null;
  return Math.round(yuan * 100);
}

/**
 * The server's amount rule (livelihood/units.h): grams x fen-per-jin / 500,
 * rounded to the nearest fen, halves up; exact in integers.
 */
export function amountFen(grams: number, fenPerJin: number): number {
  const num = BigInt(grams) * BigInt(fenPerJin);
  return Number((2n * num + BigInt(GRAMS_PER_JIN)) / BigInt(2 * GRAMS_PER_JIN));
}

/** The amount in yuan of `jin` at `price` yuan a jin, or null while either is missing. */
export function purchaseAmount(jin: number | null | undefined, price: number | null | undefined): number | null {
  const g = jinToGrams(jin);
  const f = yuanToFen(price);
  if (g === null || f === null) return null;
  return amountFen(g, f) / 100;
}

function localeTag(locale: string): string {
  return locale === 'en' ? 'en-US' : locale;
}

/** 1234.5 -> "1,234.5" (up to 3 decimals, as the API's jin). */
export function formatJin(jin: number | null | undefined, locale = 'zh-CN'): string {
  if (jin === null || jin === undefined || !Number.isFinite(jin)) return '–';
  return jin.toLocaleString(localeTag(locale), { maximumFractionDigits: 3 });
}

/** 1234.5 -> "1,234.50" (always 2 decimals). */
export function formatYuan(yuan: number | null | undefined, locale = 'zh-CN'): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '–';
  return yuan.toLocaleString(localeTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A supply quantity in its unit, up to 3 decimals. */
export function formatQuantity(q: Quantity | null | undefined, unitLabel: (unit: string) => string, locale = 'zh-CN'): string {
  if (!q) return '–';
  return `${formatJin(q.quantity, locale)} ${unitLabel(q.unit)}`.trim();
}

/** The price of `kind` in a price list (the purchase form's prefill). */
export function priceOf(prices: { kind: string; price: number }[], kind: string): number | null {
  return prices.find((p) => p.kind === kind)?.price ?? null;
}

// ---------------------------------------------------------------- bulletin

export type FigureKey =
  | 'produce_bought_jin_today'
  | 'produce_bought_jin_total'
  | 'paid_to_poor_households_yuan_total'
  | 'produce_unsold_jin'
  | 'poor_labourers_placed'
  | 'welfare_posts_filled'
  | 'enterprises_resumed';

export interface Figure {
  key: string;
  value: number;
  /** 'jin' | 'yuan' | 'count' or a supply unit. */
  unit: string;
  /** A supply item id (its label comes from the catalogue). */
  item?: string;
}

export const FIGURE_KEYS: { key: FigureKey; unit: string }[] = [
  { key: 'produce_bought_jin_today', unit: 'jin' },
  { key: 'produce_bought_jin_total', unit: 'jin' },
  { key: 'paid_to_poor_households_yuan_total', unit: 'yuan' },
  { key: 'produce_unsold_jin', unit: 'jin' },
  { key: 'poor_labourers_placed', unit: 'count' },
  { key: 'welfare_posts_filled', unit: 'count' },
  { key: 'enterprises_resumed', unit: 'count' },
];

/** The bulletin's livelihood section as a row of figures, supplies last (in the server's item order). */
export function livelihoodFigures(s: LivelihoodBulletin | null | undefined): Figure[] {
  if (!s) return [];
  const out: Figure[] = FIGURE_KEYS.filter((f) => typeof s[f.key] === 'number').map((f) => ({
    key: f.key,
    value: s[f.key],
    unit: f.unit,
  }));
  for (const [item, q] of Object.entries(s.supplies_distributed ?? {}))
    if (q && typeof q.quantity === 'number') out.push({ key: `supplies.${item}`, value: q.quantity, unit: q.unit, item });
  return out;
}

/** A figure's text: yuan with 2 decimals, jin and quantities up to 3. */
export function figureText(f: Figure, locale = 'zh-CN'): string {
  if (f.unit === 'yuan') return formatYuan(f.value, locale);
  if (f.unit === 'count') return f.value.toLocaleString(localeTag(locale));
  return formatJin(f.value, locale);
}

// ---------------------------------------------------------------- roles

const lh = (s: Scope) => s as LivelihoodScope;

export function isEnterpriseAccount(role: string, scope: Scope): boolean {
  return role === 'enterprise' && !!lh(scope).enterprise_id;
}
export function isPointOperator(role: string, scope: Scope): boolean {
  return role === 'purchase_point_operator' && !!lh(scope).purchase_point_id;
}
/** The livelihood lists of a region (not a paired cadre's own households only). */
export function seesLivelihoodArea(scope: Scope): boolean {
  return !!lh(scope).livelihood && !scope.paired_only;
}

/** Where an enterprise account or a purchase-point operator lands after sign-in (null: the usual home). */
export function livelihoodHome(role: string, scope: Scope): string | null {
  if (isEnterpriseAccount(role, scope)) return `/livelihood/enterprises/${lh(scope).enterprise_id}`;
  if (isPointOperator(role, scope)) return `/livelihood/purchase-points/${lh(scope).purchase_point_id}/purchase`;
  return null;
}

/**
 * What a livelihood route needs:
 * - area: the region's lists (county, township, village users);
 * - write: listing produce, registering labourers (village and paired cadres too);
 * - command: county and township users (points, placements, approvals, distributions);
 * - point: a purchase point's pages (command users, or the point's operator);
 * - enterprise: an enterprise's pages (area users, or that enterprise's account).
 */
export type LivelihoodNeed = 'area' | 'write' | 'command' | 'point' | 'enterprise';

export function livelihoodAllowed(need: LivelihoodNeed, role: string, scope: Scope, id?: number): boolean {
  const s = lh(scope);
  switch (need) {
    case 'area':
      return seesLivelihoodArea(scope);
    case 'write':
      return !!s.livelihood && !!s.livelihood_write;
    case 'command':
      return seesLivelihoodArea(scope) && !!s.livelihood_command;
    case 'point':
      if (isPointOperator(role, scope)) return id === undefined || id === s.purchase_point_id;
      return seesLivelihoodArea(scope);
    case 'enterprise':
      if (role === 'enterprise') return isEnterpriseAccount(role, scope) && (id === undefined || id === s.enterprise_id);
      return seesLivelihoodArea(scope);
  }
}

/** The livelihood front's menu. */
export function livelihoodNav(role: string, scope: Scope): NavItem[] {
  const s = lh(scope);
  if (isEnterpriseAccount(role, scope))
    return [{ key: 'myEnterprise', to: `/livelihood/enterprises/${s.enterprise_id}`, label: 'livelihood.nav.myEnterprise', icon: 'house' }];
  if (isPointOperator(role, scope))
    return [
      { key: 'purchaseForm', to: `/livelihood/purchase-points/${s.purchase_point_id}/purchase`, label: 'livelihood.nav.purchaseForm', icon: 'plus' },
      { key: 'myPoint', to: `/livelihood/purchase-points/${s.purchase_point_id}`, label: 'livelihood.nav.myPoint', icon: 'house' },
    ];
  if (!s.livelihood) return [];
  const items: NavItem[] = [];
  const g = 'fronts.livelihood';
  items.push({ key: 'lhListings', to: '/livelihood/listings', label: 'livelihood.nav.listings', icon: 'tasks', group: g });
  if (!seesLivelihoodArea(scope)) {
    items.push({ key: 'lhLabourers', to: '/livelihood/labourers', label: 'livelihood.nav.labourers', icon: 'user', group: g });
    return items;
  }
  items.push({ key: 'lhPoints', to: '/livelihood/purchase-points', label: 'livelihood.nav.points', icon: 'checkpoint', group: g });
  items.push({ key: 'lhPurchases', to: '/livelihood/purchases', label: 'livelihood.nav.purchases', icon: 'tasks', group: g });
  items.push({ key: 'lhUnsold', to: '/livelihood/unsold', label: 'livelihood.nav.unsold', icon: 'warning', group: g });
  items.push({ key: 'lhLabourers', to: '/livelihood/labourers', label: 'livelihood.nav.labourers', icon: 'user', group: g });
  items.push({ key: 'lhPostings', to: '/livelihood/postings', label: 'livelihood.nav.postings', icon: 'flag', group: g });
  items.push({ key: 'lhPlacements', to: '/livelihood/placements', label: 'livelihood.nav.placements', icon: 'link', group: g });
  items.push({ key: 'lhWelfare', to: '/livelihood/welfare-posts', label: 'livelihood.nav.welfare', icon: 'cadre', group: g });
  items.push({ key: 'lhEnterprises', to: '/livelihood/enterprises', label: 'livelihood.nav.enterprises', icon: 'house', group: g });
  items.push({ key: 'lhSupplies', to: '/livelihood/supplies', label: 'livelihood.nav.supplies', icon: 'calendar', group: g });
  return items;
}

// ---------------------------------------------------------------- enterprises

export const CHECKLIST_ITEMS = ['masks', 'thermometers', 'disinfectant', 'entry_checks', 'disinfection', 'separate_meals', 'workers_health'] as const;

/** The fever line of the epidemic front (37.3 °C), used to flag a reading as typed. */
export const FEVER_LINE = 37.3;
export function isFever(t: number | null | undefined, symptoms: string[] = []): boolean {
  return (typeof t === 'number' && Math.round(t * 10) >= Math.round(FEVER_LINE * 10)) || symptoms.length > 0;
}

/** The resumption steps an enterprise or a township user may take now. */
export function resumptionActions(state: string | undefined, command: boolean): { edit: boolean; submit: boolean; decide: boolean } {
  const open = state === 'draft' || state === 'returned';
  return { edit: open, submit: open, decide: command && state === 'submitted' };
}

/** The public township page (server-rendered, no sign-in) to share with the WeChat group. */
export function publicProducePath(townshipCode: string): string {
  return `/api/v1/public/townships/${townshipCode}/produce.html`;
}
