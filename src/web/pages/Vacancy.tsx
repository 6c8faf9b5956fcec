import { useState } from 'preact/hooks';
import { api, query, type Hit, type Me } from '../api';
import { HitList } from '../components/HitList';
import { cardLabel, CARDS, Checks, formatLanguages, LICENCE_CLASSES, parseLanguages, type LanguageRequirement } from '../components/Checks';
import { SkillPicker } from '../components/SkillPicker';
import { Choice, Field, invalidField, Loaded, SaveBar, useLoad } from '../components/ui';
import { lang, t } from '../i18n';
import { go, href } from '../router';

interface Vacancy {
  id: string;
  title: string;
  description: string;
  employer?: string;
  skills: string[];
  optionalSkills: string[];
  municipality: string;
  languages: string[];
  languageRequirements?: LanguageRequirement[];
  drivingLicences?: string[];
  cards?: string[];
  workingTime: 'full' | 'part';
  employment?: 'permanent' | 'fixed-term';
  startDate?: string;
  salary?: string;
  howToApply?: { url?: string; email?: string; text?: string };
  contactPerson?: { name: string; phone?: string; email?: string };
  positions: number;
  status: 'open' | 'closed';
  expiresAt?: string;
}

const EMPTY: Vacancy = {
  id: '',
  title: '',
  description: '',
  skills: [],
  optionalSkills: [],
  municipality: '',
  languages: [],
  workingTime: 'full',
  positions: 1,
  status: 'open',
};

