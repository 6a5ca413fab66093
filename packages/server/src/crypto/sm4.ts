import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { validateIdNumber } from '@courtrisk/core';

/**
 * Field encryption at rest for sensitive personal data (PRODUCT.md §7: ID numbers, counselling
 * notes; 等保2.0 三级 calls for 商用密码): SM4 (GB/T 32907-2016) in CTR mode with a random 128-bit
 * counter block per value, then HMAC-SM3 (GB/T 32905-2016) over everything (encrypt-then-MAC),
 * because this Node build offers SM4 only without an AEAD mode (no GCM/CCM).
 *
 * Stored form (text, fits any TEXT column):
 *
 *     sm4v1.<base64url( keyId[4] ‖ iv[16] ‖ ciphertext[n] ‖ tag[32] )>
 *
 * - `sm4v1` names the format: a later format gets a new prefix and both can be read side by side.
 * - `keyId` = first 4 bytes of HMAC-SM3(master key, "courtrisk/key-id"), so a wrong or retired key is
 *   told apart from tampering, and a key ring can pick the right key during rotation.
 * - `tag` = HMAC-SM3(macKey, "sm4v1" ‖ keyId ‖ iv ‖ ciphertext ‖ len(context) ‖ context): the
 *   optional `context` (e.g. `petitioner.id_number:<row id>`) binds a value to its place, so a
 *   ciphertext copied into another row or column fails to decrypt.
 *
 * One 16-byte master key (configuration, hex) is never used directly: the encryption, MAC and
 * blind-index keys are derived from it with HMAC-SM3 and distinct labels (key separation).
 */

const FORMAT = 'sm4v1';
const KEY_ID_BYTES = 4;
const IV_BYTES = 16;
const TAG_BYTES = 32;

export type FieldDecryptionFailure = 'format' | 'unknown_key' | 'tampered';

/** A stored value that cannot be decrypted; `reason` says why, the message is for logs and staff. */
export class FieldDecryptionError extends Error {
  constructor(readonly reason: FieldDecryptionFailure) {
    super(
      reason === 'format'
        ? '加密字段格式不正确（不是 sm4v1 密文）'
        : reason === 'unknown_key'
          ? '加密字段使用的密钥不是当前配置的密钥（FIELD_ENCRYPTION_KEY 是否更换过？）'
          : '加密字段校验失败：密文被篡改，或被复制到了其他记录',
    );
    this.name = 'FieldDecryptionError';
  }
}

interface DerivedKeys {
  readonly keyId: Buffer;
  readonly encryption: Buffer;
  readonly mac: Buffer;
  readonly blindIndex: Buffer;
}

