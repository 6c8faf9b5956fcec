import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox, Field, Loaded, useLoad } from '../../components/ui';
import { date, dateTime, t, valueText } from '../../i18n';
import type { ApiKeyInfo, ApiKeyList, IssuedKey, KeyInput } from '../../../core/organisations/schema';
import { keyHolder, organisationName } from '../Admin';
import { inputValue, ROLES, useOrganisations } from './shared';
import { oneOf } from '../../one-of';

type Asked = { action: 'rotate' | 'revoke'; key: ApiKeyInfo };

/** API keys (for integrations and the command line): issue, rotate and revoke, each key with its owner and last use. */
export function KeysTab() {
  const keys = useLoad(() => api<ApiKeyList>('GET', '/v1/admin/keys'), []);
  const organisations = useOrganisations();
  const organisationNames = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
  const [form, setForm] = useState<Pick<KeyInput, 'role' | 'name' | 'organisation' | 'owner'>>({ role: 'counsellor', name: '', owner: '', organisation: '' });
  const [shown, setShown] = useState<{ text: string; key: string }>();
  const [error, setError] = useState<unknown>();
  const [asked, setAsked] = useState<Asked>();
  const issue = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const { owner, ...rest } = form;
      const r = await api<IssuedKey>('POST', '/v1/admin/keys', owner?.trim() ? { ...rest, owner } : rest);
      setShown({ text: t('admin.issued'), key: r.key });
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  const act = async ({ action, key }: Asked) => {
    setAsked(undefined);
    setError(undefined);
    setShown(undefined);
    try {
      if (action === 'rotate') {
        const r = await api<IssuedKey & { oldExpiresAt: string }>('POST', `/v1/admin/keys/${key.id}/rotate`, {});
        setShown({ text: t('admin.rotated', { name: keyHolder(key.name), date: date(r.oldExpiresAt) }), key: r.key });
      } else await api('POST', `/v1/admin/keys/${key.id}/revoke`);
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  const usable = (k: ApiKeyInfo) => !k.revokedAt && (!k.expiresAt || k.expiresAt > new Date().toISOString());
  return (
    <>
      <h2>{t('admin.issue')}</h2>
      <form class="search" onSubmit={issue}>
        <Field label={t('admin.role')} id="key-role">
          <select id="key-role" value={form.role} onChange={(e) => setForm({ ...form, role: oneOf(ROLES, inputValue(e)) ?? form.role })}>
            {ROLES.map((r) => (
              <option value={r}>{t(`role.${r}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.holder')} id="key-name">
          <input id="key-name" required value={form.name} onInput={(e) => setForm({ ...form, name: inputValue(e) })} />
        </Field>
        <Field label={t('admin.owner')} id="key-owner" hint={t('admin.ownerHint')}>
          <input id="key-owner" aria-describedby="key-owner-hint" value={form.owner} onInput={(e) => setForm({ ...form, owner: inputValue(e) })} />
        </Field>
        <Field label={t('admin.organisation')} id="key-org">
          <select id="key-org" required value={form.organisation} onChange={(e) => setForm({ ...form, organisation: inputValue(e) })}>
            <option value="">{t('planner.choose')}</option>
            {(organisations.data?.items ?? []).map((o) => (
              <option value={o.id}>
                {organisationName(o.id, o.name)} ({valueText('organisationKind', o.kind)})
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('admin.issueButton')}</button>
      </form>
      {shown && (
        <div class="notice" role="status">
          <p>{shown.text}</p>
          <code class="key">{shown.key}</code>
        </div>
      )}
      <ErrorBox error={error} />
      <h2>{t('admin.keys')}</h2>
      <p class="muted">{t('admin.lastUseNote')}</p>
      <Loaded state={keys}>
        {(k) => (
          <table>
            <caption class="visually-hidden">{t('admin.keys')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.holder')}</th>
                <th scope="col">{t('admin.owner')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.organisation')}</th>
                <th scope="col">{t('admin.expires')}</th>
                <th scope="col">{t('admin.lastUse')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {k.items.map((key) => (
                <tr>
                  <td>
                    {keyHolder(key.name)}
                    <br />
                    <code class="muted">{key.id}</code>
                  </td>
                  <td>{key.owner ?? '–'}</td>
                  <td>{t(`role.${key.role}`)}</td>
                  <td>{key.organisation ? organisationName(key.organisation, organisationNames.get(key.organisation)) : '–'}</td>
                  <td>{key.expiresAt ? date(key.expiresAt) : '–'}</td>
                  <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : t('admin.neverUsed')}</td>
                  <td class="actions">
                    {key.revokedAt ? (
                      t('admin.revoked')
                    ) : !usable(key) ? (
                      t('admin.expired')
                    ) : (
                      <>
                        <button type="button" class="secondary" onClick={() => setAsked({ action: 'rotate', key })}>
                          {t('admin.rotate', { name: keyHolder(key.name) })}
                        </button>
                        <button type="button" class="secondary" onClick={() => setAsked({ action: 'revoke', key })}>
                          {t('admin.revoke', { name: keyHolder(key.name) })}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      {asked && (
        <ConfirmDialog
          title={t(`admin.${asked.action}Title`)}
          question={t(`admin.${asked.action}Question`, { name: keyHolder(asked.key.name), id: asked.key.id })}
          confirm={t(`admin.${asked.action}`, { name: keyHolder(asked.key.name) })}
          onCancel={() => setAsked(undefined)}
          onConfirm={() => void act(asked)}
        />
      )}
    </>
  );
}
