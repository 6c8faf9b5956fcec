import { date, eur, num, plural, t } from '../../i18n';
import { distanceText } from '../../distance';
import { Written } from '../../components/Written';
import type { GapReportView as Plan, TrainingOfferView as Training } from '../../../core/gaps/schema';

/** The gap plan's sentences, said the same on the screen (GapPlan.tsx) and on paper (PrintOut.tsx). */

/**
 * Why a skill is worth learning, from the report's numbers (the service's own sentence names the
 * first training too, which the page lists below it anyway).
 */
export const skillLine = (s: Plan['skills'][number], now: number) =>
  s.together?.length
    ? plural('plan.skillWith', s.suitableWith, { demand: s.demand, now, together: s.together.map((c) => c.label).join(', ') })
    : plural('plan.skill', s.suitableWith, { demand: s.demand, now });

/** A training's measured effect on employment in the client's area (What works), in percentage points with its 95 % interval. */
export function MeasuredEffect({ measured: m }: { measured: NonNullable<Training['measured']> }) {
  const points = (x: number) => num(Math.round(x * 100));
  return (
    <p class="measured">
      {t('plan.measured', {
        months: m.months,
        effect: `${m.effect > 0 ? '+' : ''}${points(m.effect)}`,
        low: points(m.low),
        high: points(m.high),
        participants: typeof m.participants === 'number' ? num(m.participants) : m.participants,
      })}
    </p>
  );
}

/**
 * A training as the client reads it: title and provider, where, how long, when it starts (a date in the
 * page's locale), the cost. The title is in the language the training is given in: marked with it when
 * that is not the page's ("Tulityökorttikoulutus (på finska)"; the catalogue names each training once).
 */
export const trainingLine = (tr: Training) => (
  <>
    <Written text={tr.title} lang={tr.language} />
    {` — ${[
      tr.provider,
      tr.online ? t('plan.online') : distanceText(tr.distanceKm, 'you'),
      plural('plan.days', tr.durationDays),
      tr.nextStart ? t('plan.starts', { date: date(tr.nextStart) }) : t('plan.continuous'),
      eur(tr.cost),
    ].join(', ')}`}
  </>
);
