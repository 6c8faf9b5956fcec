import { describe, expect, it } from 'vitest';
import { scrubLine } from '../../src/core/log-scrub.js';

const erased = (id: string) => id === 'JS-1';
const token = (id: string) => `erased:${id.length}`;

describe('scrubLine', () => {
  it('replaces an erased id in jobseeker paths and the audit parameter, nothing else', () => {
    const line = '{"req":{"url":"/v1/jobseekers/JS-1/matches?k=5"}} {"url":"/v1/audit?limit=5&jobseeker=JS-1"} /v1/jobseekers/JS-10 /v1/vacancies/JS-1';
    expect(scrubLine(line, erased, token)).toEqual({
      line: '{"req":{"url":"/v1/jobseekers/erased:4/matches?k=5"}} {"url":"/v1/audit?limit=5&jobseeker=erased:4"} /v1/jobseekers/JS-10 /v1/vacancies/JS-1',
      replaced: 2,
    });
  });

  it('leaves route words and lines without mentions alone', () => {
    const line = 'POST /v1/jobseekers/bulk-delete and /v1/jobseekers/bulk';
    expect(scrubLine(line, () => true, token)).toEqual({ line, replaced: 0 });
  });
});
