import { describe, expect, it } from 'vitest';
import { locationFit } from '../../src/core/location.js';
import { seekerRequirements } from '../../src/core/requirements/sides.js';
import { DEFAULT_WEIGHTS } from '../../src/config.js';
import { aboveLevel, exactCredit, failsGate, NO_RELATIONS, occupationFit, otherWork, RELATED_WORK_FLOOR, rememberCredits, scoreMatch, TEXT_SHARE_WITH_OCCUPATIONS, type OfferSide, type SeekerSide, type SkillCredit } from '../../src/core/scoring.js';

const skills = new Set(['a', 'b', 'x']);
const seeker: SeekerSide = { skills, ...seekerRequirements({ languages: ['fi'], drivingLicence: true }, skills), municipality: '837', region: '06', workingTime: 'full' };
const good = (code: string) => ({ code, rank: 1 });
const offer: OfferSide = { essential: ['a', 'b', 'c', 'd'], optional: ['x', 'y'], municipality: '837', region: '06', languages: [good('fi')], workingTime: 'full' };

describe('scoreMatch', () => {
  it('is the weighted mean of semantic, essential, optional and location parts', () => {
    const s = scoreMatch(seeker, offer, 0.8, DEFAULT_WEIGHTS);
    expect(s.parts).toEqual({ semantic: 0.8, essential: 0.5, optional: 0.5, location: 1, occupation: null });
    const w = DEFAULT_WEIGHTS;
    const known = w.semantic + w.essential + w.optional + w.location; // occupation unknown: left out
    expect(s.score).toBeCloseTo((w.semantic * 0.8 + w.essential * 0.5 + w.optional * 0.5 + w.location * 1) / known, 4);
    expect(s.missing).toEqual([
      { uri: 'c', importance: 'essential' },
      { uri: 'd', importance: 'essential' },
      { uri: 'y', importance: 'optional' },
    ]);
    expect(s.matched.map((m) => m.uri)).toEqual(['a', 'b', 'x']);
  });

  it('weighs the texts less when both sides name their occupation (the occupation part says what work each is)', () => {
    const w = DEFAULT_WEIGHTS;
    const withOccupations = scoreMatch({ ...seeker, occupations: [{ uri: 'o:a', isco: '7212' }] }, { ...offer, occupation: { uri: 'o:a', isco: '7212' } }, 0.2, w);
    expect(withOccupations.parts).toMatchObject({ semantic: 0.2, occupation: 1 });
    const text = w.semantic * TEXT_SHARE_WITH_OCCUPATIONS;
    expect(withOccupations.score).toBeCloseTo((text * 0.2 + w.essential * 0.5 + w.optional * 0.5 + w.location + w.occupation) / (text + w.essential + w.optional + w.location + w.occupation), 4);
    // One side's occupation unknown: the texts keep their full weight (they are then the evidence of the kind of work).
    const s = scoreMatch(seeker, offer, 0.2, w);
    expect(s.score).toBeCloseTo((w.semantic * 0.2 + w.essential * 0.5 + w.optional * 0.5 + w.location) / (w.semantic + w.essential + w.optional + w.location), 4);
  });

  it('drops unknown parts and renormalises the other weights', () => {
    const s = scoreMatch({ skills: new Set(['a']) }, { ...offer, essential: [], optional: [] }, 0.5, DEFAULT_WEIGHTS);
    expect(s.parts).toMatchObject({ essential: null, optional: null, location: null });
    expect(s.score).toBeCloseTo(0.5, 4);
  });

  it('rises when the jobseeker gains a missing essential skill, more than for an optional one', () => {
    const even: OfferSide = { ...offer, essential: ['a', 'c'], optional: ['x', 'y'] };
    const before = scoreMatch(seeker, even, 0.7, DEFAULT_WEIGHTS).score;
    const withEssential = scoreMatch({ ...seeker, skills: new Set([...seeker.skills, 'c']) }, even, 0.7, DEFAULT_WEIGHTS).score;
    const withOptional = scoreMatch({ ...seeker, skills: new Set([...seeker.skills, 'y']) }, even, 0.7, DEFAULT_WEIGHTS).score;
    expect(withEssential).toBeGreaterThan(withOptional);
    expect(withOptional).toBeGreaterThan(before);
  });

  it('shows language, licence and working time as gates, not points', () => {
    const strict: OfferSide = { ...offer, languages: [good('fi'), good('sv')], licences: ['B'], cards: ['hygiene-passport'], workingTime: 'part' };
    const s = scoreMatch(seeker, strict, 0.8, DEFAULT_WEIGHTS);
    expect(s.gates).toEqual({ language: 'fail', licence: 'pass', cards: 'unknown', workingTime: 'fail', commute: 'unknown' });
    expect(s.score).toBe(scoreMatch(seeker, offer, 0.8, DEFAULT_WEIGHTS).score);
    const unknown = scoreMatch({ skills: new Set() }, strict, 0.8, DEFAULT_WEIGHTS);
    expect(unknown.gates).toEqual({ language: 'unknown', licence: 'unknown', cards: 'unknown', workingTime: 'unknown', commute: 'unknown' });
    expect(scoreMatch({ ...seeker, workingTime: 'any' }, strict, 0.8, DEFAULT_WEIGHTS).gates.workingTime).toBe('pass');
  });

  it('clips negative similarity to zero', () => {
    expect(scoreMatch(seeker, offer, -0.3, DEFAULT_WEIGHTS).parts.semantic).toBe(0);
  });
});

