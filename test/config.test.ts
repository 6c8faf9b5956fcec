import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CONFIG_DOC, configurationTables, shownDefault, tablesInDoc } from '../src/cli/config-doc.js';
import { envSchema, importerEnvSchema, loadConfig } from '../src/config.js';

const ROOT = join(import.meta.dirname, '..');
const doc = readFileSync(CONFIG_DOC, 'utf8');

/** The rows of docs/configuration.md's tables: setting → the default column as written. */
const documented = new Map(
  [...doc.matchAll(/^\| `(KOHTAANTO_[A-Z0-9_]+)` \| (.*?) \| /gm)].map((m) => [m[1]!, m[2]!] as const),
);

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('docs/configuration.md, written from src/config.ts', () => {
  for (const [name, schema] of [...Object.entries(envSchema.shape), ...Object.entries(importerEnvSchema.shape)]) {
    it(`lists ${name} with the default config.ts gives it`, () => {
      expect(documented.has(name), `${name} is missing from docs/configuration.md: run npm run docs:config`).toBe(true);
      expect(documented.get(name), `${name}'s default differs: run npm run docs:config`).toBe(shownDefault(schema as z.ZodType));
    });
  }

  it('lists no setting config.ts does not read', () => {
    const known = new Set([...Object.keys(envSchema.shape), ...Object.keys(importerEnvSchema.shape)]);
    expect([...documented.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('is exactly what npm run docs:config writes (meanings included)', () => {
    expect(tablesInDoc(doc)).toBe(configurationTables());
  });

  it('shows the defaults an empty environment gives', () => {
    const config = loadConfig({});
    expect(documented.get('KOHTAANTO_SUITABLE_SCORE')).toBe(`\`${config.suitableScore}\``);
    expect(documented.get('KOHTAANTO_HNSW_M')).toBe(`\`${config.hnsw.m}\``);
    expect(documented.get('KOHTAANTO_FAILED_AUTH_PER_MINUTE')).toBe(`\`${config.failedAuthPerMinute}\``);
  });
});

describe('settings', () => {
  it('are read from the environment only in src/config.ts', () => {
    // Not settings: the primary tells a forked worker its role and slot; the import checkpoints follow the XDG cache convention.
    const allowed: Record<string, RegExp> = {
      'src/runtime/workers.ts': /process\.env\[(ROLE|SLOT)_VARIABLE\]/g,
      'src/adapters/imports/checkpoints.ts': /process\.env\.XDG_CACHE_HOME/g,
    };
    const readers = files(join(ROOT, 'src'))
      .map((f) => [relative(ROOT, f).split(sep).join('/'), readFileSync(f, 'utf8')] as const)
      .filter(([rel]) => rel !== 'src/config.ts')
      .filter(([rel, text]) => /process\.env\b/.test(allowed[rel] ? text.replace(allowed[rel]!, '') : text))
      .map(([rel]) => rel);
    expect(readers).toEqual([]);
  });
});
