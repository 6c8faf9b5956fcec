import { describe, expect, it } from 'vitest';
import { explainToPerson } from '../../../src/core/oversight/explanation.js';
import { hit } from '../../helpers/hits.js';

const vacancy = (overrides: Parameters<typeof hit>[1] = {}) =>
  hit('V-1', {
    title: 'hitsaaja',
    employer: 'Konepaja Oy',
    municipality: '536',
    municipalityName: 'Nokia',
    distanceKm: 13.8,
    score: 0.784,
    matchedSkills: [{ uri: 'skill:mig', label: 'MIG-hitsaus', importance: 'essential' }],
    missingSkills: [{ uri: 'skill:tig', label: 'TIG-hitsaus', importance: 'essential' }],
    ...overrides,
  });

/** Why a vacancy was suggested, in plain words for the person (EU AI Act: explanation to the person). */
describe('explainToPerson', () => {
  it('says, in Finnish, what matched, what is missing, the occupation, the text, the distance and the fit, then that a person decides', () => {
    const { vacancy: id, lang, sentences } = explainToPerson(vacancy(), 'fi');
    expect([id, lang]).toEqual(['V-1', 'fi']);
    expect(sentences.slice(0, -1)).toEqual([
      'Sinulle ehdotettiin työpaikkaa hitsaaja, Konepaja Oy, Nokia. Perusteet:',
      'Osaamisesi vastaa 1/2 vaaditusta taidosta: MIG-hitsaus.',
      'Sinulta puuttuu vielä: TIG-hitsaus. Näihin voi löytyä koulutusta; kysy neuvojaltasi.',
      'Ammattisi tai ammattitoiveesi on sama tai lähellä tätä työtä.',
      'Profiilisi teksti on lähellä ilmoituksen tekstiä.',
      'Työpaikka on noin 14 km päässä kotikunnastasi.',
      'Sopivuus 78 / 100 (vertailuluku muihin ehdotuksiin, ei arvio sinusta).',
    ]);
    expect(sentences.at(-1)).toMatch(/^Ehdotus on apu, ei päätös/);
  });

  it('names the municipality in Swedish in a Swedish explanation', () => {
    expect(explainToPerson(vacancy({ municipality: '837', municipalityName: 'Tampere' }), 'sv').sentences[0]).toBe('Du fick förslaget hitsaaja, Konepaja Oy, Tammerfors. Grunderna:');
  });

  it('says which hard requirements fail and why a job beyond the commute is still suggested', () => {
    const failing = vacancy({
      employer: undefined,
      matchedSkills: [],
      parts: { semantic: 0.2, essential: 0, optional: null, location: 0.1, occupation: 0.5 },
      gates: { language: 'fail', licence: 'fail', cards: 'fail', workingTime: 'fail', commute: 'fail' },
      distanceKm: 160.6,
      commute: { rangeKm: 30, roadKm: 209, beyondRange: true },
    });
    expect(explainToPerson(failing, 'en').sentences.slice(0, -2)).toEqual([
      'You were suggested the vacancy hitsaaja, Nokia. Why:',
      'Your profile does not yet list any of the skills the vacancy requires.',
      'Still missing: TIG-hitsaus. There may be training for these; ask your counsellor.',
      'The job is about 161 km from your home municipality.',
      'The vacancy requires a language your profile does not list.',
      'The vacancy requires a driving licence your profile does not list.',
      'The vacancy requires a card or certificate your profile does not list.',
      'The working time is not the one you look for.',
      'The job is beyond your commuting range: about 209 km by road, and your range is 30 km.',
    ]);
    const moving = { ...failing, commute: { ...failing.commute!, waivedBy: 'relocation' as const } };
    expect(explainToPerson(moving, 'en').sentences).toContain('The job is further away than your commuting range, but you are willing to move for work.');
    const wished = { ...failing, commute: { ...failing.commute!, waivedBy: 'wishedRegion' as const } };
    expect(explainToPerson(wished, 'en').sentences).toContain('The job is further away than your commuting range, but you wished to work in this municipality or region.');
  });

  it('says the job is here for remote work or the same municipality, and leaves out skills when none are required', () => {
    const remote = vacancy({ distanceKm: undefined, matchedSkills: [], missingSkills: [] });
    const sentences = explainToPerson(remote, 'en').sentences;
    expect(sentences[1]).toBe('Your occupation or the occupation you wish for is the same as or close to this job.');
    expect(sentences).toContain('The job is in your home municipality, or remote.');
    expect(explainToPerson(vacancy({ distanceKm: 0.4 }), 'en').sentences).toContain('The job is in your home municipality, or remote.');
  });

  it('says as many things in every language', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) expect(explainToPerson(vacancy(), lang).sentences).toHaveLength(8);
  });
});
