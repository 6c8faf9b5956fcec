import { describe, expect, it } from 'vitest';
import { explainFewPlaces, explainPlanPick, explainSkillGap, explainTarget, explainTraining } from '../../src/core/explanations.js';

/** The sentences a counsellor shows a client and a planner reads, in each language. */
describe('explanations', () => {
  it('explains a skill gap with the vacancies it would open, and the skills needed together', () => {
    const facts = { skill: 'TIG-hitsaus', demand: 7, suitableNow: 2, suitableWith: 5 };
    expect(explainSkillGap('fi', facts)).toBe('Taito "TIG-hitsaus" puuttuu 7 sopivimmasta työpaikasta. Sen kanssa sopivia työpaikkoja olisi 5 (nyt 2, +3).');
    expect(explainSkillGap('sv', { ...facts, together: ['MIG-hitsaus', 'ritningsläsning'] })).toBe(
      'Färdigheten "TIG-hitsaus" saknas i 7 av de bäst passande jobben. Med den (tillsammans med "MIG-hitsaus", "ritningsläsning") skulle 5 jobb passa (nu 2, +3).',
    );
    expect(explainSkillGap('en', { ...facts, together: [] })).toBe(
      'The skill "TIG-hitsaus" is asked for by 7 of the best-fitting vacancies. With it, 5 vacancies would fit (now 2, +3).',
    );
  });

  it('describes a training, online and with continuous intake when no place or start is given', () => {
    const facts = { title: 'Hitsauksen perusteet', provider: 'Tredu', durationDays: 20 };
    expect(explainTraining('fi', { ...facts, place: 'Tampere', start: '2027-01-15' })).toBe('Koulutus: Hitsauksen perusteet (Tredu, Tampere, 20 pv, alkaa 2027-01-15).');
    expect(explainTraining('fi', facts)).toBe('Koulutus: Hitsauksen perusteet (Tredu, verkossa, 20 pv, jatkuva haku).');
    expect(explainTraining('sv', facts)).toBe('Utbildning: Hitsauksen perusteet (Tredu, på nätet, 20 dagar, löpande antagning).');
    expect(explainTraining('en', { ...facts, start: '2027-02-01' })).toBe('Training: Hitsauksen perusteet (Tredu, online, 20 days, starts 2027-02-01).');
  });

  it('names a target occupation with its open vacancies and missing skills, or says the skills are there', () => {
    expect(explainTarget('fi', 'hitsaaja', 4, ['TIG-hitsaus', 'tulityökortti'])).toBe('hitsaaja: 4 avointa työpaikkaa lähellä. Puuttuvat taidot: TIG-hitsaus, tulityökortti.');
    expect(explainTarget('sv', 'svetsare', 2, [])).toBe('svetsare: 2 lediga jobb i närheten. Färdigheterna räcker.');
    expect(explainTarget('en', 'welder', 0, ['TIG welding'])).toBe('welder: 0 open vacancies nearby. Missing skills: TIG welding.');
  });

  it('names one vacancy in the singular in every language (the plural rules of the locale, as the web app)', () => {
    expect(explainTarget('fi', 'hitsaaja', 1, [])).toBe('hitsaaja: 1 avoin työpaikka lähellä. Taidot riittävät.');
    expect(explainTarget('sv', 'svetsare', 1, [])).toBe('svetsare: 1 ledigt jobb i närheten. Färdigheterna räcker.');
    expect(explainTarget('en', 'welder', 1, [])).toBe('welder: 1 open vacancy nearby. The skills are there.');
    expect(explainTarget('fi', 'hitsaaja', 1240, [])).toBe('hitsaaja: 1\u00a0240 avointa työpaikkaa lähellä. Taidot riittävät.');
    expect(explainSkillGap('en', { skill: 'TIG', demand: 3, suitableNow: 0, suitableWith: 1 })).toMatch(/With it, 1 vacancy would fit \(now 0, \+1\)\.$/);
  });

  it('explains a planned purchase, one place or several', () => {
    const pick = { title: 'Hitsaus', provider: 'Tredu', places: 1, cost: 1200, vacancies: 3, skills: ['TIG-hitsaus'] };
    expect(explainPlanPick('fi', pick)).toBe(
      'Osta 1 paikka koulutuksesta Hitsaus (Tredu, 1\u00a0200\u00a0€): se opettaa taidot TIG-hitsaus, joilla 3 uutta avointa työpaikkaa tulee koulutettujen asiakkaiden ulottuville.',
    );
    expect(explainPlanPick('fi', { ...pick, places: 2 })).toMatch(/^Osta 2 paikkaa /);
    expect(explainPlanPick('sv', { ...pick, places: 2, skills: ['a', 'b'] })).toBe(
      'Köp 2 platser i Hitsaus (Tredu, 1\u00a0200\u00a0€): den lär ut a, b, som gör 3 nya lediga jobb nåbara för de utbildade kunderna.',
    );
    expect(explainPlanPick('en', pick)).toBe(
      'Buy 1 place in Hitsaus (Tredu, €1,200): it teaches TIG-hitsaus, which puts 3 more open vacancies within reach of the clients trained.',
    );
    // Sums of money and counts as each language writes them (Intl.NumberFormat): a space between thousands in Finnish and Swedish, one vacancy in the singular.
    const dear = { ...pick, places: 40, cost: 47_200, vacancies: 1 };
    expect(explainPlanPick('fi', dear)).toMatch(/^Osta 40 paikkaa koulutuksesta Hitsaus \(Tredu, 47\u00a0200\u00a0€\): .*, joilla 1 uusi avoin työpaikka tulee /);
    expect(explainPlanPick('sv', dear)).toMatch(/\(Tredu, 47\u00a0200\u00a0€\): .* som gör 1 nytt ledigt jobb nåbart /);
    expect(explainPlanPick('en', dear)).toMatch(/\(Tredu, €47,200\): .* which puts 1 more open vacancy within reach/);
    expect(explainFewPlaces('fi', { title: 'Hitsaus', provider: 'Tredu', costPerPlace: 1180, skills: ['TIG-hitsaus'] })).toMatch(/\(Tredu, 1\u00a0180\u00a0€ paikka\)/);
  });
});
