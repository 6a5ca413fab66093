import type { Config, Database, DemoAccount, Services } from '@courtrisk/server';
import { configDocs } from '@courtrisk/server/config';

/** Opens the configured database, migrates it, runs `work` with the services, and closes. */
export async function withServices<T>(work: (services: Services, config: Config, database: Database) => Promise<T>): Promise<T> {
  const { createServices, loadConfig, migrateToLatest, openDatabase } = await import('@courtrisk/server');
  const config = loadConfig();
  const database = await openDatabase(config.db);
  try {
    await migrateToLatest(database.db);
    return await work(createServices(config, database), config, database);
  } finally {
    await database.close();
  }
}

export function configHelp(): string {
  const lines = configDocs.map((d) => `  ${d.name.padEnd(28)} ${d.description}`);
  return `\n环境变量:\n${lines.join('\n')}\n`;
}

export function describeDatabase(config: Config): string {
  return config.db.dialect === 'sqlite' ? `SQLite ${config.db.file}` : 'PostgreSQL（DATABASE_URL）';
}

/** Prints each demo account's one-time password; they appear nowhere else. */
export function printDemoAccounts(accounts: DemoAccount[]) {
  if (accounts.length === 0) return;
  console.log('\n已生成演示数据。以下初始密码只显示这一次，首次登录须修改密码：\n');
  let court = '';
  for (const a of accounts) {
    if (a.courtName !== court) {
      court = a.courtName;
      console.log(`  ${court}`);
    }
    console.log(`    ${a.username.padEnd(16)} ${a.password}   ${a.roleName}（${a.displayName}）`);
  }
  console.log('');
}
