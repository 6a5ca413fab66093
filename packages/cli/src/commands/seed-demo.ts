import type { Command } from 'commander';
import { printDemoAccounts, withServices } from '../platform.js';

export function registerSeedDemoCommand(program: Command) {
  program
    .command('seed-demo')
    .description('在空数据库中生成演示法院、部门与账号')
    .action(async () => {
      const { seedDemo } = await import('@courtrisk/server');
      await withServices(async (services, config) => {
        if ((await services.store.repos.courts.countAll()) > 0) {
          throw new Error('数据库中已有法院数据，演示数据只能生成在空数据库中');
        }
        printDemoAccounts(await seedDemo({ ...services, dataDir: config.dataDir }));
      });
    });
}
