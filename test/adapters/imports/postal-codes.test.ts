import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPostalCodes } from '../../../src/adapters/imports/postal-codes.js';
import { FIXTURES, removeDir, tempDir } from '../../helpers/files.js';

describe('postal-code table', () => {
  it('reads postal codes to municipality codes, counting rows that name no municipality', () => {
    const table = readPostalCodes(join(FIXTURES, 'imports', 'postal-codes.csv'));
    expect(table.lookup('02100')).toBe('049'); // Espoo
    expect(table.lookup('65100')).toBe('905'); // Vaasa
    expect(table.lookup('12345')).toBeUndefined();
    expect(table).toMatchObject({ size: 7, unknownRows: 1 }); // "Lappi" is a region, not a municipality
  });

  it('names the columns it needs', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'codes.csv'), 'code,place\n00100,Helsinki\n');
      expect(() => readPostalCodes(join(dir, 'codes.csv'))).toThrow(/line 1 needs a postal-code column/);
    } finally {
      removeDir(dir);
    }
  });
});
