export type EntityName = 'court' | 'department' | 'account' | 'role' | 'dictionaryItem' | 'session' | 'importJob' | 'courtCase' | 'warning' | 'rulePack' | 'backgroundJob'
  | 'notification' | 'riskSettings' | 'webhook' | 'savedFilter'
  | 'trialLimitSettings' | 'petitionSettings' | 'longPendingNote' | 'fourCategoryLabel'
  | 'risk' | 'riskTask' | 'taskFile' | 'instruction' | 'agency'
  | 'opinionItem'
  | 'petitioner' | 'petition' | 'keyPerson'
  | 'watchListEntry';

const entityLabel: Record<EntityName, string> = {
  court: '法院',
  department: '部门',
  account: '账号',
  role: '角色',
  dictionaryItem: '字典项',
  session: '会话',
  importJob: '导入任务',
  courtCase: '案件',
  warning: '预警',
  rulePack: '规则包',
  backgroundJob: '后台任务',
  notification: '通知',
  riskSettings: '风险设置',
  webhook: '推送设置',
  savedFilter: '常用筛选',
  risk: '风险事项',
  riskTask: '处置任务',
  taskFile: '任务附件',
  instruction: '批示',
  agency: '协同单位',
  trialLimitSettings: '审限设置',
  petitionSettings: '信访舆情设置',
  longPendingNote: '长期未结原因',
  fourCategoryLabel: '四类案件标注',
  opinionItem: '舆情',
  petitioner: '信访人',
  petition: '信访件',
  keyPerson: '重点人员',
  watchListEntry: '关注名单条目',
};

/** An expected failure with a stable `code` for clients and a Chinese message for court staff. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: EntityName, id: string) {
    super('not_found', 404, `未找到${entityLabel[entity]}（${id}）`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '没有执行此操作的权限') {
    super('forbidden', 403, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = '请先登录', code = 'unauthorized') {
    super(code, 401, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') {
    super(code, 409, message);
  }
}

export class StaleVersionError extends ConflictError {
  constructor(entity: EntityName) {
    super(`该${entityLabel[entity]}已被他人修改，请刷新后重试`, 'stale_version');
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: { path: string; message: string }[]) {
    super('invalid_input', 400, message, fields);
  }
}
