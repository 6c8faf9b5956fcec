import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { lang, t } from '../i18n';

interface Concept {
  uri: string;
  label: string;
}

/**
 * Skills as chips, added from the taxonomy with autocomplete (a native datalist, so keyboard and
 * screen readers work as with any input); a skill the taxonomy does not know may still be added.
 */
export function SkillPicker({ id, label, skills, onChange }: { id: string; label: string; skills: string[]; onChange: (skills: string[]) => void }) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Concept[]>([]);
  useEffect(() => {
    if (text.trim().length < 2) return setOptions([]);
    const timer = setTimeout(() => {
      api<{ items: Concept[] }>('GET', `/v1/taxonomy/skills${query({ q: text.trim(), lang: lang.value, limit: 8 })}`).then(
        (r) => setOptions(r.items),
        () => setOptions([]),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);
  const add = () => {
    const skill = text.trim();
    if (skill && !skills.includes(skill)) onChange([...skills, skill]);
    setText('');
  };
  return (
    <fieldset class="skills">
      <legend>{label}</legend>
      <ul class="chips" aria-label={label}>
        {skills.map((s) => (
          <li class="chip">
            {s}
            <button type="button" class="remove" aria-label={t('skills.remove', { skill: s })} onClick={() => onChange(skills.filter((x) => x !== s))}>
              ×
            </button>
          </li>
        ))}
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
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option value={o.label} />
          ))}
        </datalist>
        <button type="button" onClick={add}>
          {t('skills.add')}
        </button>
      </div>
    </fieldset>
  );
}
