import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAndTime, parseDate } from '../../src/web/dates.js';

/**
 * The web app's one date formatter: a day as the page's language writes it whatever the browser's
 * locale and ICU (7.12.2026 in Finnish and Swedish, 7 Dec 2026 in English), and a typed date read back.
 */
describe('dates in the web app', () => {
  it('writes a day as Finnish, Swedish and English write it, never as stored', () => {
    expect(['fi', 'sv', 'en'].map((lang) => formatDate('2026-12-07', lang as 'fi'))).toEqual(['7.12.2026', '7.12.2026', '7 Dec 2026']);
    expect(formatDate('2026-09-01', 'en')).toBe('1 Sep 2026'); // not "Sept" (newer ICU's en-GB)
    // A stored day is that day in any time zone (not midnight UTC moved to the day before).
    for (let month = 1; month <= 12; month++) expect(formatDate(`2026-${String(month).padStart(2, '0')}-01`, 'sv')).toBe(`1.${month}.2026`);
    expect(formatDate('not a date', 'fi')).toBe('not a date');
  });

  it('writes a timestamp in the browser\'s time zone, its time as the language writes it', () => {
    const at = new Date(2026, 11, 7, 14, 5).toISOString();
    expect(formatDateAndTime(at, 'fi')).toEqual({ date: '7.12.2026', time: '14.05' });
    expect(formatDateAndTime(at, 'sv')).toEqual({ date: '7.12.2026', time: '14.05' });
    expect(formatDateAndTime(at, 'en')).toEqual({ date: '7 Dec 2026', time: '14:05' });
  });

  it('reads a typed date in the forms people type, and nothing else', () => {
    for (const typed of ['7.12.2026', '07.12.2026', '7. 12. 2026', '2026-12-07', '7 Dec 2026', '7 december 2026', ' 7.12.2026 ']) expect(parseDate(typed), typed).toBe('2026-12-07');
    for (const typed of ['31.2.2026', '12/7/2026', '7.12.', 'huomenna', '2026-13-01', '7 Foo 2026', '']) expect(parseDate(typed), typed).toBeUndefined();
    // What it writes it reads again.
    for (const lang of ['fi', 'sv', 'en'] as const) expect(parseDate(formatDate('2025-02-03', lang))).toBe('2025-02-03');
  });
});
