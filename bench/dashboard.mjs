#!/usr/bin/env node
// Dashboard first load (issue 7): the HQ dashboard in headless Chromium
// (playwright-core from web/node_modules, Debian's /usr/bin/chromium) against a
// running `liangzhan serve`, from navigation start to every ECharts canvas on
// the page drawn, cold (a fresh browser context each time: empty HTTP cache)
// and warm (the same context loading the page again), and the sizes of the
// built JS and CSS (raw and gzip -9; the entry's, the dashboard's first view's,
// and the whole app's).
//
//   node bench/dashboard.mjs --base http://127.0.0.1:PORT --login L --password-env VAR
//        [--dist web/dist] [--runs 5] [--json OUT.json] [--markdown] [--server-pid PID]
//
// "Drawn" is the first frame an ECharts instance renders after its option is
// set (EChart.vue writes data-drawn-at = performance.now(), i.e. ms since
// navigation start, on the chart's 'rendered' event); "settled" is its
// 'finished' event (animations over). The page is loaded when the three charts
// of the county view (trends, map, bars) have drawn and the headline cards
// show figures. The session comes from POST /api/v1/session (its lz_session
// cookie is put in the browser), so the login page is not part of the figure.
// "Every figure shown" is when the page has also shown the persons per region
// (DashboardView writes data-figures-at; they come in the same answer as the
// bars' figures, GET /bulletin/regions). With --server-pid, the
// server's CPU time per load (from /proc: less noisy than wall time on a
// shared machine).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const BASE = opt('base');
const LOGIN = opt('login', 'bench');
const PASSWORD = process.env[opt('password-env', 'LZ_BENCH_PASSWORD')] ?? '';
const DIST = resolve(opt('dist', join(ROOT, 'web/dist')));
const RUNS = Number(opt('runs', '5'));
const JSON_OUT = opt('json');
const MARKDOWN = args.includes('--markdown');
const SERVER_PID = opt('server-pid');
const CHARTS = 3; // county view: trends, schematic map, bars per township
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !PASSWORD) {
  console.error('usage: dashboard.mjs --base URL --login L --password-env VAR [--dist DIR] [--runs N] [--json FILE] [--markdown]');
  process.exit(2);
}
const { chromium } = createRequire(join(DIST, '..', 'package.json'))('playwright-core');

// ---------------------------------------------------------------- sizes
function sizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
  const cache = new Map();
  const size = (f) => {
    if (!cache.has(f)) {
      const b = readFileSync(join(DIST, f));
      cache.set(f, { raw: b.length, gz: gzipSync(b, { level: 9 }).length });
    }
    return cache.get(f);
  };
  const closure = (keys) => {
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
  };
  const sum = (files) => files.reduce((a, f) => ({ raw: a.raw + size(f).raw, gz: a.gz + size(f).gz, files: a.files + 1 }), { raw: 0, gz: 0, files: 0 });
  const all = [...new Set(Object.values(manifest).flatMap((m) => [m.file, ...(m.css ?? [])]))];
  const initial = closure(['index.html']);
  const dash = closure(['index.html', 'src/layouts/MainLayout.vue', 'src/views/dashboard/DashboardView.vue']);
  return {
    initial: { js: sum(initial.js), css: sum(initial.css) },
    dashboard: { js: sum(dash.js), css: sum(dash.css) },
    total: { js: sum(all.filter((f) => f.endsWith('.js'))), css: sum(all.filter((f) => f.endsWith('.css'))) },
  };
}

// ---------------------------------------------------------------- loads
async function session() {
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: LOGIN, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${LOGIN}: ${r.status} ${await r.text()}`);
  const cookies = (r.headers.getSetCookie?.() ?? [r.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]);
  const c = cookies.find((x) => x.startsWith('lz_session='));
  if (!c) throw new Error(`no lz_session cookie in ${JSON.stringify(cookies)}`);
  const url = new URL(BASE);
  return { name: 'lz_session', value: c.slice('lz_session='.length), domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' };
}

const HZ = 100; // USER_HZ: /proc/PID/stat counts CPU time in 1/100 s
function serverCpuMs() {
  if (!SERVER_PID) return null;
  try {
    const f = readFileSync(`/proc/${SERVER_PID}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / HZ; // utime + stime
  } catch {
    return null;
  }
}

