import { describe, expect, it } from 'vitest';
import {
  AssessmentInput,
  InstructionInput,
  RISK_ACTIONS,
  RiskActionInput,
  RiskCreateInput,
  RiskListQuery,
  RiskView,
  TASK_STATUSES,
  taskStatusLabel,
} from '../contracts/risk.js';
import { availableActions } from './lifecycle.js';
import { computeClocks, DEFAULT_RISK_CLOCK_SETTINGS } from './clocks.js';
import { after, dateOf, DAY, EVERYONE, riskIn, validPayload } from './test-support.js';

const messages = (result: { error?: { issues: { message: string }[] } | undefined }) => result.error?.issues.map((issue) => issue.message) ?? [];
const CASE_ID = '3d6f0a52-8b1e-4c7d-9f2a-5e4b3c2d1a0f';

describe('RiskActionInput (POST /risks/:id/actions)', () => {
  it.each(RISK_ACTIONS)('accepts a valid %s with the version read', (name) => {
    const risk = riskIn('disposing');
    expect(RiskActionInput.safeParse({ ...validPayload(name, risk, dateOf(after(DAY))), version: 3 }).success).toBe(true);
  });

  it('needs the version and refuses an unknown action', () => {
    expect(messages(RiskActionInput.safeParse({ action: 'startAssessment' }))).toEqual(['版本号必须是数字']);
    expect(messages(RiskActionInput.safeParse({ action: 'approve', version: 1 }))).toEqual(['未知的操作']);
  });
});

describe('RiskCreateInput (上报风险)', () => {
  const valid = { domain: 'social_stability', subtype: '劳动争议/欠薪', title: '某建筑公司欠薪群体纠纷', description: '60 余名农民工起诉某建筑公司追索劳动报酬，已有聚集苗头', likelihood: 4, impact: 4 };

  it('accepts a manual report and defaults the lists', () => {
    expect(RiskCreateInput.parse({ ...valid, caseIds: [CASE_ID] })).toMatchObject({ caseIds: [CASE_ID], tags: [] });
    expect(RiskCreateInput.parse(valid).caseIds).toEqual([]);
  });

  it.each<[string, object, string]>([
    ['no title', { title: undefined }, '请填写风险标题'],
    ['a short description', { description: '有风险' }, '风险描述至少 10 个字'],
    ['an unknown domain', { domain: 'weather' }, '风险领域应为'],
    ['impact 0', { impact: 0 }, '影响程度应在 1–5 之间'],
    ['a repeated case', { caseIds: [CASE_ID, CASE_ID] }, '关联案件有重复'],
    ['an unknown field', { level: 'red' }, '上报风险中有未知字段：level'],
  ])('refuses %s', (_case, change, message) => {
    expect(messages(RiskCreateInput.safeParse({ ...valid, ...change })).join('\n')).toContain(message);
  });
});

describe('AssessmentInput and InstructionInput', () => {
  it('needs the agency of an agency participant', () => {
    const result = AssessmentInput.safeParse({ heldOn: '2024-06-03', form: 'consultation', participants: [{ kind: 'agency', name: '李警官' }], conclusion: '需处置' });
    expect(messages(result)).toEqual(['请选择协同单位']);
  });

  it('needs the content of an instruction', () => {
    expect(messages(InstructionInput.safeParse({}))).toEqual(['请填写批示内容']);
    expect(InstructionInput.parse({ content: '请抓紧化解，3日内报告进展', replyBy: '2024-06-06' })).toEqual({ content: '请抓紧化解，3日内报告进展', replyBy: '2024-06-06' });
  });
});

describe('RiskListQuery', () => {
  it('coerces the page and defaults to newest first', () => {
    expect(RiskListQuery.parse({ page: '2', level: 'red', overdue: 'true' })).toMatchObject({ page: 2, pageSize: 20, level: 'red', overdue: 'true', sort: 'createdAt', order: 'desc', includeLowerCourts: 'false' });
  });

  it('refuses a reversed date range and a bad flag', () => {
    expect(messages(RiskListQuery.safeParse({ from: '2024-06-10', to: '2024-06-01' }))).toEqual(['结束日期不能早于开始日期']);
    expect(messages(RiskListQuery.safeParse({ overdue: 'yes' }))).toEqual(['应为 true 或 false']);
  });
});

describe('task statuses', () => {
  it('labels 待接收/办理中/已反馈/已办结/已退回', () => {
    expect(TASK_STATUSES.map((status) => taskStatusLabel[status])).toEqual(['待接收', '办理中', '已反馈', '已办结', '已退回']);
  });
});

describe('RiskView', () => {
  it('holds what the machine and the clocks produce', () => {
    const risk = riskIn('closed', 'red');
    const now = after(5 * DAY);
    const view = {
      ...risk,
      courtId: 'court-1',
      courtName: '某市中级人民法院',
      domain: 'social_stability',
      subtype: '群体性纠纷',
      title: '欠薪群体纠纷',
      description: '60 余名农民工追索劳动报酬',
      level: risk.score.level,
      residualLevel: risk.resolution?.residualLevel ?? null,
      ownerId: null,
      ownerName: null,
      departmentId: null,
      departmentName: null,
      linkedCases: [],
      warningIds: [],
      tags: [],
      clocks: computeClocks(risk, DEFAULT_RISK_CLOCK_SETTINGS, now),
      availableActions: availableActions(risk, EVERYONE),
      instructions: { total: 1, unacknowledged: 0 },
      canReassign: false,
      updatedAt: now,
      version: 7,
    };
    expect(RiskView.parse(view)).toMatchObject({ status: 'closed', availableActions: ['reopen'] });
  });
});
