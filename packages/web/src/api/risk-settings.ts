import type { RiskSettingsInput, RiskSettingsView } from '@courtrisk/core';
import { http } from './http';

/** 本院风险矩阵与处置时限设置。 */
export const getRiskSettings = (courtId: string) => http.get<RiskSettingsView>(`/courts/${courtId}/risk-settings`);

/** 保存风险矩阵与处置时限（须带版本号）。 */
export const saveRiskSettings = (courtId: string, input: RiskSettingsInput) => http.put<RiskSettingsView>(`/courts/${courtId}/risk-settings`, input);
