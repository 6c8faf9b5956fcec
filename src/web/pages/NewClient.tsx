import { useState } from 'preact/hooks';
import { formEdits, SaveRefusal, useUnsavedWarning, useVersionedSave } from '../components/editing';
import { cardLabel, CARDS, Checks, LICENCE_CLASSES, parseLanguages } from '../components/Checks';
import { DateInput } from '../components/DateInput';
import { SkillPicker } from '../components/SkillPicker';
import { Choice, Field, invalidField, SaveBar } from '../components/ui';
import { t } from '../i18n';
import { go, href } from '../router';
import type { JobseekerInput } from '../../core/jobseekers/schema';

const EDUCATION = ['', 'basic', 'upper-secondary', 'vocational', 'bachelor', 'master', 'doctorate'];
const GENDERS = ['', 'female', 'male', 'other'];

const EMPTY = {
  id: '',
  name: '',
  title: '',
  summary: '',
  occupation: '',
  wishedOccupations: '',
  skills: Array<string>(),
  municipality: '',
  commuteKm: '',
  wishedMunicipalities: '',
  wishedRegions: '',
  willingToRelocate: false,
  remote: false,
  languages: '',
  languageLevels: '',
  workingTime: 'any',
  educationLevel: '',
  drivingLicences: Array<(typeof LICENCE_CLASSES)[number]>(),
  cards: Array<(typeof CARDS)[number]>(),
  status: 'active',
  unemployedSince: '',
  email: '',
  phone: '',
  birthYear: '',
  gender: '',
  motherTongue: '',
};

const list = (text: string) => text.split(',').map((x) => x.trim()).filter(Boolean);
/** An empty field is left out (the service's default or "unknown"), anything else sent as typed for the service to check. */
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
const whole = (text: string) => (text.trim() === '' ? undefined : /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());

