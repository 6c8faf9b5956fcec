/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '../../src/core/regions/regions.js';
import { call, removeDir, sampleVacancy, startService, type RunningService } from '../helpers/service.js';
import { expectAccessible, launch, screenshot, SCREENSHOTS, signIn } from './browser.js';

/**
 * A municipality's daily work in Chromium (issue 31, item 3): a counsellor creates a client with
 * every field of the API, finds them again by a misspelt name and by their occupation in another
 * language, reads a vacancy, asks for another area's client and that area approves; the match list
 * is compact enough to scan (≥ 5 hits on a 1280×800 screen) and its print view says each thing once.
 * Screenshots: test-output/screenshots/daily-*.
 */
let service: RunningService;
let browser: Browser;
/** A client of the test counsellor's area (Tampere). */
const CLIENT = 'JS-000067';
/** A client of another area (Helsinki). */
const HELSINKI_CLIENT = 'JS-000003';
const NEW = 'TRE-DAILY-1';
let helsinkiKey: string;

beforeAll(async () => {
  service = await startService();
  browser = await launch();
  const area = service.engine.employmentAreas.areaOf('091').id;
  await service.engine.organisations.add({ id: 'helsinki-area', name: 'Helsingin työllisyysalue', kind: 'employment-area', area });
  helsinkiKey = (await service.engine.keys.create('counsellor', 'Helmi Helsinki', 'helsinki-area')).key;
});
afterAll(async () => {
  await browser?.close();
  await service.stop();
  removeDir(service.dataDir);
});

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy=true], .loading'), undefined, { timeout: 60_000 });

async function fresh(lang: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
  return { context, page: await context.newPage() };
}

/** The client list's links after a search typed into the page, as a counsellor searches. */
async function search(page: Page, text: string): Promise<string[]> {
  await page.goto(`${service.url}/#/clients`);
  await settled(page);
  await page.fill('#client-q', text);
  const answered = page.waitForResponse((r) => r.url().includes('/v1/jobseekers?') && new URL(r.url()).searchParams.get('q') === text);
  await page.click('form[role=search] button');
  await answered;
  await settled(page);
  return page.locator('tbody td:first-child a').allTextContents();
}

