import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** A value import at the top of a module, loaded by every call; only the env-variable docs for --help may come from the server. */
const EAGER_SERVER_IMPORT = /^import (?!type )[^;]*from '@courtrisk\/server(?!\/config')/m;

describe('courtrisk start-up', () => {
  it('loads the server only inside the action of the command that runs', () => {
    const eager = fs
      .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && EAGER_SERVER_IMPORT.test(fs.readFileSync(path.join(SRC, file), 'utf8')));
    expect(eager).toEqual([]);
  });
});
