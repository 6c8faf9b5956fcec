import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 30: the README is a newcomer's page (at most 150 lines: what it is and for whom, the two
 * commands, the first admin, the web app, three API calls, links); the rest lives in docs/, one page
 * a subject, figures in benchmarks/README.md and history in CHANGELOG.md, each linked from the README.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MAX_LINES = 150;

/** The subjects issue 30 gives docs/ a page each, and the other pages the README leads to. */
const PAGES = [
  'docs/configuration.md',
  'docs/imports.md',
  'docs/matching-and-skills.md',
  'docs/gaps-and-training.md',
  'docs/analytics.md',
  'docs/privacy-and-oversight.md',
  'docs/architecture.md',
  'docs/operations.md',
  'benchmarks/README.md',
  'CHANGELOG.md',
];

/** The relative links of a Markdown text (not web addresses nor anchors), without their anchors. */
export const linksOf = (markdown: string): string[] =>
  [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#')).map((href) => href.replace(/#.*$/, ''));

describe('the README and docs/', () => {
  it('reads relative links only', () => {
    expect(linksOf('[a](docs/a.md) [b](https://x.fi/b.md) [c](#here) [d](docs/d.md#part) ![e](docs/e.png)')).toEqual(['docs/a.md', 'docs/d.md', 'docs/e.png']);
  });

  it(`keeps the README a newcomer's page: at most ${MAX_LINES} lines, with the first admin, the web app and three API calls`, () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(MAX_LINES);
    for (const heading of ['## The first admin', '## The web app', '## Three API calls', '## Read next']) expect(README).toContain(heading);
  });

  it('has a page for each subject, linked from the README', () => {
    const linked = new Set(linksOf(README));
    expect(PAGES.filter((page) => !existsSync(join(ROOT, page)))).toEqual([]);
    expect(PAGES.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('leads to no page that is not there, from the README or from docs/', () => {
    const pages = ['README.md', ...PAGES.filter((p) => p.startsWith('docs/'))];
    const broken = pages.flatMap((page) =>
      linksOf(readFileSync(join(ROOT, page), 'utf8'))
        .filter((href) => href.length > 0 && !existsSync(join(ROOT, dirname(page), href)))
        .map((href) => `${page} → ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
