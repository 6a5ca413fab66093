import type {
  CaseFourCategoryView,
  FourCategoryConfirmInput,
  FourCategoryList,
  FourCategoryListQuery,
  FourCategoryRejectInput,
  FourCategoryRevokeInput,
  SupervisionInput,
} from '@courtrisk/core';
import { apiUrl, http } from './http';

/** 四类案件列表，及按法院、部门、类别的统计。 */
export const listFourCategoryCases = (query: Partial<FourCategoryListQuery>) => http.get<FourCategoryList>('/four-categories', query);

/** 四类案件列表导出地址（XLSX，与列表同样的筛选）。 */
export const fourCategoriesExportUrl = (query: Partial<FourCategoryListQuery>) => apiUrl('/four-categories/export.xlsx', query);

/** 案件的四类案件标注、系统建议与监督记录。 */
export const getCaseFourCategories = (caseId: string) => http.get<CaseFourCategoryView>(`/cases/${caseId}/four-categories`);

/** 标注四类案件（确认系统建议或人工标注）。 */
export const confirmFourCategory = (caseId: string, input: FourCategoryConfirmInput) => http.post<CaseFourCategoryView>(`/cases/${caseId}/four-categories`, input);

/** 驳回系统建议（记录理由）。 */
export const rejectFourCategory = (caseId: string, input: FourCategoryRejectInput) => http.post<CaseFourCategoryView>(`/cases/${caseId}/four-categories/reject`, input);

/** 撤销四类案件标注（保留记录与理由）。 */
export const revokeFourCategory = (labelId: string, input: FourCategoryRevokeInput) => http.post<CaseFourCategoryView>(`/four-categories/labels/${labelId}/revoke`, input);

/** 登记院庭长监督记录。 */
export const addSupervision = (caseId: string, input: SupervisionInput) => http.post<CaseFourCategoryView>(`/cases/${caseId}/supervisions`, input);
