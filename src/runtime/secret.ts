import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The installation secret that keys tombstones: a file beside the database (`kohtaanto.secret`,
 * 0600), not inside it, so that a copy of the database alone reveals nothing about erased ids.
 * Created on first start; keep it with the backups of the data directory's keys, not with the
 * database copies.
 */
export function installationKey(dataDir: string): Buffer {
  const file = join(dataDir, 'kohtaanto.secret');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new Error(`${file} holds no 32-byte key (base64)`);
  return key;
}
