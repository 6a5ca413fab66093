import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createAccessChecker } from './access.js';
import { createAccountService } from './account.service.js';
import { createAuthService } from './auth.service.js';
import { createCourtService } from './court.service.js';
import { createDepartmentService } from './department.service.js';
import { createDictionaryService } from './dictionary.service.js';
import { createLogService } from './log.service.js';
import { createOperatorService } from './operator.service.js';
import { createPasswordHasher } from './passwords.js';
import { createRoleService } from './role.service.js';
import { createStore } from './store.js';
import { createCaseService } from './case.service.js';
import { createImportService } from './import.service.js';
import { createRuleRuntime } from './screening.service.js';
import { createWarningService } from './warning.service.js';
import { createJobRunner } from './job-runner.js';
import { createRulesService } from './rules.service.js';
import { loadDefaultRulePacks } from '../screening/default-rule-packs.js';
import { createTrialLimitService } from './trial-limit.service.js';
import { loadHolidayCalendar } from '../deadlines/holiday-data.js';

/** Wires every service to one database; the server, CLI and tests all start here. */
export interface ServiceOptions {
  clock?: Clock;
  /** Where problems nobody is waiting for (background jobs) are reported. */
  log?: (message: string, error?: unknown) => void;
  /** Test hook passed to the import runner (simulated crashes). */
  afterImportBatch?: Parameters<typeof createImportService>[0]['afterBatch'];
}

export function createServices(config: Config, database: Database, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const store = createStore(database);
  const passwords = createPasswordHasher(config.argon2);
  const access = createAccessChecker({ store, clock });
  const rules = createRuleRuntime({ store, clock, defaults: loadDefaultRulePacks() });
  const jobs = createJobRunner({ store, clock, rules, log });
  return {
    store,
    jobs,
    clock,
    passwords,
    auth: createAuthService({ store, clock, passwords, config }),
    courts: createCourtService({ store, access, clock }),
    departments: createDepartmentService({ store, access, clock }),
    roles: createRoleService({ store, access, clock }),
    accounts: createAccountService({ store, access, clock, passwords }),
    dictionaries: createDictionaryService({ store, access, clock }),
    logs: createLogService({ store, access, clock }),
    operator: createOperatorService({ store, clock, passwords }),
    rules,
    cases: createCaseService({ store, access, clock, rules }),
    imports: createImportService({ store, access, clock, rules, dataDir: config.dataDir, log, afterBatch: options.afterImportBatch }),
    warnings: createWarningService({ store, access, clock }),
    trialLimits: createTrialLimitService({ store, access, clock, calendar: loadHolidayCalendar() }),
    ruleAdmin: createRulesService({ store, access, clock, rules, jobs }),
  };
}
export type Services = ReturnType<typeof createServices>;
