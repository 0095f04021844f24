// Writes src/assets/liling-schematic.geojson: a SCHEMATIC map of Liling's 25
// townships (示意图), not survey data. Each township is a Voronoi cell around a
// point placed roughly where it lies (county seat subdistricts in the centre,
// 官庄/沩山 in the north, 沈潭 in the south-east, 明月 in the south ...), clipped
// to a rough outline of the county. The five urban subdistricts share the cell
// of one "county seat" point, split among them. Run: node scripts/make-schematic.mjs
import { writeFileSync } from 'node:fs';

// x east, y north, in units of about 10 km from the county seat.
const outline = [
  [-0.6, 5.0], [0.8, 5.0], [2.2, 4.4], [3.0, 3.0], [3.3, 1.4], [3.2, -0.6], [2.6, -2.4], [1.6, -3.6],
  [0.4, -4.0], [-1.0, -3.5], [-2.4, -2.6], [-3.2, -1.2], [-3.4, 0.6], [-2.9, 2.2], [-2.0, 3.8],
];
const rural = [
  ['430281126', '官庄镇', 0.2, 4.0],
  ['430281129', '沩山镇', 1.9, 3.3],
  ['430281130', '枫林镇', -1.6, 3.2],
  ['430281128', '板杉镇', -2.4, 1.9],
  ['430281103', '浦口镇', -0.9, 2.2],
  ['430281133', '左权镇', 0.5, 2.4],
  ['430281105', '王仙镇', 1.5, 1.6],
  ['430281102', '白兔潭镇', 2.6, 2.0],
  ['430281127', '嘉树镇', -2.8, 0.3],
  ['430281131', '李畋镇', -1.5, 0.8],
  ['430281400', '湖南醴陵经济开发区', 1.1, 0.5],
  ['430281121', '东富镇', 2.3, 0.3],
  ['430281125', '孙家湾镇', 2.5, -1.3],
  ['430281108', '沈潭镇', 1.6, -2.4],
  ['430281107', '泗汾镇', 0.5, -1.6],
  ['430281134', '茶山镇', -0.7, -1.7],
  ['430281120', '均楚镇', -1.8, -0.9],
  ['430281122', '石亭镇', -2.5, -1.8],
  ['430281109', '船湾镇', -1.4, -2.7],
  ['430281132', '明月镇', 0.2, -3.2],
];
const seat = ['seat', '城区', 0.0, 0.2];
const urban = [
  ['430281003', '仙岳山街道', 0.05, 0.75],
  ['430281002', '阳三石街道', -0.6, 0.35],
  ['430281006', '来龙门街道', 0.05, 0.1],
  ['430281007', '长庆街道', -0.4, -0.35],
  ['430281004', '国瓷街道', 0.45, -0.3],
];

// Keeps the part of polygon `poly` closer to site a than to site b.
function clip(poly, a, b) {
  const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const inside = (p) => (p[0] - mx) * dx + (p[1] - my) * dy <= 0;
  const cross = (p, q) => {
    const fp = (p[0] - mx) * dx + (p[1] - my) * dy;
    const fq = (q[0] - mx) * dx + (q[1] - my) * dy;
    const t = fp / (fp - fq);
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  };
  const out = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    if (inside(p)) {
      out.push(p);
      if (!inside(q)) out.push(cross(p, q));
    } else if (inside(q)) out.push(cross(p, q));
  }
  return out;
}

function cells(sites, region) {
  return sites.map((s) => {
    let poly = region;
    for (const o of sites) if (o !== s) poly = clip(poly, [s[2], s[3]], [o[2], o[3]]);
    return [s, poly];
  });
}

const lon = (x) => +(113.5 + x * 0.085).toFixed(5);
const lat = (y) => +(27.66 + y * 0.08).toFixed(5);
const ring = (poly) => {
  const r = poly.map(([x, y]) => [lon(x), lat(y)]);
  r.push(r[0]);
  return r;
};

const features = [];
let seatCell = null;
for (const [s, poly] of cells([...rural, seat], outline)) {
  if (s === seat) seatCell = poly;
  else features.push([s, poly]);
}
for (const [s, poly] of cells(urban, seatCell)) features.push([s, poly]);
features.sort((a, b) => a[0][0].localeCompare(b[0][0]));

const geo = {
  type: 'FeatureCollection',
  name: 'liling-schematic',
  description:
    '示意图 / schematic: Liling (醴陵市, 430281) townships as Voronoi cells around rough locations; not real boundaries.',
  features: features.map(([s, poly]) => ({
    type: 'Feature',
    properties: { code: s[0], name: s[1], schematic: true, cp: [lon(s[2]), lat(s[3])] },
    geometry: { type: 'Polygon', coordinates: [ring(poly)] },
  })),
};
writeFileSync(new URL('../src/assets/liling-schematic.geojson', import.meta.url), JSON.stringify(geo) + '\n');
console.log(`${geo.features.length} townships written`);
