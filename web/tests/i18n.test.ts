import { describe, expect, it } from 'vitest';
import zhCN from '@/i18n/zh-CN';
import zhTW from '@/i18n/zh-TW';
import en from '@/i18n/en';
import { apiLanguage, initialLocale, LOCALE_KEY } from '@/i18n';
import {
  AUDIT_ACTIONS, AUDIT_ENTITIES, CADRE_KINDS, EDUCATION, ENROLMENT, ETHNICITIES, HEALTH, LABOUR, RELATIONSHIPS, ROLES,
  SEXES, POVERTY_FILTERS, labelKey,
} from '@/lib/enums';

type Tree = { [k: string]: string | Tree };
function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [k2, v2] of leaves(v, key)) out.set(k2, v2);
  }
  return out;
}
const cats = { 'zh-CN': leaves(zhCN as unknown as Tree), 'zh-TW': leaves(zhTW as unknown as Tree), en: leaves(en as unknown as Tree) };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('English counts', () => {
  // The household page said "1 gaps": counts are written "gaps: 1", right for any number.
  it('never put a number before a plural noun', () => {
    for (const [key, v] of cats.en)
      expect(/\{\w+\} (gaps|missing)\b/.test(v), `${key}: ${v}`).toBe(false);
  });
});

describe('catalogues', () => {
  it('have the same keys in all three languages', () => {
    const base = [...cats['zh-CN'].keys()].sort();
    expect(base.length).toBeGreaterThan(200);
    expect([...cats['zh-TW'].keys()].sort()).toEqual(base);
    expect([...cats.en.keys()].sort()).toEqual(base);
  });

  it('have no empty texts and the same placeholders', () => {
    for (const [key, zh] of cats['zh-CN']) {
      for (const lang of ['zh-TW', 'en'] as const) {
        const v = cats[lang].get(key)!;
        expect(v.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(v), `${lang} ${key}`).toEqual(placeholders(zh));
      }
    }
  });

  it('use no vue-i18n special characters by accident', () => {
    for (const [lang, c] of Object.entries(cats))
      for (const [key, v] of c) expect(/[@|$]/.test(v), `${lang} ${key}: ${v}`).toBe(false);
  });

  it('the English catalogue has no Chinese text except language names', () => {
    for (const [key, v] of cats.en) if (!key.startsWith('lang.')) expect(/[\u4e00-\u9fff]/.test(v), `${key}: ${v}`).toBe(false);
  });

  it('label every value of every vocabulary', () => {
    const vocab: [string, readonly string[]][] = [
      ['relationship', RELATIONSHIPS], ['labour', LABOUR], ['education', EDUCATION], ['enrolment', ENROLMENT],
      ['health', HEALTH], ['sex', SEXES], ['cadreKind', CADRE_KINDS], ['poverty', POVERTY_FILTERS],
      ['auditAction', AUDIT_ACTIONS], ['auditEntity', AUDIT_ENTITIES], ['role', ROLES],
      ['ethnicity', ETHNICITIES.map(([zh]) => zh)],
    ];
    for (const [kind, values] of vocab)
      for (const v of values) {
        const k = labelKey(kind, v);
        expect(k, `${kind} ${v}`).not.toBeNull();
        for (const c of Object.values(cats)) expect(c.has(k!), `${k}`).toBe(true);
      }
    expect(ETHNICITIES).toHaveLength(56);
    expect(labelKey('relationship', '42')).toBeNull();
  });

  it('zh-CN ethnicity labels are the values the API stores', () => {
    for (const [zh, key] of ETHNICITIES) expect(cats['zh-CN'].get(`ethnicity.${key}`)).toBe(zh);
  });
});

describe('locale choice', () => {
  it('defaults to zh-CN and remembers a choice', () => {
    expect(initialLocale(undefined)).toBe('zh-CN');
    expect(initialLocale({ getItem: () => null })).toBe('zh-CN');
    expect(initialLocale({ getItem: (k) => (k === LOCALE_KEY ? 'en' : null) })).toBe('en');
    expect(initialLocale({ getItem: () => 'zh-TW' })).toBe('zh-TW');
    expect(initialLocale({ getItem: () => 'fr' })).toBe('zh-CN');
  });
  it('asks the API for English or Chinese', () => {
    expect(apiLanguage('en')).toBe('en');
    expect(apiLanguage('zh-CN')).toBe('zh-CN');
    expect(apiLanguage('zh-TW')).toBe('zh-CN');
  });
});
