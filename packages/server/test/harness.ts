import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createPlatform, type StartOptions } from '../src/server.js';
import type { DemoAccount } from '../src/services/demo-seed.js';
import type { Clock } from '../src/clock.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The databases repository and route suites run on. PostgreSQL comes from TEST_DATABASE_URL;
 * under CI=true it is mandatory, elsewhere its absence skips those cases loudly.
 */
export function testDialects(): DialectName[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true 但未设置 TEST_DATABASE_URL：PostgreSQL 测试是必需的');
  console.warn('\n⚠️  未设置 TEST_DATABASE_URL：跳过 PostgreSQL 测试，只在 SQLite 上运行。\n');
  return ['sqlite'];
}

/** A clock the test moves by hand: no sleeping for idle expiry or lockout. */
export function createTestClock(start = new Date('2026-03-02T01:00:00Z')) {
  let now = start.getTime();
  const clock: Clock & { advanceMinutes(minutes: number): void } = {
    now: () => new Date(now),
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
  };
  return clock;
}

export interface TestPlatformOptions {
  env?: Record<string, string>;
  demo?: boolean;
  afterImportBatch?: StartOptions['afterImportBatch'];
  demoCases?: boolean;
}

/** A migrated platform on a fresh SQLite file or a fresh PostgreSQL schema, with the demo seeded. */
export async function createTestPlatform(dialect: DialectName, options: TestPlatformOptions = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-test-'));
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL! } : {}),
    ...options.env,
  };
  const clock = createTestClock();
  const platform = await createPlatform({
    config: loadConfig(env),
    demo: options.demo ?? true,
    demoCases: options.demoCases ?? false,
    clock,
    fastPasswordHashing: true,
    pgSchema: dialect === 'postgres' ? schema : undefined,
    afterImportBatch: options.afterImportBatch,
  });
  const demo = new Map(platform.demoAccounts.map((a) => [a.username, a]));
  return {
    ...platform,
    clock,
    dataDir,
    demoAccount(username: string): DemoAccount {
      const account = demo.get(username);
      if (!account) throw new Error(`no demo account ${username}`);
      return account;
    },
    async close() {
      await platform.services.imports.idle();
      await platform.services.jobs.idle();
      await platform.app.close();
      await platform.database.close();
      if (dialect === 'postgres') {
        const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestPlatform = Awaited<ReturnType<typeof createTestPlatform>>;

export const STRONG_PASSWORD = 'Fayuan#2026risk';

export interface Session {
  cookie: string;
  csrf: string;
  username: string;
}

/** Logs in through the API; returns the cookie and CSRF token, or throws with the response. */
export async function login(platform: TestPlatform, username: string, password: string): Promise<Session> {
  const res = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cr_sid');
  return { cookie: `cr_sid=${cookie!.value}`, csrf: res.json().csrfToken, username };
}

/** Logs a demo account in and replaces its one-time password, as its first use would. */
export async function loginReady(platform: TestPlatform, username: string): Promise<Session> {
  const first = await login(platform, username, platform.demoAccount(username).password);
  const res = await call(platform, first, 'POST', '/api/v1/auth/password', {
    currentPassword: platform.demoAccount(username).password,
    newPassword: STRONG_PASSWORD,
  });
  if (res.statusCode !== 200) throw new Error(`password change failed: ${res.body}`);
  return { ...first, csrf: res.json().csrfToken };
}

export function call(platform: TestPlatform, session: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return platform.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
