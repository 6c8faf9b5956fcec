import { sampleJobseeker, sampleVacancy } from './service.js';

/**
 * A welding vacancy requiring the C licence, and four clients who stand differently for it (issue 29):
 * one can take the job now, one lacks the licence, one lives 600 km away and would not move, and a
 * cook does other work. Written by the tests of a vacancy's candidates grouped by standing (HTTP, web).
 */
const WELDER = { skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'], summary: 'Kokenut hitsaaja, MIG-hitsaus, TIG-hitsaus ja piirustusten lukeminen.' };

export const STANDING_VACANCY = sampleVacancy('V-DRIVE', { drivingLicences: ['C'] });

export const STANDING_CLIENTS = [
  sampleJobseeker('JS-NOW', { ...WELDER, drivingLicences: ['B', 'C'] }),
  sampleJobseeker('JS-LICENCE', { ...WELDER, drivingLicences: ['B'] }),
  sampleJobseeker('JS-FAR', { ...WELDER, drivingLicences: ['C'], municipality: '698', commuteKm: 40 }),
  sampleJobseeker('JS-COOK', {
    title: 'kokki',
    summary: 'Ravintolakokki, ruoanvalmistus ja hygieniaosaaminen. Etsin kokin työtä Tampereelta.',
    skills: ['ruoanvalmistus'],
    drivingLicences: ['C'],
  }),
];

/** Where each client stands for the vacancy. */
export const EXPECTED_STANDING = { 'JS-NOW': 'suitable', 'JS-LICENCE': 'fit', 'JS-FAR': 'fit', 'JS-COOK': 'no-fit' };
