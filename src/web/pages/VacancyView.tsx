import type { ComponentChildren } from 'preact';
import { useLoad } from '../components/ui';
import { cardLabel } from '../components/Checks';
import { languageName, RequirementItems, requirementTexts } from '../components/Requirements';
import { WrittenList } from '../components/Written';
import { date, num, t } from '../i18n';
import { skillsShown } from '../skill-names';
import { loadPlaces, shownPlace } from '../places';
import type { SkillRef } from '../../core/schemas/skills';
import type { StoredVacancy } from '../../core/vacancies/schema';

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * A vacancy to read: its full description, what it requires and how to apply, as the API shows it
 * to the person's role (a field the role may not see is not there). `part`: all of it, only the
 * summary (where, the facts, the skills required: what a unit checks before its candidates), or only
 * the rest (description, requirements, how to apply).
 */
export function VacancyView({ vacancy: v, part = 'all' }: { vacancy: Partial<StoredVacancy> & Pick<StoredVacancy, 'id' | 'title'>; part?: 'all' | 'summary' | 'details' }) {
  const places = useLoad(loadPlaces, []);
  const place = places.data ? shownPlace(places.data.municipalities, v.municipality ?? '') : v.municipality;
  const languages = v.languageRequirements?.length
    ? v.languageRequirements.map((l) => `${languageName(l.code)} (${t(`level.${l.level}`)}${l.required ? '' : `, ${t('vacancyView.advantage')}`})`)
    : (v.languages ?? []).map(languageName);
  // The requirements as the engine applies them (the fields and what the description requires), when it has read them.
  const read = v.normalized?.requirements ? requirementTexts(v.normalized.requirements) : undefined;
  // As written in the page's language, else by the taxonomy's labels in it (skill-names.ts).
  const listed = (concepts: SkillRef[] | undefined, entries: string[] | undefined) =>
    concepts?.length ? skillsShown(concepts, v.normalized?.language) : (entries ?? []).map((text) => ({ text }));
  const skills = listed(v.normalized?.essential, v.skills);
  const optional = listed(v.normalized?.optional, v.optionalSkills);
  const summary = (
    <>
      <p class="muted">
        {v.employer ? `${v.employer} · ` : ''}
        {place}
        {v.remote ? ` · ${t('vacancyView.remote')}` : ''} · <code>{v.id}</code>
      </p>
      <dl class="facts">
        {v.status && <Row label={t('common.status')}>{t(`status.${v.status}`)}</Row>}
        {v.positions !== undefined && <Row label={t('vacancy.positions')}>{num(v.positions)}</Row>}
        {v.workingTime && <Row label={t('profile.workingTime')}>{t(`workingTime.${v.workingTime}`)}</Row>}
        {v.employment && <Row label={t('vacancy.employment')}>{t(`employment.${v.employment}`)}</Row>}
        {v.startDate && <Row label={t('vacancy.startDate')}>{date(v.startDate)}</Row>}
        {v.expiresAt && <Row label={t('vacancy.expires')}>{date(v.expiresAt)}</Row>}
        {v.salary && <Row label={t('vacancy.salary')}>{v.salary}</Row>}
        {v.paySubsidy && <Row label={t('vacancy.paySubsidy')}>{t('common.yes')}</Row>}
      </dl>
      {part === 'summary' && (
        <dl class="facts">
          <Row label={t('vacancy.skills')}><WrittenList items={skills} /></Row>
        </dl>
      )}
    </>
  );
  const details = (
    <>
      <h2>{t('vacancy.description')}</h2>
      <div class="description">{v.description}</div>
      <h2>{t('vacancyView.requirements')}</h2>
      <dl class="facts">
        <Row label={t('vacancy.skills')}><WrittenList items={skills} /></Row>
        <Row label={t('vacancy.optionalSkills')}><WrittenList items={optional} /></Row>
        {read ? (
          <>
            <Row label={t('vacancy.languageRequirements')}><RequirementItems items={read.languages} /></Row>
            <Row label={t('vacancy.licences')}><RequirementItems items={read.licences} /></Row>
            <Row label={t('vacancy.cards')}><RequirementItems items={read.cards} /></Row>
          </>
        ) : (
          <>
            <Row label={t('vacancy.languageRequirements')}>{languages.length ? languages.join(', ') : '–'}</Row>
            <Row label={t('vacancy.licences')}>{v.drivingLicences?.length ? v.drivingLicences.join(', ') : v.drivingLicenceRequired ? 'B' : '–'}</Row>
            <Row label={t('vacancy.cards')}>{v.cards?.length ? v.cards.map(cardLabel).join(', ') : '–'}</Row>
          </>
        )}
        {v.educationLevel && <Row label={t('field.educationLevel')}>{t(`education.${v.educationLevel}`)}</Row>}
      </dl>
      {(v.howToApply || v.contactPerson) && (
        <>
          <h2>{t('vacancyView.apply')}</h2>
          <dl class="facts">
            {v.howToApply?.url && (
              <Row label={t('vacancy.applyUrl')}>
                <a href={v.howToApply.url} rel="noopener noreferrer" target="_blank">
                  {v.howToApply.url}
                </a>
              </Row>
            )}
            {v.howToApply?.email && (
              <Row label={t('vacancy.applyEmail')}>
                <a href={`mailto:${v.howToApply.email}`}>{v.howToApply.email}</a>
              </Row>
            )}
            {v.howToApply?.text && <Row label={t('field.howToApply')}>{v.howToApply.text}</Row>}
            {v.contactPerson && (
              <Row label={t('vacancy.contactName')}>
                {v.contactPerson.name}
                {v.contactPerson.phone ? `, ${v.contactPerson.phone}` : ''}
                {v.contactPerson.email && (
                  <>
                    , <a href={`mailto:${v.contactPerson.email}`}>{v.contactPerson.email}</a>
                  </>
                )}
              </Row>
            )}
          </dl>
        </>
      )}
    </>
  );
  return (
    <article class="vacancy-view">
      {part !== 'details' && summary}
      {part !== 'summary' && details}
    </article>
  );
}
