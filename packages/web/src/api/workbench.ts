import type { WorkbenchView } from '@courtrisk/core';
import { http } from './http';

/**
 * 工作台：我的任务、时限、新预警、逾期事项、风险分布与趋势；上级法院另有辖区概况与下级上报
 * (docs/risk-api.md "Notifications, settings, workbench"). The shape is core's `WorkbenchView`; a
 * section the account may not see is null, and the page shows only what it gets.
 */
export const getWorkbench = (courtId?: string) => http.get<WorkbenchView>('/workbench', { courtId });
