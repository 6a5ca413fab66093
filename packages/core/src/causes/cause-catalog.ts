/**
 * 案由 catalogue: the civil cause list (最高人民法院《民事案件案由规定》, 2020 amendment,
 * 法〔2020〕346号/347号, in force 2021-01-01) and the criminal charges (罪名) organised by the
 * chapters and sections of 《刑法》分则 as of 刑法修正案（十二） and 确定罪名的补充规定（八）
 * (法释〔2024〕3号, in force 2024-03-01). Data: packages/core/data/causes/*.json, compiled by
 * scripts/build-causes.ts; provenance and the coding scheme are in docs/causes.md.
 *
 * Both lists form one forest of {@link CauseNode}s; every index is built once, at module load.
 */
import { z } from 'zod';
import civilCausesJson from '../../data/causes/civil-causes-2020.json' with { type: 'json' };
import criminalChargesJson from '../../data/causes/criminal-charges.json' with { type: 'json' };
import { causeNameKeys, normalizeCauseName } from './normalize.js';

export type CauseSystem = 'civil' | 'criminal';

/**
 * part/category/cause/subcause are the four levels of the civil list (第一级 部分, 第二级 一、,
 * 第三级 1., 第四级 （1）); chapter/section/charge are 刑法分则 章, 节 and 罪名.
 */
export type CauseKind = 'part' | 'category' | 'cause' | 'subcause' | 'chapter' | 'section' | 'charge';

export interface CauseNode {
  /**
   * Stable code derived from the official numbering: civil `C.<部分>.<二级>.<三级>.<四级>`
   * (民间借贷纠纷 = C.4.10.103.3, numbers of the 2020 amendment); criminal chapters `XC.<章>`,
   * sections `XC.<章>.<节>`, charges `X.<primary article>.<n>` (非法吸收公众存款罪 = X.176.1,
   * 帮助信息网络犯罪活动罪 = X.287-2.1).
   */
  readonly code: string;
  /** Official name as printed; charges carry their trailing 罪 (非法吸收公众存款罪). */
  readonly name: string;
  readonly system: CauseSystem;
  readonly kind: CauseKind;
  /** Depth below the system root: 部分 and 章 are 1; a charge is 2 or 3 (chapters without 节). */
  readonly level: number;
  /** Numbering as printed: 第四部分, 十, 103, （3）, 第三章, 第四节; for a charge its primary article. */
  readonly number: string;
  /** Code of the enclosing node; null for 部分 and 章. */
  readonly parent: string | null;
}

/** A 罪名 with the articles the charge rests on. */
export interface Charge {
  /** Same code as its {@link CauseNode}. */
  readonly code: string;
  /** Without the trailing 罪: 非法吸收公众存款. */
  readonly name: string;
  /** With 罪, as used in judgments: 非法吸收公众存款罪. */
  readonly title: string;
  /** Criminal Law articles, the defining one first (第176条, 第287条之二); 骗购外汇罪 cites the 1998 NPCSC decision. */
  readonly articles: readonly string[];
  /** 刑法分则 chapter, 1–10. */
  readonly chapter: number;
  /** Section within chapters 3 and 6; null elsewhere. */
  readonly section: number | null;
}

/** A 刑法分则 chapter or section, with the article range it covers. */
export interface CriminalDivision {
  readonly code: string;
  readonly number: number;
  readonly name: string;
  readonly firstArticle: string;
  readonly lastArticle: string;
}

const SourceSchema = z.object({ role: z.string(), repository: z.string(), path: z.string().nullable(), commit: z.string().nullable() });

const CivilFileSchema = z.object({
  system: z.literal('civil'),
  document: z.record(z.string(), z.unknown()),
  status: z.string(),
  sources: z.array(SourceSchema),
  compiledOn: z.string(),
  counts: z.record(z.string(), z.number()),
  nodes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      number: z.string(),
      parent: z.string().nullable(),
    }),
  ),
});

const DivisionSchema = z.object({ code: z.string(), number: z.number().int(), name: z.string(), firstArticle: z.string(), lastArticle: z.string() });

const CriminalFileSchema = z.object({
  system: z.literal('criminal'),
  document: z.record(z.string(), z.unknown()),
  status: z.string(),
  sources: z.array(SourceSchema),
  compiledOn: z.string(),
  counts: z.record(z.string(), z.number()),
  chapters: z.array(DivisionSchema),
  sections: z.array(DivisionSchema.extend({ chapter: z.number().int() })),
  charges: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      articles: z.array(z.string()).min(1),
      chapter: z.number().int(),
      section: z.number().int().nullable(),
    }),
  ),
});

