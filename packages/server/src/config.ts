import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP 端口'),
  HOST: z.string().default('127.0.0.1').describe('监听地址；对外服务时设为 0.0.0.0'),
  DATA_DIR: z.string().default('./data').describe('数据目录：SQLite 数据库与上传文件'),
  DATABASE_URL: z.string().optional().describe('设置后使用 PostgreSQL，例如 postgres://user:pass@127.0.0.1:5432/courtrisk'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30).describe('会话空闲超时（分钟）'),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12).describe('会话绝对有效期（小时）'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5).describe('连续登录失败多少次后锁定'),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15).describe('锁定时长（分钟）'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600).describe('每个 IP 每分钟的请求上限'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30).describe('每个 IP 每分钟的登录请求上限'),
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('会话 Cookie 是否带 Secure：auto 表示请求经 HTTPS（含反向代理 X-Forwarded-Proto）时带上'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').describe('位于反向代理之后时设为 true，以读取真实客户端 IP'),
  WEB_DIST: z.string().optional().describe('前端构建目录，默认 packages/web/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn').describe('日志级别；info 记录每个请求'),
  RISK_SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60).describe('风险时限巡检与推送发送间隔（秒）；0 表示本实例不巡检'),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '应为 64 位十六进制字符')
    .optional()
    .describe('加密推送签名密钥等机密的主密钥（64 位十六进制）；未设置时在数据目录生成 secret.key，多实例部署须在每个实例设置同一值'),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10).describe('推送请求超时（秒）'),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, '应为 32 位十六进制字符（16 字节 SM4 密钥）')
    .optional()
    .describe('身份证号、心理疏导记录等敏感字段的 SM4 加密密钥（32 位十六进制）；未设置时由 SECRET_KEY（或 secret.key）派生。设置后不可随意更换：更换时把旧密钥列入 FIELD_ENCRYPTION_RETIRED_KEYS'),
  FIELD_ENCRYPTION_RETIRED_KEYS: z
    .string()
    .regex(/^[0-9a-fA-F]{32}(,[0-9a-fA-F]{32})*$/, '应为逗号分隔的 32 位十六进制密钥')
    .optional()
    .describe('已停用的字段加密密钥（逗号分隔），仅用于解密旧数据，直到全部重新加密'),
});

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  db: DatabaseConfig;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number };
  rateLimit: { perMinute: number; loginPerMinute: number };
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  webDist: string;
  logLevel: string;
  /** argon2id cost; lowered only by tests. */
  argon2: { memoryCost: number; timeCost: number };
  /** Risk clock scheduler tick (also sends due webhooks); 0 disables it on this instance. */
  scheduler: { intervalSeconds: number };
  /** Master key (hex) for secrets at rest; undefined → a key file in dataDir. */
  secretKey: string | undefined;
  webhook: { timeoutMs: number };
  /** SM4 field-encryption keys (hex); key undefined → derived from the master key (crypto/sm4.ts). */
  fieldEncryption: { key: string | undefined; retiredKeys: string[] };
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Parses the environment once (Infisical style); services receive values, never read process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    db: e.DATABASE_URL
      ? { dialect: 'postgres', url: e.DATABASE_URL }
      : { dialect: 'sqlite', file: path.join(dataDir, 'courtrisk.db') },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : path.join(repoRoot, 'packages/web/dist'),
    logLevel: e.LOG_LEVEL,
    argon2: { memoryCost: 19456, timeCost: 2 },
    scheduler: { intervalSeconds: e.RISK_SCHEDULER_INTERVAL_SECONDS },
    secretKey: e.SECRET_KEY,
    webhook: { timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000 },
    fieldEncryption: { key: e.FIELD_ENCRYPTION_KEY, retiredKeys: e.FIELD_ENCRYPTION_RETIRED_KEYS?.split(',') ?? [] },
  };
}

/** Describes every variable for the README and `courtrisk --help`. */
export const configDocs = Object.entries(EnvSchema.shape).map(([name, schema]) => ({
  name,
  description: schema.description ?? '',
}));
