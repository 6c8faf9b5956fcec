import { api, query } from '../../api';
import { Empty, Loaded, useLoad } from '../../components/ui';
import { date, lang, num, pct, t } from '../../i18n';
import { distanceText } from '../../distance';
import { href } from '../../router';
import type { GapReportView as Plan } from '../../../core/gaps/schema';
import type { StoredJobseeker } from '../../../core/jobseekers/schema';
import type { MatchResponse } from '../../../core/matches/schema';
import type { StoredVacancy } from '../../../core/vacancies/schema';
import { skillLine, trainingLine } from './gap-texts';
import { OccupationBeside } from '../../components/Occupation';
import { HowToApply, NoHowToApply, saysHowToApply } from './HowToApply';

/** The vacancies that fit and the gap plan, to hand to the client: a plain page for the printer, each thing said once. */
export function PrintOut({ id, client }: { id: string; client?: StoredJobseeker }) {
  const plan = useLoad(() => api<Plan>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/gaps${query({ lang: lang.value })}`), [id, lang.value]);
  // The vacancies with what a client needs to apply (how, by when, whom to ask): the hits do not carry it.
  const matches = useLoad(async () => {
    const found = await api<MatchResponse>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/matches${query({ k: 10, lang: lang.value })}`);
    // Other work (no fit) is not printed among the vacancies that fit.
    const fitting = found.hits.filter((hit) => hit.standing !== 'no-fit');
    const records = await Promise.all(fitting.map((hit) => api<StoredVacancy>('GET', `/v1/vacancies/${encodeURIComponent(hit.id)}`).catch(() => undefined)));
    return { hits: fitting.map((hit, i) => ({ hit, vacancy: records[i] })) };
  }, [id, lang.value]);
  return (
    <section class="print">
      <p class="no-print">
        <a href={href(`/clients/${id}?tab=plan`)}>← {t('client.tab.plan')}</a> <button type="button" onClick={() => window.print()}>{t('plan.printNow')}</button>
      </p>
      <h1>{t('plan.printTitle', { name: client?.name ?? id })}</h1>
      <p class="muted">{t('plan.printed', { date: date(new Date().toISOString()) })}</p>
      <h2>{t('client.tab.matches')}</h2>
      <Loaded state={matches}>
        {(m) =>
          m.hits.length === 0 ? (
            <Empty>{t('hits.none')}</Empty>
          ) : (
            <>
            <ol class="print-list">
              {m.hits.map(({ hit, vacancy }) => (
                <li>
                  <strong>{hit.title}</strong>
                  <OccupationBeside title={hit.title} occupation={hit.occupation} brackets />
                  {hit.employer ? ` — ${hit.employer}` : ''}, {hit.municipalityName}
                  {hit.distanceKm !== undefined ? ` (${distanceText(hit.distanceKm, 'you')})` : ''} · {t('hits.score')} {pct(Math.round(hit.score * 100) / 100)}
                  <HowToApply id={hit.id} vacancy={vacancy} />
                </li>
              ))}
            </ol>
            <NoHowToApply numbers={m.hits.flatMap(({ vacancy }, i) => (saysHowToApply(vacancy) ? [] : [i + 1]))} />
            </>
          )
        }
      </Loaded>
      <h2>{t('plan.printSkills')}</h2>
      <Loaded state={plan}>
        {(p) =>
          p.skills.length === 0 ? (
            <Empty>{t('plan.noSkills')}</Empty>
          ) : (
            <ol class="print-list">
              {p.skills.map((s) => (
                <li>
                  <strong>{s.label}</strong>: {skillLine(s, p.suitableNow)}
                  {s.trainings.length > 0 && (
                    <ul>
                      {s.trainings.map((tr) => (
                        <li>{trainingLine(tr)}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
