import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|vue)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function offenders(dir: string, pattern: RegExp) {
  return sourceFiles(dir)
    .filter((file) => pattern.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
}

/** The dependency arrows of STYLE.md §2: core ← server, core ← web, core ← cli; core is pure. */
describe('architecture', () => {
  it('keeps core free of IO, clock and environment', () => {
    expect(offenders('packages/core/src', /from ['"](node:|fs|path|os|child_process|http)/)).toEqual([]);
    expect(offenders('packages/core/src', /process\.(env|argv|exit)|Date\.now\(|new Date\(\)/)).toEqual([]);
  });
  it('keeps core independent of the other packages', () => {
    expect(offenders('packages/core/src', /from ['"]@courtrisk\/(server|web|cli)/)).toEqual([]);
  });
  it('keeps the web app off server code', () => {
    expect(offenders('packages/web/src', /from ['"]@courtrisk\/(server|cli)/)).toEqual([]);
  });
  it('makes the CLI go through services, never repositories or the database directly', () => {
    expect(offenders('packages/cli/src', /repositories|from ['"](kysely|better-sqlite3|pg)['"]/)).toEqual([]);
  });
  it('keeps database code out of routes', () => {
    expect(offenders('packages/server/src/routes', /repositories|from ['"]kysely['"]|selectFrom|insertInto/)).toEqual([]);
  });
  it('reads the environment only in config.ts', () => {
    const files = offenders('packages/server/src', /process\.env/);
    expect(files).toEqual(['packages/server/src/config.ts']);
  });
});