const civilFile = CivilFileSchema.parse(civilCausesJson);
const criminalFile = CriminalFileSchema.parse(criminalChargesJson);

/** Provenance of the civil list (document numbers, revision, sources, compile date), for display. */
export const CIVIL_CAUSE_SOURCE = {
  document: civilFile.document,
  status: civilFile.status,
  sources: civilFile.sources,
  compiledOn: civilFile.compiledOn,
} as const;

/** Provenance of the charge list, for display. */
export const CRIMINAL_CHARGE_SOURCE = {
  document: criminalFile.document,
  status: criminalFile.status,
  sources: criminalFile.sources,
  compiledOn: criminalFile.compiledOn,
} as const;

const CIVIL_KINDS = ['part', 'category', 'cause', 'subcause'] as const;

const civilNodes: CauseNode[] = civilFile.nodes.map((node) => ({
  code: node.code,
  name: node.name,
  system: 'civil',
  kind: CIVIL_KINDS[node.level - 1] ?? 'subcause',
  level: node.level,
  number: node.number,
  parent: node.parent,
}));

/** 刑法分则 chapters in order, with their sections. */
export const CRIMINAL_CHAPTERS: readonly (CriminalDivision & { readonly sections: readonly CriminalDivision[] })[] = criminalFile.chapters.map(
  (chapter) => ({ ...chapter, sections: criminalFile.sections.filter((section) => section.chapter === chapter.number) }),
);

/** All 罪名 in statute order. */
export const CHARGES: readonly Charge[] = criminalFile.charges.map((charge) => ({ ...charge, title: `${charge.name}罪` }));

const criminalNodes: CauseNode[] = [];
for (const chapter of CRIMINAL_CHAPTERS) {
  criminalNodes.push({ code: chapter.code, name: chapter.name, system: 'criminal', kind: 'chapter', level: 1, number: `第${chapterNumeral(chapter.number)}章`, parent: null });
  for (const section of chapter.sections) {
    criminalNodes.push({ code: section.code, name: section.name, system: 'criminal', kind: 'section', level: 2, number: `第${chapterNumeral(section.number)}节`, parent: chapter.code });
  }
  for (const charge of CHARGES) {
    if (charge.chapter !== chapter.number) continue;
    const parent = charge.section === null ? chapter.code : `${chapter.code}.${charge.section}`;
    criminalNodes.push({
      code: charge.code,
      name: charge.title,
      system: 'criminal',
      kind: 'charge',
      level: charge.section === null ? 2 : 3,
      number: charge.articles[0] ?? '',
      parent,
    });
  }
}

function chapterNumeral(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return n === 10 ? '十' : (digits[n] ?? String(n));
}

/** Every node, civil list first, each list in document order. */
export const CAUSE_NODES: readonly CauseNode[] = [...civilNodes, ...criminalNodes];

// ---------------------------------------------------------------------------------------------
// Indexes (built once)

const byCode = new Map<string, CauseNode>(CAUSE_NODES.map((node) => [node.code, node]));
const chargeByCode = new Map<string, Charge>(CHARGES.map((charge) => [charge.code, charge]));

/** Exact official names and codes: the fast path, no normalisation. */
const byExact = new Map<string, readonly CauseNode[]>();
/** Normalized names and their suffix-less forms. */
const byKey = new Map<string, readonly CauseNode[]>();
const childrenOf = new Map<string, CauseNode[]>();
/** Path from the top-level node down to the node itself. */
const pathOf = new Map<string, readonly CauseNode[]>();

function addTo(index: Map<string, readonly CauseNode[]>, key: string, node: CauseNode): void {
  const present = index.get(key) ?? [];
  if (!present.includes(node)) index.set(key, [...present, node]);
}

for (const node of CAUSE_NODES) {
  addTo(byExact, node.name, node);
  addTo(byExact, node.code, node);
  for (const key of causeNameKeys(node.name, node.system === 'civil' ? '纠纷' : '罪')) addTo(byKey, key, node);
  if (node.parent !== null) {
    const siblings = childrenOf.get(node.parent) ?? [];
    siblings.push(node);
    childrenOf.set(node.parent, siblings);
  }
  const parentPath = node.parent === null ? [] : (pathOf.get(node.parent) ?? []);
  pathOf.set(node.code, [...parentPath, node]);
}

/** All nodes a name or code stands for: the document repeats some names one level down. */
function resolveAll(nameOrCode: string): readonly CauseNode[] {
  const exact = byExact.get(nameOrCode);
  if (exact) return exact;
  const coded = byCode.get(nameOrCode.trim());
  return coded ? [coded] : (byKey.get(normalizeCauseName(nameOrCode)) ?? []);
}