describe("a Swedish-speaking counsellor's day", () => {
  it('creates a client with every field, is told in Swedish what is wrong, and cannot replace an existing one', async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys.counsellor);
    await page.click('text=Ny kund');
    await page.waitForSelector('#n-id');
    await expectAccessible(page, 'sv new client');
    await page.fill('#n-id', NEW);
    await page.fill('#n-name', 'Aino Mäkinen');
    await page.fill('#n-email', 'aino.makinen@example.fi');
    await page.fill('#n-municipality', 'Tammerfors');
    await page.fill('#n-title', 'sjukskötare');
    await page.fill('#n-summary', 'Legitimerad sjukskötare med tio års erfarenhet av akutvård och läkemedelsbehandling.');
    await page.fill('#n-wishedOccupations', 'ensihoitaja');
    await page.selectOption('#n-education', 'bachelor');
    await page.fill('#n-commuteKm', '500'); // beyond the 300 km the service takes
    await page.fill('#n-wishedMunicipalities', 'Vasa, Närpes');
    await page.fill('#n-languages', 'sv, fi');
    await page.fill('#n-languageLevels', 'sv native, fi good');
    await page.locator('#n-licences label').filter({ hasText: /^\s*B\s*$/ }).locator('input').check();
    await page.locator('#n-cards input').first().check();
    await page.fill('#n-birthYear', '1985');
    await page.click('form.profile button[type=submit]');
    const alert = page.locator('[role=alert]');
    await expect.poll(() => alert.first().textContent(), { timeout: 30_000 }).toContain('Kontrollera fälten');
    expect(await alert.first().textContent()).toMatch(/Pendlingsavstånd: /);
    expect(await page.getAttribute('#n-commuteKm', 'aria-invalid')).toBe('true');
    await screenshot(page, 'daily-sv-new-client-refused');
    expect((await call(service.as('admin'), 'GET', `/v1/jobseekers/${NEW}`)).status).toBe(404); // nothing stored

    await page.fill('#n-commuteKm', '40');
    await page.click('form.profile button[type=submit]');
    await page.waitForURL(new RegExp(`clients/${NEW}\\?tab=profile`));
    const stored = (await call(service.as('admin'), 'GET', `/v1/jobseekers/${NEW}`)).body;
    expect(stored).toMatchObject({
      name: 'Aino Mäkinen',
      title: 'sjukskötare',
      municipality: '837',
      commuteKm: 40,
      wishedOccupations: ['ensihoitaja'],
      languages: ['sv', 'fi'],
      languageLevels: [{ code: 'sv', level: 'native' }, { code: 'fi', level: 'good' }],
      drivingLicences: ['B'],
      educationLevel: 'bachelor',
      birthYear: 1985,
      contact: { email: 'aino.makinen@example.fi' },
    });
    expect(stored.cards).toHaveLength(1);
    expect(stored.wishedMunicipalities.map((m: string) => regions.municipality(m)?.code)).toEqual(['905', '545']); // Vasa, Närpes
    expect(stored.normalized.occupations[0].isco).toBe('2221');

    // A second "new client" with the same id: refused, nothing replaced, the existing one offered.
    await page.goto(`${service.url}/#/clients/new`);
    await page.waitForSelector('#n-id');
    await page.fill('#n-id', NEW);
    await page.fill('#n-municipality', 'Tammerfors');
    await page.fill('#n-title', 'städare');
    await page.fill('#n-summary', 'Städning.');
    await page.click('form.profile button[type=submit]');
    await expect.poll(() => alert.first().textContent(), { timeout: 30_000 }).toContain('Id:t används redan');
    expect(await page.locator(`a:has-text("Öppna den befintliga ${NEW}")`).count()).toBe(1);
    expect((await call(service.as('admin'), 'GET', `/v1/jobseekers/${NEW}`)).body.title).toBe('sjukskötare');
    await context.close();
  }, 180_000);

  it('finds the client by a misspelt name and by the occupation in Finnish or English', async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys.counsellor);
    for (const typed of ['Makinen', 'Mäkinne', 'aino makkinen']) expect(await search(page, typed), typed).toEqual(['Aino Mäkinen']);
    expect(await search(page, 'sairaanhoitaja')).toContain('Aino Mäkinen');
    expect(await search(page, 'nurse')).toContain('Aino Mäkinen');
    await screenshot(page, 'daily-sv-search-nurse');
    // The same people whichever language names the occupation, and every one of them a registered nurse.
    const counsellor = service.as('counsellor');
    const found = async (q: string) => (await call(counsellor, 'GET', `/v1/jobseekers?limit=500&q=${encodeURIComponent(q)}`)).body.items;
    const nurses = await found('sairaanhoitaja');
    expect(nurses.length).toBeGreaterThan(1);
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    for (const q of ['sjukskötare', 'registered nurse', 'sairanhoitaja']) expect(ids(await found(q)), q).toEqual(ids(nurses));
    for (const nurse of nurses) expect(nurse.normalized.occupations.map((o: { isco?: string }) => o.isco), nurse.id).toContain('2221');
    // English "nurse" finds them all, and also those whose title itself says nurse ("practical nurse": lähihoitaja).
    const nurseWord = await found('nurse');
    expect(ids(nurseWord)).toEqual(expect.arrayContaining(ids(nurses)));
    for (const other of nurseWord.filter((c: { id: string }) => !ids(nurses).includes(c.id))) expect(other.title, other.id).toMatch(/\bnurse\b/i);
    await context.close();
  }, 180_000);

  it('opens a vacancy of the match list to read it in full', async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys.counsellor);
    await page.goto(`${service.url}/#/clients/${CLIENT}`);
    await page.waitForSelector('li.hit h3 a');
    const title = (await page.textContent('li.hit h3 a'))!;
    await page.click('li.hit h3 a');
    await page.waitForSelector('article.vacancy-view');
    await settled(page);
    const id = decodeURI(page.url()).split('/vacancies/')[1]!;
    const vacancy = (await call(service.as('counsellor'), 'GET', `/v1/vacancies/${id}`)).body;
    // The employer's title as written (the occupation in the page's language may follow it).
    expect(await page.evaluate(() => document.querySelector('h1')?.firstChild?.textContent)).toBe(title);
    const text = (await page.textContent('article.vacancy-view'))!;
    expect(text).toContain(vacancy.description.slice(0, 60));
    expect(text).toMatch(/Beskrivning.*Krav.*Krävd kompetens/s);
    expect(await page.locator('form').count()).toBe(0); // to read: a counsellor changes nothing here
    await expectAccessible(page, 'sv vacancy');
    await screenshot(page, 'daily-sv-vacancy');
    await context.close();
  }, 120_000);

  it('shows the requirements the description states as the engine applies them, in the read view and under the form', async () => {
    const description = 'Vi söker en kock till vår lunchrestaurang. Hygienpass krävs. Finska är en merit.';
    const written = await call(service.as('employer-service'), 'PUT', '/v1/vacancies/DAILY-KOCK', { ...sampleVacancy('DAILY-KOCK', { title: 'kock', skills: ['matlagning'], description }), languages: ['sv'] });
    expect(written.status).toBe(201);
    // The engine holds the card from the words, though no card was ticked (the gate candidates are judged by).
    expect(written.body.cards).toEqual([]);
    expect(written.body.normalized.requirements.cards).toEqual([{ id: 'hygiene-passport', required: true, evidence: 'Hygienpass krävs.' }]);

    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys['employer-service']);
    await page.goto(`${service.url}/#/vacancies/DAILY-KOCK/read`);
    await page.waitForSelector('article.vacancy-view');
    await settled(page);
    const row = async (label: string) => (await page.locator('article.vacancy-view dl div', { has: page.locator(`dt:text-is("${label}")`) }).innerText()).replace(/\s+/g, ' ');
    expect(await row('Kort och intyg som krävs')).toContain('hygienpass (läst ur beskrivningen: “Hygienpass krävs.”)');
    expect(await row('Språk och nivå')).toMatch(/svenska \(god\), finska \(god, meriterande\) \(läst ur beskrivningen: “Finska är en merit\.”\)/);
    await expectAccessible(page, 'sv vacancy read view with requirements from the description');

    // The form: no card ticked, and beside the ticks what the description makes the engine require.
    await page.goto(`${service.url}/#/vacancies/DAILY-KOCK/edit`);
    await page.waitForSelector('#v-cards');
    await settled(page);
    expect(await page.locator('#v-cards input:checked').count()).toBe(0);
    expect((await page.locator('.read-requirements').innerText()).replace(/\s+/g, ' ')).toMatch(/Krav lästa ur beskrivningen.*hygienpass: “Hygienpass krävs\.”/);
    await expectAccessible(page, 'sv vacancy form with requirements from the description');
    await screenshot(page, 'daily-sv-vacancy-requirements');
    await context.close();
  }, 120_000);

  it("asks for another area's client with a reason, and that area approves in the app", async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys.counsellor);
    await page.goto(`${service.url}/#/clients/${HELSINKI_CLIENT}`);
    await page.waitForSelector('#transfer-reason');
    expect(await page.textContent('body')).not.toMatch(/X-Transfer-Reason|POST|\/v1\//);
    await expectAccessible(page, 'sv transfer request');
    await page.fill('#transfer-reason', 'kort');
    await page.click('form.transfer-request button[type=submit]');
    const alert = page.locator('form.transfer-request [role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('Kontrollera fälten');
    expect(await alert.textContent()).toMatch(/Orsak: /);
    await page.fill('#transfer-reason', 'Kunden har flyttat till Tammerfors och ska betjänas här.');
    await page.click('form.transfer-request button[type=submit]');
    await page.waitForSelector(`text=Begäran om ${HELSINKI_CLIENT} skickades`);
    await screenshot(page, 'daily-sv-transfer-requested');
    await page.click('header nav >> text=Överföringar');
    await page.waitForSelector('table tbody tr');
    expect(await page.textContent('table')).toContain('väntar på beslut');
    await expectAccessible(page, 'sv transfers (outgoing)');

    // Helsinki's counsellor, in Finnish: the request waits for them; they approve it.
    const helsinki = await fresh('fi');
    await signIn(helsinki.page, service.url, helsinkiKey);
    await helsinki.page.goto(`${service.url}/#/transfers`);
    await helsinki.page.waitForSelector(`button:has-text("Hyväksy asiakkaan ${HELSINKI_CLIENT} siirto")`);
    expect(await helsinki.page.textContent('table')).toContain('Kunden har flyttat till Tammerfors');
    await expectAccessible(helsinki.page, 'fi transfers (incoming)');
    await screenshot(helsinki.page, 'daily-fi-transfers-incoming');
    await helsinki.page.click(`button:has-text("Hyväksy asiakkaan ${HELSINKI_CLIENT} siirto")`);
    await helsinki.page.waitForSelector('table >> text=hyväksytty');
    await helsinki.context.close();

    // Now the client opens for Tampere's counsellor.
    await page.goto(`${service.url}/#/clients/${HELSINKI_CLIENT}`);
    await page.waitForSelector('li.hit', { timeout: 60_000 });
    await context.close();
  }, 180_000);
});

