import { addDays, compareLocalDates, daysBetween, type LocalDate } from '../deadlines/local-date.js';
import type { PetitionFacts, PetitionFlagKind } from './flags.js';
import type { PetitionChannel, PetitionOutcome } from './vocabulary.js';

/** One petition as a person's history sees it: its facts, the flags it raised, its outcome. */
export interface PetitionHistoryEntry {
  readonly facts: PetitionFacts;
  readonly flags: readonly PetitionFlagKind[];
  readonly outcome: PetitionOutcome;
}

export interface PetitionerHistory {
  readonly total: number;
  readonly firstOn: LocalDate | null;
  readonly lastOn: LocalDate | null;
  readonly byChannel: Partial<Record<PetitionChannel, number>>;
  /** Petitions on which each flag fired. */
  readonly byFlag: Partial<Record<PetitionFlagKind, number>>;
  /** Outcome of the latest petition (息诉罢访 / 继续信访 / …). */
  readonly lastOutcome: PetitionOutcome | null;
  readonly caseIds: readonly string[];
}

/** The person-centred summary shown beside the flags (issue 6: "plus the people's history"). */
export function summarizePetitionerHistory(petitionerId: string, entries: readonly PetitionHistoryEntry[]): PetitionerHistory {
  const own = entries
    .filter((entry) => entry.facts.petitioners.some((person) => person.id === petitionerId))
    .sort((a, b) => compareLocalDates(a.facts.receivedOn, b.facts.receivedOn));
  const byChannel: Partial<Record<PetitionChannel, number>> = {};
  const byFlag: Partial<Record<PetitionFlagKind, number>> = {};
  for (const entry of own) {
    byChannel[entry.facts.channel] = (byChannel[entry.facts.channel] ?? 0) + 1;
    for (const flag of new Set(entry.flags)) byFlag[flag] = (byFlag[flag] ?? 0) + 1;
  }
  return {
    total: own.length,
    firstOn: own[0]?.facts.receivedOn ?? null,
    lastOn: own.at(-1)?.facts.receivedOn ?? null,
    byChannel,
    byFlag,
    lastOutcome: own.at(-1)?.outcome ?? null,
    caseIds: [...new Set(own.flatMap((entry) => entry.facts.caseIds))],
  };
}

/**
 * Groups of petitioners who petitioned together (same group, issue 6): people on one petition are
 * linked, and links are transitive — A with B in March and B with C in May put A, B and C in one
 * group. Only groups of two or more are returned, each sorted, largest first.
 */
export function groupPetitioners(petitions: readonly Pick<PetitionFacts, 'petitioners'>[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = id; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const { petitioners } of petitions) {
    for (const person of petitioners) if (!parent.has(person.id)) parent.set(person.id, person.id);
    for (const person of petitioners.slice(1)) parent.set(find(person.id), find(petitioners[0]!.id));
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()]
    .filter((group) => group.length >= 2)
    .map((group) => group.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

export type ReviewStatus = { nextOn: LocalDate; daysLeft: number; status: 'scheduled' | 'due_soon' | 'overdue' };

/**
 * When the next periodic review is due: a 重点人员 is reviewed every `cadenceDays` after being listed
 * or last reviewed; a 稳控 plan carries its own review date (pass it as `nextOn` directly with
 * cadence 0). The review day itself is still on time.
 */
export function reviewStatus(lastOn: LocalDate, cadenceDays: number, today: LocalDate, dueSoonDays = 7): ReviewStatus {
  const nextOn = addDays(lastOn, cadenceDays);
  const daysLeft = daysBetween(today, nextOn);
  return { nextOn, daysLeft, status: daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due_soon' : 'scheduled' };
}
