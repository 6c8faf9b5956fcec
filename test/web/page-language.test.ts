/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, CURATED_TEST_TAXONOMY, ROOT, sampleJobseeker, sampleVacancy, tempDir } from '../helpers/service.js';
import { expectAccessible, screenshot, settled, signIn, useWebApp } from './browser.js';

/**
 * A record read on a page of its own language keeps its writer's words; on a page of another language it
 * reads in that one, and whatever is still in another language says so (issue 31, after i31-sv): a Finnish
 * client's "MIG-hitsaus" stays "MIG-hitsaus" on a Finnish page (not ESCO's "suorittaa MIG-hitsausta") and
 * reads "utföra MIG-svetsning" on a Swedish one; a title that names its occupation ("Svetsare" on a Swedish
 * page) gets no "— svetsare, manuell" beside it; a training's name in Finnish on a Swedish page is marked
 * Finnish; a label the taxonomy has only in another language is marked with it. fi, sv and en pages, axe on
 * each. Screenshots: test-output/screenshots/{fi,sv,en}-page-language-*.jpg.
 */
const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];
const locale = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', `${lang}.json`), 'utf8')) as Record<string, string>;
const TEXTS = { fi: locale('fi'), sv: locale('sv'), en: locale('en') };
/** How a page says words are in another language: "(på finska)". */
const note = (page: Lang, written: string) => ` (${TEXTS[page][`skills.written.${written}`]})`;

/** A page in `lang`. */
async function open(web: ReturnType<typeof useWebApp>, lang: Lang, role: 'counsellor' | 'employer-service') {
  const { context, page } = await web.fresh(lang);
  await signIn(page, web.service.url, web.service.keys[role]);
  return { context, page };
}
const chipsOf = async (p: Page) => (await p.locator('fieldset.skills li.chip').allTextContents()).map((c) => c.replace(/×$/, '').trim());
/** The text of a definition (dd) of the vacancy summary, by its term. */
const definition = (p: Page, term: string) => p.locator('article.vacancy-view dl.facts div', { has: p.locator(`dt:text-is("${term}")`) }).locator('dd').first().textContent();

interface Ref {
  uri: string;
  label: string;
  evidence: string;
  method: string;
  source: string;
  labelLanguage?: string;
}

