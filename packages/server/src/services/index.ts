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
import { createWarningRiskService } from './warning-risk.service.js';
import { createJobRunner } from './job-runner.js';
import { createRulesService } from './rules.service.js';
import { createWatchListService } from './watch-list.service.js';
import { loadDefaultRulePacks } from '../screening/default-rule-packs.js';
import { createTrialLimitEngine, createTrialLimitService } from './trial-limit.service.js';
import { createTrialLimitSettingsService } from './trial-limit-settings.service.js';
import { createPetitionSettingsService } from './petition-settings.service.js';
import { createTrialLimitSweep } from './trial-limit-sweep.service.js';
import { createTrialEventImportService } from './trial-event-import.service.js';
import { loadHolidayCalendar } from '../deadlines/holiday-data.js';
import { createNotificationService } from './notification.service.js';
import { createRiskSettingsService } from './risk-settings.service.js';
import { createWebhookService } from './webhook.service.js';
import { createSavedFilterService } from './saved-filter.service.js';
import { createSecretBox, loadMasterKey } from './secret-box.js';
import { createRiskScheduler } from './risk-scheduler.js';
import { createWorkbenchService } from './workbench.service.js';
import { createRiskDossierService } from './risk-dossier.js';
import { createRiskRegistrar, createRiskService } from './risk.service.js';
import { createTaskService } from './task.service.js';
import { createAgencyService } from './agency.service.js';
import { createTrialMonitoringService } from './trial-monitoring.service.js';
import { createLongPendingService } from './long-pending.service.js';
import { createFourCategoryService } from './four-category.service.js';
import { createOpinionIntake } from './opinion-intake.js';
import { createOpinionService } from './opinion.service.js';
import { createOpinionImportService } from './opinion-import.service.js';
import { createFieldCipher, fieldCipherOptions, type FieldCipher } from '../crypto/sm4.js';
import { compilePetitionScreener, createPetitionFlagEngine } from './petition-flags.js';
import { createPetitionService } from './petition.service.js';
import { createPetitionerService } from './petitioner.service.js';

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
  const trialLimitEngine = createTrialLimitEngine({ calendar: loadHolidayCalendar() });
  const jobs = createJobRunner({ store, clock, rules, log });
  const registrar = createRiskRegistrar({ store });
  const tasks = createTaskService({ store, access, clock, dataDir: config.dataDir });
  const risks = createRiskService({ store, access, clock, registrar });
  // Field cipher and petition-content screener are built on first use: a server without petitions reads no key file.
  let fieldCipher: FieldCipher | undefined;
  const cipher = () => (fieldCipher ??= createFieldCipher(fieldCipherOptions(config.fieldEncryption, () => loadMasterKey(config))));
  let petitionScreener: ReturnType<typeof compilePetitionScreener> | undefined;
  const petitionEngine = createPetitionFlagEngine({ calendar: loadHolidayCalendar(), screener: () => (petitionScreener ??= compilePetitionScreener()) });
  const opinion = createOpinionService({ store, access, clock, intake: createOpinionIntake({ rules }) });
  const longPending = createLongPendingService({ store, access, clock });
  const petitions = createPetitionService({ store, access, clock, engine: petitionEngine });
  const trialLimitSweep = createTrialLimitSweep({ store, access, clock, engine: trialLimitEngine, afterRun: longPending.takeWeeklySnapshots });
  const webhooks = createWebhookService({ store, access, clock, log, secrets: createSecretBox(() => loadMasterKey(config)), timeoutMs: config.webhook.timeoutMs });
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
    warnings: createWarningService({ store, access, clock, registrar }),
    warningRisk: createWarningRiskService({ store, access, clock, registrar }),
    trialLimits: createTrialLimitService({ store, access, clock, engine: trialLimitEngine }),
    trialLimitSettings: createTrialLimitSettingsService({ store, access, clock }),
    petitionSettings: createPetitionSettingsService({ store, access, clock }),
    trialEventImports: createTrialEventImportService({ store, access, clock, engine: trialLimitEngine }),
    trialMonitoring: createTrialMonitoringService({ store, access, clock, engine: trialLimitEngine }),
    longPending,
    fourCategories: createFourCategoryService({ store, access, clock }),
    ruleAdmin: createRulesService({ store, access, clock, rules, jobs }),
    watchLists: createWatchListService({ store, access, clock, rules, jobs }),
    notifications: createNotificationService({ store, clock }),
    riskSettings: createRiskSettingsService({ store, access, clock }),
    webhooks,
    trialLimitSweep,
    riskScheduler: createRiskScheduler({ store, database, clock, webhooks, petitions, trialLimits: trialLimitSweep, log, intervalSeconds: config.scheduler.intervalSeconds }),
    savedFilters: createSavedFilterService({ store, clock }),
    workbench: createWorkbenchService({ store, clock }),
    riskDossier: createRiskDossierService({ store, clock, risks, tasks }),
    risks,
    tasks,
    agencies: createAgencyService({ store, access, clock, tasks }),
    opinion,
    opinionImports: createOpinionImportService({ store, access, clock, opinion }),
    petitions,
    petitioners: createPetitionerService({ store, access, clock, cipher }),
  };
}
export type Services = ReturnType<typeof createServices>;
