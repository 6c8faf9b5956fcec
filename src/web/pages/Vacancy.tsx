import { useState } from 'preact/hooks';
import { SaveRefusal, useUnsavedWarning, useVersionedSave, withEdits } from '../components/editing';
import { api, query, type Me } from '../api';
import { ByStanding } from '../components/ByStanding';
import { cardLabel, CARDS, Checks, formatLanguages, LICENCE_CLASSES, parseLanguages } from '../components/Checks';
import { DateInput } from '../components/DateInput';
import { OccupationBeside } from '../components/Occupation';
import { ReadFromDescription } from '../components/Requirements';
import { SkillPicker } from '../components/SkillPicker';
import { Choice, Field, invalidField, Loaded, SaveBar, useLoad } from '../components/ui';
import { lang, t } from '../i18n';
import { loadPlaces, sentPlace, shownPlace, type Places } from '../places';
import { go, href } from '../router';
import type { MatchResponse } from '../../core/matches/schema';
import type { StoredVacancy } from '../../core/vacancies/schema';
import { VacancyView } from './VacancyView';
import { Pipeline } from './vacancy/Pipeline';

/** A vacancy as stored; a new one has only the fields of EMPTY until it is saved. */
type Vacancy = Partial<StoredVacancy> &
  Pick<StoredVacancy, 'id' | 'title' | 'description' | 'skills' | 'optionalSkills' | 'municipality' | 'languages' | 'workingTime' | 'positions' | 'status'>;

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

/**
 * A vacancy as a unit opens it: the read-only summary, its pipeline of suggested candidates and its
 * ranked candidates first, the whole ad one click below them, and the form behind *Edit* (`view`
 * 'edit', its own address: leaving it with unsaved changes asks first). `view` 'read' is the whole ad
 * to read, then the candidates (what counsellors always see). A new vacancy is its form.
 */
