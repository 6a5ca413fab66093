import { z } from 'zod';
import { RiskClockSettings } from '../risks/clocks.js';
import { RiskMatrix } from '../risks/scoring.js';
import { Version } from './common.js';

/**
 * A court's risk settings (PRODUCT.md §4 matrix, §5 clocks: "configurable per court"), validated by
 * the core schemas. `matrix.version` is numbered by the server: it goes up by one whenever the bands
 * change, and every new score copies it into its criteria snapshot.
 */
export const RiskSettingsInput = z.strictObject(
  { matrix: RiskMatrix, clocks: RiskClockSettings, version: Version },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `风险设置中有未知字段：${issue.keys.join('、')}` : '请填写风险设置') },
);
export type RiskSettingsInput = z.infer<typeof RiskSettingsInput>;

export const RiskSettingsView = z.object({
  courtId: z.string(),
  matrix: RiskMatrix,
  clocks: RiskClockSettings,
  /** True while the court has never saved its own settings (PRODUCT.md defaults apply). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type RiskSettingsView = z.infer<typeof RiskSettingsView>;
