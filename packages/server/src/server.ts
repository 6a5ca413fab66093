import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { loadConfig, type Config } from './config.js';
import { migrateToLatest, openDatabase, type Database } from './db/database.js';
import { seedDemo, type DemoAccount } from './services/demo-seed.js';
import { createServices, type ServiceOptions, type Services } from './services/index.js';

export interface StartOptions {
  /** Environment variables to parse; the process environment when omitted. */
  env?: Record<string, string | undefined>;
  config?: Config;
  /** Seed the demo courts and accounts when the database has no account yet. */
  demo?: boolean;
  clock?: Clock;
  /** With `demo`: also seed the synthetic cases (default true; suites that count cases turn it off). */
  demoCases?: boolean;
  /** PostgreSQL schema to use (tests isolate each suite in its own). */
  pgSchema?: string;
  /** Test hook: runs after each committed import batch (simulated crashes). */
  afterImportBatch?: ServiceOptions['afterImportBatch'];
  /** Test-only knob: cheaper argon2 so suites with many logins stay fast. */
  fastPasswordHashing?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  database: Database;
  services: Services;
  /** Demo accounts created by this start, with their one-time passwords; empty otherwise. */
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

/** Opens the database, migrates, optionally seeds the demo, and builds the app (not listening). */
export async function createPlatform(options: StartOptions = {}) {
  const config = options.config ?? loadConfig(options.env);
  if (options.fastPasswordHashing) config.argon2 = { memoryCost: 1024, timeCost: 1 };
  const database = await openDatabase(config.db, { pgSchema: options.pgSchema });
  await migrateToLatest(database.db);
  const services = createServices(config, database, { clock: options.clock ?? systemClock, afterImportBatch: options.afterImportBatch });
  const isEmpty = (await services.store.repos.accounts.countAll()) === 0;
  const demoAccounts = options.demo && isEmpty ? await seedDemo({ ...services, dataDir: config.dataDir }, { cases: options.demoCases }) : [];
  const app = await buildApp(config, services, database);
  void services.imports.resumePending();
  services.jobs.kick();
  return { app, config, database, services, demoAccounts, isEmpty: isEmpty && demoAccounts.length === 0 };
}

/** Starts the platform and listens; `PORT=0` picks a free port (tests). */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const platform = await createPlatform(options);
  const { app, config, database } = platform;
  // Risk clocks, escalation, webhook sending and the daily 审限 / 信访 sweeps; only real servers tick (tests call tick() themselves).
  platform.services.riskScheduler.start();
  app.addHook('onClose', () => platform.services.riskScheduler.stop());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    ...platform,
    url: `http://${config.host}:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
