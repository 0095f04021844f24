// Registry figures for the dashboard, counted by the API itself
// (GET /households?region=CODE&limit=0 and &poverty_status=poor, /persons, ...).
import { cadresApi, householdsApi, pairingsApi, personsApi, teamsApi } from '@/api/endpoints';
import { pool } from '@/api/http';
import type { RegionNode } from '@/api/types';

export interface RegionFigures {
  code: string;
  name: string;
  households: number;
  poor: number;
  persons: number;
}

export interface Headline extends RegionFigures {
  cadres: number;
  teams: number;
  pairings: number;
}

export async function regionFigures(code: string, name: string): Promise<RegionFigures> {
  const [households, poor, persons] = await Promise.all([
    householdsApi.count({ region: code }),
    householdsApi.count({ region: code, poverty_status: 'poor' }),
    personsApi.count({ region: code }),
  ]);
  return { code, name, households, poor, persons };
}

export async function headline(node: RegionNode): Promise<Headline> {
  const [f, cadres, teams, pairings] = await Promise.all([
    regionFigures(node.code, node.name),
    cadresApi.count({ region: node.code }),
    teamsApi.count({ region: node.code }),
    pairingsApi.count({ region: node.code, current: true }),
  ]);
  return { ...f, cadres, teams, pairings };
}

export function childFigures(children: RegionNode[]): Promise<RegionFigures[]> {
  return pool(children, 4, (c) => regionFigures(c.code, c.name));
}

export type Metric = 'households' | 'poor' | 'persons' | 'poorShare';

export function metricValue(r: RegionFigures, m: Metric): number {
  if (m === 'poorShare') return r.households ? Math.round((1000 * r.poor) / r.households) / 10 : 0;
  return r[m];
}

/** Short label for a chart: 官庄镇 -> 官庄, 国瓷街道 -> 国瓷 (a one-character rest keeps its suffix). */
export function shortName(name: string): string {
  if (name === '湖南醴陵经济开发区') return '经开区';
  const s = name.replace(/(街道|镇|乡|社区|村)$/, '');
  return s.length >= 2 ? s : name;
}
