import { t } from '../i18n';

/** A group of checkboxes (licence classes, cards): the values chosen, labelled by `label(value)`. */
export function Checks({ id, legend, values, chosen, label, onChange }: { id: string; legend: string; values: readonly string[]; chosen: string[]; label: (v: string) => string; onChange: (chosen: string[]) => void }) {
  return (
    <fieldset class="checks" id={id}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label class="check">
          <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange((e.target as HTMLInputElement).checked ? [...chosen, v] : chosen.filter((c) => c !== v))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

export const LICENCE_CLASSES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'T'] as const;
export const CARDS = ['hygiene-passport', 'alcohol-passport', 'work-safety', 'forklift', 'first-aid', 'hot-work', 'electrical-safety', 'road-safety', 'valtti', 'security-guard', 'adr', 'professional-competence'] as const;
export const cardLabel = (id: string) => t(`card.${id}`);

export interface LanguageRequirement {
  code: string;
  level: string;
  required: boolean;
}
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
