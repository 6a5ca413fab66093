import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../deadlines/local-date.js';
import { DEFAULT_PETITION_FLAG_SETTINGS, evaluatePetitionFlags, PetitionFlagSettings, type PetitionFacts, type PetitionFlag } from './flags.js';
import { compilePetitionPack, LI, petition, PETITION_PACK_URL, ZHANG } from './test-support.js';

const kinds = (flags: readonly PetitionFlag[]) => flags.map((flag) => flag.kind);
const repeatFlag = (current: PetitionFacts, history: PetitionFacts[], settings = DEFAULT_PETITION_FLAG_SETTINGS) =>
  evaluatePetitionFlags({ petition: current, history, settings }).flags.find((flag) => flag.kind === 'repeat');

describe('PetitionFlagSettings', () => {
  it('defaults to 3 visits in 90 days (same day once) and 5 people', () => {
    expect(DEFAULT_PETITION_FLAG_SETTINGS).toEqual({ repeat: { minCount: 3, windowDays: 90, countSameDayOnce: true }, collective: { minPeople: 5 } });
  });

  it('rejects thresholds that make no sense, naming the field', () => {
    const result = PetitionFlagSettings.safeParse({ repeat: { minCount: 1 }, collective: { minPeople: 1.5 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['重复访次数至少为 2', '集体访人数必须是整数']);
  });
});

describe('重复访 (same person ≥ N times in M days; default 3 in 90)', () => {
  it('flags the third visit within 90 days and lists the visits', () => {
    const first = petition('2024-01-10');
    const second = petition('2024-02-01', { channel: 'letter' });
    const third = petition('2024-03-15');
    const flag = repeatFlag(third, [first, second]);
    expect(flag).toMatchObject({ kind: 'repeat', count: 3, windowFrom: '2023-12-17', windowTo: '2024-03-15', level: 'yellow', ruleId: 'PET-REPEAT-01' });
    expect(flag?.explanation).toBe(
      '张某在 2023年12月17日至2024年3月15日（90 日）内信访 3 次（2024年1月10日来访、2024年2月1日来信、2024年3月15日来访），达到“90 日内 3 次”的重复访标准',
    );
  });

  // Window edges: [date − 89, date] inclusive for 90 days.
  it.each([
    ['a visit 89 days earlier is inside the window', 89, true],
    ['a visit 90 days earlier is outside the window', 90, false],
  ])('%s', (_, daysEarlier, flagged) => {
    const current = petition('2024-06-30');
    const oldest = petition(addDays('2024-06-30' as LocalDate, -daysEarlier));
    const middle = petition('2024-05-01');
    expect(repeatFlag(current, [oldest, middle]) !== undefined).toBe(flagged);
  });

  it('does not count visits after the petition being evaluated (the flag is as of its own date)', () => {
    const current = petition('2024-03-01');
    expect(repeatFlag(current, [petition('2024-02-01'), petition('2024-03-02'), petition('2024-03-03')])).toBeUndefined();
  });

  it('counts several records on one day once by default, and each one when so configured', () => {
    const morning = petition('2024-03-01', { channel: 'phone' });
    const afternoon = petition('2024-03-01', { channel: 'visit' });
    const later = petition('2024-03-20');
    expect(repeatFlag(later, [morning, afternoon])).toBeUndefined();
    const everyRecord = PetitionFlagSettings.parse({ repeat: { countSameDayOnce: false } });
    expect(repeatFlag(later, [morning, afternoon], everyRecord)).toMatchObject({ count: 3 });
  });

  it('says when same-day records were merged', () => {
    const flag = repeatFlag(petition('2024-03-20'), [petition('2024-03-01', { channel: 'phone' }), petition('2024-03-01'), petition('2024-03-10')]);
    expect(flag?.explanation).toContain('同日多次按一次计');
  });

  it('ignores the petition itself when it is also in the history, and other people’s visits', () => {
    const current = petition('2024-03-20');
    expect(repeatFlag(current, [current, current, petition('2024-03-01', { petitioners: [LI] }), petition('2024-03-02', { petitioners: [LI] })])).toBeUndefined();
  });

  it('evaluates each petitioner of a joint petition on their own history', () => {
    const joint = petition('2024-03-20', { petitioners: [ZHANG, LI], headcount: 2 });
    const history = [petition('2024-03-01', { petitioners: [LI] }), petition('2024-03-10', { petitioners: [LI] })];
    const flags = evaluatePetitionFlags({ petition: joint, history }).flags;
    expect(flags.filter((flag) => flag.kind === 'repeat').map((flag) => flag.kind === 'repeat' && flag.petitioner.id)).toEqual(['p-li']);
  });

  it('matches a brute-force count over random histories (property)', () => {
    const settings = PetitionFlagSettings.parse({ repeat: { minCount: 3, windowDays: 30, countSameDayOnce: true } });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60, max: 5 }), { maxLength: 12 }), (offsets) => {
        const today = '2024-05-01' as LocalDate;
        const history = offsets.map((offset) => petition(addDays(today, offset)));
        const days = new Set(offsets.filter((offset) => offset <= 0 && offset > -30));
        days.add(0);
        return (repeatFlag(petition(today), history, settings) !== undefined) === days.size >= 3;
      }),
    );
  });
});