function hmacSm3(key: Buffer, ...parts: Buffer[]): Buffer {
  const mac = createHmac('sm3', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Parses a 32-hex-digit key; throws with a Chinese message naming the setting. */
export function parseFieldKey(hex: string, setting = 'FIELD_ENCRYPTION_KEY'): Buffer {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`${setting} 应为 32 位十六进制字符（16 字节 SM4 密钥）`);
  const key = Buffer.from(hex, 'hex');
  if (key.every((byte) => byte === key[0])) throw new Error(`${setting} 不能由同一字节重复组成`);
  return key;
}

function deriveKeys(master: Buffer): DerivedKeys {
  const derive = (label: string) => hmacSm3(master, Buffer.from(label, 'utf8'));
  return {
    keyId: derive('courtrisk/key-id').subarray(0, KEY_ID_BYTES),
    encryption: derive('courtrisk/sm4-ctr/v1').subarray(0, 16),
    mac: derive('courtrisk/hmac-sm3/v1'),
    blindIndex: derive('courtrisk/blind-index/v1'),
  };
}

function tagOf(keys: DerivedKeys, iv: Buffer, ciphertext: Buffer, context: string): Buffer {
  const contextBytes = Buffer.from(context, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(contextBytes.length);
  return hmacSm3(keys.mac, Buffer.from(FORMAT, 'ascii'), keys.keyId, iv, ciphertext, length, contextBytes);
}

export interface FieldCipherOptions {
  /** The current master key, 16 bytes (from `config.fieldEncryption.key`). */
  readonly key: Buffer;
  /** Earlier keys, still accepted for decryption while stored values are re-encrypted. */
  readonly retiredKeys?: readonly Buffer[];
}

export interface FieldCipher {
  /** Encrypts `plaintext`; a fresh random IV every time, so equal values never look equal. */
  encrypt(plaintext: string, context?: string): string;
  /** Decrypts a value written by `encrypt` with the same `context`; throws {@link FieldDecryptionError}. */
  decrypt(stored: string, context?: string): string;
  /** True when `stored` was written with a retired key and should be re-encrypted. */
  needsReencryption(stored: string): boolean;
  /**
   * Deterministic keyed digest (HMAC-SM3, hex) for exact-match lookups without decrypting: store it
   * beside the ciphertext and index it. `purpose` separates indexes (an ID number and a phone number
   * with the same digits get different digests). Only the current key's index is produced; rotating
   * the key means recomputing the column.
   */
  blindIndex(purpose: string, normalizedValue: string): string;
}

export function createFieldCipher(options: FieldCipherOptions): FieldCipher {
  const current = deriveKeys(options.key);
  const ring = [current, ...(options.retiredKeys ?? []).map(deriveKeys)];

  const unpack = (stored: string) => {
    const [format, body, ...rest] = stored.split('.');
    if (format !== FORMAT || body === undefined || rest.length > 0 || !/^[A-Za-z0-9_-]*$/.test(body)) throw new FieldDecryptionError('format');
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < KEY_ID_BYTES + IV_BYTES + TAG_BYTES) throw new FieldDecryptionError('format');
    const keyId = bytes.subarray(0, KEY_ID_BYTES);
    return {
      keys: ring.find((keys) => keys.keyId.equals(keyId)),
      iv: bytes.subarray(KEY_ID_BYTES, KEY_ID_BYTES + IV_BYTES),
      ciphertext: bytes.subarray(KEY_ID_BYTES + IV_BYTES, bytes.length - TAG_BYTES),
      tag: bytes.subarray(bytes.length - TAG_BYTES),
    };
  };

  return {
    encrypt(plaintext, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-ctr', current.encryption, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = tagOf(current, iv, ciphertext, context);
      return `${FORMAT}.${Buffer.concat([current.keyId, iv, ciphertext, tag]).toString('base64url')}`;
    },
    decrypt(stored, context = '') {
      const { keys, iv, ciphertext, tag } = unpack(stored);
      if (!keys) throw new FieldDecryptionError('unknown_key');
      if (!timingSafeEqual(tagOf(keys, iv, ciphertext, context), tag)) throw new FieldDecryptionError('tampered');
      const decipher = createDecipheriv('sm4-ctr', keys.encryption, iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },
    needsReencryption(stored) {
      const { keys } = unpack(stored);
      if (!keys) throw new FieldDecryptionError('unknown_key');
      return keys !== current;
    },
    blindIndex(purpose, normalizedValue) {
      return hmacSm3(current.blindIndex, Buffer.from(`${purpose}\u0000${normalizedValue}`, 'utf8')).toString('hex');
    },
  };
}

/**
 * Blind index of an ID number: the 18-character normalised form (15-digit numbers converted, x → X),
 * so every spelling of one number finds the same person. Returns undefined for an invalid number
 * (which the contract rejects before this is reached).
 */
export function idNumberBlindIndex(cipher: Pick<FieldCipher, 'blindIndex'>, idNumber: string): string | undefined {
  const result = validateIdNumber(idNumber);
  return result.ok ? cipher.blindIndex('id_number', result.value.normalized) : undefined;
}

/**
 * The cipher options for the configured keys. Without FIELD_ENCRYPTION_KEY the field key is derived
 * from the platform master key (SECRET_KEY, or the data directory's secret.key — see
 * services/secret-box.ts) by HKDF-SM3 with its own label, so a demo or a single instance needs no
 * extra setting and no well-known development key is ever used. Changing keys later (including
 * from the derived key to FIELD_ENCRYPTION_KEY) means re-encrypting the stored values with both
 * keys in the ring, as for any rotation.
 */
export function fieldCipherOptions(config: { key: string | undefined; retiredKeys: readonly string[] }, masterKey: () => Buffer): FieldCipherOptions {
  const key = config.key !== undefined ? parseFieldKey(config.key) : Buffer.from(hkdfSync('sm3', masterKey(), Buffer.alloc(0), 'courtrisk field-encryption v1', 16));
  return { key, retiredKeys: config.retiredKeys.map((hex) => parseFieldKey(hex, 'FIELD_ENCRYPTION_RETIRED_KEYS')) };
}
