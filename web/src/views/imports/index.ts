// Imports of Excel and CSV files (issue 8): the page and its menu entry,
// plugged in like a front (see views/fronts.ts). Shown to users who may
// import at least one kind (kinds.ts).
import type { NavigationGuard } from 'vue-router';
import type { FrontModule } from '../fronts';
// session.ts imports the fronts (a cycle): the guard reads the session only when the route is entered.
import { home, session } from '@/session';
import { importKinds } from './kinds';

const mayImport: NavigationGuard = () =>
  session.user && session.scope && importKinds(session.user.role, session.scope).length > 0 ? true : home.value;

const front: FrontModule = {
  key: 'imports',
  routes: [{ path: 'imports', name: 'imports', component: () => import('./ImportView.vue'), beforeEnter: mayImport, meta: { title: 'imports.title' } }],
  phoneRoutes: [],
  nav: (role, scope) =>
    importKinds(role, scope).length > 0 ? [{ key: 'imports', to: '/imports', label: 'imports.nav', icon: 'upload', group: 'imports.group' }] : [],
};

export default front;
