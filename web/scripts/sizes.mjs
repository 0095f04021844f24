// Prints the gzipped size of every built asset, and of the initial JS (the
// entry script and the chunks index.html preloads). Fails when the initial JS
// is 400 KB gzipped or more.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const LIMIT = 400 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);
const files = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
const rows = files
  .map((f) => ({ f, raw: statSync(join(dist, f)).size, gz: gz(f), initial: initial.has(f) }))
  .sort((a, b) => b.gz - a.gz);
console.log('\nasset sizes (gzip -9):');
for (const r of rows) console.log(`  ${r.initial ? '*' : ' '} ${r.f.padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gz).padStart(10)}`);
const initJs = rows.filter((r) => r.initial && r.f.endsWith('.js')).reduce((s, r) => s + r.gz, 0);
const initCss = rows.filter((r) => r.initial && r.f.endsWith('.css')).reduce((s, r) => s + r.gz, 0);
const allJs = rows.filter((r) => r.f.endsWith('.js')).reduce((s, r) => s + r.gz, 0);
console.log(`\n  * initial JS:  ${kb(initJs)} gzipped (limit ${kb(LIMIT)})`);
console.log(`    initial CSS: ${kb(initCss)} gzipped`);
console.log(`    all JS:      ${kb(allJs)} gzipped (the rest loads per page)`);
if (initJs >= LIMIT) {
  console.error('initial JS is over the limit');
  process.exit(1);
}
