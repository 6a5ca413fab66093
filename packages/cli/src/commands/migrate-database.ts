import type { Command } from 'commander';
import { describeDatabase } from '../platform.js';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('执行数据库迁移（启动时也会自动执行）')
    .action(async () => {
      const { loadConfig, migrateToLatest, openDatabase } = await import('@courtrisk/server');
      const config = loadConfig();
      const database = await openDatabase(config.db);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length > 0 ? `已执行迁移：\n  ${applied.join('\n  ')}` : '数据库已是最新结构');
        console.log(`数据库：${describeDatabase(config)}`);
      } finally {
        await database.close();
      }
    });
}
