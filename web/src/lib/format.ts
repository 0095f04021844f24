import { currentLocale, t } from '@/i18n';

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return n.toLocaleString(currentLocale());
}

export function formatPercent(part: number, whole: number): string {
  if (!whole) return '–';
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** "2020-02-12T08:00:00Z" in the user's time zone, as YYYY-MM-DD HH:mm. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A Date as the API's UTC time text (2020-02-12T08:00:00Z). */
export function toApiTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The programs that write records under their own name instead of a login. */
const PROGRAM_ACTORS = ['system', 'import', 'cli', 'demo', 'export'];

/**
 * Who wrote a record, for display: a login as it is; the server's own actors
 * (the poverty re-check's "system", a CLI "import", "cli", the "demo") in the
 * user's language, so the Chinese UI never shows them in English.
 */
export function actorName(by: string | null | undefined): string {
  if (!by) return '';
  return PROGRAM_ACTORS.includes(by) ? t(`common.actors.${by}`) : by;
}
