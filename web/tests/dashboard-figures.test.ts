import { describe, expect, it } from 'vitest';
import { childRows, metricValue, sumFigures, withPersons, type RegionFigures } from '@/views/dashboard/figures';
import type { BulletinOfRegion, BulletinRegions, RegionNode } from '@/api/types';

const rows: RegionFigures[] = [
  { code: '430281002', name: '阳三石街道', households: 10, poor: 2, persons: null },
  { code: '430281003', name: '来龙门街道', households: 5, poor: 0, persons: null },
];

describe('dashboard figures', () => {
  it('sums the children for the headline; persons stay unknown until every child has them', () => {
    expect(sumFigures('430281', '醴陵市', rows)).toEqual({ code: '430281', name: '醴陵市', households: 15, poor: 2, persons: null });
    const full = withPersons(rows, [31, 12]);
    expect(full.map((r) => r.persons)).toEqual([31, 12]);
    expect(rows[0].persons).toBeNull(); // the first rows are not changed
    expect(sumFigures('430281', '醴陵市', full).persons).toBe(43);
    expect(sumFigures('430281', '醴陵市', []).households).toBe(0);
  });
  it('colours the map by 0 persons while they are being counted', () => {
    expect(metricValue(rows[0], 'persons')).toBe(0);
    expect(metricValue(rows[0], 'poorShare')).toBe(20);
  });
  it('takes every child row from one GET /bulletin/regions answer, in the tree order', () => {
    const kids = [
      { code: '430281002', name: '阳三石街道', level: 'township' },
      { code: '430281003', name: '来龙门街道', level: 'township' },
      { code: '430281004', name: '空的', level: 'township' },
    ] as unknown as RegionNode[];
    const of = (code: string, households: number, persons: number, poor: number) =>
      ({ region: { code, name: '' }, level: 'township', registry: { households, persons, poor_households: poor } }) as unknown as BulletinOfRegion;
    const answer: BulletinRegions = { date: '2020-02-12', region: { code: '430281', name: '醴陵市' }, regions: [of('430281003', 5, 12, 0), of('430281002', 10, 31, 2)] };
    const r = childRows(kids, answer);
    expect(r.map((x) => [x.code, x.households, x.poor, x.persons])).toEqual([
      ['430281002', 10, 2, 31],
      ['430281003', 5, 0, 12],
      ['430281004', 0, 0, 0],
    ]);
    expect(sumFigures('430281', '醴陵市', r)).toEqual({ code: '430281', name: '醴陵市', households: 15, poor: 2, persons: 43 });
  });
});
