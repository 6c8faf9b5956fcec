import { api, query } from '../../api';
import { Empty, Loaded, useLoad } from '../../components/ui';
import { num, pct, t } from '../../i18n';
import type { JobseekerCount } from '../../../core/analytics/schema';
import { FUNNEL_STEPS, type PublishedRate, type WhatWorks as Report } from '../../../core/what-works/schema';

/** A count of people: a suppressed one shows as "<5", never as zero. */
const count = (c: JobseekerCount) => (c === '<5' ? '<5' : num(c));
const rate = (r: PublishedRate) => (r.rate === null ? '–' : `${pct(r.rate)} ± ${pct(r.margin95 ?? 0)}`);

/**
 * What became of the vacancies counsellors suggested in the area (issue 33): the funnel to hire,
 * long-term unemployed placed, days to fill, and rates by the rank the engine showed the vacancy at.
 */
export function WhatWorks({ where }: { where: Record<string, string> }) {
  const report = useLoad(() => api<Report>('GET', `/v1/analytics/what-works${query(where)}`), [JSON.stringify(where)]);
  return (
    <>
      <h2>{t('whatWorks.title')}</h2>
      <Loaded state={report}>
        {(r) => (
          <>
            <p class="muted">{t('whatWorks.intro', { from: r.from, to: r.to })}</p>
            {r.funnel.suggested === '<5' ? (
              <Empty>{t('whatWorks.few')}</Empty>
            ) : (
              <>
                <dl class="indicators" aria-label={t('whatWorks.funnel')}>
                  {FUNNEL_STEPS.map((step) => (
                    <div>
                      <dt>{t(`whatWorks.step.${step}`)}</dt>
                      <dd>{count(r.funnel[step])}</dd>
                    </div>
                  ))}
                  <div>
                    <dt>{t('whatWorks.longTermPlaced')}</dt>
                    <dd>{rate(r.clients.longTermPlaced)}</dd>
                  </div>
                  <div>
                    <dt>{t('whatWorks.daysToFill')}</dt>
                    <dd>{r.daysToFill.median === null ? '–' : num(r.daysToFill.median)}</dd>
                  </div>
                </dl>
                <table>
                  <caption>{t('whatWorks.byRank')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('whatWorks.rank')}</th>
                      <th scope="col">{t('whatWorks.step.suggested')}</th>
                      <th scope="col">{t('whatWorks.step.interview')}</th>
                      <th scope="col">{t('whatWorks.step.hired')}</th>
                      <th scope="col">{t('whatWorks.interviewRate')}</th>
                      <th scope="col">{t('whatWorks.hireRate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.byRank.map((b) => (
                      <tr>
                        <th scope="row">{b.rank === 'not shown' ? t('whatWorks.notShown') : b.rank}</th>
                        <td>{count(b.suggestions)}</td>
                        <td>{count(b.interviews)}</td>
                        <td>{count(b.hires)}</td>
                        <td>{rate(b.interviewRate)}</td>
                        <td>{rate(b.hireRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>
                  <a href={`/v1/analytics/what-works${query({ ...where, format: 'csv' })}`} download>
                    {t('planner.csv')}
                  </a>
                </p>
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
