/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { regions } from '../../src/core/regions/regions.js';
import { call, ROOT, sampleJobseeker } from '../helpers/service.js';
import { screenshot, settled, signIn, useWebApp } from './browser.js';

/**
 * The web app in Swedish (and Finnish) in Chromium, as a counsellor, a planner and an admin of a
 * bilingual country would use it: place names in the page's language (API included), every message
 * of the service in Swedish, the service's values (groups, stop reasons, kinds) in Swedish, and no
 * English text of the app on any page. Screenshots: test-output/screenshots/{sv,fi}-l10n-*.jpg.
 */
const web = useWebApp();
/** A client of the test counsellor's area (Tampere). */
const CLIENT = 'JS-000067';
/** A client of another area (Helsinki). */
const HELSINKI_CLIENT = 'JS-000003';

const fresh = (lang?: string) => web.fresh(lang);

const EN = JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', 'en.json'), 'utf8')) as Record<string, string>;
const SV = JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', 'sv.json'), 'utf8')) as Record<string, string>;
/** The app's English texts (a Swedish page shows none of them). */
const ENGLISH_TEXTS = Object.keys(EN)
  .filter((key) => EN[key] !== SV[key] && !/\{\w+\}/.test(EN[key]!))
  .map((key) => EN[key]!);
/** The service's English words that used to reach the Swedish page. */
const SERVICE_ENGLISH = /\b(unknown|budget spent|does not exist|may not|initial admin|national administration|X-Transfer-Reason|retry in|your employment area)\b/i;

/**
 * English on a page that should be Swedish: a text of the page that is one of the app's English
 * texts (a text node as a whole: data such as an organisation named "Test employer services" is not
 * the app's text), or the service's English words anywhere.
 */
async function englishOn(page: Page): Promise<string[]> {
  const { nodes, text } = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push((node.textContent ?? '').trim());
    return { nodes: found.filter(Boolean), text: document.body.innerText };
  });
  const english = new Set(ENGLISH_TEXTS);
  return [...new Set(nodes.filter((node) => english.has(node))), ...(SERVICE_ENGLISH.exec(text) ?? []).slice(0, 1)];
}

