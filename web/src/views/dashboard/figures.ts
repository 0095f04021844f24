// Registry figures for the dashboard, counted by the API itself: every child
// region's at once (GET /bulletin/regions: households, persons and poor
// households per child, with its bulletin), a region without children by
// GET /households?region=CODE&limit=0 (and &poverty_status=poor), /persons.
import { cadresApi, householdsApi, pairingsApi, personsApi, teamsApi } from '@/api/endpoints';
import type { BulletinRegions, RegionNode } from '@/api/types';

export interface RegionFigures {
  code: string;
  name: string;
  households: number;
  poor: number;
  /** null until counted: the charts draw from households and poor households, persons follow. */
  persons: number | null;
}

export interface HeadlineExtras {
  cadres: number;
  teams: number;
  pairings: number;
}

/** The headline cards: the registry figures first, the cadres, teams and pairings once counted. */
export interface Headline extends RegionFigures, Partial<HeadlineExtras> {}

export async function regionFigures(code: string, name: string): Promise<RegionFigures> {
  const [households, poor, persons] = await Promise.all([
    householdsApi.count({ region: code }),
    householdsApi.count({ region: code, poverty_status: 'poor' }),
    personsApi.count({ region: code }),
  ]);
  return { code, name, households, poor, persons };
}

/**
 * The rows of the children (in the region tree's order) from GET
 * /bulletin/regions; a child the answer does not list has no households.
 */
export function childRows(children: RegionNode[], answer: BulletinRegions): RegionFigures[] {
  const byCode = new Map(answer.regions.map((r) => [r.region.code, r]));
  return children.map((c) => {
    const r = byCode.get(c.code)?.registry;
    return { code: c.code, name: c.name, households: r?.households ?? 0, poor: r?.poor_households ?? 0, persons: r?.persons ?? 0 };
  });
}

export function withPersons(rows: RegionFigures[], persons: number[]): RegionFigures[] {
  return rows.map((r, i) => ({ ...r, persons: persons[i] ?? null }));
}

/**
 * A region's figures as the sum of its children's: every household and person
 * of the registry sits in a group (15-digit code), so below a county or a
 * township the children cover everything (spares the API three region-wide
 * counts, the county's persons being the slowest of all).
 */
export function sumFigures(code: string, name: string, rows: RegionFigures[]): RegionFigures {
  let households = 0;
  let poor = 0;
  let persons: number | null = 0;
  for (const r of rows) {
    households += r.households;
    poor += r.poor;
    persons = persons === null || r.persons === null ? null : persons + r.persons;
  }
  return { code, name, households, poor, persons };
}

export async function headlineExtras(code: string): Promise<HeadlineExtras> {
  const [cadres, teams, pairings] = await Promise.all([
    cadresApi.count({ region: code }),
    teamsApi.count({ region: code }),
    pairingsApi.count({ region: code, current: true }),
  ]);
  return { cadres, teams, pairings };
}

export type Metric = 'households' | 'poor' | 'persons' | 'poorShare';

export function metricValue(r: RegionFigures, m: Metric): number {
  if (m === 'poorShare') return r.households ? Math.round((1000 * r.poor) / r.households) / 10 : 0;
  return r[m] ?? 0;
}

/**
 * Short label for a chart: 官庄镇 -> 官庄, 国瓷街道 -> 国瓷 (a one-character rest
 * keeps its suffix); a zone without the province and county names it starts
 * with (`county`: the county's name, 醴陵市 or 攸县), its kind shortened:
 * 湖南醴陵经济开发区 -> 经开区, 湖南省攸县高新技术产业开发区 -> 高新区,
 * 湖南攸县工业园区 -> 工业园区.
 */
export function shortName(name: string, county = ''): string {
  if (ZONE.test(name)) return shortZone(name, county);
  const s = name.replace(/(街道|镇|乡|社区|村)$/, '');
  return s.length >= 2 ? s : name;
}

const ZONE = /(开发区|园区|新区)$/;
// Province-level names as zones carry them in front: 湖南 or 湖南省, 广西 or 广西壮族自治区.
const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
];
const PROVINCE = new RegExp(`^(${PROVINCES.join('|')})(省|市|(壮族|回族|维吾尔)?自治区)?`);

function shortZone(name: string, county: string): string {
  // The kinds people say short: whatever place name is in front is the county's own.
  if (/经济(技术)?开发区$/.test(name)) return '经开区';
  if (/高新技术产业开发区$/.test(name)) return '高新区';
  let s = name.replace(PROVINCE, '');
  const stem = county.replace(/(自治县|市|县|区|旗)$/, '');
  for (const c of [county, stem.length >= 2 ? stem : ''])
    if (c && s.startsWith(c) && s.length > c.length) {
      s = s.slice(c.length);
      break;
    }
  return s || name;
}
