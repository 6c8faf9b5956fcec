import { useState } from 'preact/hooks';
import { api, query } from '../../api';
import { DateInput } from '../../components/DateInput';
import { Empty, Field, Loaded, useLoad } from '../../components/ui';
import { dateTime, t, valueText } from '../../i18n';
import type { AuditPage } from '../../../core/audit-trail/schema';
import type { ApiKeyList } from '../../../core/organisations/schema';
import { keyHolder, organisationName } from '../Admin';
import { inputValue, useOrganisations } from './shared';

const NO_FILTER = { person: '', organisation: '', route: '', client: '', from: '', to: '' };
type Filter = typeof NO_FILTER;

/** The audit trail, newest first, a page at a time, narrowed by person, organisation, route, client and period. */
export function AuditTab() {
  const organisations = useOrganisations();
  const keys = useLoad(() => api<ApiKeyList>('GET', '/v1/admin/keys'), []);
  const holder = (keyId: string) => keys.data?.items.find((k) => k.id === keyId)?.name;
  const [form, setForm] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  /** The `before` of each page shown so far (undefined: the newest). */
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages[pages.length - 1];
  const trail = useLoad(() => api<AuditPage>('GET', `/v1/admin/audit${query({ ...filter, before, limit: 50 })}`), [filter, before]);
  const input = (name: keyof Filter, date = false) => (
    <Field label={t(`admin.filter.${name}`)} id={`audit-${name}`}>
      {date ? (
        <DateInput id={`audit-${name}`} value={form[name]} onValue={(day) => setForm({ ...form, [name]: day })} />
      ) : (
        <input id={`audit-${name}`} value={form[name]} onInput={(e) => setForm({ ...form, [name]: inputValue(e) })} />
      )}
    </Field>
  );
  return (
    <>
      <h2>{t('admin.audit')}</h2>
      <form
        class="search"
        aria-label={t('admin.auditFilters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...form, person: form.person.trim(), route: form.route.trim(), client: form.client.trim() });
          setPages([undefined]);
        }}
      >
        {input('person')}
        <Field label={t('admin.filter.organisation')} id="audit-organisation">
          <select id="audit-organisation" value={form.organisation} onChange={(e) => setForm({ ...form, organisation: inputValue(e) })}>
            <option value="">{t('common.any')}</option>
            {(organisations.data?.items ?? []).map((o) => (
              <option value={o.id}>{organisationName(o.id, o.name)}</option>
            ))}
          </select>
        </Field>
        {input('route')}
        {input('client')}
        {input('from', true)}
        {input('to', true)}
        <button type="submit">{t('common.show')}</button>
      </form>
      <Loaded state={trail}>
        {(a) => (
          <>
            {a.entries.length === 0 ? (
              <Empty>{t('admin.noEntries')}</Empty>
            ) : (
              <table>
                <caption class="visually-hidden">{t('admin.audit')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('referrals.when')}</th>
                    <th scope="col">{t('admin.who')}</th>
                    <th scope="col">{t('admin.organisation')}</th>
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
                        {e.person ?? (e.keyId && holder(e.keyId) ? keyHolder(holder(e.keyId)!) : '')} {!e.person && <code>{e.keyId ?? '–'}</code>}
                        {e.role ? ` (${valueText('role', e.role)})` : ''}
                      </td>
                      <td>{e.organisation ? organisationName(e.organisation, organisations.data?.items.find((o) => o.id === e.organisation)?.name) : '–'}</td>
                      <td>
                        {e.method} {e.route}
                      </td>
                      <td>{e.status}</td>
                      <td>{e.jobseekers.join(', ') || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <nav class="pages" aria-label={t('common.pages')}>
              {pages.length > 1 && (
                <button type="button" class="secondary" onClick={() => setPages([undefined])}>
                  {t('common.first')}
                </button>
              )}
              {a.next !== undefined && (
                <button type="button" class="secondary" onClick={() => setPages([...pages, a.next])}>
                  {t('common.next')}
                </button>
              )}
            </nav>
          </>
        )}
      </Loaded>
    </>
  );
}
