import { describe, expect, it } from 'vitest';
import { DemandSupply, OTHER, longTermSince } from '../../../src/core/analytics/demand-supply.js';
import type { AnalyticsFilter, AnalyticsSource, OccupationCountRow, SkillCountRow } from '../../../src/core/ports.js';
import { MIG, PRACTICAL_NURSE, TIG, WELDER, curatedTaxonomy } from '../../helpers/taxonomy.js';

/** TEST DOUBLE — an analytics source answering fixed aggregate rows, recording what it was asked. */
function source(rows: {
  essential?: SkillCountRow[];
  optional?: SkillCountRow[];
  jobseekerSkills?: SkillCountRow[];
  vacancyOccupations?: OccupationCountRow[];
  jobseekerOccupations?: OccupationCountRow[];
}) {
  const asked: unknown[] = [];
  const s: AnalyticsSource = {
    vacancySkills: async (filter, importance) => (asked.push(['vacancySkills', filter, importance]), (importance === 'essential' ? rows.essential : rows.optional) ?? []),
    jobseekerSkills: async (filter) => (asked.push(['jobseekerSkills', filter]), rows.jobseekerSkills ?? []),
    vacancyOccupations: async (filter) => (asked.push(['vacancyOccupations', filter]), rows.vacancyOccupations ?? []),
    jobseekerOccupations: async (filter, since) => (asked.push(['jobseekerOccupations', filter, since]), rows.jobseekerOccupations ?? []),
    vacancyIds: async () => [],
    jobseekerIds: async () => [],
  };
  return { source: s, asked };
}

const skill = (occupation: string | null, uri: string, records: number, positions = records): SkillCountRow => ({ occupation, uri, records, positions });
const occupation = (occ: string | null, records: number, positions = records, longTerm = 0): OccupationCountRow => ({ occupation: occ, records, positions, longTerm });
const filter: AnalyticsFilter = { municipalities: ['837'] };
/** The installation's key the draws are keyed by (any 32 bytes). */
const KEY = Buffer.alloc(32, 7);

describe('DemandSupply.skills', () => {
  const rows = {
    essential: [skill(WELDER, MIG, 10, 12), skill(WELDER, 'text:salainen taito', 1), skill(PRACTICAL_NURSE, 'urn:kohtaanto:skill:nope', 2)],
    optional: [skill(WELDER, TIG, 3), skill(WELDER, MIG, 1)],
    jobseekerSkills: [skill(WELDER, MIG, 20), skill(WELDER, TIG, 2), skill('7212', 'text:harvinainen sairaus', 2), skill(null, MIG, 5)],
  };

  it('counts demand exactly and supply rounded (a multiple of 5 as it is) or suppressed (0 to 2 always), with gap and ratio from the published supply, ordered by the published gap', async () => {
    const { source: s, asked } = source(rows);
    const result = await new DemandSupply(s, curatedTaxonomy(), KEY).skills({ ...filter, lang: 'en', today: '2026-12-06' });
    expect(result).toEqual([
      {
        uri: TIG,
        label: 'TIG welding',
        demand: { vacancies: 3, essential: 0, optional: 3, positions: 3 },
        supply: '<5',
        gap: null,
        shortageRatio: null,
      },
      // An unknown uri keeps its uri as the label.
      {
        uri: 'urn:kohtaanto:skill:nope',
        label: 'urn:kohtaanto:skill:nope',
        demand: { vacancies: 2, essential: 2, optional: 0, positions: 2 },
        supply: '<5',
        gap: null,
        shortageRatio: null,
      },
      // Free-text skills of vacancies and jobseekers together, as one row.
      {
        uri: OTHER,
        label: 'other (not in the taxonomy)',
        demand: { vacancies: 1, essential: 1, optional: 0, positions: 1 },
        supply: '<5',
        gap: null,
        shortageRatio: null,
      },
      // 20 + 5 = 25 jobseekers, published as 25 (a multiple of 5 is never rounded away): gap 11 − 25, ratio 11 / 25.
      {
        uri: MIG,
        label: 'MIG welding',
        demand: { vacancies: 11, essential: 10, optional: 1, positions: 13 },
        supply: 25,
        gap: -14,
        shortageRatio: 0.44,
      },
    ]);
    expect(asked).toEqual([
      ['vacancySkills', { ...filter, lang: 'en', today: '2026-12-06' }, 'essential'],
      ['vacancySkills', { ...filter, lang: 'en', today: '2026-12-06' }, 'optional'],
      ['jobseekerSkills', { ...filter, lang: 'en', today: '2026-12-06' }],
    ]);
  });

  it('labels in the language asked for, and keeps only an ISCO group when one is given (records without an occupation left out)', async () => {
    const { source: s } = source(rows);
    const result = await new DemandSupply(s, curatedTaxonomy(), KEY).skills({ lang: 'sv', today: '2026-12-06', occupationGroup: '721' });
    expect(result.map((r) => [r.label, r.demand.vacancies, r.supply])).toEqual([
      ['TIG-svetsning', 3, '<5'],
      ['annat (inte i klassificeringen)', 1, '<5'],
      ['MIG-svetsning', 11, 20], // the 5 without an occupation left out
    ]);
    expect((await new DemandSupply(s, curatedTaxonomy(), KEY).skills({ lang: 'fi', today: '2026-12-06', occupationGroup: '5' })).map((r) => r.uri)).toEqual([
      'urn:kohtaanto:skill:nope',
    ]);
  });
});

