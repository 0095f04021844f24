// The dashboard's township map: Liling's schematic for 430281 (when it covers
// every township of the database), tiles for any other county, and the tiles
// built from the township figures (order, grid, rectangles, labels).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLayout, featureCodes, geometryOf, labelColour, tileGrid, tilesGeoJson, tilesHeight, tilesMapName, tileValue, TILE_H, TILE_W } from '@/views/dashboard/townshipMap';
import { formatNumber } from '@/lib/format';
import type { RegionFigures } from '@/views/dashboard/figures';

const liling = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'assets', 'liling-schematic.geojson'), 'utf8'));
const lilingCodes = featureCodes(liling);
const row = (code: string, name: string, households = 0, poor = 0): RegionFigures => ({ code, name, households, poor, persons: null });

describe('layout by county code', () => {
  it('draws Liling (430281) on its schematic, which has all 25 townships', () => {
    expect(geometryOf('430281')?.map).toBe('liling-schematic');
    expect(lilingCodes.size).toBe(25);
    expect(chooseLayout('430281', [...lilingCodes], lilingCodes)).toBe('geometry');
  });
  it('draws any other county as tiles, whatever its name or townships', () => {
    expect(geometryOf('430223')).toBeUndefined();
    expect(chooseLayout('430223', ['430223100', '430223101'], null)).toBe('tiles');
    // Keyed by the code, not the name or the township codes: Liling's townships under another code are tiles.
    expect(chooseLayout('430223', [...lilingCodes], lilingCodes)).toBe('tiles');
    expect(geometryOf('4302')).toBeUndefined();
    expect(geometryOf('__proto__')).toBeUndefined();
  });
  it('falls back to tiles for Liling when its outlines are not loaded or miss a township of the database', () => {
    expect(chooseLayout('430281', [...lilingCodes], null)).toBe('tiles');
    expect(chooseLayout('430281', [...lilingCodes, '430281500'], lilingCodes)).toBe('tiles');
    expect(chooseLayout('430281', ['430281126', '430281129'], lilingCodes)).toBe('geometry'); // fewer is fine
  });
});

describe('tiles from the township figures', () => {
  const youxian = [
    row('430223101', '丫江桥镇', 1, 0),
    row('430223100', '网岭镇', 2, 1),
    row('430223400', '湖南攸县工业园区', 0, 0),
    row('430223001', '联星街道', 7, 2),
    row('430223102', '皇图岭镇', 3, 0),
  ];
  it('puts the townships in code order, row by row, ceil(sqrt(n)) columns', () => {
    const g = tileGrid(youxian);
    expect([g.cols, g.rows]).toEqual([3, 2]);
    expect(g.tiles.map((t) => [t.code, t.row, t.col])).toEqual([
      ['430223001', 0, 0],
      ['430223100', 0, 1],
      ['430223101', 0, 2],
      ['430223102', 1, 0],
      ['430223400', 1, 1],
    ]);
    expect(youxian[0].code).toBe('430223101'); // the rows given are not reordered
    const n = (k: number) => tileGrid(Array.from({ length: k }, (_, i) => row(`43022310${i}`, `镇${i}`)));
    expect([25, 13, 2, 1].map((k) => [n(k).cols, n(k).rows])).toEqual([[5, 5], [4, 4], [2, 1], [1, 1]]);
    expect(tileGrid([])).toEqual({ cols: 1, rows: 0, tiles: [] });
  });
  it('gives every tile a rectangle named by its code, row 0 at the top, apart from its neighbours', () => {
    const g = tileGrid(youxian);
    const geo = tilesGeoJson(g);
    expect(geo.features.map((f) => f.properties.code)).toEqual(['430223001', '430223100', '430223101', '430223102', '430223400']);
    expect(featureCodes(geo)).toEqual(new Set(g.tiles.map((t) => t.code)));
    const box = (i: number) => {
      const ring = geo.features[i].geometry.coordinates[0];
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), ring };
    };
    const first = box(0);
    expect(first.ring[0]).toEqual(first.ring[first.ring.length - 1]); // closed
    expect(first.x1 - first.x0).toBeGreaterThan(first.y1 - first.y0); // wider than tall, for two lines
    expect(first.x1).toBeLessThan(box(1).x0); // a gap to the right neighbour
    expect(box(3).y1).toBeLessThan(first.y0); // the second row lies below (y grows northwards)
    expect(first.y1).toBeLessThanOrEqual(g.rows * TILE_H);
    expect(box(2).x1).toBeLessThanOrEqual(g.cols * TILE_W);
    const cp = geo.features[4].properties.cp;
    const b4 = box(4);
    expect(cp).toEqual([(b4.x0 + b4.x1) / 2, (b4.y0 + b4.y1) / 2]); // the label at the centre
  });
  it('names a map per set of townships, so a changed tree registers new tiles', () => {
    const a = tilesMapName(tileGrid(youxian));
    expect(tilesMapName(tileGrid([...youxian].reverse()))).toBe(a);
    expect(tilesMapName(tileGrid(youxian.slice(1)))).not.toBe(a);
  });
  it('sizes the chart to its rows: few townships take little height, many take smaller tiles', () => {
    const grid = (k: number) => tileGrid(Array.from({ length: k }, (_, i) => row(`430223${100 + i}`, `镇${i}`)));
    expect(tilesHeight(grid(2), false)).toBe(240); // one row: the floor
    expect(tilesHeight(grid(18), false)).toBe(380); // 4 rows of 560 / 5 / 1.4 = 80 px, + 60
    expect(tilesHeight(grid(60), false)).toBe(460); // 8 rows of 560 / 8 / 1.4 = 50 px: many townships, smaller tiles
    expect(tilesHeight(grid(18), true)).toBe(249); // 4 rows of 330 / 5 / 1.4 ≈ 47 px, + 60
    expect(tilesHeight(grid(60), true)).toBeLessThanOrEqual(380);
  });
  it('writes white on the dark end of the colour scale, dark on the pale end', () => {
    expect(labelColour(9, 9)).toBe('#fff');
    expect(labelColour(5, 9)).toBe('#fff');
    expect(labelColour(4, 9)).toBe('#1f2d3d');
    expect(labelColour(0, 0)).toBe('#1f2d3d');
  });
  it('labels a tile with the figure it is coloured by', () => {
    expect(tileValue(12345, 'households', formatNumber)).toBe(formatNumber(12345));
    expect(tileValue(28.6, 'poorShare', formatNumber)).toBe('28.6%');
    expect(tileValue(0, 'poor', formatNumber)).toBe('0');
  });
});
