import { z } from 'zod';
import { riskLevelLabel } from '../contracts/court-case.js';
import { DEFAULT_SCORE_BANDS, levelForScore } from '../screening/finding.js';
import { RISK_LEVELS, RiskLevel } from '../screening/rule-schema.js';

/**
 * Risk scoring (PRODUCT.md §4): score = likelihood (1–5) × impact (1–5), mapped to the four levels of
 * 突发事件应对法（2024年修订）第六十三条 — 一级红 > 二级橙 > 三级黄 > 四级蓝 — by a court's score bands.
 * The band lookup itself is `levelForScore` from screening, so a rule's finding and a risk scored by
 * hand can never disagree under the same bands.
 */

const factor = (what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .int({ error: `${what}必须是整数` })
    .min(1, { error: `${what}应在 1–5 之间` })
    .max(5, { error: `${what}应在 1–5 之间` });

/** 可能性 1–5 (PRODUCT.md §4). */
export const Likelihood = factor('可能性');
/** 影响程度 1–5 (PRODUCT.md §4). */
export const Impact = factor('影响程度');

/** Every value likelihood × impact can take: 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25. */
const ATTAINABLE_SCORES: readonly number[] = [...new Set([1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => l * i)))].sort((a, b) => a - b);

const bandEdge = (colour: string) =>
  z
    .number({ error: `${colour}起点分必须是数字` })
    .int({ error: `${colour}起点分必须是整数` })
    .min(1, { error: `${colour}起点分应在 1–25 之间` })
    .max(25, { error: `${colour}起点分应在 1–25 之间` });

/**
 * A court's scoring matrix (PRODUCT.md §4; editable by the court's admin). `bands` are the lowest
 * score of 红, 橙 and 黄; everything below 黄 is 蓝, which therefore always starts at 1.
 *
 * Validation: the edges must be strictly descending — 25 ≥ red > orange > yellow > 1 — so every level
 * keeps its 突发事件应对法 第六十三条 order and none is empty; and every band must contain at least one
 * score that likelihood × impact can produce (13 and 14 cannot be produced, so an orange band of
 * 13–14 would make 橙 unreachable and is refused). `version` is the matrix revision, copied into every
 * score's criteria snapshot.
 */
export const RiskMatrix = z
  .strictObject({
    version: z.number({ error: '矩阵版本必须是数字' }).int({ error: '矩阵版本必须是整数' }).min(1, { error: '矩阵版本至少为 1' }),
    bands: z.strictObject({ red: bandEdge('红色'), orange: bandEdge('橙色'), yellow: bandEdge('黄色') }),
  })
  .superRefine(({ bands }, ctx) => {
    const edges: readonly [RiskLevel, number][] = [
      ['red', bands.red],
      ['orange', bands.orange],
      ['yellow', bands.yellow],
      ['blue', 1],
    ];
    for (let index = 1; index < edges.length; index += 1) {
      const [higher, higherFrom] = edges[index - 1]!;
      const [lower, lowerFrom] = edges[index]!;
      const higherName = riskLevelLabel[higher];
      if (higherFrom <= lowerFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', higher],
          message: lower === 'blue' ? `${higherName}起点分须大于 1（1 分起为蓝色）` : `${higherName}起点分须大于${riskLevelLabel[lower]}起点分（${lowerFrom}）`,
        });
        return;
      }
    }
    edges.forEach(([level, from], index) => {
      const to = index === 0 ? 25 : edges[index - 1]![1] - 1;
      if (!ATTAINABLE_SCORES.some((score) => score >= from && score <= to)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', level === 'blue' ? 'yellow' : level],
          message: `${riskLevelLabel[level]}的分段 ${from}–${to} 中没有可能出现的得分（可能性×影响程度只能为 ${ATTAINABLE_SCORES.join('、')}）`,
        });
      }
    });
  });
export type RiskMatrix = z.infer<typeof RiskMatrix>;

/** PRODUCT.md §4 default: ≥20 红, 12–19 橙, 6–11 黄, 1–5 蓝; revision 1. */
export const DEFAULT_RISK_MATRIX: RiskMatrix = RiskMatrix.parse({ version: 1, bands: { ...DEFAULT_SCORE_BANDS } });

/**
 * The criteria a score was computed under, stored with the risk so that a later matrix change does
 * not silently rewrite old scores (PRODUCT.md §4).
 */
export const ScoringCriteria = z.object({
  matrixVersion: z.number().int().min(1),
  bands: z.object({ red: z.number().int(), orange: z.number().int(), yellow: z.number().int() }),
});
export type ScoringCriteria = z.infer<typeof ScoringCriteria>;

/** A risk's score: the two factors, their product, the level and the criteria snapshot. */
export const RiskScore = z.object({
  likelihood: Likelihood,
  impact: Impact,
  /** likelihood × impact, 1–25. */
  score: z.number().int().min(1).max(25),
  level: RiskLevel,
  criteria: ScoringCriteria,
});
export type RiskScore = z.infer<typeof RiskScore>;

/**
 * Scores a risk on `matrix` (PRODUCT.md §4): `likelihood × impact`, then the level whose band holds
 * the product (band edges are inclusive lower bounds, so with the defaults 20 is 红 and 19 is 橙).
 * The result carries a copy of the matrix's version and bands.
 *
 * Throws a RangeError for a factor that is not an integer 1–5 or a matrix that fails
 * {@link RiskMatrix}: callers validate both at the boundary, so either is a programming error.
 */
export function scoreRisk(likelihood: number, impact: number, matrix: RiskMatrix): RiskScore {
  if (!Likelihood.safeParse(likelihood).success || !Impact.safeParse(impact).success) {
    throw new RangeError(`likelihood and impact must be integers 1–5, got ${likelihood} × ${impact}`);
  }
  if (!RiskMatrix.safeParse(matrix).success) throw new RangeError(`Invalid risk matrix: ${JSON.stringify(matrix)}`);
  const score = likelihood * impact;
  const bands = { red: matrix.bands.red, orange: matrix.bands.orange, yellow: matrix.bands.yellow };
  return { likelihood, impact, score, level: levelForScore(score, bands), criteria: { matrixVersion: matrix.version, bands } };
}

/** Position in {@link RISK_LEVELS}: 0 for 红, the most severe (突发事件应对法 第六十三条: 一级为最高级别). */
const severityRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

/** True when `a` is strictly more severe than `b` (红 > 橙 > 黄 > 蓝); a level is not more severe than itself. */
export function isMoreSevere(a: RiskLevel, b: RiskLevel): boolean {
  return severityRank(a) < severityRank(b);
}

/** The most severe of the given levels (红 > 橙 > 黄 > 蓝). */
export function maxLevel(first: RiskLevel, ...rest: readonly RiskLevel[]): RiskLevel {
  return rest.reduce((most, level) => (isMoreSevere(level, most) ? level : most), first);
}
