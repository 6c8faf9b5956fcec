import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { Taxonomy, type SkillConcept } from '../../../src/core/taxonomy/taxonomy.js';
import { ROOT } from '../../helpers/files.js';

const skill = (uri: string, en: string): SkillConcept => ({ uri, skillType: 'skill/competence', labels: { en: { preferred: en, alt: [] } } });

describe("credit through ESCO's skill hierarchy and relations", () => {
  const taxonomy = new Taxonomy('t', 'test', [skill('mig', 'MIG welding'), skill('welding', 'welding'), skill('metal', 'metalwork'), skill('drawings', 'read drawings'), skill('cad', 'CAD')], [], {
    broaderSkills: [
      ['mig', 'welding'],
      ['welding', 'metal'],
    ],
    relatedSkills: [['drawings', 'cad']],
  });

  it('covers a broader skill fully with a narrower one, up the hierarchy, naming the held skill', () => {
    expect(taxonomy.skillCredit(new Set(['mig']), 'welding')).toEqual({ credit: 1, via: 'mig' });
    expect(taxonomy.skillCredit(new Set(['mig']), 'metal')).toEqual({ credit: 1, via: 'mig' });
  });

  it('covers a narrower or related skill in part, and nothing unrelated', () => {
    expect(taxonomy.skillCredit(new Set(['welding']), 'mig')).toEqual({ credit: 0.5, via: 'welding' });
    expect(taxonomy.skillCredit(new Set(['cad']), 'drawings')).toEqual({ credit: 0.5, via: 'cad' });
    expect(taxonomy.skillCredit(new Set(['cad']), 'welding')).toEqual({ credit: 0 });
  });

  it('reads the hierarchy of the curated default taxonomy (MIG welding covers welding)', () => {
    const curated = loadEscoCsv(join(ROOT, 'fixtures', 'taxonomy'));
    const mig = [...curated.skills.values()].find((s) => s.labels.en?.preferred === 'MIG welding')!;
    const welding = [...curated.skills.values()].find((s) => s.labels.en?.preferred === 'welding')!;
    expect(curated.skillCredit(new Set([mig.uri]), welding.uri).credit).toBe(1);
  });

  it('relates occupations of the curated default by their shared essential skills', () => {
    const curated = loadEscoCsv(join(ROOT, 'fixtures', 'taxonomy'));
    const uri = (en: string) => [...curated.occupations.values()].find((o) => o.labels.en?.preferred === en)!.uri;
    expect(curated.occupationRelation(uri('forklift operator'), uri('warehouse worker'))).toBe(0.5);
    expect(curated.occupationRelation(uri('warehouse worker'), uri('forklift operator'))).toBe(0.5);
    expect(curated.occupationRelation(uri('forklift operator'), uri('registered nurse'))).toBe(0);
  });
});
