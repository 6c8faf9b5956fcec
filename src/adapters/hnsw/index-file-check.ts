import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkHnswFile } from './file-check.js';
import type { HnswSettings } from './hnsw-index.js';

/** An index file whose bytes are to be checked against the checksum its metadata holds. */
export interface FileToCheck {
  file: string;
  sha256: string;
  dimension: number;
  settings: Pick<HnswSettings, 'm' | 'efConstruction'>;
}

/** What the thread is asked: check files (a problem or null each), or the checksum of one file. */
type Task = { check: FileToCheck[] } | { sha256: string };

/** The file's SHA-256, read 4 MiB at a time. */
export function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Why the file's bytes cannot be used (checksum, then structure), or undefined when they can. */
export function checkIndexFileBytes({ file, sha256, dimension, settings }: FileToCheck): string | undefined {
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return 'index file corrupt (checksum mismatch)';
  // The checksum sits beside the file and can be forged with it: the structure is checked too.
  const malformed = checkHnswFile(bytes, dimension, settings);
  if (malformed) return `index file malformed (${malformed})`;
  return undefined;
}

function checkAll(files: FileToCheck[]): (string | null)[] {
  return files.map((one) => {
    try {
      return checkIndexFileBytes(one) ?? null;
    } catch (error) {
      return `index file unreadable (${error instanceof Error ? error.message : String(error)})`;
    }
  });
}

/**
 * This module built (dist/), run as a thread: reading and hashing hundreds of megabytes then costs
 * the event loop nothing (a start builds the taxonomy meanwhile; a serving process answers). From
 * the TypeScript sources (the tests) there is no built module beside this one, and the same work
 * runs in the process on the next turn.
 */
const threadModule = new URL(import.meta.url.replace(/\.ts$/, '.js'));
const threads = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(threadModule));

/** Runs `work` in a thread of this module, or in the process on the next turn when there is no built module. */
function inThread<T>(task: Task, work: () => T, module: URL | undefined = threads ? threadModule : undefined): Promise<T> {
  if (!module) return Promise.resolve().then(work);
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(module, { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index file check stopped (exit ${code})`)));
  });
}

/** Checks the files' bytes one after the other in a thread (one file's bytes in memory at a time): a problem or undefined per file. */
export async function checkIndexFilesInThread(files: FileToCheck[], module?: URL): Promise<(string | undefined)[]> {
  if (files.length === 0) return [];
  const results = await inThread({ check: files }, () => checkAll(files), module);
  return results.map((r) => r ?? undefined);
}

/** The file's SHA-256, computed in a thread. */
export function sha256InThread(file: string, module?: URL): Promise<string> {
  return inThread({ sha256: file }, () => sha256Of(file), module);
}

const isTask = (data: unknown): data is Task =>
  typeof data === 'object' && data !== null && (('sha256' in data && typeof data.sha256 === 'string') || ('check' in data && Array.isArray(data.check)));

if (!isMainThread && parentPort && isTask(workerData)) {
  const task = workerData;
  parentPort.postMessage('sha256' in task ? sha256Of(task.sha256) : checkAll(task.check));
}
