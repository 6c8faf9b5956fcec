import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, removeDir, ROOT, sampleVacancy, build, type RunningService } from '../helpers/service.js';

/** Skill extraction through the API on the committed ESCO build, its local extension and the shipped model (issue 29). */
let service: RunningService;
let url: Caller;
const COMPUTER_TECHNOLOGY = 'http://data.europa.eu/esco/skill/ddc3119d-1d6e-4324-9125-a3380d299ac5'; // ESCO alt label "IT"

interface Ref {
  uri: string;
  label: string;
}
const allSkills = (normalized: { essential: Ref[]; optional: Ref[]; mentioned: Ref[] }) => [...normalized.essential, ...normalized.optional, ...normalized.mentioned];
const licenceLike = (refs: Ref[]) => refs.filter((r) => /licen[cs]e|körkort|ajokortti|driv/i.test(r.label) || /driving-licence/.test(r.uri));

beforeAll(async () => {
  service = await build({
    env: {
      KOHTAANTO_SEED_FIXTURES: 'false',
      KOHTAANTO_TAXONOMY_DIR: join(ROOT, 'taxonomy', 'esco-1.1.1'),
      KOHTAANTO_TAXONOMY_EXTENSION: join(ROOT, 'taxonomy', 'local-extension.csv'),
    },
  });
  url = service.as('admin');
}, 240_000);
afterAll(async () => {
  await service?.stop();
  if (service) removeDir(service.dataDir);
});

const put = async (id: string, overrides: Record<string, unknown>) => {
  const response = await call(url, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.normalized;
};

describe('skill extraction through the API on ESCO', () => {
  it('a vacancy whose description says "Körkort krävs inte" gets no licence skill; one that asks for C-körkort does', async () => {
    const not = await put('X-NOT', { title: 'Svetsare', skills: [], description: 'Verkstaden i Vasa söker en svetsare. Körkort krävs inte.' });
    expect(licenceLike(allSkills(not))).toEqual([]);
    expect(not.requirements.licences).toEqual([]);
    const yes = await put('X-YES', { title: 'Lastbilschaufför', skills: [], description: 'Vi söker en chaufför till distributionen. C-körkort krävs.' });
    expect(licenceLike(allSkills(yes)).length + yes.requirements.licences.length).toBeGreaterThan(0);
  });

  it('"It is…" in a description yields no IT skill; "IT" as written does', async () => {
    const it_ = await put('X-IT', { title: 'Myyjä', skills: [], description: 'It is a growing shop in Tampere. It is important that you are punctual and reliable.' });
    expect(allSkills(it_).map((s) => s.uri)).not.toContain(COMPUTER_TECHNOLOGY);
    const extracted = await call(url, 'POST', '/v1/skills/extract', { text: 'It is a fast-paced environment where no two days are the same.' });
    expect(extracted.status).toBe(200);
    expect(extracted.body.concepts.map((c: Ref) => c.uri)).not.toContain(COMPUTER_TECHNOLOGY);
    const listed = await call(url, 'POST', '/v1/skills/extract', { text: 'You have a degree in IT and five years in support.' });
    expect(listed.body.concepts.map((c: Ref) => c.uri)).toContain(COMPUTER_TECHNOLOGY);
  });

  it('benefits an ad offers are not skills it mentions ("Tarjoamme työterveyshuollon…")', async () => {
    const v = await put('X-BENEFITS', {
      title: 'Hitsaaja',
      skills: [],
      description: 'Haemme hitsaajaa konepajaamme. Työ on MIG/MAG-hitsausta. Tarjoamme työterveyshuollon, lounasedun ja liikuntasetelit.',
    });
    const labels = allSkills(v).map((s) => s.uri);
    expect(labels.some((u) => /f015c5d5/.test(u))).toBe(true); // perform metal inert gas welding, from "MIG/MAG-hitsausta"
    expect(allSkills(v).filter((s) => /occupational medicine|työterveys/i.test(s.label))).toEqual([]);
  });
});
