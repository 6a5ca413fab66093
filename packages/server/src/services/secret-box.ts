import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Seals secrets the server must read back (webhook signing keys) with SM4-CBC and authenticates them
 * with HMAC-SM3 (encrypt-then-MAC; 国密 algorithms, as PRODUCT.md §7 asks for data at rest). Both
 * keys are derived from one 256-bit master key by HKDF-SM3.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** `masterKey` is read on first use, so a server that never seals anything creates no key file. */
export function createSecretBox(masterKey: () => Buffer): SecretBox {
  let keys: { encKey: Buffer; macKey: Buffer } | undefined;
  const derive = () => {
    if (!keys) {
      const derived = Buffer.from(hkdfSync('sm3', masterKey(), Buffer.alloc(0), 'courtrisk secret-box v1', 48));
      keys = { encKey: derived.subarray(0, 16), macKey: derived.subarray(16) };
    }
    return keys;
  };
  const mac = (iv: Buffer, body: Buffer) => createHmac('sm3', derive().macKey).update(iv).update(body).digest();
  return {
    seal(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', derive().encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), body.toString('base64'), mac(iv, body).toString('base64')].join('.');
    },
    open(sealed) {
      const [tag, ivText, bodyText, macText] = sealed.split('.');
      if (tag !== 'v1' || !ivText || !bodyText || !macText) throw new Error('密文格式不正确');
      const iv = Buffer.from(ivText, 'base64');
      const body = Buffer.from(bodyText, 'base64');
      const expected = mac(iv, body);
      const given = Buffer.from(macText, 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('密文校验失败：主密钥不符或数据被篡改');
      const decipher = createDecipheriv('sm4-cbc', derive().encKey, iv);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The master key: `SECRET_KEY` when set (required for several instances, which must share it);
 * otherwise `secret.key` in the data directory, created once with owner-only permissions.
 */
export function loadMasterKey(config: { secretKey: string | undefined; dataDir: string }): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex');
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it between the check and the write: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}
