import type { PartyKind } from '../screening/rule-schema.js';

/** 当事人诉讼地位 (民事诉讼法 2023, 刑事诉讼法 2018, 行政诉讼法 2017). */
export const PARTY_ROLES = [
  '原告',
  '被告',
  '第三人',
  '上诉人',
  '被上诉人',
  '申请人',
  '被申请人',
  '申请执行人',
  '被执行人',
  '案外人',
  '被告人',
  '被害人',
  '自诉人',
  '附带民事诉讼原告人',
  '附带民事诉讼被告人',
  '申诉人',
  '再审申请人',
  '原审原告',
  '原审被告',
  '其他',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const partyKindLabel: Record<PartyKind, string> = {
  natural: '自然人',
  legal: '法人',
  other_org: '非法人组织',
  state_organ: '国家机关',
};
const kindByLabel = new Map<string, PartyKind>(Object.entries(partyKindLabel).map(([k, v]) => [v, k as PartyKind]));

/** Party flags the screening rules look at. */
export const PARTY_FLAGS = ['foreign', 'religious_org', 'minor', 'elderly', 'disabled', 'repeat_litigant'] as const;
export const partyFlagLabel: Record<(typeof PARTY_FLAGS)[number], string> = {
  foreign: '涉外',
  religious_org: '宗教组织',
  minor: '未成年人',
  elderly: '老年人',
  disabled: '残疾人',
  repeat_litigant: '多次诉讼',
};
const flagByLabel = new Map<string, string>(Object.entries(partyFlagLabel).map(([k, v]) => [v, k]));

const STATE_ORGAN = /(人民政府|委员会|局|厅|办公室|人民法院|人民检察院|公安|街道办事处|管理处)$/;
const LEGAL_PERSON = /(有限公司|有限责任公司|股份公司|集团|银行|信用社|合作社|公司|厂|医院|学校|大学|协会|基金会)$/;
const OTHER_ORG = /(合伙企业|事务所|个体工商户|分公司|分行|支行|营业部|经营部|商行)$/;

/** Guesses the kind from the name's ending when the source does not say (most court exports don't). */
export function inferPartyKind(name: string): PartyKind {
  if (STATE_ORGAN.test(name)) return 'state_organ';
  if (OTHER_ORG.test(name)) return 'other_org';
  if (LEGAL_PERSON.test(name)) return 'legal';
  return 'natural';
}

export interface PartyInput {
  role: PartyRole;
  name: string;
  kind: PartyKind;
  flags: string[];
}

export type PartyListResult = { ok: true; parties: PartyInput[] } | { ok: false; message: string };

/**
 * Parses the flat-file 当事人 cell: entries separated by ；or ; or a line break, each
 * `角色：名称` optionally followed by （类型、标记…）, e.g.
 * `原告：张三；被告：某某房地产开发有限公司（法人）；第三人：李四（自然人、老年人）`.
 */
export function parsePartyList(cell: string): PartyListResult {
  const parties: PartyInput[] = [];
  const entries = cell.split(/[；;\n]/).map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const match = /^([^：:]+)[：:]\s*(.+?)\s*(?:[（(]([^（）()]*)[）)])?$/.exec(entry);
    if (!match) return { ok: false, message: `当事人“${entry}”应写成“角色：名称”，如“原告：张三”` };
    const role = match[1]!.trim();
    if (!(PARTY_ROLES as readonly string[]).includes(role)) {
      return { ok: false, message: `当事人“${entry}”的诉讼地位“${role}”不在可选范围内（${PARTY_ROLES.slice(0, 6).join('、')}等）` };
    }
    const name = match[2]!.trim();
    if (name.length > 200) return { ok: false, message: `当事人名称过长（${name.slice(0, 10)}…）` };
    let kind: PartyKind | undefined;
    const flags: string[] = [];
    for (const tag of (match[3] ?? '').split(/[、,，\s]/).map((t) => t.trim()).filter(Boolean)) {
      const asKind = kindByLabel.get(tag);
      const asFlag = flagByLabel.get(tag);
      if (asKind) kind = asKind;
      else if (asFlag) flags.push(asFlag);
      else return { ok: false, message: `当事人“${name}”的标注“${tag}”无法识别（可用：${[...kindByLabel.keys(), ...flagByLabel.keys()].join('、')}）` };
    }
    parties.push({ role: role as PartyRole, name, kind: kind ?? inferPartyKind(name), flags });
  }
  return { ok: true, parties };
}

export function formatPartyList(parties: readonly PartyInput[]): string {
  return parties
    .map((p) => {
      const tags = [partyKindLabel[p.kind], ...p.flags.map((f) => partyFlagLabel[f as keyof typeof partyFlagLabel] ?? f)];
      return `${p.role}：${p.name}（${tags.join('、')}）`;
    })
    .join('；');
}
