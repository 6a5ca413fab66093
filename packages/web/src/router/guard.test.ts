import type { Permission } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { decideNavigation, safeRedirect, type SessionState } from './guard';
import { routes } from './routes';

const router = createRouter({ history: createMemoryHistory(), routes });
const to = (path: string) => router.resolve(path);

const session = (overrides: Partial<SessionState> & { permissions?: Permission[] } = {}): SessionState => {
  const permissions = overrides.permissions ?? [];
  return {
    isLoggedIn: overrides.isLoggedIn ?? true,
    mustChangePassword: overrides.mustChangePassword ?? false,
    can: (p) => permissions.includes(p),
  };
};

describe('decideNavigation', () => {
  it('sends a visitor without a session to the login page, remembering where they were going', () => {
    expect(decideNavigation(to('/system/accounts?page=2'), session({ isLoggedIn: false }))).toEqual({
      name: 'login',
      query: { redirect: '/system/accounts?page=2' },
    });
    expect(decideNavigation(to('/'), session({ isLoggedIn: false }))).toEqual({ name: 'login', query: {} });
  });

  it('lets anyone open the login page, and sends a logged-in user on to the redirect target', () => {
    expect(decideNavigation(to('/login'), session({ isLoggedIn: false }))).toBe(true);
    expect(decideNavigation(to('/login?redirect=/system/roles'), session())).toBe('/system/roles');
    expect(decideNavigation(to('/login?redirect=//evil.example'), session())).toBe('/');
  });

  it('keeps an account with an initial password on the change-password page', () => {
    const pending = session({ mustChangePassword: true, permissions: ['account.read'] });
    expect(decideNavigation(to('/system/accounts'), pending)).toEqual({ name: 'password' });
    expect(decideNavigation(to('/'), pending)).toEqual({ name: 'password' });
    expect(decideNavigation(to('/password'), pending)).toBe(true);
  });

  it('shows the 403 page for a page whose permission the session lacks', () => {
    expect(decideNavigation(to('/system/audit-logs'), session({ permissions: ['court.read'] }))).toEqual({
      name: 'forbidden',
    });
    expect(decideNavigation(to('/system/audit-logs'), session({ permissions: ['audit.read'] }))).toBe(true);
  });

  it('resolves /cases/import to the import page, not to a case called “import”', () => {
    expect(to('/cases/import').name).toBe('caseImport');
    expect(to('/cases/5f0c7b1e-0000-4000-8000-000000000001').name).toBe('caseDetail');
    expect(decideNavigation(to('/cases/import'), session({ permissions: ['case.read'] }))).toEqual({ name: 'forbidden' });
    expect(decideNavigation(to('/rules/financial'), session({ permissions: ['rule.read'] }))).toBe(true);
  });

  it('lets every logged-in user reach the pages without a permission', () => {
    for (const path of ['/', '/profile', '/password', '/403', '/no/such/page']) {
      expect(decideNavigation(to(path), session())).toBe(true);
    }
  });
});

describe('safeRedirect', () => {
  it('accepts only same-site absolute paths', () => {
    expect(safeRedirect('/system/accounts')).toBe('/system/accounts');
    expect(safeRedirect('//evil.example/x')).toBeUndefined();
    expect(safeRedirect('https://evil.example')).toBeUndefined();
    expect(safeRedirect(['/a'])).toBeUndefined();
  });
});
