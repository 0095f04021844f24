// The livelihood front (民生保障: produce, jobs, work resumption, spring
// farming): its routes and navigation entries (see views/fronts.ts). Who may
// open a page is decided by lib.ts (livelihoodAllowed), checked before entering;
// the server checks every request anyway. The household page's block is
// HouseholdLivelihood.vue; the dashboard's figures are in views/dashboard.
import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import type { FrontModule } from '../fronts';
// session.ts imports the fronts, so this is a cycle: the guard reads the session
// only when a route is entered, long after both modules are evaluated.
import { home, session } from '@/session';
import { livelihoodAllowed, livelihoodNav, type LivelihoodNeed } from './lib';

/** A guard for a route: the session is known by then (the router's beforeEach). */
function need(what: LivelihoodNeed): NavigationGuard {
  return (to) => {
    if (!session.user || !session.scope) return home.value;
    const id = to.params.id ? Number(to.params.id) : undefined;
    return livelihoodAllowed(what, session.user.role, session.scope, id) ? true : home.value;
  };
}

const route = (path: string, name: string, component: RouteRecordRaw['component'], what: LivelihoodNeed, title: string): RouteRecordRaw =>
  ({ path, name, component, beforeEnter: need(what), meta: { title } }) as RouteRecordRaw;

const front: FrontModule = {
  key: 'livelihood',
  routes: [
    route('livelihood/listings', 'lh-listings', () => import('./produce/ListingList.vue'), 'write', 'livelihood.listings.title'),
    route('livelihood/purchase-points', 'lh-points', () => import('./produce/PointList.vue'), 'area', 'livelihood.points.title'),
    route('livelihood/purchase-points/:id(\\d+)', 'lh-point', () => import('./produce/PointDetail.vue'), 'point', 'livelihood.points.title'),
    route('livelihood/purchase-points/:id(\\d+)/purchase', 'lh-purchase', () => import('./produce/PurchaseForm.vue'), 'point', 'livelihood.purchase.title'),
    route('livelihood/purchases', 'lh-purchases', () => import('./produce/PurchaseList.vue'), 'area', 'livelihood.purchases.title'),
    route('livelihood/unsold', 'lh-unsold', () => import('./produce/UnsoldView.vue'), 'area', 'livelihood.unsold.title'),
    route('livelihood/labourers', 'lh-labourers', () => import('./jobs/LabourerList.vue'), 'write', 'livelihood.labourers.title'),
    route('livelihood/postings', 'lh-postings', () => import('./jobs/PostingList.vue'), 'area', 'livelihood.postings.title'),
    route('livelihood/postings/:id(\\d+)', 'lh-posting', () => import('./jobs/PostingDetail.vue'), 'area', 'livelihood.postings.title'),
    route('livelihood/placements', 'lh-placements', () => import('./jobs/PlacementList.vue'), 'area', 'livelihood.placements.title'),
    route('livelihood/welfare-posts', 'lh-welfare', () => import('./jobs/WelfarePostList.vue'), 'area', 'livelihood.welfare.title'),
    route('livelihood/enterprises', 'lh-enterprises', () => import('./enterprise/EnterpriseList.vue'), 'area', 'livelihood.enterprises.title'),
    route('livelihood/enterprises/:id(\\d+)', 'lh-enterprise', () => import('./enterprise/EnterpriseDetail.vue'), 'enterprise', 'livelihood.enterprises.title'),
    route('livelihood/supplies', 'lh-supplies', () => import('./supplies/SuppliesView.vue'), 'area', 'livelihood.supplies.title'),
  ],
  phoneRoutes: [],
  nav: livelihoodNav,
};

export default front;
