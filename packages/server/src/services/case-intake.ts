import { hash as digest } from 'node:crypto';
import { newId } from '../ids.js';
import { CaseInput, caseFieldHeader, inferPartyKind, validateCaseDraft, type CaseDraft, type RowProblemView, type ScreeningFinding } from '@courtrisk/core';
import type { Insertable } from 'kysely';
import type { CasePartyTable, CourtCaseTable } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import { applyFindings, toScreeningInput, type ScreenCase } from '../screening/case-screening.js';

/** One incoming row: its number in the file (or index in the request) and the case, or the problems already found. */
export type IntakeItem = { row: number; input: unknown } | { row: number; problems: { column: string; message: string }[]; caseNumber?: string };

/** What validation and screening need: no database, so it can run in a worker thread. */
export interface PrepareContext {
  courtCode: string;
  today: string;
  screen: ScreenCase;
  /** Flat files report columns by their Chinese header; the JSON API by field path. */
  columnNames: 'header' | 'field';
}

export interface StoreContext {
  court: { id: string; code: string };
  /** The import job, for telling a repeated row in the same file from a re-import. */
  jobId: string | null;
  nowIso: string;
  /** 承办法官 name → account id, 承办部门 name → department id, within the court. */
  judgeIds: ReadonlyMap<string, string>;
  departmentIds: ReadonlyMap<string, string>;
  columnNames: 'header' | 'field';
}

export type IntakeContext = Omit<PrepareContext, 'courtCode'> & StoreContext;

export interface PreparedCase {
  row: number;
  draft: CaseDraft;
  hash: string;
  findings: ScreeningFinding[];
}

/** A validated, screened batch: structured-clone safe, so a worker can hand it to the writer. */
export interface PreparedBatch {
  cases: PreparedCase[];
  errors: RowProblemView[];
}

export interface IntakeResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowProblemView[];
  warningsRaised: number;
}

/**
 * A stable fingerprint of a case's content: re-importing an unchanged row writes nothing.
 * The one-shot `crypto.hash` gives the same digest as createHash().update().digest(), a third faster per row.
 */
function contentHash(draft: CaseDraft): string {
  return digest('sha256', JSON.stringify({ ...draft, amountFen: draft.amountFen?.toString() ?? null }), 'hex');
}

/** JSON text of a list column; most lists (flags, lawyers) are empty, and then no string is built per row. */
const jsonList = (items: readonly unknown[]) => (items.length === 0 ? '[]' : JSON.stringify(items));

function columnNamer(columnNames: 'header' | 'field') {
  return (field: string) => (columnNames === 'header' ? (caseFieldHeader[field.split('.')[0]!] ?? field) : field);
}

/**
 * The CPU half of intake: validates each row (schema, then the cross-field rules), drops a
 * case number repeated within the batch, fingerprints and screens the good rows. Bad rows come
 * back as problems naming their row and column, never as exceptions.
 */
export function prepareCases(items: readonly IntakeItem[], ctx: PrepareContext): PreparedBatch {
  const errors: RowProblemView[] = [];
  const column = columnNamer(ctx.columnNames);
  const cases: PreparedCase[] = [];
  const firstRowOf = new Map<string, number>();
  const caseNumberOf = (input: unknown) => (typeof (input as { caseNumber?: unknown })?.caseNumber === 'string' ? (input as { caseNumber: string }).caseNumber : null);

  for (const item of items) {
    if ('problems' in item) {
      for (const p of item.problems) errors.push({ row: item.row, column: p.column, message: p.message, caseNumber: item.caseNumber ?? null });
      continue;
    }
    const parsed = CaseInput.safeParse(item.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row: item.row, column: column(issue.path.join('.')), message: issue.message, caseNumber: caseNumberOf(item.input) });
      }
      continue;
    }
    const checked = validateCaseDraft(parsed.data, { courtCode: ctx.courtCode, today: ctx.today, inferPartyKind });
    if (!checked.ok) {
      for (const p of checked.problems) errors.push({ row: item.row, column: column(p.field), message: p.message, caseNumber: parsed.data.caseNumber });
      continue;
    }
    const first = firstRowOf.get(checked.draft.caseNumber);
    if (first !== undefined) {
      errors.push({ row: item.row, column: column('caseNumber'), message: `案号与第 ${first} 行重复，本行未导入`, caseNumber: checked.draft.caseNumber });
      continue;
    }
    firstRowOf.set(checked.draft.caseNumber, item.row);
    cases.push({ row: item.row, draft: checked.draft, hash: contentHash(checked.draft), findings: ctx.screen(toScreeningInput(checked.draft)) });
  }
  return { cases, errors };
}

/** A court's stored cases by 案号 (id, fingerprint, importing job): what an upsert compares with. */
export type StoredCases = ReadonlyMap<string, Awaited<ReturnType<Repositories['cases']['listExisting']>>[number]>;

export async function loadStoredCases(repos: Repositories, courtId: string, caseNumbers: readonly string[]): Promise<StoredCases> {
  return new Map((await repos.cases.listExisting(courtId, caseNumbers)).map((e) => [e.caseNumber, e]));
}

