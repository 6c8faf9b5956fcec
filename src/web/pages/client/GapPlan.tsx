import { useState } from 'preact/hooks';
import { api, query } from '../../api';
import { Empty, ErrorBox, Loaded, Score, useLoad } from '../../components/ui';
import { Written, writtenText } from '../../components/Written';
import { date, eur, lang, num, plural, t } from '../../i18n';
import { distanceText } from '../../distance';
import { href } from '../../router';
import type { GapReportView as Plan, TrainingOfferView as Training } from '../../../core/gaps/schema';
import { MeasuredEffect, skillLine } from './gap-texts';

/** The client's gap plan: the skills that would open the most vacancies, trainings for each with a referral button, and target occupations. */

export function GapPlan({ id }: { id: string }) {
  const plan = useLoad(() => api<Plan>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/gaps${query({ lang: lang.value })}`), [id, lang.value]);
  const [referred, setReferred] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>();
  const refer = async (training: Training, skill: string) => {
    setError(undefined);
    try {
      await api('POST', '/v1/referrals', { jobseekerId: id, trainingId: training.id, reason: t('plan.reason', { skill }) });
      setReferred({ ...referred, [training.id]: true });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h2>{t('client.tab.plan')}</h2>
      <p>
        <a href={href(`/clients/${id}/print`)}>{t('plan.print')}</a>
      </p>
      <ErrorBox error={error} />
      <Loaded state={plan}>
        {(p) => (
          <>
            <p>{t('plan.summary', { suitable: p.suitableNow, considered: p.considered, area: t(`plan.area.${p.area.reach}`), threshold: Math.round(p.threshold * 100) })}</p>
            {p.skills.length === 0 ? (
              <Empty>{t('plan.noSkills')}</Empty>
            ) : (
              <ol class="plan">
                {p.skills.map((s) => (
                  <li>
                    <h3>
                      {s.label} <span class="badge ok">+{num(s.uplift)}</span>
                    </h3>
                    <p>{skillLine(s, p.suitableNow)}</p>
                    {s.trainings.length === 0 ? (
                      <p class="muted">{t('plan.noTrainings')}</p>
                    ) : (
                      <ul class="trainings">
                        {s.trainings.map((tr, i) => (
                          <li>
                            {i === 0 && <p class="muted">{t(`plan.why.${tr.reason}`)}</p>}
                            <Written text={tr.title} lang={tr.language} strong /> — {tr.provider}, {tr.online ? t('plan.online') : distanceText(tr.distanceKm, 'client')},{' '}
                            {plural('plan.days', tr.durationDays)}, {eur(tr.cost)}
                            {tr.nextStart ? `, ${t('plan.starts', { date: date(tr.nextStart) })}` : ''}
                            {tr.measured && <MeasuredEffect measured={tr.measured} />}
                            <br />
                            {referred[tr.id] ? (
                              <span role="status" class="badge ok">
                                {t('plan.referred')}
                              </span>
                            ) : (
                              <button type="button" onClick={() => refer(tr, s.label)}>
                                {t('plan.refer', { training: writtenText(tr.title, tr.language) })}
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <h3>{t('plan.targets')}</h3>
            {p.targets.length === 0 ? (
              <Empty>{t('plan.noTargets')}</Empty>
            ) : (
              <ul>
                {p.targets.map((o) => (
                  <li>
                    <strong>{o.label}</strong> ({plural('plan.vacancies', o.vacancies)}) <Score value={o.similarity} /> — {o.explanation}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
