import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/files.js';

/**
 * The core (src/core) is plain TypeScript: it receives its ports (store, index, embedder, clock)
 * as arguments and reads no file, opens no database and knows no HTTP. This test reads every core
 * file's imports (static, re-exports and dynamic) and fails on one that reaches outside.
 */

const SRC = join(ROOT, 'src');
const CORE = join(SRC, 'core');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Every module a file imports or re-exports, statically or with `import()`. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [
    ...code.matchAll(/\b(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** Libraries that do I/O or belong to an edge: storage, files, network, HTTP, the index, the model. */
const FORBIDDEN_PACKAGES = [
  /^(node:)?fs(\/promises)?$/,
  /^(node:)?(http|https|http2|net|tls|dgram|child_process|cluster|worker_threads)$/,
  /^fastify(-.*)?$/,
  /^@fastify\//,
  /^better-sqlite3$/,
  /^hnswlib-node$/,
  /^@xenova\/transformers$/,
  /^csv-parse/,
];

/** Parts of src the core must not reach: adapters, HTTP, the web app, commands, runtime wiring. */
const FORBIDDEN_FOLDERS = ['adapters', 'http', 'web', 'cli', 'runtime'];
const FORBIDDEN_FILES = ['engine.ts', 'config.ts', 'server.ts'];

/**
 * Named exceptions, each with why it stays for now. Empty: keep it so. An entry is
 * `'core/path/file.ts': ['the import', ...]` with a comment saying what would remove it.
 */
const EXCEPTIONS: Record<string, string[]> = {};

function violations(file: string): string[] {
  const rel = relative(SRC, file).split(sep).join('/');
  return importsOf(readFileSync(file, 'utf8')).filter((spec) => {
    if (EXCEPTIONS[rel]?.includes(spec)) return false;
    if (!spec.startsWith('.')) return FORBIDDEN_PACKAGES.some((p) => p.test(spec));
    const target = relative(SRC, resolve(dirname(file), spec)).split(sep).join('/');
    if (target.startsWith('..')) return true; // outside src altogether
    const top = target.split('/')[0]!;
    return FORBIDDEN_FOLDERS.includes(top) || FORBIDDEN_FILES.includes(target.replace(/\.js$/, '.ts'));
  });
}

describe('the core', () => {
  it('reads imports of every form: multi-line, re-exports, type-only and dynamic', () => {
    const source = [
      "import {\n  a,\n  b,\n} from '../adapters/sqlite/store.js';",
      "import type { Server } from 'node:http';",
      "export { c } from 'fs';",
      "import 'better-sqlite3';",
      "const m = await import('../../http/app.js');",
      "// import nothing from 'fastify'",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../adapters/sqlite/store.js', 'node:http', 'fs', 'better-sqlite3', '../../http/app.js']);
  });

  it('imports no adapter, runtime, HTTP or command module, and no file, network, storage, index or model library', () => {
    const found = Object.fromEntries(
      files(CORE)
        .map((f) => [relative(SRC, f).split(sep).join('/'), violations(f)] as const)
        .filter(([, v]) => v.length > 0),
    );
    expect(found).toEqual({});
  });

  it('reads no environment and touches no process: settings arrive from config.ts through the runtime', () => {
    const offenders = files(CORE).filter((f) => /\bprocess\.(env|argv|exit|cwd|on)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('keeps no stale exception', () => {
    for (const [file, specs] of Object.entries(EXCEPTIONS)) {
      const imports = importsOf(readFileSync(join(SRC, file), 'utf8'));
      for (const spec of specs) expect(imports, `${file} no longer imports ${spec}: drop the exception`).toContain(spec);
    }
  });
});
