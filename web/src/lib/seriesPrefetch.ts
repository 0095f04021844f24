// The dashboard's bulletin series, asked for as soon as the session is known
// (by the router, on the way to the dashboard) rather than once the page's
// code has loaded and rendered: it is the slowest request of the page, and the
// trends chart waits for it. BulletinTrends takes the request in flight if it
// asks for the same days and region; a prefetched answer nobody takes is
// dropped after a while.
import { bulletinApi } from '@/api/endpoints';
import type { BulletinSeries } from '@/api/types';

const pending = new Map<string, Promise<BulletinSeries>>();
const key = (from: string, to: string, region: string) => `${from}|${to}|${region}`;

export function prefetchSeries(from: string, to: string, region: string): void {
  const k = key(from, to, region);
  if (pending.has(k)) return;
  const p = bulletinApi.series(from, to, region);
  p.catch(() => undefined); // the page asks again if it failed
  pending.set(k, p);
  setTimeout(() => pending.delete(k), 30000);
}

/** The series, from the prefetched request when there is one for exactly these days and region. */
export function bulletinSeries(from: string, to: string, region: string): Promise<BulletinSeries> {
  const k = key(from, to, region);
  const p = pending.get(k);
  if (p) {
    pending.delete(k);
    return p.catch(() => bulletinApi.series(from, to, region));
  }
  return bulletinApi.series(from, to, region);
}

export function clearSeriesPrefetch(): void {
  pending.clear();
}
