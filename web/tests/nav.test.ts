import { describe, expect, it } from 'vitest';
import { allowed, homeFor, navFor, type FrontNav } from '@/lib/nav';
import type { Scope } from '@/api/types';

// The scopes as src/auth/roles.cc (scope_for) gives them.
const none: Scope = {
  region_prefix: '', registry: false, registry_write: false, paired_only: false, full_phone: false, may_reveal: false,
  manage_accounts: false, manage_roles: false, read_audit: false,
};
const scopes: Record<string, Scope> = {
  county_admin: { ...none, region_prefix: '430281', registry: true, registry_write: true, may_reveal: true },
  township_officer: { ...none, region_prefix: '430281126', registry: true, registry_write: true, may_reveal: true, full_phone: true },
  village_cadre: { ...none, region_prefix: '430281126232', registry: true, registry_write: true, may_reveal: true, full_phone: true },
  paired_cadre: { ...none, region_prefix: '430281', registry: true, paired_only: true, full_phone: true, may_reveal: true },
  checkpoint_staff: { ...none },
  enterprise: { ...none },
  system_admin: { ...none, manage_accounts: true },
  security_admin: { ...none, manage_accounts: true, manage_roles: true },
  audit_admin: { ...none, read_audit: true },
};
const keys = (role: string) => navFor(role, scopes[role]).map((i) => i.key);

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
    expect(keys('checkpoint_staff')).toEqual(['welcome']);
    expect(homeFor('enterprise', scopes.enterprise)).toBe('/welcome');
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
