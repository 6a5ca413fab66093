/**
 * Compiles the 案由 data files in packages/core/data/causes/ from plain-text source lists.
 *
 *   node --import tsx scripts/build-causes.ts [sourceDir] [--compiled-on YYYY-MM-DD]
 *
 * sourceDir (default /tmp/courtrisk-causes-src) holds two files, laid out line by line as the
 * official documents print them (docs/causes.md says where the text came from and how to
 * recreate the files):
 *
 * - civil-causes-2020.md — 民事案件案由规定 (2020 amendment): a title line, then
 *   `第N部分 名称`, `一、名称`, `1.名称`, `（1）名称` lines in document order.
 * - criminal-charges.md — a title line, then `第N章 名称｜第a条-第b条` and
 *   `第N节 名称｜第a条-第b条` headings (the 刑法 分则 structure with each heading's article
 *   range) and one `罪名｜第x条[、第y条]` line per charge; `外汇决定第1条` cites the 1998
 *   NPCSC decision on foreign-exchange crimes instead of the Criminal Law.
 *
 * The script refuses to write anything unless the numbering is complete and contiguous (every
 * 部分, 二级, 三级 and 四级 number follows its predecessor), names are unambiguous, and every
 * charge's primary article lies inside its chapter and section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = fileURLToPath(new URL('../packages/core/data/causes/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Chinese numerals (一 … 九十九) as used in 部分/章/节 and 二级案由 headings.

const DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 五十四 → 54. Throws on anything else. */
function chineseNumeral(text: string): number {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') throw new Error(`not a Chinese numeral: ${text}`);
  const [, tensDigit = '', ten = '', units = ''] = match;
  if (ten === '') {
    if (tensDigit === '' || units !== '') throw new Error(`not a Chinese numeral: ${text}`);
    return DIGITS[tensDigit] ?? 0;
  }
  return (tensDigit === '' ? 1 : (DIGITS[tensDigit] ?? 0)) * 10 + (units === '' ? 0 : (DIGITS[units] ?? 0));
}