describe('locationFit', () => {
  it('is 1 in the same municipality or for remote work, then falls with the distance between centres', () => {
    expect(locationFit({ municipality: '837', region: '06' }, { municipality: '837', region: '06' })).toBe(1);
    // Nokia–Tampere ~15 km: most of the way; Lahti–Hollola ~7 km; Helsinki–Tampere ~160 km: little.
    expect(locationFit({ municipality: '536', region: '06' }, { municipality: '837', region: '06' })).toBeGreaterThan(0.8);
    expect(locationFit({ municipality: '398', region: '07' }, { municipality: '098', region: '07' })).toBeGreaterThan(0.9);
    expect(locationFit({ municipality: '091', region: '01' }, { municipality: '837', region: '06' })).toBeLessThan(0.15);
    // Lahti–Vaasa (~330 km) is far below Lahti–Orimattila (~20 km), though neither shares the municipality,
    // and still below Helsinki–Tampere: the tail tells a long way from a very long way.
    expect(locationFit({ municipality: '398' }, { municipality: '905' })).toBeLessThan(0.05);
    expect(locationFit({ municipality: '398' }, { municipality: '560' })).toBeGreaterThan(0.7);
    expect(locationFit({ municipality: '091' }, { municipality: '837' })).toBeGreaterThan(2 * locationFit({ municipality: '398' }, { municipality: '905' })!);
    expect(locationFit({ municipality: '091', region: '01' }, { municipality: '837', region: '06', remote: true })).toBe(1);
    expect(locationFit({}, { municipality: '837' })).toBeNull();
  });
});

