import { Readable } from 'node:stream';
import {
  AgencyInput,
  InstructionInput,
  RiskActionInput,
  RiskAssignDownInput,
  RiskAssignmentInput,
  RiskCommentInput,
  RiskCreateInput,
  TaskActionInput,
  WarningListQuery,
  WarningTriageInput,
  type AgencyKind,
  type RiskView,
  type TaskView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { createAccessChecker } from './access.js';
import type { Actor } from './actor.js';
import { createAgencyService } from './agency.service.js';
import { buildActor } from './auth.service.js';
import { createRiskRegistrar, createRiskService } from './risk.service.js';
import type { Store } from './store.js';
import { createTaskService } from './task.service.js';
import { createWarningService } from './warning.service.js';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

type CourtKey = 'zy' | 'dc' | 'xc';
const COURT_CODES: Record<CourtKey, string> = { zy: '示01', dc: '示0101', xc: '示0102' };

/** 协同单位 of each demo court (synthetic names and numbers). */
const AGENCIES: Record<CourtKey, { key: string; name: string; kind: AgencyKind; contact: string; phone: string; title: string }[]> = {
  zy: [
    { key: 'police', name: '示例市公安局经济犯罪侦查支队', kind: 'police', contact: '周警官', phone: '0000-81000001', title: '副支队长' },
    { key: 'petition', name: '示例市信访局', kind: 'petition_bureau', contact: '郑科长', phone: '0000-81000002', title: '督查科科长' },
    { key: 'pbc', name: '中国人民银行示例市分行', kind: 'financial_regulator', contact: '吴处长', phone: '0000-81000003', title: '金融稳定处处长' },
    { key: 'nfra', name: '国家金融监督管理总局示例监管分局', kind: 'financial_regulator', contact: '冯处长', phone: '0000-81000004', title: '打非处处长' },
  ],
  dc: [
    { key: 'police', name: '示例市公安局东城分局', kind: 'police', contact: '陈所长', phone: '0000-82000001', title: '派出所所长' },
    { key: 'petition', name: '东城区信访局', kind: 'petition_bureau', contact: '褚主任', phone: '0000-82000002', title: '接访中心主任' },
    { key: 'street', name: '东城区和平街道办事处', kind: 'community', contact: '卫主任', phone: '0000-82000003', title: '综治办主任' },
  ],
  xc: [
    { key: 'police', name: '示例市公安局西城分局', kind: 'police', contact: '蒋警官', phone: '0000-83000001', title: '刑侦大队副大队长' },
    { key: 'petition', name: '西城区信访局', kind: 'petition_bureau', contact: '沈科长', phone: '0000-83000002', title: '办信科科长' },
  ],
};

/**
 * The demo risk register (issue 4): sixteen synthetic risks in the 中院 and two 基层法院, across the
 * five domains, the four levels and every state, with assessments, plans and tasks (one for an outside
 * agency overdue), 批示 (one awaiting 签收), 上级交办, automatic and level-raise upward reports, closures
 * with a leader's approval, a change of owner, and risks created from (and a warning joined to) the
 * demo warnings.
 *
 * Everything goes through the real services as the demo accounts, so timelines, clocks, notifications
 * and audit entries are what the platform itself would have written. The services get a clock the
 * script moves: registrations spread over the last ~40 days (the 30-day trend has shape), and each
 * later step happens later. Needs the demo accounts and the demo cases (their warnings).
 */
export async function seedDemoRisks({ store, clock, dataDir }: { store: Store; clock: Clock; dataDir: string }): Promise<void> {
  const { repos } = store;
  const base = clock.now().getTime();
  let now = base;
  const scripted: Clock = { now: () => new Date(now) };
  const access = createAccessChecker({ store, clock: scripted });
  const registrar = createRiskRegistrar({ store });
  const risks = createRiskService({ store, access, clock: scripted, registrar });
  const tasks = createTaskService({ store, access, clock: scripted, dataDir });
  const warnings = createWarningService({ store, access, clock: scripted, registrar });
  const agencies = createAgencyService({ store, access, clock: scripted, tasks });

  /** Moves the script to `daysAgo` days before the seed, at `time` Beijing time (never past the real now). */
  const at = (daysAgo: number, time = '09:30') => {
    const day = new Date(base - daysAgo * DAY_MS + BEIJING_MS).toISOString().slice(0, 10);
    now = Math.min(Date.parse(`${day}T${time}:00+08:00`), base);
  };
  /** The Beijing date of the script's now, plus `days`. */
  const date = (days = 0) => new Date(now + BEIJING_MS + days * DAY_MS).toISOString().slice(0, 10);

  const courts = await repos.courts.listAll();
  const courtId = (key: CourtKey) => courts.find((c) => c.code === COURT_CODES[key])!.id;
  const departmentId = async (key: CourtKey, code: string) => (await repos.departments.getByCode(courtId(key), code))!.id;

  const actors = new Map<string, Actor>();
  async function as(username: string): Promise<Actor> {
    let actor = actors.get(username);
    if (!actor) {
      const account = (await repos.accounts.getByUsername(username))!;
      actor = (await buildActor(repos, 'demo-seed', account.id, null))!;
      actors.set(username, actor);
    }
    return actor;
  }
  const accountId = async (username: string) => (await as(username)).accountId;

  const agencyIds = new Map<string, string>();
  const agencyId = (court: CourtKey, key: string) => agencyIds.get(`${court}/${key}`)!;

  async function report(username: string, input: Record<string, unknown>): Promise<RiskView> {
    return risks.create(await as(username), RiskCreateInput.parse(input));
  }
  async function act(risk: RiskView, username: string, payload: Record<string, unknown>): Promise<RiskView> {
    return risks.act(await as(username), risk.id, RiskActionInput.parse({ ...payload, version: risk.version }));
  }
  /** The plan's tasks of a risk, in plan order, as its court's risk office sees them. */
  async function planned(risk: RiskView): Promise<TaskView[]> {
    const court = (Object.keys(COURT_CODES) as CourtKey[]).find((key) => courtId(key) === risk.courtId)!;
    return (await tasks.listForRisk(await as(`${court}_risk`), risk.id)).items;
  }
  async function taskAct(task: TaskView, username: string, body: Record<string, unknown>): Promise<TaskView> {
    return tasks.act(await as(username), task.id, TaskActionInput.parse({ ...body, version: task.version }));
  }
  /**
   * 接收 → 反馈 (with an attachment, if given) → 办结 on the given days ago, `assignee` on the assignee
   * side and `office` on the risk side.
   */
  async function carryOut(task: TaskView, assignee: string, office: string, days: [number, number, number], feedback: string, file?: { name: string; text: string }) {
    at(days[0], '10:00');
    let done = await taskAct(task, assignee, { action: 'accept' });
    at(days[1], '16:00');
    done = await taskAct(done, assignee, { action: 'feedback', feedback });
    if (file) await tasks.uploadFile(await as(assignee), done.id, async () => ({ fileName: file.name, stream: Readable.from([Buffer.from(file.text)]) }));
    at(days[2], '11:00');
    return taskAct(done, office, { action: 'complete', note: '反馈情况属实，予以办结' });
  }
  const staff = async (username: string, name: string) => ({ kind: 'staff', name, accountId: await accountId(username) });

  // ── 协同单位 ────────────────────────────────────────────────────────────────────────────────────
  at(41, '09:00');
  for (const [court, list] of Object.entries(AGENCIES) as [CourtKey, (typeof AGENCIES)[CourtKey]][]) {
    for (const agency of list) {
      const view = await agencies.create(
        await as(`${court}_risk`),
        AgencyInput.parse({ name: agency.name, kind: agency.kind, contacts: [{ name: agency.contact, phone: agency.phone, title: agency.title }], note: '风险联防联控联系单位' }),
      );
      agencyIds.set(`${court}/${agency.key}`, view.id);
    }
  }

  // ── 中院 ────────────────────────────────────────────────────────────────────────────────────────

  // 金融 · 红 · 已销号 (审批销号 by the leader), after a 联席会议, a three-part plan and a 批示.
  at(38, '09:30');
  let fundraising = await report('zy_risk', {
    domain: 'financial',
    subtype: '非法集资',
    title: '某财富管理公司非法吸收公众存款涉众兑付风险',
    description: '某财富管理有限公司以高息理财为名向社会公众吸收资金，资金链断裂后无法兑付，已有 60 余名投资人起诉，另有数百名投资人在公司门前聚集讨要本息，存在群体性事件风险。',
    likelihood: 4,
    impact: 5,
    tags: ['涉众', '兑付'],
  });
  at(38, '10:40');
  fundraising = await act(fundraising, 'zy_risk', { action: 'reportToLeader', note: '已当面报告分管副院长，副院长要求三日内组织联席会议' });
  fundraising = await act(fundraising, 'zy_risk', { action: 'startAssessment', note: '商请人民银行、金融监管分局和公安经侦参加联席会议' });
  at(37, '15:00');
  fundraising = await act(fundraising, 'zy_risk', {
    action: 'recordAssessment',
    assessment: {
      heldOn: date(),
      form: 'joint_meeting',
      participants: [
        await staff('zy_leader', '分管副院长'),
        await staff('zy_chief', '民一庭庭长'),
        { kind: 'agency', agencyId: agencyId('zy', 'pbc'), name: '吴处长' },
        { kind: 'agency', agencyId: agencyId('zy', 'police'), name: '周警官' },
      ],
      conclusion: '涉案人数多、金额大，已出现聚集苗头，维持一级（红色）风险。法院统一立案和裁判尺度，公安查控资金，金融部门排查关联账户。',
    },
  });
  at(37, '17:00');
  fundraising = await act(fundraising, 'zy_risk', {
    action: 'submitPlan',
    summary: '刑民协调、资金查控、统一裁判，分三条线同步推进',
    tasks: [
      { assignee: { kind: 'agency', agencyId: agencyId('zy', 'police') }, dueOn: date(10), description: '核查资金流向，依法冻结涉案账户并通报查控结果' },
      { assignee: { kind: 'department', departmentId: await departmentId('zy', 'civil_1') }, dueOn: date(14), description: '对投资人系列起诉案件集中立案、统一裁判尺度，做好诉前释明' },
      { assignee: { kind: 'agency', agencyId: agencyId('zy', 'pbc') }, dueOn: date(10), description: '配合排查关联企业账户资金异常流动情况' },
    ],
  });
  const [policeTask, civilTask, bankTask] = await planned(fundraising);
  await carryOut(policeTask!, 'zy_risk', 'zy_risk', [36, 30, 28], '已冻结涉案账户 12 个，涉案资金约 2300 万元，相关人员已立案侦查', {
    name: '资金查控情况说明.txt',
    text: '资金查控情况说明（演示材料）\n一、冻结涉案账户 12 个；\n二、冻结资金约 2300 万元；\n三、已立案侦查 3 人。\n',
  });
  await carryOut(bankTask!, 'zy_risk', 'zy_risk', [36, 29, 27], '已排查关联企业账户 37 个，发现异常转账线索 5 条并移交公安');
  await carryOut(civilTask!, 'zy_chief', 'zy_risk', [35, 25, 24], '已集中立案 63 件，统一裁判口径，调解 21 件');
  at(30, '10:00');
  fundraising = await act(fundraising, 'zy_risk', { action: 'recordReview', finding: '投资人情绪总体平稳，未再发生聚集', nextReviewOn: date(7) });
  at(23, '10:00');
  fundraising = await act(fundraising, 'zy_risk', { action: 'recordReview', finding: '涉案资金已部分追回，分批清退方案已公布', nextReviewOn: date(7) });
  at(16, '15:00');
  const fundraisingInstruction = await risks.instruct(await as('zy_leader'), fundraising.id, InstructionInput.parse({ content: '清退工作要公开透明，防止出现新的聚集，化解后报我审批销号。' }));
  at(16, '16:30');
  await risks.acknowledge(await as('zy_risk'), fundraisingInstruction.id, { note: '已传达至民一庭和公安经侦，按要求落实' });
  at(10, '10:00');
  fundraising = await act(fundraising, 'zy_risk', { action: 'resolve', resolutionSummary: '涉案资金按比例清退完毕，系列案件审结，投资人未再聚集，风险已化解。', residualLevel: 'blue' });
  at(9, '14:00');
  fundraising = await act(fundraising, 'zy_leader', { action: 'approveClosure', opinion: '同意销号，继续关注后续执行' });
  at(8, '09:30');
  await act(fundraising, 'zy_risk', { action: 'close', approvalId: fundraising.approvals.at(-1)!.id, note: '经分管副院长审批销号' });

  // 社会稳定 · 橙 · 处置中: a plan with a task to the 信访局 overdue (督办) and one for 诉讼服务中心 still open.
  at(21, '09:00');
  let wages = await report('zy_risk', {
    domain: 'social_stability',
    subtype: '劳动争议/欠薪',
    title: '某建筑劳务公司拖欠农民工工资群体讨薪风险',
    description: '某建筑劳务有限公司拖欠三十余名农民工工资一百余万元，工人多次到院反映，部分人员扬言到市政府集体上访，情绪激动。',
    likelihood: 3,
    impact: 4,
    ownerId: await accountId('zy_chief'),
    tags: ['欠薪', '农民工'],
  });
  at(21, '11:00');
  wages = await act(wages, 'zy_risk', { action: 'reportToLeader', note: '已报告分管副院长' });
  wages = await act(wages, 'zy_risk', { action: 'startAssessment' });
  at(20, '15:00');
  wages = await act(wages, 'zy_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'consultation', participants: [await staff('zy_chief', '民一庭庭长'), await staff('zy_judge', '承办法官')], conclusion: '欠薪事实基本清楚，被告有支付能力，需防止工人聚集，维持二级（橙色）风险。' },
  });
  at(19, '10:00');
  wages = await act(wages, 'zy_risk', {
    action: 'submitPlan',
    summary: '约谈督促支付、信访稳控、来访疏导同步进行',
    tasks: [
      { assignee: { kind: 'person', accountId: await accountId('zy_judge') }, dueOn: date(5), description: '约谈被告法定代表人，督促制定工资支付计划' },
      { assignee: { kind: 'agency', agencyId: agencyId('zy', 'petition') }, dueOn: date(7), description: '联合做好信访稳控，掌握重点人员动向并每周通报' },
      { assignee: { kind: 'department', departmentId: await departmentId('zy', 'petition') }, dueOn: date(30), description: '做好讨薪农民工来访接待与情绪疏导，发现聚集苗头即时报告' },
    ],
  });
  const [judgeTask, petitionBureauTask] = await planned(wages);
  at(18, '09:30');
  const judgeAccepted = await taskAct(judgeTask!, 'zy_judge', { action: 'accept' });
  await taskAct(petitionBureauTask!, 'zy_risk', { action: 'accept', note: '信访局电话确认接收' });
  at(15, '10:00');
  await risks.comment(await as('zy_risk'), wages.id, RiskCommentInput.parse({ body: '约谈进展如何？请本周内反馈。', mentionIds: [await accountId('zy_judge')] }));
  at(12, '17:00');
  await taskAct(judgeAccepted, 'zy_judge', { action: 'feedback', feedback: '已约谈法定代表人，对方承诺分三期支付，首期 40 万元已到账' });
  at(7, '10:00');
  wages = await act(wages, 'zy_risk', { action: 'recordReview', finding: '首期工资已发放，仍有十余名工人未领到工资', nextReviewOn: date(14) });

  // 社会稳定 · 黄 · 持续监测 after a demonstration judgment.
  at(33, '10:00');
  let housing = await report('zy_risk', {
    domain: 'social_stability',
    subtype: '涉房地产（逾期交房）',
    title: '某置业公司逾期交房引发业主集中诉讼风险',
    description: '某置业有限公司开发的住宅项目逾期交房一年以上，二百余户购房人陆续起诉，业主多次在售楼处聚集维权并在网上发帖。',
    likelihood: 2,
    impact: 4,
    departmentId: await departmentId('zy', 'civil_1'),
  });
  at(32, '10:00');
  housing = await act(housing, 'zy_risk', { action: 'startAssessment' });
  at(31, '15:00');
  housing = await act(housing, 'zy_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'special_meeting', participants: [await staff('zy_chief', '民一庭庭长')], conclusion: '项目已复工，主要矛盾在违约金计算，以示范判决引导调解。' },
  });
  housing = await act(housing, 'zy_risk', {
    action: 'submitPlan',
    summary: '选取典型案件示范判决，其余案件委派调解',
    tasks: [{ assignee: { kind: 'department', departmentId: await departmentId('zy', 'civil_1') }, dueOn: date(20), description: '选取三件典型案件先行判决，统一违约金计算标准' }],
  });
  // The 庭长 takes the risk over once the plan is his department's work (调整责任人).
  housing = await risks.reassign(await as('zy_risk'), housing.id, RiskAssignmentInput.parse({ ownerId: await accountId('zy_chief'), tags: ['逾期交房', '示范判决'], version: housing.version }));
  const [housingTask] = await planned(housing);
  await carryOut(housingTask!, 'zy_chief', 'zy_risk', [30, 15, 14], '三件示范判决已宣判，其余 180 余件正在委派调解');
  at(14, '15:00');
  await act(housing, 'zy_risk', { action: 'monitor', reason: '示范判决后业主情绪平稳，转入持续监测', nextReviewOn: date(30) });

  // 网络安全 · 黄 · 已化解 (awaiting 销号).
  at(27, '10:00');
  let mules = await report('zy_risk', {
    domain: 'cyber',
    subtype: '帮信',
    title: '帮信案件涉案银行卡批量出租风险',
    description: '近期审理的帮助信息网络犯罪活动案件中，多名被告人系在校学生，出租银行卡和手机卡被用于电信网络诈骗资金结算，上下游人员尚未到案。',
    likelihood: 3,
    impact: 3,
    departmentId: await departmentId('zy', 'criminal'),
  });
  at(26, '10:00');
  mules = await act(mules, 'zy_risk', { action: 'startAssessment' });
  at(25, '15:00');
  mules = await act(mules, 'zy_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'consultation', participants: [{ kind: 'staff', name: '刑庭庭长' }], conclusion: '向公安通报卡源信息，协查上下游人员，并向教育部门发出司法建议。' },
  });
  at(24, '10:00');
  mules = await act(mules, 'zy_risk', {
    action: 'submitPlan',
    summary: '通报线索、协查上下游、发出司法建议',
    tasks: [{ assignee: { kind: 'agency', agencyId: agencyId('zy', 'police') }, dueOn: date(10), description: '通报涉案银行卡信息，协查上下游人员' }],
  });
  const [mulesTask] = await planned(mules);
  await carryOut(mulesTask!, 'zy_risk', 'zy_risk', [24, 18, 17], '已抓获卡商 2 人，查明涉案银行卡 41 张');
  at(5, '10:00');
  await act(mules, 'zy_risk', { action: 'resolve', resolutionSummary: '上下游人员已到案，司法建议已被采纳并开展校园宣传，风险已化解。', residualLevel: 'blue' });

  // 政治安全 · 黄 · 研判中.
  at(4, '16:00');
  const hype = await report('zy_risk', {
    domain: 'political_security',
    subtype: '借案炒作/舆论攻击',
    title: '涉外当事人借案炒作风险',
    description: '一起涉外合同纠纷案件的当事人在境外社交媒体发布不实信息，指责法院司法不公，相关帖子转发量持续上升。',
    likelihood: 2,
    impact: 5,
  });
  at(3, '09:30');
  await act(hype, 'zy_risk', { action: 'startAssessment', note: '商请宣传处、网信部门参加会商' });

  // 内部管理 · 蓝 · 待研判, reported by the 庭长.
  at(2, '11:00');
  await report('zy_chief', {
    domain: 'internal_management',
    subtype: '长期未结',
    title: '民一庭长期未结案件集中风险',
    description: '民一庭立案超过十八个月未结的案件有 9 件，其中 3 件当事人多次来信反映审理拖延。',
    likelihood: 1,
    impact: 3,
  });

  // 内部管理 · 蓝 · 已销号 without approval (四级).
  at(35, '10:00');
  let payouts = await report('zy_risk', {
    domain: 'internal_management',
    subtype: '流程违规',
    title: '执行案款发放超期风险',
    description: '案款管理系统显示有 14 笔执行案款到账超过三十日仍未发放，存在当事人投诉和廉政风险。',
    likelihood: 2,
    impact: 2,
    departmentId: await departmentId('zy', 'enforcement'),
  });
  at(34, '10:00');
  payouts = await act(payouts, 'zy_risk', { action: 'startAssessment' });
  at(33, '15:00');
  payouts = await act(payouts, 'zy_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'consultation', participants: [{ kind: 'staff', name: '执行局局长' }], conclusion: '系个别案件当事人账户信息不全所致，逐案核查后限期发放。' },
  });
  payouts = await act(payouts, 'zy_risk', {
    action: 'submitPlan',
    summary: '逐案核查、限期发放',
    tasks: [{ assignee: { kind: 'person', accountId: await accountId('zy_risk') }, dueOn: date(15), description: '逐案核查超期未发放案款，督促执行局限期发放' }],
  });
  const [payoutTask] = await planned(payouts);
  await carryOut(payoutTask!, 'zy_risk', 'zy_risk', [33, 25, 24], '14 笔案款已全部发放到位');
  at(22, '10:00');
  payouts = await act(payouts, 'zy_risk', { action: 'resolve', resolutionSummary: '超期案款全部发放，已建立案款到账七日提醒机制。', residualLevel: 'blue' });
  at(21, '10:00');
  await act(payouts, 'zy_risk', { action: 'close', note: '四级风险，化解后直接销号' });

  // ── 东城区人民法院 ──────────────────────────────────────────────────────────────────────────────

  // 社会稳定 · 红 · 处置中, reported up automatically; the 中院's 批示 awaits 签收; the police task is overdue.
  at(12, '09:00');
  let demolition = await report('dc_risk', {
    domain: 'social_stability',
    subtype: '征地拆迁',
    title: '和平街道旧城改造项目征收补偿纠纷聚集风险',
    description: '和平街道旧城改造项目 40 余户被征收人对补偿标准不满，已提起行政诉讼，并多次在区政府门前聚集，扬言阻挠施工。',
    likelihood: 4,
    impact: 5,
    tags: ['征收', '聚集'],
  });
  at(12, '10:30');
  demolition = await act(demolition, 'dc_risk', { action: 'reportToLeader', note: '已报告院长，院长要求当日启动研判' });
  demolition = await act(demolition, 'dc_risk', { action: 'startAssessment' });
  at(11, '15:00');
  demolition = await act(demolition, 'dc_risk', {
    action: 'recordAssessment',
    assessment: {
      heldOn: date(),
      form: 'joint_meeting',
      participants: [{ kind: 'staff', name: '行政庭庭长' }, { kind: 'agency', agencyId: agencyId('dc', 'street'), name: '卫主任' }, { kind: 'agency', agencyId: agencyId('dc', 'petition'), name: '褚主任' }],
      conclusion: '被征收人诉求集中在补偿标准，存在现场冲突可能，维持一级（红色）风险，法院依法快审，街道、公安做好稳控。',
    },
  });
  at(10, '10:00');
  demolition = await act(demolition, 'dc_risk', {
    action: 'submitPlan',
    summary: '依法快审、逐户释法、现场防控',
    tasks: [
      { assignee: { kind: 'agency', agencyId: agencyId('dc', 'street') }, dueOn: date(20), description: '逐户走访被征收户，做好政策解释和矛盾排查' },
      { assignee: { kind: 'agency', agencyId: agencyId('dc', 'police') }, dueOn: date(5), description: '加强施工现场巡查，防止聚集事件升级' },
      { assignee: { kind: 'person', accountId: await accountId('dc_judge') }, dueOn: date(15), description: '对征收补偿系列行政案件依法快审，做好庭前释明' },
    ],
  });
  const [streetTask, , trialTask] = await planned(demolition);
  at(9, '10:00');
  await taskAct(streetTask!, 'dc_risk', { action: 'accept', note: '街道办电话确认接收' });
  await taskAct(trialTask!, 'dc_judge', { action: 'accept' });
  at(2, '16:00');
  await risks.instruct(await as('zy_leader'), demolition.id, InstructionInput.parse({ content: '请东城法院加强与区政府沟通，依法快审快结，每周报送进展。', replyBy: date(7) }));

  // 金融 · 黄 → 橙 in the assessment: reported up with the raise; no plan yet (its clock has run out).
  at(9, '10:00');
  let lenders = await report('dc_risk', {
    domain: 'financial',
    subtype: '职业放贷人',
    title: '职业放贷人系列民间借贷诉讼风险',
    description: '同一出借人及其关联人近三年在本院起诉民间借贷案件 60 余件，借款合同格式统一，部分借款人反映实际到手金额与借条不符。',
    likelihood: 2,
    impact: 4,
  });
  at(8, '10:00');
  lenders = await act(lenders, 'dc_risk', { action: 'startAssessment' });
  at(7, '15:00');
  lenders = await act(lenders, 'dc_risk', {
    action: 'recordAssessment',
    assessment: {
      heldOn: date(),
      form: 'consultation',
      participants: [{ kind: 'staff', name: '民事庭庭长' }, await staff('dc_judge', '承办法官')],
      conclusion: '存在职业放贷和套路贷嫌疑，需移送公安并对系列案件中止审理。',
      levelChange: { likelihood: 3, impact: 4, reason: '查明同一出借人近三年起诉 60 余件，涉嫌套路贷' },
    },
  });
  at(7, '16:30');
  await act(lenders, 'dc_risk', { action: 'reportToLeader', note: '等级上调为二级（橙色），已报告院长' });

  // 网络安全 · 蓝 · 已销号.
  at(28, '10:00');
  let fraudVisits = await report('dc_risk', {
    domain: 'cyber',
    subtype: '电信网络诈骗',
    title: '电信网络诈骗案件被害人集中来访风险',
    description: '一起电信网络诈骗案件的 20 余名被害人因退赔进度缓慢，相约到院反映，要求尽快发还被骗款项。',
    likelihood: 1,
    impact: 4,
  });
  at(27, '10:00');
  fraudVisits = await act(fraudVisits, 'dc_risk', { action: 'startAssessment' });
  at(26, '15:00');
  fraudVisits = await act(fraudVisits, 'dc_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'consultation', participants: [{ kind: 'staff', name: '刑庭庭长' }], conclusion: '加快追赃退赔进度，做好被害人释法说理。' },
  });
  fraudVisits = await act(fraudVisits, 'dc_risk', {
    action: 'submitPlan',
    summary: '追赃退赔、释法说理',
    tasks: [{ assignee: { kind: 'agency', agencyId: agencyId('dc', 'petition') }, dueOn: date(10), description: '协助做好被害人来访接待和情绪疏导' }],
  });
  const [fraudTask] = await planned(fraudVisits);
  await carryOut(fraudTask!, 'dc_risk', 'dc_risk', [26, 20, 19], '已接待被害人 23 人次，均已息访');
  at(16, '10:00');
  fraudVisits = await act(fraudVisits, 'dc_risk', { action: 'resolve', resolutionSummary: '追缴赃款已按比例发还被害人，被害人表示理解，未再来访。', residualLevel: 'blue' });
  at(15, '10:00');
  await act(fraudVisits, 'dc_risk', { action: 'close' });

  // ── 西城区人民法院 ──────────────────────────────────────────────────────────────────────────────

  // 金融 · 橙 · 持续监测, reported up automatically.
  at(24, '09:30');
  let loanSharks = await report('xc_risk', {
    domain: 'financial',
    subtype: '套路贷',
    title: '涉套路贷虚假诉讼关联案件风险',
    description: '某小额贷款公司以"砍头息""虚增债务"等方式放贷后批量起诉，已有借款人举报其虚假诉讼，关联案件 30 余件。',
    likelihood: 3,
    impact: 4,
  });
  at(24, '11:00');
  loanSharks = await act(loanSharks, 'xc_risk', { action: 'reportToLeader', note: '已报告院长' });
  at(23, '10:00');
  loanSharks = await act(loanSharks, 'xc_risk', { action: 'startAssessment' });
  at(22, '15:00');
  loanSharks = await act(loanSharks, 'xc_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'joint_meeting', participants: [{ kind: 'staff', name: '民事庭庭长' }, { kind: 'agency', agencyId: agencyId('xc', 'police'), name: '蒋警官' }], conclusion: '涉嫌套路贷犯罪，关联案件中止审理，线索移送公安。' },
  });
  loanSharks = await act(loanSharks, 'xc_risk', {
    action: 'submitPlan',
    summary: '移送线索、中止审理、甄别虚假诉讼',
    tasks: [{ assignee: { kind: 'agency', agencyId: agencyId('xc', 'police') }, dueOn: date(10), description: '对套路贷犯罪线索立案侦查并反馈' }],
  });
  const [loanTask] = await planned(loanSharks);
  await carryOut(loanTask!, 'xc_risk', 'xc_risk', [21, 16, 15], '已立案侦查，控制犯罪嫌疑人 4 名');
  at(14, '10:00');
  await act(loanSharks, 'xc_risk', { action: 'monitor', reason: '犯罪团伙已被控制，转入持续监测关联案件', nextReviewOn: date(20) });

  // 上级交办 from the 中院, 签收 by 西城.
  at(16, '15:00');
  let stalled = await risks.assignDown(
    await as('zy_leader'),
    RiskAssignDownInput.parse({
      courtId: courtId('xc'),
      domain: 'social_stability',
      subtype: '涉房地产（项目停工）',
      title: '某商品房项目停工引发业主维权风险',
      description: '西城区某商品房项目停工半年，业主向市信访局集体反映，相关合同纠纷将陆续进入西城法院。',
      likelihood: 2,
      impact: 3,
      ownerId: await accountId('xc_risk'),
      instruction: '请西城法院提前研判，做好诉前调解和集中立案准备，十日内报送研判意见。',
      replyBy: date(10),
    }),
  );
  const [assignment] = (await risks.instructions(await as('xc_risk'), stalled.id)).items;
  at(15, '09:30');
  await risks.acknowledge(await as('xc_risk'), assignment!.id, { note: '已签收，将于十日内报送研判意见' });
  stalled = await act(stalled, 'xc_risk', { action: 'startAssessment' });
  at(13, '15:00');
  stalled = await act(stalled, 'xc_risk', {
    action: 'recordAssessment',
    assessment: { heldOn: date(), form: 'special_meeting', participants: [{ kind: 'staff', name: '立案庭庭长' }, { kind: 'agency', agencyId: agencyId('xc', 'petition'), name: '沈科长' }], conclusion: '诉前委派调解，集中立案，指定专门合议庭审理。' },
  });
  await act(stalled, 'xc_risk', {
    action: 'submitPlan',
    summary: '诉前调解、集中立案、专门审理',
    tasks: [{ assignee: { kind: 'person', accountId: await accountId('xc_judge') }, dueOn: date(20), description: '对进入诉讼的业主案件集中审理，统一裁判尺度' }],
  });

  // 政治安全 · 红 · 待研判, registered yesterday: a fresh 下级上报 for the 中院.
  at(1, '17:00');
  await report('xc_risk', {
    domain: 'political_security',
    subtype: '邪教',
    title: '涉邪教人员旁听庭审滋扰风险',
    description: '一起涉邪教组织案件定于下周开庭，据公安通报，有境外关联人员组织旁听并策划在法院周边散发材料。',
    likelihood: 4,
    impact: 5,
  });

  // ── 预警确认 (today): two warnings become risks, one joins the 欠薪 risk ─────────────────────────
  at(0);
  await confirmWarning('zy_risk', courtId('zy'), (w) => w.domain === 'financial', { note: '经核查属实，登记为风险事项' });
  await confirmWarning('dc_risk', courtId('dc'), (w) => w.domain === 'social_stability', { note: '涉众欠薪，登记为风险事项' });
  await confirmWarning('zy_risk', courtId('zy'), (w) => w.subtype.includes('欠薪') || w.title.includes('欠薪'), { note: '与在办欠薪风险系同一被告', risk: { mode: 'join', riskId: wages.id } });

  /** Confirms the first pending demo warning of `court` that `pick` accepts. */
  async function confirmWarning(username: string, court: string, pick: (w: { domain: string; subtype: string; title: string }) => boolean, body: Record<string, unknown>) {
    const actor = await as(username);
    const pending = (await warnings.list(actor, WarningListQuery.parse({ courtId: court, status: 'pending', pageSize: 200 }))).items;
    const warning = pending.find(pick);
    if (!warning) throw new Error(`demo seed: no pending warning to confirm in court ${court}`);
    await warnings.triage(actor, warning.id, WarningTriageInput.parse({ action: 'confirm', version: warning.version, ...body }));
  }
}
