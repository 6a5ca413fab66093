import fs from 'node:fs';
import type { Command } from 'commander';
import { parseWatchListText, WatchListAddInput, WatchListName, watchListPartyNameProblem, type WatchListEntryItem, type WatchListTextEntry } from '@courtrisk/core';
import type { Services } from '@courtrisk/server';
import { withServices } from '../platform.js';

const isWorkbook = (file: string) => /\.xlsx$/i.test(file);

/** Entries to add; a bad name is named by its line (or worksheet row). */
function checkedEntries(file: string, entries: readonly WatchListTextEntry[]): WatchListEntryItem[] {
  return entries.map((entry) => {
    const problem = watchListPartyNameProblem(entry.name);
    if (problem) throw new Error(`${file} 第 ${entry.line} 行：${problem}`);
    return { name: entry.name, ...(entry.note ? { note: entry.note } : {}) };
  });
}

/** Names from a UTF-8 TXT/CSV file (one per line, optional note after a comma or tab); a bad line is named by its number. */
export function readWatchListFile(file: string): WatchListEntryItem[] {
  if (isWorkbook(file)) throw new Error(`${file}：此处只能读取 UTF-8 的 TXT/CSV 名单文件，请将 Excel 名单另存为 CSV`);
  return checkedEntries(file, parseWatchListText(fs.readFileSync(file, 'utf8')));
}

/**
 * Names from an XLSX workbook, read by the server's reader as the web page's are: the first
 * sheet's column A, column B as the note, a heading row and empty cells skipped.
 */
async function readWatchListWorkbook(services: Services, file: string): Promise<WatchListEntryItem[]> {
  const { AppError } = await import('@courtrisk/server');
  try {
    return checkedEntries(file, (await services.watchLists.operator.readFile(fs.readFileSync(file))).entries);
  } catch (error) {
    if (error instanceof AppError) throw new Error(`${file}：${error.message}`);
    throw error;
  }
}

/** Waits for the re-screening a change queued and says how it went. */
async function reportRescreen(services: Services, jobId: string | null) {
  if (!jobId) return '（没有启用的规则引用该名单，无需重新筛查）';
  await services.jobs.idle();
  const job = await services.store.repos.backgroundJobs.getById(jobId);
  return job?.status === 'completed' ? `已按新名单重新筛查本院 ${job.processed} 件案件` : '已排队重新筛查本院案件（服务运行时在后台完成）';
}

export function registerWatchListCommands(program: Command) {
  const watchlist = program.command('watchlist').description('关注名单（职业放贷人名单等，供筛查规则的 watchList 条件使用；在服务器上由运维人员执行，审计记为“命令行”）');
  watchlist
    .command('list <court-code> [list]')
    .description('不给名单名称：列出该法院的关注名单、条目数与引用它的规则；给出名单名称：列出其中的名称')
    .action(async (courtCode: string, listName: string | undefined) => {
      await withServices(async (services) => {
        const courtId = await services.operator.courtIdByCode(courtCode);
        if (!listName) {
          const lists = await services.watchLists.operator.listLists(courtId);
          if (lists.length === 0) console.log('该法院没有关注名单');
          for (const list of lists) {
            const rules = list.referencedBy.map((r) => `${r.ruleId}${r.enabled ? '' : '（停用）'}`).join('、') || '无规则引用';
            console.log(`${list.name}\t${list.entryCount} 个名称\t${rules}`);
          }
          return;
        }
        let page = 1;
        for (;;) {
          const { items, total } = await services.watchLists.operator.listEntries(courtId, listName, { page, pageSize: 200 });
          if (page === 1) console.log(`${listName}：共 ${total} 个名称`);
          for (const entry of items) console.log(`${entry.name}\t${entry.note ?? ''}\t${entry.createdByName} ${entry.createdAt}`);
          if (page * 200 >= total) break;
          page++;
        }
      });
    });
  watchlist
    .command('add <court-code> <list> [names...]')
    .description('向关注名单添加名称（名单不存在时新建）；已在名单中的名称跳过；有启用的规则引用该名单时重新筛查本院案件')
    .option(
      '--file <file>',
      '从文件读取名称：Excel（.xlsx，第一个工作表 A 列名称、B 列备注）或 UTF-8 的 TXT/CSV（每行一个，可在逗号或制表符后写备注）；首行可为“名称,备注”表头',
    )
    .option('--note <备注>', '列入理由或来源（文件中没有备注的名称使用）')
    .action(async (courtCode: string, listName: string, names: string[], options: { file?: string; note?: string }) => {
      const workbook = options.file !== undefined && isWorkbook(options.file) ? options.file : undefined;
      const fromText = options.file && !workbook ? readWatchListFile(options.file) : [];
      if (names.length === 0 && !options.file) throw new Error('请给出至少一个名称，或用 --file 指定名称文件');
      const message = await withServices(async (services) => {
        const fromWorkbook = workbook ? await readWatchListWorkbook(services, workbook) : [];
        const entries: WatchListEntryItem[] = [...names.map((name) => ({ name })), ...fromText, ...fromWorkbook];
        if (entries.length === 0) throw new Error(`${options.file} 中没有名称`);
        const input = WatchListAddInput.parse({ listName, entries, ...(options.note ? { note: options.note } : {}) });
        const courtId = await services.operator.courtIdByCode(courtCode);
        const result = await services.watchLists.operator.add(courtId, input);
        const lines = [`已向「${input.listName}」添加 ${result.added} 个名称`];
        for (const skip of result.skipped) lines.push(`  跳过第 ${skip.row} 个“${skip.name}”：${skip.reason}`);
        if (result.added > 0) lines.push(await reportRescreen(services, result.rescreenJobId));
        return lines.join('\n');
      });
      console.log(message);
    });
  watchlist
    .command('remove <court-code> <list> <names...>')
    .description('从关注名单移除名称（按与筛查相同的规则比对：全角半角、大小写、空格不计）；有启用的规则引用该名单时重新筛查本院案件')
    .action(async (courtCode: string, listName: string, names: string[]) => {
      const outcome = await withServices(async (services) => {
        const courtId = await services.operator.courtIdByCode(courtCode);
        const result = await services.watchLists.operator.removeByNames(courtId, listName, names);
        return { ...result, rescreen: result.removed.length > 0 ? await reportRescreen(services, result.rescreenJobId) : '' };
      });
      console.log(`已从「${listName}」移除 ${outcome.removed.length} 个名称${outcome.removed.length ? `：${outcome.removed.join('、')}` : ''}`);
      if (outcome.notFound.length > 0) console.log(`不在名单中：${outcome.notFound.join('、')}`);
      if (outcome.rescreen) console.log(outcome.rescreen);
      if (outcome.removed.length === 0) process.exitCode = 1;
    });
  watchlist
    .command('delete <court-code> <list>')
    .description('删除关注名单及其中全部名称（有启用的规则引用该名单时拒绝；只有停用的规则引用时照常删除并提示）')
    .action(async (courtCode: string, list: string) => {
      const listName = WatchListName.parse(list);
      const result = await withServices(async (services) => {
        const courtId = await services.operator.courtIdByCode(courtCode);
        return services.watchLists.operator.deleteList(courtId, listName);
      });
      console.log(`已删除关注名单「${result.name}」及其中 ${result.removed} 个名称`);
      if (result.disabledRules.length > 0) {
        const rules = result.disabledRules.map((rule) => `${rule.ruleId} ${rule.title}`).join('、');
        console.log(`停用的规则 ${rules} 仍引用此名单：这些规则重新启用后不会命中任何名称`);
      }
    });
}
