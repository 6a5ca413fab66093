import { z } from 'zod';
import { RiskClock } from '../risks/clocks.js';
import { Impact, Likelihood, RiskScore } from '../risks/scoring.js';
import { RISK_DOMAINS, RISK_LEVELS, RiskDomain } from '../screening/rule-schema.js';
import { PageQuery, Version } from './common.js';
import { idOf, localDate, optionalText, requiredText, strictObject } from './form-fields.js';

/**
 * API contracts of the risk register (issue 4; PRODUCT.md §3, §5): the vocabulary (statuses, actions,
 * forms, task statuses and their Chinese labels), the request bodies and the views. The state machines
 * live in `risks/lifecycle.ts` and `risks/tasks.ts`; the lifecycle machine validates each action with
 * the same payload schema the route declares, so the form, the route and the machine agree on what an
 * action requires.
 */

// ── vocabulary ────────────────────────────────────────────────────────────────────────────────────

/** Risk states of PRODUCT.md §5: 待研判 → 研判中 → 处置中 → 已化解 → 已销号, plus 持续监测. */
export const RISK_STATUSES = ['pending_assessment', 'assessing', 'disposing', 'monitoring', 'resolved', 'closed'] as const;
export const RiskStatus = z.enum(RISK_STATUSES, { error: '风险状态应为待研判、研判中、处置中、持续监测、已化解、已销号之一' });
export type RiskStatus = z.infer<typeof RiskStatus>;
/** Chinese names of the risk states (PRODUCT.md §5). */
/** The states a risk is still being worked in (在办): not yet 已化解 or 已销号. */
export const OPEN_RISK_STATUSES: readonly RiskStatus[] = ['pending_assessment', 'assessing', 'disposing', 'monitoring'];
export const riskStatusLabel: Record<RiskStatus, string> = {
  pending_assessment: '待研判',
  assessing: '研判中',
  disposing: '处置中',
  monitoring: '持续监测',
  resolved: '已化解',
  closed: '已销号',
};

/** Lifecycle actions; the transition table in `risks/lifecycle.ts` says from where, to where and who. */
export const RISK_ACTIONS = [
  'startAssessment',
  'recordAssessment',
  'submitPlan',
  'recordReview',
  'monitor',
  'resumeFromMonitoring',
  'resolve',
  'approveClosure',
  'close',
  'reopen',
  'reportToLeader',
  'reportUpward',
] as const;
export type RiskActionName = (typeof RISK_ACTIONS)[number];
/** Button and timeline names of the actions. */
export const riskActionLabel: Record<RiskActionName, string> = {
  startAssessment: '开始研判',
  recordAssessment: '记录研判',
  submitPlan: '制定处置方案',
  recordReview: '记录复查',
  monitor: '转入持续监测',
  resumeFromMonitoring: '恢复处置',
  resolve: '确认已化解',
  approveClosure: '审批销号',
  close: '销号',
  reopen: '重新启动',
  reportToLeader: '报告院领导',
  reportUpward: '上报上级法院',
};

/** 研判形式 (issue 4). */
export const ASSESSMENT_FORMS = ['consultation', 'special_meeting', 'joint_meeting'] as const;
export type AssessmentForm = (typeof ASSESSMENT_FORMS)[number];
/** 会商 / 专题会 / 联席会议. */
export const assessmentFormLabel: Record<AssessmentForm, string> = { consultation: '会商', special_meeting: '专题会', joint_meeting: '联席会议' };