describe('a Swedish-speaking counsellor', () => {
  it('sees municipalities and regions by their Swedish names, in the app and in the API', async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    await page.waitForSelector('table tbody tr');
    await settled(page);
    const places = await page.locator('tbody td:nth-child(3)').allTextContents();
    expect(places).toContain('Tammerfors');
    expect(places).not.toContain('Tampere');
    await page.waitForFunction(() => document.querySelectorAll('#client-municipality option').length > 300);
    const options = await page.locator('#client-municipality option').allTextContents();
    for (const name of ['Närpes', 'Vörå', 'Malax', 'Korsholm', 'Vasa', 'Jakobstad', 'Kimitoön', 'Helsingfors', 'Åbo', 'Jyväskylä']) expect(options).toContain(name);
    for (const name of ['Närpiö', 'Vöyri', 'Maalahti', 'Mustasaari', 'Vaasa']) expect(options).not.toContain(name);
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-clients');

    await page.goto(`${web.service.url}/#/clients/${CLIENT}`);
    await page.waitForSelector('li.hit');
    await settled(page);
    expect(await page.locator('#region option').allTextContents()).toEqual(expect.arrayContaining(['Birkaland', 'Österbotten', 'Egentliga Finland']));
    const shown = (await page.locator('li.hit p.muted').allTextContents()).join(' ');
    expect(shown).toContain('Tammerfors');
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-client-matches');

    // The API: the names in the language asked, by `lang` or by Accept-Language.
    const counsellor = web.service.as('counsellor');
    const sv = await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/matches?k=20&lang=sv`);
    const fi = await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/matches?k=20&lang=fi`);
    const header = await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/matches?k=20`, undefined, { 'accept-language': 'sv-FI,sv;q=0.9' });
    expect(sv.body.hits.length).toBeGreaterThan(3);
    for (const hit of sv.body.hits) expect(hit.municipalityName, hit.municipality).toBe(regions.municipalityName(hit.municipality, 'sv'));
    for (const hit of fi.body.hits) expect(hit.municipalityName, hit.municipality).toBe(regions.municipalityName(hit.municipality, 'fi'));
    for (const hit of header.body.hits) expect(hit.municipalityName, hit.municipality).toBe(regions.municipalityName(hit.municipality, 'sv'));
    const first = sv.body.hits[0];
    const explanation = await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/matches/${first.id}/explanation?lang=sv`);
    expect(explanation.body.sentences[0]).toContain(regions.municipalityName(first.municipality, 'sv'));
    const reference = await call(counsellor, 'GET', '/v1/regions', undefined, { 'accept-language': 'sv' });
    expect(reference.body.items.find((r: { code: string }) => r.code === '15')).toMatchObject({ name: 'Österbotten', nameEn: 'Ostrobothnia' });
    await context.close();
  });

  it('is told in Swedish what is wrong with a bad input, and a Swedish municipality name is accepted', async () => {
    const { context, page } = await fresh('sv');
    await page.goto(`${web.service.url}/`);
    await page.fill('#key', 'kht_0000000000000000_wrong');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]'), { timeout: 30_000 }).toContain('Inloggningen misslyckades');
    await signIn(page, web.service.url, web.service.keys.counsellor);

    await page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
    await page.waitForSelector('#p-municipality');
    // The record stores 837; the form names it in Swedish.
    expect(await page.inputValue('#p-municipality')).toBe('Tammerfors');
    await page.fill('#p-municipality', 'Närpiöö');
    await page.click('form.profile button[type=submit]');
    const alert = page.locator('[role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('Kontrollera fälten');
    expect(await alert.textContent()).toMatch(/Kommun: okänd kommun/);
    expect(await page.getAttribute('#p-municipality', 'aria-invalid')).toBe('true');
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-bad-municipality');

    // Back home, wishing to work in Vasa and Närpes (Swedish names): saved, and shown again in Swedish.
    await page.fill('#p-municipality', 'Tammerfors');
    await page.fill('#p-wished-municipalities', 'Vasa, Närpes');
    await page.click('form.profile button[type=submit]');
    await page.waitForSelector('p[role=status].badge.ok');
    const stored = await call(web.service.as('counsellor'), 'GET', `/v1/jobseekers/${CLIENT}`);
    expect(regions.municipality(stored.body.municipality)?.code).toBe('837');
    expect(stored.body.wishedMunicipalities.map((m: string) => regions.municipality(m)?.code)).toEqual(['905', '545']);
    await expect.poll(() => page.inputValue('#p-wished-municipalities'), { timeout: 30_000 }).toBe('Vasa, Närpes');
    // The API reads a Swedish name as the Finnish one.
    const swedish = await call(web.service.as('admin'), 'PUT', '/v1/jobseekers/SV-NARPES', sampleJobseeker('SV-NARPES', { municipality: 'Närpes', languages: ['sv'] }));
    expect(swedish.status).toBe(201);
    expect((await call(web.service.as('admin'), 'GET', '/v1/jobseekers/SV-NARPES')).body.municipality).toBe('545');

    // Another area's client: not found, in Swedish, with no header or route to send.
    await page.goto(`${web.service.url}/#/clients/${HELSINKI_CLIENT}`);
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(`Ditt sysselsättningsområde har ingen kund ${HELSINKI_CLIENT}`);
    expect(await alert.textContent()).not.toMatch(/X-Transfer-Reason|POST|\/v1\//);
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-other-area');
    await context.close();
  });

  it('sees a referral by the training name, not its id', async () => {
    const trainings = await call(web.service.as('counsellor'), 'GET', '/v1/trainings');
    const training = trainings.body.items[0];
    expect((await call(web.service.as('counsellor'), 'POST', '/v1/referrals', { jobseekerId: CLIENT, trainingId: training.id, reason: 'Hänvisad för att fylla en lucka.' })).status).toBe(201);
    const { context, page } = await fresh('sv');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    await page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=referrals`);
    await page.waitForSelector('table tbody tr');
    const row = await page.textContent('table tbody tr');
    expect(row).toContain(training.title);
    expect(row).not.toContain(training.id);
    await screenshot(page, 'sv-l10n-referrals');
    await context.close();
  });

  it('records what became of a referral with the buttons of the next steps, in Swedish; a stale page is told so', async () => {
    const trainings = await call(web.service.as('counsellor'), 'GET', '/v1/trainings');
    const training = trainings.body.items[1];
    const made = await call(web.service.as('counsellor'), 'POST', '/v1/referrals', { jobseekerId: CLIENT, trainingId: training.id });
    expect(made.status).toBe(201);
    const { context, page } = await fresh('sv');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    await page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=referrals`);
    // (A training's name in another language than the page's is marked with it: "… (på finska) — provider".)
    const row = page.locator('table tbody tr', { hasText: training.title }).filter({ hasText: ` — ${training.provider}` });
    await row.getByRole('button', { name: 'Tog emot platsen' }).click();
    await row.getByText('Plats mottagen', { exact: true }).waitFor();
    expect(await row.getByRole('button').allTextContents()).toEqual(['Började', 'Blev inte av', 'Återkalla remissen']);
    // Declining needs a note: the service's answer names the field in Swedish.
    await row.getByRole('button', { name: 'Blev inte av' }).click();
    await row.locator('[role=alert]').waitFor();
    expect(await row.locator('[role=alert]').textContent()).toContain('Anteckning');
    // Someone else starts it meanwhile: this page's version is stale, and it says so rather than overwriting.
    expect((await call(web.service.as('counsellor'), 'POST', `/v1/referrals/${made.body.id}/state`, { state: 'started', version: 2 })).status).toBe(200);
    await row.getByRole('button', { name: 'Återkalla remissen' }).click();
    await row.getByRole('button', { name: 'Visa remissen som den är nu' }).click();
    await row.getByText('Påbörjad', { exact: true }).waitFor();
    expect(await row.getByRole('button').allTextContents()).toEqual(['Slutförde', 'Avbröt']);
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-referral-steps');
    const history = (await call(web.service.as('counsellor'), 'GET', `/v1/jobseekers/${CLIENT}/referrals`)).body.items.find((x: { id: number }) => x.id === made.body.id).history;
    expect(history.map((e: { state: string }) => e.state)).toEqual(['referred', 'accepted', 'started']);
    await context.close();
  });
});

