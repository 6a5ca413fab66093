import type { Command } from 'commander';
import { withServices } from '../platform.js';

export function registerRiskCommands(program: Command) {
  const risks = program.command('risks').description('风险事项');
  risks
    .command('tick')
    .description('立即执行一次风险时限巡检：即将到期提醒、超时逐级督办、任务逾期督办，并发送到期的消息推送')
    .action(async () => {
      const result = await withServices((services) => services.riskScheduler.tick());
      if (!result.ran) {
        console.log('另一实例正在巡检，本次未执行');
        return;
      }
      console.log(
        `巡检完成：检查风险 ${result.risksChecked} 件，即将到期提醒 ${result.dueSoonNotices} 条，逐级督办 ${result.escalations} 条，任务逾期督办 ${result.overdueTasks} 条，推送尝试 ${result.webhookAttempts} 次`,
      );
    });
}
