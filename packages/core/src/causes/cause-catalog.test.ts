import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompileOptions } from '../screening/compile.js';
import {
  CAUSE_NODES,
  CHARGES,
  CIVIL_CAUSE_SOURCE,
  CRIMINAL_CHAPTERS,
  causePath,
  chargesInChapter,
  findCause,
  findCharge,
  formatCausePath,
  isCauseWithin,
  listCauseChildren,
  type CauseNode,
} from './cause-catalog.js';
import { causeNameKeys, normalizeCauseName } from './normalize.js';

const civil = CAUSE_NODES.filter((node) => node.system === 'civil');
const byCode = new Map(CAUSE_NODES.map((node) => [node.code, node]));

describe('civil cause list (民事案件案由规定, 2020 amendment, 法〔2020〕347号)', () => {
  it('has the structure of the document: 11 部分, 54 二级, 473 三级 案由', () => {
    // 第一部分 人格权纠纷 … 第十一部分 特殊诉讼程序案件案由; 一、人格权纠纷 … 五十四、执行程序中的异议之诉;
    // 1.生命权、身体权、健康权纠纷 … 473.执行分配方案异议之诉. The 四级 count is that of the compiled
    // list (docs/causes.md: not checked against the SPC's printed text, which was not obtainable).
    const count = (level: number) => civil.filter((node) => node.level === level).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([11, 54, 473, 389]);
  });

  it('numbers 三级 causes 1–473 without gaps, in document order', () => {
    const numbers = civil.filter((node) => node.level === 3).map((node) => Number(node.number));
    expect(numbers).toEqual(Array.from({ length: 473 }, (_, i) => i + 1));
  });

  it('records the revision it holds and the one that superseded it', () => {
    expect(CIVIL_CAUSE_SOURCE.document).toMatchObject({ promulgatingNotice: expect.stringContaining('法〔2020〕347号'), effectiveFrom: '2021-01-01' });
    expect(CIVIL_CAUSE_SOURCE.document['supersededBy']).toMatchObject({ promulgatingNotice: '法〔2025〕227号', effectiveFrom: '2026-01-01' });
  });

  it('places 民间借贷纠纷 under 借款合同纠纷', () => {
    expect(findCause('民间借贷纠纷')).toMatchObject({ code: 'C.4.10.103.3', level: 4, kind: 'subcause', number: '（3）', parent: 'C.4.10.103' });
    expect(formatCausePath('民间借贷纠纷')).toBe('民事 › 合同、准合同纠纷 › 合同纠纷 › 借款合同纠纷 › 民间借贷纠纷');
    expect(isCauseWithin('民间借贷纠纷', '借款合同纠纷')).toBe(true);
    expect(isCauseWithin('民间借贷纠纷', '合同纠纷')).toBe(true);
    expect(isCauseWithin('借款合同纠纷', '民间借贷纠纷')).toBe(false);
  });

  it('places 追索劳动报酬纠纷 under 劳动争议', () => {
    expect(formatCausePath('追索劳动报酬纠纷')).toBe('民事 › 劳动争议、人事争议 › 劳动争议 › 劳动合同纠纷 › 追索劳动报酬纠纷');
    expect(isCauseWithin('追索劳动报酬纠纷', '劳动争议')).toBe(true);
    expect(isCauseWithin('追索劳动报酬纠纷', '人事争议')).toBe(false);
    expect(listCauseChildren('劳动争议').map((node) => node.name)).toEqual(['劳动合同纠纷', '社会保险纠纷', '福利待遇纠纷']);
  });

  it('tolerates a missing 纠纷, spacing and full-/half-width forms', () => {
    expect(findCause('民间借贷')?.code).toBe('C.4.10.103.3');
    expect(findCause(' 民间借贷 纠纷 ')?.code).toBe('C.4.10.103.3');
    expect(findCause('企业名称(商号)合同纠纷')?.name).toBe('企业名称（商号）合同纠纷');
    expect(findCause('C.4.10.103')?.name).toBe('借款合同纠纷');
  });

  it('resolves a name the document repeats one level down to the most specific node', () => {
    expect(findCause('侵权责任纠纷')).toMatchObject({ level: 2, number: '三十一' });
    expect(findCause('不当得利纠纷')).toMatchObject({ level: 3, number: '144' });
    expect(isCauseWithin('机动车交通事故责任纠纷', '侵权责任纠纷')).toBe(true);
    expect(isCauseWithin('不当得利纠纷', '合同纠纷')).toBe(false);
    expect(isCauseWithin('不当得利纠纷', '合同、准合同纠纷')).toBe(true);
  });

  it('does not know causes the 2025 amendment added', () => {
    expect(findCause('数据权属纠纷')).toBeUndefined();
  });

  it('matches unknown causes only to themselves', () => {
    expect(isCauseWithin('某地方自定案由', '某地方自定案由')).toBe(true);
    expect(isCauseWithin('某地方自定案由', '合同纠纷')).toBe(false);
    expect(isCauseWithin('民间借贷纠纷', '某地方自定案由')).toBe(false);
    expect(listCauseChildren('某地方自定案由')).toEqual([]);
    expect(causePath('某地方自定案由')).toBeUndefined();
  });
});

