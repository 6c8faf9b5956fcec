import { describe, expect, it } from 'vitest';
import { extractRequirements } from '../../../src/core/requirements/extract.js';

const items = (text: string, lang: string) => {
  const r = extractRequirements(text, lang);
  return [
    ...r.licences.map((l) => `licence:${l.class}${l.required ? '!' : '?'}`),
    ...r.languages.map((l) => `lang:${l.code}:${l.level}${l.required ? '!' : '?'}`),
    ...r.cards.map((c) => `card:${c.id}${c.required ? '!' : '?'}`),
  ].sort();
};

describe('cue words of requirement and advantage', () => {
  it('reads "pakollinen", "ehdoton", "compulsory" as required', () => {
    expect(items('Hygieniapassi on pakollinen.', 'fi')).toEqual(['card:hygiene-passport!']);
    expect(items('CE-ajokortti on ehdoton.', 'fi')).toEqual(['licence:CE!']);
    expect(items('A forklift licence is compulsory.', 'en')).toEqual(['card:forklift!']);
  });

  it('reads "en merit" and "ansioksi" as an advantage, also after a required item in the sentence', () => {
    expect(items('Goda kunskaper i svenska krävs, finska är en merit.', 'sv')).toEqual(['lang:fi:good?', 'lang:sv:good!']);
    expect(items('Trukkikortti luetaan ansioksi.', 'fi')).toEqual(['card:forklift?']);
  });

  it('gives each cue the items of its own part when one clause holds both', () => {
    expect(items('B-ajokortti vaaditaan ja ruotsin kielen taito on eduksi.', 'fi')).toEqual(['lang:sv:good?', 'licence:B!']);
    expect(items('Körkort krävs och truckkort är meriterande.', 'sv')).toEqual(['card:forklift?', 'licence:B!']);
    // One cue for a list joined by a conjunction: not split.
    expect(items('Edellytämme B-ajokorttia ja hygieniapassia.', 'fi')).toEqual(['card:hygiene-passport!', 'licence:B!']);
  });
});

describe('extractRequirements', () => {
  it('reads licence classes, cards and languages at their level, with the clause they were read from', () => {
    expect(extractRequirements('Vi kräver CE-körkort och ADR-intyg.', 'sv')).toEqual({
      licences: [{ class: 'CE', required: true, evidence: 'Vi kräver CE-körkort och ADR-intyg.' }],
      cards: [{ id: 'adr', required: true, evidence: 'Vi kräver CE-körkort och ADR-intyg.' }],
      languages: [],
    });
    expect(extractRequirements('Erinomainen suomen kielen taito ja englannin kielen perustaidot vaaditaan.', 'fi').languages.map((l) => [l.code, l.level, l.required])).toEqual([
      ['fi', 'fluent', true],
      ['en', 'basic', true],
    ]);
    expect(extractRequirements('Fluent English is required. Swedish is an advantage.', 'en').languages).toEqual([
      { code: 'en', level: 'fluent', required: true, evidence: 'Fluent English is required.' },
      { code: 'sv', level: 'good', required: false, evidence: 'Swedish is an advantage.' },
    ]);
  });

  it('reads one licence per stretch of text, a bracketed class in either case and only a real class', () => {
    expect(items('Ajokortti (C) vaaditaan.', 'fi')).toEqual(['licence:C!']);
    expect(items('Tractor licence (t) is required.', 'en')).toEqual(['licence:T!']);
    expect(items('Edellytämme ajokortti (b).', 'fi')).toEqual(['licence:B!']);
    expect(items('Körkort (x) krävs.', 'sv')).toEqual(['licence:B!']);
  });

  it('gives a list without a cue the cue of the clause before it', () => {
    expect(items('Vaatimukset: hygieniapassi, trukkikortti.', 'fi')).toEqual(['card:forklift!', 'card:hygiene-passport!']);
  });

  it('makes no requirement of a negation, an offer or a question', () => {
    expect(items('Körkort krävs inte.', 'sv')).toEqual([]);
    expect(items('Tarjoamme trukkikortin suorittamisen.', 'fi')).toEqual([]);
    expect(items('Tell us whether you hold a driving licence.', 'en')).toEqual([]);
  });

  it('reads "sinulla on" as required when nothing else is said', () => {
    expect(items('Sinulla on hygieniapassi.', 'fi')).toEqual(['card:hygiene-passport!']);
  });

  it('keeps "sinulla on" required when a later clause makes another item an advantage, in fi, sv and en', () => {
    expect(items('Sinulla on hygieniapassi, trukkikortti on eduksi.', 'fi')).toEqual(['card:forklift?', 'card:hygiene-passport!']);
    expect(items('Du har hygienpass, truckkort är meriterande.', 'sv')).toEqual(['card:forklift?', 'card:hygiene-passport!']);
    expect(items('You have a hygiene passport, a forklift licence is an advantage.', 'en')).toEqual(['card:forklift?', 'card:hygiene-passport!']);
    // Under a heading that makes everything an advantage, what the candidate "has" is one too.
    expect(items('Eduksi katsotaan:\nSinulla on hygieniapassi', 'fi')).toEqual(['card:hygiene-passport?']);
  });
});
