// vue-i18n setup: zh-CN by default, zh-TW and en; the choice is kept in
// localStorage ("lz.locale") and sent to the API as Accept-Language.
import { createI18n } from 'vue-i18n';
import zhCN, { type Messages } from './zh-CN';
import zhTW from './zh-TW';
import en from './en';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_KEY = 'lz.locale';

export const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The catalogue key naming each locale in the language switch. */
export const LOCALE_LABEL: Record<Locale, 'lang.zhCN' | 'lang.zhTW' | 'lang.en'> = {
  'zh-CN': 'lang.zhCN',
  'zh-TW': 'lang.zhTW',
  en: 'lang.en',
};

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The saved choice, else zh-CN (the users' language, whatever the browser says). */
export function initialLocale(storage?: Pick<Storage, 'getItem'>): Locale {
  try {
    const saved = storage?.getItem(LOCALE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    /* storage may be unavailable */
  }
  return 'zh-CN';
}

/** What the server understands: English, or Chinese for both Chinese scripts. */
export function apiLanguage(locale: string): string {
  return locale === 'en' ? 'en' : 'zh-CN';
}

const browser = typeof window !== 'undefined';
export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(browser ? window.localStorage : undefined),
  fallbackLocale: 'zh-CN',
  messages: catalogues,
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l;
  if (browser) {
    try {
      window.localStorage.setItem(LOCALE_KEY, l);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = l;
  }
}

/** Translate outside components. */
export const t = (key: string, named?: Record<string, unknown>): string =>
  named ? i18n.global.t(key, named) : i18n.global.t(key);
