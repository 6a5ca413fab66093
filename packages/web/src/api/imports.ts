import type { ImportJobView, RowProblemView } from '@courtrisk/core';
import { apiUrl, http } from './http';

/** 上传案件文件（CSV、XLSX、JSONL）并开始导入；不选法院时导入本院。 */
export const uploadCaseFile = (file: File, courtId?: string) =>
  http.upload<ImportJobView>('/imports/cases', file, { fileName: file.name, courtId });

/** 最近的导入任务（最多 50 个）。 */
export const listImportJobs = () => http.get<ImportJobView[]>('/imports');

/** 导入任务的进度与结果。 */
export const getImportJob = (id: string) => http.get<ImportJobView>(`/imports/${id}`);

/** 导入错误（前 500 条：行号、列、案号、问题）。 */
export const listImportErrors = (id: string) => http.get<RowProblemView[]>(`/imports/${id}/errors`);

/** 错误报告 XLSX 的下载地址。 */
export const importErrorReportUrl = (id: string) => apiUrl(`/imports/${id}/errors.xlsx`);

/** 案件导入模板 XLSX 的下载地址。 */
export const importTemplateUrl = () => apiUrl('/imports/template.xlsx');
