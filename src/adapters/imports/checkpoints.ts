import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ImportCheckpoint } from '../../core/imports/importer.js';

/** A checkpoint as its file holds it (the summary's unmapped fields as [field, count] pairs). */
const savedCheckpoint = z.object({
  fingerprint: z.string().optional(),
  line: z.number().optional(),
  summary: z
    .object({
      read: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      refused: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
      unmapped: z.array(z.tuple([z.string(), z.number()])),
    })
    .optional(),
});

/**
 * Where an interrupted `npm run import` got to, kept in a small file (0600) under the user's cache
 * directory, one per input file, kind, source and service. It is only used for the same file
 * unchanged (size and modification time); the import removes it when it finishes.
 */
export class CheckpointFile {
  readonly path: string;
  private readonly fingerprint: string;

  constructor(input: string, identity: { kind: string; source: string; url: string }, directory = defaultDirectory()) {
    const absolute = resolve(input);
    const key = createHash('sha256').update(JSON.stringify([absolute, identity.kind, identity.source, identity.url])).digest('hex').slice(0, 24);
    this.path = join(directory, `${key}.json`);
    const stat = statSync(absolute);
    this.fingerprint = `${stat.size}:${Math.round(stat.mtimeMs)}`;
  }

  /** The checkpoint of an earlier run over the same, unchanged file; undefined otherwise. */
  load(): ImportCheckpoint | undefined {
    let saved: z.output<typeof savedCheckpoint>;
    try {
      saved = savedCheckpoint.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return undefined;
    }
    if (saved.fingerprint !== this.fingerprint || typeof saved.line !== 'number' || !saved.summary) return undefined;
    return { line: saved.line, summary: { ...saved.summary, unmapped: new Map(saved.summary.unmapped) } };
  }

  save(checkpoint: ImportCheckpoint): void {
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    const { summary } = checkpoint;
    const body = { fingerprint: this.fingerprint, line: checkpoint.line, summary: { ...summary, unmapped: [...summary.unmapped] } };
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(body), { mode: 0o600 });
    renameSync(temporary, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

function defaultDirectory(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kohtaanto', 'imports');
}
