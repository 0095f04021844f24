import { describe, expect, it } from 'vitest';
import {
  FEVER_THRESHOLD,
  chainTree,
  clockOf,
  coverageByTownship,
  coveragePercent,
  isFever,
  localNow,
  nextSteps,
  parseTemperature,
  scheduleCounts,
  sortWorkList,
} from '@/lib/epidemic';
import type { ChainNode, FollowUpItem, ScheduleDay } from '@/api/types';

describe('fever threshold', () => {
  it('37.3 °C and above is a fever', () => {
    expect(FEVER_THRESHOLD).toBe(37.3);
    expect(isFever(37.3)).toBe(true);
    expect(isFever(38.0)).toBe(true);
    expect(isFever(37.2)).toBe(false);
    expect(isFever(36.5)).toBe(false);
  });
  it('compares in tenths, so floating-point sums do not miss it', () => {
    expect(isFever(37.1 + 0.2)).toBe(true); // 37.300000000000004
    expect(isFever(37.29999)).toBe(true);
    expect(isFever(37.24)).toBe(false);
  });
  it('nothing is no fever', () => {
    expect(isFever(null)).toBe(false);
    expect(isFever(undefined)).toBe(false);
    expect(isFever(NaN)).toBe(false);
  });
  it('follows a configured threshold', () => {
    expect(isFever(37.3, 37.5)).toBe(false);
    expect(isFever(37.5, 37.5)).toBe(true);
  });
});

describe('temperatures typed on a phone', () => {
  it('accepts full-width digits, a comma, a unit', () => {
    expect(parseTemperature('37.5')).toBe(37.5);
    expect(parseTemperature('３７．５')).toBe(37.5);
    expect(parseTemperature('37,5')).toBe(37.5);
    expect(parseTemperature(' 38 ')).toBe(38);
    expect(parseTemperature('36.8℃')).toBe(36.8);
    expect(parseTemperature('36.8 °C')).toBe(36.8);
  });
  it('empty is null, nonsense is NaN', () => {
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature('   ')).toBeNull();
    expect(parseTemperature('abc')).toBeNaN();
    expect(parseTemperature('375')).toBeNaN();
    expect(parseTemperature('37.55')).toBeNaN();
    expect(parseTemperature('25')).toBeNaN();
    expect(parseTemperature('46')).toBeNaN();
  });
});

describe('case steps', () => {
  it('suspected -> confirmed or excluded; confirmed -> discharged or deceased; the rest are final', () => {
    expect(nextSteps('suspected')).toEqual(['confirmed', 'excluded']);
    expect(nextSteps('confirmed')).toEqual(['discharged', 'deceased']);
    expect(nextSteps('discharged')).toEqual([]);
    expect(nextSteps('deceased')).toEqual([]);
    expect(nextSteps('excluded')).toEqual([]);
  });
});

describe('follow-up schedule states', () => {
  const day = (d: string, state: ScheduleDay['state'], alert = false): ScheduleDay => ({ day: d, state, alert });
  it('counts each state and the alerts', () => {
    const s = [
      day('2020-02-01', 'done'),
      day('2020-02-02', 'done', true),
      day('2020-02-03', 'overdue'),
      day('2020-02-04', 'due'),
      day('2020-02-05', 'planned'),
      day('2020-02-06', 'planned'),
    ];
    expect(scheduleCounts(s)).toEqual({ done: 2, due: 1, overdue: 1, planned: 2, alerts: 1 });
    expect(scheduleCounts([])).toEqual({ done: 0, due: 0, overdue: 0, planned: 0, alerts: 0 });
  });
  it('the work list: overdue (oldest first), then due, then done', () => {
    const item = (id: number, d: string, state: FollowUpItem['state']): FollowUpItem => ({
      observation_id: id, day: d, state, cadre_id: null, region_code: '430281', person: { id },
    });
    const sorted = sortWorkList([
      item(1, '2020-02-12', 'done'),
      item(2, '2020-02-12', 'due'),
      item(3, '2020-02-10', 'overdue'),
      item(4, '2020-02-08', 'overdue'),
    ]);
    expect(sorted.map((x) => x.observation_id)).toEqual([4, 3, 2, 1]);
  });
});

describe('transmission chains', () => {
  const n = (id: number, hops: number, parent: number | null): ChainNode => ({
    person: { id, name: `p${id}` }, hops, parent, contact_id: null, contact_on: null,
  });
  it('nests each person under the one they were reached through', () => {
    const tree = chainTree([n(1, 0, null), n(2, 1, 1), n(3, 1, 1), n(4, 2, 3)]);
    expect(tree.map((x) => x.id)).toEqual([1]);
    expect(tree[0].children.map((x) => x.id)).toEqual([2, 3]);
    expect(tree[0].children[1].children.map((x) => x.id)).toEqual([4]);
  });
  it('a parent not in the list makes a root (nothing is lost)', () => {
    const tree = chainTree([n(1, 0, null), n(5, 2, 99)]);
    expect(tree.map((x) => x.id)).toEqual([1, 5]);
  });
});

describe('formatting', () => {
  it('coverage fraction as a percentage', () => {
    expect(coveragePercent(0.9567)).toBe(95.7);
    expect(coveragePercent(1)).toBe(100);
    expect(coveragePercent(0)).toBe(0);
    expect(coveragePercent(null)).toBe(0);
  });
  it('the county\'s today at the clock\'s time, and the clock of a time', () => {
    expect(localNow('2020-02-12', new Date(2025, 0, 1, 8, 5))).toBe('2020-02-12T08:05');
    expect(clockOf('2020-02-12T08:05')).toBe('08:05');
    expect(clockOf('x')).toBe('x');
  });
});

describe('coverage per township', () => {
  it('sums the villages of each township and recomputes the fraction', () => {
    const v = (code: string, households: number, reached: number) => ({
      village_code: code, households, called: reached, reached, unreachable: 0, with_returnees: 0, with_symptoms: 0, with_needs: 0, coverage: reached / households,
    });
    const rows = coverageByTownship([v('430281126232', 10, 9), v('430281126233', 30, 21), v('430281127001', 5, 5)]);
    expect(rows.map((r) => [r.township_code, r.households, r.reached, r.coverage])).toEqual([
      ['430281126', 40, 30, 0.75],
      ['430281127', 5, 5, 1],
    ]);
  });
});
