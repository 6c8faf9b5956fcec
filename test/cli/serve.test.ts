import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, removeDir, ROOT, tempDir } from '../helpers/service.js';

/** Waits for pino's "Server listening at http://..." line and returns the address. */
function listeningAddress(child: ReturnType<typeof spawn>, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output.join('')}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output.join('')}`)));
  });
}

describe('npm start (README\'s first command: build, then node dist/cli/serve.js)', () => {
  it('builds, starts on the embedded default, serves matches for a fixture jobseeker and shuts down cleanly', async () => {
    const dataDir = tempDir();
    const output: string[] = [];
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    const child = spawn(process.execPath, ['dist/cli/serve.js'], {
      cwd: ROOT,
      env: { ...process.env, KOHTAANTO_PORT: '0', KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_MODEL_DIR: join(dataDir, 'no-models') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await listeningAddress(child, output);
      const log = output.join('');
      expect(log).toContain('lexical fallback');
      expect(log).toContain('KOHTAANTO_MODEL_DIR');
      // First start: an admin key in a file only the owner can read, never in the log.
      const keyFile = join(dataDir, 'initial-admin.key');
      expect(statSync(keyFile).mode & 0o077).toBe(0);
      const key = readFileSync(keyFile, 'utf8').trim();
      expect(log).not.toContain(key);
      expect((await call(url, 'GET', '/v1/jobseekers/JS-000001/matches?k=5')).status).toBe(401);
      const matches = await call({ url, key }, 'GET', '/v1/jobseekers/JS-000001/matches?k=5');
      expect(matches.status).toBe(200);
      expect(matches.body.hits).toHaveLength(5);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(join(dataDir, 'kohtaanto.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'vacancies.hnsw'))).toBe(true);
    } finally {
      child.kill('SIGKILL');
      removeDir(dataDir);
    }
  });
});
