// node scripts/run-built.mjs NAME [ARGS...] — runs dist/cli/NAME.js, building the service (tsc only,
// not the web app) first when dist is missing or older than any file in src/ outside src/web, so a
// command-line tool starts in about a second instead of rebuilding the project on every call.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: node scripts/run-built.mjs NAME [ARGS...]   (runs dist/cli/NAME.js)');
  process.exit(2);
}
const built = join(root, 'dist', 'cli', `${name}.js`);

/** The newest modification time of the files under `dir` (src/web is the web app's, built by vite). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(root, 'src', 'web')) latest = Math.max(latest, newest(path));
    } else latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.build.json')).mtimeMs);
if (stale) {
  console.error('building the service first (tsc; once after each change of src/) …');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
if (!existsSync(built)) {
  console.error(`no command-line tool '${name}' (dist/cli/${name}.js)`);
  process.exit(2);
}
process.argv = [process.argv[0], built, ...args];
await import(pathToFileURL(built).href);