/**
 * The database half, inside the caller's transaction: upserts keyed by court + 案号 — new cases
 * inserted, changed ones updated (parties replaced), unchanged ones skipped — then writes the
 * warnings of the new and changed ones. `known` may come from one look-up for several calls in
 * the same transaction (an import batch stored in parts), as long as no 案号 repeats among them.
 */
export async function storeCases(repos: Repositories, batch: PreparedBatch, ctx: StoreContext, known?: StoredCases): Promise<IntakeResult> {
  const errors = [...batch.errors];
  const column = columnNamer(ctx.columnNames);
  const existing = known ?? (await loadStoredCases(repos, ctx.court.id, batch.cases.map((c) => c.draft.caseNumber)));
  const inserts: Insertable<CourtCaseTable>[] = [];
  const partyRows: Insertable<CasePartyTable>[] = [];
  const touched: { caseId: string; prepared: PreparedCase; isNew: boolean }[] = [];
  let unchanged = 0;
  let updated = 0;

  for (const prepared of batch.cases) {
    const { row, draft, hash } = prepared;
    const stored = existing.get(draft.caseNumber);
    if (stored && ctx.jobId && stored.importJobId === ctx.jobId && stored.contentHash !== hash) {
      errors.push({ row, column: column('caseNumber'), message: '案号在本文件前面已出现，本行未导入', caseNumber: draft.caseNumber });
      continue;
    }
    if (stored && stored.contentHash === hash) {
      unchanged++;
      continue;
    }
    const values = {
      caseNumber: draft.caseNumber,
      year: draft.year,
      typeCode: draft.typeCode,
      caseType: draft.caseType,
      instance: draft.instance,
      procedure: draft.procedure,
      causes: jsonList(draft.causes),
      filedOn: draft.filedOn,
      closedOn: draft.closedOn,
      status: draft.status,
      judgeName: draft.judgeName,
      judgeAccountId: draft.judgeName ? (ctx.judgeIds.get(draft.judgeName) ?? null) : null,
      departmentName: draft.departmentName,
      departmentId: draft.departmentName ? (ctx.departmentIds.get(draft.departmentName) ?? null) : null,
      amountYuan: draft.amountYuan,
      amountFen: draft.amountFen === null ? null : draft.amountFen.toString(),
      facts: draft.facts,
      claims: draft.claims,
      lawyers: jsonList(draft.lawyers),
      partyCount: draft.parties.length,
      contentHash: hash,
      importJobId: ctx.jobId,
      updatedAt: ctx.nowIso,
    };
    const caseId = stored?.id ?? newId();
    if (stored) {
      await repos.cases.update(caseId, values);
      updated++;
    } else {
      inserts.push(Object.assign(values, { id: caseId, courtId: ctx.court.id, createdAt: ctx.nowIso, version: 1 }));
    }
    draft.parties.forEach((p, seq) =>
      partyRows.push({ id: newId(), courtId: ctx.court.id, caseId, seq, role: p.role, name: p.name, kind: p.kind, flags: jsonList(p.flags) }),
    );
    touched.push({ caseId, prepared, isNew: !stored });
  }

  await repos.cases.insertMany(inserts);
  await repos.cases.replaceParties(ctx.court.id, touched.filter((t) => !t.isNew).map((t) => t.caseId), partyRows);
  const newIds = new Set(touched.filter((t) => t.isNew).map((t) => t.caseId));
  const { raised } = await applyFindings(
    repos,
    touched.map(({ caseId, prepared }) => ({
      caseId,
      courtId: ctx.court.id,
      departmentId: prepared.draft.departmentName ? (ctx.departmentIds.get(prepared.draft.departmentName) ?? null) : null,
      judgeAccountId: prepared.draft.judgeName ? (ctx.judgeIds.get(prepared.draft.judgeName) ?? null) : null,
      findings: prepared.findings,
    })),
    ctx.nowIso,
    (caseId) => newIds.has(caseId),
  );
  return { created: inserts.length, updated, unchanged, errors, warningsRaised: raised };
}

/** Validates, screens and stores one batch in the caller's transaction (API batches, demo seed). */
export function intakeCases(repos: Repositories, items: readonly IntakeItem[], ctx: IntakeContext): Promise<IntakeResult> {
  return storeCases(repos, prepareCases(items, { ...ctx, courtCode: ctx.court.code }), ctx);
}

/**
 * 承办法官 and 承办部门 names → ids within one court, so imported cases land in the judge's
 * 仅本人 scope and the department's scope. Names shared by two accounts stay unmatched.
 */
export async function loadCourtDirectory(repos: Repositories, courtId: string) {
  const accounts = await repos.accounts.listAll({ courtIds: new Set([courtId]) }, {}, 100_000);
  const judgeIds = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const a of accounts) {
    if (judgeIds.has(a.displayName)) ambiguous.add(a.displayName);
    judgeIds.set(a.displayName, a.id);
  }
  for (const name of ambiguous) judgeIds.delete(name);
  const departments = await repos.departments.listByCourts([courtId]);
  return { judgeIds, departmentIds: new Map(departments.map((d) => [d.name, d.id])) };
}
