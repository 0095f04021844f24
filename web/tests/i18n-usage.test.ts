// Every literal key the source passes to t('...') exists in the catalogue.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zhCN from '@/i18n/zh-CN';

const src = join(__dirname, '..', 'src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(vue|ts)$/.test(f) ? [p] : [];
  });
}
const leaf = (key: string) => typeof key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zhCN) === 'string';

describe('catalogue keys used in the source', () => {
  it('exist as texts', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const f of files(src)) {
      if (f.includes(`${join('src', 'i18n')}`)) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        seen++;
        if (!leaf(m[1])) missing.push(`${f.slice(src.length)}: ${m[1]}`);
      }
      // keys named in data (nav labels, route titles, tab labels)
      for (const m of text.matchAll(/(?:label|title|text): '((?:nav|mobile|poverty|fronts|dashboard|household|accounts|audit)\.[\w.]+)'/g))
        if (!leaf(m[1])) missing.push(`${f.slice(src.length)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
    expect(seen).toBeGreaterThan(300);
  });
});
