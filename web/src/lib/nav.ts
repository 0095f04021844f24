// What each role sees in the navigation, and where it lands after sign-in.
// Pure functions of the session (role + scope flags from POST /api/v1/session),
// so they are unit-tested; the server checks every request anyway.
import type { Scope } from '@/api/types';
import { livelihoodHome } from '@/views/livelihood/lib';

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

/** Checkpoint staff work on one checkpoint's passages (the checkpoint view). */
export function seesCheckpointView(role: string, scope: Scope): boolean {
  return role === 'checkpoint_staff' && scope.checkpoint_id !== null && scope.checkpoint_id !== undefined;
}

/** The epidemic front's lists of a region (not a paired cadre's own work only). */
export function seesEpidemicArea(scope: Scope): boolean {
  return !!scope.epidemic && !scope.paired_only;
}

/**
 * The epidemic front's menu: key persons, cases, observation, follow-ups due and
 * campaigns for the users of a region; a paired cadre works their calls and
 * follow-ups on the phone view; checkpoint staff get the checkpoint view.
 */
export function epidemicNav(role: string, scope: Scope): NavItem[] {
  const items: NavItem[] = [];
  if (seesCheckpointView(role, scope)) items.push({ key: 'checkpoint', to: '/checkpoint', label: 'nav.checkpoint', icon: 'checkpoint' });
  if (!seesEpidemicArea(scope)) return items;
  const g = 'fronts.epidemic';
  items.push({ key: 'keyPersons', to: '/epidemic/key-persons', label: 'nav.keyPersons', icon: 'user', group: g });
  if (scope.epidemic_write)
    items.push({ key: 'keyPersonNew', to: '/epidemic/key-persons/new', label: 'nav.keyPersonNew', icon: 'plus', group: g });
  items.push({ key: 'cases', to: '/epidemic/cases', label: 'nav.cases', icon: 'warning', group: g });
  items.push({ key: 'observations', to: '/epidemic/observations', label: 'nav.observations', icon: 'house', group: g });
  items.push({ key: 'followUps', to: '/epidemic/follow-ups', label: 'nav.followUps', icon: 'calendar', group: g });
  items.push({ key: 'campaigns', to: '/epidemic/campaigns', label: 'nav.campaigns', icon: 'phone', group: g });
  if (scope.epidemic_command)
    items.push({ key: 'checkpoints', to: '/epidemic/checkpoints', label: 'nav.checkpoints', icon: 'checkpoint', group: g });
  return items;
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
  if (livelihoodHome(role, scope)) return livelihoodHome(role, scope)!; // enterprise accounts, purchase-point operators
  if (role === 'paired_cadre' && scope.registry) return '/m';
  if (seesCheckpointView(role, scope)) return '/checkpoint';
  if (seesDashboard(scope)) return '/dashboard';
  if (scope.registry) return '/registry/households';
  if (scope.manage_accounts) return '/admin/accounts';
  if (scope.read_audit) return '/audit';
  return '/welcome';
}

/** Route access: the `need` of a route's meta against the scope. */
/** registry_area: the registry of a region (not a paired cadre's own households only). */
/** epidemic_area: the epidemic front's lists of a region; epidemic_write_area: listing key persons there;
 * epidemic_command: cases and campaigns (county and townships); checkpoint: checkpoint staff. */
export type Need =
  | 'registry'
  | 'registry_area'
  | 'registry_write'
  | 'dashboard'
  | 'phone'
  | 'manage_accounts'
  | 'read_audit'
  | 'epidemic_area'
  | 'epidemic_write_area'
  | 'epidemic_command'
  | 'checkpoint';

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
    case 'epidemic_area':
      return seesEpidemicArea(scope);
    case 'epidemic_write_area':
      return seesEpidemicArea(scope) && !!scope.epidemic_write;
    case 'epidemic_command':
      return seesEpidemicArea(scope) && !!scope.epidemic_command;
    case 'checkpoint':
      return seesCheckpointView(role, scope);
  }
}
