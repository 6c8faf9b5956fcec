import { CARD_IDS, LICENCE_CLASSES } from '../../core/requirements/vocabulary';
import type { LanguageRequirement as StoredLanguageRequirement } from '../../core/schemas/requirements';
import { t } from '../i18n';

/** A group of checkboxes (licence classes, cards): the values chosen, labelled by `label(value)`. */
export function Checks<T extends string>({ id, legend, values, chosen, label, onChange }: { id: string; legend: string; values: readonly T[]; chosen: T[]; label: (v: T) => string; onChange: (chosen: T[]) => void }) {
  return (
    <fieldset class="checks" id={id}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label class="check">
          <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, v] : chosen.filter((c) => c !== v))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** Licence classes and cards as the service knows them (src/core/requirements/vocabulary.ts), in its order. */
export { CARD_IDS as CARDS, LICENCE_CLASSES };
export const cardLabel = (id: string) => t(`card.${id}`);

/** A vacancy's language requirement as the form reads it: any level word (the service names one it does not know). */
export type LanguageRequirement = Omit<StoredLanguageRequirement, 'level'> & { level: string };
/** "fi fluent, sv good, en basic?" ⇄ language requirements (the service names any level it does not know). */
export const parseLanguages = (text: string): LanguageRequirement[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [code = '', level = 'good'] = part.replace(/\?$/, '').trim().split(/[\s:]+/);
      return { code: code.toLowerCase(), level: level.toLowerCase(), required: !part.endsWith('?') };
    });
export const formatLanguages = (list: LanguageRequirement[]) => list.map((l) => `${l.code} ${l.level}${l.required ? '' : '?'}`).join(', ');
