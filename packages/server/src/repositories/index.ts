import type { BulkInsert, Db, Dialect } from '../db/database.js';
import { sm3Hex } from '../crypto.js';
import { createAccountRepository } from './account.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createBackgroundJobRepository } from './background-job.repository.js';
import { createCourtRepository } from './court.repository.js';
import { createCourtCaseRepository } from './court-case.repository.js';
import { createImportJobRepository } from './import-job.repository.js';
import { createRulePackRepository } from './rule-pack.repository.js';
import { createWatchListRepository } from './watch-list.repository.js';
import { createWarningRepository } from './warning.repository.js';
import { createProcessEventRepository } from './process-event.repository.js';
import { createTrialMonitoringRepository } from './trial-monitoring.repository.js';
import { createDepartmentRepository } from './department.repository.js';
import { createDictionaryRepository } from './dictionary.repository.js';
import { createLoginLogRepository } from './login-log.repository.js';
import { createRoleRepository } from './role.repository.js';
import { createSessionRepository } from './session.repository.js';
import { createNotificationRepository } from './notification.repository.js';
import { createEscalationNoticeRepository } from './escalation-notice.repository.js';
import { createRiskSettingRepository } from './risk-setting.repository.js';
import { createWebhookRepository } from './webhook.repository.js';
import { createSavedFilterRepository } from './saved-filter.repository.js';
import { createWorkbenchRepository } from './workbench.repository.js';
import { createRiskRepository } from './risk.repository.js';
import { createTaskRepository } from './task.repository.js';
import { createAgencyRepository } from './agency.repository.js';
import { createTrialCasesRepository } from './trial-cases.repository.js';
import { createLongPendingRepository } from './long-pending.repository.js';
import { createFourCategoryRepository } from './four-category.repository.js';
import { createPetitionRepository } from './petition.repository.js';
import { createOpinionRepository } from './opinion.repository.js';

/** Every repository bound to one connection or transaction. */
export function createRepositories(db: Db, dialect: Dialect, bulkInsert: BulkInsert) {
  return {
    courts: createCourtRepository(db),
    departments: createDepartmentRepository(db),
    accounts: createAccountRepository(db, dialect),
    roles: createRoleRepository(db),
    sessions: createSessionRepository(db),
    dictionaries: createDictionaryRepository(db),
    loginLogs: createLoginLogRepository(db),
    audit: createAuditRepository(db, sm3Hex),
    cases: createCourtCaseRepository(db, dialect, bulkInsert),
    importJobs: createImportJobRepository(db, bulkInsert),
    warnings: createWarningRepository(db, bulkInsert),
    rulePacks: createRulePackRepository(db),
    watchLists: createWatchListRepository(db, dialect),
    backgroundJobs: createBackgroundJobRepository(db),
    processEvents: createProcessEventRepository(db),
    trialMonitoring: createTrialMonitoringRepository(db),
    notifications: createNotificationRepository(db),
    escalationNotices: createEscalationNoticeRepository(db),
    riskSettings: createRiskSettingRepository(db),
    webhooks: createWebhookRepository(db),
    savedFilters: createSavedFilterRepository(db),
    workbench: createWorkbenchRepository(db),
    risks: createRiskRepository(db, dialect),
    tasks: createTaskRepository(db),
    agencies: createAgencyRepository(db, dialect),
    trialCases: createTrialCasesRepository(db, dialect),
    longPending: createLongPendingRepository(db),
    fourCategories: createFourCategoryRepository(db),
    petitions: createPetitionRepository(db, dialect),
    opinion: createOpinionRepository(db, dialect),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
