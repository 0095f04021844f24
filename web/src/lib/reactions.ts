// What one front's record set off (the response's `reactions`), as lines of a
// message: key persons listed, relapse monitoring opened on the poverty front,
// observations extended, support requests, and reactions skipped with the
// other front's reason. Pure: the translation function is passed in.
import type { Reactions } from '@/api/types';

type T = (key: string, named?: Record<string, unknown>) => string;

const count = (x: unknown[] | undefined) => (Array.isArray(x) ? x.length : 0);
const ids = (x: unknown[] | undefined) =>
  (Array.isArray(x) ? x : []).filter((v) => typeof v === 'number' || typeof v === 'string').map((v) => `#${v}`).join(', ');

export function reactionLines(r: Reactions | undefined | null, t: T): string[] {
  if (!r) return [];
  const out: string[] = [];
  if (count(r.key_persons)) out.push(t('epidemic.reactions.keyPersons', { n: count(r.key_persons), ids: ids(r.key_persons) }));
  if (count(r.risk_cases)) out.push(t('epidemic.reactions.riskCases', { n: count(r.risk_cases), ids: ids(r.risk_cases) }));
  if (count(r.observations_extended))
    out.push(t('epidemic.reactions.extended', { n: count(r.observations_extended), ids: ids(r.observations_extended) }));
  if (count(r.support_requests)) out.push(t('epidemic.reactions.support', { n: count(r.support_requests) }));
  for (const s of Array.isArray(r.skipped) ? r.skipped : []) {
    const m = s && typeof s === 'object' && 'message' in s ? String((s as { message: unknown }).message) : String(s);
    out.push(t('epidemic.reactions.skipped', { reason: m }));
  }
  return out;
}
