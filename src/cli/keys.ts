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
import { z } from 'zod';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { KohtaantoError } from '../core/errors.js';
import { keyInput, keyRotation, organisationInput, organisationKind, type OrganisationKind } from '../core/organisations/schema.js';
import { ROLE_ORGANISATIONS, ROLES, type Role } from '../core/access.js';
import { composeKeyAdministration } from '../runtime/compose.js';
import { messageOf } from '../core/thrown.js';

/** Each role, the organisation kinds that hold it and what it is for (see core/access.ts). */
const ROLE_PURPOSE: Record<Role, string> = {
  counsellor: "their employment area's clients and their matches",
  'employer-service': "their unit's vacancies and the candidates shared with them",
  planner: 'area analytics and the training catalogue, never personal data',
  admin: 'everything, keys and the audit trail',
};

/** What each organisation kind is. */
const KIND_PURPOSE: Record<OrganisationKind, string> = {
  'employment-area': "an employment area's jobseeker services (counsellors, planners); needs --area",
  'employer-services': 'a unit serving employers (employer-service keys)',
  planning: 'a planning office (planner keys)',
  national: 'administration (admin and planner keys)',
};

const USAGE = [
  'usage: npm run keys -- COMMAND [OPTIONS]',
  '',
  'commands:',
  '  org-add --id ID --kind KIND --name NAME [--area AREA]   add an organisation (--area for employment-area)',
  '  orgs                                                    list organisations',
  '  create --role ROLE --org ORG --name NAME [--days N]     issue a key (printed once; expires in N days, default 365)',
  '  list                                                    list keys: id, role, organisation, expiry, name',
  '  rotate KEY_ID [--grace-days N] [--days N]               issue a successor; the old key expires after the grace days',
  '  revoke KEY_ID                                           revoke a key at once',
  '  help                                                    this text (also --help)',
  '',
  'organisation kinds (--kind):',
  ...organisationKind.options.map((kind) => `  ${kind.padEnd(18)} ${KIND_PURPOSE[kind]}`),
  '',
  'roles (--role) and the kinds of organisation that hold them:',
  ...ROLES.map((role) => `  ${role.padEnd(18)} ${ROLE_ORGANISATIONS[role].join(', ').padEnd(44)} ${ROLE_PURPOSE[role]}`),
  '',
  'Works on the data directory of KOHTAANTO_DATA_DIR (default ./data), also while the service runs.',
].join('\n');

/** The command-line flag of each input field named differently. */
const FLAG_OF: Record<string, string> = { expiresInDays: 'days', graceDays: 'grace-days', organisation: 'org' };

const OPTIONS = {
  role: { type: 'string' },
  name: { type: 'string' },
  org: { type: 'string' },
  id: { type: 'string' },
  kind: { type: 'string' },
  area: { type: 'string' },
  days: { type: 'string' },
  'grace-days': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown option or one missing its value: said plainly, with the usage (no stack trace).
    return fail(`${messageOf(error)}\n\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (values.help || positionals[0] === 'help' || positionals.length === 0) {
    console.log(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, arg] = positionals;
  const config = loadConfig();
  const { organisations, close } = await composeKeyAdministration(config);
  const days = (flag: string | undefined) => (flag === undefined ? undefined : Number(flag));
  try {
    switch (command) {
      case 'org-add': {
        const input = organisationInput.parse({ id: values.id, kind: values.kind, name: values.name, area: values.area });
        const o = await organisations.add(input);
        console.log(`added ${o.kind} organisation ${o.id}${o.area ? ` (employment area ${o.area})` : ''}`);
        return 0;
      }
      case 'orgs':
        for (const o of await organisations.list()) console.log(`${o.id.padEnd(28)} ${o.kind.padEnd(18)} ${o.area ?? ''}  ${o.name}`);
        return 0;
      case 'create': {
        const input = keyInput.parse({ role: values.role, name: values.name, organisation: values.org, expiresInDays: days(values.days) });
        const { id, key, expiresAt } = await organisations.issueKey(input);
        console.log(`created ${input.role} key ${id} for "${input.name}" (${input.organisation}), expires ${expiresAt}. The key (shown only now):\n${key}`);
        return 0;
      }
      case 'list':
        for (const k of await organisations.keys()) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt && k.expiresAt <= new Date().toISOString() ? `expired ${k.expiresAt}` : `expires ${k.expiresAt ?? 'never'}`;
          console.log(`${k.id}  ${k.role.padEnd(16)} ${(k.organisation ?? '(none)').padEnd(24)} ${state}  ${k.name}`);
        }
        return 0;
      case 'rotate': {
        if (!arg) return fail('usage: rotate <key id> [--grace-days N] [--days N]');
        const r = keyRotation.parse({ graceDays: days(values['grace-days']), expiresInDays: days(values.days) });
        const next = await organisations.rotateKey(arg, r.graceDays, r.expiresInDays);
        console.log(`issued ${next.id} to succeed ${arg} (which now expires ${next.oldExpiresAt}). The new key (shown only now):\n${next.key}`);
        return 0;
      }
      case 'revoke':
        if (!arg) return fail('usage: revoke <key id>');
        await organisations.revokeKey(arg);
        console.log(`revoked ${arg}`);
        return 0;
      default:
        return fail(`unknown command '${command}'\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof KohtaantoError) return fail(error.message);
    if (error instanceof z.ZodError) {
      return fail(error.issues.map((i) => `--${FLAG_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; '));
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

process.exitCode = await main(process.argv.slice(2));
