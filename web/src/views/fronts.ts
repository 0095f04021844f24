// The fronts plug in here: each folder (poverty/, epidemic/, livelihood/)
// exports its routes and navigation entries from its index.ts (imports/: the
// Excel and CSV upload page, plugged in the same way).
import type { RouteRecordRaw } from 'vue-router';
import type { FrontNav } from '@/lib/nav';
import poverty from './poverty';
import epidemic from './epidemic';
import livelihood from './livelihood';
import imports from './imports';

export interface FrontModule extends FrontNav {
  key: 'poverty' | 'epidemic' | 'livelihood' | 'imports';
  /** Routes inside the main layout (paths relative to /). */
  routes: RouteRecordRaw[];
  /** Routes inside the phone layout (/m/...). */
  phoneRoutes: RouteRecordRaw[];
}

export const fronts: FrontModule[] = [poverty, epidemic, livelihood, imports];
