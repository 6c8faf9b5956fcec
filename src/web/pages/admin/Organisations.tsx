import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Field, invalidField, Loaded } from '../../components/ui';
import { placeName, t, valueText } from '../../i18n';
import type { Organisation, OrganisationInput } from '../../../core/organisations/schema';
import { organisationName } from '../Admin';
import { ifMatch, inputValue, KINDS, ROLE_KINDS, ROLES, useAreas, useOrganisations } from './shared';
import { oneOf } from '../../one-of';

type Areas = ReturnType<typeof useAreas>;

function AreaSelect({ id, value, areas, onChange, invalid }: { id: string; value: string; areas: Areas; onChange: (v: string) => void; invalid?: boolean }) {
  return (
    <Field label={t('field.area')} id={id}>
      <select id={id} required value={value} aria-invalid={invalid ? 'true' : undefined} onChange={(e) => onChange(inputValue(e))}>
        <option value="">{t('planner.choose')}</option>
        {(areas.data?.items ?? []).map((a) => (
          <option value={a.id}>{placeName(a)}</option>
        ))}
      </select>
    </Field>
  );
}

/** Organisations: the kinds and the roles each holds, a new organisation, a rename or another area. */
export function OrganisationsTab() {
  const organisations = useOrganisations();
  const areas = useAreas();
  const areaName = (id?: string) => {
    const area = areas.data?.items.find((a) => a.id === id);
    return area ? placeName(area) : (id ?? '–');
  };
  const empty: OrganisationInput = { id: '', name: '', kind: 'employment-area', area: '' };
  const [form, setForm] = useState<OrganisationInput>(empty);
  const [error, setError] = useState<unknown>();
  const [added, setAdded] = useState<string>();
  const [editing, setEditing] = useState<Organisation>();
  const add = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setAdded(undefined);
    try {
      const { area, ...rest } = form;
      const o = await api<Organisation>('POST', '/v1/admin/organisations', form.kind === 'employment-area' ? { ...rest, area } : rest);
      setAdded(o.name);
      setForm(empty);
      organisations.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h2>{t('admin.kindsTitle')}</h2>
      <table>
        <caption class="visually-hidden">{t('admin.kindsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.kind')}</th>
            <th scope="col">{t('admin.rolesHeld')}</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr>
              <th scope="row">{valueText('organisationKind', kind)}</th>
              <td>
                {ROLES.filter((r) => ROLE_KINDS[r].some((k) => k === kind))
                  .map((r) => t(`role.${r}`))
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('admin.newOrganisation')}</h2>
      <form class="search" onSubmit={add}>
        <Field label={t('field.id')} id="org-id" hint={t('admin.idHint')}>
          <input id="org-id" required value={form.id} aria-describedby="org-id-hint" aria-invalid={invalidField(error, 'id') ? 'true' : undefined} onInput={(e) => setForm({ ...form, id: inputValue(e) })} />
        </Field>
        <Field label={t('field.name')} id="org-name">
          <input id="org-name" required value={form.name} aria-invalid={invalidField(error, 'name') ? 'true' : undefined} onInput={(e) => setForm({ ...form, name: inputValue(e) })} />
        </Field>
        <Field label={t('field.kind')} id="org-kind">
          <select id="org-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: oneOf(KINDS, inputValue(e)) ?? form.kind })}>
            {KINDS.map((k) => (
              <option value={k}>{valueText('organisationKind', k)}</option>
            ))}
          </select>
        </Field>
        {form.kind === 'employment-area' && <AreaSelect id="org-area" value={form.area ?? ''} areas={areas} invalid={invalidField(error, 'area')} onChange={(area) => setForm({ ...form, area })} />}
        <button type="submit">{t('admin.addOrganisation')}</button>
      </form>
      {added && (
        <p class="notice" role="status">
          {t('admin.organisationAdded', { name: added })}
        </p>
      )}
      <ErrorBox error={error} />

      <h2>{t('admin.tab.organisations')}</h2>
      <Loaded state={organisations}>
        {(list) => (
          <table>
            <caption class="visually-hidden">{t('admin.tab.organisations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.id')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.kind')}</th>
                <th scope="col">{t('field.area')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) =>
                editing?.id === o.id ? (
                  <EditRow organisation={editing} areas={areas} onDone={() => (setEditing(undefined), organisations.reload())} onCancel={() => setEditing(undefined)} />
                ) : (
                  <tr>
                    <td>
                      <code>{o.id}</code>
                    </td>
                    <td>{organisationName(o.id, o.name)}</td>
                    <td>{valueText('organisationKind', o.kind)}</td>
                    <td>{o.kind === 'employment-area' ? areaName(o.area) : '–'}</td>
                    <td>
                      <button type="button" class="secondary" onClick={() => setEditing(o)}>
                        {t('admin.editOrganisation', { name: organisationName(o.id, o.name) })}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

/** One organisation's name and area, saved with the version read (another admin's change meanwhile: refused, said). */
function EditRow({ organisation, areas, onDone, onCancel }: { organisation: Organisation; areas: Areas; onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState(organisation.name);
  const [area, setArea] = useState(organisation.area ?? '');
  const [error, setError] = useState<unknown>();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const change = organisation.kind === 'employment-area' ? { name, area } : { name };
      await api('PATCH', `/v1/admin/organisations/${encodeURIComponent(organisation.id)}`, change, ifMatch(organisation.version));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <tr>
      <td>
        <code>{organisation.id}</code>
      </td>
      <td colSpan={4}>
        <form class="search" onSubmit={save} aria-label={t('admin.editOrganisation', { name: organisation.name })}>
          <Field label={t('field.name')} id="edit-org-name">
            <input id="edit-org-name" required value={name} onInput={(e) => setName(inputValue(e))} />
          </Field>
          {organisation.kind === 'employment-area' && <AreaSelect id="edit-org-area" value={area} areas={areas} invalid={invalidField(error, 'area')} onChange={setArea} />}
          <button type="submit">{t('common.save')}</button>
          <button type="button" class="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </form>
        <ErrorBox error={error} />
      </td>
    </tr>
  );
}
