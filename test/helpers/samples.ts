/** A jobseeker and a vacancy as a client sends them (a welder in Tampere), for tests to vary. */
export const sampleJobseeker = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: 'hitsaaja',
  summary: 'Kokenut hitsaaja, MIG-hitsaus ja piirustusten lukeminen. Etsin työtä Tampereelta.',
  skills: ['MIG-hitsaus', 'piirustusten lukeminen'],
  municipality: '837',
  languages: ['fi'],
  ...overrides,
});

export const sampleVacancy = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: 'hitsaaja',
  description: 'Konepaja hakee hitsaajaa. Edellytämme MIG-hitsaus ja TIG-hitsaus osaamista sekä piirustusten lukemista.',
  skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'],
  municipality: 'Tampere',
  employer: 'Konepaja Teräs Oy',
  ...overrides,
});
