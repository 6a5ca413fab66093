import { describe, expect, it } from 'vitest';
import {
  CounsellingSessionInput,
  PetitionerInput,
  PetitionImportRow,
  PetitionInput,
  PetitionStepInput,
  StabilizationPlanInput,
} from '../contracts/petition.js';

const ID = '6f1c1a8e-8d6b-4c1e-9a51-0a4c2a0f3b11';
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe('PetitionerInput', () => {
  it('normalises the ID number (15 → 18, x → X) and fills defaults', () => {
    expect(PetitionerInput.parse({ name: ' 张某 ', idNumber: '110105491231002' })).toEqual({
      name: '张某',
      idNumber: '11010519491231002X',
      contacts: [],
      caseIds: [],
      relatedPetitionerIds: [],
    });
  });

  it('reports a bad ID number, mobile and unknown field in Chinese', () => {
    const result = PetitionerInput.safeParse({ name: '张某', idNumber: '110105199001011233', contacts: [{ kind: 'mobile', value: '2380000000' }], sex: 'm' });
    expect(messages(result)).toEqual(['身份证号校验码不符（GB 11643-1999），请逐位核对号码', '手机号码应为以 1 开头的 11 位数字', '信访人信息中有未知字段：sex']);
  });
});

describe('PetitionInput', () => {
  const valid = {
    channel: 'visit',
    receivedOn: '2024-03-01',
    petitionerIds: [ID],
    headcount: 1,
    venueLevel: 'intermediate',
    nature: 'non_litigation',
    content: '反映执行迟缓。',
    demands: '尽快执行',
  };

  it('accepts a minimal petition with outcome 办理中', () => {
    expect(PetitionInput.parse(valid)).toMatchObject({ outcome: 'pending', caseIds: [] });
  });

  it('names every missing or wrong field', () => {
    const result = PetitionInput.safeParse({ ...valid, channel: 'fax', receivedOn: '2024-02-30', petitionerIds: [], content: undefined });
    expect(messages(result)).toEqual([
      '信访渠道应为来访、来信、网上信访、电话、12368 热线、上级转交之一',
      '收到日期格式应为 YYYY-MM-DD 且为真实日期',
      '请选择至少一名信访人',
      '请填写信访内容',
    ]);
  });

  it('requires the transferring organ for 上级转交 and a case for 涉诉 (诉访分离)', () => {
    expect(messages(PetitionInput.safeParse({ ...valid, channel: 'upper_transfer', nature: 'litigation' }))).toEqual([
      '上级转交的信访件请填写转交机关',
      '涉诉信访请关联至少一件案件（诉访分离：导入该案的法律程序）',
    ]);
  });
});

describe('PetitionStepInput', () => {
  it('requires days on an extension only, and an end not before the start', () => {
    expect(messages(PetitionStepInput.safeParse({ kind: 'extended', on: '2024-04-01' }))).toEqual(['延长办理期限请填写延长天数']);
    expect(messages(PetitionStepInput.safeParse({ kind: 'hearing', on: '2024-04-02', until: '2024-04-01', days: 3 }))).toEqual([
      '只有“延长办理期限”可以填写延长天数',
      '截止日期不能早于办理日期',
    ]);
  });
});

describe('稳控方案 and 心理疏导', () => {
  it('needs staff, measures and a review date not before the start', () => {
    const result = StabilizationPlanInput.safeParse({ petitionerId: ID, leaderName: '王院长', staff: [], measures: ['每周回访'], startedOn: '2024-03-10', reviewOn: '2024-03-01' });
    expect(messages(result)).toEqual(['请填写至少一名责任人员', '复查日期不能早于方案开始日期']);
    const late = StabilizationPlanInput.safeParse({ petitionerId: ID, leaderName: '王院长', staff: ['李法官'], measures: ['每周回访'], startedOn: '2024-03-10', reviewOn: '2024-03-01' });
    expect(messages(late)).toEqual(['复查日期不能早于方案开始日期']);
  });

  it('names the counselling fields', () => {
    expect(messages(CounsellingSessionInput.safeParse({ petitionerId: ID, heldOn: '2024-03-01', counsellor: '赵老师', form: 'letter', emotionalState: 'stable', notes: '' }))).toEqual([
      '疏导方式应为面谈、电话、视频之一',
      '请填写疏导记录',
    ]);
  });
});

describe('PetitionImportRow', () => {
  const row = {
    name: '张某',
    idNumber: '',
    mobile: '',
    channel: '来信',
    receivedOn: '2024年3月1日',
    headcount: '',
    venueLevel: '高级人民法院',
    litigation: '是',
    caseNumbers: '（2023）示0101民初1号；(2023)示0101执5号',
    content: '反映判决不公',
    demands: '再审',
  };

  it('turns labels into codes, dates into YYYY-MM-DD and 案号 into normalised text', () => {
    expect(PetitionImportRow.parse(row)).toEqual({
      name: '张某',
      channel: 'letter',
      receivedOn: '2024-03-01',
      headcount: 1,
      venueLevel: 'high',
      litigation: 'litigation',
      caseNumbers: ['(2023)示0101民初1号', '(2023)示0101执5号'],
      content: '反映判决不公',
      demands: '再审',
    });
  });

  it('reports every bad cell of a row, naming the column', () => {
    const result = PetitionImportRow.safeParse({ ...row, channel: '传真', receivedOn: '三月一日', headcount: '0', litigation: '不知道', caseNumbers: '京0101民初1号' });
    expect(messages(result)).toEqual([
      '信访渠道“传真”不在可选范围内（来访/来信/网上信访/电话/12368 热线/上级转交）',
      '收到日期“三月一日”不是日期（如 2024-03-01）',
      '到访人数“0”应为正整数',
      '是否涉诉“不知道”应为“是”或“否”',
      '关联案号：案号“京0101民初1号”格式不正确，应如 (2024)京0105民初12345号',
    ]);
  });
});
