import type { Migration } from 'kysely';
import * as createCourt from './20261124_2100_create_court.js';
import * as createDepartment from './20261124_2101_create_department.js';
import * as createAccountAndRole from './20261124_2102_create_account_and_role.js';
import * as createSession from './20261124_2103_create_session.js';
import * as createDictionaryItem from './20261124_2104_create_dictionary_item.js';
import * as createLoginLog from './20261124_2105_create_login_log.js';
import * as createAuditLog from './20261124_2106_create_audit_log.js';
import * as createCourtCase from './20261124_2200_create_court_case.js';
import * as createImportJob from './20261124_2201_create_import_job.js';
import * as createWarningAndRulePack from './20261124_2202_create_warning_and_rule_pack.js';
import * as createBackgroundJob from './20261124_2203_create_background_job.js';
import * as createCaseProcessEvent from './20261124_2300_create_case_process_event.js';
import * as createRisk from './20261125_0100_create_risk.js';
import * as createNotification from './20261125_0200_create_notification.js';
import * as grantNewBuiltinPermissions from './20261125_0300_grant_new_builtin_permissions.js';
import * as createTrialLimitSetting from './20261125_0301_create_trial_limit_setting.js';
import * as addCaseProcessEventKey from './20261125_0302_add_case_process_event_key.js';
import * as createLongPending from './20261125_0400_create_long_pending.js';
import * as createFourCategory from './20261125_0401_create_four_category.js';
import * as addCaseProcedureOverride from './20261125_0402_add_case_procedure_override.js';
import * as createPetition from './20261125_0600_create_petition.js';
import * as addPetitionChiefRole from './20261125_0601_add_petition_chief_role.js';
import * as createOpinion from './20261125_0700_create_opinion.js';
import * as addWarningRiskLink from './20261125_0900_add_warning_risk_link.js';
import * as createCourtPetitionSetting from './20261125_1000_create_court_petition_setting.js';
import * as createWatchList from './20261126_0900_create_watch_list.js';
import * as grantWatchlistPermission from './20261126_0901_grant_watchlist_permission.js';

/** Listed statically so a bundled or tsx-run server finds them without scanning the disk. */
export const migrations: Record<string, Migration> = {
  '20261124_2100_create_court': createCourt,
  '20261124_2101_create_department': createDepartment,
  '20261124_2102_create_account_and_role': createAccountAndRole,
  '20261124_2103_create_session': createSession,
  '20261124_2104_create_dictionary_item': createDictionaryItem,
  '20261124_2105_create_login_log': createLoginLog,
  '20261124_2106_create_audit_log': createAuditLog,
  '20261124_2200_create_court_case': createCourtCase,
  '20261124_2201_create_import_job': createImportJob,
  '20261124_2202_create_warning_and_rule_pack': createWarningAndRulePack,
  '20261124_2203_create_background_job': createBackgroundJob,
  '20261124_2300_create_case_process_event': createCaseProcessEvent,
  '20261125_0100_create_risk': createRisk,
  '20261125_0200_create_notification': createNotification,
  '20261125_0300_grant_new_builtin_permissions': grantNewBuiltinPermissions,
  '20261125_0301_create_trial_limit_setting': createTrialLimitSetting,
  '20261125_0302_add_case_process_event_key': addCaseProcessEventKey,
  '20261125_0400_create_long_pending': createLongPending,
  '20261125_0401_create_four_category': createFourCategory,
  '20261125_0402_add_case_procedure_override': addCaseProcedureOverride,
  '20261125_0600_create_petition': createPetition,
  '20261125_0601_add_petition_chief_role': addPetitionChiefRole,
  '20261125_0700_create_opinion': createOpinion,
  '20261125_0900_add_warning_risk_link': addWarningRiskLink,
  '20261125_1000_create_court_petition_setting': createCourtPetitionSetting,
  '20261126_0900_create_watch_list': createWatchList,
  '20261126_0901_grant_watchlist_permission': grantWatchlistPermission,
};