/** A vacancy: its form (create or edit) and its ranked candidates. */
export function VacancyPage({ me, id }: { me: Me; id?: string }) {
  const vacancy = useLoad(() => (id ? api<Vacancy>('GET', `/v1/vacancies/${encodeURIComponent(id)}`) : Promise.resolve(EMPTY)), [id]);
  return (
    <section>
      <p>
        <a href={href('/vacancies')}>← {t('nav.vacancies')}</a>
      </p>
      <Loaded state={vacancy}>
        {(v) => (
          <>
            <h1>{id ? v.title : t('vacancies.new')}</h1>
            {me.role !== 'counsellor' && <VacancyForm vacancy={v} isNew={!id} onSaved={(saved) => (id ? vacancy.reload() : go(`/vacancies/${saved}`))} />}
            {id && <Candidates id={id} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

function VacancyForm({ vacancy, isNew, onSaved }: { vacancy: Vacancy; isNew: boolean; onSaved: (id: string) => void }) {
  const [form, setForm] = useState({
    ...vacancy,
    languages: vacancy.languages.join(', '),
    languageRequirements: formatLanguages(vacancy.languageRequirements ?? []),
    drivingLicences: vacancy.drivingLicences ?? [],
    cards: vacancy.cards ?? [],
    employment: vacancy.employment ?? '',
    startDate: vacancy.startDate ?? '',
    salary: vacancy.salary ?? '',
    applyUrl: vacancy.howToApply?.url ?? '',
    applyEmail: vacancy.howToApply?.email ?? '',
    contactName: vacancy.contactPerson?.name ?? '',
    contactPhone: vacancy.contactPerson?.phone ?? '',
    positions: String(vacancy.positions),
    expiresAt: vacancy.expiresAt ?? '',
  });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const set = (field: keyof typeof form) => (e: Event) => {
    setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
    setSaved(false);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('PUT', `/v1/vacancies/${encodeURIComponent(form.id.trim())}`, {
        title: form.title,
        description: form.description,
        ...(form.employer ? { employer: form.employer } : {}),
        skills: form.skills,
        optionalSkills: form.optionalSkills,
        municipality: form.municipality,
        languages: form.languages.split(',').map((l) => l.trim()).filter(Boolean),
        languageRequirements: parseLanguages(form.languageRequirements),
        drivingLicences: form.drivingLicences,
        cards: form.cards,
        workingTime: form.workingTime,
        ...(form.employment ? { employment: form.employment } : {}),
        ...(form.startDate ? { startDate: form.startDate } : {}),
        ...(form.salary.trim() ? { salary: form.salary } : {}),
        ...(form.applyUrl.trim() || form.applyEmail.trim() || vacancy.howToApply?.text
          ? { howToApply: { ...vacancy.howToApply, ...(form.applyUrl.trim() ? { url: form.applyUrl.trim() } : { url: undefined }), ...(form.applyEmail.trim() ? { email: form.applyEmail.trim() } : { email: undefined }) } }
          : {}),
        ...(form.contactName.trim() ? { contactPerson: { ...vacancy.contactPerson, name: form.contactName, ...(form.contactPhone.trim() ? { phone: form.contactPhone.trim() } : { phone: undefined }) } } : {}),
        positions: Number(form.positions),
        status: form.status,
        ...(form.expiresAt ? { expiresAt: form.expiresAt } : {}),
      });
      setSaved(true);
      onSaved(form.id.trim());
    } catch (err) {
      setError(err);
    }
  };
  const invalid = (field: string) => invalidField(error, field);
  return (
    <form class="profile" onSubmit={save}>
      <h2>{isNew ? t('vacancies.new') : t('vacancy.edit')}</h2>
      {isNew && (
        <Field label={t('common.id')} id="v-id" hint={t('vacancy.idHint')}>
          <input id="v-id" required value={form.id} onInput={set('id')} aria-invalid={invalid('id')} />
        </Field>
      )}
      <Field label={t('vacancy.title')} id="v-title">
        <input id="v-title" required value={form.title} onInput={set('title')} aria-invalid={invalid('title')} />
      </Field>
      <Field label={t('vacancy.description')} id="v-description">
        <textarea id="v-description" required rows={6} value={form.description} onInput={set('description')} aria-invalid={invalid('description')} />
      </Field>
      <Field label={t('vacancy.employer')} id="v-employer">
        <input id="v-employer" value={form.employer ?? ''} onInput={set('employer')} />
      </Field>
      <SkillPicker id="v-skills" label={t('vacancy.skills')} skills={form.skills} onChange={(skills) => setForm({ ...form, skills })} />
      <SkillPicker id="v-optional" label={t('vacancy.optionalSkills')} skills={form.optionalSkills} onChange={(optionalSkills) => setForm({ ...form, optionalSkills })} />
      <Field label={t('common.municipality')} id="v-municipality" hint={t('profile.municipalityHint')}>
        <input id="v-municipality" required value={form.municipality} onInput={set('municipality')} aria-invalid={invalid('municipality')} />
      </Field>
      <Field label={t('profile.languages')} id="v-languages" hint={t('profile.languagesHint')}>
        <input id="v-languages" value={form.languages} onInput={set('languages')} />
      </Field>
      <Field label={t('vacancy.languageRequirements')} id="v-language-levels" hint={t('vacancy.languageRequirementsHint')}>
        <input id="v-language-levels" value={form.languageRequirements} onInput={set('languageRequirements')} aria-invalid={invalid('languageRequirements')} />
      </Field>
      <Checks id="v-licences" legend={t('vacancy.licences')} values={LICENCE_CLASSES} chosen={form.drivingLicences} label={(c) => c} onChange={(drivingLicences) => setForm({ ...form, drivingLicences })} />
      <Checks id="v-cards" legend={t('vacancy.cards')} values={CARDS} chosen={form.cards} label={cardLabel} onChange={(cards) => setForm({ ...form, cards })} />
      <Choice id="v-working" label={t('profile.workingTime')} value={form.workingTime} values={['full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
      <Choice id="v-employment" label={t('vacancy.employment')} value={form.employment} values={['', 'permanent', 'fixed-term']} prefix="employment" onChange={set('employment')} />
      <Field label={t('vacancy.startDate')} id="v-start">
        <input id="v-start" type="date" value={form.startDate} onInput={set('startDate')} aria-invalid={invalid('startDate')} />
      </Field>
      <Field label={t('vacancy.salary')} id="v-salary">
        <input id="v-salary" value={form.salary} onInput={set('salary')} aria-invalid={invalid('salary')} />
      </Field>
      <Field label={t('vacancy.applyUrl')} id="v-apply-url">
        <input id="v-apply-url" type="url" value={form.applyUrl} onInput={set('applyUrl')} aria-invalid={invalid('howToApply.url')} />
      </Field>
      <Field label={t('vacancy.applyEmail')} id="v-apply-email">
        <input id="v-apply-email" type="email" value={form.applyEmail} onInput={set('applyEmail')} aria-invalid={invalid('howToApply.email')} />
      </Field>
      <Field label={t('vacancy.contactName')} id="v-contact-name">
        <input id="v-contact-name" value={form.contactName} onInput={set('contactName')} aria-invalid={invalid('contactPerson.name')} />
      </Field>
      <Field label={t('vacancy.contactPhone')} id="v-contact-phone">
        <input id="v-contact-phone" type="tel" value={form.contactPhone} onInput={set('contactPhone')} aria-invalid={invalid('contactPerson.phone')} />
      </Field>
      <Field label={t('vacancy.positions')} id="v-positions">
        <input id="v-positions" type="number" min={1} value={form.positions} onInput={set('positions')} aria-invalid={invalid('positions')} />
      </Field>
      <Field label={t('vacancy.expires')} id="v-expires">
        <input id="v-expires" type="date" value={form.expiresAt} onInput={set('expiresAt')} aria-invalid={invalid('expiresAt')} />
      </Field>
      <Choice id="v-status" label={t('common.status')} value={form.status} values={['open', 'closed']} prefix="status" onChange={set('status')} />
      <SaveBar saved={saved} error={error} />
    </form>
  );
}

function Candidates({ id }: { id: string }) {
  const candidates = useLoad(() => api<{ hits: Hit[] }>('GET', `/v1/vacancies/${encodeURIComponent(id)}/candidates${query({ k: 20, lang: lang.value })}`), [id, lang.value]);
  return (
    <>
      <h2>{t('vacancy.candidates')}</h2>
      <p class="muted">{t('vacancy.pseudonymous')}</p>
      <Loaded state={candidates}>{(c) => <HitList hits={c.hits} label={t('vacancy.candidates')} />}</Loaded>
    </>
  );
}
