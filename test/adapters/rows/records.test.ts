import { describe, expect, it } from 'vitest';
import { recordOf } from '../../../src/adapters/rows/records.js';

describe('recordOf', () => {
  it('gives back exactly the record its JSON text holds, the concept URIs of its derived fields included', () => {
    const record = {
      id: 'V-1',
      title: 'Lähihoitaja, kotihoito',
      skills: ['asiakaspalvelu', 'http://not-derived.example/kept'],
      normalized: {
        occupation: { uri: 'http://data.europa.eu/esco/occupation/abc', isco: '5322', how: 'title' },
        skills: [
          { uri: 'http://data.europa.eu/esco/skill/def', importance: 'essential', via: 'urn:kohtaanto:local:skill:hygiene-passport' },
          { uri: 'text:kirjaaminen', importance: 'optional' },
        ],
        requirements: { licences: ['B'], languages: [{ lang: 'sv', level: 'good' }], nothing: null, count: 2, remote: false },
      },
    };
    const json = JSON.stringify(record);
    const first = recordOf<typeof record>(json);
    const second = recordOf<typeof record>(json);
    expect(first).toEqual(record);
    expect(second).toEqual(JSON.parse(json));
    expect(first).not.toBe(second); // each read is its own object: callers may keep it
  });

  it('reads a record without derived fields as it is', () => {
    expect(recordOf('{"id":"J-1","skills":["urn:x"]}')).toEqual({ id: 'J-1', skills: ['urn:x'] });
  });
});
