import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './service.js';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: string[];
}

/**
 * Starts dist/cli/serve.js (what `npm start` runs after building) and waits until it listens.
 * `wrap` runs it through another command (e.g. `unshare … sh -c '…; exec "$@"'`), which gets the
 * node command line as its last arguments.
 */
export function spawnService(env: Record<string, string>, wrap: string[] = []): Promise<ServiceProcess> {
  const output: string[] = [];
  const command = [...wrap, process.execPath, join(ROOT, 'dist', 'cli', 'serve.js')];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    // The demo population (added in the background on a first start) only where a test asks for it.
    env: { ...process.env, KOHTAANTO_PORT: '0', KOHTAANTO_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output.join('')}`)), 200_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output.join('')}`));
    });
  });
}

export const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
