import { date, t } from '../../i18n';
import type { StoredVacancy } from '../../../core/vacancies/schema';

/** What a client needs to apply for a vacancy on paper: its id, where and how to apply, by when, and whom to ask. */
export function HowToApply({ id, vacancy: v }: { id: string; vacancy?: StoredVacancy }) {
  const apply = v?.howToApply;
  const contact = v?.contactPerson;
  const told = Boolean(apply?.url || apply?.email || apply?.text);
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
      {!told && <li>{t('plan.printNoHowTo')}</li>}
      {v?.expiresAt && <li>{t('plan.printApplyBy', { date: date(v.expiresAt) })}</li>}
      {contact && (
        <li>
          {t('vacancy.contactName')}: {[contact.name, contact.phone, contact.email].filter(Boolean).join(', ')}
        </li>
      )}
    </ul>
  );
}
