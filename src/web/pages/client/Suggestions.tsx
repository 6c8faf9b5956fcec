import { useState } from 'preact/hooks';
import { api } from '../../api';
import { SuggestionHistory, SuggestionStep } from '../../components/SuggestionStep';
import { DateInput } from '../../components/DateInput';
import { Empty, ErrorBox, Field, invalidField, Loaded, useLoad } from '../../components/ui';
import { date, plural, t } from '../../i18n';
import { href } from '../../router';
import type { Hit } from '../../api';
import type { JobSearchView, ObligationView } from '../../../core/job-search/schema';
import type { JobSuggestionList, JobSuggestionView as Suggestion } from '../../../core/job-suggestions/schema';
import { NEXT_STATES } from '../../../core/job-suggestions/states';

const client = (id: string) => `/v1/jobseekers/${encodeURIComponent(id)}`;

/**
 * A client's job suggestions (issue 33): each with its vacancy, dates and state, the history of its
 * changes and the steps that may follow; and the job-search obligation of this review period.
 */
export function SuggestionsTab({ id }: { id: string }) {
  const suggestions = useLoad(() => api<JobSuggestionList>('GET', `${client(id)}/job-suggestions`), [id]);
  return (
    <>
      <h2>{t('client.tab.suggestions')}</h2>
      <ObligationMeter id={id} titles={new Map((suggestions.data?.items ?? []).map((s) => [s.vacancyId, s.vacancyTitle ?? s.vacancyId]))} />
      <h3>{t('suggestions.title')}</h3>
      <Loaded state={suggestions}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{t('suggestions.none')}</Empty>
          ) : (
            <table>
              <caption class="visually-hidden">{t('suggestions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('suggestions.vacancy')}</th>
                  <th scope="col">{t('suggestions.suggested')}</th>
                  <th scope="col">{t('suggestions.deadline')}</th>
                  <th scope="col">{t('suggestions.consent')}</th>
                  <th scope="col">{t('suggestions.state')}</th>
                  <th scope="col">{t('suggestions.next')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={href(`/vacancies/${s.vacancyId}`)}>{s.vacancyTitle ?? s.vacancyId}</a>
                      {s.employer ? <span class="muted"> — {s.employer}</span> : null}
                      {s.note ? <p class="muted">{s.note}</p> : null}
                    </td>
                    <td>
                      {date(s.createdAt)} <span class="muted">{s.createdBy}</span>
                    </td>
                    <td>{date(s.deadline)}</td>
                    <td>{t(s.consent ? 'common.yes' : 'common.no')}</td>
                    <td>
                      <SuggestionHistory suggestion={s} />
                    </td>
                    <td>
                      {/* A new version starts the step afresh: no reason or refusal of the version before. */}
                      <SuggestionStep key={`${s.id}:${s.version}`} suggestion={s} steps={NEXT_STATES[s.state]} label={s.vacancyTitle ?? s.vacancyId} onChanged={suggestions.reload} />
                    </td>
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

/**
 * The job-search obligation of the review period: applications counted against the number asked,
 * and, as decision support, the suitable open vacancies within the client's commuting range. It
 * informs; a person decides (no sanction is said or implied).
 */
function ObligationMeter({ id, titles }: { id: string; titles: Map<string, string> }) {
  const search = useLoad(() => api<JobSearchView>('GET', `${client(id)}/job-search`), [id]);
  return (
    <section class="obligation" aria-labelledby="obligation-title">
      <h3 id="obligation-title">{t('obligation.title')}</h3>
      <Loaded state={search}>
        {(j) => (
          <>
            <p class="muted">{t('obligation.period', { from: date(j.period.from), to: date(j.period.to) })}</p>
            <div class="field">
              <label for="obligation-meter">{t('obligation.applied', { applied: j.applied, asked: j.obligation.perMonth })}</label>
              <meter id="obligation-meter" min={0} max={Math.max(j.obligation.perMonth, j.applied, 1)} value={j.applied} />
            </div>
            <p>{t('obligation.suitable', { n: j.suitableOpenVacancies })}</p>
            <p class="muted">{t('obligation.informs')}</p>
            {j.applications.length > 0 && (
              <ul>
                {j.applications.map((a) => (
                  <li>
                    {date(a.appliedOn)}: {a.title ?? (a.vacancyId ? titles.get(a.vacancyId) ?? a.vacancyId : '–')}
                    {a.employer ? ` — ${a.employer}` : ''} <span class="muted">({t(`obligation.source.${a.source}`)})</span>
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">
              {j.obligation.setAt
                ? plural('obligation.setBy', j.obligation.perMonth, { by: j.obligation.setBy ?? '–', date: date(j.obligation.setAt), reason: j.obligation.reason ?? '' })
                : plural('obligation.default', j.obligation.perMonth)}
            </p>
            <ObligationChange key={j.obligation.setAt ?? 'default'} id={id} current={j.obligation} onChanged={search.reload} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** A counsellor changes the applications asked per month (0–4), saying why. */
function ObligationChange({ id, current, onChanged }: { id: string; current: ObligationView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [perMonth, setPerMonth] = useState(String(current.perMonth));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('obligation.change')}
      </button>
    );
  }
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', `${client(id)}/job-search/obligation`, { perMonth: Number(perMonth), reason: reason.trim() });
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="search" onSubmit={save}>
      <Field label={t('obligation.perMonth')} id="obligation-per-month">
        <select id="obligation-per-month" value={perMonth} onChange={(e) => setPerMonth(e.currentTarget.value)} aria-invalid={invalidField(error, 'perMonth')}>
          {[0, 1, 2, 3, 4].map((n) => (
            <option value={String(n)}>{n}</option>
          ))}
        </select>
      </Field>
      <Field label={t('obligation.reason')} id="obligation-reason">
        <input id="obligation-reason" required minLength={10} maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={invalidField(error, 'reason')} />
      </Field>
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

/**
 * From a vacancy that fits: suggest it to the client to apply for, with a deadline (empty: when the
 * vacancy closes, or in 14 days) and whether the client agreed to be shared with the vacancy's unit.
 */
export function SuggestVacancy({ clientId, hit }: { clientId: string; hit: Hit }) {
  const [open, setOpen] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [consent, setConsent] = useState(false);
  const [note, setNote] = useState('');
  const [made, setMade] = useState<Suggestion>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (made) {
    return (
      <p role="status">
        {t('suggest.made', { date: date(made.deadline) })} <a href={href(`/clients/${clientId}?tab=suggestions`)}>{t('client.tab.suggestions')}</a>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('suggest.open', { title: hit.title })}
      </button>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setMade(
        await api<Suggestion>('POST', `${client(clientId)}/job-suggestions`, { vacancyId: hit.id, consent, ...(deadline ? { deadline } : {}), ...(note.trim() ? { note: note.trim() } : {}) }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const at = (name: string) => `suggest-${name}-${hit.id}`;
  return (
    <form class="suggest" onSubmit={submit} aria-label={t('suggest.form', { title: hit.title })}>
      <Field label={t('suggest.deadline')} id={at('deadline')} hint={t('suggest.deadlineHint')}>
        <DateInput id={at('deadline')} value={deadline} onValue={setDeadline} invalid={invalidField(error, 'deadline')} describedBy={`${at('deadline')}-hint`} />
      </Field>
      <div class="field checkbox">
        <input id={at('consent')} type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
        <label for={at('consent')}>{t('suggest.consent')}</label>
      </div>
      <Field label={t('suggest.note')} id={at('note')}>
        <input id={at('note')} value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} aria-invalid={invalidField(error, 'note')} />
      </Field>
      <button type="submit" disabled={busy}>
        {t('suggest.submit')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
