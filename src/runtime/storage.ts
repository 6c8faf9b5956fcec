import { statfsSync } from 'node:fs';

/**
 * The data directory's disk as /health reports it: free space, and what is wrong (less free space
 * than `minFreeBytes`, or background index writes failing). Writes on a full disk answer 507
 * (src/http/errors.ts) and change nothing.
 */
export function storageStatus(dataDir: string, minFreeBytes: number, failure: () => string | undefined) {
  return (): { freeBytes: number; problems: string[] } => {
    const stats = statfsSync(dataDir);
    const freeBytes = stats.bavail * stats.bsize;
    const problems: string[] = [];
    if (freeBytes < minFreeBytes) {
      problems.push(`the data disk has ${Math.floor(freeBytes / 2 ** 20)} MiB free (less than ${Math.floor(minFreeBytes / 2 ** 20)} MiB): writes may fail`);
    }
    const failed = failure();
    if (failed) problems.push(failed);
    return { freeBytes, problems };
  };
}
