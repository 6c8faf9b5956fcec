import { useState } from 'preact/hooks';
import { api, query, type Me, type Page } from '../api';
import { Empty, Field, Loaded, useLoad } from '../components/ui';
import { date, lang, t } from '../i18n';
import { go, href } from '../router';
import type { StoredVacancy } from '../../core/vacancies/schema';

type Vacancy = StoredVacancy;

const PAGE = 25;

/** Employer services: their unit's vacancies; counsellors and admins: every vacancy, searchable. */
export function VacanciesPage({ me, params }: { me: Me; params: URLSearchParams }) {
  const mine = me.role === 'employer-service';
  const q = params.get('q') ?? '';
  const after = params.get('after') ?? '';
  const [text, setText] = useState(q);
  const list = useLoad(
    () => api<Page<Vacancy>>('GET', `/v1/vacancies${query({ q, after, limit: PAGE, owner: mine ? 'mine' : undefined })}`),
    [q, after, mine],
  );
  return (
    <section>
      <h1>{mine ? t('vacancies.mine') : t('vacancies.all')}</h1>
      <p>
        {me.role !== 'counsellor' && (
          <>
            <a class="button" href={href('/vacancies/new')}>
              {t('vacancies.new')}
            </a>{' '}
          </>
        )}
        <a href={`/v1/vacancies.csv${query({ lang: lang.value, owner: mine ? 'mine' : undefined })}`} download>
          {t('export.csv')}
        </a>
      </p>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(`/vacancies${query({ q: text.trim() })}`);
        }}
      >
        <Field label={t('vacancies.search')} id="vacancy-q">
          <input id="vacancy-q" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('vacancies.none')}</Empty>
          ) : (
            <>
              <table>
                <caption class="visually-hidden">{mine ? t('vacancies.mine') : t('vacancies.all')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('vacancy.title')}</th>
                    <th scope="col">{t('common.id')}</th>
                    <th scope="col">{t('vacancy.employer')}</th>
                    <th scope="col">{t('vacancy.positions')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('vacancy.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((v) => (
                    <tr key={v.id}>
                      <td>
                        <a href={href(`/vacancies/${v.id}`)}>{v.title}</a>
                      </td>
                      <td class="muted">{v.id}</td>
                      <td>{v.employer ?? '–'}</td>
                      <td>{v.positions}</td>
                      <td>{t(`status.${v.status}`)}</td>
                      <td>{v.expiresAt ? date(v.expiresAt) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav class="pager" aria-label={t('common.pages')}>
                {after && <a href={href(`/vacancies${query({ q })}`)}>{t('common.first')}</a>}
                {page.next && <a href={href(`/vacancies${query({ q, after: page.next })}`)}>{t('common.next')}</a>}
              </nav>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
