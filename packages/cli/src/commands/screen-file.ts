import type { Command } from 'commander';
import { riskDomainLabel, type RiskDomain } from '@courtrisk/core';
import { readWatchListFile } from './manage-watchlist.js';

export function registerScreenCommand(program: Command) {
  program
    .command('screen <file>')
    .description('不启动服务、不用数据库，直接筛查 CSV/XLSX/JSONL 案件文件')
    .option('--rules <dir>', '规则目录（*.yaml），默认使用系统默认规则')
    .option('--out <file>', '输出报告：.xlsx 或 .jsonl')
    .option(
      '--watch-list <名单=文件>',
      '关注名单：名单名称=UTF-8 的 TXT/CSV 文件（每行一个名称），可重复；未给出的名单按空名单筛查',
      (spec: string, lists: Record<string, string[]>) => {
        const at = spec.indexOf('=');
        if (at <= 0 || at === spec.length - 1) throw new Error(`--watch-list 应写作 名单名称=文件，如 职业放贷人名单=lenders.txt（收到“${spec}”）`);
        const name = spec.slice(0, at).trim();
        return { ...lists, [name]: [...(lists[name] ?? []), ...readWatchListFile(spec.slice(at + 1)).map((entry) => entry.name)] };
      },
      {} as Record<string, string[]>,
    )
    .action(async (file: string, options: { rules?: string; out?: string; watchList: Record<string, string[]> }) => {
      const { chinaToday, screenFile, systemClock, writeScreenReport } = await import('@courtrisk/server/screening');
      const result = await screenFile(file, options.rules, chinaToday(systemClock), options.watchList);
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
