/** The service as `npm start` runs it, for the benchmarks that measure it over HTTP. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const round = (x: number) => Math.round(x * 10) / 10;

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

export async function startService(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ReturnType<typeof spawn>; url: string; key: string; log: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'serve.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...extraEnv,
      KOHTAANTO_DATA_DIR: dataDir,
      KOHTAANTO_PORT: '0',
      KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000',
      KOHTAANTO_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  // Request logs at info level would cost the service more than the benchmark measures: silence them.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  const key = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
  return { child, url, key, log: () => output };
}

export async function kill(child: ReturnType<typeof spawn>, signal: NodeJS.Signals) {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

