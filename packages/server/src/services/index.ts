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

/** Wires every service to one database; the server, CLI and tests all start here. */
export function createServices(config: Config, database: Database, clock: Clock = systemClock) {
  const store = createStore(database);
  const passwords = createPasswordHasher(config.argon2);
  const access = createAccessChecker({ store, clock });
  return {
    store,
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
  };
}
export type Services = ReturnType<typeof createServices>;
