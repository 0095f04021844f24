// Prints gzipped sizes after `vite build`: the largest assets, the initial JS
// (the entry and its static imports: what every first visit loads), and the JS
// of the first view of each landing page (entry + layout + page + their static
// imports). Fails when the initial JS is 400 KB gzipped or more.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const LIMIT = 400 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = new Map();
const gz = (f) => {
  if (!sizes.has(f)) sizes.set(f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length);
  return sizes.get(f);
};
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

function closure(keys) {
  const js = new Set();
  const css = new Set();
  const visit = (k) => {
    const m = manifest[k];
    if (!m || js.has(m.file)) return;
    js.add(m.file);
    for (const c of m.css ?? []) css.add(c);
    for (const i of m.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return { js: [...js].filter((f) => f.endsWith('.js')), css: [...css] };
}
const total = (files) => files.reduce((s, f) => s + gz(f), 0);

const all = Object.values(manifest).flatMap((m) => [m.file, ...(m.css ?? [])]);
const unique = [...new Set(all)].map((f) => ({ f, gz: gz(f) })).sort((a, b) => b.gz - a.gz);
console.log('\nlargest assets (gzip -9):');
for (const r of unique.slice(0, 12)) console.log(`  ${r.f.padEnd(48)} ${kb(r.gz).padStart(10)}`);

const entry = closure(['index.html']);
const initJs = total(entry.js);
console.log(`\ninitial JS (entry + static imports): ${kb(initJs)} gzipped, CSS ${kb(total(entry.css))}  (limit ${kb(LIMIT)})`);
const views = {
  'login': ['src/views/LoginView.vue'],
  'HQ dashboard (with ECharts)': ['src/layouts/MainLayout.vue', 'src/views/dashboard/DashboardView.vue'],
  'household list': ['src/layouts/MainLayout.vue', 'src/views/registry/HouseholdList.vue'],
  'phone view /m': ['src/layouts/PhoneLayout.vue', 'src/views/mobile/MyHouseholds.vue'],
};
for (const [name, keys] of Object.entries(views)) {
  const c = closure(['index.html', ...keys]);
  console.log(`  first view, ${name.padEnd(28)} JS ${kb(total(c.js)).padStart(9)}  CSS ${kb(total(c.css)).padStart(8)}`);
}
console.log(`  all JS of the app: ${kb(total(unique.map((r) => r.f).filter((f) => f.endsWith('.js'))))}`);
if (initJs >= LIMIT) {
  console.error('initial JS is over the limit');
  process.exit(1);
}
