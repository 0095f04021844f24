// The dashboard's trends: figures of the daily bulletin over a range of days
// (GET /api/v1/bulletin/series), turned into chart lines. Pure logic, tested in
// tests/trends.test.ts.
import type { Bulletin, BulletinSeries } from '@/api/types';

/** The figures a user may chart, with where they sit in a bulletin. */
export const TREND_FIGURES = [
  'confirmed_total',
  'confirmed_new',
  'in_hospital',
  'under_observation',
  'key_persons_total',
  'follow_ups_overdue',
  'checkpoint_fevers',
  'registered_persons_key_persons',
  'households_relapse_monitoring',
] as const;
export type TrendFigure = (typeof TREND_FIGURES)[number];

const POVERTY: ReadonlySet<TrendFigure> = new Set(['registered_persons_key_persons', 'households_relapse_monitoring']);

/** The figures shown until the user picks others. */
export const DEFAULT_FIGURES: TrendFigure[] = ['confirmed_total', 'in_hospital', 'under_observation'];

/** The day the epidemic front's records start (the first bulletin of the trends). */
export const TRENDS_START = '2020-01-20';

export function figureOf(b: Bulletin, f: TrendFigure): number {
  const v = POVERTY.has(f)
    ? (b.poverty as unknown as Record<string, unknown>)[f]
    : (b.epidemic as unknown as Record<string, unknown>)[f];
  return typeof v === 'number' ? v : 0;
}

export function isTrendFigure(s: string): s is TrendFigure {
  return (TREND_FIGURES as readonly string[]).includes(s);
}

/** Days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export function addDays(iso: string, n: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000);
  return d.toISOString().slice(0, 10);
}

export type TrendRange = 'all' | 'last30';

/**
 * The days to ask for: from 2020-01-20 (or the last 30 days) to today; never
 * more than the server's 367 days, and never a from after the to.
 */
export function trendRange(today: string, range: TrendRange): { from: string; to: string } {
  let from = range === 'last30' ? addDays(today, -29) : TRENDS_START;
  if (daysBetween(from, today) > 366) from = addDays(today, -366);
  if (daysBetween(from, today) < 0) from = today;
  return { from, to: today };
}

export interface TrendLines {
  dates: string[];
  lines: { figure: TrendFigure; data: number[] }[];
}

/** The chart's x axis (days[i] is from + i) and one line per chosen figure. */
export function trendLines(s: BulletinSeries, figures: readonly TrendFigure[]): TrendLines {
  const dates = s.days.map((b, i) => b.date || addDays(s.from, i));
  return { dates, lines: figures.map((figure) => ({ figure, data: s.days.map((b) => figureOf(b, figure)) })) };
}

/** The last day's figures (the county's today at the end of the range). */
export function lastDay(s: BulletinSeries): Bulletin | null {
  return s.days.length ? s.days[s.days.length - 1] : null;
}