describe('越级访 (venue above the responsible level)', () => {
  it.each<[PetitionFacts['venueLevel'], PetitionFacts['responsibleLevel'], string | undefined, number | undefined]>([
    ['basic', 'basic', undefined, undefined],
    ['intermediate', 'basic', 'yellow', 1],
    ['high', 'basic', 'orange', 2],
    ['high', 'intermediate', 'yellow', 1],
    ['supreme', 'high', 'orange', 1],
    ['central', 'basic', 'orange', 4],
    // Petitioning a lower court than the responsible one is not 越级.
    ['basic', 'intermediate', undefined, undefined],
    // Unknown responsible court: not evaluated.
    ['central', undefined, undefined, undefined],
  ])('venue %s, responsible %s → %s', (venueLevel, responsibleLevel, level, skipped) => {
    const flag = evaluatePetitionFlags({ petition: petition('2024-03-01', { venueLevel, responsibleLevel }), history: [] }).flags.find((f) => f.kind === 'levelSkipping');
    expect(flag?.level).toBe(level);
    expect(flag?.kind === 'levelSkipping' ? flag.levelsSkipped : undefined).toBe(skipped);
  });

  it('explains which court should handle it and where the petitioner went', () => {
    const flag = evaluatePetitionFlags({ petition: petition('2024-03-01', { venueLevel: 'supreme', responsibleLevel: 'basic', channel: 'upper_transfer' }), history: [] }).flags[0];
    expect(flag?.explanation).toBe('本件应由基层人民法院处理，信访人于 2024年3月1日向最高人民法院信访（上级转交），越过 3 级，属进京信访');
  });
});

describe('集体访 (≥ 5 people by default)', () => {
  it.each([
    [4, 1, false],
    [5, 1, true],
    // Registered petitioners count even when the head count was written lower.
    [1, 5, true],
    [3, 4, false],
  ])('head count %i with %i registered → %s', (headcount, registered, flagged) => {
    const people = Array.from({ length: registered }, (_, i) => ({ id: `p${i}`, name: `信访人${i}` }));
    const flags = evaluatePetitionFlags({ petition: petition('2024-03-01', { headcount, petitioners: people }), history: [] }).flags;
    expect(kinds(flags).includes('collective')).toBe(flagged);
  });

  it('uses the configured group size', () => {
    const settings = PetitionFlagSettings.parse({ collective: { minPeople: 10 } });
    expect(kinds(evaluatePetitionFlags({ petition: petition('2024-03-01', { headcount: 9 }), history: [], settings }).flags)).toEqual([]);
    const flag = evaluatePetitionFlags({ petition: petition('2024-03-01', { headcount: 10 }), history: [], settings }).flags[0];
    expect(flag?.explanation).toBe('2024年3月1日来访共 10 人（已登记信访人 1 人），达到 10 人以上的集体访标准');
  });
});

