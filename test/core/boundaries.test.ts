import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/service.js';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('the core', () => {
  it('imports no HTTP, storage, index or model library, and no adapter', () => {
    const forbidden = /from '(fastify|fastify-.*|@fastify\/.*|better-sqlite3|hnswlib-node|@xenova\/transformers|\.\.\/(adapters|http|cli)\/.*|\.\.\/engine\.js)'/;
    const offenders = files(join(ROOT, 'src', 'core')).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