function deepest(nodes: readonly CauseNode[]): CauseNode | undefined {
  return nodes.reduce<CauseNode | undefined>((best, node) => (best === undefined || node.level > best.level ? node : best), undefined);
}

// ---------------------------------------------------------------------------------------------
// Lookups

/**
 * Finds a civil cause (民事案件案由规定, 2020) or a criminal charge / 刑法分则 chapter or section
 * by code or name.
 *
 * Names match exactly after normalisation (see normalizeCauseName: full-/half-width forms,
 * spaces and CAIL brackets such as `[窝藏、包庇]` don't matter) and may omit the trailing 纠纷
 * (civil) or 罪 (criminal): 民间借贷 finds 民间借贷纠纷. No fuzzy or substring matching.
 * Where the document repeats a name one level down (第九部分 侵权责任纠纷 → 三十一、侵权责任纠纷,
 * 十一、不当得利纠纷 → 144.不当得利纠纷), the most specific node is returned.
 * Returns undefined for anything not in the lists, including causes added by the 2025 amendment.
 */
export function findCause(nameOrCode: string): CauseNode | undefined {
  return deepest(resolveAll(nameOrCode));
}

/**
 * True when `cause` is `ancestor` or lies below it: a parent cause covers all its descendants
 * (民事案件案由规定 四级 structure; 刑法分则 章 › 节 › 罪名). This is the 案由 condition of the
 * screening engine (CompileOptions.isCauseWithin).
 *
 * Both arguments are names or codes, resolved as in {@link findCause}; a name the document
 * repeats one level down stands for all its namesakes. Reflexive and transitive. When either
 * side is not in the lists (a local or mistyped cause), falls back to equality of the
 * normalized names, so unknown causes still match themselves.
 */
export function isCauseWithin(cause: string, ancestor: string): boolean {
  const causeNodes = resolveAll(cause);
  const ancestorNodes = resolveAll(ancestor);
  if (causeNodes.length === 0 || ancestorNodes.length === 0) return normalizeCauseName(cause) === normalizeCauseName(ancestor);
  return causeNodes.some((node) => (pathOf.get(node.code) ?? []).some((step) => ancestorNodes.includes(step)));
}

/**
 * Direct children in document order (劳动争议 → 劳动合同纠纷, 社会保险纠纷, 福利待遇纠纷;
 * a chapter lists its sections, or its charges where it has none). Empty for leaves and for
 * names not in the lists.
 */
export function listCauseChildren(nameOrCode: string): readonly CauseNode[] {
  const node = findCause(nameOrCode);
  return node ? (childrenOf.get(node.code) ?? []) : [];
}

/**
 * The chain from the top level down to the cause, for display: 民间借贷纠纷 →
 * [合同、准合同纠纷, 合同纠纷, 借款合同纠纷, 民间借贷纠纷]. Undefined when not found.
 */
export function causePath(nameOrCode: string): readonly CauseNode[] | undefined {
  const node = findCause(nameOrCode);
  return node ? pathOf.get(node.code) : undefined;
}

/**
 * {@link causePath} as one line headed by the system: `民事 › 合同、准合同纠纷 › 合同纠纷 ›
 * 借款合同纠纷 › 民间借贷纠纷`, `刑事 › 破坏社会主义市场经济秩序罪 › 破坏金融管理秩序罪 ›
 * 非法吸收公众存款罪`. Undefined when not found.
 */
export function formatCausePath(nameOrCode: string, separator = ' › '): string | undefined {
  const path = causePath(nameOrCode);
  const first = path?.[0];
  if (!path || !first) return undefined;
  return [first.system === 'civil' ? '民事' : '刑事', ...path.map((node) => node.name)].join(separator);
}

/**
 * Finds a 罪名 by code or name, with or without 罪, tolerant as {@link findCause}:
 * `[窝藏、包庇]`, `窝藏,包庇`, `窝藏、包庇罪` all find 窝藏、包庇罪 (刑法第310条). Chapter and
 * section names (危害国家安全罪) are not charges and return undefined.
 */
export function findCharge(nameOrCode: string): Charge | undefined {
  const node = resolveAll(nameOrCode).find((candidate) => candidate.kind === 'charge');
  return node ? chargeByCode.get(node.code) : undefined;
}

/**
 * Charges of a 刑法分则 chapter (1–10), optionally of one section (chapters 3 and 6 have
 * sections 1–8 and 1–9), in statute order. Empty for numbers that don't exist.
 */
export function chargesInChapter(chapter: number, section?: number): readonly Charge[] {
  return CHARGES.filter((charge) => charge.chapter === chapter && (section === undefined || charge.section === section));
}
