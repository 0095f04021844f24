import { describe, expect, it } from 'vitest';
import type { Bulletin, BulletinSeries } from '@/api/types';
import { addDays, figureOf, lastDay, trendLines, trendRange, TREND_FIGURES, isTrendFigure } from '@/lib/trends';

function bulletin(date: string, n: number): Bulletin {
  return {
    date,
    region: { code: '430281', name: '醴陵市' },
    epidemic: {
      confirmed_new: n % 2, confirmed_total: n, discharged_total: 0, in_hospital: n - 1, deaths_total: 0, suspected: 0,
      under_observation: 10 * n, observation_home: 0, observation_centralized: 0, released_total: 0,
      key_persons_total: 100 + n, key_persons_by_category: {}, follow_ups_due: 0, follow_ups_done: 0,
      follow_ups_overdue: 3, days_without_new_case: null, checkpoint_passages: 0, checkpoint_fevers: 1,
    },
    poverty: {
      registered_households: 5, registered_persons: 9, registered_persons_key_persons: 2 * n, registered_persons_infected: 0,
      households_relapse_monitoring: 7, households_relapsed_due_to_epidemic: 0,
    },
    cadres: { village_stationed: 1, paired: 2 },
  };
}
const series: BulletinSeries = {
  region: { code: '430281', name: '醴陵市' },
  from: '2020-02-10',
  to: '2020-02-12',
  days: [bulletin('2020-02-10', 1), bulletin('2020-02-11', 2), bulletin('2020-02-12', 3)],
};

describe('trends', () => {
  it('reads epidemic and poverty figures', () => {
    const b = bulletin('2020-02-12', 4);
    expect(figureOf(b, 'confirmed_total')).toBe(4);
    expect(figureOf(b, 'registered_persons_key_persons')).toBe(8);
    expect(figureOf(b, 'households_relapse_monitoring')).toBe(7);
    expect(figureOf(b, 'checkpoint_fevers')).toBe(1);
    for (const f of TREND_FIGURES) expect(typeof figureOf(b, f)).toBe('number');
    expect(isTrendFigure('in_hospital')).toBe(true);
    expect(isTrendFigure('deaths')).toBe(false);
  });
  it('turns a series into one line per figure over its days', () => {
    const c = trendLines(series, ['confirmed_total', 'under_observation', 'households_relapse_monitoring']);
    expect(c.dates).toEqual(['2020-02-10', '2020-02-11', '2020-02-12']);
    expect(c.lines).toEqual([
      { figure: 'confirmed_total', data: [1, 2, 3] },
      { figure: 'under_observation', data: [10, 20, 30] },
      { figure: 'households_relapse_monitoring', data: [7, 7, 7] },
    ]);
    expect(lastDay(series)?.date).toBe('2020-02-12');
    expect(lastDay({ ...series, days: [] })).toBeNull();
  });
  it('dates missing from a day are from + i', () => {
    const s = { ...series, days: series.days.map((d) => ({ ...d, date: '' })) };
    expect(trendLines(s, []).dates).toEqual(['2020-02-10', '2020-02-11', '2020-02-12']);
  });
  it('ranges: since 2020-01-20 or the last 30 days, at most 367 days', () => {
    expect(trendRange('2020-02-12', 'all')).toEqual({ from: '2020-01-20', to: '2020-02-12' });
    expect(trendRange('2020-02-12', 'last30')).toEqual({ from: '2020-01-14', to: '2020-02-12' });
    expect(trendRange('2022-06-01', 'all')).toEqual({ from: addDays('2022-06-01', -366), to: '2022-06-01' });
    expect(trendRange('2020-01-01', 'all')).toEqual({ from: '2020-01-01', to: '2020-01-01' });
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
  });
});
