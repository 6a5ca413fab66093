import { addDays, idNumberCheckCharacter, type LocalDate, type PetitionInput } from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { Actor } from './actor.js';
import type { PetitionService } from './petition.service.js';
import type { PetitionerService } from './petitioner.service.js';
import type { Store } from './store.js';

/** An invented 身份证号 with a valid check character (invented birth date and sequence). */
function demoIdNumber(birth: string, sequence: string) {
  const first17 = `110101${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * Demo 涉诉信访 data for the 中院 (issue 6): a person whose third visit in 90 days becomes 重复访 (and a
 * 重点人员 with a 稳控 plan and a counselling record), a group visit of house buyers with a threat in
 * its content (集体访 + 极端言行), and an online petition left without an acceptance decision
 * (超期). Entered through the services as the demo 信访负责人, so flags, warnings, encryption and the
 * audit trail are those of real use. All names and numbers are invented.
 */
export async function seedDemoPetitions(deps: { store: Store; clock: Clock; petitions: PetitionService; petitioners: PetitionerService }, courtId: string) {
  const { store, clock, petitions, petitioners } = deps;
  const account = await store.repos.accounts.getByUsername('zy_petition_chief');
  if (!account) return;
  const actor: Actor = {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    courtId,
    departmentId: account.departmentId,
    permissions: new Set(['petition.read', 'petition.manage', 'petition.confidential']),
    scopeKind: 'court',
    scope: { courtIds: new Set([courtId]) },
    sessionId: 'demo-seed',
    ip: null,
    mustChangePassword: false,
  };
  const today = chinaToday(clock) as LocalDate;
  const day = (offset: number) => addDays(today, -offset);
  const visit = (petitionerIds: string[], receivedOn: LocalDate, extra: Partial<PetitionInput>): PetitionInput => ({
    channel: 'visit',
    receivedOn,
    petitionerIds,
    headcount: petitionerIds.length,
    venueLevel: 'intermediate',
    nature: 'non_litigation',
    caseIds: [],
    content: '',
    demands: '',
    outcome: 'pending',
    ...extra,
  });

  const zhang = await petitioners.create(actor, {
    name: '张某某',
    idNumber: demoIdNumber('19620415', '031'),
    contacts: [{ kind: 'mobile', value: '13900000001' }],
    address: '示例市东城区示例路 12 号',
    caseIds: [],
    relatedPetitionerIds: [],
    remark: '演示数据',
  });
  const repeatVisits: [number, PetitionInput['channel'], string][] = [
    [70, 'visit', '反映其劳动争议案件执行款至今未到位，情绪较为激动。'],
    [40, 'letter', '来信再次反映执行款未到位，认为执行法官不作为。'],
    [12, 'visit', '第三次来院反映执行款问题，称生活困难，要求面见院领导。'],
  ];
  for (const [offset, channel, content] of repeatVisits) {
    await petitions.create(actor, visit([zhang.id], day(offset), { channel, content, demands: '要求尽快执行到位并追究执行人员责任。', outcome: offset === 12 ? 'continuing' : 'pending' }));
  }
  await petitioners.addKeyPerson(actor, { petitionerId: zhang.id, listedOn: day(10), reason: '90 日内三次信访，情绪激动，要求面见院领导', reviewCadenceDays: 30 });
  await petitioners.addPlan(actor, {
    petitionerId: zhang.id,
    leaderName: '分管副院长',
    staff: ['信访接待员', '执行局承办法官'],
    measures: ['执行局一周内书面答复执行进展', '每两周电话回访一次', '联系社区了解家庭困难情况，协调司法救助'],
    agencyIds: [],
    startedOn: day(9),
    reviewOn: addDays(today, 5),
  });
  await petitioners.addCounselling(actor, {
    petitionerId: zhang.id,
    heldOn: day(8),
    counsellor: '心理咨询师（外聘）',
    form: 'in_person',
    emotionalState: 'attention',
    notes: '自述因执行款未到位长期失眠，对法院有较大怨气；经疏导情绪有所缓和，同意等待书面答复。',
    nextOn: addDays(today, 6),
  });

  const buyers = [];
  for (const [name, birth, sequence] of [
    ['李某某', '19780802', '052'],
    ['王某某', '19850119', '061'],
    ['刘某某', '19900930', '074'],
  ] as const) {
    buyers.push(await petitioners.create(actor, { name, idNumber: demoIdNumber(birth, sequence), contacts: [], caseIds: [], relatedPetitionerIds: [], remark: '演示数据' }));
  }
  await petitions.create(
    actor,
    visit(
      buyers.map((b) => b.id),
      day(20),
      {
        headcount: 9,
        content: '某楼盘购房人九人集体来院，反映开发商逾期交房两年、相关案件久拖未决，其中一人情绪激动，称再不解决就去跳楼。',
        demands: '要求尽快判决开发商交房并赔偿逾期损失。',
      },
    ),
  );

  const chen = await petitioners.create(actor, { name: '陈某某', contacts: [{ kind: 'email', value: 'chen@example.com' }], caseIds: [], relatedPetitionerIds: [], remark: '演示数据（网上信访，未登记身份证号）' });
  await petitions.create(actor, visit([chen.id], day(30), { channel: 'online', content: '网上反映立案窗口工作人员态度生硬、推诿。', demands: '要求调查并答复。' }));
}
