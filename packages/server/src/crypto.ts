import { createHash, randomBytes, randomInt } from 'node:crypto';

/** SM3 (GB/T 32905-2016) hex digest, for the audit chain. */
export function sm3Hex(payload: string): string {
  return createHash('sm3').update(payload, 'utf8').digest('hex');
}

export function sha256Hex(payload: string): string {
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

/** 256 bits of randomness, URL-safe: session and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?';

/**
 * A one-time initial password that satisfies the policy: 14 characters from all four classes,
 * without look-alike characters (0/O, 1/l/I) so it can be read out over the phone.
 */
export function generateInitialPassword(): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < 14) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
