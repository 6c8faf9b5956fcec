import { useState } from 'preact/hooks';
import { api, query, type Role } from '../api';
import { Empty, ErrorBox, Field, Loaded, useLoad } from '../components/ui';
import { date, dateTime, t, valueText } from '../i18n';
import { href } from '../router';
import type { AuditTrail } from '../../core/privacy/schema';
import type { ApiKeyList, IssuedKey, KeyInput, OrganisationList } from '../../core/organisations/schema';

/** The service's own names (made on first start, in English) in the user's language; others as given. */
export const organisationName = (id: string, name?: string) => (id === 'national' ? t('organisation.national') : (name ?? id));
export const keyHolder = (name: string) => (name.startsWith('initial admin') ? t('admin.initialAdmin') : name);

/** Admins: API keys (issue, revoke) and the audit trail. */
export function AdminPage({ tab }: { tab: string }) {
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.title')}>
        <a href={href('/admin?tab=keys')} aria-current={tab === 'keys' ? 'page' : undefined}>
          {t('admin.keys')}
        </a>
        <a href={href('/admin?tab=audit')} aria-current={tab === 'audit' ? 'page' : undefined}>
          {t('admin.audit')}
        </a>
      </nav>
      {tab === 'audit' ? <Audit /> : <Keys />}
    </section>
  );
}

function Keys() {
  const keys = useLoad(() => api<ApiKeyList>('GET', '/v1/admin/keys'), []);
  const organisations = useLoad(() => api<OrganisationList>('GET', '/v1/admin/organisations'), []);
  const organisationNames = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
  const [form, setForm] = useState<Pick<KeyInput, 'role' | 'name' | 'organisation'>>({ role: 'counsellor', name: '', organisation: '' });
  const [issued, setIssued] = useState<string>();
  const [error, setError] = useState<unknown>();
  const issue = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api<IssuedKey>('POST', '/v1/admin/keys', form);
      setIssued(r.key);
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await api('POST', `/v1/admin/keys/${id}/revoke`);
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h2>{t('admin.issue')}</h2>
      <form class="search" onSubmit={issue}>
        <Field label={t('admin.role')} id="key-role">
          <select id="key-role" value={form.role} onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value as Role })}>
            {(['counsellor', 'employer-service', 'planner', 'admin'] as const).map((r) => (
              <option value={r}>{t(`role.${r}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.holder')} id="key-name">
          <input id="key-name" required value={form.name} onInput={(e) => setForm({ ...form, name: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field label={t('admin.organisation')} id="key-org">
          <select id="key-org" required value={form.organisation} onChange={(e) => setForm({ ...form, organisation: (e.target as HTMLSelectElement).value })}>
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
      {issued && (
        <div class="notice" role="status">
          <p>{t('admin.issued')}</p>
          <code class="key">{issued}</code>
        </div>
      )}
      <ErrorBox error={error} />
      <h2>{t('admin.keys')}</h2>
      <Loaded state={keys}>
        {(k) => (
          <table>
            <caption class="visually-hidden">{t('admin.keys')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.id')}</th>
                <th scope="col">{t('admin.holder')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.organisation')}</th>
                <th scope="col">{t('admin.expires')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {k.items.map((key) => (
                <tr>
                  <td>
                    <code>{key.id}</code>
                  </td>
                  <td>{keyHolder(key.name)}</td>
                  <td>{t(`role.${key.role}`)}</td>
                  <td>{key.organisation ? organisationName(key.organisation, organisationNames.get(key.organisation)) : '–'}</td>
                  <td>{key.expiresAt ? date(key.expiresAt) : '–'}</td>
                  <td>
                    {key.revokedAt ? (
                      t('admin.revoked')
                    ) : (
                      <button type="button" onClick={() => revoke(key.id)}>
                        {t('admin.revoke', { name: keyHolder(key.name) })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

function Audit() {
  const [jobseeker, setJobseeker] = useState('');
  const [filter, setFilter] = useState('');
  const trail = useLoad(() => api<AuditTrail & { items?: never }>('GET', `/v1/audit${query({ jobseeker: filter, limit: 100 })}`), [filter]);
  return (
    <>
      <h2>{t('admin.audit')}</h2>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(jobseeker.trim());
        }}
      >
        <Field label={t('admin.auditFor')} id="audit-jobseeker">
          <input id="audit-jobseeker" value={jobseeker} onInput={(e) => setJobseeker((e.target as HTMLInputElement).value)} />
        </Field>
        <button type="submit">{t('common.show')}</button>
      </form>
      <Loaded state={trail}>
        {(a) =>
          a.entries.length === 0 ? (
            <Empty>{t('admin.noEntries')}</Empty>
          ) : (
            <table>
              <caption class="visually-hidden">{t('admin.audit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.when')}</th>
                  <th scope="col">{t('admin.key')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">{t('admin.request')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('admin.subjects')}</th>
                </tr>
              </thead>
              <tbody>
                {a.entries.map((e) => (
                  <tr>
                    <td>{dateTime(e.at)}</td>
                    <td>
                      <code>{e.keyId ?? '–'}</code>
                    </td>
                    <td>{e.role ? valueText('role', e.role) : '–'}</td>
                    <td>
                      {e.method} {e.route}
                    </td>
                    <td>{e.status}</td>
                    <td>{e.jobseekers.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
