// The signed-in user: role and scope from the API. The bearer token stays in
// memory only; after a page reload the HttpOnly lz_session cookie carries the
// session and GET /api/v1/session tells who is signed in.
import { computed, reactive } from 'vue';
import { sessionApi } from '@/api/endpoints';
import { setToken } from '@/api/http';
import type { Account, Scope } from '@/api/types';
import { homeFor, navFor } from '@/lib/nav';
import { fronts } from '@/views/fronts';
import { resetRegions } from '@/lib/regions';
import { clearLookups } from '@/lib/lookup';
import { knowCountyToday, resetCountyToday } from '@/lib/countyToday';
import { clearSeriesPrefetch } from '@/lib/seriesPrefetch';
import { isApiError } from '@/api/problem';

interface State {
  user: Account | null;
  scope: Scope | null;
  checked: boolean;
  /** Why the user is back at the login page, if not by choice (an i18n key). */
  reason: string | null;
}

export const session = reactive<State>({ user: null, scope: null, checked: false, reason: null });

export const signedIn = computed(() => session.user !== null && session.scope !== null);
export const navItems = computed(() =>
  session.user && session.scope ? navFor(session.user.role, session.scope, fronts) : [],
);
export const home = computed(() => (session.user && session.scope ? homeFor(session.user.role, session.scope) : '/login'));

export async function login(loginName: string, password: string): Promise<void> {
  const s = await sessionApi.login(loginName, password);
  setToken(s.token ?? null);
  session.user = s.user;
  session.scope = s.scope;
  session.checked = true;
  session.reason = null;
  if (s.today) knowCountyToday(s.today); // spares the dashboard's trends a GET /session
}

/** Asks the server once whether the cookie still holds a session. */
export async function ensureSession(): Promise<boolean> {
  if (session.checked) return signedIn.value;
  try {
    const s = await sessionApi.current();
    session.user = s.user;
    session.scope = s.scope;
    if (s.today) knowCountyToday(s.today);
  } catch (e) {
    if (!isApiError(e) || e.status !== 401) {
      session.checked = false;
      throw e;
    }
    session.user = null;
    session.scope = null;
  }
  session.checked = true;
  return signedIn.value;
}

export function clearSession(reason: string | null = null): void {
  setToken(null);
  session.user = null;
  session.scope = null;
  session.checked = true;
  session.reason = reason;
  resetRegions();
  clearLookups();
  resetCountyToday();
  clearSeriesPrefetch();
}

export async function logout(): Promise<void> {
  try {
    await sessionApi.logout();
  } finally {
    clearSession('login.signedOut');
  }
}