const CHINESE_ORDINAL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function ordinal(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return CHINESE_ORDINAL[units] ?? '';
  return `${tens === 1 ? '' : (CHINESE_ORDINAL[tens] ?? '')}十${CHINESE_ORDINAL[units] ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// Civil causes

interface CivilNodeRecord {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  /** The label as printed: 第四部分, 十, 103, （3）. */
  number: string;
  parent: string | null;
}

/** Parses the 民事案件案由规定 text; throws on any gap, repeat or out-of-order number. */
function parseCivilCauses(text: string): CivilNodeRecord[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const nodes: CivilNodeRecord[] = [];
  let part: CivilNodeRecord | undefined;
  let category: CivilNodeRecord | undefined;
  let cause: CivilNodeRecord | undefined;
  let expectedPart = 1;
  let expectedCategory = 1;
  let expectedCause = 1;
  let expectedSub = 1;
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue; // title
    const where = `line ${index + 1} (${line})`;
    let m: RegExpExecArray | null;
    if ((m = /^第([一二三四五六七八九十]+)部分\s*(\S.*)$/.exec(line))) {
      const n = chineseNumeral(m[1] ?? '');
      if (n !== expectedPart) throw new Error(`${where}: expected 第${ordinal(expectedPart)}部分`);
      expectedPart += 1;
      part = { code: `C.${n}`, name: m[2] ?? '', level: 1, number: `第${m[1]}部分`, parent: null };
      nodes.push(part);
      category = undefined;
      cause = undefined;
    } else if ((m = /^([一二三四五六七八九十]+)、\s*(\S.*)$/.exec(line))) {
      const n = chineseNumeral(m[1] ?? '');
      if (!part) throw new Error(`${where}: 二级案由 outside a 部分`);
      if (n !== expectedCategory) throw new Error(`${where}: expected ${ordinal(expectedCategory)}、`);
      expectedCategory += 1;
      category = { code: `${part.code}.${n}`, name: m[2] ?? '', level: 2, number: m[1] ?? '', parent: part.code };
      nodes.push(category);
      cause = undefined;
    } else if ((m = /^(\d+)\.\s*(\S.*)$/.exec(line))) {
      const n = Number(m[1]);
      if (!category) throw new Error(`${where}: 三级案由 outside a 二级案由`);
      if (n !== expectedCause) throw new Error(`${where}: expected ${expectedCause}.`);
      expectedCause += 1;
      expectedSub = 1;
      cause = { code: `${category.code}.${n}`, name: m[2] ?? '', level: 3, number: String(n), parent: category.code };
      nodes.push(cause);
    } else if ((m = /^（(\d+)）\s*(\S.*)$/.exec(line))) {
      const n = Number(m[1]);
      if (!cause) throw new Error(`${where}: 四级案由 outside a 三级案由`);
      if (n !== expectedSub) throw new Error(`${where}: expected （${expectedSub}）`);
      expectedSub += 1;
      nodes.push({ code: `${cause.code}.${n}`, name: m[2] ?? '', level: 4, number: `（${n}）`, parent: cause.code });
    } else {
      throw new Error(`${where}: unrecognised line`);
    }
  }
  checkCivilNames(nodes);
  return nodes;
}

/**
 * The document repeats some names one level down (第九部分 侵权责任纠纷 → 三十一、侵权责任纠纷;
 * 十一、不当得利纠纷 → 144.不当得利纠纷). That is fine as long as the namesakes form one ancestor
 * chain, so "the deepest node with this name" is well defined.
 */
function checkCivilNames(nodes: readonly CivilNodeRecord[]): void {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const byName = new Map<string, CivilNodeRecord[]>();
  for (const node of nodes) byName.set(node.name, [...(byName.get(node.name) ?? []), node]);
  for (const [name, namesakes] of byName) {
    if (namesakes.length < 2) continue;
    const deepest = namesakes.reduce((a, b) => (b.level > a.level ? b : a));
    const chain = new Set<string>();
    for (let at: CivilNodeRecord | undefined = deepest; at; at = at.parent ? byCode.get(at.parent) : undefined) chain.add(at.code);
    if (!namesakes.every((node) => chain.has(node.code))) throw new Error(`ambiguous civil cause name: ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Criminal charges

interface ArticleRef {
  /** 刑法, or the 1998 NPCSC decision for 骗购外汇罪. */
  instrument: '刑法' | '外汇决定';
  number: number;
  /** 之一 → 1, 之二 → 2; 0 for a plain article. */
  sub: number;
}

interface ChapterRecord {
  code: string;
  number: number;
  name: string;
  firstArticle: string;
  lastArticle: string;
}

interface SectionRecord extends ChapterRecord {
  chapter: number;
}

interface ChargeRecord {
  code: string;
  /** Without the trailing 罪, e.g. 非法吸收公众存款. */
  name: string;
  articles: string[];
  chapter: number;
  section: number | null;
}

const SUB_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function parseArticle(text: string): ArticleRef {
  const decision = /^外汇决定第(\d+)条$/.exec(text);
  if (decision) return { instrument: '外汇决定', number: Number(decision[1]), sub: 0 };
  const m = /^第(\d+)条(?:之([一二三四五六七八九]))?$/.exec(text);
  if (!m) throw new Error(`not an article reference: ${text}`);
  return { instrument: '刑法', number: Number(m[1]), sub: m[2] ? SUB_NUMERALS.indexOf(m[2]) : 0 };
}

/** Human label: 第287条之二; 全国人大常委会 decision articles keep their own label. */
function articleLabel(ref: ArticleRef): string {
  if (ref.instrument === '外汇决定') return `《关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定》第${ordinal(ref.number)}条`;
  return `第${ref.number}条${ref.sub > 0 ? `之${SUB_NUMERALS[ref.sub]}` : ''}`;
}

/** Stable key used in charge codes: 176, 287-2; FX1 for the decision. */
function articleKey(ref: ArticleRef): string {
  if (ref.instrument === '外汇决定') return `FX${ref.number}`;
  return ref.sub > 0 ? `${ref.number}-${ref.sub}` : String(ref.number);
}

function compareArticles(a: ArticleRef, b: ArticleRef): number {
  return a.number - b.number || a.sub - b.sub;
}

function parseCriminalCharges(text: string): { chapters: ChapterRecord[]; sections: SectionRecord[]; charges: ChargeRecord[] } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const chapters: ChapterRecord[] = [];
  const sections: SectionRecord[] = [];
  const charges: ChargeRecord[] = [];
  const perArticle = new Map<string, number>();
  const names = new Set<string>();
  let chapter: { record: ChapterRecord; first: ArticleRef; last: ArticleRef } | undefined;
  let section: { record: SectionRecord; first: ArticleRef; last: ArticleRef } | undefined;
  let expectedSection = 1;
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue; // title
    const where = `line ${index + 1} (${line})`;
    const [head = '', refs = ''] = line.split('｜');
    let m: RegExpExecArray | null;
    if ((m = /^第([一二三四五六七八九十]+)(章|节)\s*(\S.*)$/.exec(head))) {
      const n = chineseNumeral(m[1] ?? '');
      const range = /^(第\d+条(?:之[一二三四五六七八九])?)-(第\d+条(?:之[一二三四五六七八九])?)$/.exec(refs);
      if (!range) throw new Error(`${where}: heading without an article range`);
      const first = parseArticle(range[1] ?? '');
      const last = parseArticle(range[2] ?? '');
      if (m[2] === '章') {
        if (n !== chapters.length + 1) throw new Error(`${where}: expected 第${ordinal(chapters.length + 1)}章`);
        const record = { code: `XC.${n}`, number: n, name: m[3] ?? '', firstArticle: articleLabel(first), lastArticle: articleLabel(last) };
        chapters.push(record);
        chapter = { record, first, last };
        section = undefined;
        expectedSection = 1;
      } else {
        if (!chapter) throw new Error(`${where}: 节 outside a 章`);
        if (n !== expectedSection) throw new Error(`${where}: expected 第${ordinal(expectedSection)}节`);
        expectedSection += 1;
        const record = {
          code: `${chapter.record.code}.${n}`,
          number: n,
          chapter: chapter.record.number,
          name: m[3] ?? '',
          firstArticle: articleLabel(first),
          lastArticle: articleLabel(last),
        };
        sections.push(record);
        section = { record, first, last };
      }
      continue;
    }
    if (!chapter) throw new Error(`${where}: charge outside a 章`);
    if (!head.endsWith('罪')) throw new Error(`${where}: a charge name ends with 罪`);
    const name = head.slice(0, -1);
    if (names.has(name)) throw new Error(`${where}: duplicate charge`);
    names.add(name);
    const articles = refs.split('、').map(parseArticle);
    const primary = articles[0];
    if (!primary) throw new Error(`${where}: charge without an article`);
    if (primary.instrument === '刑法') {
      const inside = (range: { first: ArticleRef; last: ArticleRef }) =>
        compareArticles(range.first, primary) <= 0 && compareArticles(primary, range.last) <= 0;
      if (!inside(chapter)) throw new Error(`${where}: primary article outside ${chapter.record.name}`);
      if (section && !inside(section)) throw new Error(`${where}: primary article outside ${section.record.name}`);
    }
    const key = articleKey(primary);
    const seq = (perArticle.get(key) ?? 0) + 1;
    perArticle.set(key, seq);
    charges.push({
      code: `X.${key}.${seq}`,
      name,
      articles: articles.map(articleLabel),
      chapter: chapter.record.number,
      section: section ? section.record.number : null,
    });
  }
  return { chapters, sections, charges };
}

