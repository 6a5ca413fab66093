import { idNumberCheckCharacter } from '@courtrisk/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';
import { auditActions, LONG_SESSIONS } from './risk-fixtures.js';

/** A valid 18-character 身份证号 born on `birth` (YYYYMMDD) in 东城区 with sequence `seq`. */
function idNumber(birth: string, seq: string) {
  const first17 = `110101${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Every cell of the first sheet below the header, as text. */
async function sheetText(buffer: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) row.eachCell((cell) => cells.push(String(cell.value)));
  });
  return cells;
}

/** 涉诉信访 (issue 6): registry, encryption at rest, masking and reveal, flags → warnings, clocks, confidential records, isolation. */
describe.each(testDialects())('petitions on %s', (dialect) => {
  let platform: TestPlatform;
  const as: Record<string, Session> = {};
  const court: Record<string, string> = {};

  const post = (who: string, url: string, body: unknown) => call(platform, as[who]!, 'POST', `/api/v1${url}`, body);
  const get = (who: string, url: string) => call(platform, as[who]!, 'GET', `/api/v1${url}`);

  async function petitioner(name: string, extra: Record<string, unknown> = {}) {
    const res = await post('zy_petition', '/petitioners', { name, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; idNumberMasked: string | null };
  }

  const body = (petitionerId: string, receivedOn: string) => ({
    channel: 'visit',
    receivedOn,
    petitionerIds: [petitionerId],
    headcount: 1,
    venueLevel: 'intermediate',
    nature: 'non_litigation',
    content: '反映执行款迟迟未到账，情绪平稳。',
    demands: '请求尽快发放执行款。',
  });

  async function petition(petitionerIds: string[], receivedOn: string, extra: Record<string, unknown> = {}) {
    const res = await post('zy_petition', '/petitions', { ...body(petitionerIds[0]!, receivedOn), petitionerIds, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** An account in `courtCode`'s court with a new role holding `permissions`, logged in. */
  async function accountWith(adminName: string, courtCode: string, username: string, permissions: string[]) {
    const courtId = court[courtCode]!;
    const role = await post(adminName, '/roles', { courtId, code: `${username}_role`, name: `${username} 角色`, scope: 'court', permissions });
    expect(role.statusCode, role.body).toBe(200);
    const account = await post(adminName, '/accounts', { courtId, username, displayName: username, roleIds: [role.json().id] });
    const first = await login(platform, username, account.json().initialPassword);
    const changed = await call(platform, first, 'POST', '/api/v1/auth/password', { currentPassword: account.json().initialPassword, newPassword: STRONG_PASSWORD });
    as[username] = { ...first, csrf: changed.json().csrfToken };
  }

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    for (const name of ['zy_admin', 'zy_petition', 'zy_petition_chief', 'zy_judge', 'dc_admin']) as[name] = await loginReady(platform, name);
    for (const c of (await get('zy_admin', '/courts')).json() as { id: string; code: string }[]) court[c.code] = c.id;
  });
  afterAll(() => platform.close());

  it('stores the ID number encrypted with a blind index, masks it in lists and finds the person by any spelling', async () => {
    const id = idNumber('19650301', '123');
    const person = await petitioner('王某甲', { idNumber: id, contacts: [{ kind: 'mobile', value: '13800000001' }], address: '示例市东城区某路 1 号' });
    expect(person.idNumberMasked).toBe(`110101********${id.slice(-4)}`);

    const row = await platform.database.db.selectFrom('petitioner').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.idNumberCipher).toMatch(/^sm4v1\./);
    expect(row.idNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain(id.slice(6, 14));

    const found = (await get('zy_petition', `/petitioners?idNumber=${id.toLowerCase()}`)).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expect(JSON.stringify(found)).not.toContain(id);

    const duplicate = await post('zy_petition', '/petitioners', { name: '王某乙', idNumber: ` ${id} ` });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toContain('王某甲');
  });

  it('reveals the full number only to petition.confidential, auditing every reveal and refusal', async () => {
    const id = idNumber('19700715', '456');
    const person = await petitioner('赵某', { idNumber: id });
    const detail = (await get('zy_petition', `/petitioners/${person.id}`)).json();
    expect(detail.idNumberMasked).toBe(`110101********${id.slice(-4)}`);
    expect(detail.abilities).toEqual({ manage: true, confidential: false });

    const refused = await post('zy_petition', `/petitioners/${person.id}/reveal-id`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('查看心理疏导等保密记录');
    expect((await auditActions(platform, as.zy_admin!, 'access.denied')).some((a) => a.summary.includes('petition.confidential'))).toBe(true);

    const revealed = await post('zy_petition_chief', `/petitioners/${person.id}/reveal-id`, {});
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ idNumber: id });
    const audit = await auditActions(platform, as.zy_admin!, 'petitioner.reveal_id');
    expect(audit.filter((a) => a.summary.includes('赵某'))).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(id);
  });

  it('flags a third visit within 90 days as 重复访 and raises one warning per person, notifying petition staff once', async () => {
    const person = await petitioner('孙某');
    await petition([person.id], '2026-01-05');
    await petition([person.id], '2026-02-01');
    const third = await petition([person.id], '2026-02-20', { channel: 'phone' });
    expect(third.flags.map((f: { kind: string }) => f.kind)).toEqual(['repeat']);
    expect(third.flags[0].explanation).toContain('2026年1月5日来访');

    const fourth = await petition([person.id], '2026-03-01');
    expect(fourth.flags.map((f: { kind: string }) => f.kind)).toEqual(['repeat']);
    const detail = (await get('zy_petition', `/petitioners/${person.id}`)).json();
    const repeats = detail.warnings.filter((w: { ruleId: string }) => w.ruleId === 'PET-REPEAT-01');
    expect(repeats).toHaveLength(1);
    expect(repeats[0]).toMatchObject({ active: true, domain: 'social_stability', subtype: '涉诉信访', level: 'yellow', petitionId: fourth.id });
    expect(repeats[0].explanation).toContain('信访 4 次');
    expect(detail.flags).toEqual(['repeat']);
    expect(detail.history).toMatchObject({ total: 4, firstOn: '2026-01-05', lastOn: '2026-03-01' });

    const notes = (await get('zy_petition', '/notifications?pageSize=100')).json().items.filter((n: { kind: string; title: string }) => n.kind === 'petition_warning' && n.title.includes('孙某'));
    expect(notes).toHaveLength(1);
    const flagged = (await get('zy_petition', '/petitioners?flag=repeat')).json();
    expect(flagged.items.map((p: { name: string }) => p.name)).toContain('孙某');
    expect(flagged.items.map((p: { name: string }) => p.name)).not.toContain('王某甲');
  });

  it('withdraws the 重复访 warning when an edit moves a visit out of the window', async () => {
    const person = await petitioner('周某');
    await petition([person.id], '2025-12-20');
    const second = await petition([person.id], '2026-01-10');
    const third = await petition([person.id], '2026-02-10');
    expect(third.flags.map((f: { kind: string }) => f.kind)).toEqual(['repeat']);
    const moved = await call(platform, as.zy_petition!, 'PUT', `/api/v1/petitions/${second.id}`, { ...body(person.id, '2025-09-01'), version: second.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await get('zy_petition', `/petitions/${third.id}`)).json();
    expect(after.flags).toEqual([]);
    const warnings = (await get('zy_petition', `/petitioners/${person.id}`)).json().warnings.filter((w: { ruleId: string }) => w.ruleId === 'PET-REPEAT-01');
    expect(warnings).toMatchObject([{ active: false }]);
    const stale = await call(platform, as.zy_petition!, 'PUT', `/api/v1/petitions/${second.id}`, { ...body(person.id, '2025-10-01'), version: second.version });
    expect(stale.json().code).toBe('stale_version');
  });

  it('recomputes 集体访 and 极端言行 and their warnings on an edit, moves the 登记 step and audits each field without the words', async () => {
    const [first, second] = [await petitioner('褚某'), await petitioner('卫某')] as const;
    const record = await petition([first.id], '2026-02-20');
    expect(record.flags).toEqual([]);
    const edit = (changes: Record<string, unknown>, version: number) => call(platform, as.zy_petition!, 'PUT', `/api/v1/petitions/${record.id}`, { ...body(first.id, '2026-02-20'), ...changes, version });
    const ownWarnings = async (personId: string) =>
      ((await get('zy_petition', `/petitioners/${personId}`)).json().warnings as { petitionId: string; ruleId: string; active: boolean; level: string }[]).filter((w) => w.petitionId === record.id && w.ruleId !== 'PET-CLOCK-01');

    const edited = await edit({ channel: 'phone', receivedOn: '2026-02-22', petitionerIds: [first.id, second.id], headcount: 6, content: '六名购房人来院反映逾期交房，其中一人称再不解决就去跳楼。' }, record.version);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ channel: 'phone', receivedOn: '2026-02-22', headcount: 6, version: record.version + 1, clockProblems: [] });
    expect(edited.json().flags.map((f: { kind: string }) => f.kind).sort()).toEqual(['collective', 'extremeSpeech']);
    expect(edited.json().steps).toMatchObject([{ kind: 'registered', on: '2026-02-22' }]);
    for (const person of [first, second]) {
      const active = (await ownWarnings(person.id)).filter((w) => w.active);
      expect(active.map((w) => w.ruleId), person.id).toContain('PET-COLLECTIVE-01');
      expect(active.some((w) => w.level === 'red'), person.id).toBe(true);
    }

    const audit = (await auditActions(platform, as.zy_admin!, 'petition.update')).map((a) => a.summary).find((summary) => summary.startsWith('修改信访件（2026-02-20 来访）'));
    expect(audit).toBeDefined();
    for (const part of ['信访渠道：来访 → 电话', '收到日期：2026-02-20 → 2026-02-22', '到访人数：1 人 → 6 人', '信访人：褚某 → ', '信访内容：已修改（内容不记入日志）']) expect(audit).toContain(part);
    expect(audit).not.toContain('跳楼');
    expect(audit).not.toContain('信访诉求');

    // Back as registered: the flags go and the warnings of both people (卫某 no longer on it) are withdrawn.
    const back = await edit({}, edited.json().version);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().flags).toEqual([]);
    for (const person of [first, second]) expect((await ownWarnings(person.id)).filter((w) => w.active), person.id).toEqual([]);

    const stale = await edit({ headcount: 2 }, edited.json().version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', message: '该信访件已被他人修改，请刷新后重试' });
  });

  it('flags 集体访 and 极端言行 on one petition, names the words, and raises a red warning', async () => {
    const people = [await petitioner('群体甲'), await petitioner('群体乙')];
    const record = await petition(
      people.map((p) => p.id),
      '2026-02-25',
      { headcount: 12, content: '十余名购房人来院反映逾期交房，其中一人称法院再不解决就去跳楼。', demands: '要求尽快判决开发商交房。' },
    );
    const kinds = record.flags.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['collective', 'extremeSpeech']));
    const extreme = record.flags.find((f: { kind: string }) => f.kind === 'extremeSpeech');
    expect(extreme.level).toBe('red');
    expect(extreme.explanation).toContain('跳楼');
    const detail = (await get('zy_petition', `/petitioners/${people[1]!.id}`)).json();
    expect(detail.relatedPetitioners).toEqual([{ id: people[0]!.id, name: '群体甲', source: 'group' }]);
    expect(detail.warnings.map((w: { level: string }) => w.level)).toContain('red');
  });

  it('runs the acceptance clock: overdue raises an 内部管理 warning, the decision withdraws it', async () => {
    const person = await petitioner('吴某');
    const record = await petition([person.id], '2026-02-01');
    const acceptance = record.clocks.find((c: { kind: string }) => c.kind === 'acceptance');
    expect(acceptance).toMatchObject({ dueOn: '2026-02-16', status: 'overdue', statusLabel: '已超期', daysLeft: -14 });
    const clockWarnings = async () => (await get('zy_petition', `/petitioners/${person.id}`)).json().warnings.filter((w: { ruleId: string }) => w.ruleId === 'PET-CLOCK-01');
    expect(await clockWarnings()).toMatchObject([{ active: true, domain: 'internal_management', level: 'yellow' }]);
    expect((await platform.services.petitions.sweep()).warnings).toBe(0);

    const accepted = await post('zy_petition', `/petitions/${record.id}/steps`, { kind: 'accepted', on: '2026-02-20', note: '决定受理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().clocks.map((c: { kind: string; status: string }) => [c.kind, c.status])).toEqual([
      ['acceptance', 'met_late'],
      ['handling', 'running'],
    ]);
    expect(await clockWarnings()).toMatchObject([{ active: false }]);
    const badStep = await post('zy_petition', `/petitions/${record.id}/steps`, { kind: 'extended', on: '2026-02-21' });
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json().fields).toEqual([{ path: 'days', message: '延长办理期限请填写延长天数' }]);
  });

  it('keeps counselling and follow-up records confidential: encrypted, 403 without the grant, every read audited', async () => {
    const person = await petitioner('郑某');
    const counselling = { petitionerId: person.id, heldOn: '2026-02-28', counsellor: '心理咨询师刘某', form: 'in_person', emotionalState: 'attention', notes: '自述长期失眠，对判决结果有怨气。' };
    expect((await post('zy_petition', '/counselling-sessions', counselling)).statusCode).toBe(403);
    const created = await post('zy_petition_chief', '/counselling-sessions', counselling);
    expect(created.statusCode, created.body).toBe(201);
    const visit = await post('zy_petition_chief', '/follow-up-visits', { petitionerId: person.id, visitedOn: '2026-03-01', visitors: ['信访负责人'], method: 'home', attitude: 'stable', findings: '家属表示会劝说其息诉。' });
    expect(visit.statusCode, visit.body).toBe(201);

    const rows = await platform.database.db.selectFrom('counsellingSession').selectAll().where('petitionerId', '=', person.id).execute();
    expect(rows[0]!.notesCipher).toMatch(/^sm4v1\./);
    expect(JSON.stringify(rows)).not.toContain('失眠');
    const visits = await platform.database.db.selectFrom('followUpVisit').selectAll().where('petitionerId', '=', person.id).execute();
    expect(JSON.stringify(visits)).not.toContain('息诉');

    expect((await get('zy_petition', `/petitioners/${person.id}/confidential`)).statusCode).toBe(403);
    expect((await get('zy_judge', `/petitioners/${person.id}/confidential`)).statusCode).toBe(403);
    const before = (await auditActions(platform, as.zy_admin!, 'petitioner.confidential_read')).length;
    const read = await get('zy_petition_chief', `/petitioners/${person.id}/confidential`);
    expect(read.statusCode).toBe(200);
    expect(read.json().counselling[0].notes).toBe('自述长期失眠，对判决结果有怨气。');
    expect(read.json().followUps[0].findings).toBe('家属表示会劝说其息诉。');
    expect((await auditActions(platform, as.zy_admin!, 'petitioner.confidential_read')).length).toBe(before + 1);
    // The detail shown to reception staff carries no confidential text.
    expect((await get('zy_petition', `/petitioners/${person.id}`)).body).not.toContain('失眠');
  });

  it('keeps the 重点人员 list with review dates and 稳控 plans on the timeline', async () => {
    const person = await petitioner('钱某');
    await petition([person.id], '2026-02-10');
    const listed = await post('zy_petition', '/key-persons', { petitionerId: person.id, listedOn: '2026-01-20', reason: '多次扬言越级上访', reviewCadenceDays: 30 });
    expect(listed.statusCode, listed.body).toBe(201);
    expect(listed.json()).toMatchObject({ nextReviewOn: '2026-02-19', reviewStatus: 'overdue' });
    expect((await post('zy_petition', '/key-persons', { petitionerId: person.id, listedOn: '2026-01-20', reason: '重复列管' })).statusCode).toBe(409);
    const reviewed = await post('zy_petition', `/key-persons/${listed.json().id}/reviews`, { reviewedOn: '2026-03-01', decision: 'keep', opinion: '诉求未解决，继续列管', version: listed.json().version });
    expect(reviewed.json()).toMatchObject({ lastReviewedOn: '2026-03-01', nextReviewOn: '2026-03-31', reviewStatus: 'scheduled' });
    const plan = await post('zy_petition', '/stabilization-plans', { petitionerId: person.id, leaderName: '分管副院长', staff: ['信访接待员'], measures: ['每周电话回访', '协调社区网格员关注'], startedOn: '2026-03-01', reviewOn: '2026-03-15' });
    expect(plan.statusCode, plan.body).toBe(201);
    const badPlan = await post('zy_petition', '/stabilization-plans', { petitionerId: person.id, leaderName: '分管副院长', staff: [], measures: ['回访'], startedOn: '2026-03-01', reviewOn: '2026-02-01' });
    expect(badPlan.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['staff', 'reviewOn']));

    const keyList = (await get('zy_petition', '/key-persons')).json();
    expect(keyList.items.map((k: { petitionerName: string }) => k.petitionerName)).toContain('钱某');
    const timeline = (await get('zy_petition', `/petitioners/${person.id}/timeline`)).json().items.map((e: { kind: string; on: string }) => [e.kind, e.on]);
    expect(timeline).toEqual([
      ['plan', '2026-03-01'],
      ['review', '2026-03-01'],
      ['warning', '2026-03-02'],
      ['petition', '2026-02-10'],
      ['key_person', '2026-01-20'],
    ].sort((a, b) => b[1]!.localeCompare(a[1]!)));
  });

  it('answers bad input with Chinese messages naming the field', async () => {
    const badId = idNumber('19800101', '111').slice(0, 17) + (idNumber('19800101', '111').endsWith('0') ? '1' : '0');
    const res = await post('zy_petition', '/petitioners', { name: '', idNumber: badId, contacts: [{ kind: 'mobile', value: '123' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['name', 'idNumber', 'contacts.0.value']));
    expect(res.json().fields.find((f: { path: string }) => f.path === 'idNumber').message).toContain('校验');

    const person = await petitioner('李某');
    const bad = await post('zy_petition', '/petitions', { channel: 'fax', receivedOn: '2026-02-30', petitionerIds: [person.id], headcount: 0, venueLevel: 'intermediate', nature: 'litigation', content: '反映问题', demands: '诉求' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['channel', 'receivedOn', 'headcount']));
    const future = await post('zy_petition', '/petitions', { channel: 'visit', receivedOn: '2026-03-09', petitionerIds: [person.id], headcount: 1, venueLevel: 'intermediate', nature: 'non_litigation', content: '反映问题', demands: '诉求' });
    expect(future.json()).toMatchObject({ code: 'invalid_input', message: '收到日期不能晚于今天' });
    const unknown = await post('zy_petition', '/petitions', { channel: 'visit', receivedOn: '2026-03-01', petitionerIds: ['0190f1d2-0000-7000-8000-000000000000'], headcount: 1, venueLevel: 'intermediate', nature: 'non_litigation', content: '反映问题', demands: '诉求' });
    expect(unknown.json().fields).toEqual([{ path: 'petitionerIds.0', message: '信访人（0190f1d2-0000-7000-8000-000000000000）不存在或不属于本院' }]);
    expect((await call(platform, null, 'GET', '/api/v1/petitioners')).statusCode).toBe(401);
    expect((await post('zy_judge', '/petitioners', { name: '某人' })).statusCode).toBe(403);
    expect((await get('zy_judge', '/petitioners')).statusCode).toBe(403);
  });

  it('isolates courts: another court sees none of these petitioners, petitions or records', async () => {
    const person = await petitioner('冯某', { idNumber: idNumber('19581111', '222') });
    const record = await petition([person.id], '2026-02-15');
    await accountWith('dc_admin', '示0101', 'dc_petition_chief', ['petition.read', 'petition.manage', 'petition.confidential']);
    for (const url of [`/petitioners/${person.id}`, `/petitions/${record.id}`, `/petitioners/${person.id}/confidential`, `/petitioners/${person.id}/timeline`]) {
      expect((await get('dc_petition_chief', url)).statusCode, url).toBe(404);
    }
    expect((await post('dc_petition_chief', `/petitioners/${person.id}/reveal-id`, {})).statusCode).toBe(404);
    const foreignEdit = await call(platform, as.dc_petition_chief!, 'PUT', `/api/v1/petitions/${record.id}`, { ...body(person.id, '2026-02-15'), headcount: 3, version: record.version });
    expect(foreignEdit.statusCode).toBe(404);
    expect((await get('zy_petition', `/petitions/${record.id}`)).json()).toMatchObject({ headcount: 1, version: record.version });
    expect((await get('dc_petition_chief', `/petitioners?courtId=${court['示01']}`)).statusCode).toBe(404);
    expect((await get('dc_petition_chief', '/petitioners')).json().items).toEqual([]);
    // The same person may be registered in the other court: the ID is unique per court only.
    expect((await post('dc_petition_chief', '/petitioners', { name: '冯某', idNumber: idNumber('19581111', '222') })).statusCode).toBe(201);
    expect((await post('dc_petition_chief', '/petitions', { channel: 'visit', receivedOn: '2026-03-01', petitionerIds: [person.id], headcount: 1, venueLevel: 'basic', nature: 'non_litigation', content: '反映问题', demands: '诉求' })).statusCode).toBe(400);
  });

  it('exports the list as XLSX with masked numbers and counts petitions per month by flag', async () => {
    const file = await get('zy_petition', '/petitioners/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const monthly = (await get('zy_petition', '/petitions/monthly?months=3')).json();
    expect(monthly.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const repeat = monthly.byFlag.find((s: { kind: string }) => s.kind === 'repeat');
    expect(repeat.counts[1]).toBeGreaterThanOrEqual(1);
    expect(monthly.total.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(repeat.counts.reduce((a: number, b: number) => a + b, 0));
    expect((await get('zy_petition', '/petitions/monthly?months=99')).json().fields[0].path).toBe('months');
  });

  it('closes a petition with its outcome in one step, filters the list by nature and outcome, and exports it', async () => {
    const person = await petitioner('蒋某');
    const record = await petition([person.id], '2026-02-26', { demands: '请求解释执行款发放进度。' });
    const closed = await post('zy_petition', `/petitions/${record.id}/steps`, { kind: 'concluded', on: '2026-03-01', note: '已当面答复', outcome: 'settled' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'settled', version: record.version + 1 });
    expect(closed.json().steps.map((s: { kind: string }) => s.kind)).toEqual(['registered', 'concluded']);
    expect((await auditActions(platform, as.zy_admin!, 'petition.step')).some((a) => a.summary.includes('办理中 → 息诉罢访'))).toBe(true);
    const badOutcome = await post('zy_petition', `/petitions/${record.id}/steps`, { kind: 'concluded', on: '2026-03-01', outcome: 'done' });
    expect(badOutcome.json().fields[0]).toMatchObject({ path: 'outcome' });

    const settled = (await get('zy_petition', '/petitions?outcome=settled&nature=non_litigation&pageSize=100')).json();
    expect(settled.items.map((p: { id: string }) => p.id)).toEqual([record.id]);
    expect((await get('zy_petition', '/petitions?outcome=settled&nature=litigation')).json().items).toEqual([]);
    expect((await get('zy_petition', '/petitions?nature=both')).json().fields[0].path).toBe('nature');

    const file = await get('zy_petition', '/petitions/export.xlsx?outcome=settled');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(await sheetText(file.rawPayload)).toEqual(expect.arrayContaining(['蒋某', '请求解释执行款发放进度。', '息诉罢访']));
    expect((await auditActions(platform, as.zy_admin!, 'petition.export')).map((a) => a.summary)).toContain('导出信访件 1 条');
    expect((await get('zy_judge', '/petitions/export.xlsx')).statusCode).toBe(403);
  });

  // Last in the block: it moves the clock a day on.
  it('sweeps the clocks from the scheduler once per Beijing day: a due-soon acceptance turns overdue and staff are told', async () => {
    const person = await petitioner('韩某');
    const record = await petition([person.id], '2026-02-15');
    expect(record.clocks[0]).toMatchObject({ kind: 'acceptance', dueOn: '2026-03-02', status: 'due_soon' });
    const clockWarning = async () => (await get('zy_petition', `/petitioners/${person.id}`)).json().warnings.find((w: { ruleId: string }) => w.ruleId === 'PET-CLOCK-01');
    expect(await clockWarning()).toMatchObject({ level: 'blue', active: true });
    const missed = async () => (await get('zy_petition', '/notifications?pageSize=100')).json().items.filter((n: { kind: string; link: string }) => n.kind === 'clock_missed' && n.link === `/petitioners/${person.id}`);
    expect(await missed()).toEqual([]);

    platform.clock.advanceMinutes(24 * 60);
    const first = await platform.services.riskScheduler.tick();
    expect(first.petitionsSwept).toBeGreaterThan(0);
    expect(await clockWarning()).toMatchObject({ level: 'yellow', active: true });
    expect(await missed()).toHaveLength(1);
    expect((await platform.services.riskScheduler.tick()).petitionsSwept).toBe(0);
  });
});

describe('petition demo data', () => {
  it('seeds petitioners whose third visit is a 重复访, a group visit with a threat, and an overdue petition', async () => {
    const platform = await createTestPlatform('sqlite', { demoCases: true });
    try {
      const chief = await loginReady(platform, 'zy_petition_chief');
      const list = (await call(platform, chief, 'GET', '/api/v1/petitioners?pageSize=50')).json().items as { name: string; flags: string[]; keyPerson: boolean; idNumberMasked: string | null }[];
      const byName = new Map(list.map((p) => [p.name, p]));
      expect(byName.get('张某某')).toMatchObject({ flags: ['repeat'], keyPerson: true });
      expect(byName.get('张某某')!.idNumberMasked).toMatch(/^110101\*{8}\d{3}[\dX]$/);
      expect(byName.get('李某某')!.flags).toEqual(['collective', 'extremeSpeech']);
      const overdue = (await call(platform, chief, 'GET', '/api/v1/petitions?channel=online')).json().items[0];
      const detail = (await call(platform, chief, 'GET', `/api/v1/petitions/${overdue.id}`)).json();
      expect(detail.clocks[0]).toMatchObject({ kind: 'acceptance', status: 'overdue' });
    } finally {
      await platform.close();
    }
  });
});