describe('DemandSupply.occupations', () => {
  // (9331, an ISCO group the test taxonomy has no occupation in, stays a group; so does one it has occupations in.)
  it('merges a concept with its ISCO-only and free-text siblings by key, counts long-term unemployment suppressed, and asks for the long-term date', async () => {
    const { source: s, asked } = source({
      vacancyOccupations: [occupation(WELDER, 8, 9), occupation('hitsaaja', 2), occupation('9331', 6), occupation('salainen ammatti', 1), occupation(null, 3)],
      jobseekerOccupations: [occupation(WELDER, 30, 30, 10), occupation('9331', 2, 2, 2), occupation('toinen salainen', 2, 2, 1)],
    });
    const result = await new DemandSupply(s, curatedTaxonomy(), KEY).occupations({ lang: 'fi', today: '2026-12-06' });
    expect(result).toEqual([
      { occupation: null, isco: '9331', label: '9331', demand: { vacancies: 6, positions: 6 }, supply: '<5', longTermUnemployed: '<5', gap: null, shortageRatio: null },
      { occupation: null, isco: null, label: '(no occupation given)', demand: { vacancies: 3, positions: 3 }, supply: '<5', longTermUnemployed: '<5', gap: null, shortageRatio: null },
      { occupation: null, isco: null, label: 'muu (ei luokituksessa)', demand: { vacancies: 1, positions: 1 }, supply: '<5', longTermUnemployed: '<5', gap: null, shortageRatio: null },
      { occupation: WELDER, isco: '7212', label: 'hitsaaja', demand: { vacancies: 10, positions: 11 }, supply: 30, longTermUnemployed: 10, gap: -20, shortageRatio: 0.33 },
    ]);
    expect(asked[1]).toEqual(['jobseekerOccupations', { lang: 'fi', today: '2026-12-06' }, '2025-11-30']);
  });

  it('counts records giving a bare ISCO group as that group, not as its first occupation', async () => {
    const { source: s } = source({ vacancyOccupations: [occupation(WELDER, 8)], jobseekerOccupations: [occupation('7212', 5), occupation(WELDER, 5)] });
    const result = await new DemandSupply(s, curatedTaxonomy(), KEY).occupations({ lang: 'fi', today: '2026-12-06' });
    expect(result.map((r) => [r.occupation, r.isco, r.demand.vacancies, r.supply])).toEqual([
      [WELDER, '7212', 8, 5],
      [null, '7212', 0, 5],
    ]);
    expect(result[1]!.label).not.toBe('hitsaaja');
  });
});

