import { newId } from '../ids.js';
import { BUILTIN_ROLES, normalizePartyName } from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import { intakeCases, loadCourtDirectory } from './case-intake.js';
import { DEMO_WATCH_LIST, demoCases } from './demo-cases.js';
import { seedDemoRisks } from './demo-risks.js';
import { seedDemoOpinion } from './demo-opinion.js';
import { seedDemoPetitions } from './demo-petitions.js';
import type { PetitionService } from './petition.service.js';
import type { PetitionerService } from './petitioner.service.js';
import type { RuleRuntime } from './screening.service.js';
import type { CourtTable } from '../db/schema.js';
import { SYSTEM_ACTOR } from './actor.js';
import { createAccountRecord } from './account.service.js';
import { writeAudit } from './audit-writer.js';
import { createCourtDefaults } from './court-defaults.js';
import type { PasswordHasher } from './passwords.js';
import type { Store } from './store.js';

export interface DemoAccount {
  courtName: string;
  username: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  password: string;
}

const DEPARTMENTS: [string, string][] = [
  ['office', '办公室'],
  ['risk_office', '风险防控办公室'],
  ['filing', '立案庭'],
  ['civil_1', '民事审判第一庭'],
  ['criminal', '刑事审判庭'],
  ['administrative', '行政审判庭'],
  ['enforcement', '执行局'],
  ['petition', '诉讼服务中心（信访接待）'],
  ['publicity', '宣传处'],
  ['it', '信息技术处'],
  ['discipline', '纪检监察室'],
];

/** Which department each built-in role's demo account sits in. */
const ROLE_DEPARTMENT: Record<string, string> = {
  admin: 'it',
  risk_office: 'risk_office',
  leader: 'office',
  division_chief: 'civil_1',
  judge: 'civil_1',
  petition_officer: 'petition',
  petition_chief: 'petition',
  opinion_officer: 'publicity',
  security_officer: 'it',
  discipline_officer: 'discipline',
};

const DEMO_NAMES: Record<string, string> = {
  admin: '管理员',
  risk_office: '风险办专员',
  leader: '分管副院长',
  division_chief: '民一庭庭长',
  judge: '承办法官',
  petition_officer: '信访接待员',
  petition_chief: '信访负责人',
  opinion_officer: '舆情专员',
  security_officer: '网络安全员',
  discipline_officer: '纪检监察员',
};

const ROLE_USERNAME: Record<string, string> = {
  admin: 'admin',
  risk_office: 'risk',
  leader: 'leader',
  division_chief: 'chief',
  judge: 'judge',
  petition_officer: 'petition',
  petition_chief: 'petition_chief',
  opinion_officer: 'opinion',
  security_officer: 'security',
  discipline_officer: 'discipline',
};

const COURTS = {
  intermediate: { prefix: 'zy', code: '示01', name: '示例市中级人民法院', roles: BUILTIN_ROLES.map((r) => r.code) },
  basic: [
    { prefix: 'dc', code: '示0101', name: '示例市东城区人民法院', roles: ['admin', 'leader', 'risk_office', 'judge'] },
    { prefix: 'xc', code: '示0102', name: '示例市西城区人民法院', roles: ['admin', 'risk_office', 'judge'] },
    { prefix: 'nh', code: '示0103', name: '示例市南湖区人民法院', roles: ['admin'] },
  ],
};

/**
 * Demo data for a first start: 示例市中级人民法院 with three 基层法院, their departments, an
 * account per built-in role at the 中院 (admin, risk office and judge at the 基层), synthetic
 * cases with planted risks in every court (one of them flagged only by the court's demo
 * 职业放贷人名单), and a risk register (demo-risks.ts). Passwords are random and one-time: every
 * demo account must change its password at first login.
 */
