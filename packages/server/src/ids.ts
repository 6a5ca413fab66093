import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
// Random bytes are drawn 4 KiB at a time: one syscall per 512 ids instead of one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

const HEX = Buffer.from('0123456789abcdef', 'latin1');
/**
 * Each id is written here as ASCII and read out as one string: no Buffer, hex string and
 * substrings per id (an import makes three ids per case; they were a fifth of the garbage of
 * the thread that writes).
 */
const text = Buffer.alloc(36, '-');

function putHex(byte: number, at: number) {
  text[at] = HEX[byte >> 4]!;
  text[at + 1] = HEX[byte & 15]!;
}

/**
 * UUID version 7 (RFC 9562 §5.7): a millisecond timestamp followed by random bits, so new rows
 * land at the end of primary-key B-trees instead of at random places (measured: random v4 keys
 * made bulk imports several times slower in SQLite). A 12-bit counter keeps ids from one
 * millisecond in order.
 */
export function newId(now = Date.now()): string {
  if (now === lastMs) sequence = (sequence + 1) & 0xfff;
  else {
    lastMs = now;
    sequence = 0;
  }
  if (poolOffset + 8 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  // unix_ts_ms (48 bits) | ver 7, counter (16) | var 10, random (64): xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx
  const high = Math.floor(now / 0x10000);
  putHex((high >>> 24) & 0xff, 0);
  putHex((high >>> 16) & 0xff, 2);
  putHex((high >>> 8) & 0xff, 4);
  putHex(high & 0xff, 6);
  putHex((now >>> 8) & 0xff, 9);
  putHex(now & 0xff, 11);
  putHex(0x70 | (sequence >> 8), 14);
  putHex(sequence & 0xff, 16);
  putHex(0x80 | (pool[poolOffset]! & 0x3f), 19);
  putHex(pool[poolOffset + 1]!, 21);
  for (let i = 2; i < 8; i++) putHex(pool[poolOffset + i]!, 20 + 2 * i);
  poolOffset += 8;
  return text.toString('latin1');
}