describe('DemandSupply: counts of jobseekers rounded at random under the installation key', () => {
  // Forty skills and forty occupations, each held by 13 jobseekers: 10 or 15 at random (15 with probability 3/5).
  const uris = Array.from({ length: 40 }, (_, i) => `urn:test:skill:${i}`);
  const occupations = Array.from({ length: 40 }, (_, i) => String(1100 + i)); // bare ISCO groups: forty rows
  const { source: s } = source({
    jobseekerSkills: uris.map((uri) => skill(WELDER, uri, 13)),
    jobseekerOccupations: occupations.map((o) => occupation(o, 13, 13, 13)),
  });
  const supply = async (key: Buffer, query: { municipalities?: string[]; lang: 'fi' | 'sv'; today?: string; occupationGroup?: string; from?: string; language?: string }) => [
    ...(await new DemandSupply(s, curatedTaxonomy(), key).skills({ today: '2026-12-06', ...query })).map((r) => [r.uri, r.supply]),
    ...(await new DemandSupply(s, curatedTaxonomy(), key).occupations({ today: '2026-12-06', ...query })).map((r) => [r.label, r.supply, r.longTermUnemployed]),
  ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('publishes 13 as 10 or 15, both among forty cells, never as the nearest 5 alone', async () => {
    const published = (await supply(KEY, { municipalities: ['837', '536'], lang: 'fi' })).flatMap((r) => r.slice(1));
    expect(new Set(published)).toEqual(new Set([10, 15]));
  });

  it('answers the same question the same way: again, in Swedish, in another order of the same municipalities, on another day of the month, for another period of vacancies', async () => {
    const first = await supply(KEY, { municipalities: ['837', '536'], lang: 'fi' });
    expect(await supply(KEY, { municipalities: ['837', '536'], lang: 'fi' })).toEqual(first);
    const strip = (rows: unknown[][]) => rows.map((r) => r.slice(1));
    expect(strip(await supply(KEY, { municipalities: ['536', '837'], lang: 'sv' }))).toEqual(strip(first));
    expect(await supply(KEY, { municipalities: ['536', '837'], lang: 'fi', today: '2026-12-20', from: '2026-01-02' })).toEqual(first);
  });

  it('draws again for another place, another language of the jobseekers, another key (and for skills, another occupation group)', async () => {
    const first = (await supply(KEY, { municipalities: ['837', '536'], lang: 'fi' })).map((r) => r.slice(1));
    for (const other of [
      supply(KEY, { municipalities: ['837'], lang: 'fi' }),
      supply(KEY, { municipalities: ['837', '536'], lang: 'fi', language: 'sv' }),
      supply(Buffer.alloc(32, 8), { municipalities: ['837', '536'], lang: 'fi' }),
    ]) {
      expect((await other).map((r) => r.slice(1))).not.toEqual(first);
    }
    const skillsOf = async (occupationGroup?: string) => (await new DemandSupply(s, curatedTaxonomy(), KEY).skills({ lang: 'fi', today: '2026-12-06', ...(occupationGroup ? { occupationGroup } : {}) })).map((r) => r.supply);
    expect(await skillsOf('7')).not.toEqual(await skillsOf());
    // An occupation's people are the same whatever group is asked for: one cell, one draw.
    const occupationsOf = async (occupationGroup?: string) => (await new DemandSupply(s, curatedTaxonomy(), KEY).occupations({ lang: 'fi', today: '2026-12-06', ...(occupationGroup ? { occupationGroup } : {}) })).map((r) => r.supply);
    expect(await occupationsOf('')).toEqual(await occupationsOf());
  });

  it('draws long-term unemployment again when its month moves, and the supply not', async () => {
    const before = await new DemandSupply(s, curatedTaxonomy(), KEY).occupations({ lang: 'fi', today: '2026-12-06' });
    const after = await new DemandSupply(s, curatedTaxonomy(), KEY).occupations({ lang: 'fi', today: '2027-01-06' });
    expect(after.map((r) => r.supply)).toEqual(before.map((r) => r.supply));
    expect(after.map((r) => r.longTermUnemployed)).not.toEqual(before.map((r) => r.longTermUnemployed));
  });
});

describe('longTermSince', () => {
  it('is twelve months before the published month end, moving once a month', () => {
    expect(longTermSince('2026-12-06')).toBe('2025-11-30');
    expect(longTermSince('2026-12-31')).toBe('2025-12-31');
    expect(longTermSince('2024-02-29')).toBe('2023-02-28');
    expect(longTermSince('2027-01-01')).toBe('2025-12-31');
  });
});
