import { describe, expect, it } from 'vitest';
import { detectDelimiter, headerFields, rowToRecord } from '../../src/core/imports/tabular.js';
import { jobseekerInput } from '../../src/core/schemas/jobseeker.js';

describe('spreadsheet rows', () => {
  it('know column names in Finnish, Swedish and English, and say which are unknown', () => {
    expect(headerFields('vacancies', ['Tunnus', 'Nimike', 'Haku päättyy', 'palkka']).fields).toEqual(['id', 'title', 'expiresAt', undefined]);
    expect(headerFields('vacancies', ['Tunnus', 'palkka']).unknown).toEqual(['palkka']);
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
