import { describe, expect, it } from 'vitest';
import { metricValue, sumFigures, withPersons, type RegionFigures } from '@/views/dashboard/figures';

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
});
