// The county is the database's: the region tree is asked for without a root
// (the server answers its county) and countyCode() is that tree's root, so a
// deployment set up for another county with `liangzhan init` (here 攸县,
// 430223) works with no code of Liling in the UI.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countyCode, loadRegions, regionLabel, resetRegions } from '@/lib/regions';

afterEach(() => {
  vi.unstubAllGlobals();
  resetRegions();
});

describe('the county from the server', () => {
  it('loads the tree without ?region= and takes its root as the county', async () => {
    const tree = {
      code: '430223', name: '攸县', level: 'county', division_code: '430223000000', parent_code: null,
      children: [{ code: '430223100', name: '网岭镇', level: 'township', division_code: '430223100000', parent_code: '430223',
        children: [{ code: '430223100201', name: '罗家坪村', level: 'village', division_code: '430223100201', parent_code: '430223100', children: [] }] }],
    };
    const f = vi.fn(async () => new Response(JSON.stringify(tree), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', f);
    expect(countyCode()).toBe('');
    await loadRegions();
    const [url] = f.mock.calls[0] as unknown as [string];
    expect(url).toBe('/api/v1/regions?depth=2');
    expect(countyCode()).toBe('430223');
    expect(regionLabel('430223100201')).toBe('网岭镇 罗家坪村');
  });
});
