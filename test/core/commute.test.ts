import { describe, expect, it } from 'vitest';
import { commuteFacts, commuteGate, commuteOf, defaultCommuteKm, municipalityType, ROAD_FACTOR } from '../../src/core/commute.js';
import { regions } from '../../src/core/regions/regions.js';
import { DEFAULT_WEIGHTS } from '../../src/config.js';
import { scoreMatch } from '../../src/core/scoring.js';

const code = (name: string) => regions.municipality(name)!.code;
const place = (name: string) => ({ municipality: code(name), region: regions.municipality(name)!.regionCode });

describe('commuting range', () => {
  it('defaults by the home municipality type: shorter in a city, longer in the countryside', () => {
    expect(municipalityType(code('Helsinki'))).toBe('urban');
    expect(municipalityType(code('Mustasaari'))).toBe('semiUrban');
    expect(municipalityType(code('Maalahti'))).toBe('rural');
    expect(defaultCommuteKm(code('Tampere'))).toBeLessThan(defaultCommuteKm(code('Maalahti')));
    expect(commuteOf({ municipality: 'Malax' }).rangeKm).toBe(60);
    expect(commuteOf({ municipality: 'Malax', commuteKm: 10 }).rangeKm).toBe(10);
  });

  it('passes within the range (road km = centres × 1.3), fails beyond it, passes remote work', () => {
    const malax = commuteOf({ municipality: 'Malax' });
    const vasa = regions.distanceKm(code('Malax'), code('Vasa'))!;
    const kotka = regions.distanceKm(code('Malax'), code('Kotka'))!;
    expect(vasa * ROAD_FACTOR).toBeLessThan(60);
    expect(commuteGate(malax, place('Vasa'), vasa)).toBe('pass');
    expect(commuteGate(malax, place('Kotka'), kotka)).toBe('fail');
    expect(commuteGate(malax, { ...place('Kotka'), remote: true }, undefined)).toBe('pass');
    expect(commuteGate(undefined, place('Kotka'), kotka)).toBe('unknown');
    expect(commuteFacts(malax, place('Kotka'), kotka)).toEqual({ rangeKm: 60, roadKm: Math.round(kotka * 1.3), beyondRange: true });
  });

  it('does not demote a wished municipality or region, or any place for a client who would move', () => {
    const kotka = regions.distanceKm(code('Malax'), code('Kotka'))!;
    const wished = commuteOf({ municipality: 'Malax', wishedMunicipalities: ['Kotka'] });
    expect(commuteGate(wished, place('Kotka'), kotka)).toBe('pass');
    expect(commuteFacts(wished, place('Kotka'), kotka).waivedBy).toBe('wishedMunicipality');
    const region = commuteOf({ municipality: 'Malax', wishedRegions: ['Kymenlaakso'] });
    expect(commuteFacts(region, place('Kotka'), kotka).waivedBy).toBe('wishedRegion');
    const mobile = commuteOf({ municipality: 'Malax', willingToRelocate: true });
    expect(commuteGate(mobile, place('Kotka'), kotka)).toBe('pass');
    expect(commuteFacts(mobile, place('Kotka'), kotka).waivedBy).toBe('relocation');
  });

  it('reports the gate in a score without moving the score', () => {
    const seeker = { skills: new Set<string>(), ...place('Malax'), commute: commuteOf({ municipality: 'Malax' }) };
    const offer = { essential: [], optional: [], ...place('Kotka') };
    const beyond = scoreMatch(seeker, offer, 0.5, DEFAULT_WEIGHTS);
    expect(beyond.gates.commute).toBe('fail');
    expect(beyond.score).toBe(scoreMatch({ ...seeker, commute: commuteOf({ municipality: 'Malax', willingToRelocate: true }) }, offer, 0.5, DEFAULT_WEIGHTS).score);
  });
});

describe('commuting in spreadsheets and explanations', () => {
  it('reads the commuting columns in Finnish and Swedish', async () => {
    const { checkHeader, rowToRecord } = await import('../../src/core/imports/tabular.js');
    const fi = checkHeader('jobseekers', ['tunnus', 'työmatka km', 'toivotut kunnat', 'toivotut maakunnat', 'muuttohalukas']);
    expect(fi.problems).toEqual([]);
    expect(rowToRecord('jobseekers', fi.fields, ['A-1', '40', 'Vaasa; Mustasaari', 'Pohjanmaa', 'kyllä'])).toEqual({
      id: 'A-1', commuteKm: 40, wishedMunicipalities: ['Vaasa', 'Mustasaari'], wishedRegions: ['Pohjanmaa'], willingToRelocate: true,
    });
    const sv = checkHeader('jobseekers', ['id', 'pendlingsavstånd km', 'önskade kommuner', 'flyttbenägen']);
    expect(sv.problems).toEqual([]);
    expect(rowToRecord('jobseekers', sv.fields, ['A-2', '25', 'Vasa', 'nej'])).toEqual({ id: 'A-2', commuteKm: 25, wishedMunicipalities: ['Vasa'], willingToRelocate: false });
  });

  it('says in plain words when a vacancy is beyond the commuting range, or why it is not demoted', async () => {
    const { explainToPerson } = await import('../../src/core/oversight/explanation.js');
    const hit = {
      id: 'V-1', title: 'Myyjä', municipality: '285', municipalityName: 'Kotka', region: '08', distanceKm: 396, score: 0.6,
      parts: { semantic: 0.5, essential: null, optional: null, location: 0, occupation: 1 },
      gates: { language: 'pass', licence: 'pass', workingTime: 'pass', commute: 'fail' },
      commute: { rangeKm: 60, roadKm: 515, beyondRange: true }, matchedSkills: [], missingSkills: [],
    } as const;
    expect(explainToPerson(hit as never, 'fi').sentences).toContain('Työpaikka on työmatkasi ulkopuolella: tietä arviolta 515 km, työmatkasi on enintään 60 km.');
    expect(explainToPerson(hit as never, 'sv').sentences.join(' ')).toMatch(/utanför ditt pendlingsavstånd.*515 km.*60 km/);
    expect(explainToPerson(hit as never, 'en').sentences.join(' ')).toMatch(/beyond your commuting range: about 515 km by road, and your range is 60 km/);
    const moving = { ...hit, gates: { ...hit.gates, commute: 'pass' }, commute: { ...hit.commute, waivedBy: 'relocation' } };
    expect(explainToPerson(moving as never, 'sv').sentences.join(' ')).toMatch(/beredd att flytta/);
  });
});
