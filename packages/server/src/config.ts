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
  };
}

/** Describes every variable for the README and `courtrisk --help`. */
export const configDocs = Object.entries(EnvSchema.shape).map(([name, schema]) => ({
  name,
  description: schema.description ?? '',
}));
