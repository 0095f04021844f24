// The division tree (county -> townships -> villages), loaded once per session
// from GET /api/v1/regions?depth=2 (place names are open to every signed-in
// user); groups are loaded per village when a form needs them. The county is
// the database's: the root the server answers without ?region= (any county a
// deployment was set up for with `liangzhan init`, Liling by default). Its name
// titles the UI; it is remembered in localStorage ("lz.county") so that the
// sign-in page, before any region can be read, names it too.
import { reactive, ref, shallowRef } from 'vue';
import { regionsApi } from '@/api/endpoints';
import { t } from '@/i18n';
import type { RegionNode } from '@/api/types';

export const COUNTY_KEY = 'lz.county';

const tree = shallowRef<RegionNode | null>(null);
const index = shallowRef<Map<string, RegionNode>>(new Map());
let loading: Promise<RegionNode> | null = null;
const remembered = ref(readRemembered());

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined; // storage may be unavailable
  }
}
function readRemembered(): string {
  try {
    return storage()?.getItem(COUNTY_KEY) ?? '';
  } catch {
    return '';
  }
}
function remember(name: string): void {
  remembered.value = name;
  try {
    storage()?.setItem(COUNTY_KEY, name);
  } catch {
    /* ignore */
  }
}

export function indexTree(root: RegionNode, into = new Map<string, RegionNode>()): Map<string, RegionNode> {
  into.set(root.code, root);
  for (const c of root.children ?? []) indexTree(c, into);
  return into;
}

export function loadRegions(): Promise<RegionNode> {
  if (tree.value) return Promise.resolve(tree.value);
  if (!loading) {
    loading = regionsApi
      .tree(undefined, 2)
      .then((t) => {
        tree.value = t;
        index.value = indexTree(t);
        if (t.level === 'county' && t.name) remember(t.name);
        return t;
      })
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

export function resetRegions(): void {
  tree.value = null;
  index.value = new Map();
  loading = null;
}

/** The county's code once the tree is loaded ('' before). */
export function countyCode(): string {
  return tree.value?.code ?? '';
}

/**
 * The county's name for titles: the tree's root once loaded, else the name
 * remembered from an earlier visit, else the neutral 县（市） of the catalogue.
 */
export function countyName(): string {
  const root = tree.value;
  return (root?.level === 'county' ? root.name : '') || remembered.value || t('app.county');
}

export function regionNode(code: string | null | undefined): RegionNode | undefined {
  return code ? index.value.get(code) : undefined;
}

/** The short name of a region (a group: its village's name and the group's). */
export function regionName(code: string | null | undefined): string {
  if (!code) return '';
  const n = index.value.get(code);
  if (n) return n.name;
  if (code.length === 15) {
    const v = index.value.get(code.slice(0, 12));
    const g = groupNames.get(code);
    if (v) return `${v.name} ${g ?? groupLabel(code)}`;
  }
  return code;
}

/** A group's name before its village's groups are loaded: 5组. */
function groupLabel(code: string): string {
  return t('region.groupN', { n: Number(code.slice(12)) });
}

/** Township + village (+ group) names, without the county. */
export function regionLabel(code: string | null | undefined): string {
  if (!code) return '';
  if (code.length <= 6) return index.value.get(code)?.name ?? code;
  const parts: string[] = [];
  for (let len = 9; len <= code.length; len += 3) {
    const n = index.value.get(code.slice(0, len));
    if (n) parts.push(n.name);
  }
  if (code.length === 15) parts.push(groupNames.get(code) ?? groupLabel(code));
  return parts.length ? parts.join(' ') : code;
}

/**
 * A village team's name for lists: its own, or (a team saved without one)
 * 青山村驻村工作队 after its village, so no row shows a blank name.
 */
export function teamName(team: { name: string; village_code: string }): string {
  return team.name.trim() || t('team.unnamed', { village: regionName(team.village_code) });
}

export { tree as regionTree };

export interface CascaderOption {
  [key: string]: unknown;
  value: string;
  label: string;
  children?: CascaderOption[];
}

/**
 * Cascader options below `root` (the user's jurisdiction): for the county its
 * townships and their villages; for a township the township itself and its
 * villages; for a village just the village.
 */
export function cascaderOptions(t: RegionNode | null, root: string): CascaderOption[] {
  if (!t) return [];
  const map = indexTree(t);
  const start = map.get(root) ?? (root.length > 12 ? map.get(root.slice(0, 12)) : undefined);
  if (!start) return [];
  const conv = (n: RegionNode): CascaderOption => {
    const kids = (n.children ?? []).filter((c) => c.level !== 'group');
    return kids.length ? { value: n.code, label: n.name, children: kids.map(conv) } : { value: n.code, label: n.name };
  };
  if (start.level === 'county') return (start.children ?? []).map(conv);
  return [conv(start)];
}

/** The cascader value (path of codes) for a region code, from the first level the options show. */
export function cascaderPath(code: string | null | undefined, root: string): string[] {
  if (!code) return [];
  const village = code.length > 12 ? code.slice(0, 12) : code;
  const first = root.length <= 6 ? 9 : Math.min(root.length, 12);
  const out: string[] = [];
  for (let len = first; len <= village.length; len += 3) out.push(village.slice(0, len));
  return out;
}

const groupNames = reactive(new Map<string, string>());
const groupCache = new Map<string, Promise<RegionNode[]>>();

export function loadGroups(village: string): Promise<RegionNode[]> {
  if (village.length !== 12) return Promise.resolve([]);
  let p = groupCache.get(village);
  if (!p) {
    p = regionsApi.tree(village, 1).then((n) => {
      const gs = (n.children ?? []).filter((c) => c.level === 'group');
      for (const g of gs) groupNames.set(g.code, g.name);
      return gs;
    });
    p.catch(() => groupCache.delete(village));
    groupCache.set(village, p);
  }
  return p;
}
