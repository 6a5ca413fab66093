import { levelForScore, RISK_LEVELS, type RiskLevel, type RiskMatrix } from '@courtrisk/core';

type Bands = RiskMatrix['bands'];

/** One cell of the 5×5 preview. */
export interface MatrixCell {
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
}

const FACTORS = [1, 2, 3, 4, 5];

/**
 * The 5×5 likelihood × impact grid under `bands`, highest impact first (the top row is the most
 * severe, as the matrix is usually drawn), likelihood rising left to right.
 */
export function matrixGrid(bands: Bands): MatrixCell[][] {
  return [...FACTORS].reverse().map((impact) =>
    FACTORS.map((likelihood) => {
      const score = likelihood * impact;
      return { likelihood, impact, score, level: levelForScore(score, bands) };
    }),
  );
}

/** Each level's score range under `bands` (`from`–`to` inclusive), 红 first (up to 25). */
export function bandRanges(bands: Bands): { level: RiskLevel; from: number; to: number }[] {
  const from: Record<RiskLevel, number> = { red: bands.red, orange: bands.orange, yellow: bands.yellow, blue: 1 };
  return RISK_LEVELS.map((level, index) => ({
    level,
    from: from[level],
    to: index === 0 ? 25 : from[RISK_LEVELS[index - 1]!] - 1,
  }));
}
