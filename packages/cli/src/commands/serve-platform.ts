import type { Command } from 'commander';
import { describeDatabase, printDemoAccounts } from '../platform.js';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('启动平台（首次启动且数据库为空时生成演示数据）')
    .option('--no-demo', '不生成演示数据（生产环境：先用 courtrisk user create 创建管理员）')
    .action(async (options: { demo: boolean }) => {
      const { startServer } = await import('@courtrisk/server');
      const server = await startServer({ demo: options.demo });
      if (!options.demo && (await server.services.store.repos.accounts.countAll()) === 0) {
        await server.close();
        throw new Error('数据库中还没有任何账号。请先运行：courtrisk user create --username <账号> --name <姓名> --role admin --court-code <法院代码> --court-name <法院名称>');
      }
      printDemoAccounts(server.demoAccounts);
      console.log(`CourtRisk 已启动：${server.url}（数据库：${describeDatabase(server.config)}，接口文档：${server.url}/api/docs）`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
