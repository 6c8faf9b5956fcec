import { useState } from 'preact/hooks';
import { api, query, type Hit, type Me } from '../api';
import { HitList } from '../components/HitList';
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
  workingTime: 'full' | 'part';
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
  const [form, setForm] = useState({ ...vacancy, languages: vacancy.languages.join(', '), positions: String(vacancy.positions), expiresAt: vacancy.expiresAt ?? '' });
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
        workingTime: form.workingTime,
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
      <Choice id="v-working" label={t('profile.workingTime')} value={form.workingTime} values={['full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
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
