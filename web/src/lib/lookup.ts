// Names for ids shown in lists (pairings and teams carry only ids): fetched
// once per id and kept for the session.
import { reactive } from 'vue';
import { cadresApi, householdsApi } from '@/api/endpoints';

export interface HouseholdBrief {
  number: string;
  head: string;
  /** Member person id -> name. */
  members?: Record<number, string>;
}

export const cadreNames = reactive(new Map<number, string>());
export const householdBriefs = reactive(new Map<number, HouseholdBrief>());
const pendingCadres = new Set<number>();
const pendingHouseholds = new Set<number>();

export function wantCadres(ids: Iterable<number | null | undefined>): void {
  for (const id of ids) {
    if (!id || cadreNames.has(id) || pendingCadres.has(id)) continue;
    pendingCadres.add(id);
    cadresApi
      .get(id)
      .then((c) => cadreNames.set(id, c.name))
      .catch(() => cadreNames.set(id, `#${id}`))
      .finally(() => pendingCadres.delete(id));
  }
}

export function wantHouseholds(ids: Iterable<number | null | undefined>): void {
  for (const id of ids) {
    if (!id || householdBriefs.has(id) || pendingHouseholds.has(id)) continue;
    pendingHouseholds.add(id);
    householdsApi
      .get(id)
      .then((h) => {
        const head = h.members.find((m) => m.id === h.head_person_id) ?? h.members.find((m) => m.relationship === '01');
        const members = Object.fromEntries(h.members.map((m) => [m.id, m.name]));
        householdBriefs.set(id, { number: h.number, head: head?.name ?? '', members });
      })
      .catch(() => householdBriefs.set(id, { number: `#${id}`, head: '' }))
      .finally(() => pendingHouseholds.delete(id));
  }
}

export function clearLookups(): void {
  cadreNames.clear();
  householdBriefs.clear();
}
