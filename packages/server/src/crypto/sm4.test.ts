import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createFieldCipher, FieldDecryptionError, fieldCipherOptions, idNumberBlindIndex, parseFieldKey } from './sm4.js';

const KEY = parseFieldKey('00112233445566778899aabbccddeeff');
const OTHER_KEY = parseFieldKey('f0e1d2c3b4a5968778695a4b3c2d1e0f');
const cipher = createFieldCipher({ key: KEY });

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldDecryptionError) return error.reason;
    throw error;
  }
  return 'decrypted';
}

describe('SM4 itself', () => {
  it('is the GB/T 32907-2016 block cipher (Appendix A example 1)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const block = createCipheriv('sm4-ecb', key, null).setAutoPadding(false).update(key);
    expect(block.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('field cipher (SM4-CTR + HMAC-SM3, format sm4v1)', () => {
  it.each(['110105199001011232', '信访人称：如不解决就去北京上访。😀', ''])('round-trips %j', (plain) => {
    const stored = cipher.encrypt(plain, 'petitioner.id_number:1');
    expect(stored).toMatch(/^sm4v1\.[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(plain || '\u0000');
    expect(cipher.decrypt(stored, 'petitioner.id_number:1')).toBe(plain);
  });

  it('round-trips any text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 40 }), (plain, context) => cipher.decrypt(cipher.encrypt(plain, context), context) === plain));
  });

  it('uses a fresh random IV: the same value never encrypts the same way', () => {
    const values = new Set(Array.from({ length: 50 }, () => cipher.encrypt('110105199001011232')));
    expect(values.size).toBe(50);
  });

  it('detects a change of any byte (property)', () => {
    const stored = cipher.encrypt('110105199001011232', 'ctx');
    const bytes = Buffer.from(stored.slice('sm4v1.'.length), 'base64url');
    fc.assert(
      fc.property(fc.integer({ min: 4, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const tampered = Buffer.from(bytes);
        tampered[index]! ^= flip;
        return failure(() => cipher.decrypt(`sm4v1.${tampered.toString('base64url')}`, 'ctx')) === 'tampered';
      }),
    );
  });

  it('refuses a value moved to another record or column (context binding)', () => {
    const stored = cipher.encrypt('110105199001011232', 'petitioner.id_number:1');
    expect(failure(() => cipher.decrypt(stored, 'petitioner.id_number:2'))).toBe('tampered');
  });

  it('refuses a truncated or foreign value as a format error', () => {
    const stored = cipher.encrypt('abc');
    expect(failure(() => cipher.decrypt(stored.slice(0, 20)))).toBe('format');
    expect(failure(() => cipher.decrypt('v1.abc'))).toBe('format');
    expect(failure(() => cipher.decrypt(`${stored}.extra`))).toBe('format');
  });

  it('tells a wrong key apart from tampering, with a Chinese message', () => {
    const stored = createFieldCipher({ key: OTHER_KEY }).encrypt('110105199001011232');
    expect(failure(() => cipher.decrypt(stored))).toBe('unknown_key');
    expect(() => cipher.decrypt(stored)).toThrow('加密字段使用的密钥不是当前配置的密钥');
  });

  it('still reads values of a retired key during rotation, and says they need re-encryption', () => {
    const old = createFieldCipher({ key: OTHER_KEY }).encrypt('旧数据');
    const rotated = createFieldCipher({ key: KEY, retiredKeys: [OTHER_KEY] });
    expect(rotated.decrypt(old)).toBe('旧数据');
    expect(rotated.needsReencryption(old)).toBe(true);
    expect(rotated.needsReencryption(rotated.encrypt('新数据'))).toBe(false);
  });
});

describe('blind index (exact lookups without decrypting)', () => {
  it('is the same for every spelling of one ID number, and differs between numbers', () => {
    const index = idNumberBlindIndex(cipher, '11010519491231002X');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(idNumberBlindIndex(cipher, '11010519491231002x')).toBe(index);
    expect(idNumberBlindIndex(cipher, '110105491231002')).toBe(index);
    expect(idNumberBlindIndex(cipher, ' 1101 0519 4912 3100 2X ')).toBe(index);
    expect(idNumberBlindIndex(cipher, '110105199001011232')).not.toBe(index);
    expect(idNumberBlindIndex(cipher, '110105199001011233')).toBeUndefined();
  });

  it('depends on the key and the purpose, so an index leaks nothing across deployments or columns', () => {
    expect(idNumberBlindIndex(createFieldCipher({ key: OTHER_KEY }), '110105199001011232')).not.toBe(idNumberBlindIndex(cipher, '110105199001011232'));
    expect(cipher.blindIndex('phone', '110105199001011232')).not.toBe(cipher.blindIndex('id_number', '110105199001011232'));
  });
});

describe('keys from configuration', () => {
  it('reads FIELD_ENCRYPTION_KEY and retired keys', () => {
    const config = loadConfig({ FIELD_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff', FIELD_ENCRYPTION_RETIRED_KEYS: 'f0e1d2c3b4a5968778695a4b3c2d1e0f' });
    expect(config.fieldEncryption).toEqual({ key: '00112233445566778899aabbccddeeff', retiredKeys: ['f0e1d2c3b4a5968778695a4b3c2d1e0f'] });
    const options = fieldCipherOptions(config.fieldEncryption, () => {
      throw new Error('the master key is not needed when a field key is set');
    });
    expect(createFieldCipher(options).decrypt(cipher.encrypt('x'))).toBe('x');
  });

  it('rejects a malformed key with a message naming the variable', () => {
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'abc' })).toThrow('FIELD_ENCRYPTION_KEY: 应为 32 位十六进制字符（16 字节 SM4 密钥）');
    expect(() => parseFieldKey('00000000000000000000000000000000')).toThrow('FIELD_ENCRYPTION_KEY 不能由同一字节重复组成');
  });

  it('derives a stable field key from the master key when none is configured', () => {
    const master = randomBytes(32);
    const first = createFieldCipher(fieldCipherOptions({ key: undefined, retiredKeys: [] }, () => master));
    const second = createFieldCipher(fieldCipherOptions({ key: undefined, retiredKeys: [] }, () => master));
    expect(second.decrypt(first.encrypt('稳定'))).toBe('稳定');
    const otherMaster = createFieldCipher(fieldCipherOptions({ key: undefined, retiredKeys: [] }, () => randomBytes(32)));
    expect(failure(() => otherMaster.decrypt(first.encrypt('稳定')))).toBe('unknown_key');
  });
});