describe('criminal charges (罪名 per 确定罪名的规定 and 补充规定（一）至（八）)', () => {
  it('lists 483 charges across the ten chapters of 刑法分则', () => {
    expect(CHARGES).toHaveLength(483);
    expect(CRIMINAL_CHAPTERS.map((chapter) => chargesInChapter(chapter.number).length)).toEqual([12, 54, 110, 43, 13, 146, 23, 14, 37, 31]);
    expect(CRIMINAL_CHAPTERS.map((chapter) => chapter.sections.length)).toEqual([0, 0, 8, 0, 0, 9, 0, 0, 0, 0]);
  });

  it.each([
    ['非法吸收公众存款', '第176条', 3, 4],
    ['帮助信息网络犯罪活动', '第287条之二', 6, 1],
    ['拒不支付劳动报酬', '第276条之一', 5, null],
    ['集资诈骗罪', '第192条', 3, 5],
    ['虚假诉讼罪', '第307条之一', 6, 2],
    ['拒不执行判决、裁定罪', '第313条', 6, 2],
  ])('%s rests on 刑法%s', (query, article, chapter, section) => {
    expect(findCharge(query)).toMatchObject({ articles: [article], chapter, section });
  });

  it('accepts CAIL bracket labels and other spellings', () => {
    for (const query of ['[窝藏、包庇]', '窝藏,包庇', '窝藏、包庇罪', '［窝藏、包庇］']) {
      expect(findCharge(query)).toMatchObject({ title: '窝藏、包庇罪', articles: ['第310条'] });
    }
    expect(findCharge('[伪造、变造、买卖]国家机关[公文、证件、印章]')?.articles).toEqual(['第280条']);
  });

  it('uses the name fixed by 补充规定（八） for 第169条', () => {
    expect(findCharge('徇私舞弊低价折股、出售公司、企业资产罪')?.articles).toEqual(['第169条']);
    expect(findCharge('徇私舞弊低价折股、出售国有资产罪')).toBeUndefined();
  });

  it('keeps chapters and sections out of the charges, but in the hierarchy', () => {
    expect(findCharge('危害国家安全罪')).toBeUndefined();
    expect(findCause('危害国家安全罪')).toMatchObject({ kind: 'chapter', code: 'XC.1' });
    expect(isCauseWithin('非法吸收公众存款罪', '破坏金融管理秩序罪')).toBe(true);
    expect(isCauseWithin('非法吸收公众存款罪', '破坏社会主义市场经济秩序罪')).toBe(true);
    expect(isCauseWithin('非法吸收公众存款罪', '金融诈骗罪')).toBe(false);
    expect(formatCausePath('非法吸收公众存款')).toBe('刑事 › 破坏社会主义市场经济秩序罪 › 破坏金融管理秩序罪 › 非法吸收公众存款罪');
    expect(formatCausePath('帮信')).toBeUndefined();
  });

  it('nests a charge whose name equals its section under that section', () => {
    expect(findCause('走私、贩卖、运输、制造毒品罪')).toMatchObject({ kind: 'charge', parent: 'XC.6.7' });
    expect(isCauseWithin('非法持有毒品罪', '走私、贩卖、运输、制造毒品罪')).toBe(true);
  });

  it('cites the 1998 NPCSC decision for 骗购外汇罪', () => {
    expect(findCharge('骗购外汇')).toMatchObject({ code: 'X.FX1.1', chapter: 3, section: 4 });
    expect(findCharge('骗购外汇')?.articles[0]).toContain('关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定');
  });
});

