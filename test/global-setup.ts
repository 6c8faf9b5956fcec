import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds dist/ once, for the tests that start the service as `npm start` does. */
export default function setup() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
}
