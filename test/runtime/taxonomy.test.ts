import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import type { Embedder } from '../../src/core/ports.js';
import { openNormalizer, shareNormalizers } from '../../src/runtime/taxonomy.js';
import { FIXTURES, removeDir, tempDir } from '../helpers/files.js';

const unitVector = (dimension: number) => Float32Array.from({ length: dimension }, (_, i) => (i === 0 ? 1 : 0));
const log = { info: () => undefined, warn: () => undefined };
const dirs: string[] = [];
const newDir = () => {
  const dir = tempDir('kohtaanto-taxonomy-');
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeDir));
// Sharing on, as in every test worker that starts services (test/helpers/service.ts): the tests below say what it does.
shareNormalizers();

/** The curated test taxonomy, copied so that a test may change it. */
function taxonomyCopy(): string {
  const dir = newDir();
  cpSync(join(FIXTURES, 'taxonomy'), dir, { recursive: true });
  return dir;
}

describe('openNormalizer', () => {
  it('reads the taxonomy at every open unless sharing is turned on (the service, the benchmarks)', async () => {
    shareNormalizers(false);
    const taxonomyDir = taxonomyCopy();
    const a = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    const b = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    expect(b === a).toBe(false); // identity (toBe on a normaliser would print all of it)
    expect(b.taxonomy.id).toBe(a.taxonomy.id);
    shareNormalizers();
  });

  it('opens a taxonomy once per process: a second engine on the same files gets the same normaliser, and its data directory the label vectors', async () => {
    const taxonomyDir = taxonomyCopy();
    const [first, second] = [newDir(), newDir()];
    const a = await openNormalizer({ taxonomyDir, taxonomyExtension: '', dataDir: first }, new LexicalEmbedder(), log);
    const lines: string[] = [];
    const b = await openNormalizer({ taxonomyDir, taxonomyExtension: '', dataDir: second }, new LexicalEmbedder(), { info: (m) => lines.push(m), warn: () => undefined });
    expect(b === a).toBe(true);
    expect(lines.join('\n')).toContain('opened before in this process');
    expect(readFileSync(join(second, 'skills.labels')).equals(readFileSync(join(first, 'skills.labels')))).toBe(true);
    // Other thresholds, another embedder or dimension: another normaliser.
    expect((await openNormalizer({ taxonomyDir, taxonomyExtension: '', skillNnThreshold: 0.9 }, new LexicalEmbedder(), log)) === a).toBe(false);
    expect((await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, new LexicalEmbedder(128), log)) === a).toBe(false);
  });

  it('reads the taxonomy again when one of its files changed', async () => {
    const taxonomyDir = taxonomyCopy();
    const before = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    const file = join(taxonomyDir, 'skills_en.csv');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(',cash handling,');
    writeFileSync(file, text.replace(',cash handling,', ',cash handling at the till,'));
    const after = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    expect(after === before).toBe(false);
    expect(after.taxonomy.id).not.toBe(before.taxonomy.id);
    expect(after.taxonomy.skills.get('urn:kohtaanto:skill:cashier')?.labels.en?.preferred).toBe('cash handling at the till');
  });

  it('keeps the normaliser of the largest taxonomy when one too many are kept, letting a smaller one go instead', async () => {
    // A taxonomy with more concepts than the curated one (as ESCO has, ~7 s of CPU to open again), then three
    // set-ups on smaller ones: the three kept beside it are the most, so one of the small ones goes.
    const large = taxonomyCopy();
    const skills = join(large, 'skills_en.csv');
    writeFileSync(skills, `${readFileSync(skills, 'utf8').trimEnd()}\nKnowledgeSkillCompetence,urn:kohtaanto:skill:extra,skill/competence,cross-sector,extra skill,,\n`);
    const small = taxonomyCopy();
    const big = await openNormalizer({ taxonomyDir: large, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    expect(big.taxonomy.skills.size).toBeGreaterThan(0);
    const first = await openNormalizer({ taxonomyDir: small, taxonomyExtension: '' }, new LexicalEmbedder(), log);
    await openNormalizer({ taxonomyDir: small, taxonomyExtension: '' }, new LexicalEmbedder(128), log);
    const last = await openNormalizer({ taxonomyDir: small, taxonomyExtension: '' }, new LexicalEmbedder(64), log);
    expect(first.taxonomy.skills.size).toBeLessThan(big.taxonomy.skills.size);
    expect((await openNormalizer({ taxonomyDir: large, taxonomyExtension: '' }, new LexicalEmbedder(), log)) === big).toBe(true);
    // Of the small ones, the least recently used went; a later one is kept.
    expect((await openNormalizer({ taxonomyDir: small, taxonomyExtension: '' }, new LexicalEmbedder(64), log)) === last).toBe(true);
    expect((await openNormalizer({ taxonomyDir: small, taxonomyExtension: '' }, new LexicalEmbedder(), log)) === first).toBe(false);
  });

  it("never shares a normaliser built with another embedder than the shipped ones (a test's double)", async () => {
    const taxonomyDir = taxonomyCopy();
    const lexical = new LexicalEmbedder();
    // The lexical embedder's id and dimension, other vectors: sharing its normaliser would be wrong.
    const double: Embedder = { id: lexical.id, dimension: lexical.dimension, description: 'a double', embed: async (texts) => texts.map(() => unitVector(lexical.dimension)) };
    const a = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, double, log);
    const b = await openNormalizer({ taxonomyDir, taxonomyExtension: '' }, double, log);
    expect(b === a).toBe(false); // identity (toBe on a normaliser would print all of it)
  });
});
