import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { envSchema, importerEnvSchema } from '../config.js';

/**
 * docs/configuration.md's tables, written from src/config.ts (`npm run docs:config`): every setting,
 * its default and its meaning. test/config.test.ts fails when the file and this output differ.
 */

export const CONFIG_DOC = join(import.meta.dirname, '..', '..', 'docs', 'configuration.md');
const BEGIN = '<!-- generated from src/config.ts by `npm run docs:config`: do not edit by hand -->';
const END = '<!-- end of generated tables -->';

/** What a setting's `.meta()` says for the table (config.ts's doc()). */
const settingMeta = z.object({ description: z.string().optional(), shownDefault: z.string().optional() });

/** A default as the table shows it: the value an empty environment gives, or its wording in config.ts. */
export function shownDefault(schema: z.ZodType): string {
  const meta = settingMeta.parse(schema.meta() ?? {});
  if (meta.shownDefault !== undefined) return meta.shownDefault;
  const value = schema.parse(undefined);
  return value === undefined ? '—' : `\`${String(value)}\``;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(schema: { shape: Record<string, z.ZodType> }): string {
  const rows = Object.entries(schema.shape).map(([name, setting]) => {
    const meta = settingMeta.parse(setting.meta() ?? {});
    if (!meta.description) throw new Error(`${name} has no meaning in src/config.ts: add .meta(doc('…'))`);
    return `| \`${name}\` | ${cell(shownDefault(setting))} | ${cell(meta.description)} |`;
  });
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The generated part of docs/configuration.md, markers included. */
export function configurationTables(): string {
  return [
    BEGIN,
    '',
    '### The service',
    '',
    table(envSchema),
    '',
    '### The importer (`npm run import`)',
    '',
    table(importerEnvSchema),
    '',
    END,
  ].join('\n');
}

/** The generated part as it stands in the file, or undefined when the markers are missing. */
export function tablesInDoc(text: string): string | undefined {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start);
  return start < 0 || end < 0 ? undefined : text.slice(start, end + END.length);
}

function main() {
  const text = readFileSync(CONFIG_DOC, 'utf8');
  const current = tablesInDoc(text);
  if (current === undefined) throw new Error(`${CONFIG_DOC} has no generated section (${BEGIN} … ${END})`);
  writeFileSync(CONFIG_DOC, text.replace(current, configurationTables()));
  console.log(`${CONFIG_DOC}: tables written from src/config.ts`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
