/**
 * `npm run logs:scrub -- FILE…`: removes erased people from request logs. Every mention of an
 * erased jobseeker's id (in a jobseeker route's path, the audit's `jobseeker=` parameter or the
 * client list's `after=` cursor) is replaced by their tombstone token, the same one the audit
 * trail shows. Search words (`q=`, a client's name or e-mail) and other free-text query values
 * in lines written before the service redacted them are replaced by "[redacted]", whoever they name. Each file is streamed
 * line by line into a temporary file beside it and renamed over it (0600). Needs the data
 * directory (KOHTAANTO_DATA_DIR): the tombstones are keyed with its `kohtaanto.secret`.
 * Run it after erasures on every log kept (e.g. from logrotate's postrotate, or nightly).
 */
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { mentionedIds, scrubLine } from '../core/log-scrub.js';
import { redactLogLine } from '../http/redact.js';
import { composeErasureRecord } from '../runtime/compose.js';

async function scrubFile(
  file: string,
  erased: (id: string) => Promise<boolean>,
  token: (id: string) => string,
): Promise<{ lines: number; replaced: number; redacted: number }> {
  const tmp = `${file}.scrub-tmp`;
  const out = createWriteStream(tmp, { mode: 0o600 });
  let lines = 0;
  let replaced = 0;
  let redacted = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const clean = redactLogLine(line);
    if (clean !== line) redacted++;
    // Each id the line names looked up first (the erasure record answers promises), then replaced.
    const known = new Map<string, boolean>();
    for (const id of mentionedIds(clean)) if (!known.has(id)) known.set(id, await erased(id));
    const result = scrubLine(clean, (id) => known.get(id) ?? false, token);
    replaced += result.replaced;
    lines++;
    if (!out.write(`${result.line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  return { lines, replaced, redacted };
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run logs:scrub -- FILE [FILE…]   (with KOHTAANTO_DATA_DIR set to the service\'s data directory)');
    return 2;
  }
  const { dataDir, database } = loadConfig();
  const { erasureOf, tombstones, close } = await composeErasureRecord(dataDir, database);
  const known = new Map<string, boolean>();
  const erased = async (id: string) => {
    let is = known.get(id);
    if (is === undefined) known.set(id, (is = (await erasureOf(id)) !== undefined));
    return is;
  };
  try {
    for (const file of files) {
      const { lines, replaced, redacted } = await scrubFile(file, erased, tombstones.token);
      console.log(`${file}: ${lines} lines, ${replaced} mentions of erased people replaced by their tombstones, ${redacted} lines with search words redacted`);
    }
    return 0;
  } finally {
    close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
