import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalRecordId, fromJobPosting, htmlToText, jobPostingsIn, toJobPosting } from '../../../src/core/imports/jobposting.js';
import { vacancyInput } from '../../../src/core/vacancies/schema.js';

const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'imports', 'jobpostings.jsonld'), 'utf8'));

describe('JobPosting to vacancy', () => {
  const postings = jobPostingsIn(FIXTURE);

  it('finds postings in an @graph, an array or a single object', () => {
    expect(postings).toHaveLength(3);
    expect(jobPostingsIn(postings)).toHaveLength(3);
    expect(jobPostingsIn(postings[0])).toHaveLength(1);
    expect(jobPostingsIn({ '@type': 'Organization' })).toEqual([]);
  });

  it('maps title, text, dates, working time, place, employer, ISCO code, skills and openings', () => {
    const { record, problems, unmapped } = fromJobPosting(postings[0]!, 'portal');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      id: 'portal:EP-2026-1001',
      title: 'Hitsaaja',
      municipality: '837',
      employer: 'Konepaja Teräs Oy',
      occupation: '7212',
      workingTime: 'full',
      positions: 2,
      publishedAt: '2026-11-02',
      expiresAt: '2026-12-31',
      skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'],
    });
    expect(record!.description).toBe('Konepaja hakee kokenutta hitsaajaa vakituiseen työsuhteeseen.\n- MIG-hitsaus\n- piirustusten lukeminen\nTyö on kaksivuorotyötä & alkaa heti.');
    expect(unmapped).toEqual(['baseSalary: not used by Kohtaanto']);
    expect(vacancyInput.safeParse(record).success).toBe(true);
  });

  it('reads Swedish place names, long qualifications into the text, and says what it could not use', () => {
    const { record, unmapped } = fromJobPosting(postings[1]!, 'portal');
    expect(record).toMatchObject({ municipality: '905', workingTime: 'part', occupation: '5321', educationLevel: 'vocational', employer: 'Vasa stad' });
    expect(record!.description).toContain('erfarenhet av äldreomsorg');
    expect(record).toMatchObject({ employment: 'fixed-term' });
    expect(unmapped.filter((u) => u.startsWith('employmentType'))).toEqual([]);
    // A qualifications or experienceRequirements sentence is text the extraction reads, never one skill.
    const short = fromJobPosting({ ...postings[1]!, experienceRequirements: 'Edellytämme B-ajokorttia', qualifications: 'Hygieniapassi' }, 'portal').record!;
    expect(short.skills).not.toContain('Edellytämme B-ajokorttia');
    expect(short.description).toContain('Edellytämme B-ajokorttia');
    const remote = fromJobPosting(postings[2]!, 'portal').record!;
    expect(remote).toMatchObject({ id: 'portal:jobs.example.fi-ilmoitus-1003', remote: true, municipality: '091' });
    expect(remote.occupation).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
    expect(fromJobPosting(postings[2]!, 'portal').unmapped).toEqual(['experienceRequirements: monthsOfExperience (only names and descriptions are read)']);
  });

  it('refuses a posting without an id or a Finnish place, naming the field', () => {
    const { record, problems } = fromJobPosting({ '@type': 'JobPosting', title: 'x', description: 'y', jobLocation: { address: { postalCode: '00100' } } }, 's');
    expect(record).toBeUndefined();
    expect(problems.map((p) => p.field).sort()).toEqual(['identifier', 'jobLocation']);
  });

  it('places a posting by its postal code when its locality is a post office, not a municipality', () => {
    const posting = { '@type': 'JobPosting', identifier: 'P1', title: 'Myyjä', description: 'Myymälätyötä.', jobLocation: { address: { addressLocality: 'Tapiola', postalCode: '02100' } } };
    const table = (code: string) => (code === '02100' ? '049' : undefined); // a test double of the postal-code table
    expect(fromJobPosting(posting, 'p', table).record?.municipality).toBe('049');
    const without = fromJobPosting(posting, 'p');
    expect(without.problems.map((p) => p.field)).toEqual(['jobLocation']);
    expect(without.unmapped).toContain("jobLocation.address.postalCode: '02100' read only with a postal-code table (--postal-codes)");
    const elsewhere = fromJobPosting({ ...posting, jobLocation: { address: { postalCode: '99 999' } } }, 'p', table);
    expect(elsewhere.unmapped).toContain("jobLocation.address.postalCode: '99999' is not in the postal-code table");
  });

  it('keeps ids stable and valid however the source writes them', () => {
    expect(externalRecordId('feed', 'a b/c?d')).toBe('feed:a-b-c-d');
    expect(externalRecordId('feed', 'x'.repeat(300))).toHaveLength(117);
    expect(externalRecordId('feed', 'x'.repeat(300))).toBe(externalRecordId('feed', 'x'.repeat(300)));
  });

  it('strips HTML to text', () => {
    expect(htmlToText('<p>A&nbsp;&lt;b&gt; &#228;&#x00E4;</p><script>evil()</script><br>B')).toBe('A <b> ää\nB');
  });

  it('exports a stored vacancy as a JobPosting', () => {
    const exported = toJobPosting({
      id: 'V1', title: 'Hitsaaja', description: 'd', municipality: '837', region: '06', skills: ['MIG-hitsaus'], optionalSkills: [], languages: [],
      workingTime: 'part', drivingLicenceRequired: false, remote: false, positions: 3, status: 'open', createdAt: '', updatedAt: '',
      normalized: { occupation: { isco: '7212', label: 'hitsaaja', method: 'title', evidence: 'Hitsaaja' }, essential: [], optional: [], mentioned: [] },
    } as never);
    expect(exported).toMatchObject({ '@type': 'JobPosting', employmentType: 'PART_TIME', totalJobOpenings: 3, occupationalCategory: '7212', jobLocation: { address: { addressLocality: 'Tampere' } } });
    expect(fromJobPosting(exported, 'kohtaanto').record).toMatchObject({ title: 'Hitsaaja', municipality: '837', workingTime: 'part', positions: 3 });
  });
});