// ---------------------------------------------------------------------------------------------
// Output

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[String(key(item))] = (counts[String(key(item))] ?? 0) + 1;
  return counts;
}

function main(argv: readonly string[]): void {
  const flag = argv.indexOf('--compiled-on');
  const compiledOn = flag >= 0 ? argv[flag + 1] : new Date().toISOString().slice(0, 10);
  if (!compiledOn || !/^\d{4}-\d{2}-\d{2}$/.test(compiledOn)) throw new Error('--compiled-on takes YYYY-MM-DD');
  const sourceDir = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--compiled-on') ?? '/tmp/courtrisk-causes-src';

  const civil = parseCivilCauses(readFileSync(join(sourceDir, 'civil-causes-2020.md'), 'utf8'));
  const civilFile = {
    system: 'civil',
    document: {
      title: '民事案件案由规定',
      issuer: '最高人民法院',
      revision: '2020年修正（第二次修正）',
      amendingDecision: '最高人民法院关于修改《民事案件案由规定》的决定（法〔2020〕346号）',
      promulgatingNotice: '最高人民法院关于印发修改后的《民事案件案由规定》的通知（法〔2020〕347号）',
      adoptedOn: '2020-12-14',
      effectiveFrom: '2021-01-01',
      supersededBy: {
        revision: '2025年修正（第三次修正）',
        amendingDecision: '法〔2025〕226号',
        promulgatingNotice: '法〔2025〕227号',
        adoptedOn: '2025-12-04',
        effectiveFrom: '2026-01-01',
        note: '本文件仍收录2020年修正文本：2026年1月1日前立案的案件沿用该文本确定的案由。2025年修正文本尚未编入。',
      },
    },
    status: 'secondary',
    sources: [
      {
        role: 'transcription: 部分/二级/三级 numbering and names (Java enums, numbered comments 1–473)',
        repository: 'JunyuZhan/law-firm-infra',
        path: 'law-firm-model/case-model/src/main/java/com/lawfirm/model/cases/enums/civilcause/',
        commit: '0353f6da18b90c0a9a28a4a9c5c10c6e3c9b1586',
      },
      {
        role: 'cross-check of 四级 lists (transcription of the 2025 revision; items added in 2025 excluded)',
        repository: 'search index file id 53373774461 (TypeScript, "根据《民事案件案由规定》（2025年12月修正）")',
        path: null,
        commit: null,
      },
    ],
    note: '未能在可查阅的存档中取得最高人民法院公布的正式文本；三级案由编号1–473连续完整，四级案由逐项比对两份转录，详见 docs/causes.md。',
    compiledOn,
    counts: countBy(civil, (node) => node.level),
    nodes: civil,
  };

  const criminal = parseCriminalCharges(readFileSync(join(sourceDir, 'criminal-charges.md'), 'utf8'));
  const criminalFile = {
    system: 'criminal',
    document: {
      title: '罪名（刑法分则）',
      basis: [
        '最高人民法院关于执行《中华人民共和国刑法》确定罪名的规定（法释〔1997〕9号）',
        '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（一）至（七）',
        '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（八）（法释〔2024〕3号，2024-03-01施行；第一百六十九条罪名改为“徇私舞弊低价折股、出售公司、企业资产罪”）',
      ],
      statute: '中华人民共和国刑法（1997年修订，经刑法修正案（十二）修正，2024-03-01施行）',
      effectiveAsOf: '2024-03-01',
    },
    status: 'secondary',
    sources: [
      {
        role: 'statute text: 编/章/节 headings and article numbers (chapters 1–4 read against the text)',
        repository: 'LawRefBook/Laws',
        path: '刑法/刑法.md',
        commit: '71f344a682c56de4902dda931f54d24a4a77bf8f',
      },
      {
        role: 'cross-check of charge names and articles (input-method dictionary; pre-补充规定（八）, places multi-article charges under their first article)',
        repository: 'search index file id 69842360196 (zuiming_data.lua)',
        path: null,
        commit: null,
      },
    ],
    note: '确定罪名的规定及各补充规定的正式文本未能在可查阅的存档中取得；罪名按刑法分则章节逐条编列，合计483个，与罪名规定及补充规定（一）至（八）累计的现行罪名数一致。',
    compiledOn,
    counts: { chapters: criminal.chapters.length, sections: criminal.sections.length, charges: criminal.charges.length, ...countBy(criminal.charges, (c) => `chapter${c.chapter}`) },
    ...criminal,
  };

  writeFileSync(join(OUT_DIR, 'civil-causes-2020.json'), `${JSON.stringify(civilFile, null, 1)}\n`);
  writeFileSync(join(OUT_DIR, 'criminal-charges.json'), `${JSON.stringify(criminalFile, null, 1)}\n`);
  console.log(`civil: ${JSON.stringify(civilFile.counts)}; criminal: ${JSON.stringify(criminalFile.counts)}`);
}

main(process.argv.slice(2));
