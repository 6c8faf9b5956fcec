import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ERRORS,
  forbidden,
  invalidInput,
  KohtaantoError,
  MESSAGES,
  notFound,
  notInArea,
  PROBLEMS,
  problemText,
  said,
  tooManyRecords,
  type Lang,
  type MessageId,
} from '../../src/core/errors.js';

const LANGS: Lang[] = ['fi', 'sv', 'en'];
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/** Every text of the catalogue by where it is: errors by code, messages, field problems. */
const TEXTS: [string, Record<Lang, string>][] = [
  ...Object.entries(ERRORS).map(([code, e]) => [`ERRORS.${code}`, e] as [string, Record<Lang, string>]),
  ...Object.entries(MESSAGES).map(([id, m]) => [`MESSAGES.${id}`, m] as [string, Record<Lang, string>]),
  ...Object.entries(PROBLEMS).map(([code, p]) => [`PROBLEMS.${code}`, p] as [string, Record<Lang, string>]),
];

/** The English message's own parameters where fi/sv say it otherwise (the rate limiter's "1 minute" is English). */
const ENGLISH_ONLY_PARAMS: Record<string, string[]> = { 'MESSAGES.requests_too_often': ['after'] };

describe('the error catalogue', () => {
  it('has every text in Finnish, Swedish and English, with the same placeholders, fi and sv not English', () => {
    for (const [where, texts] of TEXTS) {
      for (const lang of LANGS) expect(texts[lang]?.trim(), `${where}.${lang}`).toBeTruthy();
      expect(placeholders(texts.sv), `${where}: sv placeholders`).toEqual(placeholders(texts.fi));
      const english = [...placeholders(texts.en)].filter((p) => !(ENGLISH_ONLY_PARAMS[where] ?? []).includes(p!));
      for (const p of english) expect(placeholders(texts.fi).has(p), `${where}: {${p}} of en missing in fi`).toBe(true);
      expect(texts.fi, `${where}: fi is English`).not.toBe(texts.en);
      expect(texts.sv, `${where}: sv is English`).not.toBe(texts.en);
    }
  });

  it('gives every message a code of the catalogue (its HTTP status)', () => {
    for (const [id, m] of Object.entries(MESSAGES)) expect(ERRORS[m.code].status, id).toBeGreaterThanOrEqual(400);
  });

  it('answers every message in the language asked, English as the API said it before', () => {
    const params = { id: 'JS-1', state: 'started', next: 'completed, interrupted', kind: 'jobseeker', role: 'planner', allowed: 'counsellor, admin', limit: 5, wait: 30, max: 600, after: '1 minute', method: 'GET', url: '/x', area: 'Tampere', transfer: 7, got: 9, percent: 40, total: 2311 };
    for (const id of Object.keys(MESSAGES) as MessageId[]) {
      const error = said(id, params);
      expect(error.code).toBe(MESSAGES[id].code);
      for (const lang of LANGS) expect(error.text(lang), `${id}.${lang}`).not.toMatch(/\{\w+\}/);
      expect(error.text('sv'), id).not.toBe(error.text('en'));
    }
    expect(said('key_refused').text('en')).toBe('unknown or revoked API key');
    expect(said('role_refused', { role: 'planner', allowed: 'counsellor, admin' }).text('sv')).toBe('Rollen planerare har inte tillgång till detta (tillåtna: handläggare, administratör).');
    expect(notFound('training', 'T-0152').text('fi')).toBe('Ei löydy: koulutus T-0152.');
    expect(notFound('training', 'T-0152').message).toBe("training 'T-0152' does not exist");
  });

  it("tells a counsellor about another area's client in their language, without headers or routes", () => {
    const error = notInArea('JS-000010');
    expect(error.code).toBe('not_found');
    for (const lang of ['fi', 'sv'] as const) {
      expect(error.text(lang)).toContain('JS-000010');
      expect(error.text(lang)).not.toMatch(/X-Transfer-Reason|POST|\/v1\//);
    }
    expect(error.text('sv')).toMatch(/^Ditt sysselsättningsområde har ingen kund JS-000010\./);
  });

  it("says a core service's English message in Finnish and Swedish: known ones by their text, others by their code's", () => {
    const outside = forbidden(
      "jobseeker 'JS-1' would live outside Tampereen seudun työllisyysalue (tampere): a client is registered and changed by the counsellors of the area they live in (another area's client is reached by an approved transfer)",
    );
    expect(outside.text('sv')).toBe('Kunden JS-1 skulle bo utanför Tampereen seudun työllisyysalue (tampere): en kund registreras och ändras av handläggarna i det område där hen bor.');
    expect(outside.text('en')).toBe(outside.message);
    const other = forbidden('something no catalogue knows');
    expect(other.text('fi')).toBe(ERRORS.forbidden.fi);
    expect(other.text('sv')).toBe(ERRORS.forbidden.sv);
    expect(new KohtaantoError('conflict', 'transfer 3 is approved: nothing to withdraw').text('sv')).toBe(ERRORS.conflict.sv);
  });

  it('says field problems in the language asked, never English in fi or sv', () => {
    const unknown = { field: 'municipality', message: "unknown municipality 'Närpiöö'" };
    expect(problemText(unknown, 'sv')).toBe('okänd kommun "Närpiöö"');
    expect(problemText(unknown, 'en')).toBe(unknown.message);
    const refined = { field: 'municipality', message: 'unknown municipality: give a Finnish municipality code (e.g. "091") or its Finnish or Swedish name' };
    expect(problemText(refined, 'sv')).toMatch(/^okänd kommun: ange kommunens namn/);
    expect(problemText({ field: 'title', message: 'Too big: expected string to have <=200 characters' }, 'fi')).toBe('enintään 200 merkkiä');
    expect(problemText({ field: 'x', message: 'Some validator text nobody translated' }, 'sv')).toBe(PROBLEMS.invalid_value.sv);
    const input = invalidInput([{ ...unknown, line: 3 }]);
    expect(input.text('sv')).toBe('Uppgifterna innehåller fel; inget sparades. rad 3: municipality: okänd kommun "Närpiöö"');
    expect(input.text('en')).toBe(input.message);
    expect(tooManyRecords(500, 501).text('fi')).toBe('Yhdessä erässä voi olla enintään 500 tietuetta, nyt 501.');
    expect(tooManyRecords(500, 501).message).toBe('a batch holds at most 500 records, got 501');
  });

  it('is where every error answer of the HTTP layer comes from: no body built by hand', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const byHand = files(join(root, 'src', 'http'))
      .filter((file) => !file.endsWith(join('http', 'errors.ts')) && !file.endsWith('trust-proxy.ts')) // the one place that writes them; a setting's parser
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (/\b(error|message):\s*['`"]|send\(\{\s*error\b/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(byHand).toEqual([]);
  });
});
