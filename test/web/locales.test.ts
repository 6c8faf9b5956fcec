import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/core/access.js';
import { DIMENSIONS } from '../../src/core/oversight/exposure.js';
import { organisationKind } from '../../src/core/organisations/schema.js';
import { JOB_SUGGESTION_STATES, SETTABLE_STATES } from '../../src/core/job-suggestions/states.js';
import { REFERRAL_STATES, SETTABLE_REFERRAL_STATES } from '../../src/core/referrals/states.js';

/**
 * The web app is complete in fi, sv and en: every key it uses exists in all three with the same
 * placeholders, Swedish and Finnish are not English, every value of the service the pages name
 * (statuses, roles, organisation kinds, exposure groups, stop reasons) has its text, and no page
 * writes a word of its own outside the locales (JSX text, or a text attribute, in source).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'src', 'web');
const LANGS = ['fi', 'sv', 'en'] as const;
const LOCALES = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(WEB, 'locales', `${l}.json`), 'utf8')) as Record<string, string>])) as Record<
  (typeof LANGS)[number],
  Record<string, string>
>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys whose Swedish or Finnish text is the English word (Swedish "Status", "Budget"; the language names). */
const SAME_AS_ENGLISH = new Set([
  'admin.filter.organisation', 'admin.organisation', 'admin.title', 'common.id', 'common.status', 'education.', 'employment.', 'exposure.group.ageBand.under 25', 'field.budget', 'field.id',
  'field.organisation', 'field.status', 'lang.fi', 'lang.sv', 'nav.admin', 'part.semantic', 'planner.budget',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

interface Found {
  /** Keys given whole: t('planner.title'). */
  keys: { key: string; where: string }[];
  /** Keys made from a prefix and a value: t(`status.${c.status}`), valueText('role', …). */
  prefixes: { prefix: string; where: string }[];
  /** Keys of a count, in the forms of the plural rules: plural('planner.expectedSummary', n) reads `.one` and `.other`. */
  plurals: { key: string; where: string }[];
  /** Words a page writes itself instead of taking them from the locales. */
  literals: { text: string; where: string }[];
}

/** Attributes whose value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
/** Words that are the same in every language: the product's name. */
const NOT_TRANSLATED = new Set(['Kohtaanto']);

function scan(files: string[]): Found {
  const found: Found = { keys: [], prefixes: [], plurals: [], literals: [] };
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const wordy = (text: string) => /\p{L}{2,}/u.test(text) && !NOT_TRANSLATED.has(text.trim());
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const [first, second] = node.arguments;
        if (first && node.expression.text === 't') {
          if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) found.keys.push({ key: first.text, where: where(node) });
          else if (ts.isTemplateExpression(first)) found.prefixes.push({ prefix: first.head.text, where: where(node) });
        }
        if (first && node.expression.text === 'plural' && ts.isStringLiteral(first)) found.plurals.push({ key: first.text, where: where(node) });
        if (first && second && node.expression.text === 'valueText' && ts.isStringLiteral(first)) found.prefixes.push({ prefix: `${first.text}.`, where: where(node) });
      }
      if (ts.isJsxText(node) && wordy(node.text)) found.literals.push({ text: node.text.trim(), where: where(node) });
      if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && wordy(node.initializer.text)) {
        found.literals.push({ text: node.initializer.text, where: where(node) });
      }
      // {'some words'} as a child: a literal too.
      if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && ts.isJsxElement(node.parent) && wordy(node.expression.text)) {
        found.literals.push({ text: node.expression.text, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const found = scan(sources(WEB));

describe('the web app in fi, sv and en', () => {
  it('has the same keys in every language, none empty, with the same placeholders', () => {
    const keys = Object.keys(LOCALES.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(LOCALES[lang]).sort(), `keys of ${lang}.json`).toEqual(keys);
      for (const key of keys) {
        expect(LOCALES[lang][key]!.trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(LOCALES[lang][key]!), `${lang}: placeholders of ${key}`).toEqual(placeholders(LOCALES.en[key]!));
      }
    }
  });

  it('says nothing in English in the Finnish and Swedish texts (but for words that are the same)', () => {
    for (const lang of ['fi', 'sv'] as const) {
      const english = Object.keys(LOCALES.en).filter((key) => LOCALES[lang][key] === LOCALES.en[key] && !SAME_AS_ENGLISH.has(key));
      expect(english, `${lang}.json keys whose text is the English one`).toEqual([]);
    }
  });

  it('has a text for every key a page uses', () => {
    expect(found.keys.length).toBeGreaterThan(200);
    const missing = found.keys.filter(({ key }) => LANGS.some((lang) => LOCALES[lang][key] === undefined));
    expect(missing.map(({ key, where }) => `${key} (${where})`)).toEqual([]);
    const noPrefix = found.prefixes.filter(({ prefix }) => !Object.keys(LOCALES.en).some((key) => key.startsWith(prefix)));
    expect(noPrefix.map(({ prefix, where }) => `${prefix}… (${where})`)).toEqual([]);
  });

  it('has both plural forms of every count a page names, with the count in them ("1 henkilö", "2 henkilöä")', () => {
    expect(found.plurals.length).toBeGreaterThan(5);
    const missing = found.plurals.flatMap(({ key, where }) =>
      ['one', 'other'].flatMap((form) => LANGS.filter((lang) => !LOCALES[lang][`${key}.${form}`]?.includes('{n}')).map((lang) => `${lang}: ${key}.${form} (${where})`)),
    );
    expect(missing).toEqual([]);
    // A count's text has no form without the rules: t('planner.expectedSummary', …) would show the key.
    const bare = found.keys.filter(({ key }) => LOCALES.en[`${key}.one`] !== undefined);
    expect(bare.map(({ key, where }) => `${key} (${where})`)).toEqual([]);
  });

  it('names no count followed by its word outside the plural forms ("1 lediga jobb", "1 days")', () => {
    // A placeholder followed by a word of three letters or more, in a key without `.one`/`.other`, is a
    // count whose word does not follow the plural rules, unless the placeholder names a thing (not a
    // count) or the count can never be one (said below, with why).
    const notCounts = new Set(['name', 'value', 'organisation', 'role', 'date', 'who', 'vacancy', 'by', 'state', 'id', 'until', 'area', 'together', 'title']);
    const neverOne: Record<string, string> = {
      'plan.measured': 'months: the What works horizon (6 or 12); participants: published, a multiple of 5; effect: percentage points to one decimal, said as a measure',
      'planner.basis.measured': 'participants: published, a multiple of 5',
      'planner.planShown': 'places: published, a multiple of 5 (the text is not shown when no purchase is)',
      'plan.summary': 'considered: the best-matching vacancies looked at (the match list size, 10 or more), the word after it an adjective',
      'transfers.reasonHint': 'min: the shortest reason, a constant of many characters',
    };
    const bare = LANGS.flatMap((lang) =>
      Object.entries(LOCALES[lang]).flatMap(([key, text]) =>
        /\.(one|other)$/.test(key) || key in neverOne
          ? []
          : [...text.matchAll(/\{(\w+)\}\s+(\p{L}{3,})/gu)].filter((m) => !notCounts.has(m[1]!)).map((m) => `${lang}: ${key}: "${m[0]}"`),
      ),
    );
    expect(bare).toEqual([]);
  });

  it('has a text for every value of the service that a page names', () => {
    const values: Record<string, readonly string[]> = {
      status: ['active', 'inactive', 'open', 'closed'],
      role: ROLES,
      organisationKind: organisationKind.options,
      'exposure.dimension': DIMENSIONS,
      'exposure.group': ['unknown', 'yes', 'no', 'other'],
      'exposure.group.motherTongue': ['fi', 'sv', 'other'],
      'exposure.group.gender': ['female', 'male', 'other'],
      gate: ['pass', 'unknown', 'fail', 'language', 'licence', 'cards', 'workingTime', 'commute'],
      'planner.stopped': ['spent', 'tooDear', 'nothingOpens', 'notTold'],
      'plan.why': ['language-for-work', 'short-course', 'online', 'near'],
      workingTime: ['any', 'full', 'part'],
      referralState: REFERRAL_STATES,
      referralStep: SETTABLE_REFERRAL_STATES,
      suggestionState: JOB_SUGGESTION_STATES,
      suggestionStep: SETTABLE_STATES,
      'obligation.source': ['suggestion', 'reported'],
      'paySubsidy.assessment': ['none', 'yes', 'no'],
    };
    const missing = Object.entries(values).flatMap(([prefix, list]) => list.flatMap((v) => LANGS.filter((lang) => !LOCALES[lang][`${prefix}.${v}`]).map((lang) => `${lang}: ${prefix}.${v}`)));
    expect(missing).toEqual([]);
  });

  it('writes no words of its own in a page: every text comes from the locales', () => {
    expect(found.literals.map(({ text, where }) => `"${text}" (${where})`)).toEqual([]);
  });
});

/** Every text written in the service's and the app's source (string and template literals), with where. */
function sourceTexts(files: string[]): { text: string; where: string }[] {
  const texts: { text: string; where: string }[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        texts.push({ text: node.text, where: `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return texts;
}

describe('the words of Finnish employment services in Swedish', () => {
  // A jobseeker is the employment services' "kund" (arbetssökande kund) in Swedish, never a "klient":
  // the app's texts, the error catalogue and every explanation or advice the service writes.
  const klient = /\bklient/i;

  it('calls a jobseeker "kund" in the Swedish texts of the app and of the error catalogue', async () => {
    const { ERRORS, MESSAGES, NOTICES, PROBLEMS, KIND_NAMES, ROLE_NAMES } = await import('../../src/core/errors.js');
    const catalogue = Object.entries({ ...ERRORS, ...MESSAGES, ...NOTICES, ...PROBLEMS, ...KIND_NAMES, ...ROLE_NAMES }).map(([key, texts]) => ({ key, sv: (texts as { sv: string }).sv }));
    expect(catalogue.length).toBeGreaterThan(100);
    expect(catalogue.filter(({ sv }) => klient.test(sv)).map(({ key, sv }) => `${key}: ${sv}`)).toEqual([]);
    expect(Object.entries(LOCALES.sv).filter(([, text]) => klient.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect(Object.values(LOCALES.sv).filter((text) => /\bkund/i.test(text)).length).toBeGreaterThan(20);
  });

  it('writes "kund", never "klient", in any text of the service (explanations, advice, plans)', async () => {
    const texts = sourceTexts(sources(join(ROOT, 'src')));
    expect(texts.length).toBeGreaterThan(5000);
    expect(texts.filter(({ text }) => klient.test(text)).map(({ text, where }) => `${where}: ${text.slice(0, 120)}`)).toEqual([]);
    // And as the planner reads them: the training plan's reasons in Swedish.
    const { explainPlanPick, explainFewPlaces } = await import('../../src/core/explanations.js');
    const pick = explainPlanPick('sv', { places: 5, title: 'Svetsning', provider: 'Yrkesakademin', cost: 12_000, skills: ['MIG-svetsning'], vacancies: 3 });
    const few = explainFewPlaces('sv', { title: 'Svetsning', provider: 'Yrkesakademin', skills: ['MIG-svetsning'], costPerPlace: 2_400 });
    for (const text of [pick, few]) {
      expect(text).toMatch(/\bkunder/);
      expect(text).not.toMatch(klient);
    }
  });
});
