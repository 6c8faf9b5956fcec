import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 30: src/runtime/compose.ts is the one place that constructs the core's services, so that
 * where a service's collaborators come from is read in one file. A service here is a class exported
 * by src/core that is not one of the core's values and structures below (an index, a cache of
 * vectors, a table, an error); a new class is a service unless it is added there. Its `new` may
 * stand in compose.ts and in the class's own file (a static factory such as TrainingCatalogue.open),
 * nowhere else in src/ (tests and benchmarks construct what they exercise).
 */
const SRC = join(import.meta.dirname, '..', '..', 'src');
const COMPOSE = 'runtime/compose.ts';

/** Core classes that hold data rather than act for a use case: built wherever their data is. */
const VALUES = new Set([
  'AreaVectors', // vectors of an area's records, kept by RecordService
  'Bm25Index',
  'CharNgramIndex',
  'ComparisonPool', // What works' comparison clients of one report
  'ConceptIndex',
  'ConceptIndexFilling', // the concept index as it is filled, kept by RecordService
  'ConceptSearch', // label, trigram and vector rankings over the taxonomy's concepts
  'EmploymentAreas', // the table of employment areas
  'KohtaantoError',
  'LabelIndex',
  'LabelVectors',
  'OccupationWords',
  'PhraseIndex',
  'RecordCache',
  'Regions', // the table of municipalities and regions
  'Taxonomy',
]);

/**
 * Services still constructed outside compose.ts, `file` → the classes, each with why and what would
 * remove it. Drop an entry when it is fixed (a stale entry fails).
 */
const EXCEPTIONS: Record<string, string[]> = {};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const rel = (file: string) => relative(SRC, file).split(sep).join('/');

/** The classes a source declares with `export class`, and the classes it constructs with `new`. */
export function classesOf(source: ts.SourceFile): { declared: string[]; constructed: string[] } {
  const declared: string[] = [];
  const constructed: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) declared.push(node.name.text);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) constructed.push(node.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { declared, constructed };
}

describe('the composition root', () => {
  it('reads declared and constructed classes on the syntax tree', () => {
    const sample = ts.createSourceFile('s.ts', "export class A {}\nclass B {}\nconst a = new A(new B(), 'new C()');\nconst d = new ns.D();", ts.ScriptTarget.Latest, true);
    expect(classesOf(sample)).toEqual({ declared: ['A'], constructed: ['A', 'B'] });
  });

  it('is the only file outside its own class that constructs a core service', () => {
    const files = sourceFiles(SRC).map((f) => ({ file: rel(f), ...classesOf(parse(f)) }));
    const home = new Map(files.filter((f) => f.file.startsWith('core/')).flatMap((f) => f.declared.map((c) => [c, f.file] as const)));
    const services = new Set([...home.keys()].filter((c) => !VALUES.has(c)));
    expect(services.size).toBeGreaterThan(30); // the walk found the core's services
    expect([...VALUES].filter((c) => !home.has(c)), 'values no longer declared in src/core: drop them').toEqual([]);
    const outside = Object.fromEntries(
      files
        .map((f) => [f.file, [...new Set(f.constructed.filter((c) => services.has(c) && home.get(c) !== f.file))].sort()] as const)
        .filter(([file, classes]) => file !== COMPOSE && classes.length > 0),
    );
    expect(outside).toEqual(EXCEPTIONS);
  });
});
