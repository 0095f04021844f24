// The poverty front (脱贫攻坚战): its routes and navigation entries (see
// views/fronts.ts). The household page's "扶贫" section is PovertySection.vue,
// loaded by registry/HouseholdDetail.vue.
import type { NavItem } from '@/lib/nav';
import type { FrontModule } from '../fronts';

const front: FrontModule = {
  key: 'poverty',
  routes: [
    { path: 'poverty', name: 'poverty-overview', component: () => import('./PovertyOverview.vue'), meta: { need: 'registry_area', title: 'poverty.overview.title' } },
    { path: 'poverty/tasks', name: 'poverty-tasks', component: () => import('./TaskList.vue'), meta: { need: 'registry', title: 'poverty.task.title' } },
    { path: 'poverty/overdue', name: 'poverty-overdue', component: () => import('./OverdueView.vue'), meta: { need: 'registry_area', title: 'poverty.overdue.title' } },
    { path: 'poverty/monitoring', name: 'poverty-monitoring', component: () => import('./MonitoringList.vue'), meta: { need: 'registry_area', title: 'poverty.monitoring.title' } },
    { path: 'poverty/visits', name: 'poverty-visits', component: () => import('./VisitsOverdue.vue'), meta: { need: 'registry', title: 'poverty.visits.overdueTitle' } },
  ],
  phoneRoutes: [
    { path: 'tasks', name: 'phone-tasks', component: () => import('./phone/MyTasks.vue'), meta: { need: 'phone', title: 'mobile.tabs.tasks' } },
    { path: 'visits', name: 'phone-visits', component: () => import('./phone/PhoneVisits.vue'), meta: { need: 'phone', title: 'mobile.tabs.visits' } },
  ],
  nav: (_role, scope) => {
    if (!scope.registry) return [];
    const g = 'fronts.poverty';
    const items: NavItem[] = [];
    const area = !scope.paired_only;
    if (area) items.push({ key: 'povertyOverview', to: '/poverty', label: 'nav.povertyOverview', icon: 'chart', group: g });
    items.push({ key: 'povertyTasks', to: '/poverty/tasks', label: 'nav.povertyTasks', icon: 'tasks', group: g });
    if (area) {
      items.push({ key: 'povertyOverdue', to: '/poverty/overdue', label: 'nav.povertyOverdue', icon: 'clock', group: g });
      items.push({ key: 'povertyMonitoring', to: '/poverty/monitoring', label: 'nav.povertyMonitoring', icon: 'warning', group: g });
    }
    items.push({ key: 'povertyVisits', to: '/poverty/visits', label: 'nav.povertyVisits', icon: 'calendar', group: g });
    return items;
  },
};

export default front;
