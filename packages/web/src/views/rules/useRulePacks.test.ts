import type { RulePackView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { sortPacks } from './useRulePacks';

describe('sortPacks', () => {
  it('lists packs in the order of the five risk domains, packs without a domain last', () => {
    const pack = (name: string, domain: RulePackView['domain']) => ({ pack: name, domain }) as RulePackView;
    const sorted = sortPacks([
      pack('cyber', 'cyber'),
      pack('local_extra', null),
      pack('financial', 'financial'),
      pack('internal_management', 'internal_management'),
      pack('political_security', 'political_security'),
      pack('social_stability', 'social_stability'),
    ]);
    expect(sorted.map((p) => p.pack)).toEqual(['political_security', 'social_stability', 'financial', 'cyber', 'internal_management', 'local_extra']);
  });
});
