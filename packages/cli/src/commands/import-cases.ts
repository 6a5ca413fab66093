import type { Command } from 'commander';
import { withServices } from '../platform.js';

export function registerImportCommand(program: Command) {
  program
    .command('import <file>')
    .description('在服务器上导入案件文件（CSV/XLSX/JSONL），按批提交并筛查；中断后再次执行会从断点继续')
    .requiredOption('--court-code <代码>', '案件所属法院代码，如 示0101')
    .action(async (file: string, options: { courtCode: string }) => {
      const job = await withServices(async (services) => {
        const courtId = await services.operator.courtIdByCode(options.courtCode);
        return services.imports.importLocalFile(courtId, file);
      });
      console.log(job.status === 'completed' ? `导入完成：${job.message}` : `导入失败：${job.message}`);
      if (job.errorRows > 0) console.log('错误明细可在“案件导入”页面下载错误报告');
      if (job.status !== 'completed') process.exitCode = 1;
    });
}
