import type { Command } from 'commander';
import { riskDomainLabel, type RiskDomain } from '@courtrisk/core';
import { chinaToday, screenFile, systemClock, writeScreenReport } from '@courtrisk/server';

export function registerScreenCommand(program: Command) {
  program
    .command('screen <file>')
    .description('不启动服务、不用数据库，直接筛查 CSV/XLSX/JSONL 案件文件')
    .option('--rules <dir>', '规则目录（*.yaml），默认使用系统默认规则')
    .option('--out <file>', '输出报告：.xlsx 或 .jsonl')
    .action(async (file: string, options: { rules?: string; out?: string }) => {
      const result = await screenFile(file, options.rules, chinaToday(systemClock));
      console.log(`共 ${result.rows} 行，筛查 ${result.screened} 件，格式错误 ${new Set(result.invalid.map((i) => i.row)).size} 行，命中 ${result.findings.length} 条预警`);
      for (const [domain, count] of Object.entries(result.byDomain)) console.log(`  ${riskDomainLabel[domain as RiskDomain] ?? domain}：${count}`);
      for (const problem of result.invalid.slice(0, 20)) console.log(`  第 ${problem.row} 行 ${problem.column}：${problem.message}`);
      if (result.invalid.length > 20) console.log(`  …另有 ${result.invalid.length - 20} 处格式错误`);
      if (options.out) {
        await writeScreenReport(result, options.out);
        console.log(`报告已写入 ${options.out}`);
      }
    });
}
