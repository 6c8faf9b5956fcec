import { describe, expect, it } from 'vitest';
import { stanceAt, stanceSpans } from '../../../src/core/taxonomy/stance.js';

const stanceOf = (text: string, word: string, lang?: string) => stanceAt(stanceSpans(text, lang), text.indexOf(word));

describe('what a text says of the skills it names', () => {
  it('reads negations in Finnish, Swedish and English, lists after them included', () => {
    const fi = 'Minulla ei ole trukkikorttia eikä työturvallisuuskorttia. Hygieniapassi on voimassa.';
    expect(stanceOf(fi, 'trukkikorttia', 'fi')).toBe('missing');
    expect(stanceOf(fi, 'työturvallisuuskorttia', 'fi')).toBe('missing');
    expect(stanceOf(fi, 'Hygieniapassi', 'fi')).toBe('held');
    expect(stanceOf('Ei trukkikorttia, työturvallisuuskorttia tai hygieniapassia.', 'hygieniapassia', 'fi')).toBe('missing');
    expect(stanceOf('Jag har inte truckkort men jag har hygienpass.', 'truckkort', 'sv')).toBe('missing');
    expect(stanceOf('Jag har inte truckkort men jag har hygienpass.', 'hygienpass', 'sv')).toBe('held');
    expect(stanceOf('I have no forklift licence, I have a hygiene passport.', 'hygiene', 'en')).toBe('held');
  });

  it('reads wishes and learning, and ends them at a level word or a new clause', () => {
    expect(stanceOf('Haluaisin jakeluun.', 'jakeluun', 'fi')).toBe('wish');
    expect(stanceOf('Vill lära mig svetsning.', 'svetsning', 'sv')).toBe('wish');
    const en = 'Learning Finnish (A2), fluent in English.';
    expect(stanceOf(en, 'Finnish', 'en')).toBe('wish');
    expect(stanceOf(en, 'English', 'en')).toBe('held');
  });

  it('reads "en" as a negation only in Finnish (a Swedish article otherwise)', () => {
    expect(stanceOf('En osaa hitsata.', 'hitsata', 'fi')).toBe('missing');
    expect(stanceOf('Jag har en truckkort.', 'truckkort', 'sv')).toBe('held');
  });
});