export async function seedDemo(
  deps: { store: Store; clock: Clock; passwords: PasswordHasher; rules: RuleRuntime; dataDir: string; petitions: PetitionService; petitioners: PetitionerService },
  options: { cases?: boolean } = {},
): Promise<DemoAccount[]> {
  const { store, clock, passwords, rules, dataDir } = deps;
  const nowIso = clock.now().toISOString();
  const courtRow = (code: string, name: string, level: CourtTable['level'], parentId: string | null): CourtTable => ({
    id: newId(),
    parentId,
    code,
    name,
    level,
    sort: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
    version: 1,
  });
  const root = courtRow(COURTS.intermediate.code, COURTS.intermediate.name, 'intermediate', null);
  const plan = [
    { court: root, ...COURTS.intermediate },
    ...COURTS.basic.map((c) => ({ court: courtRow(c.code, c.name, 'basic', root.id), ...c })),
  ];
  const departmentIds = new Map<string, string>();
  await store.transaction(async (trx) => {
    for (const { court } of plan) {
      await trx.courts.insert(court);
      await createCourtDefaults(trx, court.id, nowIso);
      for (const [index, [code, name]] of DEPARTMENTS.entries()) {
        const id = newId();
        departmentIds.set(`${court.id}/${code}`, id);
        await trx.departments.insert({ id, courtId: court.id, parentId: null, code, name, sort: index, enabled: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 });
      }
    }
    await writeAudit(trx, clock, SYSTEM_ACTOR, { courtId: root.id, action: 'demo.seed', summary: '生成演示法院、部门与账号' });
  });

  const accounts: DemoAccount[] = [];
  for (const { court, prefix, roles } of plan) {
    for (const roleCode of roles) {
      const role = (await store.repos.roles.getByCode(court.id, roleCode))!;
      const username = `${prefix}_${ROLE_USERNAME[roleCode]}`;
      const displayName = DEMO_NAMES[roleCode]!;
      const { initialPassword } = await createAccountRecord(store, clock, passwords, SYSTEM_ACTOR, court.id, {
        courtId: court.id,
        departmentId: departmentIds.get(`${court.id}/${ROLE_DEPARTMENT[roleCode]}`) ?? null,
        username,
        displayName,
        phone: null,
        roleIds: [role.id],
        createdBy: null,
        summary: `演示账号 ${username}（${role.name}）`,
      });
      accounts.push({ courtName: court.name, username, displayName, roleCode, roleName: role.name, password: initialPassword });
    }
    if (options.cases !== false) {
      await seedWatchList(court);
      await seedCourtCases(court, rules);
    }
  }
  // The demo risk register confirms some of the demo cases' warnings, so it comes with the cases.
  if (options.cases !== false) await seedDemoRisks({ store, clock, dataDir });
  if (options.cases !== false) await seedDemoPetitions(deps, root.id);
  if (options.cases !== false) await seedDemoOpinion(deps, root);
  return accounts;

  /** 职业放贷人名单 with synthetic names, before the cases, so that they are screened against it. */
  async function seedWatchList(court: CourtTable) {
    await store.transaction(async (trx) => {
      const { name: listName, names, note } = DEMO_WATCH_LIST;
      await trx.watchLists.insertList({ id: newId(), courtId: court.id, name: listName, createdByName: SYSTEM_ACTOR.name, createdAt: nowIso, updatedAt: nowIso, version: 1 });
      await trx.watchLists.insertEntries(
        names.map((partyName) => ({
          id: newId(),
          courtId: court.id,
          listName,
          partyName,
          nameKey: normalizePartyName(partyName),
          note,
          createdBy: null,
          createdByName: SYSTEM_ACTOR.name,
          updatedByName: null,
          createdAt: nowIso,
          updatedAt: nowIso,
          version: 1,
        })),
      );
      await writeAudit(trx, clock, SYSTEM_ACTOR, { courtId: court.id, action: 'watchlist.add', targetType: 'watch_list', targetId: listName, summary: `演示数据：向关注名单「${listName}」添加 ${names.join('、')}` });
    });
  }

  /** Synthetic cases (with planted risks) go in through the same intake as real ones. */
  async function seedCourtCases(court: CourtTable, courtRules: RuleRuntime) {
    const { screener } = await courtRules.forCourt(court.id);
    const today = chinaToday(clock);
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '10-01' ? 1 : 0);
    await store.transaction(async (trx) => {
      const result = await intakeCases(trx, demoCases(court.code, court.level === 'intermediate' ? 20 : 40, year).map((input, row) => ({ row, input })), {
        court: { id: court.id, code: court.code },
        jobId: null,
        today,
        nowIso: clock.now().toISOString(),
        ...(await loadCourtDirectory(trx, court.id)),
        screen: (input) => screener.screen(input),
        columnNames: 'field',
      });
      if (result.errors.length > 0) throw new Error(`demo cases invalid: ${result.errors[0]!.message}`);
    });
  }
}
