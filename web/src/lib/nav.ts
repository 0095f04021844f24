// What each role sees in the navigation, and where it lands after sign-in.
// Pure functions of the session (role + scope flags from POST /api/v1/session),
// so they are unit-tested; the server checks every request anyway.
import type { Scope } from '@/api/types';

export interface NavItem {
  key: string;
  /** Route path. */
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Icon name (see layouts/icons.ts). */
  icon: string;
  /** i18n key of the group heading, if any. */
  group?: string;
}

/** A front (poverty, epidemic, livelihood) adds its own entries when it lands. */
export interface FrontNav {
  nav: (role: string, scope: Scope) => NavItem[];
}

/** County- or township-wide views (the dashboard) make sense for these scopes. */
export function seesDashboard(scope: Scope): boolean {
  return scope.registry && !scope.paired_only && scope.region_prefix.length > 0 && scope.region_prefix.length <= 9;
}

/** The phone view ("my households") is for the cadres in the field. */
export function seesPhoneView(role: string, scope: Scope): boolean {
  return scope.registry && (role === 'paired_cadre' || role === 'village_cadre');
}

export function navFor(role: string, scope: Scope, fronts: FrontNav[] = []): NavItem[] {
  const items: NavItem[] = [];
  if (seesDashboard(scope)) items.push({ key: 'dashboard', to: '/dashboard', label: 'nav.dashboard', icon: 'dashboard' });
  if (seesPhoneView(role, scope))
    items.push({ key: 'mobile', to: '/m', label: scope.paired_only ? 'nav.mobile' : 'nav.mobileVillage', icon: 'phone' });
  for (const f of fronts) items.push(...f.nav(role, scope));
  if (scope.registry) {
    const g = 'nav.registry';
    items.push({ key: 'households', to: '/registry/households', label: 'nav.households', icon: 'house', group: g });
    if (scope.registry_write)
      items.push({ key: 'householdNew', to: '/registry/households/new', label: 'nav.householdNew', icon: 'plus', group: g });
    items.push({ key: 'persons', to: '/registry/persons', label: 'nav.persons', icon: 'user', group: g });
    if (!scope.paired_only) {
      items.push({ key: 'cadres', to: '/registry/cadres', label: 'nav.cadres', icon: 'cadre', group: g });
      items.push({ key: 'villageTeams', to: '/registry/village-teams', label: 'nav.villageTeams', icon: 'flag', group: g });
    }
    items.push({ key: 'pairings', to: '/registry/pairings', label: 'nav.pairings', icon: 'link', group: g });
  }
  if (scope.manage_accounts)
    items.push({ key: 'accounts', to: '/admin/accounts', label: 'nav.accounts', icon: 'key', group: 'nav.admin' });
  if (scope.read_audit) items.push({ key: 'audit', to: '/audit', label: 'nav.audit', icon: 'audit', group: 'nav.admin' });
  if (items.length === 0) items.push({ key: 'welcome', to: '/welcome', label: 'nav.welcome', icon: 'home' });
  return items;
}

/** The first page after sign-in. */
export function homeFor(role: string, scope: Scope): string {
  if (role === 'paired_cadre' && scope.registry) return '/m';
  if (seesDashboard(scope)) return '/dashboard';
  if (scope.registry) return '/registry/households';
  if (scope.manage_accounts) return '/admin/accounts';
  if (scope.read_audit) return '/audit';
  return '/welcome';
}

/** Route access: the `need` of a route's meta against the scope. */
/** registry_area: the registry of a region (not a paired cadre's own households only). */
export type Need = 'registry' | 'registry_area' | 'registry_write' | 'dashboard' | 'phone' | 'manage_accounts' | 'read_audit';

export function allowed(need: Need | undefined, role: string, scope: Scope): boolean {
  switch (need) {
    case undefined:
      return true;
    case 'registry':
      return scope.registry;
    case 'registry_area':
      return scope.registry && !scope.paired_only;
    case 'registry_write':
      return scope.registry_write;
    case 'dashboard':
      return seesDashboard(scope);
    case 'phone':
      return seesPhoneView(role, scope);
    case 'manage_accounts':
      return scope.manage_accounts;
    case 'read_audit':
      return scope.read_audit;
  }
}
