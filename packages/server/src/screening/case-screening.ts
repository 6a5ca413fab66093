import { newId } from '../ids.js';
import {
  caseTypeLabel,
  procedureLabel,
  type CaseDraft,
  type CaseType,
  type PartyKind,
  type PartyRole,
  type Procedure,
  type Screener,
  type ScreeningFinding,
  type ScreeningInput,
} from '@courtrisk/core';
import type { Insertable } from 'kysely';
import type { CasePartyTable, CourtCaseTable, WarningTable } from '../db/schema.js';
import { groupBy } from '../group-by.js';
import type { Repositories } from '../repositories/index.js';

/** What screening reads from a stored or incoming case. */
export function toScreeningInput(draft: Pick<CaseDraft, 'caseNumber' | 'caseType' | 'procedure' | 'causes' | 'facts' | 'claims' | 'parties' | 'amountYuan' | 'filedOn'>): ScreeningInput {
  return {
    caseNumber: draft.caseNumber,
    caseType: caseTypeLabel[draft.caseType],
    procedure: procedureLabel[draft.procedure],
    causes: draft.causes,
    facts: draft.facts,
    claims: draft.claims,
    parties: draft.parties.map((p) => ({ name: p.name, role: p.role, kind: p.kind, flags: p.flags })),
    ...(draft.amountYuan ? { amount: draft.amountYuan } : {}),
    filedOn: draft.filedOn,
  };
}

/** A stored case (row and party rows) as screening reads it, mapped the same way as an incoming one. */
export function storedCaseInput(row: CourtCaseTable, parties: readonly CasePartyTable[]): ScreeningInput {
  return toScreeningInput({
    caseNumber: row.caseNumber,
    caseType: row.caseType as CaseType,
    procedure: row.procedure as Procedure,
    causes: JSON.parse(row.causes) as string[],
    facts: row.facts,
    claims: row.claims,
    parties: parties.map((p) => ({ name: p.name, role: p.role as PartyRole, kind: p.kind as PartyKind, flags: JSON.parse(p.flags) as string[] })),
    amountYuan: row.amountYuan,
    filedOn: row.filedOn,
  });
}

/** Warnings of these packs come from detectors other than the rule packs (the trial-limit monitor); screening never retires them. */
export const TRIAL_LIMIT_PACK = 'trial_limit';
const DETECTOR_PACKS: ReadonlySet<string> = new Set([TRIAL_LIMIT_PACK]);

export interface ScreenedCase {
  caseId: string;
  courtId: string;
  departmentId: string | null;
  judgeAccountId: string | null;
  findings: readonly ScreeningFinding[];
}

/**
 * Writes screening results as warnings, one per case + rule (re-screening updates, never
 * duplicates): a finding that fires again refreshes its evidence and rule version but keeps its
 * triage status; one that no longer fires is marked inactive (its history stays for the rule's
 * precision figure); a new one starts 待研判.
 */
export async function applyFindings(repos: Pick<Repositories, 'warnings'>, screened: readonly ScreenedCase[], nowIso: string, isNewCase: (caseId: string) => boolean) {
  let raised = 0;
  for (const [courtId, items] of groupBy(screened, (item) => item.courtId)) {
    const existingCases = items.filter((i) => !isNewCase(i.caseId)).map((i) => i.caseId);
    const existing = await repos.warnings.listForCases(courtId, existingCases);
    const existingByKey = new Map(existing.map((w) => [`${w.caseId}/${w.ruleId}`, w]));
    const inserts: Insertable<WarningTable>[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      for (const finding of item.findings) {
        const key = `${item.caseId}/${finding.ruleId}`;
        seen.add(key);
        const fields = {
          ruleVersion: finding.ruleVersion,
          pack: finding.pack,
          domain: finding.domain,
          subtype: finding.subtype,
          level: finding.level,
          score: finding.score ?? null,
          title: finding.title,
          evidence: JSON.stringify(finding.evidence),
          suggestedAction: finding.suggestedAction,
          source: JSON.stringify(finding.source),
          departmentId: item.departmentId,
          judgeAccountId: item.judgeAccountId,
        };
        const current = existingByKey.get(key);
        if (current) {
          if (current.evidence !== fields.evidence || current.ruleVersion !== fields.ruleVersion || current.level !== fields.level || current.active !== 1) {
            await repos.warnings.update(current.id, { ...fields, active: 1, updatedAt: nowIso });
          }
        } else {
          raised++;
          inserts.push({
            id: newId(),
            courtId,
            caseId: item.caseId,
            ruleId: finding.ruleId,
            ...fields,
            status: 'pending',
            active: 1,
            createdAt: nowIso,
            updatedAt: nowIso,
            version: 1,
          });
        }
      }
    }
    for (const stale of existing) {
      if (stale.active === 1 && !DETECTOR_PACKS.has(stale.pack) && !seen.has(`${stale.caseId}/${stale.ruleId}`)) {
        await repos.warnings.update(stale.id, { active: 0, updatedAt: nowIso });
      }
    }
    await repos.warnings.insertMany(inserts);
  }
  return { raised };
}

export type ScreenCase = (input: ScreeningInput) => ScreeningFinding[];
export type { Screener };
