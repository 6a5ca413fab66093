import type { Command } from 'commander';
import { withServices } from '../platform.js';

export function registerPetitionCommands(program: Command) {
  const petitions = program.command('petitions').description('涉诉信访');
  petitions
    .command('sweep')
    .description('信访办理期限巡检：按当日（北京时间）重新计算未办结信访件的受理、办理、复查、复核期限，发出超期与即将到期预警并通知信访工作人员')
    .option('--court-code <代码>', '只巡检这一家法院，如 示01')
    .action(async (options: { courtCode?: string }) => {
      const result = await withServices(async (services) => services.petitions.sweep(options.courtCode ? [await services.operator.courtIdByCode(options.courtCode)] : undefined));
      console.log(`信访期限巡检完成：法院 ${result.courts} 家，信访件 ${result.petitions} 件，新增或升级预警 ${result.warnings} 条，发出通知 ${result.notified} 条`);
    });
}
