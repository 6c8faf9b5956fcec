import { useState } from 'preact/hooks';
import { formEdits, SaveRefusal, useUnsavedWarning, useVersionedSave, withEdits } from '../../components/editing';
import { DateInput } from '../../components/DateInput';
import { SkillPicker } from '../../components/SkillPicker';
import { Choice, Field, invalidField, SaveBar } from '../../components/ui';
import { t } from '../../i18n';
import { sentPlace, shownPlace, shownPlaces, type Places } from '../../places';
import type { StoredJobseeker } from '../../../core/jobseekers/schema';
import { assessmentOf, eligibleOf, PaySubsidyField } from './PaySubsidy';

/** The client's profile as a form: places by their names in the page's language, saved with the version read (a stale save is refused and said). */

export function ProfileTab({ client, places, saved, onSaved, onReload }: { client: StoredJobseeker; places: Places; saved: boolean; onSaved: () => void; onReload: () => void }) {
  // Places by their names in the page's language (a record stores codes: "837" is Tampere, Tammerfors).
  const [shown] = useState(() => ({
    municipality: shownPlace(places.municipalities, client.municipality),
    wishedMunicipalities: shownPlaces(places.municipalities, client.wishedMunicipalities),
    wishedRegions: shownPlaces(places.regions, client.wishedRegions),
  }));
  const [form, setForm] = useState({
    title: client.title,
    summary: client.summary,
    skills: client.skills,
    municipality: shown.municipality,
    languages: client.languages.join(', '),
    workingTime: client.workingTime,
    drivingLicence: client.drivingLicence ?? false,
    status: client.status,
    unemployedSince: client.unemployedSince ?? '',
    name: client.name ?? '',
    email: client.contact?.email ?? '',
    phone: client.contact?.phone ?? '',
    commuteKm: client.commuteKm === undefined ? '' : String(client.commuteKm),
    wishedMunicipalities: shown.wishedMunicipalities,
    wishedRegions: shown.wishedRegions,
    willingToRelocate: client.willingToRelocate ?? false,
    paySubsidyEligible: assessmentOf(client.paySubsidyEligible),
  });
  const [dirty, setDirty] = useState(false);
  useUnsavedWarning(dirty);
  const saver = useVersionedSave({
    path: (id) => `/v1/jobseekers/${encodeURIComponent(id)}`,
    openPath: (id) => `/clients/${id}?tab=profile`,
    base: client,
    onSaved: () => {
      setDirty(false);
      onSaved();
    },
  });
  const error = saver.error;
  const { edit, set } = formEdits(form, setForm, setDirty);
  const save = async (e: Event) => {
    e.preventDefault();
    const contact = { ...client.contact, email: form.email || undefined, phone: form.phone || undefined };
    const list = (text: string) => text.split(',').map((x) => x.trim()).filter(Boolean);
    // Every field the form does not show (occupation, education, remote work, languages with levels,
    // cards, oversight fields, …) is sent back as stored: an edit here never erases them.
    await saver.save(
      client.id,
      withEdits(client, {
        title: form.title,
        summary: form.summary,
        skills: form.skills,
        // A place left as shown is sent as stored; one typed is read by the service (Finnish or Swedish name, or code).
        municipality: sentPlace(form.municipality, shown.municipality, client.municipality),
        languages: list(form.languages),
        workingTime: form.workingTime,
        drivingLicence: form.drivingLicence || client.drivingLicence !== undefined ? form.drivingLicence : undefined,
        status: form.status,
        // An empty range is the default of the home municipality's type; a number the service checks (0–300).
        commuteKm: form.commuteKm.trim() !== '' ? Number(form.commuteKm) : undefined,
        wishedMunicipalities:
          form.wishedMunicipalities === shown.wishedMunicipalities ? client.wishedMunicipalities : list(form.wishedMunicipalities).length ? list(form.wishedMunicipalities) : undefined,
        wishedRegions: form.wishedRegions === shown.wishedRegions ? client.wishedRegions : list(form.wishedRegions).length ? list(form.wishedRegions) : undefined,
        // Not stored and not ticked: left unsaid, as before.
        willingToRelocate: form.willingToRelocate || client.willingToRelocate !== undefined ? form.willingToRelocate : undefined,
        unemployedSince: form.unemployedSince || undefined,
        paySubsidyEligible: eligibleOf(form.paySubsidyEligible),
        name: form.name || undefined,
        contact: contact.email || contact.phone ? JSON.parse(JSON.stringify(contact)) : undefined,
      }),
    );
  };
  const invalid = (field: string) => invalidField(error, field);
  return (
    <form class="profile" onSubmit={save}>
      <h2>{t('client.tab.profile')}</h2>
      <Field label={t('profile.title')} id="p-title">
        <input id="p-title" required value={form.title} onInput={set('title')} aria-invalid={invalid('title')} />
      </Field>
      <Field label={t('profile.summary')} id="p-summary">
        <textarea id="p-summary" required rows={5} value={form.summary} onInput={set('summary')} aria-invalid={invalid('summary')} />
      </Field>
      <SkillPicker
        id="p-skills"
        label={t('profile.skills')}
        skills={form.skills}
        concepts={client.normalized?.skills}
        written={client.normalized?.language}
        onChange={(skills) => edit({ ...form, skills })}
      />
      <Field label={t('common.municipality')} id="p-municipality" hint={t('profile.municipalityHint')}>
        <input id="p-municipality" required value={form.municipality} onInput={set('municipality')} aria-invalid={invalid('municipality')} />
      </Field>
      <Field label={t('profile.commuteKm')} id="p-commute" hint={t('profile.commuteKmHint')}>
        <input id="p-commute" type="number" min={0} max={300} step={1} inputMode="numeric" value={form.commuteKm} onInput={set('commuteKm')} aria-invalid={invalid('commuteKm')} />
      </Field>
      <Field label={t('profile.wishedMunicipalities')} id="p-wished-municipalities" hint={t('profile.wishedHint')}>
        <input id="p-wished-municipalities" value={form.wishedMunicipalities} onInput={set('wishedMunicipalities')} aria-invalid={invalid('wishedMunicipalities')} />
      </Field>
      <Field label={t('profile.wishedRegions')} id="p-wished-regions" hint={t('profile.wishedHint')}>
        <input id="p-wished-regions" value={form.wishedRegions} onInput={set('wishedRegions')} aria-invalid={invalid('wishedRegions')} />
      </Field>
      <div class="field checkbox">
        <input id="p-relocate" type="checkbox" checked={form.willingToRelocate} onChange={set('willingToRelocate')} />
        <label for="p-relocate">{t('profile.relocate')}</label>
      </div>
      <Field label={t('profile.languages')} id="p-languages" hint={t('profile.languagesHint')}>
        <input id="p-languages" value={form.languages} onInput={set('languages')} />
      </Field>
      <Choice id="p-working" label={t('profile.workingTime')} value={form.workingTime} values={['any', 'full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
      <div class="field checkbox">
        <input id="p-licence" type="checkbox" checked={form.drivingLicence} onChange={set('drivingLicence')} />
        <label for="p-licence">{t('profile.licence')}</label>
      </div>
      <Choice id="p-status" label={t('common.status')} value={form.status} values={['active', 'inactive']} prefix="status" onChange={set('status')} />
      <Field label={t('profile.unemployedSince')} id="p-since">
        <DateInput id="p-since" value={form.unemployedSince} onValue={(unemployedSince) => edit({ ...form, unemployedSince })} invalid={invalid('unemployedSince')} />
      </Field>
      <PaySubsidyField
        value={form.paySubsidyEligible}
        unemployedSince={form.unemployedSince || undefined}
        invalid={invalid('paySubsidyEligible')}
        onChange={(paySubsidyEligible) => edit({ ...form, paySubsidyEligible })}
      />
      <Field label={t('common.name')} id="p-name">
        <input id="p-name" value={form.name} onInput={set('name')} autocomplete="off" />
      </Field>
      <Field label={t('profile.email')} id="p-email">
        <input id="p-email" type="email" value={form.email} onInput={set('email')} autocomplete="off" />
      </Field>
      <Field label={t('profile.phone')} id="p-phone">
        <input id="p-phone" type="tel" value={form.phone} onInput={set('phone')} autocomplete="off" />
      </Field>
      <SaveRefusal outcome={saver.outcome} busy={saver.busy} onReload={onReload} onOverwrite={saver.overwrite} />
      <SaveBar saved={saved && !dirty} error={error} dirty={dirty} busy={saver.busy} />
    </form>
  );
}
