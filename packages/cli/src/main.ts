// Every call registers every command, so registering must stay cheap: command modules load
// '@courtrisk/server' (Fastify, Kysely, ExcelJS…) only inside their actions, with `await import`,
// and `screen` loads only '@courtrisk/server/screening'. test/startup.test.ts keeps it so.
import { Command } from 'commander';
import { registerAuditCommands } from './commands/verify-audit.js';
import { registerMigrateCommand } from './commands/migrate-database.js';
import { registerSeedDemoCommand } from './commands/seed-demo.js';
import { registerScreenCommand } from './commands/screen-file.js';
import { registerImportCommand } from './commands/import-cases.js';
import { registerTrialLimitCommands } from './commands/sweep-trial-limits.js';
import { registerServeCommand } from './commands/serve-platform.js';
import { registerUserCommands } from './commands/manage-user.js';
import { registerRiskCommands } from './commands/tick-risks.js';
import { registerPetitionCommands } from './commands/sweep-petitions.js';
import { registerWatchListCommands } from './commands/manage-watchlist.js';
import { configHelp } from './platform.js';

const program = new Command()
  .name('courtrisk')
  .description('CourtRisk 法院重大风险防范化解平台 命令行工具')
  .addHelpText('after', configHelp());

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program);
registerAuditCommands(program);
registerSeedDemoCommand(program);
registerScreenCommand(program);
registerImportCommand(program);
registerRiskCommands(program);
registerTrialLimitCommands(program);
registerPetitionCommands(program);
registerWatchListCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const issues = (error as { issues?: { message: string }[] }).issues;
  const message = issues ? issues.map((i) => i.message).join('；') : error instanceof Error ? error.message : String(error);
  console.error(`错误：${message}`);
  process.exitCode = 1;
}
