import { api, query } from '../../api';
import { Empty, Loaded, useLoad } from '../../components/ui';
import { num, pct, t } from '../../i18n';
import type { JobseekerCount } from '../../../core/analytics/schema';
import type { PublishedRate, TrainingEffect, WhatWorks as Report } from '../../../core/what-works/schema';
import { FUNNEL_STEPS } from '../../../core/what-works/steps';

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
                    <dt>{t('whatWorks.subsidisedHires')}</dt>
                    <dd>
                      {count(r.paySubsidy.hires)}
                      {r.paySubsidy.share !== null && ` (${pct(r.paySubsidy.share)})`}
                    </dd>
                  </div>
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
                      <th scope="col">{t('whatWorks.subsidisedHiresShort')}</th>
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
                        <td>{count(b.subsidisedHires)}</td>
                        <td>{rate(b.interviewRate)}</td>
                        <td>{rate(b.hireRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <TrainingEffects items={r.trainings} />
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

/** An effect on employment with its 95 % interval, in percentage points; or why there is none. */
const effect = (h: TrainingEffect['horizons'][number]) =>
  h.effect === null ? t('whatWorks.notEnough') : `${h.effect > 0 ? '+' : ''}${num(h.effect * 100)} (${num((h.low ?? 0) * 100)}…${num((h.high ?? 0) * 100)}) ${t('whatWorks.points')}`;

/** Per training: completion, and employment 3 and 6 months after it against matched clients not referred. */
function TrainingEffects({ items }: { items: TrainingEffect[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <table>
        <caption>{t('whatWorks.trainings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('whatWorks.training')}</th>
            <th scope="col">{t('whatWorks.referred')}</th>
            <th scope="col">{t('whatWorks.completion')}</th>
            <th scope="col">{t('whatWorks.effect3')}</th>
            <th scope="col">{t('whatWorks.effect6')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr>
              <th scope="row">
                {e.title} <span class="muted">({e.provider})</span>
              </th>
              <td>{count(e.referred)}</td>
              <td>{e.completion === null ? '–' : pct(e.completion)}</td>
              {e.horizons.map((h) => (
                <td>{effect(h)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted training-note">{t('whatWorks.trainingsNote')}</p>
    </>
  );
}
