import { describe, expect, it } from 'vitest';
import { allowed, epidemicNav, homeFor, navFor, type FrontNav } from '@/lib/nav';
import type { Scope } from '@/api/types';

// The scopes as src/auth/roles.cc (scope_for) gives them.
const none: Scope = {
  region_prefix: '', registry: false, registry_write: false, paired_only: false, full_phone: false, may_reveal: false,
  manage_accounts: false, manage_roles: false, read_audit: false,
};
const scopes: Record<string, Scope> = {
  county_admin: { ...none, region_prefix: '430281', registry: true, registry_write: true, may_reveal: true, epidemic: true, epidemic_write: true, epidemic_command: true },
  township_officer: { ...none, region_prefix: '430281126', registry: true, registry_write: true, may_reveal: true, full_phone: true, epidemic: true, epidemic_write: true, epidemic_command: true },
  village_cadre: { ...none, region_prefix: '430281126232', registry: true, registry_write: true, may_reveal: true, full_phone: true, epidemic: true, epidemic_write: true },
  paired_cadre: { ...none, region_prefix: '430281', registry: true, paired_only: true, full_phone: true, may_reveal: true, epidemic: true, epidemic_write: true },
  checkpoint_staff: { ...none, checkpoint_id: 3 },
  enterprise: { ...none },
  system_admin: { ...none, manage_accounts: true },
  security_admin: { ...none, manage_accounts: true, manage_roles: true },
  audit_admin: { ...none, read_audit: true },
};
const keys = (role: string) => navFor(role, scopes[role]).map((i) => i.key);
const withFronts = (role: string) => navFor(role, scopes[role], [{ nav: epidemicNav }]).map((i) => i.key);

describe('navigation by role', () => {
  it('county administrator: dashboard and the whole registry', () => {
    expect(keys('county_admin')).toEqual(['dashboard', 'households', 'householdNew', 'persons', 'cadres', 'villageTeams', 'pairings']);
    expect(homeFor('county_admin', scopes.county_admin)).toBe('/dashboard');
  });
  it('township officer: their township dashboard and registry', () => {
    expect(keys('township_officer')).toContain('dashboard');
    expect(keys('township_officer')).toContain('householdNew');
    expect(homeFor('township_officer', scopes.township_officer)).toBe('/dashboard');
  });
  it('village cadre: registry and the phone view, no dashboard', () => {
    const k = keys('village_cadre');
    expect(k).not.toContain('dashboard');
    expect(k).toContain('mobile');
    expect(k).toContain('householdNew');
    expect(homeFor('village_cadre', scopes.village_cadre)).toBe('/registry/households');
  });
  it('paired cadre: their households, read only, lands on the phone view', () => {
    const k = keys('paired_cadre');
    expect(k).toEqual(['mobile', 'households', 'persons', 'pairings']);
    expect(homeFor('paired_cadre', scopes.paired_cadre)).toBe('/m');
  });
  it('administrators see no personal data', () => {
    expect(keys('system_admin')).toEqual(['accounts']);
    expect(keys('security_admin')).toEqual(['accounts']);
    expect(keys('audit_admin')).toEqual(['audit']);
    expect(homeFor('system_admin', scopes.system_admin)).toBe('/admin/accounts');
    expect(homeFor('audit_admin', scopes.audit_admin)).toBe('/audit');
  });
  it('roles of fronts still to come get a welcome page', () => {
    expect(keys('enterprise')).toEqual(['welcome']);
    expect(homeFor('enterprise', scopes.enterprise)).toBe('/welcome');
  });
  it('epidemic front: the county and townships see every list and command cases and campaigns', () => {
    const k = withFronts('county_admin');
    for (const x of ['keyPersons', 'keyPersonNew', 'cases', 'observations', 'followUps', 'campaigns', 'checkpoints']) expect(k).toContain(x);
    expect(k).not.toContain('checkpoint');
    expect(allowed('epidemic_command', 'township_officer', scopes.township_officer)).toBe(true);
  });
  it('epidemic front: a village cadre lists key persons and follows up, but commands nothing', () => {
    const k = withFronts('village_cadre');
    expect(k).toContain('keyPersonNew');
    expect(k).toContain('followUps');
    expect(k).not.toContain('checkpoints');
    expect(allowed('epidemic_area', 'village_cadre', scopes.village_cadre)).toBe(true);
    expect(allowed('epidemic_command', 'village_cadre', scopes.village_cadre)).toBe(false);
  });
  it('epidemic front: a paired cadre works calls and follow-ups on the phone only', () => {
    expect(epidemicNav('paired_cadre', scopes.paired_cadre)).toEqual([]);
    expect(allowed('epidemic_area', 'paired_cadre', scopes.paired_cadre)).toBe(false);
    expect(allowed('phone', 'paired_cadre', scopes.paired_cadre)).toBe(true);
  });
  it('checkpoint staff: the checkpoint view as home, nothing else', () => {
    expect(withFronts('checkpoint_staff')).toEqual(['checkpoint']);
    expect(homeFor('checkpoint_staff', scopes.checkpoint_staff)).toBe('/checkpoint');
    expect(allowed('checkpoint', 'checkpoint_staff', scopes.checkpoint_staff)).toBe(true);
    expect(allowed('checkpoint', 'county_admin', scopes.county_admin)).toBe(false);
    expect(allowed('epidemic_area', 'checkpoint_staff', scopes.checkpoint_staff)).toBe(false);
    // An account not bound to a checkpoint has nothing to work on.
    const unbound = { ...scopes.checkpoint_staff, checkpoint_id: null };
    expect(homeFor('checkpoint_staff', unbound)).toBe('/welcome');
  });
  it('administrators and auditors see nothing of the epidemic front', () => {
    expect(withFronts('audit_admin')).toEqual(['audit']);
    expect(withFronts('system_admin')).toEqual(['accounts']);
  });
  it('fronts add their own entries', () => {
    const poverty: FrontNav = { nav: (_r, s) => (s.registry ? [{ key: 'poverty', to: '/poverty', label: 'fronts.poverty', icon: 'flag' }] : []) };
    expect(navFor('county_admin', scopes.county_admin, [poverty]).map((i) => i.key)).toContain('poverty');
    expect(navFor('audit_admin', scopes.audit_admin, [poverty]).map((i) => i.key)).toEqual(['audit']);
  });
  it('route needs follow the scope', () => {
    expect(allowed('dashboard', 'county_admin', scopes.county_admin)).toBe(true);
    expect(allowed('dashboard', 'village_cadre', scopes.village_cadre)).toBe(false);
    expect(allowed('registry_write', 'paired_cadre', scopes.paired_cadre)).toBe(false);
    expect(allowed('phone', 'paired_cadre', scopes.paired_cadre)).toBe(true);
    expect(allowed('phone', 'county_admin', scopes.county_admin)).toBe(false);
    expect(allowed('manage_accounts', 'county_admin', scopes.county_admin)).toBe(false);
    expect(allowed('read_audit', 'audit_admin', scopes.audit_admin)).toBe(true);
    expect(allowed('registry', 'audit_admin', scopes.audit_admin)).toBe(false);
    expect(allowed(undefined, 'enterprise', scopes.enterprise)).toBe(true);
  });
});