describe('the match list and its print view', () => {
  it('shows at least five hits on a 1280×800 screen, the explanation one key press away', async () => {
    const { context, page } = await fresh('fi', { width: 1280, height: 800 });
    await signIn(page, service.url, service.keys.counsellor);
    await page.goto(`${service.url}/#/clients/${CLIENT}`);
    await page.waitForSelector('li.hit');
    await settled(page);
    const visible = await page.evaluate(() => Array.from(document.querySelectorAll('li.hit')).filter((li) => li.getBoundingClientRect().bottom <= window.innerHeight).length);
    const file = join(SCREENSHOTS, 'daily-fi-match-list-1280x800.png');
    await page.screenshot({ path: file });
    expect(visible).toBeGreaterThanOrEqual(5);
    // No internal id as the main label: each hit is headed by its title, linked to the vacancy.
    for (const heading of await page.locator('li.hit h3 a').allTextContents()) expect(heading).not.toMatch(/^(V|JS|cand)-/);
    // The disclosure by keyboard: focus the first "Perustelut", Enter opens it, Enter closes it.
    const why = page.locator('li.hit button.why').first();
    await why.focus();
    await page.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('li.hit .hit-why').first().isVisible()).toBe(true);
    expect(await page.locator('li.hit .hit-why').first().textContent()).toMatch(/Vaadittu osaaminen/);
    await expectAccessible(page, 'fi match list, one opened');
    await page.screenshot({ path: join(SCREENSHOTS, 'daily-fi-match-list-opened.png') });
    await page.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  }, 120_000);

  it('prints the matches and the gap plan with each thing once, dates in the page language', async () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const { context, page } = await fresh(lang);
      await signIn(page, service.url, service.keys.counsellor);
      await page.goto(`${service.url}/#/clients/${CLIENT}/print`);
      await page.waitForSelector('.print ol.print-list li');
      await settled(page);
      const text = (await page.textContent('.print'))!;
      expect(text, lang).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO dates
      expect(text, lang).not.toMatch(/\([^()]*\(/); // no brackets inside brackets
      expect(text, lang).not.toMatch(/Koulutus:|Utbildning:|Training:/); // the training's own sentence repeated its title
      const trainings = await page.locator('.print ul:not(.apply) li').allTextContents(); // how to apply (each vacancy's own) may repeat
      expect(new Set(trainings).size, lang).toBe(trainings.length);
      await expectAccessible(page, `${lang} print`);
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, `daily-${lang}-print`);
      await context.close();
    }
  }, 180_000);

  it('passes axe-core on the new pages in fi, sv and en', async () => {
    const vacancy = (await call(service.as('counsellor'), 'GET', `/v1/jobseekers/${CLIENT}/matches?k=1`)).body.hits[0].id;
    for (const lang of ['fi', 'sv', 'en']) {
      const { context, page } = await fresh(lang);
      await signIn(page, service.url, service.keys.counsellor);
      for (const [name, path] of [
        ['new-client', '/clients/new'],
        ['vacancy', `/vacancies/${vacancy}`],
        ['transfers', '/transfers'],
        ['transfer-request', `/clients/JS-000001`],
      ] as const) {
        await page.goto(`${service.url}/#${path}`);
        await page.waitForLoadState('networkidle');
        await settled(page);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectAccessible(page, `${lang} ${name}`);
        await screenshot(page, `daily-${lang}-${name}`);
      }
      await context.close();
    }
  }, 240_000);
});
