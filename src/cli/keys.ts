/**
 * `npm run keys -- <command>`: organisations and API keys, on the service's SQLite file.
 *
 *   npm run keys -- org-add --id tampere --kind employment-area --area tampere --name "Tampereen seudun työllisyysalue"
 *   npm run keys -- org-add --id tre-yrityspalvelut --kind employer-services --name "Tampere employer services"
 *   npm run keys -- orgs
 *   npm run keys -- create --role counsellor --org tampere --name "Anna Virtanen" [--days 365]   # prints the key once
 *   npm run keys -- list
 *   npm run keys -- rotate <key id> [--grace-days 7] [--days 365]   # prints the successor once
 *   npm run keys -- revoke <key id>
 *
 * Roles: counsellor (employment-area), employer-service (employer-services), planner (planning,
 * employment-area or national), admin (national). Works while the service runs (SQLite WAL).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { KohtaantoError } from '../core/errors.js';
import { keyInput, keyRotation, organisationInput } from '../core/organisations/schema.js';
import { composeKeyAdministration } from '../runtime/compose.js';

const USAGE =
  'usage: keys org-add --id ID --kind KIND --name NAME [--area AREA] | keys orgs | ' +
  'keys create --role ROLE --org ORG --name NAME [--days N] | keys list | keys rotate ID [--grace-days N] [--days N] | keys revoke ID';

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      id: { type: 'string' },
      kind: { type: 'string' },
      area: { type: 'string' },
      days: { type: 'string' },
      'grace-days': { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  const config = loadConfig();
  const { organisations, close } = composeKeyAdministration(config);
  const days = (flag: string | undefined) => (flag === undefined ? undefined : Number(flag));
  try {
    switch (command) {
      case 'org-add': {
        const input = organisationInput.parse({ id: values.id, kind: values.kind, name: values.name, area: values.area });
        const o = organisations.add(input);
        console.log(`added ${o.kind} organisation ${o.id}${o.area ? ` (employment area ${o.area})` : ''}`);
        return 0;
      }
      case 'orgs':
        for (const o of organisations.list()) console.log(`${o.id.padEnd(28)} ${o.kind.padEnd(18)} ${o.area ?? ''}  ${o.name}`);
        return 0;
      case 'create': {
        const input = keyInput.parse({ role: values.role, name: values.name, organisation: values.org, expiresInDays: days(values.days) });
        const { id, key, expiresAt } = organisations.issueKey(input);
        console.log(`created ${input.role} key ${id} for "${input.name}" (${input.organisation}), expires ${expiresAt}. The key (shown only now):\n${key}`);
        return 0;
      }
      case 'list':
        for (const k of organisations.keys()) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt && k.expiresAt <= new Date().toISOString() ? `expired ${k.expiresAt}` : `expires ${k.expiresAt ?? 'never'}`;
          console.log(`${k.id}  ${k.role.padEnd(16)} ${(k.organisation ?? '(none)').padEnd(24)} ${state}  ${k.name}`);
        }
        return 0;
      case 'rotate': {
        if (!arg) return fail('usage: rotate <key id> [--grace-days N] [--days N]');
        const r = keyRotation.parse({ graceDays: days(values['grace-days']), expiresInDays: days(values.days) });
        const next = organisations.rotateKey(arg, r.graceDays, r.expiresInDays);
        console.log(`issued ${next.id} to succeed ${arg} (which now expires ${next.oldExpiresAt}). The new key (shown only now):\n${next.key}`);
        return 0;
      }
      case 'revoke':
        if (!arg) return fail('usage: revoke <key id>');
        organisations.revokeKey(arg);
        console.log(`revoked ${arg}`);
        return 0;
      default:
        return fail(USAGE);
    }
  } catch (error) {
    if (error instanceof KohtaantoError) return fail(error.message);
    if (error instanceof Error && 'issues' in error) {
      return fail((error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
    }
    throw error;
  } finally {
    close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
