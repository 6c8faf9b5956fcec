import { describe, expect, it } from 'vitest';
import { invalidInput, MAX_PROBLEMS_LISTED } from '../../../src/core/errors.js';
import { checkHeader, decodeCsv, detectDelimiter, headerFields, headerLengthProblem, MAX_CSV_HEADER_BYTES, rowToRecord, rowWidthProblem } from '../../../src/core/imports/tabular.js';
import { jobseekerInput } from '../../../src/core/jobseekers/schema.js';

describe('spreadsheet rows', () => {
  it('know column names in Finnish, Swedish and English, and say which are unknown', () => {
    expect(headerFields('vacancies', ['Tunnus', 'Nimike', 'Haku päättyy', 'palkkatoive']).fields).toEqual(['id', 'title', 'expiresAt', undefined]);
    expect(headerFields('vacancies', ['Tunnus', 'palkkatoive']).unknown).toEqual(['palkkatoive']);
  });

  it('read licence classes, cards, languages with level and employment as people write them', () => {
    const { fields } = headerFields('vacancies', ['tunnus', 'ajokorttiluokat', 'kortit', 'kielitaitovaatimukset', 'työsuhde', 'palkka']);
    expect(rowToRecord('vacancies', fields, ['V-1', 'b, CE', 'hygieniapassi; Trukkikortti', 'ruotsi hyvä; englanti sujuva', 'määräaikainen', 'TES'])).toEqual({
      id: 'V-1',
      drivingLicences: ['B', 'CE'],
      cards: ['hygiene-passport', 'forklift'],
      languageRequirements: [{ code: 'sv', level: 'good' }, { code: 'en', level: 'fluent' }],
      employment: 'fixed-term',
      salary: 'TES',
    });
    expect(headerFields('jobseekers', ['id', 'titel', 'sammanfattning', 'kommun', 'e-post']).fields).toEqual(['id', 'title', 'summary', 'municipality', 'contact.email']);
  });

  it('find the delimiter Finnish Excel writes', () => {
    expect(detectDelimiter('tunnus;nimike;kuvaus')).toBe(';');
    expect(detectDelimiter('id,title,summary')).toBe(',');
  });

  it('read values as people type them', () => {
    const { fields } = headerFields('jobseekers', ['id', 'titel', 'sammanfattning', 'kommun', 'kompetens', 'arbetstid', 'arbetslös sedan', 'körkort', 'e-post']);
    const record = rowToRecord('jobseekers', fields, ['VAS-1', 'närvårdare', 'Erfaren.', 'Vasa', 'äldreomsorg;läkemedelsbehandling', 'deltid', '1.3.2025', 'ja', 'anna@example.fi']);
    expect(record).toEqual({
      id: 'VAS-1', title: 'närvårdare', summary: 'Erfaren.', municipality: 'Vasa', skills: ['äldreomsorg', 'läkemedelsbehandling'],
      workingTime: 'part', unemployedSince: '2025-03-01', drivingLicence: true, contact: { email: 'anna@example.fi' },
    });
    expect(jobseekerInput.safeParse(record).success).toBe(true);
  });

  it('read training rows: euros with a decimal comma, lists of Finnish dates', () => {
    const { fields, unknown } = headerFields('trainings', ['Tunnus', 'Nimi', 'Järjestäjä', 'Verkossa', 'Kesto', 'Aloituspäivät', 'Hinta', 'Osaaminen']);
    expect(unknown).toEqual([]);
    const record = rowToRecord('trainings', fields, ['K1', 'Trukkikortti', 'Polku', 'kyllä', '2', '10.1.2027|7.2.2027', '1 240,50 €', 'trukin ajo']);
    expect(record).toEqual({ id: 'K1', title: 'Trukkikortti', provider: 'Polku', online: true, durationDays: 2, startDates: ['2027-01-10', '2027-02-07'], cost: 1240.5, skills: ['trukin ajo'] });
    expect(rowToRecord('trainings', fields, ['K2', 'x', 'y', 'ehkä', 'kaksi', '', 'ilmainen', 'z'])).toMatchObject({ online: 'ehkä', durationDays: 'kaksi', cost: 'ilmainen' });
  });
});

describe('CSV limits, character sets and shape (issue 28, L4, L5)', () => {
  it('refuses a header line longer than 64 KiB from its first bytes, and one of more than 200 columns', () => {
    const long = new TextEncoder().encode(`${'a;'.repeat(40_000)}\n`);
    expect(headerLengthProblem(long.subarray(0, MAX_CSV_HEADER_BYTES + 1), long.length)).toMatchObject({ field: 'header', line: 1 });
    expect(headerLengthProblem(new TextEncoder().encode('id;title\nx;y\n'), 12)).toBeUndefined();
    expect(checkHeader('trainings', Array.from({ length: 201 }, (_x, i) => `c${i}`)).problems).toEqual([{ field: 'header', line: 1, message: '201 columns; at most 200' }]);
  });

  it('refuses repeated columns, also two names of one field', () => {
    expect(checkHeader('trainings', ['id', 'title', 'title']).problems).toEqual([
      expect.objectContaining({ field: 'title', line: 1, message: "duplicate column: column 3 names the same field (title) as column 2 'title'", code: 'duplicate_column' }),
    ]);
    expect(checkHeader('jobseekers', ['tunnus', 'kunta', 'Kommun']).problems.map((p) => p.field)).toEqual(['Kommun']);
    expect(checkHeader('trainings', ['id', 'title']).problems).toEqual([]);
  });

  it('refuses a row with a cell beyond the header (trailing empty cells pass)', () => {
    expect(rowWidthProblem(['id', 'title'], ['1', 'x', 'y'], 7)).toMatchObject({ field: 'row', line: 7, message: '3 cells, the header has 2 columns' });
    expect(rowWidthProblem(['id', 'title'], ['1', 'x', ''], 7)).toBeUndefined();
    expect(rowWidthProblem(['id', 'title'], ['1'], 7)).toBeUndefined();
  });

  it('decodes windows-1252 and ISO-8859-1, refuses invalid UTF-8 and unknown charsets', () => {
    const latin = Buffer.from('nimi\nÄänekoski öljy', 'latin1');
    expect(decodeCsv(latin, 'windows-1252')).toBe('nimi\nÄänekoski öljy');
    expect(decodeCsv(latin, '"ISO-8859-1"')).toBe('nimi\nÄänekoski öljy');
    expect(decodeCsv(Buffer.from('\uFEFFnimi\nÄänekoski'), undefined)).toBe('nimi\nÄänekoski');
    expect(() => decodeCsv(latin)).toThrow(/not UTF-8.*charset=windows-1252/);
    expect(() => decodeCsv(latin, 'koi8-r')).toThrow(/unsupported charset 'koi8-r'/);
  });

  it('lists at most 100 problems, and how many there were', () => {
    const error = invalidInput(Array.from({ length: 1000 }, (_x, i) => ({ field: 'cost', line: i + 2, message: 'too small' })));
    expect(error.problems).toHaveLength(MAX_PROBLEMS_LISTED);
    expect((error as unknown as { problemCount: number }).problemCount).toBe(1000);
    expect(error.message).toMatch(/and 900 more \(1000 problems\)$/);
    expect('problemCount' in invalidInput([{ field: 'x', message: 'y' }])).toBe(false);
  });
});
