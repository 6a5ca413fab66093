import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

// RFC 9562 §5.7 (UUID version 7): 48-bit Unix milliseconds, version 7, variant 10.
describe('newId', () => {
  it('is a version-7 UUID with the RFC variant', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('carries the timestamp in its first 48 bits', () => {
    expect(parseInt(newId(1_700_000_000_123).replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_123);
  });
});
