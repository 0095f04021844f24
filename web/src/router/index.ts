import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { allowed, type Need } from '@/lib/nav';
import { ensureSession, home, session, signedIn } from '@/session';
import { fronts } from '@/views/fronts';
import { countyCode, loadRegions } from '@/lib/regions';
import { countyTodayNow } from '@/lib/countyToday';
import { trendRange } from '@/lib/trends';
import { prefetchSeries } from '@/lib/seriesPrefetch';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    need?: Need;
    /** i18n key of the page title. */
    title?: string;
  }
}

const MainLayout = () => import('@/layouts/MainLayout.vue');
const PhoneLayout = () => import('@/layouts/PhoneLayout.vue');

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'login.title' } },
  {
    path: '/m',
    component: PhoneLayout,
    meta: { need: 'phone' },
    children: [
      { path: '', name: 'phone-households', component: () => import('@/views/mobile/MyHouseholds.vue'), meta: { need: 'phone', title: 'mobile.title' } },
      { path: 'households/:id(\\d+)', name: 'phone-household', component: () => import('@/views/mobile/PhoneHousehold.vue'), meta: { need: 'phone', title: 'household.title' } },
      { path: 'calls', name: 'phone-calls', component: () => import('@/views/epidemic/phone/MyCalls.vue'), meta: { need: 'phone', title: 'mobile.tabs.calls' } },
      { path: 'follow-ups', name: 'phone-follow-ups', component: () => import('@/views/epidemic/phone/MyFollowUps.vue'), meta: { need: 'phone', title: 'mobile.tabs.followUps' } },
      ...fronts.flatMap((f) => f.phoneRoutes),
    ],
  },
  {
    path: '/',
    component: MainLayout,
    children: [
      // Resolved in the guard below, once the session is known.
      { path: '', name: 'home', component: () => import('@/views/common/NotFound.vue') },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/dashboard/DashboardView.vue'), meta: { need: 'dashboard', title: 'dashboard.title' } },
      { path: 'registry/households', name: 'households', component: () => import('@/views/registry/HouseholdList.vue'), meta: { need: 'registry', title: 'nav.households' } },
      { path: 'registry/households/new', name: 'household-new', component: () => import('@/views/registry/HouseholdCreate.vue'), meta: { need: 'registry_write', title: 'household.create' } },
      { path: 'registry/households/:id(\\d+)', name: 'household', component: () => import('@/views/registry/HouseholdDetail.vue'), meta: { need: 'registry', title: 'household.title' } },
      { path: 'registry/persons', name: 'persons', component: () => import('@/views/registry/PersonList.vue'), meta: { need: 'registry', title: 'nav.persons' } },
      { path: 'registry/cadres', name: 'cadres', component: () => import('@/views/registry/CadreList.vue'), meta: { need: 'registry', title: 'nav.cadres' } },
      { path: 'registry/village-teams', name: 'village-teams', component: () => import('@/views/registry/VillageTeamList.vue'), meta: { need: 'registry', title: 'nav.villageTeams' } },
      { path: 'registry/pairings', name: 'pairings', component: () => import('@/views/registry/PairingList.vue'), meta: { need: 'registry', title: 'nav.pairings' } },
      { path: 'admin/accounts', name: 'accounts', component: () => import('@/views/admin/AccountList.vue'), meta: { need: 'manage_accounts', title: 'accounts.title' } },
      { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditLog.vue'), meta: { need: 'read_audit', title: 'audit.title' } },
      { path: 'welcome', name: 'welcome', component: () => import('@/views/common/WelcomeView.vue'), meta: { title: 'nav.welcome' } },
      ...fronts.flatMap((f) => f.routes),
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/common/NotFound.vue'), meta: { title: 'notFound.title' } },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/**
 * Starts downloading the code of the route's lazy pages (layout and view) at
 * once: the router itself asks for it only after the guard below, i.e. after
 * the GET /session round trip of a first visit. The import is cached, so the
 * router's own call later gets the same module.
 */
function prefetchPages(to: RouteLocationNormalized): void {
  for (const r of to.matched)
    for (const c of Object.values(r.components ?? {}))
      if (typeof c === 'function' && !('setup' in c) && !('render' in c) && c.length === 0)
        (c as () => Promise<unknown>)().catch(() => undefined);
}

router.beforeEach(async (to) => {
  if (!session.checked) prefetchPages(to);
  if (to.meta.public) {
    if (to.name === 'login') {
      // Still signed in (the cookie): go to the home page instead.
      const ok = await ensureSession().catch(() => false);
      if (ok && signedIn.value) return home.value;
    }
    return true;
  }
  let ok = false;
  try {
    ok = await ensureSession();
  } catch {
    ok = false;
  }
  if (!ok) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  loadRegions().catch(() => undefined);
  if (to.name === 'dashboard' && !to.query.region && allowed('dashboard', session.user!.role, session.scope!)) {
    // The trends' default (since 2020-01-20, the user's own region) as BulletinTrends will ask for it.
    const today = countyTodayNow();
    if (today) {
      const { from, to: until } = trendRange(today, 'all');
      prefetchSeries(from, until, session.scope!.region_prefix || countyCode());
    }
  }
  if (to.name === 'home') return home.value;
  const { user, scope } = session;
  for (const r of to.matched) {
    if (!allowed(r.meta.need, user!.role, scope!)) return home.value;
  }
  return true;
});