describe('warnings raised', () => {
  it('raises 社会稳定/涉诉信访 warnings linked to the petition, its people and cases', () => {
    const current = petition('2024-03-01', { headcount: 6, caseIds: ['case-9'] });
    const [warning] = evaluatePetitionFlags({ petition: current, history: [] }).warnings;
    expect(warning).toMatchObject({
      key: `petition:${current.id}:PET-COLLECTIVE-01`,
      domain: 'social_stability',
      subtype: '涉诉信访',
      level: 'orange',
      escalated: false,
      petitionId: current.id,
      petitionerIds: ['p-zhang'],
      caseIds: ['case-9'],
    });
  });

  it('keys 重复访 warnings by person, so a further visit joins the open warning', () => {
    const history = [petition('2024-03-01'), petition('2024-03-05')];
    const third = evaluatePetitionFlags({ petition: petition('2024-03-10'), history }).warnings[0];
    const fourth = evaluatePetitionFlags({ petition: petition('2024-03-12'), history }).warnings[0];
    expect(third?.key).toBe('petitioner:p-zhang:PET-REPEAT-01');
    expect(fourth?.key).toBe(third?.key);
  });

  it('raises each counted flag one level when two or more coincide, and says why', () => {
    const history = [petition('2024-03-01'), petition('2024-03-05')];
    const current = petition('2024-03-10', { venueLevel: 'intermediate', responsibleLevel: 'basic' });
    const warnings = evaluatePetitionFlags({ petition: current, history }).warnings;
    expect(warnings.map((w) => [w.ruleId, w.level, w.escalated])).toEqual([
      ['PET-REPEAT-01', 'orange', true],
      ['PET-LEVEL-SKIP-01', 'orange', true],
    ]);
    expect(warnings[0]?.explanation).toMatch(/；本件同时有重复访、越级访，等级上调一级$/);
  });

  it('raises nothing for an ordinary first petition', () => {
    expect(evaluatePetitionFlags({ petition: petition('2024-03-01'), history: [] })).toEqual({ flags: [], warnings: [] });
  });
});

describe('极端言行 (petition-content rule pack)', () => {
  const screener = compilePetitionPack(readFileSync(PETITION_PACK_URL, 'utf8'));
  const extreme = (content: string, demands = '') =>
    evaluatePetitionFlags({ petition: petition('2024-03-01', { content, demands }), history: [], screener }).warnings.map((w) => [w.ruleId, w.level, w.subtype]);

  it('raises a red 极端言行 warning with the words, field and position', () => {
    const [warning] = evaluatePetitionFlags({ petition: petition('2024-03-01', { content: '信访人称法院再不解决就从楼上跳楼。' }), history: [], screener }).warnings;
    expect(warning).toMatchObject({ ruleId: 'PET-SELF-HARM-01', level: 'red', subtype: '极端言行', key: expect.stringMatching(/^petition:pet-\d+:PET-SELF-HARM-01$/) });
    expect(warning?.explanation).toBe('规则 PET-SELF-HARM-01（第 1 版）命中：信访内容中的“跳楼”（第 15 字起：…信访人称法院再不解决就从楼上跳楼。…）');
  });

  it('reads the demands too', () => {
    expect(extreme('反映执行问题。', '不给说法就去北京上访')).toEqual([['PET-THREAT-01', 'orange', '极端言行']]);
  });

  it('does not combine-escalate content findings with counted flags', () => {
    const warnings = evaluatePetitionFlags({ petition: petition('2024-03-01', { headcount: 8, venueLevel: 'high', content: '扬言要拉横幅。' }), history: [], screener }).warnings;
    expect(warnings.find((w) => w.ruleId === 'PET-THREAT-01')).toMatchObject({ level: 'orange', escalated: false });
  });
});