async function loadOnce(page) {
  const errors = [];
  const cpu0 = serverCpuMs();
  const onErr = (m) => m.type() === 'error' && errors.push(m.text());
  page.on('console', onErr);
  await page.goto(`${BASE}/dashboard`, { waitUntil: 'commit' });
  await page.waitForFunction(
    (n) => {
      const charts = [...document.querySelectorAll('.dashboard .echart')];
      const v = document.querySelector('[data-testid=stat-households] [data-testid=stat-value]');
      return charts.length >= n && charts.every((c) => c.dataset.drawn) && v && /\d/.test(v.textContent);
    },
    CHARTS,
    { timeout: 60000, polling: 50 },
  );
  await page.waitForFunction(() => document.querySelector('.dashboard[data-figures-at]'), null, { timeout: 60000, polling: 50 });
  await page
    .waitForFunction(() => [...document.querySelectorAll('.dashboard .echart')].every((c) => c.dataset.finished), null, { timeout: 10000, polling: 50 })
    .catch(() => undefined);
  const m = await page.evaluate(() => {
    const charts = [...document.querySelectorAll('.dashboard .echart')];
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const api = res.filter((r) => r.name.includes('/api/v1/'));
    const assets = res.filter((r) => !r.name.includes('/api/v1/'));
    const slowest = api.reduce((a, r) => (!a || r.duration > a.duration ? r : a), null);
    return {
      drawn: Math.max(...charts.map((c) => Number(c.dataset.drawnAt))),
      first_chart: Math.min(...charts.map((c) => Number(c.dataset.drawnAt))),
      figures: Number(document.querySelector('.dashboard').dataset.figuresAt),
      settled: charts.every((c) => c.dataset.finishedAt) ? Math.max(...charts.map((c) => Number(c.dataset.finishedAt))) : null,
      dom_content_loaded: nav.domContentLoadedEventEnd,
      assets_done: Math.max(0, ...assets.map((r) => r.responseEnd)),
      api_requests: api.length,
      api_first_start: Math.min(...api.map((r) => r.startTime)),
      api_last_end: Math.max(...api.map((r) => r.responseEnd)),
      api_slowest_ms: slowest ? slowest.duration : 0,
      api_slowest: slowest ? slowest.name.replace(/^https?:\/\/[^/]+/, '') : '',
      transferred: [nav, ...res].reduce((s, r) => s + (r.transferSize || 0), 0),
      asset_requests: assets.length,
    };
  });
  page.off('console', onErr);
  const cpu1 = serverCpuMs();
  return { ...m, server_cpu_ms: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, console_errors: errors };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const cookie = await session();
const newContext = async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await ctx.addCookies([cookie]);
  return ctx;
};
const cold = [];
const warm = [];
try {
  // Cold: a fresh context (no HTTP cache, no service state) for each load.
  for (let i = 0; i < RUNS; i++) {
    const ctx = await newContext();
    cold.push(await loadOnce(await ctx.newPage()));
    await ctx.close();
  }
  // Warm: one context; a first load fills the cache, then RUNS loads are measured.
  const ctx = await newContext();
  const page = await ctx.newPage();
  await loadOnce(page);
  for (let i = 0; i < RUNS; i++) warm.push(await loadOnce(page));
  await ctx.close();
} finally {
  await browser.close();
}

const summary = (runs) => {
  const keys = ['drawn', 'first_chart', 'figures', 'server_cpu_ms', 'settled', 'dom_content_loaded', 'assets_done', 'api_first_start', 'api_last_end', 'api_slowest_ms', 'transferred', 'api_requests'];
  const out = {};
  for (const k of keys) out[k] = median(runs.map((r) => r[k]).filter((v) => v !== null));
  out.min_drawn = Math.min(...runs.map((r) => r.drawn));
  out.max_drawn = Math.max(...runs.map((r) => r.drawn));
  out.slowest_request = runs.map((r) => `${r.api_slowest} ${r.api_slowest_ms.toFixed(0)} ms`);
  return out;
};
const result = { base: BASE, runs: RUNS, sizes: sizes(), cold: summary(cold), warm: summary(warm), cold_runs: cold, warm_runs: warm };
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));

const ms = (v) => (v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(v)} ms`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (MARKDOWN) {
  const c = result.cold;
  const w = result.warm;
  const s = result.sizes;
  const goal = c.drawn < 1500 ? 'met' : 'not met';
  console.log(`| figure | cold (median of ${RUNS}) | warm (median of ${RUNS}) | goal |`);
  console.log('|---|---|---|---|');
  console.log(`| **navigation start → every chart drawn** (trends, map, bars; headline figures shown) | **${ms(c.drawn)}** (${ms(c.min_drawn)}–${ms(c.max_drawn)}) | **${ms(w.drawn)}** (${ms(w.min_drawn)}–${ms(w.max_drawn)}) | < 1,500 ms (${goal}) |`);
  console.log(`| → first chart drawn | ${ms(c.first_chart)} | ${ms(w.first_chart)} | |`);
  console.log(`| → every chart's animation finished | ${ms(c.settled)} | ${ms(w.settled)} | |`);
  console.log(`| → every figure shown (the persons per region too) | ${ms(c.figures)} | ${ms(w.figures)} | |`);
  console.log(`| → DOMContentLoaded | ${ms(c.dom_content_loaded)} | ${ms(w.dom_content_loaded)} | |`);
  console.log(`| → last JS/CSS/data file received | ${ms(c.assets_done)} | ${ms(w.assets_done)} | |`);
  console.log(`| → first API request sent / last API answer received | ${ms(c.api_first_start)} / ${ms(c.api_last_end)} | ${ms(w.api_first_start)} / ${ms(w.api_last_end)} | |`);
  console.log(`| API requests per load; the slowest one | ${c.api_requests}; ${ms(c.api_slowest_ms)} | ${w.api_requests}; ${ms(w.api_slowest_ms)} | |`);
  console.log(`| bytes transferred (compressed) | ${kb(c.transferred)} | ${kb(w.transferred)} | |`);
  if (SERVER_PID) console.log(`| server CPU time per load (user + system) | ${ms(c.server_cpu_ms)} | ${ms(w.server_cpu_ms)} | |`);
  console.log();
  console.log('| built assets (web/dist) | JS raw | JS gzip -9 | CSS raw | CSS gzip -9 |');
  console.log('|---|---|---|---|---|');
  for (const [k, label] of [['initial', 'initial (entry + static imports)'], ['dashboard', 'dashboard first view (entry + layout + page)'], ['total', 'whole app']])
    console.log(`| ${label} | ${kb(s[k].js.raw)} (${s[k].js.files} files) | ${kb(s[k].js.gz)} | ${kb(s[k].css.raw)} (${s[k].css.files} files) | ${kb(s[k].css.gz)} |`);
} else {
  console.log(JSON.stringify({ sizes: result.sizes, cold: result.cold, warm: result.warm }, null, 2));
}
const errs = [...cold, ...warm].flatMap((r) => r.console_errors);
if (errs.length) console.error(`dashboard bench: console errors:\n  ${[...new Set(errs)].join('\n  ')}`);