/** Who attends an assessment: court staff, or people from an outside agency (协同单位). */
export const PARTICIPANT_KINDS = ['staff', 'agency'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
/** 本院人员 / 协同单位. */
export const participantKindLabel: Record<ParticipantKind, string> = { staff: '本院人员', agency: '协同单位' };

/** Who a disposal task is assigned to (PRODUCT.md §3). */
export const ASSIGNEE_KINDS = ['department', 'person', 'agency'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
/** 部门 / 个人 / 协同单位. */
export const assigneeKindLabel: Record<AssigneeKind, string> = { department: '部门', person: '个人', agency: '协同单位' };

/** Disposal task statuses (issue 4). */
export const TASK_STATUSES = ['pending_acceptance', 'in_progress', 'fed_back', 'completed', 'returned'] as const;
export const TaskStatus = z.enum(TASK_STATUSES, { error: '任务状态应为待接收、办理中、已反馈、已办结、已退回之一' });
export type TaskStatus = z.infer<typeof TaskStatus>;
/** 待接收 / 办理中 / 已反馈 / 已办结 / 已退回. */
export const taskStatusLabel: Record<TaskStatus, string> = {
  pending_acceptance: '待接收',
  in_progress: '办理中',
  fed_back: '已反馈',
  completed: '已办结',
  returned: '已退回',
};

const TrueFalse = z.enum(['true', 'false'], { error: '应为 true 或 false' });

// ── inputs ────────────────────────────────────────────────────────────────────────────────────────

/** One participant of an assessment; agency participants name the registered agency. */
export const AssessmentParticipant = z.discriminatedUnion(
  'kind',
  [
    strictObject({ kind: z.literal('staff'), name: requiredText('参加人姓名', 1, 50), accountId: idOf('本院人员').optional() }, '参加人'),
    strictObject({ kind: z.literal('agency'), agencyId: idOf('协同单位'), name: requiredText('参加人姓名', 1, 50) }, '参加人'),
  ],
  { error: '参加人类型应为本院人员（staff）或协同单位（agency）' },
);
export type AssessmentParticipant = z.infer<typeof AssessmentParticipant>;

/** A new score from an assessment; the level follows from the court's matrix. The reason is required. */
export const LevelChangeInput = strictObject(
  {
    likelihood: Likelihood,
    impact: Impact,
    reason: requiredText('等级调整理由', 2, 500),
  },
  '等级调整',
);
export type LevelChangeInput = z.infer<typeof LevelChangeInput>;

/**
 * An assessment record (研判, PRODUCT.md §3): date, form, participants (court staff and outside
 * agencies), conclusion and an optional re-scoring with its reason. A 联席会议 is by definition held
 * with outside agencies, so it needs at least one agency participant.
 */
export const AssessmentInput = strictObject(
  {
    heldOn: localDate('研判日期'),
    form: z.enum(ASSESSMENT_FORMS, { error: '研判形式应为会商、专题会或联席会议' }),
    participants: z
      .array(AssessmentParticipant, { error: '参加人员应为列表' })
      .min(1, { error: '请填写参加研判的人员' })
      .max(100, { error: '参加人员不能超过 100 人' }),
    conclusion: requiredText('研判结论', 2, 2000),
    levelChange: LevelChangeInput.optional(),
  },
  '研判记录',
).superRefine((assessment, ctx) => {
  if (assessment.form === 'joint_meeting' && !assessment.participants.some((p) => p.kind === 'agency')) {
    ctx.addIssue({ code: 'custom', path: ['participants'], message: '联席会议应至少有一家协同单位参加' });
  }
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** Assignee of a disposal task: a department, a person, or an outside agency. */
export const TaskAssignee = z.discriminatedUnion(
  'kind',
  [
    strictObject({ kind: z.literal('department'), departmentId: idOf('承办部门') }, '承办对象'),
    strictObject({ kind: z.literal('person'), accountId: idOf('承办人') }, '承办对象'),
    strictObject({ kind: z.literal('agency'), agencyId: idOf('协同单位') }, '承办对象'),
  ],
  { error: '承办对象应为部门（department）、个人（person）或协同单位（agency）' },
);
export type TaskAssignee = z.infer<typeof TaskAssignee>;

/** One task of a disposal plan (处置方案, PRODUCT.md §3). */
export const DisposalTaskInput = strictObject(
  {
    assignee: TaskAssignee,
    dueOn: localDate('办理期限'),
    description: requiredText('任务内容', 2, 1000),
  },
  '处置任务',
);
export type DisposalTaskInput = z.infer<typeof DisposalTaskInput>;

/** 批示 from a leader or the upper court; the receiving court must acknowledge it (issue 4). */
export const InstructionInput = strictObject(
  {
    content: requiredText('批示内容', 2, 2000),
    /** 要求反馈日期, if the instruction sets one. */
    replyBy: localDate('要求反馈日期').optional(),
  },
  '批示',
);
export type InstructionInput = z.infer<typeof InstructionInput>;

/**
 * The fields each lifecycle action requires (PRODUCT.md §5). The state machine parses the action
 * with these; dates that must not lie in the past or future are checked there, against `today`.
 */
export const RISK_ACTION_PAYLOADS = {
  startAssessment: strictObject({ action: z.literal('startAssessment'), note: optionalText('备注', 500) }),
  recordAssessment: strictObject({ action: z.literal('recordAssessment'), assessment: AssessmentInput }),
  submitPlan: strictObject({
    action: z.literal('submitPlan'),
    summary: requiredText('处置方案', 2, 2000),
    tasks: z
      .array(DisposalTaskInput, { error: '处置任务应为列表' })
      .min(1, { error: '处置方案至少包含一项任务' })
      .max(50, { error: '处置任务不能超过 50 项' }),
  }),
  recordReview: strictObject({ action: z.literal('recordReview'), finding: requiredText('复查情况', 2, 2000), nextReviewOn: localDate('下次复查日期') }),
  monitor: strictObject({ action: z.literal('monitor'), reason: requiredText('转入持续监测的理由', 2, 500), nextReviewOn: localDate('下次复查日期') }),
  resumeFromMonitoring: strictObject({ action: z.literal('resumeFromMonitoring'), reason: requiredText('恢复处置的理由', 2, 500) }),
  resolve: strictObject({
    action: z.literal('resolve'),
    resolutionSummary: requiredText('化解情况总结', 10, 2000),
    residualLevel: z.enum(RISK_LEVELS, { error: '请选择剩余风险等级（红、橙、黄、蓝）' }),
  }),
  approveClosure: strictObject({ action: z.literal('approveClosure'), opinion: requiredText('审批意见', 2, 500) }),
  close: strictObject({
    action: z.literal('close'),
    /** The closure approval (审批销号) this 销号 relies on; required for 红/橙. */
    approvalId: z.string({ error: '审批编号必须是文字' }).min(1, { error: '审批编号不能为空' }).max(200).optional(),
    note: optionalText('销号说明', 500),
  }),
  reopen: strictObject({ action: z.literal('reopen'), reason: requiredText('重新启动的理由', 2, 500) }),
  reportToLeader: strictObject({ action: z.literal('reportToLeader'), note: optionalText('报告内容', 1000) }),
  reportUpward: strictObject({ action: z.literal('reportUpward'), note: requiredText('上报说明', 2, 1000) }),
} as const satisfies Record<RiskActionName, z.ZodObject>;

/** The payload of one action, as the state machine receives it (without the concurrency `version`). */
export type RiskActionPayload = { [Name in RiskActionName]: z.input<(typeof RISK_ACTION_PAYLOADS)[Name]> }[RiskActionName];

const versioned = { version: Version };

/** Body of `POST /risks/:id/actions`: one lifecycle action plus the version the client last read. */
export const RiskActionInput = z.discriminatedUnion(
  'action',
  [
    RISK_ACTION_PAYLOADS.startAssessment.extend(versioned),
    RISK_ACTION_PAYLOADS.recordAssessment.extend(versioned),
    RISK_ACTION_PAYLOADS.submitPlan.extend(versioned),
    RISK_ACTION_PAYLOADS.recordReview.extend(versioned),
    RISK_ACTION_PAYLOADS.monitor.extend(versioned),
    RISK_ACTION_PAYLOADS.resumeFromMonitoring.extend(versioned),
    RISK_ACTION_PAYLOADS.resolve.extend(versioned),
    RISK_ACTION_PAYLOADS.approveClosure.extend(versioned),
    RISK_ACTION_PAYLOADS.close.extend(versioned),
    RISK_ACTION_PAYLOADS.reopen.extend(versioned),
    RISK_ACTION_PAYLOADS.reportToLeader.extend(versioned),
    RISK_ACTION_PAYLOADS.reportUpward.extend(versioned),
  ],
  { error: '未知的操作' },
);
export type RiskActionInput = z.infer<typeof RiskActionInput>;

/**
 * 上报风险 by hand (issue 4), from a case page or from scratch. `courtId` defaults to the reporter's
 * court and `ownerId` to the reporter; the service scores likelihood × impact on the court's matrix.
 */
export const RiskCreateInput = strictObject(
  {
    courtId: idOf('法院').optional(),
    domain: RiskDomain,
    subtype: requiredText('风险子类', 1, 50),
    title: requiredText('风险标题', 2, 100),
    description: requiredText('风险描述', 10, 5000),
    likelihood: Likelihood,
    impact: Impact,
    caseIds: z
      .array(idOf('关联案件'), { error: '关联案件应为列表' })
      .max(50, { error: '关联案件不能超过 50 件' })
      .refine((ids) => new Set(ids).size === ids.length, { error: '关联案件有重复' })
      .default([]),
    ownerId: idOf('责任人').optional(),
    departmentId: idOf('部门').optional(),
    tags: z.array(requiredText('标签', 1, 20), { error: '标签应为列表' }).max(10, { error: '标签不能超过 10 个' }).default([]),
  },
  '上报风险',
);
export type RiskCreateInput = z.infer<typeof RiskCreateInput>;

/** Register list filters (issue 4): query strings arrive as text. `from`/`to` bound the registration date. */
export const RiskListQuery = PageQuery.extend({
  courtId: idOf('法院').optional(),
  /** 本院及下级: include lower courts' risks (within the account's data scope). */
  includeLowerCourts: TrueFalse.default('false'),
  domain: z.enum(RISK_DOMAINS, { error: '风险领域不正确' }).optional(),
  level: z.enum(RISK_LEVELS, { error: '风险等级不正确' }).optional(),
  /** One state, or `open` (在办): 待研判 through 持续监测 — what the workbench's heat grid counts. */
  status: z.union([RiskStatus, z.literal('open')], { error: '风险状态应为待研判、研判中、处置中、持续监测、已化解、已销号或在办之一' }).optional(),
  departmentId: idOf('部门').optional(),
  ownerId: idOf('责任人').optional(),
  /** Only risks with at least one missed, still running clock. */
  overdue: TrueFalse.optional(),
  /** 下级上报 list: only risks reported to the upper court. */
  reportedUpward: TrueFalse.optional(),
  /** 下级上报 list: the lower courts' risks only, never the viewer's own court (whose risks it reports further up). */
  lowerCourtsOnly: TrueFalse.optional(),
  from: localDate('开始日期').optional(),
  to: localDate('结束日期').optional(),
  keyword: z.string().trim().max(60, { error: '关键词不能超过 60 个字' }).optional(),
  sort: z.enum(['createdAt', 'updatedAt', 'level'], { error: '排序字段不正确' }).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
}).refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
  path: ['to'],
  error: '结束日期不能早于开始日期',
});
export type RiskListQuery = z.infer<typeof RiskListQuery>;

// ── views ─────────────────────────────────────────────────────────────────────────────────────────

/** 已化解: what was done and the residual level, recorded by the `resolve` action. */
export const RiskResolution = z.object({ summary: z.string(), residualLevel: z.enum(RISK_LEVELS), at: z.string(), by: z.string() });
export type RiskResolution = z.infer<typeof RiskResolution>;

/** A leader's closure approval (审批销号), bound to the resolution it approved (`resolutionAt`). */
export const RiskApproval = z.object({ id: z.string(), by: z.string(), at: z.string(), opinion: z.string(), resolutionAt: z.string() });
export type RiskApproval = z.infer<typeof RiskApproval>;

/** 已销号: when, by whom, and the approval relied on (null when the level needed none). */
export const RiskClosure = z.object({ at: z.string(), by: z.string(), approvalId: z.string().nullable() });
export type RiskClosure = z.infer<typeof RiskClosure>;

/** The 已上报 flag: reported to the upper court, automatically (红/橙) or by hand. Never cleared. */
export const UpwardReport = z.object({ at: z.string(), automatic: z.boolean() });
export type UpwardReport = z.infer<typeof UpwardReport>;

/** A register entry as the UI sees it, with its clocks and the actions this account may take. */
export const RiskView = z.object({
  id: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  domain: z.enum(RISK_DOMAINS),
  subtype: z.string(),
  title: z.string(),
  description: z.string(),
  status: RiskStatus,
  statusSince: z.string(),
  /** Current score with the criteria snapshot it was computed under. */
  score: RiskScore,
  initialLevel: z.enum(RISK_LEVELS),
  level: z.enum(RISK_LEVELS),
  residualLevel: z.enum(RISK_LEVELS).nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  linkedCases: z.array(z.object({ id: z.string(), caseNumber: z.string() })),
  /** Linked case warnings' ids; every source's linked warnings, as the page shows them: GET /risks/:id/warnings. */
  warningIds: z.array(z.string()),
  tags: z.array(z.string()),
  firstAssessedAt: z.string().nullable(),
  planSubmittedAt: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  reportedToLeaderAt: z.string().nullable(),
  reportedUpward: UpwardReport.nullable(),
  resolution: RiskResolution.nullable(),
  approvals: z.array(RiskApproval),
  closure: RiskClosure.nullable(),
  clocks: z.array(RiskClock),
  /** 批示 and 交办 on the risk: how many, and how many its court has not yet 签收. */
  instructions: z.object({ total: z.number().int(), unacknowledged: z.number().int() }),
  /** Outline-style abilities: the actions this account may take now (from `availableActions`). */
  availableActions: z.array(z.enum(RISK_ACTIONS)),
  /** 调整责任人 (`PUT /risks/:id/assignment`): 处置风险 in the risk's own court, until 已销号. */
  canReassign: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RiskView = z.infer<typeof RiskView>;

// ── register, timeline, assessments, instructions (server side of issue 4) ─────────────────────────

/**
 * 上级交办 (issue 4): an upper court registers a risk in one of its lower courts with an instruction
 * attached. `courtId` (the lower court) is required; owner and department, when given, are that court's.
 */
export const RiskAssignDownInput = RiskCreateInput.extend({
  courtId: idOf('交办法院'),
  instruction: requiredText('交办要求', 2, 2000),
  replyBy: localDate('要求反馈日期').optional(),
});
export type RiskAssignDownInput = z.infer<typeof RiskAssignDownInput>;

/**
 * Body of `PUT /risks/:id/assignment` (调整责任人): a new owner, department and/or tags, with the version
 * last read. Fields left out stay as they are; owner and department must belong to the risk's court.
 */
export const RiskAssignmentInput = strictObject(
  {
    ownerId: idOf('责任人').optional(),
    departmentId: idOf('部门').optional(),
    tags: z.array(requiredText('标签', 1, 20), { error: '标签应为列表' }).max(10, { error: '标签不能超过 10 个' }).optional(),
    ...versioned,
  },
  '调整责任人',
).refine((input) => input.ownerId !== undefined || input.departmentId !== undefined || input.tags !== undefined, { error: '请至少调整责任人、部门或标签中的一项' });
export type RiskAssignmentInput = z.infer<typeof RiskAssignmentInput>;

/** A comment on the risk's timeline; `mentionIds` are the accounts @-mentioned (they are notified). */
export const RiskCommentInput = strictObject(
  {
    body: requiredText('评论内容', 1, 2000),
    mentionIds: z
      .array(idOf('提及的人员'), { error: '提及的人员应为列表' })
      .max(20, { error: '一次最多提及 20 人' })
      .refine((ids) => new Set(ids).size === ids.length, { error: '提及的人员有重复' })
      .default([]),
  },
  '评论',
);
export type RiskCommentInput = z.infer<typeof RiskCommentInput>;

/** Body of `POST /instructions/:id/acknowledge` (签收批示). */
export const InstructionAcknowledgeInput = strictObject({ note: optionalText('签收说明', 500) }, '签收');
export type InstructionAcknowledgeInput = z.infer<typeof InstructionAcknowledgeInput>;

/** Timeline events besides the lifecycle actions: reassignments, comments, 批示 and their 签收, task events, warnings joined, escalations. */
export const RISK_TIMELINE_EXTRA_EVENTS = [
  'assignment',
  'comment',
  'instruction',
  'instruction_ack',
  'task_accept',
  'task_feedback',
  'task_complete',
  'task_return',
  'task_file',
  'warning_joined',
  'escalation',
] as const;
export const RISK_TIMELINE_EVENTS = ['create', ...RISK_ACTIONS, ...RISK_TIMELINE_EXTRA_EVENTS] as const;
export type RiskTimelineEvent = (typeof RISK_TIMELINE_EVENTS)[number];
/** Timeline headings. */
export const riskTimelineEventLabel: Record<RiskTimelineEvent, string> = {
  create: '登记风险',
  ...riskActionLabel,
  assignment: '调整责任人',
  comment: '评论',
  instruction: '批示',
  instruction_ack: '签收批示',
  task_accept: '接收任务',
  task_feedback: '反馈任务',
  task_complete: '办结任务',
  task_return: '退回任务',
  task_file: '上传任务附件',
  warning_joined: '并入预警',
  escalation: '逐级督办',
};

/** One row of a risk's timeline (issue 4): who did what, when; oldest first. */
export const RiskTimelineEntryView = z.object({
  id: z.string(),
  riskId: z.string(),
  event: z.enum(RISK_TIMELINE_EVENTS),
  at: z.string(),
  /** Null for the system (escalations). */
  actorId: z.string().nullable(),
  actorName: z.string(),
  /** The actor's court, so an upper court's comment or 批示 is recognisable. */
  actorCourtName: z.string().nullable(),
  fromStatus: RiskStatus.nullable(),
  toStatus: RiskStatus.nullable(),
  levelChange: z.object({ from: z.enum(RISK_LEVELS), to: z.enum(RISK_LEVELS), reason: z.string() }).nullable(),
  upwardReport: z.enum(['automatic', 'manual']).nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RiskTimelineEntryView = z.infer<typeof RiskTimelineEntryView>;

/** A recorded assessment (研判记录). `agencyName` is filled in for agency participants. */
export const AssessmentView = z.object({
  id: z.string(),
  riskId: z.string(),
  riskTitle: z.string(),
  courtId: z.string(),
  heldOn: z.string(),
  form: z.enum(ASSESSMENT_FORMS),
  participants: z.array(
    z.object({ kind: z.enum(PARTICIPANT_KINDS), name: z.string(), accountId: z.string().optional(), agencyId: z.string().optional(), agencyName: z.string().optional() }),
  ),
  conclusion: z.string(),
  levelChange: z
    .object({ likelihood: z.number().int(), impact: z.number().int(), reason: z.string(), from: z.enum(RISK_LEVELS), to: z.enum(RISK_LEVELS) })
    .nullable(),
  recordedById: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type AssessmentView = z.infer<typeof AssessmentView>;

/** 批示 (from a leader of the court or from the upper court) or 上级交办, and its 签收 by the risk's court. */
export const InstructionView = z.object({
  id: z.string(),
  riskId: z.string(),
  riskTitle: z.string(),
  courtId: z.string(),
  kind: z.enum(['instruction', 'assignment']),
  fromCourtId: z.string(),
  fromCourtName: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  content: z.string(),
  replyBy: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedById: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
  /** This account may 签收 it now. */
  canAcknowledge: z.boolean(),
});
export type InstructionView = z.infer<typeof InstructionView>;

// ── disposal tasks (处置任务) ──────────────────────────────────────────────────────────────────────

/** Task actions (issue 4): 接收, 反馈, 办结, 退回. */
export const TASK_ACTIONS = ['accept', 'feedback', 'complete', 'return'] as const;
export type TaskActionName = (typeof TASK_ACTIONS)[number];
export const taskActionLabel: Record<TaskActionName, string> = { accept: '接收', feedback: '反馈', complete: '办结', return: '退回' };

/** Body of `POST /tasks/:id/actions`. 反馈 needs the feedback text, 退回 the reason. */
export const TaskActionInput = z.discriminatedUnion(
  'action',
  [
    strictObject({ action: z.literal('accept'), note: optionalText('备注', 500), ...versioned }),
    strictObject({ action: z.literal('feedback'), feedback: requiredText('反馈情况', 2, 2000), ...versioned }),
    strictObject({ action: z.literal('complete'), note: optionalText('办结说明', 500), ...versioned }),
    strictObject({ action: z.literal('return'), reason: requiredText('退回理由', 2, 500), ...versioned }),
  ],
  { error: '任务操作应为接收、反馈、办结或退回' },
);
export type TaskActionInput = z.infer<typeof TaskActionInput>;

/**
 * Task list filters: `mine` = assigned to me or my department. With `mine=true` no 查看风险 is needed:
 * an assignee always sees its own tasks.
 */
export const TaskListQuery = PageQuery.extend({
  mine: TrueFalse.optional(),
  riskId: idOf('风险事项').optional(),
  agencyId: idOf('协同单位').optional(),
  status: TaskStatus.optional(),
  /** Past the 办理期限 and not 已反馈/已办结. */
  overdue: TrueFalse.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** An attachment of a task (反馈材料), with its SHA-256 so a printed copy can be checked. */
export const TaskFileView = z.object({
  id: z.string(),
  taskId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export type TaskFileView = z.infer<typeof TaskFileView>;

/** A disposal task as the UI sees it. */
export const TaskView = z.object({
  id: z.string(),
  courtId: z.string(),
  riskId: z.string(),
  riskTitle: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  assignee: z.object({ kind: z.enum(ASSIGNEE_KINDS), id: z.string(), name: z.string() }),
  description: z.string(),
  dueOn: z.string(),
  status: TaskStatus,
  /** Past the 办理期限 (Beijing date) while the assignee still owes work. */
  overdue: z.boolean(),
  feedback: z.string().nullable(),
  returnReason: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  fedBackAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  files: z.array(TaskFileView),
  availableActions: z.array(z.enum(TASK_ACTIONS)),
  /** This account may upload attachments. */
  canUpload: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof TaskView>;

/**
 * What an assignee learns of the risk behind its tasks (`GET /risks/:id/summary`), also without 查看风险:
 * enough to do the work and meet the dates — title, level, state, who runs it and the due dates of its
 * own tasks — but not the description, linked cases, warnings, assessments, 批示 or timeline.
 */
export const RiskSummaryView = z.object({
  id: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  domain: z.enum(RISK_DOMAINS),
  subtype: z.string(),
  title: z.string(),
  level: z.enum(RISK_LEVELS),
  status: RiskStatus,
  ownerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** 下次复查日期 of the risk. */
  nextReviewOn: z.string().nullable(),
  /** The risk's tasks assigned to this account or its department, with their 办理期限. */
  myTasks: z.array(z.object({ id: z.string(), description: z.string(), dueOn: z.string(), status: TaskStatus, overdue: z.boolean() })),
});
export type RiskSummaryView = z.infer<typeof RiskSummaryView>;
