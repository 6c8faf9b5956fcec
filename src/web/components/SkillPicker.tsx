import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { lang, t } from '../i18n';
import type { ConceptHit as Concept, SkillSearchResult } from '../../core/taxonomy/schema';
import type { SkillRef } from '../../core/schemas/skills';
import { FREE, skillShown } from '../skill-names';
import { otherLanguage } from './Written';


const suggestions = (q: string) =>
  api<SkillSearchResult>('GET', `/v1/taxonomy/skills${query({ q, lang: lang.value, limit: 8 })}`).then(
    (r) => r.items,
    () => Array<Concept>(),
  );

/**
 * A stored chip as the page's reader reads it (skillShown: as written in the page's language, else the
 * concept's label in it), marked with the language it is shown in when that is not the page's
 * ("Kemppi-hitsauslaitteiden vianetsintä (på finska)"); a free-text note as typed, said to be one.
 */
function chipText(s: string, concepts: readonly SkillRef[], written: string | undefined): { text: string; lang?: string; note?: string } {
  if (s.startsWith(FREE)) return { text: s.slice(FREE.length), note: t('skills.freeText') };
  const shown = skillShown(s, concepts, written);
  const other = otherLanguage(shown.lang);
  return other ? { text: shown.text, lang: other, note: t(`skills.written.${other}`) } : { text: shown.text };
}
const chipLabel = (c: { text: string; note?: string }) => (c.note ? `${c.text} (${c.note})` : c.text);

/**
 * Skills as chips, added from the taxonomy with autocomplete (a native datalist, so keyboard and
 * screen readers work as with any input). Only a suggestion is added as typed; anything else
 * ("lääkeh", half typed) is added only after an explicit "keep as free text", as a note.
 */
export function SkillPicker({
  id,
  label,
  skills,
  onChange,
  concepts = [],
  written,
}: {
  id: string;
  label: string;
  skills: string[];
  onChange: (skills: string[]) => void;
  /** The stored record's skills as concepts, labelled in the page's language (its `normalized`, asked for with `lang`). */
  concepts?: readonly SkillRef[];
  /** The language the record's text is written in (its `normalized.language`), for chips with no concept. */
  written?: string;
}) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Concept[]>([]);
  const [pending, setPending] = useState<string>();
  useEffect(() => {
    if (text.trim().length < 2) return setOptions([]);
    const timer = setTimeout(() => suggestions(text.trim()).then(setOptions), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const push = (skill: string) => {
    if (!skills.includes(skill)) onChange([...skills, skill]);
    setText('');
    setPending(undefined);
  };
  const add = async () => {
    const typed = text.trim();
    if (!typed) return;
    const folded = typed.toLocaleLowerCase();
    const same = (list: Concept[]) => list.find((o) => [o.label, o.matchedLabel].some((l) => l?.toLocaleLowerCase() === folded));
    // Enter may come before the suggestions for the last keystroke: ask for them then.
    const chosen = same(options) ?? same(await suggestions(typed));
    // A label of the concept, as typed (the service maps any label of any language to its concept).
    if (chosen) push(typed);
    else setPending(typed);
  };
  return (
    <fieldset class="skills">
      <legend>{label}</legend>
      <ul class="chips" aria-label={label}>
        {skills.map((s) => {
          const chip = chipText(s, concepts, written);
          return (
          <li class="chip">
            {chip.lang ? <span lang={chip.lang}>{chip.text}</span> : chip.text}
            {chip.note && <span class="muted"> ({chip.note})</span>}
            <button type="button" class="remove" aria-label={t('skills.remove', { skill: chipLabel(chip) })} onClick={() => onChange(skills.filter((x) => x !== s))}>
              ×
            </button>
          </li>
          );
        })}
      </ul>
      <div class="add-skill">
        <label for={id} class="visually-hidden">
          {t('skills.add')}
        </label>
        <input
          id={id}
          list={`${id}-options`}
          value={text}
          placeholder={t('skills.placeholder')}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setPending(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option value={o.label} />
          ))}
        </datalist>
        <button type="button" onClick={() => void add()}>
          {t('skills.add')}
        </button>
      </div>
      {pending && (
        <p class="notice" role="status">
          {t('skills.notInTaxonomy', { skill: pending })}{' '}
          <button type="button" onClick={() => push(`${FREE}${pending}`)}>
            {t('skills.keepFreeText')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
