import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 30: a route handler validates, makes one call to one service and replies. The routes receive
 * the composed services (src/runtime/compose.ts) as `services: Pick<Services, …>`; this test reads
 * every handler registered in src/http/routes/ and src/http/signin/ (the function given to
 * app.get/post/put/patch/delete, or `handler:` of app.route) on the syntax tree, with the file's own
 * helper functions it calls (and theirs), and lists the services it reaches as `services.<name>`,
 * and the collaborators the routes function is given besides (`signInRoutes(providers, people)`: a
 * handler using both reaches two), but for plain settings (a number, a string, a boolean) and the
 * HTTP edge's own parts named in EDGE. More than one fails, unless the handler is a named exception below.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = [join(ROOT, 'src', 'http', 'routes'), join(ROOT, 'src', 'http', 'signin')];
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

/**
 * Handlers still reaching more than one service, `file: METHOD path` → the services, each with why it
 * stays for now and what would remove it. Keep it short; drop an entry when the handler is fixed
 * (a stale entry fails).
 */
const EXCEPTIONS: Record<string, string[]> = {};

/** Parameters of a routes function that are the HTTP edge's own parts, not services: `parameter` → what it is. */
const EDGE: Record<string, string> = {
  failures: 'the refused-key and failed sign-in counts per address (src/http/auth.ts), kept by the edge',
  access: "the metrics route's access setting (loopback, key or off)",
};

type Fn = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
const isFn = (n: ts.Node): n is Fn => ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n);

/** The services each handler of a source text reaches: `METHOD path` → sorted names. */
export function servicesByHandler(fileName: string, text: string): Map<string, string[]> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // The file's own functions by name (declarations and `const f = (…) => …`), at any depth.
  const helpers = new Map<string, ts.Node>();
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) helpers.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFn(node.initializer)) helpers.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(source);
  // The collaborators a routes function (`…Routes`) is given besides `services`: its other parameters.
  const plain = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword, ts.SyntaxKind.BooleanKeyword]);
  const given = new Set(
    source.statements
      .filter((f): f is ts.FunctionDeclaration => ts.isFunctionDeclaration(f) && !!f.name?.text.endsWith('Routes'))
      .flatMap((f) => f.parameters)
      .filter((p) => ts.isIdentifier(p.name) && p.name.text !== 'services' && !(p.type && plain.has(p.type.kind)) && !(p.name.text in EDGE))
      .map((p) => (p.name as ts.Identifier).text),
  );
  const reached = (root: ts.Node, seen = new Set<ts.Node>()): Set<string> => {
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'services') names.add(node.name.text);
      if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
        if (given.has(node.text) && !(ts.isParameter(node.parent) && node.parent.name === node)) names.add(node.text);
        const helper = helpers.get(node.text);
        if (helper && !seen.has(helper)) {
          seen.add(helper);
          for (const n of reached(helper, seen)) names.add(n);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return names;
  };
  const found = new Map<string, string[]>();
  const label = (arg: ts.Expression | undefined) => (arg && (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) ? arg.getText(source).slice(1, -1) : arg ? `(${arg.getText(source)})` : '?');
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const verb = node.expression.name.text;
      const last = node.arguments[node.arguments.length - 1];
      if (VERBS.has(verb) && node.arguments.length >= 2 && last && isFn(last)) {
        found.set(`${verb.toUpperCase()} ${label(node.arguments[0])}`, [...reached(last)].sort());
      }
      if (verb === 'route' && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
        const options = node.arguments[0];
        const property = (name: string) =>
          options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
        const handler = property('handler');
        if (handler) found.set(`${property('method')?.getText(source) ?? 'ROUTE'} ${label(property('url'))}`, [...reached(handler)].sort());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const routeFiles = () => FOLDERS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)));

describe('route handlers', () => {
  it('are read on the syntax tree, with the helpers they call', () => {
    const sample = [
      'export function someRoutes(services: Pick<Services, "a" | "b" | "c">, people: People, signOut: (t: string) => Promise<void>, limit: number) {',
      '  const where = (q: string) => services.c.find(q);',
      '  function both() { return [services.a.one(), where("x")]; }',
      '  return async (app) => {',
      "    app.get('/one', { schema: {} }, async (request) => services.a.get(request.params.id));",
      "    app.post(`/two`, {}, async (request) => ({ ...(await services.b.put(request.body)), at: where(request.query) }));",
      "    app.get('/three', {}, () => both());",
      "    app.route({ method: 'DELETE', url: '/four', handler: async () => services.b.remove() });",
      "    app.get('/five', {}, async () => ({ ok: true, limit }));",
      "    app.post('/six', {}, async (request) => { await services.a.close(); await signOut(request.body); });",
      "    app.get('/seven', {}, async (request) => people.open(request.query));",
      '  };',
      '}',
    ].join('\n');
    expect(Object.fromEntries(servicesByHandler('sample.ts', sample))).toEqual({
      'GET /one': ['a'],
      'POST /two': ['b', 'c'],
      'GET /three': ['a', 'c'],
      "'DELETE' /four": ['b'],
      'GET /five': [],
      'POST /six': ['a', 'signOut'],
      'GET /seven': ['people'],
    });
  });

  it('each reach at most one service (a handler validates, makes one call, replies)', () => {
    const handlers = routeFiles().flatMap((file) =>
      [...servicesByHandler(file, readFileSync(file, 'utf8'))].map(([route, services]) => ({ key: `${relative(join(ROOT, 'src', 'http'), file).split(sep).join('/')}: ${route}`, services })),
    );
    expect(handlers.length).toBeGreaterThan(60); // the walk found the routes
    const over = Object.fromEntries(handlers.filter((h) => h.services.length > 1 && EXCEPTIONS[h.key]?.join() !== h.services.join()).map((h) => [h.key, h.services]));
    expect(over).toEqual({});
    const registered = new Set(handlers.map((h) => h.key));
    const stale = Object.keys(EXCEPTIONS).filter((key) => !registered.has(key) || handlers.find((h) => h.key === key)!.services.length <= 1);
    expect(stale, 'exceptions no longer needed: drop them').toEqual([]);
  });
});
