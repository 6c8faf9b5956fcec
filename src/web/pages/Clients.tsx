import { useState } from 'preact/hooks';
import { api, query, type Page } from '../api';
import { Empty, Field, Loaded, useLoad } from '../components/ui';
import { lang, placeName, t } from '../i18n';
import { go, href } from '../router';
import type { MunicipalityList } from '../../core/regions/schema';
import type { StoredJobseeker } from '../../core/jobseekers/schema';

type Client = StoredJobseeker;

const PAGE = 25;

/** Find a client of the counsellor's area by id, name or title, and municipality; paged. */
export function ClientsPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const municipality = params.get('municipality') ?? '';
  const after = params.get('after') ?? '';
  const [text, setText] = useState(q);
  const [place, setPlace] = useState(municipality);
  const municipalities = useLoad(() => api<MunicipalityList>('GET', '/v1/municipalities'), []);
  const names = new Map((municipalities.data?.items ?? []).map((m) => [m.code, placeName(m)]));
  const clients = useLoad(() => api<Page<Client>>('GET', `/v1/jobseekers${query({ q, municipality, after, limit: PAGE })}`), [q, municipality, after]);
  const search = (e: Event) => {
    e.preventDefault();
    go(`/clients${query({ q: text.trim(), municipality: place })}`);
  };
  return (
    <section>
      <h1>{t('clients.title')}</h1>
      <p>
        <a class="button" href={href('/clients/new')}>
          {t('clients.new')}
        </a>{' '}
        {/* For Excel in Finland, headers in the page's language; the import reads the file back. */}
        <a href={`/v1/jobseekers.csv${query({ lang: lang.value })}`} download>
          {t('export.csv')}
        </a>
      </p>
      <form class="search" role="search" onSubmit={search}>
        <Field label={t('clients.search')} id="client-q">
          <input id="client-q" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <Field label={t('common.municipality')} id="client-municipality">
          <select id="client-municipality" value={place} onChange={(e) => setPlace(e.currentTarget.value)}>
            <option value="">{t('common.any')}</option>
            {[...(municipalities.data?.items ?? [])].sort((a, b) => placeName(a).localeCompare(placeName(b), lang.value)).map((m) => (
              <option value={m.code}>{placeName(m)}</option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Loaded state={clients}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('clients.none')}</Empty>
          ) : (
            <>
              <table>
                <caption class="visually-hidden">{t('clients.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clients.client')}</th>
                    <th scope="col">{t('clients.titleCol')}</th>
                    <th scope="col">{t('common.municipality')}</th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {/* By name; the id only for a client whose name is not recorded. */}
                        <a href={href(`/clients/${c.id}`)}>{c.name ?? c.id}</a>
                        {c.name && <span class="muted"> · {c.id}</span>}
                      </td>
                      <td>{c.title}</td>
                      <td>{names.get(c.municipality) ?? c.municipality}</td>
                      <td>{t(`status.${c.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav class="pager" aria-label={t('common.pages')}>
                {after && <a href={href(`/clients${query({ q, municipality })}`)}>{t('common.first')}</a>}
                {page.next && <a href={href(`/clients${query({ q, municipality, after: page.next })}`)}>{t('common.next')}</a>}
              </nav>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
