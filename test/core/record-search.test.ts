import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import { fold, matchesSearch, OccupationWords, recordSearch, searchWords, slips, wordFound, type SearchableRecord } from '../../src/core/record-search.js';
import type { Concept } from '../../src/core/taxonomy/taxonomy.js';
import { tempDir } from '../helpers/files.js';

/** ESCO's labels of three occupations, as the taxonomy has them (fi, sv with the Finland-Swedish extension, en). */
const NURSE = 'esco:nurse-responsible-for-general-care';
const PRACTICAL = 'esco:healthcare-assistant';
const NURSERY = 'esco:nursery-worker';
const CLEANER = 'esco:building-cleaner';
const OCCUPATIONS: Concept[] = [
  {
    uri: NURSE,
    labels: {
      fi: { preferred: 'sairaanhoitaja', alt: ['yleissairaanhoitaja'] },
      sv: { preferred: 'sjuksköterska, grundutbildad', alt: ['sjukskötare', 'sjuksköterska'] },
      en: { preferred: 'nurse responsible for general care', alt: ['registered nurse', 'general nurse'] },
    },
  },
  { uri: PRACTICAL, labels: { fi: { preferred: 'lähihoitaja', alt: [] }, sv: { preferred: 'närvårdare', alt: [] }, en: { preferred: 'healthcare assistant', alt: ['practical nurse'] } } },
  // ESCO's nanny has "nursery nurse" among its labels, its animal keeper is two letters from "sjukskötare".
  { uri: NURSERY, labels: { fi: { preferred: 'lastenhoitaja', alt: [] }, en: { preferred: 'nanny', alt: ['nursery nurse'] } } },
  { uri: 'esco:animal-keeper', labels: { sv: { preferred: 'djurskötare', alt: [] }, en: { preferred: 'animal keeper', alt: [] } } },
  { uri: CLEANER, labels: { fi: { preferred: 'siivooja', alt: ['laitossiivooja'] }, sv: { preferred: 'städare', alt: [] }, en: { preferred: 'cleaner', alt: [] } } },
];
const words = new OccupationWords(OCCUPATIONS);

const client = (id: string, fields: Partial<SearchableRecord>): SearchableRecord => ({ id, occupations: [], ...fields });
const CLIENTS = [
  client('JS-000067', { name: 'Aino Mäkinen', title: 'siivooja', occupations: [CLEANER] }),
  client('JS-000068', { name: 'Åsa Öberg', title: 'sjukskötare', occupations: [NURSE] }),
  client('JS-000069', { title: 'sairaanhoitaja, päivystys', occupations: [NURSE] }),
  client('JS-000070', { title: 'registered nurse', occupations: [NURSE] }),
  client('JS-000071', { name: 'Mikko Mäki', title: 'lähihoitaja', occupations: [PRACTICAL] }),
  client('JS-000072', { title: 'lastenhoitaja', occupations: [NURSERY] }),
  client('JS-000073', { title: 'eläintenhoitaja', occupations: ['esco:animal-keeper'] }),
  client('V-1', { title: 'Hoitaja', employer: 'Pirkanmaan hyvinvointialue' }),
];
const found = (query: string) => CLIENTS.filter((c) => matchesSearch(recordSearch(query, words), c)).map((c) => c.id);

