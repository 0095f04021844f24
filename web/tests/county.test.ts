// The county is the database's: the region tree is asked for without a root
// (the server answers its county) and countyCode() is that tree's root, so a
// deployment set up for another county with `liangzhan init` (here 攸县,
// 430223) works with no code of Liling in the UI; its name titles the UI
// (remembered for the sign-in page), 县（市） until it is known.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTY_KEY, countyCode, loadRegions, regionLabel, resetRegions, teamName } from '@/lib/regions';

afterEach(() => {
  vi.unstubAllGlobals();
  resetRegions();
});

const youxian = {
  code: '430223', name: '攸县', level: 'county', division_code: '430223000000', parent_code: null,
  children: [{ code: '430223100', name: '网岭镇', level: 'township', division_code: '430223100000', parent_code: '430223',
    children: [{ code: '430223100201', name: '罗家坪村', level: 'village', division_code: '430223100201', parent_code: '430223100', children: [] }] }],
};
function serve(tree: unknown) {
  const f = vi.fn(async () => new Response(JSON.stringify(tree), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', f);
  return f;
}
function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('the county from the server', () => {
  it('loads the tree without ?region= and takes its root as the county', async () => {
    const f = serve(youxian);
    expect(countyCode()).toBe('');
    await loadRegions();
    const [url] = f.mock.calls[0] as unknown as [string];
    expect(url).toBe('/api/v1/regions?depth=2');
    expect(countyCode()).toBe('430223');
    expect(regionLabel('430223100201')).toBe('网岭镇 罗家坪村');
  });
});

describe('village teams in lists', () => {
  // A team saved without a name showed a blank cell in 驻村工作队.
  it('are named after their village when they have no name of their own', async () => {
    serve(youxian);
    await loadRegions();
    expect(teamName({ name: '', village_code: '430223100201' })).toBe('罗家坪村驻村工作队');
    expect(teamName({ name: '  ', village_code: '430223100201' })).toBe('罗家坪村驻村工作队');
    expect(teamName({ name: '扶贫工作队', village_code: '430223100201' })).toBe('扶贫工作队');
  });
});

describe('the county\'s name in titles', () => {
  it('is 县（市） (縣（市）, the county) until the tree is loaded, then the tree\'s root', async () => {
    vi.resetModules(); // nothing remembered from the tests before
    const { countyName, loadRegions } = await import('@/lib/regions');
    const g = (await import('@/i18n')).i18n.global;
    expect(countyName()).toBe('县（市）');
    expect(g.t('app.title', { county: countyName() })).toBe('两战 · 县（市）防疫与脱贫指挥平台');
    g.locale.value = 'zh-TW';
    expect(countyName()).toBe('縣（市）');
    g.locale.value = 'en';
    expect(g.t('login.heading', { county: countyName() })).toBe('Epidemic and poverty command of the county');
    g.locale.value = 'zh-CN';
    serve(youxian);
    await loadRegions();
    expect(countyName()).toBe('攸县');
    expect(g.t('app.title', { county: countyName() })).toBe('两战 · 攸县防疫与脱贫指挥平台');
    expect(g.t('login.heading', { county: countyName() })).toBe('攸县防疫与脱贫指挥平台');
    expect(g.t('dashboard.map', { county: countyName() })).toBe('攸县乡镇分布');
  });

  it('is remembered for the next visit\'s sign-in page, before any region can be read', async () => {
    const store = memoryStorage();
    vi.stubGlobal('window', { localStorage: store });
    vi.resetModules();
    const first = await import('@/lib/regions');
    serve(youxian);
    await first.loadRegions();
    expect(store.map.get(COUNTY_KEY)).toBe('攸县');
    first.resetRegions(); // signed out: the name stays
    expect(first.countyName()).toBe('攸县');
    // A new page load: the remembered name before the tree.
    vi.resetModules();
    const next = await import('@/lib/regions');
    expect(next.countyCode()).toBe('');
    expect(next.countyName()).toBe('攸县');
  });

  it('names no county in the catalogues', async () => {
    const cats = await Promise.all(['zh-CN', 'zh-TW', 'en'].map((l) => import(`@/i18n/${l}.ts`)));
    for (const c of cats) expect(JSON.stringify(c.default)).not.toMatch(/醴陵|Liling/);
  });
});
