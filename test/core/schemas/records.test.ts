import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulkDeleteBody, exportQuery, listQuery, recordPage } from '../../../src/core/schemas/records.js';
import { refused } from '../../helpers/schema.js';

describe('record route schemas', () => {
  it('pages records 100 at a time by default, at most 500, after a cursor, in a municipality, by words or owner', () => {
    expect(listQuery.parse({})).toEqual({ limit: 100 });
    expect(listQuery.parse({ limit: '500', after: 'J-1', municipality: 'Tampere', q: 'Mäkinen', owner: 'mine' })).toEqual({
      limit: 500,
      after: 'J-1',
      municipality: 'Tampere',
      q: 'Mäkinen',
      owner: 'mine',
    });
    expect(refused(listQuery, { limit: '501' })).toEqual(['limit']);
    expect(refused(listQuery, { after: 'J 1', municipality: 'Gotham' })).toEqual(['after', 'municipality']);
    expect(refused(listQuery, { owner: 'theirs' })).toEqual(['owner']);
    expect(refused(listQuery, { q: 'x'.repeat(101) })).toEqual(['q']);
    expect(refused(listQuery, { sort: 'id' })).toEqual(['sort']);
  });

  it('exports in a language, and deletes a list of ids', () => {
    expect(exportQuery.parse({})).toEqual({ lang: 'fi' });
    expect(refused(exportQuery, { lang: 'de' })).toEqual(['lang']);
    expect(refused(bulkDeleteBody, { ids: [] })).toEqual(['ids']);
    expect(refused(bulkDeleteBody, { ids: ['J-1', 'J 2'] })).toEqual(['ids.1']);
    expect(refused(bulkDeleteBody, { ids: ['J-1'] })).toEqual([]);
  });

  it('answers a page with the cursor of the next one', () => {
    const page = recordPage(z.object({ id: z.string() }));
    expect(page.parse({ items: [{ id: 'J-1' }], next: 'J-1' })).toEqual({ items: [{ id: 'J-1' }], next: 'J-1' });
    expect(refused(page, { items: [{}] })).toEqual(['items.0.id']);
  });
});
