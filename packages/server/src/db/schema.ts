

/**
 * Table types in camelCase (CamelCasePlugin maps them to snake_case columns).
 * Flags are integers 0/1 and instants ISO-8601 UTC text, so SQLite and PostgreSQL agree.
 * Every tenant table carries courtId and every unique key includes it (Citus-ready);
 * `court` itself is the tenant directory, a reference table in a sharded deployment.
 */
export interface CourtTable {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: 'high' | 'intermediate' | 'basic';
  sort: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DepartmentTable {
  id: string;
  courtId: string;
  parentId: string | null;
  code: string;
  name: string;
  sort: number;
  enabled: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AccountTable {
  id: string;
  courtId: string;
  departmentId: string | null;
  username: string;
  displayName: string;
  phone: string | null;
  passwordHash: string;
  status: 'active' | 'disabled';
  mustChangePassword: number;
  failedAttempts: number;
  lockedUntil: string | null;
  passwordChangedAt: string | null;
  lastLoginAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RoleTable {
  id: string;
  courtId: string;
  code: string;
  name: string;
  scope: string;
  /** JSON array of permission codes. */
  permissions: string;
  builtin: number;
  remark: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AccountRoleTable {
  courtId: string;
  accountId: string;
  roleId: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token, so a leaked table cannot be replayed. */
  id: string;
  courtId: string;
  accountId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface DictionaryItemTable {
  id: string;
  courtId: string;
  type: string;
  code: string;
  label: string;
  sort: number;
  enabled: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface LoginLogTable {
  id: string;
  courtId: string;
  accountId: string | null;
  username: string;
  success: number;
  reason: string;
  ip: string | null;
  userAgent: string | null;
  at: string;
}

export interface AuditLogTable {
  id: string;
  courtId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  summary: string;
  prevHash: string;
  hash: string;
}

/** The last link of each court's audit chain; updating it serialises appends per court. */
export interface AuditHeadTable {
  courtId: string;
  seq: number;
  hash: string;
}

export interface CourtCaseTable {
  id: string;
  courtId: string;
  caseNumber: string;
  year: number;
  typeCode: string;
  caseType: string;
  instance: string;
  procedure: string;
  /** JSON array of 案由 names. */
  causes: string;
  filedOn: string;
  closedOn: string | null;
  status: string;
  judgeName: string | null;
  /** The account whose 仅本人 scope covers the case. */
  judgeAccountId: string | null;
  departmentName: string | null;
  departmentId: string | null;
  amountYuan: string | null;
  /** bigint: PostgreSQL returns it as text, SQLite as number; read through amountYuan. */
  amountFen: string | number | bigint | null;
  facts: string;
  claims: string;
  /** JSON array of { name, firm, represents }. */
  lawyers: string;
  partyCount: number;
  contentHash: string;
  importJobId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CasePartyTable {
  id: string;
  courtId: string;
  caseId: string;
  seq: number;
  role: string;
  name: string;
  kind: string;
  /** JSON array. */
  flags: string;
}

export interface ImportJobTable {
  id: string;
  courtId: string;
  kind: string;
  fileName: string;
  format: string;
  encoding: string | null;
  storedPath: string;
  sizeBytes: string | number;
  processedBytes: string | number;
  status: string;
  totalRows: number | null;
  processedRows: number;
  okRows: number;
  errorRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  nextRow: number;
  message: string | null;
  createdBy: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ImportErrorTable {
  id: string;
  courtId: string;
  jobId: string;
  rowNo: number;
  columnName: string;
  message: string;
  caseNumber: string | null;
}

export interface WarningTable {
  id: string;
  courtId: string;
  caseId: string;
  departmentId: string | null;
  judgeAccountId: string | null;
  ruleId: string;
  ruleVersion: number;
  pack: string;
  domain: string;
  subtype: string;
  level: string;
  score: number | null;
  title: string;
  /** JSON: the finding's evidence (keywords with offsets and snippets, compared numbers). */
  evidence: string;
  suggestedAction: string;
  source: string;
  status: string;
  /** 0 once a re-screen no longer produces the finding; kept for the rule's history. */
  active: number;
  dismissReason: string | null;
  /** What the person who confirmed it noted. */
  triageNote?: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RulePackVersionTable {
  id: string;
  courtId: string;
  pack: string;
  version: number;
  yaml: string;
  enabled: number;
  comment: string;
  createdBy: string | null;
  createdAt: string;
}

export interface BackgroundJobTable {
  id: string;
  courtId: string;
  kind: 'rescreen' | 'backtest';
  status: string;
  /** JSON. */
  params: string;
  total: number | null;
  processed: number;
  cursor: string;
  /** JSON: backtest hits per rule. */
  result: string | null;
  message: string | null;
  createdBy: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 审限事项: one recorded process event of a case (append-only). */
export interface CaseProcessEventTable {
  id: string;
  courtId: string;
  caseId: string;
  kind: 'extension' | 'excluded_period' | 'suspension' | 'resumption' | 'restart' | 'closing';
  /** JSON: the core event schema's fields (packages/core/src/deadlines/process-events.ts). */
  payload: string;
  /** Account id of the person who recorded it. */
  createdBy: string | null;
  createdAt: string;
}

export interface DB {
  court: CourtTable;
  department: DepartmentTable;
  account: AccountTable;
  role: RoleTable;
  accountRole: AccountRoleTable;
  session: SessionTable;
  dictionaryItem: DictionaryItemTable;
  loginLog: LoginLogTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  courtCase: CourtCaseTable;
  caseParty: CasePartyTable;
  importJob: ImportJobTable;
  importError: ImportErrorTable;
  warning: WarningTable;
  rulePackVersion: RulePackVersionTable;
  backgroundJob: BackgroundJobTable;
  caseProcessEvent: CaseProcessEventTable;
}