describe('hierarchy', () => {
  const anyNode = fc.constantFrom(...CAUSE_NODES);

  it('gives every node a unique code and an existing parent', () => {
    expect(byCode.size).toBe(CAUSE_NODES.length);
    for (const node of CAUSE_NODES) if (node.parent !== null) expect(byCode.has(node.parent), node.code).toBe(true);
  });

  it('chains every node up to a top-level node', () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        const path = causePath(node.code) ?? [];
        expect(path.at(-1)).toBe(node);
        expect(path[0]?.parent).toBeNull();
        path.forEach((step, i) => {
          if (i > 0) expect(step.parent).toBe(path[i - 1]?.code);
          expect(step.level).toBe(i + 1);
        });
      }),
    );
  });

  it('is reflexive for codes and names', () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        expect(isCauseWithin(node.code, node.code)).toBe(true);
        expect(isCauseWithin(node.name, node.name)).toBe(true);
      }),
    );
  });

  it('is transitive along any chain and across arbitrary triples', () => {
    fc.assert(
      fc.property(anyNode, fc.nat(), fc.nat(), (node, i, j) => {
        const path = causePath(node.code) ?? [];
        const b = path[i % path.length] as CauseNode;
        const bPath = causePath(b.code) ?? [];
        const c = bPath[j % bPath.length] as CauseNode;
        expect(isCauseWithin(node.code, b.code)).toBe(true);
        expect(isCauseWithin(b.code, c.code)).toBe(true);
        expect(isCauseWithin(node.code, c.code)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyNode, anyNode, anyNode, (a, b, c) => {
        if (isCauseWithin(a.code, b.code) && isCauseWithin(b.code, c.code)) expect(isCauseWithin(a.code, c.code)).toBe(true);
      }),
    );
  });

  it('is antisymmetric on codes', () => {
    fc.assert(
      fc.property(anyNode, anyNode, (a, b) => {
        if (isCauseWithin(a.code, b.code) && isCauseWithin(b.code, a.code)) expect(a).toBe(b);
      }),
    );
  });

  it('lists as children exactly the nodes naming it as parent', () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        expect(listCauseChildren(node.code)).toEqual(CAUSE_NODES.filter((other) => other.parent === node.code));
      }),
    );
  });

  it('never lets one spelling stand for unrelated nodes', () => {
    // Namesakes must lie on one ancestor chain and in one system, or findCause would be ambiguous.
    const byKey = new Map<string, CauseNode[]>();
    for (const node of CAUSE_NODES) {
      for (const key of causeNameKeys(node.name, node.system === 'civil' ? '纠纷' : '罪')) byKey.set(key, [...(byKey.get(key) ?? []), node]);
    }
    for (const [key, nodes] of byKey) {
      const target = findCause(key) as CauseNode;
      for (const node of nodes) expect(isCauseWithin(target.code, node.code), key).toBe(true);
      expect(new Set(nodes.map((node) => node.system)).size, key).toBe(1);
    }
  });

  it('finds every node by its own name and by its normalized name', () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        expect(isCauseWithin(findCause(node.name)?.code ?? '', node.code)).toBe(true);
        expect(findCause(normalizeCauseName(node.name))).toBe(findCause(node.name));
      }),
    );
  });

  it('fits the screening engine’s 案由 hook', () => {
    const hook: NonNullable<CompileOptions['isCauseWithin']> = isCauseWithin;
    expect(hook('民间借贷纠纷', '合同纠纷')).toBe(true);
  });
});
