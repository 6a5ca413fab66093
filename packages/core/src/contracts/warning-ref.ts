import { z } from 'zod';
import { RISK_DOMAINS, RISK_LEVELS } from '../screening/rule-schema.js';

/**
 * A warning named outside its own list — on the 工作台 (新预警) and on a risk's page (关联预警) — from
 * any of the three warning tables: 案件 (`warning`), 信访 (`petition_warning`), 舆情 (`opinion_warning`).
 * Each source carries what its 预警列表 tab links to: the case, the petitioner (or only the petition,
 * when the warning names no one), the opinion item. Nothing confidential: no ID number, no petition text.
 */

export const WARNING_SOURCES = ['case', 'petition', 'opinion'] as const;
export type WarningSource = (typeof WARNING_SOURCES)[number];

const common = {
  id: z.string(),
  title: z.string(),
  level: z.enum(RISK_LEVELS),
  domain: z.enum(RISK_DOMAINS),
  courtId: z.string(),
  createdAt: z.string(),
};

export const CaseWarningRef = z.object({ source: z.literal('case'), ...common, caseId: z.string(), caseNumber: z.string() });
/** `petitionerId`/`petitionerName`: the person the warning is about (its own, else its petition's first), as on GET /petition-warnings. */
export const PetitionWarningRef = z.object({
  source: z.literal('petition'),
  ...common,
  petitionId: z.string().nullable(),
  petitionerId: z.string().nullable(),
  petitionerName: z.string().nullable(),
});
export const OpinionWarningRef = z.object({ source: z.literal('opinion'), ...common, itemId: z.string(), itemTitle: z.string() });

export const WarningRef = z.discriminatedUnion('source', [CaseWarningRef, PetitionWarningRef, OpinionWarningRef]);
export type WarningRef = z.infer<typeof WarningRef>;

/**
 * 关联预警 of a risk: the reference, the rule's subtype and what it found — the explanation of a
 * petition or opinion warning; null for a case warning, whose evidence is read on the case's page.
 */
const linked = { subtype: z.string(), summary: z.string().nullable() };
export const RiskLinkedWarning = z.discriminatedUnion('source', [CaseWarningRef.extend(linked), PetitionWarningRef.extend(linked), OpinionWarningRef.extend(linked)]);
export type RiskLinkedWarning = z.infer<typeof RiskLinkedWarning>;

/**
 * Newest first; equal instants in source order (案件, 信访, 舆情), then by id, so merged lists are stable
 * on both databases.
 */
export function compareWarningRefs(a: Pick<WarningRef, 'source' | 'createdAt' | 'id'>, b: Pick<WarningRef, 'source' | 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  const bySource = WARNING_SOURCES.indexOf(a.source) - WARNING_SOURCES.indexOf(b.source);
  if (bySource !== 0) return bySource;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
