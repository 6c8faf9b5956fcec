import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { ExposureReports } from '../../../src/core/oversight/exposure-reports.js';
import type { ExposureQuery } from '../../../src/core/oversight/oversight.js';

/** The exposure report's default period and day come from the clock (issue 30: the route makes one call). */
describe('ExposureReports', () => {
  const asked: ExposureQuery[] = [];
  const reports = new ExposureReports(
    { exposure: async (query) => (asked.push(query), { answer: { area: { id: 'FI' } } as never }), clock: fixedClock('2026-03-15T10:00:00Z') },
    { defaultDays: 30 },
  );

  it("asks for the last defaultDays days up to the clock's day, on that day, unless the question names them", async () => {
    asked.length = 0;
    await reports.report({ area: 'tampere', source: 'decisions', sample: 200, k: 10 });
    await reports.report({ source: 'replay', from: '2026-01-01', to: '2026-01-31', asOf: '2026-01-31', sample: 50, k: 5 });
    expect(asked).toEqual([
      { area: 'tampere', source: 'decisions', sample: 200, k: 10, from: '2026-02-13', to: '2026-03-15', asOf: '2026-03-15' },
      { source: 'replay', from: '2026-01-01', to: '2026-01-31', asOf: '2026-01-31', sample: 50, k: 5 },
    ]);
  });
});
