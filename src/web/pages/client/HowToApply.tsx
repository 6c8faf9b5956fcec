import { date, lang, num, t } from '../../i18n';
import { LOCALES } from '../../../core/languages';
import type { StoredVacancy } from '../../../core/vacancies/schema';

/** Whether the ad says how to apply (a link, an address or words); the print view says once which do not. */
export const saysHowToApply = (v?: StoredVacancy) => Boolean(v?.howToApply?.url || v?.howToApply?.email || v?.howToApply?.text);

/**
 * What a client needs to apply for a vacancy on paper: its id, where and how to apply, by when, and
 * whom to ask (an ad that does not say how is said once for all, below the list: NoHowToApply).
 */
export function HowToApply({ id, vacancy: v }: { id: string; vacancy?: StoredVacancy }) {
  const apply = v?.howToApply;
  const contact = v?.contactPerson;
  return (
    <ul class="apply">
      <li>{t('plan.printVacancyId', { id })}</li>
      {apply?.url && (
        <li>
          {t('vacancy.applyUrl')}: {apply.url}
        </li>
      )}
      {apply?.email && (
        <li>
          {t('vacancy.applyEmail')}: {apply.email}
        </li>
      )}
      {apply?.text && (
        <li>
          {t('field.howToApply')}: {apply.text}
        </li>
      )}
      {v?.expiresAt && <li>{t('plan.printApplyBy', { date: date(v.expiresAt) })}</li>}
      {contact && (
        <li>
          {t('vacancy.contactName')}: {[contact.name, contact.phone, contact.email].filter(Boolean).join(', ')}
        </li>
      )}
    </ul>
  );
}

/** Said once below the printed list: which of its vacancies (by their numbers) do not say how to apply, and what to do. */
export function NoHowToApply({ numbers }: { numbers: number[] }) {
  if (numbers.length === 0) return null;
  const listed = new Intl.ListFormat(LOCALES[lang.value], { type: 'conjunction' }).format(numbers.map((n) => num(n)));
  return <p class="no-how-to">{t('plan.printNoHowTo', { numbers: listed })}</p>;
}