describe('a Swedish-speaking planner and admin', () => {
  it("see the exposure groups, the training plan's stop reason and the admin's words in Swedish", async () => {
    const { context, page } = await fresh('sv');
    page.setDefaultTimeout(120_000); // the dashboard's queries on ESCO keep a loaded 2-core machine busy
    await signIn(page, web.service.url, web.service.keys.planner);
    await page.goto(`${web.service.url}/#/planner?kind=area&place=tampere`);
    await page.waitForSelector('dl.indicators');
    await page.selectOption('#exposure-source', 'replay');
    await page.waitForSelector('text=/\\d+ listor\\./', { timeout: 60_000 });
    const body = await page.textContent('body');
    expect(body).toMatch(/Modersmål: (okänt|finska|svenska)/);
    expect(body).not.toMatch(/: (unknown|yes|no)\b/);
    await page.fill('#budget', '5');
    await page.click('form.search button:has-text("Gör planen")');
    await page.waitForSelector('p.plan-summary', { timeout: 60_000 });
    const summary = await page.textContent('p.plan-summary');
    expect(summary).toMatch(/Budgeten användes helt\.|Den återstående budgeten räcker inte|Ingen ytterligare plats öppnar jobb\.|Varför planen slutade visas inte/);
    await page.selectOption('#area-kind', 'region');
    expect(await page.locator('#area-place option').allTextContents()).toEqual(expect.arrayContaining(['Birkaland', 'Österbotten']));
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-planner');

    await web.service.engine.keys.create('admin', 'initial admin (created on first start)', 'national', 30);
    await context.clearCookies();
    await signIn(page, web.service.url, web.service.keys.admin);
    await page.waitForSelector('table tbody tr');
    const keys = await page.textContent('table');
    expect(keys).toContain('första administratören');
    expect(keys).toContain('Riksomfattande administration');
    expect(await page.locator('#key-org option').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('(riksomfattande)')]));
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, 'sv-l10n-admin');
    await context.close();
  }, 240_000); // a sample of rankings replayed now and a training plan: ~35 s alone, over 60 s beside other test files
});

describe('the same pages in Finnish', () => {
  it('name places in Finnish and say the service in Finnish', async () => {
    const { context, page } = await fresh('fi');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    await page.waitForSelector('table tbody tr');
    await settled(page);
    expect(await page.locator('tbody td:nth-child(3)').allTextContents()).toContain('Tampere');
    await screenshot(page, 'fi-l10n-clients');
    await page.goto(`${web.service.url}/#/clients/${CLIENT}`);
    await page.waitForSelector('li.hit');
    await settled(page);
    expect((await page.locator('li.hit p.muted').allTextContents()).join(' ')).toContain('Tampere');
    await screenshot(page, 'fi-l10n-client-matches');
    const alert = page.locator('[role=alert]');
    await page.goto(`${web.service.url}/#/clients/${HELSINKI_CLIENT}`);
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(`Työllisyysalueellasi ei ole asiakasta ${HELSINKI_CLIENT}`);
    await screenshot(page, 'fi-l10n-other-area');
    await page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
    await page.waitForSelector('#p-municipality');
    expect(await page.inputValue('#p-municipality')).toBe('Tampere');
    await page.fill('#p-municipality', 'Närpiöö');
    await page.click('form.profile button[type=submit]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('Tarkista kentät');
    expect(await alert.textContent()).toMatch(/Kunta: tuntematon kunta/);
    await screenshot(page, 'fi-l10n-bad-municipality');
    await context.close();
  });
});
