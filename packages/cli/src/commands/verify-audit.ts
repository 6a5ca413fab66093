import type { Command } from 'commander';
import { withServices } from '../platform.js';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验全部法院的审计日志 SM3 哈希链，报告第一处断链')
    .action(async () => {
      const { verifyAuditChains } = await import('@courtrisk/server');
      const result = await withServices((services) => verifyAuditChains(services.store.repos));
      if (result.ok) {
        console.log(`审计日志完整：共校验 ${result.checked} 条记录`);
        return;
      }
      const b = result.broken!;
      console.error(`审计日志校验失败：法院 ${b.courtId} 序号 ${b.seq}${b.id ? `（记录 ${b.id}）` : ''}：${b.reason}`);
      process.exitCode = 2;
    });
}