describe('a record read on pages of its own and of other languages', () => {
  const web = useWebApp();
  const CLIENT = 'PL-ASIAKAS';
  const VACANCY = 'PL-TYO';
  const SVETSARE = 'PL-SVETSARE';
  const ARC = 'PL-KAARI';
  /** ESCO's "hitsaaja, kaarihitsaus" (arc welder): a Finnish "Hitsaaja" names it. */
  const ARC_WELDER = 'http://data.europa.eu/esco/occupation/17b29190-6746-4b81-a1d1-8053a5bbc0e9';

  async function seed() {
    const counsellor = web.service.as('counsellor');
    const unit = web.service.as('employer-service');
    if ((await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}`)).status === 200) return;
    const client = sampleJobseeker(CLIENT, { title: 'Hitsaaja', name: 'Aino Esimerkki' });
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${CLIENT}`, client)).status).toBe(201);
    expect((await call(unit, 'PUT', `/v1/vacancies/${VACANCY}`, sampleVacancy(VACANCY, { title: 'Hitsaaja' }))).status).toBe(201);
    const swedish = sampleVacancy(SVETSARE, {
      title: 'Svetsare',
      description: 'Verkstaden söker en svetsare till Tammerfors. Vi kräver MIG-svetsning och ritningsläsning.',
      skills: ['MIG-svetsning', 'ritningsläsning'],
      languages: ['sv'],
    });
    expect((await call(unit, 'PUT', `/v1/vacancies/${SVETSARE}`, swedish)).status).toBe(201);
    expect((await call(unit, 'PUT', `/v1/vacancies/${ARC}`, sampleVacancy(ARC, { title: 'Hitsaaja', occupation: ARC_WELDER }))).status).toBe(201);
  }

  it("shows a client's skills as written on a page of the record's language, by the taxonomy's labels on the others", async () => {
    await seed();
    const taxonomy = web.service.engine.normalizer.taxonomy;
    const stored = (await call(web.service.as('counsellor'), 'GET', `/v1/jobseekers/${CLIENT}`)).body;
    expect(stored.normalized.language).toBe('fi');
    const refs = stored.normalized.skills as Ref[];
    /** The concept each skill was read as (a label of the record's language, so none marked as another's). */
    const concepts = (stored.skills as string[]).map((s) => refs.find((r) => r.source === 'skills' && r.evidence === s && !r.uri.startsWith('text:') && r.method !== 'embedding'));
    expect(concepts.map((c) => c?.labelLanguage ?? (c ? 'fi' : 'none'))).toEqual(['fi', 'fi']);
    // ESCO's Finnish labels are not the words the client's counsellor wrote: the Finnish page must not swap them in.
    expect(concepts.map((c) => taxonomy.label(c!.uri, 'fi'))).not.toEqual(stored.skills);
    for (const lang of LANGS) {
      const { context, page: p } = await open(web, lang, 'counsellor');
      await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
      await p.waitForSelector('#p-skills');
      await settled(p);
      const chips = await chipsOf(p);
      expect(chips, lang).toEqual(lang === 'fi' ? stored.skills : concepts.map((c) => taxonomy.label(c!.uri, lang)));
      // Nothing on the page is marked as written in another language: every label is the page's.
      expect(await p.locator('fieldset.skills li.chip span[lang]').count()).toBe(0);
      await expectAccessible(p, `${lang} client profile`);
      await screenshot(p, `${lang}-page-language-profile`);
      await context.close();
    }
  }, 240_000);

  it("shows a vacancy's required skills as written on a page of its language, and a title that names its occupation without it beside", async () => {
    await seed();
    const taxonomy = web.service.engine.normalizer.taxonomy;
    const unit = web.service.as('employer-service');
    const finnish = (await call(unit, 'GET', `/v1/vacancies/${VACANCY}`)).body;
    const swedish = (await call(unit, 'GET', `/v1/vacancies/${SVETSARE}`)).body;
    const arc = (await call(unit, 'GET', `/v1/vacancies/${ARC}`)).body;
    expect([finnish.normalized.language, swedish.normalized.language]).toEqual(['fi', 'sv']);
    const labels = (v: { normalized: { essential: Ref[] } }, lang: Lang) => v.normalized.essential.map((r) => taxonomy.label(r.uri, lang));
    // Each read as ESCO concepts from the words of its own language; ESCO says them otherwise.
    for (const v of [finnish, swedish]) {
      expect(v.normalized.essential.map((r: Ref) => [r.source, r.evidence, r.labelLanguage])).toEqual(v.skills.map((s: string) => ['skills', s, undefined]));
      expect(labels(v, v.normalized.language)).not.toEqual(v.skills);
    }
    // "Svetsare" is ESCO's "svetsare, manuell" in Swedish; the arc welder "Hitsaaja" its "hitsaaja, kaarihitsaus" in Finnish.
    const occupation = (v: { normalized: { occupation: { uri: string } } }, lang: Lang) => taxonomy.label(v.normalized.occupation.uri, lang);
    expect(arc.normalized.occupation.uri).toBe(ARC_WELDER);
    expect(occupation(swedish, 'sv').toLowerCase()).not.toBe('svetsare');
    expect(occupation(swedish, 'sv').toLowerCase()).toContain('svetsare');
    expect(occupation(arc, 'fi').toLowerCase()).not.toBe('hitsaaja');
    expect(occupation(arc, 'fi').toLowerCase()).toContain('hitsaaja');

    for (const lang of LANGS) {
      const { context, page: p } = await open(web, lang, 'employer-service');
      const summary = async (id: string) => {
        await p.goto(`${web.service.url}/#/vacancies/${id}`);
        await p.waitForSelector('article.vacancy-view');
        await settled(p);
        return {
          skills: await definition(p, TEXTS[lang]['vacancy.skills']!),
          beside: await p.locator('h1 .occupation').allTextContents(),
        };
      };
      const named = await summary(ARC);
      const fi = await summary(VACANCY);
      const sv = await summary(SVETSARE);
      await expectAccessible(p, `${lang} Swedish vacancy summary`);
      await screenshot(p, `${lang}-page-language-svetsare`);
      // A title that names its occupation in the page's language has nothing beside it: no "Svetsare — svetsare,
      // manuell" on a Swedish page, no "Hitsaaja — hitsaaja, kaarihitsaus" on a Finnish one; elsewhere it is told.
      expect(named.beside, `${lang} arc welder`).toEqual(lang === 'fi' ? [] : [` — ${occupation(arc, lang)}`]);
      expect(sv.beside, `${lang} Svetsare`).toEqual(lang === 'sv' ? [] : [` — ${occupation(swedish, lang)}`]);
      expect(fi.beside, `${lang} Hitsaaja`).toEqual(lang === 'fi' ? [] : [` — ${occupation(finnish, lang)}`]);
      // The required skills as written on a page of the vacancy's language, by ESCO's labels on the others.
      expect(fi.skills, `${lang} Finnish vacancy`).toBe((lang === 'fi' ? finnish.skills : labels(finnish, lang)).join(', '));
      expect(sv.skills, `${lang} Swedish vacancy`).toBe((lang === 'sv' ? swedish.skills : labels(swedish, lang)).join(', '));
      await context.close();
    }
  }, 300_000);

  it('marks the name of a training given in another language than the page: referrals, the gap plan and its print', async () => {
    await seed();
    const counsellor = web.service.as('counsellor');
    const trainings = (await call(counsellor, 'GET', '/v1/trainings')).body.items as { id: string; title: string; provider: string; language: string; municipality?: string }[];
    // A Finnish-taught training in Tampere: the catalogue names it in Finnish only.
    const training = trainings.find((tr) => tr.language === 'fi' && tr.municipality === '837')!;
    expect(training).toBeDefined();
    if ((await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/referrals`)).body.items.length === 0) {
      expect((await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: CLIENT, trainingId: training.id })).status).toBe(201);
    }
    for (const lang of LANGS) {
      const { context, page: p } = await open(web, lang, 'counsellor');
      await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=referrals`);
      const row = p.locator('table tbody tr', { hasText: training.title });
      await row.waitFor();
      await settled(p);
      const cell = (await row.locator('td').nth(1).textContent()) ?? '';
      if (lang === 'fi') {
        expect(cell).toBe(`${training.title} — ${training.provider}`);
        expect(await row.locator('[lang]').count()).toBe(0);
      } else {
        expect(cell).toBe(`${training.title}${note(lang, 'fi')} — ${training.provider}`);
        expect(await row.locator('span[lang=fi]').allTextContents()).toEqual([training.title]);
      }
      await expectAccessible(p, `${lang} referrals`);
      await screenshot(p, `${lang}-page-language-referrals`);

      // The gap plan's trainings, on the screen and on paper: each in the language it is given in, marked when not the page's.
      const plan = (await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/gaps?lang=${lang}`)).body as { skills: { trainings: { title: string; language: string }[] }[] };
      const offered = plan.skills.flatMap((s) => s.trainings);
      const foreign = offered.filter((tr) => tr.language !== lang);
      if (lang !== 'fi') expect(foreign.length).toBeGreaterThan(0);
      await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=plan`);
      await p.waitForSelector('ul.trainings li');
      await settled(p);
      const marked = async (scope: string) =>
        p.locator(`${scope} [lang]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent}`));
      const expected = foreign.map((tr) => `${tr.language}:${tr.title}`);
      expect((await marked('ul.trainings')).sort(), `${lang} gap plan`).toEqual(expected.sort());
      await expectAccessible(p, `${lang} gap plan`);
      await screenshot(p, `${lang}-page-language-plan`);
      await p.goto(`${web.service.url}/#/clients/${CLIENT}/print`);
      await p.waitForSelector('section.print');
      await settled(p);
      // (The print lists the same trainings, perhaps fewer of them: each marked one is one the plan marks, and each of those printed is marked.)
      const printed = await marked('section.print');
      expect(printed.filter((m) => !expected.includes(m)), `${lang} print`).toEqual([]);
      if (lang !== 'fi') expect(printed.length).toBeGreaterThan(0);
      if (lang !== 'fi') expect(await p.textContent('section.print')).toContain(`${foreign[0]!.title}${note(lang, foreign[0]!.language)}`);
      await expectAccessible(p, `${lang} print view`);
      await screenshot(p, `${lang}-page-language-print`);
      await context.close();
    }
  }, 300_000);
});

