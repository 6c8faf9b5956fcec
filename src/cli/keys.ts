/**
 * `npm run keys -- <command>`: API key administration on the service's SQLite file.
 *
 *   npm run keys -- create --role counsellor --name "Anna Virtanen"   # prints the key once
 *   npm run keys -- list
 *   npm run keys -- revoke <key id>
 *
 * Roles: counsellor, employer-service, planner, admin. Works while the service runs (SQLite WAL).
 */
import { parseArgs } from 'node:util';
import { ApiKeyStore } from '../adapters/sqlite/api-keys.js';
import { openDatabase } from '../adapters/sqlite/database.js';
import { loadConfig } from '../config.js';
import { ROLES, type Role } from '../core/access.js';
import { databaseFile } from '../engine.js';

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, arg] = positionals;
  const db = openDatabase(databaseFile(loadConfig().dataDir));
  const keys = new ApiKeyStore(db);
  try {
    switch (command) {
      case 'create': {
        const role = values.role as Role | undefined;
        if (!role || !ROLES.includes(role)) return fail(`--role must be one of: ${ROLES.join(', ')}`);
        if (!values.name?.trim()) return fail('--name is required (who or what holds the key)');
        const { id, key } = keys.create(role, values.name.trim());
        console.log(`created ${role} key ${id} for "${values.name.trim()}". The key (shown only now):\n${key}`);
        return 0;
      }
      case 'list':
        for (const k of keys.list()) {
          console.log(`${k.id}  ${k.role.padEnd(16)} ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.name}`);
        }
        return 0;
      case 'revoke':
        if (!arg) return fail('usage: revoke <key id>');
        if (!keys.revoke(arg)) return fail(`no active key ${arg}`);
        console.log(`revoked ${arg}`);
        return 0;
      default:
        return fail('usage: keys create --role ROLE --name NAME | keys list | keys revoke ID');
    }
  } finally {
    db.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