describe('occupation fit and related skills', () => {
  it('gives the same occupation full credit, then less for ever wider ISCO groups; unknown is null', () => {
    expect(occupationFit([{ uri: 'o:nurse', isco: '2221' }], { uri: 'o:nurse', isco: '2221' })).toBe(1);
    expect(occupationFit([{ uri: 'o:a', isco: '7212' }], { uri: 'o:b', isco: '7212' })).toBe(0.8);
    expect(occupationFit([{ isco: '7212' }], { isco: '7213' })).toBe(0.5);
    expect(occupationFit([{ isco: '2221' }], { isco: '5321' })).toBe(0);
    expect(occupationFit([], { isco: '5321' })).toBeNull();
    expect(occupationFit([{ isco: '5321' }], undefined)).toBeNull();
  });

  it('gives related work (shared essential skills) part credit, never more than a shared unit group', () => {
    // Test double: forklift operator and warehouse worker share half their essential skills.
    const relation = (a: string, b: string) => (new Set([a, b]).has('o:forklift') && new Set([a, b]).has('o:warehouse') ? 0.5 : 0);
    expect(occupationFit([{ uri: 'o:warehouse', isco: '4321' }], { uri: 'o:forklift', isco: '8344' }, relation)).toBe(0.25);
    expect(occupationFit([{ uri: 'o:warehouse', isco: '4321' }], { uri: 'o:forklift', isco: '8344' })).toBe(0);
    expect(occupationFit([{ uri: 'o:warehouse', isco: '4321' }], { uri: 'o:clerk', isco: '4321' }, () => 1)).toBe(0.8);
  });

  it("counts the group a record gives and the group its concept is filed in alike (a registry's group and ESCO's may differ)", () => {
    // A livestock worker's record given 6121 (the registry's group) names ESCO's livestock worker, filed in 9212.
    const groupOf = (uri: string) => ({ 'o:livestock-worker': '9212', 'o:berry-picker': '9211', 'o:warehouse-worker': '9333' })[uri];
    const livestock = [{ uri: 'o:livestock-worker', isco: '6121' }];
    expect(occupationFit(livestock, { uri: 'o:berry-picker', isco: '9211' })).toBe(0);
    expect(occupationFit(livestock, { uri: 'o:berry-picker', isco: '9211' }, undefined, groupOf)).toBe(0.5);
    // Either side: a vacancy given 4321 naming ESCO's warehouse worker (9333) and a client filed in 9333.
    expect(occupationFit([{ uri: 'o:freight-handler', isco: '9333' }], { uri: 'o:warehouse-worker', isco: '4321' }, undefined, groupOf)).toBe(0.8);
    // The skill levels are the groups given: 6121 and 2221 stay two levels apart.
    expect(occupationFit(livestock, { uri: 'o:nurse', isco: '2221' }, () => 1, groupOf)).toBe(0);
  });

  it('gives related work no credit two ISCO skill levels apart, and the sub-major group only when a side names no concept', () => {
    const shared = () => 0.5; // half the essential skills in common
    expect(occupationFit([{ uri: 'o:welder', isco: '7212' }], { uri: 'o:welding-engineer', isco: '2144' }, shared)).toBe(0);
    expect(occupationFit([{ uri: 'o:nurse', isco: '2221' }], { uri: 'o:practical-nurse', isco: '5321' }, shared)).toBe(0);
    expect(occupationFit([{ uri: 'o:caretaker', isco: '5153' }], { uri: 'o:estate-agent', isco: '3334' }, shared)).toBe(0.25);
    expect(occupationFit([{ uri: 'o:delivery-driver', isco: '8322' }], { uri: 'o:truck-driver', isco: '8332' })).toBe(0);
    expect(occupationFit([{ uri: 'o:delivery-driver', isco: '8322' }], { isco: '8332' })).toBe(0.25);
    expect(occupationFit([{ uri: 'o:manager', isco: '1219' }], { uri: 'o:clerk', isco: '4110' }, shared)).toBe(0.25);
  });

  it('counts a narrower held skill fully and a broader one in part, naming it', () => {
    const credit = (held: ReadonlySet<string>, required: string) =>
      held.has(required) ? { credit: 1 } : held.has('mig') && required === 'welding' ? { credit: 1, via: 'mig' } : { credit: 0 };
    const s = scoreMatch({ skills: new Set(['mig']) }, { essential: ['welding', 'drawings'], optional: [] }, 0.5, DEFAULT_WEIGHTS, { ...NO_RELATIONS, skillCredit: credit });
    expect(s.parts.essential).toBe(0.5);
    expect(s.matched).toEqual([{ uri: 'welding', importance: 'essential', via: 'mig' }]);
  });

  it('reports failed gates so that the matcher can rank them last', () => {
    expect(failsGate({ language: 'fail', licence: 'pass', cards: 'pass', workingTime: 'pass', commute: 'pass' })).toBe(true);
    expect(failsGate({ language: 'pass', licence: 'pass', cards: 'fail', workingTime: 'pass', commute: 'pass' })).toBe(true);
    expect(failsGate({ language: 'unknown', licence: 'pass', cards: 'unknown', workingTime: 'pass', commute: 'pass' })).toBe(false);
  });

  it('gates licence classes (a higher class covers the ones it includes), language levels and cards', () => {
    const gatesOf = (j: Parameters<typeof seekerRequirements>[0], o: Partial<OfferSide>, held: string[] = []) =>
      scoreMatch({ skills: new Set(held), ...seekerRequirements(j, new Set(held)) }, { essential: [], optional: [], ...o }, 0.5, DEFAULT_WEIGHTS).gates;
    expect(gatesOf({ drivingLicences: ['CE'] }, { licences: ['C', 'B'] }).licence).toBe('pass');
    expect(gatesOf({ drivingLicences: ['B'] }, { licences: ['C'] }).licence).toBe('fail');
    expect(gatesOf({ drivingLicence: true }, { licences: ['C'] }).licence).toBe('unknown');
    expect(gatesOf({ drivingLicence: false }, { licences: ['B'] }).licence).toBe('fail');
    expect(gatesOf({}, { licences: ['C'] }, ['urn:kohtaanto:skill:licenceC']).licence).toBe('pass');
    expect(gatesOf({ languageLevels: [{ code: 'sv', level: 'basic' }] }, { languages: [good('sv')] }).language).toBe('fail');
    expect(gatesOf({ languages: ['sv'] }, { languages: [{ code: 'sv', rank: 2 }] }).language).toBe('unknown');
    expect(gatesOf({ languageLevels: [{ code: 'sv', level: 'native' }] }, { languages: [{ code: 'sv', rank: 2 }] }).language).toBe('pass');
    expect(gatesOf({ cards: [] }, { cards: ['forklift'] }).cards).toBe('fail');
    expect(gatesOf({}, { cards: ['forklift'] }, ['urn:kohtaanto:skill:forklift']).cards).toBe('pass');
    expect(failsGate({ language: 'pass', licence: 'pass', cards: 'pass', workingTime: 'pass', commute: 'fail' })).toBe(true);
  });
});

