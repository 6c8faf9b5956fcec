/** The service as `npm start` runs it, for the benchmarks that measure it over HTTP. */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const round = (x: number) => Math.round(x * 10) / 10;

/** Builds dist/ as `npm start` does, unless the caller knows it is current (`--built`: the test suite built it). */
export function buildService(built: boolean | undefined): void {
  if (!built) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** The process and its descendants (the service's workers), from /proc. */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time (user + system) a process and its workers have used, in ms, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10;
}

/** Peak resident memory (VmHWM) of a process and its workers together, in MiB. */
export function peakMemoryMiB(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))![1]);
    } catch {
      // gone
    }
  }
  return round(kb / 1024);
}

/**
 * Starts the service and waits until every worker listens (KOHTAANTO_WORKERS, default here 1);
 * `listenedAfterMs` is when the first one did (the service answers from then on).
 */
export async function startService(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  /** The checkout whose dist/ runs (another revision's, for a baseline in the same run). */
  root: string = ROOT,
  /** Options of node itself (e.g. `--cpu-prof`: the forked workers take them too). */
  nodeOptions: string[] = [],
): Promise<{ child: ReturnType<typeof spawn>; url: string; key: string; log: () => string; listenedAfterMs: number; workers: number }> {
  const started = performance.now();
  const workers = Number(extraEnv.KOHTAANTO_WORKERS ?? '1');
  const child = spawn(process.execPath, [...nodeOptions, join(root, 'dist', 'cli', 'serve.js')], {
    cwd: root,
    env: {
      ...process.env,
      KOHTAANTO_WORKERS: '1',
      // The fixtures alone (the benchmarks measure them): no demo population in the background.
      KOHTAANTO_DEMO: 'off',
      ...extraEnv,
      KOHTAANTO_DATA_DIR: dataDir,
      KOHTAANTO_PORT: '0',
      KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000',
      KOHTAANTO_NOISY_REPORTS_PER_DAY: '100000',
      KOHTAANTO_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listenedAfterMs = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && !listenedAfterMs) listenedAfterMs = performance.now() - started;
      if (match && (output.match(/Kohtaanto ready in/g) ?? []).length >= workers) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  // Request logs at info level would cost the service more than the benchmark measures: silence them.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  const key = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
  return { child, url, key, log: () => output, listenedAfterMs, workers };
}

export async function kill(child: ReturnType<typeof spawn>, signal: NodeJS.Signals) {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

