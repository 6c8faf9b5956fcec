import { cardLabel } from './Checks';
import { lang, t } from '../i18n';
import type { VacancyRequirements } from '../../core/schemas/requirements';

/** The vacancy fields a requirement can come from; any other evidence is words of the description. */
const FIELDS = new Set(['drivingLicences', 'drivingLicenceRequired', 'languages', 'languageRequirements', 'cards']);

/** Read from the description rather than entered in a field. */
export const fromDescription = (r: { evidence: string }) => !FIELDS.has(r.evidence);

/** A language by its name in the page's language ("ruotsi", "svenska", "Swedish"); the code when unknown. */
export const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames([lang.value], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

type Read = { text: string; evidence: string; description: boolean };

/** Each requirement as the engine applies it, in the page's language, with where it was read. */
export function requirementTexts(r: VacancyRequirements): { licences: Read[]; languages: Read[]; cards: Read[] } {
  const advantage = (required: boolean) => (required ? '' : `, ${t('vacancyView.advantage')}`);
  const read = (text: string, x: { evidence: string }) => ({ text, evidence: x.evidence, description: fromDescription(x) });
  return {
    licences: r.licences.map((l) => read(`${l.class}${l.required ? '' : ` (${t('vacancyView.advantage')})`}`, l)),
    languages: r.languages.map((l) => read(`${languageName(l.code)} (${t(`level.${l.level}`)}${advantage(l.required)})`, l)),
    cards: r.cards.map((c) => read(`${cardLabel(c.id)}${c.required ? '' : ` (${t('vacancyView.advantage')})`}`, c)),
  };
}

/** One requirement list: each item, those read from the description marked so (the sentence on hover and for screen readers). */
export function RequirementItems({ items }: { items: Read[] }) {
  if (items.length === 0) return <>–</>;
  return (
    <>
      {items.map((item, i) => (
        <>
          {i > 0 && ', '}
          {item.text}
          {item.description && (
            <span class="muted" title={item.evidence}>
              {' '}
              ({t('vacancyView.fromDescription')}: “{item.evidence}”)
            </span>
          )}
        </>
      ))}
    </>
  );
}

/**
 * Under a vacancy's form: what the engine reads from the description as well as from the fields (as of the
 * last save), so that "Hygieniapassi vaaditaan" in the text is not mistaken for no card required.
 */
export function ReadFromDescription({ requirements }: { requirements?: VacancyRequirements }) {
  if (!requirements) return null;
  const all = requirementTexts(requirements);
  const read = [...all.licences, ...all.languages, ...all.cards].filter((r) => r.description);
  if (read.length === 0) return null;
  return (
    <div class="read-requirements">
      <p>{t('vacancy.readFromDescription')}</p>
      <ul>
        {read.map((r) => (
          <li>
            {r.text}: “{r.evidence}”
          </li>
        ))}
      </ul>
    </div>
  );
}