describe('a label the taxonomy has only in another language than the page', () => {
  // A local skill and occupation an area added with no Swedish label (the curated test taxonomy beneath).
  const extension = join(tempDir('kohtaanto-extension-'), 'local.csv');
  const SKILL = 'urn:kohtaanto:test:skill:kemppi-troubleshooting';
  const OCCUPATION = 'urn:kohtaanto:test:occupation:welding-robot-installer';
  writeFileSync(
    extension,
    [
      'conceptUri,type,lang,label,source',
      `${SKILL},skill,fi,Kemppi-hitsauslaitteiden vianetsintä,test: a local skill with no Swedish label`,
      `${SKILL},skill,en,troubleshooting Kemppi welding equipment,test: a local skill with no Swedish label`,
      `${OCCUPATION},occupation,fi,hitsausrobottiasentaja,test: a local occupation with a Finnish label only`,
    ].join('\n') + '\n',
  );
  const web = useWebApp({ env: { ...CURATED_TEST_TAXONOMY, KOHTAANTO_TAXONOMY_EXTENSION: extension, KOHTAANTO_SEED_FIXTURES: 'false' } });
  const CLIENT = 'PL-FALLBACK';

  it("shows the fallback language's label marked with its language (lang and a note), on the chips and beside the title (in brackets after the client's name — title)", async () => {
    const counsellor = web.service.as('counsellor');
    const client = sampleJobseeker(CLIENT, { title: 'Robottihitsaaja', occupation: 'hitsausrobottiasentaja', skills: ['Kemppi-hitsauslaitteiden vianetsintä'] });
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${CLIENT}`, client)).status).toBe(201);
    const stored = (await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}?lang=sv`)).body;
    expect(stored.normalized.skills.find((r: Ref) => r.evidence === client.skills[0])).toMatchObject({ uri: SKILL, fallbackLanguage: 'en' });
    expect(stored.normalized.occupations[0]).toMatchObject({ uri: OCCUPATION, label: 'hitsausrobottiasentaja', fallbackLanguage: 'fi' });
    // In a language it has, no fallback is said.
    const english = (await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}?lang=en`)).body;
    expect(english.normalized.skills.find((r: Ref) => r.evidence === client.skills[0]).fallbackLanguage).toBeUndefined();

    for (const lang of LANGS) {
      const { context, page: p } = await open(web, lang, 'counsellor');
      await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
      await p.waitForSelector('#p-skills');
      await settled(p);
      const chips = await chipsOf(p);
      const beside = await p.locator('h1 .occupation').allTextContents();
      if (lang === 'sv') {
        // No Swedish label: the English one, said to be English; the occupation's Finnish one, said to be Finnish.
        expect(chips).toEqual([`troubleshooting Kemppi welding equipment${note('sv', 'en')}`]);
        expect(await p.locator('fieldset.skills li.chip span[lang=en]').allTextContents()).toEqual(['troubleshooting Kemppi welding equipment']);
        expect(beside).toEqual([` (hitsausrobottiasentaja${note('sv', 'fi')})`]);
        expect(await p.locator('h1 .occupation span[lang=fi]').allTextContents()).toEqual(['hitsausrobottiasentaja']);
      } else if (lang === 'fi') {
        expect(chips).toEqual(['Kemppi-hitsauslaitteiden vianetsintä']);
        expect(beside).toEqual([' (hitsausrobottiasentaja)']);
      } else {
        expect(chips).toEqual(['troubleshooting Kemppi welding equipment']);
        expect(beside).toEqual([` (hitsausrobottiasentaja${note('en', 'fi')})`]);
      }
      await expectAccessible(p, `${lang} fallback labels`);
      await screenshot(p, `${lang}-page-language-fallback`);
      await context.close();
    }
  }, 240_000);
});