describe('rememberCredits', () => {
  it("answers as the credit it wraps, working each required skill out once per set of held skills", () => {
    let asked = 0;
    const counting: SkillCredit = (held, required) => {
      asked++;
      return exactCredit(held, required);
    };
    const credit = rememberCredits(counting);
    const alice = new Set(['a', 'b']);
    expect([credit(alice, 'a'), credit(alice, 'c'), credit(alice, 'a'), credit(alice, 'c')].map((c) => c.credit)).toEqual([1, 0, 1, 0]);
    expect(asked).toBe(2);
    const bob = new Set(['c']);
    expect(credit(bob, 'c').credit).toBe(1); // another holder: asked again, not answered from alice's
    expect(asked).toBe(3);
  });
});

describe('other work and skill levels (issue 29: a counsellor would not offer these first)', () => {
  const parts = (occupation: number | null) => ({ semantic: 0.5, essential: 0, optional: 0, location: 1, occupation });
  it('counts a token share of essential skills in common as no relation (a delivery driver and IT support)', () => {
    expect(otherWork(parts(0))).toBe(true);
    expect(otherWork(parts(0.0357))).toBe(true);
    expect(otherWork(parts(RELATED_WORK_FLOOR))).toBe(false);
    expect(otherWork(parts(0.25))).toBe(false);
    expect(otherWork(parts(null))).toBe(false); // an occupation not known on both sides is not other work
  });
  it('tells work a skill level above every occupation of the client from work at or below it', () => {
    expect(aboveLevel([{ isco: '5153' }], { isco: '3334' })).toBe(true); // caretaker → real-estate agent
    expect(aboveLevel([{ isco: '8322' }], { isco: '3512' })).toBe(true); // delivery driver → IT support
    expect(aboveLevel([{ isco: '5153' }], { isco: '9112' })).toBe(false); // caretaker → cleaner
    expect(aboveLevel([{ isco: '5153' }], { isco: '5322' })).toBe(false); // same level
    expect(aboveLevel([{ isco: '8322' }, { isco: '3115' }], { isco: '3512' })).toBe(false); // one occupation already at that level
    expect(aboveLevel([{ isco: '1120' }], { isco: '3512' })).toBe(false); // managers' level unknown
    expect(aboveLevel([{ uri: 'o:x' }], { isco: '3512' })).toBe(false);
    expect(aboveLevel([], { isco: '3512' })).toBe(false);
  });
});
