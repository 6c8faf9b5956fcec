import { api, type Me } from '../../api';
import { SuggestionHistory, SuggestionStep } from '../../components/SuggestionStep';
import { Empty, Loaded, useLoad } from '../../components/ui';
import { date, num, t } from '../../i18n';
import type { JobSuggestionList, JobSuggestionView as Suggestion } from '../../../core/job-suggestions/schema';
import { EMPLOYER_STATES, JOB_SUGGESTION_STATES, NEXT_STATES } from '../../../core/job-suggestions/states';

/**
 * A vacancy's candidate pipeline (issue 33): the clients counsellors suggested it to who agreed to be
 * shared with the unit, each by name while shared (else by the pseudonym of the candidate list),
 * their state — suggested → applied → interview → offer → hired, or not selected … — and the steps
 * the unit records (interview, offer, hired, not selected); the client's own steps are the counsellor's.
 */
export function Pipeline({ id, me }: { id: string; me: Me }) {
  const list = useLoad(() => api<JobSuggestionList>('GET', `/v1/vacancies/${encodeURIComponent(id)}/job-suggestions`), [id]);
  const steps = (s: Suggestion) => (me.role === 'employer-service' ? NEXT_STATES[s.state].filter((n) => EMPLOYER_STATES.includes(n)) : NEXT_STATES[s.state]);
  return (
    <>
      <h2>{t('pipeline.title')}</h2>
      <p class="muted">{t('pipeline.intro')}</p>
      <Loaded state={list}>
        {(l) =>
          l.items.length === 0 ? (
            <Empty>{t('pipeline.none')}</Empty>
          ) : (
            <>
              <dl class="indicators" aria-label={t('pipeline.counts')}>
                {JOB_SUGGESTION_STATES.map((state) => [state, l.items.filter((s) => s.state === state).length] as const)
                  .filter(([, n]) => n > 0)
                  .map(([state, n]) => (
                    <div>
                      <dt>{t(`suggestionState.${state}`)}</dt>
                      <dd>{num(n)}</dd>
                    </div>
                  ))}
              </dl>
              <table>
                <caption class="visually-hidden">{t('pipeline.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pipeline.candidate')}</th>
                    <th scope="col">{t('suggestions.suggested')}</th>
                    <th scope="col">{t('suggestions.deadline')}</th>
                    <th scope="col">{t('suggestions.state')}</th>
                    <th scope="col">{t('suggestions.next')}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Candidate suggestion={s} />
                      </td>
                      <td>{date(s.createdAt)}</td>
                      <td>{date(s.deadline)}</td>
                      <td>
                        <SuggestionHistory suggestion={s} />
                      </td>
                      <td>
                        <SuggestionStep key={`${s.id}:${s.version}`} suggestion={s} steps={steps(s)} label={s.name ?? s.jobseekerId} onChanged={list.reload} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** A candidate by name and contact while shared with the unit; else by the pseudonym of the vacancy's candidate list. */
function Candidate({ suggestion: s }: { suggestion: Suggestion }) {
  if (!s.name) {
    return (
      <>
        <code>{s.jobseekerId}</code> {s.shared === false && <span class="badge">{t('pipeline.pseudonymous')}</span>}
      </>
    );
  }
  return (
    <>
      <strong>{s.name}</strong> <span class="badge ok">{t('hits.shared')}</span>
      {s.contact && (
        <p class="muted">
          {s.contact.email && <a href={`mailto:${s.contact.email}`}>{s.contact.email}</a>} {s.contact.phone}
        </p>
      )}
    </>
  );
}
