import type { BulkInsert, Db, Dialect } from '../db/database.js';
import { sm3Hex } from '../crypto.js';
import { createAccountRepository } from './account.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createBackgroundJobRepository } from './background-job.repository.js';
import { createCourtRepository } from './court.repository.js';
import { createCourtCaseRepository } from './court-case.repository.js';
import { createImportJobRepository } from './import-job.repository.js';
import { createRulePackRepository } from './rule-pack.repository.js';
import { createWarningRepository } from './warning.repository.js';
import { createProcessEventRepository } from './process-event.repository.js';
import { createDepartmentRepository } from './department.repository.js';
import { createDictionaryRepository } from './dictionary.repository.js';
import { createLoginLogRepository } from './login-log.repository.js';
import { createRoleRepository } from './role.repository.js';
import { createSessionRepository } from './session.repository.js';

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
    backgroundJobs: createBackgroundJobRepository(db),
    processEvents: createProcessEventRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
