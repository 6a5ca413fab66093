import type { PetitionTables } from './petition-schema.js';


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
  /** 审限适用程序 set by hand (core ProcedureCode); null = derived from type/instance/procedure. */
  procedureOverride?: string | null;
  procedureOverrideNote?: string | null;
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
  /** core processEventKey: unique per case (NULL on rows recorded before it existed). */
  eventKey: string | null;
  /** Account id of the person who recorded it. */
  createdBy: string | null;
  createdAt: string;
}

/** 站内通知 (issue 4); courtId is the recipient's court. */
export interface NotificationTable {
  id: string;
  courtId: string;
  recipientId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  riskId: string | null;
  /** Unique per recipient: notifying the same key twice is a no-op. */
  dedupeKey: string | null;
  readAt: string | null;
  createdAt: string;
}

/** What the risk scheduler has announced once: escalation steps, due-soon runs, overdue tasks. */
export interface EscalationNoticeTable {
  id: string;
  courtId: string;
  key: string;
  kind: 'escalation' | 'due_soon' | 'task_overdue';
  riskId: string | null;
  taskId: string | null;
  clock: string | null;
  step: string | null;
  notifiedAt: string;
}

/** A court's scoring matrix and clock settings (JSON); absent → core defaults. */
export interface CourtRiskSettingTable {
  id: string;
  courtId: string;
  matrix: string;
  clocks: string;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface WebhookSettingTable {
  id: string;
  courtId: string;
  url: string;
  /** Sealed with the platform's secret key; never leaves the server. */
  secretSealed: string | null;
  enabled: number;
  /** JSON array of notification kinds. */
  kinds: string;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Webhook outbox: one POST to deliver, retried with back-off. */
export interface WebhookDeliveryTable {
  id: string;
  courtId: string;
  notificationId: string | null;
  kind: string;
  url: string;
  /** JSON body exactly as sent (and signed). */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface WebhookAttemptTable {
  id: string;
  courtId: string;
  deliveryId: string;
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** A list filter an account saved under a name, per page. */
export interface SavedFilterTable {
  id: string;
  courtId: string;
  accountId: string;
  page: string;
  name: string;
  /** JSON object of query parameters. */
  query: string;
  createdAt: string;
}

/** 审限设置 of one court (issue 5); `settings` is TrialLimitCourtSettings as JSON. */
export interface TrialLimitSettingTable {
  id: string;
  courtId: string;
  settings: string;
  /** 1 once the court saved its own settings; 0 for a row created by the sweep with the defaults. */
  customised: number;
  /** Beijing day (YYYY-MM-DD) of the last daily sweep. */
  lastSweptOn: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 长期未结 weekly snapshot (issue 5): one per court and ISO week. */
export interface LongPendingSnapshotTable {
  id: string;
  courtId: string;
  /** e.g. 2026-W10 */
  isoWeek: string;
  takenOn: string;
  openCases: number;
  /** JSON `[{ months, count }]`. */
  buckets: string;
  takenBy: string;
  createdAt: string;
}

/** 长期未结 case note: reason and responsible person, one per case. */
export interface LongPendingNoteTable {
  id: string;
  courtId: string;
  caseId: string;
  reason: string;
  responsibleName: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 四类案件 label (法发〔2021〕30号): confirmed, rejected proposal or revoked; one per case and category. */
export interface FourCategoryLabelTable {
  id: string;
  courtId: string;
  caseId: string;
  category: string;
  /** JSON array of item codes. */
  itemCodes: string;
  status: string;
  reason: string;
  /** JSON array of the proposing rule ids. */
  proposedBy: string;
  decidedBy: string;
  decidedAt: string;
  revokeReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 院庭长 supervision record of a 四类案件, append-only. */
export interface FourCategorySupervisionTable {
  id: string;
  courtId: string;
  caseId: string;
  action: string;
  actedAt: string;
  content: string;
  supervisorId: string | null;
  supervisorName: string;
  createdAt: string;
}

/** 风险事项 (issue 4): the register entry with its lifecycle record (core `RiskState`). */
export interface RiskTable {
  id: string;
  courtId: string;
  domain: string;
  subtype: string;
  title: string;
  description: string;
  status: string;
  statusSince: string;
  /** Current level and its rank (1 红 … 4 蓝), copies of `score` for filters and sorting. */
  level: string;
  levelRank: number;
  /** JSON: core `RiskScore` with its criteria snapshot. */
  score: string;
  initialLevel: string;
  /** JSON: core `LevelPeriod[]`. */
  levelHistory: string;
  ownerId: string | null;
  departmentId: string | null;
  /** JSON array of tags. */
  tags: string;
  firstAssessedAt: string | null;
  planSubmittedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewOn: string | null;
  reportedToLeaderAt: string | null;
  reportedUpwardAt: string | null;
  reportedUpwardAutomatic: number | null;
  /** JSON: core `RiskResolution` or null. */
  resolution: string | null;
  /** JSON: core `RiskApproval[]`. */
  approvals: string;
  /** JSON: core `RiskClosure` or null. */
  closure: string | null;
  /** 上级交办: the upper court that assigned the risk down. */
  assignedByCourtId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RiskCaseTable {
  id: string;
  courtId: string;
  riskId: string;
  caseId: string;
  createdAt: string;
}

export interface RiskWarningTable {
  id: string;
  courtId: string;
  riskId: string;
  warningId: string;
  createdAt: string;
}

/** One timeline row of a risk (append-only). */
export interface RiskEventTable {
  id: string;
  courtId: string;
  riskId: string;
  event: string;
  at: string;
  /** Null for the system (escalations). */
  actorId: string | null;
  actorName: string;
  actorCourtId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** JSON `{ from, to, reason }` or null. */
  levelChange: string | null;
  upwardReport: string | null;
  summary: string;
  /** JSON object. */
  details: string;
  /** JSON array of account ids. */
  mentionIds: string;
}

export interface RiskAssessmentTable {
  id: string;
  courtId: string;
  riskId: string;
  heldOn: string;
  form: string;
  /** JSON: core `AssessmentParticipant[]`. */
  participants: string;
  conclusion: string;
  /** JSON `{ likelihood, impact, reason, from, to }` or null. */
  levelChange: string | null;
  recordedBy: string;
  recordedByName: string;
  createdAt: string;
}

export interface RiskTaskTable {
  id: string;
  courtId: string;
  riskId: string;
  assigneeKind: string;
  assigneeDepartmentId: string | null;
  assigneeAccountId: string | null;
  agencyId: string | null;
  description: string;
  dueOn: string;
  status: string;
  feedback: string | null;
  returnReason: string | null;
  acceptedAt: string | null;
  fedBackAt: string | null;
  completedAt: string | null;
  returnedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RiskTaskFileTable {
  id: string;
  courtId: string;
  taskId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Relative to the data directory. */
  storedPath: string;
  uploadedBy: string;
  uploadedByName: string;
  createdAt: string;
}

/** 批示 or 上级交办; `courtId` is the risk's (receiving) court. */
export interface RiskInstructionTable {
  id: string;
  courtId: string;
  riskId: string;
  kind: 'instruction' | 'assignment';
  fromCourtId: string;
  authorId: string;
  authorName: string;
  content: string;
  replyBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgeNote: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 关注名单 of a court (migration 20261126_0900_create_watch_list); `version` counts changes to its names. */
export interface WatchListTable {
  id: string;
  courtId: string;
  name: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A name on a 关注名单; unique per list by `nameKey` (core `normalizePartyName`). */
export interface WatchListEntryTable {
  id: string;
  courtId: string;
  listName: string;
  /** As entered (trimmed), shown and given to the rule engine. */
  partyName: string;
  nameKey: string;
  note: string | null;
  /** Account id; null when listed from the CLI or the demo seed. */
  createdBy: string | null;
  createdByName: string;
  updatedByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 协同单位 of a court. */
export interface AgencyTable {
  id: string;
  courtId: string;
  name: string;
  kind: string;
  /** JSON: `AgencyContact[]`. */
  contacts: string;
  note: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 舆情 (issue 6; migration 20261125_0700_create_opinion). */
export interface OpinionItemTable {
  id: string;
  courtId: string;
  sourceKind: string;
  sourceName: string;
  url: string | null;
  /** The URL without scheme, fragment and trailing slash: the same post found again. */
  urlKey: string | null;
  /** SM3 of source kind, source name, title and text: the same item without a URL. */
  contentHash: string;
  title: string;
  text: string;
  author: string | null;
  publishedAt: string;
  entryMode: string;
  sentimentScore: number;
  sentimentLabel: string;
  /** JSON { positive, negative, contributions } from the core scorer. */
  sentimentDetail: string;
  heat: number;
  growthPerHour: number | null;
  spike: number;
  heatExplanation: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OpinionMetricSnapshotTable {
  id: string;
  courtId: string;
  itemId: string;
  capturedAt: string;
  reads: number;
  reposts: number;
  comments: number;
  likes: number;
  heat: number;
  createdAt: string;
}

export interface OpinionCaseMatchTable {
  id: string;
  courtId: string;
  itemId: string;
  caseId: string;
  caseNumber: string;
  score: number;
  confidence: string;
  /** JSON array of core MatchEvidence. */
  evidence: string;
  status: 'suggested' | 'confirmed' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OpinionWarningTable {
  id: string;
  courtId: string;
  itemId: string;
  /** De-duplication key (core opinionWarnings keys; `opinion:<item>:<rule>` for rule findings). */
  key: string;
  ruleId: string;
  ruleVersion: number;
  pack: string;
  domain: string;
  subtype: string;
  level: string;
  title: string;
  explanation: string;
  /** JSON array of evidence. */
  evidence: string;
  /** JSON array of the confirmed matched case ids. */
  caseIds: string;
  /** 转为风险 (migration 0900): `pending` | `confirmed`. */
  status: string;
  riskId: string | null;
  triageNote: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OpinionResponseTable {
  id: string;
  courtId: string;
  itemId: string;
  respondedAt: string;
  channel: string;
  content: string;
  responder: string;
  url: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface DB extends PetitionTables {
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
  watchList: WatchListTable;
  watchListEntry: WatchListEntryTable;
  backgroundJob: BackgroundJobTable;
  caseProcessEvent: CaseProcessEventTable;
  trialLimitSetting: TrialLimitSettingTable;
  longPendingSnapshot: LongPendingSnapshotTable;
  longPendingNote: LongPendingNoteTable;
  fourCategoryLabel: FourCategoryLabelTable;
  fourCategorySupervision: FourCategorySupervisionTable;
  notification: NotificationTable;
  escalationNotice: EscalationNoticeTable;
  courtRiskSetting: CourtRiskSettingTable;
  webhookSetting: WebhookSettingTable;
  webhookDelivery: WebhookDeliveryTable;
  webhookAttempt: WebhookAttemptTable;
  savedFilter: SavedFilterTable;
  risk: RiskTable;
  riskCase: RiskCaseTable;
  riskWarning: RiskWarningTable;
  riskEvent: RiskEventTable;
  riskAssessment: RiskAssessmentTable;
  riskTask: RiskTaskTable;
  riskTaskFile: RiskTaskFileTable;
  riskInstruction: RiskInstructionTable;
  agency: AgencyTable;
  opinionItem: OpinionItemTable;
  opinionMetricSnapshot: OpinionMetricSnapshotTable;
  opinionCaseMatch: OpinionCaseMatchTable;
  opinionWarning: OpinionWarningTable;
  opinionResponse: OpinionResponseTable;
}

