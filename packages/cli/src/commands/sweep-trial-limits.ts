import type { Command } from 'commander';
import { withServices } from '../platform.js';

export function registerTrialLimitCommands(program: Command) {
  const trialLimits = program.command('trial-limits').description('审限管理');
  trialLimits
    .command('sweep')
    .description('审限每日巡检：按当日（北京时间）重新评估全部未结案件的审限预警并逐级通知；同一法院每天只巡检一次')
    .option('--force', '今天已巡检过的法院也重新评估（修改审限设置后使用）')
    .option('--court-code <代码>', '只巡检这一家法院，如 示0101')
    .action(async (options: { force?: boolean; courtCode?: string }) => {
      const { CLI_ACTOR } = await import('@courtrisk/server');
      const result = await withServices(async (services) => {
        const courtIds = options.courtCode ? [await services.operator.courtIdByCode(options.courtCode)] : undefined;
        return services.trialLimitSweep.run({ force: options.force === true, by: CLI_ACTOR, ...(courtIds ? { courtIds } : {}) });
      });
      console.log(`审限巡检（${result.day}）`);
      for (const court of result.courts) {
        if (!court.swept) {
          console.log(`  ${court.courtName}：今天已巡检，跳过（如需重新评估请加 --force）`);
          continue;
        }
        console.log(
          `  ${court.courtName}：评估 ${court.evaluated} 件，新增预警 ${court.raised}，升级 ${court.escalated}，更新 ${court.updated}，解除 ${court.retired}，发出通知 ${court.notified} 条`,
        );
      }
    });
}