export function VacancyPage({ me, id, view = 'summary' }: { me: Me; id?: string; view?: 'summary' | 'read' | 'edit' }) {
  const editor = me.role !== 'counsellor';
  // Its skills as concepts labelled in the page's language (the record keeps those of its own text's).
  const vacancy = useLoad(() => (id ? api<Vacancy>('GET', `/v1/vacancies/${encodeURIComponent(id)}${query({ lang: lang.value })}`) : Promise.resolve(EMPTY)), [id, lang.value]);
  /** Municipalities, for the form's names in the page's language. */
  const places = useLoad(loadPlaces, []);
  /** The vacancy just saved here (its form, started again from what is stored, says so). */
  const [saved, setSaved] = useState<string>();
  const editing = editor && (!id || view === 'edit');
  const shown = !editor ? 'read' : view;
  return (
    <section>
      <p>
        {id && editing ? <a href={href(`/vacancies/${id}`)}>← {t('vacancyView.back')}</a> : <a href={href('/vacancies')}>← {t('nav.vacancies')}</a>}
      </p>
      <Loaded state={vacancy}>
        {(v) => (
          <>
            <h1>
              {id ? v.title : t('vacancies.new')}
              {id && <OccupationBeside title={v.title} occupation={v.normalized?.occupation} />}
            </h1>
            {id && editor && !editing && (
              <p class="actions">
                <a class="button" href={href(`/vacancies/${id}/edit`)}>
                  {t('vacancyView.editButton')}
                </a>
              </p>
            )}
            {id && !editing && <VacancyView vacancy={v} part={shown === 'read' ? 'all' : 'summary'} />}
            {/* A form per record and version: moving to another vacancy, or reloading after a save, starts from what is stored. */}
            {editing && (
              <Loaded state={places}>
                {(found) => (
                  <VacancyForm
                    key={id ? `${v.id}@${v.version ?? 0}` : 'new'}
                    vacancy={v}
                    places={found}
                    isNew={!id}
                    saved={id !== undefined && saved === v.id}
                    onSaved={(savedId) => {
                      setSaved(savedId);
                      if (id) vacancy.reload();
                      else go(`/vacancies/${savedId}`);
                    }}
                    onReload={vacancy.reload}
                  />
                )}
              </Loaded>
            )}
            {/* The unit's pipeline of suggested candidates (counsellors follow theirs on the client's Suggestions tab). */}
            {id && !editing && me.role !== 'counsellor' && <Pipeline id={id} me={me} />}
            {id && !editing && <Candidates id={id} />}
            {id && !editing && shown === 'summary' && (
              <details class="vacancy-details">
                <summary>{t('vacancyView.details')}</summary>
                <VacancyView vacancy={v} part="details" />
              </details>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function VacancyForm({
  vacancy,
  places,
  isNew,
  saved,
  onSaved,
  onReload,
}: {
  vacancy: Vacancy;
  places: Places;
  isNew: boolean;
  saved: boolean;
  onSaved: (id: string) => void;
  onReload: () => void;
}) {
  // The municipality by its name in the page's language (the record stores its code).
  const [municipality] = useState(() => shownPlace(places.municipalities, vacancy.municipality));
  const [form, setForm] = useState({
    ...vacancy,
    municipality,
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
    paySubsidy: vacancy.paySubsidy ?? false,
  });
  const [dirty, setDirty] = useState(false);
  useUnsavedWarning(dirty);
  const saver = useVersionedSave({
    path: (id) => `/v1/vacancies/${encodeURIComponent(id)}`,
    openPath: (id) => `/vacancies/${id}`,
    base: isNew ? undefined : vacancy,
    onSaved: (id) => {
      setDirty(false);
      onSaved(id);
    },
  });
  const error = saver.error;
  const edit = (next: typeof form) => {
    setForm(next);
    setDirty(true);
  };
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) => edit({ ...form, [field]: e.currentTarget.value });
  const save = async (e: Event) => {
    e.preventDefault();
    // Every field the form does not show (occupation, remote work, requirements read from the ad, …) is kept as stored.
    await saver.save(
      form.id.trim(),
      withEdits(isNew ? {} : vacancy, {
        title: form.title,
        description: form.description,
        employer: form.employer || undefined,
        skills: form.skills,
        optionalSkills: form.optionalSkills,
        municipality: sentPlace(form.municipality, municipality, vacancy.municipality),
        languages: form.languages.split(',').map((l) => l.trim()).filter(Boolean),
        languageRequirements: parseLanguages(form.languageRequirements),
        drivingLicences: form.drivingLicences,
        cards: form.cards,
        workingTime: form.workingTime,
        employment: form.employment || undefined,
        startDate: form.startDate || undefined,
        salary: form.salary.trim() ? form.salary : undefined,
        howToApply:
          form.applyUrl.trim() || form.applyEmail.trim() || vacancy.howToApply?.text
            ? { ...vacancy.howToApply, ...(form.applyUrl.trim() ? { url: form.applyUrl.trim() } : { url: undefined }), ...(form.applyEmail.trim() ? { email: form.applyEmail.trim() } : { email: undefined }) }
            : undefined,
        contactPerson: form.contactName.trim() ? { ...vacancy.contactPerson, name: form.contactName, ...(form.contactPhone.trim() ? { phone: form.contactPhone.trim() } : { phone: undefined }) } : undefined,
        positions: Number(form.positions),
        status: form.status,
        expiresAt: form.expiresAt || undefined,
        // Not stored and not ticked: left unsaid, as before.
        paySubsidy: form.paySubsidy || vacancy.paySubsidy !== undefined ? form.paySubsidy : undefined,
      }),
    );
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
      <SkillPicker
        id="v-skills"
        label={t('vacancy.skills')}
        skills={form.skills}
        concepts={vacancy.normalized?.essential}
        written={vacancy.normalized?.language}
        onChange={(skills) => edit({ ...form, skills })}
      />
      <SkillPicker
        id="v-optional"
        label={t('vacancy.optionalSkills')}
        skills={form.optionalSkills}
        concepts={vacancy.normalized?.optional}
        written={vacancy.normalized?.language}
        onChange={(optionalSkills) => edit({ ...form, optionalSkills })}
      />
      <Field label={t('common.municipality')} id="v-municipality" hint={t('profile.municipalityHint')}>
        <input id="v-municipality" required value={form.municipality} onInput={set('municipality')} aria-invalid={invalid('municipality')} />
      </Field>
      <Field label={t('profile.languages')} id="v-languages" hint={t('profile.languagesHint')}>
        <input id="v-languages" value={form.languages} onInput={set('languages')} />
      </Field>
      <Field label={t('vacancy.languageRequirements')} id="v-language-levels" hint={t('vacancy.languageRequirementsHint')}>
        <input id="v-language-levels" value={form.languageRequirements} onInput={set('languageRequirements')} aria-invalid={invalid('languageRequirements')} />
      </Field>
      <Checks id="v-licences" legend={t('vacancy.licences')} values={LICENCE_CLASSES} chosen={form.drivingLicences} label={(c) => c} onChange={(drivingLicences) => edit({ ...form, drivingLicences })} />
      <Checks id="v-cards" legend={t('vacancy.cards')} values={CARDS} chosen={form.cards} label={cardLabel} onChange={(cards) => edit({ ...form, cards })} />
      <ReadFromDescription requirements={vacancy.normalized?.requirements} />
      <Choice id="v-working" label={t('profile.workingTime')} value={form.workingTime} values={['full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
      <Choice id="v-employment" label={t('vacancy.employment')} value={form.employment} values={['', 'permanent', 'fixed-term']} prefix="employment" onChange={set('employment')} />
      <Field label={t('vacancy.startDate')} id="v-start">
        <DateInput id="v-start" value={form.startDate} onValue={(startDate) => edit({ ...form, startDate })} invalid={invalid('startDate')} />
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
        <DateInput id="v-expires" value={form.expiresAt} onValue={(expiresAt) => edit({ ...form, expiresAt })} invalid={invalid('expiresAt')} />
      </Field>
      <div class="field checkbox">
        <input
          id="v-pay-subsidy"
          type="checkbox"
          checked={form.paySubsidy}
          onChange={(e) => edit({ ...form, paySubsidy: e.currentTarget.checked })}
          aria-describedby="v-pay-subsidy-hint"
          aria-invalid={invalid('paySubsidy')}
        />
        <label for="v-pay-subsidy">{t('vacancy.paySubsidy')}</label>
        <small id="v-pay-subsidy-hint">{t('vacancy.paySubsidyHint')}</small>
      </div>
      <Choice id="v-status" label={t('common.status')} value={form.status} values={['open', 'closed']} prefix="status" onChange={set('status')} />
      <SaveRefusal outcome={saver.outcome} busy={saver.busy} onReload={onReload} onOverwrite={saver.overwrite} />
      <SaveBar saved={saved && !dirty} error={error} dirty={dirty} busy={saver.busy} />
    </form>
  );
}

/**
 * The vacancy's ranked candidates grouped by where they stand (issue 29): who can take the job now, who
 * fits with a gap (each says which: a hard requirement shown only as met or not, the commute, missing
 * skills), who does not fit. The groups read only what each hit already shows (its `standing`, from its
 * score, parts and gates), so a pseudonymous candidate tells nothing more than the list did before.
 */
function Candidates({ id }: { id: string }) {
  const candidates = useLoad(() => api<MatchResponse>('GET', `/v1/vacancies/${encodeURIComponent(id)}/candidates${query({ k: 20, lang: lang.value })}`), [id, lang.value]);
  return (
    <>
      <h2>{t('vacancy.candidates')}</h2>
      <p class="muted">{t('vacancy.pseudonymous')}</p>
      <Loaded state={candidates}>{(c) => <ByStanding hits={c.hits} texts="candidates.group" />}</Loaded>
    </>
  );
}
