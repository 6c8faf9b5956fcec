import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf } from '../core/thrown.js';

/**
 * One service process per data directory: two processes on one directory each keep their own
 * index in memory and overwrite each other's index files. The lock is a file holding the owner's
 * pid, created exclusively; a lock whose process is gone (after a crash or SIGKILL) is taken over.
 * The `keys` CLI does not take it (SQLite serialises its writes with the service's).
 */
export function lockDataDir(dataDir: string): { release(): void } {
  const file = join(dataDir, 'kohtaanto.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(`data directory ${dataDir} is in use by process ${owner} (${file}); one Kohtaanto process per data directory`);
      }
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`could not lock ${file}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}