describe('finding a client or a vacancy by what a person types', () => {
  it('reads letters without their diacritics and case', async () => {
    expect(fold('Mäkinen Åström Øberg')).toBe('makinen astrom oberg');
    expect(found('Makinen')).toEqual(['JS-000067']);
    expect(found('mäkinen')).toEqual(['JS-000067']);
    expect(found('oberg')).toEqual(['JS-000068']);
    expect(found('ÖBERG åsa')).toEqual(['JS-000068']);
  });

  it('forgives a slip: a letter added, missing, wrong or two swapped (two from 9 letters)', async () => {
    expect(slips('makinne', 'makinen', 2)).toBe(1);
    expect(found('Mäkinne')).toEqual(['JS-000067']);
    expect(found('Makkinen')).toEqual(['JS-000067']);
    expect(found('Mekinen')).toEqual(['JS-000067']);
    expect(found('Aino Mäkinne')).toEqual(['JS-000067']);
    // Two slips only in a long word; none in a short one ("Mäki" is not "Mäkinen" by a slip, but a part of it).
    expect(wordFound('sairanhoitja', 'sairaanhoitaja')).toBe(true);
    expect(wordFound('makinnne', 'makinen')).toBe(false);
    expect(found('Mäki')).toEqual(['JS-000067', 'JS-000071']);
    expect(found('Maku')).toEqual([]);
  });

  it('never guesses digits: an id finds that record only', async () => {
    expect(found('JS-000067')).toEqual(['JS-000067']);
    expect(found('000068')).toEqual(['JS-000068']);
    expect(found('JS-000066')).toEqual([]);
    // An id of other letters, asked twice: the words remembered for it stay as they were.
    const odd = client('ÅS-1', { name: 'Öberg' });
    for (let i = 0; i < 2; i++) expect(matchesSearch(recordSearch('as 1'), odd)).toBe(true);
    expect(searchWords('ÅS-1')).toEqual(['as', '1']);
  });

  it('finds the people of an occupation by its name in any language, whatever their title says', async () => {
    const nurses = ['JS-000068', 'JS-000069', 'JS-000070'];
    expect(found('sairaanhoitaja')).toEqual(nurses);
    expect(found('sjukskötare')).toEqual(nurses);
    expect(found('sjuksköterska')).toEqual(nurses);
    expect(found('registered nurse')).toEqual(nurses);
    expect(found('sairanhoitaja')).toEqual(nurses); // with a slip
    // "nurse" as a word of a preferred label: not the practical nurse or the nanny, whose alternative labels have it.
    expect(found('nurse')).toEqual(nurses);
    expect(found('practical nurse')).toEqual(['JS-000071']);
    expect(found('cleaner')).toEqual(['JS-000067']);
    expect(found('städare')).toEqual(['JS-000067']);
  });

  it('keeps finding parts of words and every word of the query, as before', async () => {
    expect(found('siivo')).toEqual(['JS-000067']);
    expect(found('hoitaja')).toEqual(['JS-000069', 'JS-000071', 'JS-000072', 'JS-000073', 'V-1']);
    expect(found('hyvinvointialue')).toEqual(['V-1']);
    expect(found('Aino sairaanhoitaja')).toEqual([]);
    expect(found('  ')).toEqual(CLIENTS.map((c) => c.id));
  });

  it('runs inside the SQLite store, in id order, within the scope asked, with the occupation a record was read as', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<{ id: string; municipality: string; region: string; updatedAt: string }>(db, 'jobseekers');
    const vector = Float32Array.from([1, 0, 0]);
    store.saveAll(
      CLIENTS.map((c, i) => ({
        record: { id: c.id, municipality: i === 1 ? '091' : '837', region: '06', updatedAt: 'now', name: c.name, title: c.title, normalized: { occupations: c.occupations.map((uri) => ({ uri })) } },
        vector,
        textHash: c.id,
        embedder: 'e',
        derivedBy: 'd',
        matchable: true,
      })),
    );
    const ids = async (query: string, within?: string[]) => (await store.list({ limit: 10, search: recordSearch(query, words), within: within && new Set(within) })).map((r) => r.id);
    expect(await ids('sjukskötare')).toEqual(['JS-000068', 'JS-000069', 'JS-000070']);
    expect(await ids('nurse', ['837'])).toEqual(['JS-000069', 'JS-000070']); // JS-000068 lives in Helsinki
    expect(await ids('Makinen')).toEqual(['JS-000067']);
    expect((await store.list({ limit: 1, after: 'JS-000068', search: recordSearch('sairaanhoitaja', words) })).map((r) => r.id)).toEqual(['JS-000069']);
    db.close();
  });
});
