import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, ErrorBox, Field, invalidField, Loaded, useLoad } from '../../components/ui';
import { t, valueText } from '../../i18n';
import type { Mapping, MappingInput, MappingList } from '../../../core/signin-mappings/schema';
import { organisationName } from '../Admin';
import { ifMatch, inputValue, ROLES, useOrganisations } from './shared';
import { oneOf } from '../../one-of';

/**
 * Claim-to-role mappings: which group or app role of an identity provider signs a person in to which
 * organisation and role. Changes apply at the next sign-in, and to people signed in at their next re-check.
 */
export function MappingsTab() {
  const mappings = useLoad(() => api<MappingList>('GET', '/v1/admin/signin-mappings'), []);
  const organisations = useOrganisations();
  const orgName = (id: string) => organisationName(id, organisations.data?.items.find((o) => o.id === id)?.name);
  const [form, setForm] = useState<MappingInput>({ provider: '', value: '', organisation: '', role: 'counsellor' });
  const [error, setError] = useState<unknown>();
  const [removing, setRemoving] = useState<Mapping>();
  const [editing, setEditing] = useState<Mapping>();
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      mappings.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const provider = form.provider || mappings.data?.providers[0]?.id || '';
    if (await run(() => api('POST', '/v1/admin/signin-mappings', { ...form, provider }))) setForm({ ...form, value: '' });
  };
  const providers = mappings.data?.providers ?? [];
  const orgOptions = (organisations.data?.items ?? []).map((o) => (
    <option value={o.id}>
      {organisationName(o.id, o.name)} ({valueText('organisationKind', o.kind)})
    </option>
  ));
  return (
    <>
      <p>{t('admin.mappingsIntro')}</p>
      <Loaded state={mappings}>
        {(list) =>
          list.providers.length === 0 ? (
            <Empty>{t('admin.noProviders')}</Empty>
          ) : (
            <>
              <h2>{t('admin.newMapping')}</h2>
              <form class="search" onSubmit={add}>
                <Field label={t('field.provider')} id="map-provider">
                  <select id="map-provider" value={form.provider || providers[0]?.id} onChange={(e) => setForm({ ...form, provider: inputValue(e) })}>
                    {providers.map((p) => (
                      <option value={p.id}>
                        {p.name} ({t('admin.claim', { claim: p.claim })})
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('field.value')} id="map-value" hint={t('admin.valueHint')}>
                  <input id="map-value" required aria-describedby="map-value-hint" aria-invalid={invalidField(error, 'value') ? 'true' : undefined} value={form.value} onInput={(e) => setForm({ ...form, value: inputValue(e) })} />
                </Field>
                <Field label={t('field.organisation')} id="map-org">
                  <select id="map-org" required aria-invalid={invalidField(error, 'organisation') ? 'true' : undefined} value={form.organisation} onChange={(e) => setForm({ ...form, organisation: inputValue(e) })}>
                    <option value="">{t('planner.choose')}</option>
                    {orgOptions}
                  </select>
                </Field>
                <Field label={t('field.role')} id="map-role">
                  <select id="map-role" value={form.role} onChange={(e) => setForm({ ...form, role: oneOf(ROLES, inputValue(e)) ?? form.role })}>
                    {ROLES.map((r) => (
                      <option value={r}>{t(`role.${r}`)}</option>
                    ))}
                  </select>
                </Field>
                <button type="submit">{t('admin.addMapping')}</button>
              </form>
              <ErrorBox error={error} />
              <h2>{t('admin.tab.mappings')}</h2>
              {list.items.length === 0 ? (
                <Empty>{t('admin.noMappings')}</Empty>
              ) : (
                <table>
                  <caption class="visually-hidden">{t('admin.tab.mappings')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field.provider')}</th>
                      <th scope="col">{t('field.value')}</th>
                      <th scope="col">{t('field.organisation')}</th>
                      <th scope="col">{t('field.role')}</th>
                      <th scope="col">{t('admin.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((m) =>
                      editing?.id === m.id ? (
                        <tr>
                          <td>{providers.find((p) => p.id === m.provider)?.name ?? m.provider}</td>
                          <td colSpan={4}>
                            <EditMapping mapping={editing} orgOptions={orgOptions} onSave={(change) => run(() => api('PATCH', `/v1/admin/signin-mappings/${m.id}`, change, ifMatch(m.version))).then((ok) => ok && setEditing(undefined))} onCancel={() => setEditing(undefined)} />
                          </td>
                        </tr>
                      ) : (
                        <tr>
                          <td>{providers.find((p) => p.id === m.provider)?.name ?? m.provider}</td>
                          <td>
                            <code>{m.value}</code>
                          </td>
                          <td>{orgName(m.organisation)}</td>
                          <td>{t(`role.${m.role}`)}</td>
                          <td class="actions">
                            <button type="button" class="secondary" onClick={() => setEditing(m)}>
                              {t('admin.editMapping', { value: m.value })}
                            </button>
                            <button type="button" class="secondary" onClick={() => setRemoving(m)}>
                              {t('admin.removeMapping', { value: m.value })}
                            </button>
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              )}
            </>
          )
        }
      </Loaded>
      {removing && (
        <ConfirmDialog
          title={t('admin.removeMappingTitle')}
          question={t('admin.removeMappingQuestion', { value: removing.value, organisation: orgName(removing.organisation), role: t(`role.${removing.role}`) })}
          confirm={t('admin.removeMapping', { value: removing.value })}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            const m = removing;
            setRemoving(undefined);
            void run(() => api('DELETE', `/v1/admin/signin-mappings/${m.id}`, undefined, ifMatch(m.version)));
          }}
        />
      )}
    </>
  );
}

function EditMapping({ mapping, orgOptions, onSave, onCancel }: { mapping: Mapping; orgOptions: preact.JSX.Element[]; onSave: (change: Partial<MappingInput>) => void; onCancel: () => void }) {
  const [change, setChange] = useState({ value: mapping.value, organisation: mapping.organisation, role: mapping.role });
  return (
    <form
      class="search"
      aria-label={t('admin.editMapping', { value: mapping.value })}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(change);
      }}
    >
      <Field label={t('field.value')} id="edit-map-value">
        <input id="edit-map-value" required value={change.value} onInput={(e) => setChange({ ...change, value: inputValue(e) })} />
      </Field>
      <Field label={t('field.organisation')} id="edit-map-org">
        <select id="edit-map-org" value={change.organisation} onChange={(e) => setChange({ ...change, organisation: inputValue(e) })}>
          {orgOptions}
        </select>
      </Field>
      <Field label={t('field.role')} id="edit-map-role">
        <select id="edit-map-role" value={change.role} onChange={(e) => setChange({ ...change, role: oneOf(ROLES, inputValue(e)) ?? change.role })}>
          {ROLES.map((r) => (
            <option value={r}>{t(`role.${r}`)}</option>
          ))}
        </select>
      </Field>
      <button type="submit">{t('common.save')}</button>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
