import { describe, expect, it } from 'vitest';
import { LabelIndex } from '../../../src/core/taxonomy/label-index.js';
import type { Concept } from '../../../src/core/taxonomy/taxonomy.js';

const concept = (uri: string, labels: Record<string, string>): Concept => ({
  uri,
  labels: Object.fromEntries(Object.entries(labels).map(([lang, preferred]) => [lang, { preferred, alt: [] }])),
});

const index = new LabelIndex([
  concept('forklift', { fi: 'trukinkuljettaja', sv: 'truckförare', en: 'forklift operator' }),
  concept('vet', { fi: 'eläinlääkäri', sv: 'veterinär', en: 'veterinarian' }),
  concept('nurse', { fi: 'sairaanhoitaja', sv: 'sjuksköterska', en: 'nurse responsible for general care' }),
  concept('support', { fi: 'asiakaspalveluedustaja', sv: 'kundtjänstrepresentant', en: 'customer service representative' }),
  concept('driver', { fi: 'linja-autonkuljettaja', sv: 'bussförare', en: 'bus driver' }),
]);
const first = (q: string, lang: string) => index.search(q, lang, 3)[0]?.uri;

describe('LabelIndex: ranked partial matches over labels in every language', () => {
  it('finds compounds by their head in Finnish and Swedish, both ways', () => {
    expect(first('klinikveterinär', 'sv')).toBe('vet');
    expect(first('förare truck', 'sv')).toBe('forklift');
    expect(first('kundtjänstmedarbetare', 'sv')).toBe('support');
  });

  it('ranks partial matches instead of answering nothing, ignoring function words', () => {
    expect(first('Sairaanhoitaja, sisätautien osasto', 'fi')).toBe('nurse');
    expect(first('nurse for a surgical ward', 'en')).toBe('nurse');
    const hit = index.search('Sairaanhoitaja päivystykseen', 'fi', 1)[0]!;
    expect(hit.contained).toBe(true);
    expect(hit.coverage).toBe(0.5);
  });

  it('reads inflected forms and typed prefixes', () => {
    expect(first('sairaanhoitajan', 'fi')).toBe('nurse');
    expect(first('bussför', 'sv')).toBe('driver');
  });
});
