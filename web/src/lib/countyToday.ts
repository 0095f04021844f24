// The county's "today": the demo county lives on 2020-02-12, and the server
// refuses dates after its today. The session tells it (GET /api/v1/session
// "today"); an older server did not, so then it is read from what the user
// can see: the day of a follow-up due or done today, else a checkpoint's
// "today", else the calendar date.
import { epidemicApi, sessionApi } from '@/api/endpoints';
import { todayIso } from './poverty';

let cached: Promise<string> | null = null;
let known: string | null = null;

async function find(): Promise<string> {
  try {
    const me = await sessionApi.current();
    if (me.today) return me.today;
  } catch {
    /* signed out */
  }
  try {
    const due = await epidemicApi.due({});
    const d = due.items.find((x) => x.state !== 'overdue');
    if (d) return d.day;
  } catch {
    /* not allowed for this role */
  }
  try {
    const cps = await epidemicApi.checkpoints();
    if (cps.items.length) {
      const cp = await epidemicApi.checkpoint(cps.items[0].id);
      if (cp.today?.date) return cp.today.date;
    }
  } catch {
    /* none */
  }
  return todayIso();
}

export function countyToday(): Promise<string> {
  cached ??= find();
  return cached;
}

/** Tells the cache a today seen elsewhere (a checkpoint's). */
export function knowCountyToday(day: string): void {
  cached = Promise.resolve(day);
  known = day;
}

/** The county's today if already known (the session said it), without waiting. */
export function countyTodayNow(): string | null {
  return known;
}

export function resetCountyToday(): void {
  cached = null;
  known = null;
}