/** The form as the API's jobseeker input (src/core/jobseekers/schema.ts): every field it has. */
export function clientInput(form: typeof EMPTY): JobseekerInput & Record<string, unknown> {
  const contact = { email: optional(form.email), phone: optional(form.phone) };
  const body: Record<string, unknown> = {
    id: form.id.trim(),
    name: optional(form.name),
    title: form.title,
    summary: form.summary,
    occupation: optional(form.occupation),
    wishedOccupations: list(form.wishedOccupations),
    skills: form.skills,
    municipality: form.municipality.trim(),
    commuteKm: whole(form.commuteKm),
    wishedMunicipalities: list(form.wishedMunicipalities).length ? list(form.wishedMunicipalities) : undefined,
    wishedRegions: list(form.wishedRegions).length ? list(form.wishedRegions) : undefined,
    willingToRelocate: form.willingToRelocate || undefined,
    remote: form.remote,
    languages: list(form.languages),
    // "fi native, sv good": a language with its level (the service names a level or code it does not know).
    languageLevels: form.languageLevels.trim() ? parseLanguages(form.languageLevels).map(({ code, level }) => ({ code, level })) : undefined,
    workingTime: form.workingTime,
    educationLevel: optional(form.educationLevel),
    // Unticked classes and cards are "none held" only when the counsellor asked: an empty choice is left unknown.
    drivingLicences: form.drivingLicences.length ? form.drivingLicences : undefined,
    cards: form.cards.length ? form.cards : undefined,
    status: form.status,
    unemployedSince: optional(form.unemployedSince),
    contact: contact.email || contact.phone ? JSON.parse(JSON.stringify(contact)) : undefined,
    birthYear: whole(form.birthYear),
    gender: optional(form.gender),
    motherTongue: optional(form.motherTongue)?.toLowerCase(),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as JobseekerInput & Record<string, unknown>;
}

/** The form's fields typed as text (the others are lists and yes/no). */
type TextField = { [K in keyof typeof EMPTY]: (typeof EMPTY)[K] extends string ? K : never }[keyof typeof EMPTY];

/** A counsellor creates a client with every field of the API; an id that exists is never replaced. */
export function NewClientPage() {
  const [form, setForm] = useState(EMPTY);
  const [dirty, setDirty] = useState(false);
  useUnsavedWarning(dirty);
  const saver = useVersionedSave({
    path: (id) => `/v1/jobseekers/${encodeURIComponent(id)}`,
    openPath: (id) => `/clients/${id}`,
    onSaved: (id) => {
      setDirty(false);
      go(`/clients/${id}?tab=profile`);
    },
  });
  const error = saver.error;
  const { edit, set } = formEdits(form, setForm, setDirty);
  const invalid = (field: string) => invalidField(error, field);
  const save = async (e: Event) => {
    e.preventDefault();
    await saver.save(form.id.trim(), clientInput(form));
  };
  const text = (field: TextField, label: string, options: { hint?: string; required?: boolean; type?: 'text' | 'email' | 'tel' | 'number'; apiField?: string } = {}) => (
    <Field label={label} id={`n-${field}`} hint={options.hint}>
      <input
        id={`n-${field}`}
        type={(options.type ?? 'text') as 'text'}
        required={options.required}
        value={form[field]}
        onInput={set(field)}
        aria-invalid={invalid(options.apiField ?? field)}
        aria-describedby={options.hint ? `n-${field}-hint` : undefined}
        autocomplete="off"
      />
    </Field>
  );
  return (
    <section>
      <p>
        <a href={href('/clients')}>← {t('clients.title')}</a>
      </p>
      <h1>{t('clients.new')}</h1>
      <form class="profile" onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('newClient.person')}</legend>
          {text('id', t('common.id'), { hint: t('newClient.idHint'), required: true })}
          {text('name', t('common.name'))}
          {text('email', t('profile.email'), { type: 'email', apiField: 'contact.email' })}
          {text('phone', t('profile.phone'), { type: 'tel', apiField: 'contact.phone' })}
          {text('municipality', t('common.municipality'), { hint: t('profile.municipalityHint'), required: true })}
          <Choice id="n-status" label={t('common.status')} value={form.status} values={['active', 'inactive']} prefix="status" onChange={set('status')} />
          <Field label={t('profile.unemployedSince')} id="n-unemployedSince">
            <DateInput id="n-unemployedSince" value={form.unemployedSince} onValue={(unemployedSince) => edit({ ...form, unemployedSince })} invalid={invalid('unemployedSince')} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('newClient.work')}</legend>
          {text('title', t('profile.title'), { required: true })}
          <Field label={t('profile.summary')} id="n-summary">
            <textarea id="n-summary" required rows={5} value={form.summary} onInput={set('summary')} aria-invalid={invalid('summary')} />
          </Field>
          {text('occupation', t('field.occupation'), { hint: t('newClient.occupationHint') })}
          {text('wishedOccupations', t('field.wishedOccupations'), { hint: t('newClient.wishedOccupationsHint') })}
          <SkillPicker id="n-skills" label={t('profile.skills')} skills={form.skills} onChange={(skills) => edit({ ...form, skills })} />
          <Choice id="n-education" label={t('field.educationLevel')} value={form.educationLevel} values={EDUCATION} prefix="education" onChange={set('educationLevel')} />
          <Choice id="n-working" label={t('profile.workingTime')} value={form.workingTime} values={['any', 'full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
          <div class="field checkbox">
            <input id="n-remote" type="checkbox" checked={form.remote} onChange={set('remote')} />
            <label for="n-remote">{t('newClient.remote')}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('newClient.where')}</legend>
          {text('commuteKm', t('profile.commuteKm'), { hint: t('profile.commuteKmHint'), type: 'number' })}
          {text('wishedMunicipalities', t('profile.wishedMunicipalities'), { hint: t('profile.wishedHint') })}
          {text('wishedRegions', t('profile.wishedRegions'), { hint: t('profile.wishedHint') })}
          <div class="field checkbox">
            <input id="n-relocate" type="checkbox" checked={form.willingToRelocate} onChange={set('willingToRelocate')} />
            <label for="n-relocate">{t('profile.relocate')}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('newClient.qualifications')}</legend>
          {text('languages', t('profile.languages'), { hint: t('profile.languagesHint') })}
          {text('languageLevels', t('field.languageLevels'), { hint: t('newClient.languageLevelsHint') })}
          <Checks id="n-licences" legend={t('field.drivingLicences')} values={LICENCE_CLASSES} chosen={form.drivingLicences} label={(c) => c} onChange={(drivingLicences) => edit({ ...form, drivingLicences })} />
          <Checks id="n-cards" legend={t('field.cards')} values={CARDS} chosen={form.cards} label={cardLabel} onChange={(cards) => edit({ ...form, cards })} />
        </fieldset>
        <fieldset>
          <legend>{t('newClient.oversight')}</legend>
          <p class="muted">{t('newClient.oversightHint')}</p>
          {text('birthYear', t('field.birthYear'), { type: 'number' })}
          <Choice id="n-gender" label={t('field.gender')} value={form.gender} values={GENDERS} prefix="gender" onChange={set('gender')} />
          {text('motherTongue', t('field.motherTongue'), { hint: t('newClient.motherTongueHint') })}
        </fieldset>
        <SaveRefusal outcome={saver.outcome} busy={saver.busy} onReload={() => undefined} onOverwrite={saver.overwrite} />
        <SaveBar saved={false} error={error} dirty={dirty} busy={saver.busy} />
      </form>
    </section>
  );
}
