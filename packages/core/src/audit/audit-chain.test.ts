import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAuditPayload, findChainBreak, GENESIS_HASH, type ChainedAuditRecord } from './audit-chain.js';

// Tests use SM3 from node:crypto as the server does (GB/T 32905-2016); core itself takes any hash.
const sm3 = (payload: string) => createHash('sm3').update(payload).digest('hex');

function buildChain(summaries: string[]): ChainedAuditRecord[] {
  let prev = GENESIS_HASH;
  return summaries.map((summary, i) => {
    const record = {
      courtId: 'c1',
      seq: i + 1,
      at: `2026-01-01T00:00:0${i % 10}Z`,
      actorId: 'u1',
      actorName: 'zhang',
      action: 'account.update',
      targetType: 'account',
      targetId: 't1',
      ip: '127.0.0.1',
      summary,
    };
    const hash = sm3(canonicalAuditPayload(record, prev));
    const entry = { ...record, id: `id${i + 1}`, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

describe('findChainBreak', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(findChainBreak(buildChain(['a', 'b', 'c']), sm3)).toBeNull();
    expect(findChainBreak([], sm3)).toBeNull();
  });

  it('names an edited entry', () => {
    const chain = buildChain(['a', 'b', 'c']);
    chain[1] = { ...chain[1]!, summary: 'B' };
    expect(findChainBreak(chain, sm3)).toMatchObject({ seq: 2, id: 'id2' });
  });

  it('names the missing seq of a deleted entry', () => {
    const chain = buildChain(['a', 'b', 'c']);
    expect(findChainBreak([chain[0]!, chain[2]!], sm3)).toMatchObject({ seq: 2, id: null });
  });

  it('resumes from a checkpoint (paged verification)', () => {
    const chain = buildChain(['a', 'b', 'c', 'd']);
    expect(findChainBreak(chain.slice(2), sm3, { seq: 2, hash: chain[1]!.hash })).toBeNull();
  });

  it('detects any single-field change anywhere in the chain (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom('summary', 'actorName', 'action', 'at', 'ip', 'targetId'),
        fc.string({ minLength: 1, maxLength: 5 }),
        (summaries, pick, field, suffix) => {
          const chain = buildChain(summaries);
          const index = pick % chain.length;
          const victim = chain[index]!;
          chain[index] = { ...victim, [field]: `${String(victim[field as keyof ChainedAuditRecord])}${suffix}` };
          return findChainBreak(chain, sm3)?.seq === index + 1;
        },
      ),
    );
  });
});
