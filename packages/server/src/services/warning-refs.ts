import type { RiskDomain, RiskLevel, WarningRef } from '@courtrisk/core';
import type { PetitionWarningTable } from '../db/petition-schema.js';
import type { OpinionWarningTable, WarningTable } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';

/**
 * Warnings of the three sources as the 工作台 and a risk's 关联预警 name them (core `WarningRef`). The
 * rows come from queries already filtered by the reader's scope; these functions only shape them.
 */

/** Warnings kept outside the case-warning table: from petitions and from public opinion. */
export type SourceWarningKind = 'petition' | 'opinion';
export const SOURCE_WARNING_LABEL: Record<SourceWarningKind, string> = { petition: '信访预警', opinion: '舆情预警' };
/** Reading such a warning takes its source's permission besides warning.read (its 预警列表 tab). */
export const SOURCE_WARNING_READ_PERMISSION = { petition: 'petition.read', opinion: 'opinion.read' } as const;

type CaseWarningRow = WarningTable & { caseNumber: string };
type OpinionWarningRow = OpinionWarningTable & { itemTitle: string };

const common = (row: { id: string; title: string; level: string; domain: string; courtId: string; createdAt: string }) => ({
  id: row.id,
  title: row.title,
  level: row.level as RiskLevel,
  domain: row.domain as RiskDomain,
  courtId: row.courtId,
  createdAt: row.createdAt,
});

export const caseWarningRef = (row: CaseWarningRow): Extract<WarningRef, { source: 'case' }> => ({ source: 'case', ...common(row), caseId: row.caseId, caseNumber: row.caseNumber });

export const opinionWarningRef = (row: OpinionWarningRow): Extract<WarningRef, { source: 'opinion' }> => ({ source: 'opinion', ...common(row), itemId: row.itemId, itemTitle: row.itemTitle });

/** The person a petition warning is about: its own (重复访), else its petition's first petitioner. */
const subjectOf = (row: Pick<PetitionWarningTable, 'petitionerId' | 'petitionerIds'>) => row.petitionerId ?? (JSON.parse(row.petitionerIds) as string[])[0] ?? null;

/**
 * Each warning's person (id and name) among the people of `courtIds`, as GET /petition-warnings shows it;
 * a person outside those courts (or deleted) is left out rather than named.
 */
export async function petitionSubjects(repos: Pick<Repositories, 'petitions'>, courtIds: ReadonlySet<string>, rows: readonly Pick<PetitionWarningTable, 'id' | 'petitionerId' | 'petitionerIds'>[]) {
  const ids = [...new Set(rows.map(subjectOf).filter((id): id is string => id !== null))];
  const names = new Map((await repos.petitions.listPeopleNames(courtIds, ids)).map((p) => [p.id, p.name]));
  return new Map(
    rows.map((row) => {
      const petitionerId = subjectOf(row);
      const petitionerName = petitionerId ? (names.get(petitionerId) ?? null) : null;
      return [row.id, { petitionerId: petitionerName === null ? null : petitionerId, petitionerName }] as const;
    }),
  );
}

export async function petitionWarningRefs(repos: Pick<Repositories, 'petitions'>, courtIds: ReadonlySet<string>, rows: readonly PetitionWarningTable[]): Promise<Extract<WarningRef, { source: 'petition' }>[]> {
  const subjects = await petitionSubjects(repos, courtIds, rows);
  return rows.map((row) => ({ source: 'petition', ...common(row), petitionId: row.petitionId, ...subjects.get(row.id)! }));
}
