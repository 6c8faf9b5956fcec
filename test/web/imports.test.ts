import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/service.js';

const WEB = join(ROOT, 'src', 'web');
const CORE = join(ROOT, 'src', 'core');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** The imports of a file that stay in the bundle (`import type` and `export type` are erased), with their specifiers. */
const valueImports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

const resolve = (from: string, specifier: string): string | undefined => {
  const base = join(dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
};

/** The modules a file pulls into the bundle, itself included, following relative value imports. */
function bundled(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of valueImports(file)) {
    if (!specifier.startsWith('.')) continue;
    const target = resolve(file, specifier);
    if (target) bundled(target, seen);
  }
  return seen;
}

describe('the web app', () => {
  it("takes the API's shapes from the core schema files as types only: no zod, no schema file in the bundle", () => {
    const reached = new Set(files(WEB).flatMap((f) => [...bundled(f)]));
    const core = [...reached].filter((f) => f.startsWith(CORE)).map((f) => relative(ROOT, f));
    const withZod = [...reached].filter((f) => valueImports(f).includes('zod')).map((f) => relative(ROOT, f));
    expect(withZod).toEqual([]);
    expect(core.filter((f) => f.endsWith('schema.ts') || f.includes('/schemas/'))).toEqual([]);
  });

  it('declares no interface of an API answer itself (only shapes of its own: the place lists, a select option, a view\'s loading state, a calendar day typed in a date field)', () => {
    const declared = files(WEB).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^\s*(?:export\s+)?interface\s+(\w+)/gm)].map((m) => `${relative(WEB, f)}: ${m[1]}`),
    );
    expect(declared.sort()).toEqual(['components/ui.tsx: LoadState', 'components/ui.tsx: Preparing', 'dates.ts: Day', 'pages/Planner.tsx: Option', 'places.ts: Places']);
  });

  it('spells no object type of an API answer itself in a type alias either (only its own: what a form reads, a dialog asks, a field names)', () => {
    const spelt = files(WEB).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^\s*(?:export\s+)?type\s+(\w+)(?:<[^>]*>)?\s*=\s*\{/gm)].map((m) => `${relative(WEB, f)}: ${m[1]}`),
    );
    // Each its own: what a form reads, a dialog asks, a field names, the match filter's values, the actions' state on a hit.
    expect(spelt.sort()).toEqual(['components/Requirements.tsx: Read', 'pages/NewClient.tsx: TextField', 'pages/admin/Keys.tsx: Asked', 'pages/client/HitActions.tsx: HitActionsState', 'pages/client/MatchFilter.tsx: MatchFilterValues']);
  });
});
