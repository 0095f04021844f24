// How the dashboard draws a county's townships: over the county's schematic
// geometry where one is shipped (keyed by the county's 6-digit code: Liling,
// 430281), else as a grid of equal tiles, one per township in the order of
// the statistical codes (街道 0xx, then 镇 1xx, 乡 2xx, zones 4xx), which needs
// no geometry at all. The tiles are square-cornered polygons handed to the
// same ECharts map series, so colours (visual map), tooltip, labels and the
// click-through are those of the schematic map and no chart type is added.
import lilingUrl from '@/assets/liling-schematic.geojson?url';
import type { Metric, RegionFigures } from './figures';

/** A county's shipped schematic: the ECharts map name and the GeoJSON's URL. */
export interface Geometry {
  map: string;
  url: string;
}

const GEOMETRIES: ReadonlyMap<string, Geometry> = new Map([['430281', { map: 'liling-schematic', url: lilingUrl }]]);

/** The schematic geometry shipped for a county (by its 6-digit code), if any. */
export function geometryOf(county: string): Geometry | undefined {
  return GEOMETRIES.get(county);
}

export type MapLayout = 'geometry' | 'tiles';

/**
 * The layout for the townships of `county`: its geometry when one is shipped
 * and it has a feature (by code) for every township of the database, else the
 * tiles: a county whose tree differs from the shipped outlines (townships
 * merged or added since) would otherwise lose townships from the map.
 * `features`: the geometry's feature codes once loaded (null: not loaded).
 */
export function chooseLayout(county: string, townships: readonly string[], features: ReadonlySet<string> | null): MapLayout {
  if (!geometryOf(county) || !features) return 'tiles';
  return townships.every((c) => features.has(c)) ? 'geometry' : 'tiles';
}

/** The codes of a GeoJSON feature collection's features (property `code`). */
export function featureCodes(geo: { features?: { properties?: { code?: unknown } }[] }): Set<string> {
  const out = new Set<string>();
  for (const f of geo.features ?? []) if (typeof f.properties?.code === 'string') out.add(f.properties.code);
  return out;
}

/** One township's tile: row and column in the grid (0 = top left). */
export interface Tile {
  code: string;
  name: string;
  row: number;
  col: number;
}

export interface TileGrid {
  cols: number;
  rows: number;
  tiles: Tile[];
}

/**
 * The tiles of the townships, ordered by code, row by row. Columns: the
 * smallest count that makes the grid at least as wide as it is tall
 * (ceil(sqrt(n))), so 25 townships give 5 × 5 and 13 give 4 × 4 with the last
 * row short; tiles are wider than tall (TILE_W : TILE_H) for a two-line label.
 */
export function tileGrid(rows: readonly Pick<RegionFigures, 'code' | 'name'>[]): TileGrid {
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const n = sorted.length;
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  const tiles = sorted.map((r, i) => ({ code: r.code, name: r.name, row: Math.floor(i / cols), col: i % cols }));
  return { cols, rows: n ? Math.ceil(n / cols) : 0, tiles };
}

export const TILE_W = 1.4;
export const TILE_H = 1;
const GAP = 0.06;

/**
 * The grid as a GeoJSON feature collection for echarts.registerMap: a
 * rectangle per tile (a gap between tiles), `code` as the feature's name
 * property and `cp` its centre, where the map series puts the label. Rows go
 * down the screen: the map's y grows northwards, so row 0 is the highest.
 */
export function tilesGeoJson(grid: TileGrid) {
  return {
    type: 'FeatureCollection' as const,
    features: grid.tiles.map((t) => {
      const x0 = t.col * TILE_W + GAP;
      const x1 = (t.col + 1) * TILE_W - GAP;
      const y1 = (grid.rows - t.row) * TILE_H - GAP;
      const y0 = (grid.rows - t.row - 1) * TILE_H + GAP;
      return {
        type: 'Feature' as const,
        properties: { code: t.code, name: t.name, cp: [(x0 + x1) / 2, (y0 + y1) / 2] },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [x0, y0],
              [x0, y1],
              [x1, y1],
              [x1, y0],
              [x0, y0],
            ],
          ],
        },
      };
    }),
  };
}

/** The ECharts map name of a tile grid: one per set of townships (registerMap keeps them by name). */
export function tilesMapName(grid: TileGrid): string {
  return `tiles:${grid.cols}:${grid.tiles.map((t) => t.code).join(',')}`;
}

/**
 * The chart's height for a grid, in px: tiles are as wide as the box allows
 * (about 330 px on a phone, 560 on a desktop's half-width panel), so a row is
 * that width over the columns (TILE_H / TILE_W of it, at most 64 / 96 px),
 * plus 60 px for the legend; never above the schematic's 380 / 520 px box.
 */
export function tilesHeight(grid: TileGrid, phone: boolean): number {
  const width = phone ? 330 : 560;
  const row = Math.min(phone ? 64 : 96, ((width / grid.cols) * TILE_H) / TILE_W);
  return Math.round(Math.min(phone ? 380 : 520, Math.max(phone ? 180 : 240, grid.rows * row + 60)));
}

/**
 * The label colour on an area coloured by `value` on a 0..max scale from pale
 * to dark: white from 55 % of the scale up (dark red or blue), else dark.
 */
export function labelColour(value: number, max: number): string {
  return max > 0 && value / max >= 0.55 ? '#fff' : '#1f2d3d';
}

/** A tile's value line: the figure the map is coloured by (a share with its %). */
export function tileValue(value: number, m: Metric, formatNumber: (n: number) => string): string {
  return m === 'poorShare' ? `${value}%` : formatNumber(value);
}
