import { describe, expect, it } from 'vitest';
import { cascaderOptions, cascaderPath } from '@/lib/regions';
import { diffRecords } from '@/lib/diff';
import { shortName, metricValue } from '@/views/dashboard/figures';
import type { RegionNode } from '@/api/types';

const v = (code: string, name: string): RegionNode => ({ code, name, level: 'village', division_code: code, parent_code: code.slice(0, 9), children: [] });
const tree: RegionNode = {
  code: '430281', name: '醴陵市', level: 'county', division_code: '430281000000', parent_code: null,
  children: [
    { code: '430281126', name: '官庄镇', level: 'township', division_code: '', parent_code: '430281', children: [v('430281126232', '瓦子坪村')] },
    { code: '430281129', name: '沩山镇', level: 'township', division_code: '', parent_code: '430281', children: [v('430281129201', '沩山村')] },
  ],
};

describe('region cascader', () => {
  it('starts at the townships for the county', () => {
    const o = cascaderOptions(tree, '430281');
    expect(o.map((x) => x.label)).toEqual(['官庄镇', '沩山镇']);
    expect(o[0].children?.[0]).toEqual({ value: '430281126232', label: '瓦子坪村' });
  });
  it('starts at the township or village of a narrower jurisdiction', () => {
    expect(cascaderOptions(tree, '430281126').map((x) => x.value)).toEqual(['430281126']);
    expect(cascaderOptions(tree, '430281126232')).toEqual([{ value: '430281126232', label: '瓦子坪村' }]);
    expect(cascaderOptions(null, '430281')).toEqual([]);
  });
  it('gives the path of a code', () => {
    expect(cascaderPath('430281126232', '430281')).toEqual(['430281126', '430281126232']);
    expect(cascaderPath('430281126232003', '430281')).toEqual(['430281126', '430281126232']);
    expect(cascaderPath('430281126232', '430281126')).toEqual(['430281126', '430281126232']);
    expect(cascaderPath('', '430281')).toEqual([]);
  });
});

describe('audit diff', () => {
  it('lists changed fields', () => {
    const rows = diffRecords({ address: 'A', phone: '1', version: 1 }, { address: 'B', phone: '1', version: 2 }, true);
    expect(rows).toEqual([
      { field: 'address', before: 'A', after: 'B', changed: true },
      { field: 'version', before: '1', after: '2', changed: true },
    ]);
  });
  it('handles create (no before), nested members and removed fields', () => {
    const c = diffRecords(null, { name: 'x' });
    expect(c).toEqual([{ field: 'name', before: '', after: 'x', changed: true }]);
    const m = diffRecords({ members: [{ name: 'a' }], gone: 1 }, { members: [{ name: 'b' }] }, true);
    expect(m.map((r) => r.field)).toEqual(['members[0].name', 'gone']);
    expect(diffRecords({ a: 1 }, { a: 1 }, true)).toEqual([]);
    expect(diffRecords({ kinds: ['paired'] }, { kinds: ['paired', 'poverty_officer'] }, true)[0].after).toBe('["paired","poverty_officer"]');
  });
});

describe('dashboard helpers', () => {
  it('shorten names for charts', () => {
    expect(shortName('官庄镇')).toBe('官庄');
    expect(shortName('国瓷街道')).toBe('国瓷');
    expect(shortName('湖南醴陵经济开发区')).toBe('经开区');
    expect(shortName('沩山村')).toBe('沩山');
    expect(shortName('李村')).toBe('李村');
  });
  it('shorten any county\'s zones: no province or county name in front, 经开区 / 高新区', () => {
    expect(shortName('湖南醴陵经济开发区', '醴陵市')).toBe('经开区');
    expect(shortName('湖南攸县经济开发区', '攸县')).toBe('经开区');
    expect(shortName('湖南省攸县经济技术开发区')).toBe('经开区');
    expect(shortName('湖南攸县高新技术产业开发区', '攸县')).toBe('高新区');
    expect(shortName('湖南攸县工业园区', '攸县')).toBe('工业园区');
    expect(shortName('湖南省醴陵工业园区', '醴陵市')).toBe('工业园区');
    expect(shortName('广西壮族自治区某县工业园区', '某县')).toBe('工业园区');
    expect(shortName('湖南镇', '攸县')).toBe('湖南'); // a town named like a province stays a town
  });
  it('compute the share of poor households', () => {
    const r = { code: 'x', name: 'x', households: 200, poor: 7, persons: 600 };
    expect(metricValue(r, 'poorShare')).toBe(3.5);
    expect(metricValue({ ...r, households: 0 }, 'poorShare')).toBe(0);
    expect(metricValue(r, 'poor')).toBe(7);
  });
});
