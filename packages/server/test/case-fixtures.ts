import { CASE_COLUMNS, formatCsvField } from '@courtrisk/core';

/**
 * Synthetic cases written for tests (never real case text). `planted` ones carry the wording of a
 * risk the default rules look for, so screening has something to find.
 */
export interface SyntheticCase {
  caseNumber: string;
  filedOn: string;
  causes: string;
  parties: string;
  facts: string;
  amount: string;
  judgeName: string;
}

export const FUNDRAISING_FACTS =
  '被告某某投资公司自2021年起通过召开推介会、散发传单等方式向社会公众宣传理财产品，承诺年化收益15%并按月返利、到期还本付息，' +
  '共向不特定对象吸收资金人民币三千余万元，后资金链断裂无法兑付。';

export function syntheticCase(courtCode: string, serial: number, planted = false): SyntheticCase {
  return {
    caseNumber: `(2025)${courtCode}民初${serial}号`,
    filedOn: '2025-03-01',
    causes: planted ? '民间借贷纠纷' : '买卖合同纠纷',
    parties: planted ? `原告：投资人${serial}；被告：某某投资有限公司` : `原告：张${serial}；被告：李${serial}`,
    facts: planted ? FUNDRAISING_FACTS : `原告向被告出售货物一批，被告尚欠货款${serial}元未付。`,
    amount: planted ? '30000000' : String(1000 + serial),
    judgeName: '承办法官',
  };
}

const HEADER = CASE_COLUMNS.map((c) => c.header);

export function caseCsv(rows: (Partial<Record<(typeof CASE_COLUMNS)[number]['field'], string>>)[]): string {
  const lines = [HEADER.join(',')];
  for (const row of rows) lines.push(CASE_COLUMNS.map((c) => formatCsvField(row[c.field] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}
