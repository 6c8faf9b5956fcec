import { explainFewPlaces, explainPlanPick, type Lang } from '../explanations.js';
import { fill, NOTICES } from '../errors.js';
import type { AnalysisArea } from './schema.js';
import { cellDraws, countsBehind, randomlyRounded } from './random-rounding.js';
import { publishedCounts } from './published-counts.js';
import { SUPPRESSED } from './suppression.js';
import type { PlanQuery, TrainingPlanner } from './training-plan.js';

/**
 * The training plan as a planner may see it. The plan counts clients: those examined, the client–training
 * pairs tried, the places bought of each training (one client a place) and all that follows from places
 * (cost, budget spent, expected employed). Published exactly, a plan of one client said 1, and an area
 * against the same area less one municipality said how many more clients it had
 * (test/http/training-plan-privacy.test.ts). So these counts are rounded at random to a multiple of 5, as
 * the other planner figures are (random-rounding.ts, published-counts.ts), "<5" for 0–4:
 * - clients examined and candidate pairs depend on the place and the month end alone (not the budget, the
 *   objective or the labels' language): their question is the place's municipalities and the month end;
 * - places are chosen by the budget and the objective too, so their draw is keyed by the clients they count
 *   (never shown): the same picks get the same answer whatever budget, place or language asked for them,
 *   and sweeping the budget a place at a time, where the planner knows the true count (the budget itself),
 *   teaches nothing of the draw of a count it does not know;
 * - a purchase of "<5" places shows neither cost, reach nor gain (they would describe 1–4 clients); the
 *   plan's totals are the sums of the purchases as shown, the budget spent is worked out from them;
 * - the budget left unspent is told as the range the published figures allow (`unspentRange`), never as
 *   given less the spending shown: that left out the purchases of "<5" places (money spent, said unspent),
 *   and given less the exact spending, beside the spending shown, would tell the hidden purchases' places;
 * - why the plan stopped is told only as the published figures tell it (STOP_NOT_TOLD);
 * - a place whose published count of clients examined is below `minimumClients` gets no plan at all,
 *   only `withheld` saying why: a plan of a handful of clients is those clients' gap analyses.
 * The picks (which client, which training) never leave this module.
 */
/**
 * Why a plan shown stopped, when its published spending does not say the budget was spent. The exact reason
 * told the exact number of places: "budget spent" at b places and "nothing further" at b + 1 (the planner
 * knows b) meant that exactly b clients were picked, whatever "<5" the places showed
 * (test/http/training-plan-privacy.test.ts). "budget spent" is said only when the published spending reaches
 * the budget.
 */
export const STOP_NOT_TOLD = 'not told: the places are rounded';

export interface PublishedPlanSettings {
  /** The fewest clients examined (as published) a plan is shown for. */
  minimumClients: number;
}

type ExactPlan = Awaited<ReturnType<TrainingPlanner['plan']>>;

export class PublishedTrainingPlan {
  constructor(
    private readonly planner: Pick<TrainingPlanner, 'plan'>,
    private readonly key: Buffer,
    private readonly settings: PublishedPlanSettings,
  ) {}

  /** `query.today` is the month end the plan is counted at (publishedAsOf). */
  async forArea(area: AnalysisArea, query: PlanQuery) {
    return publishPlan(this.key, await this.planner.plan(area, query), query.lang, query.today, this.settings);
  }
}

export function publishPlan(key: Buffer, plan: ExactPlan, lang: Lang, monthEnd: string, settings: PublishedPlanSettings) {
  const question = publishedCounts(key, 'training-plan', plan.area.municipalities, `asOf=${monthEnd}`);
  const clientsExamined = question.count('clients examined', plan.clientsExamined);
  const candidatePairs = question.count('candidate pairs', plan.candidatePairs);
  const unit = plan.budget.unit;
  const shown = typeof clientsExamined === 'number' && clientsExamined >= settings.minimumClients;
  const placesDraw = cellDraws(key, 'training-plan places');
  const purchases = shown
    ? plan.purchases.map((exact) => {
        const clients = plan.picks.filter((p) => p.training === exact.training.id);
        const places = randomlyRounded(exact.places, placesDraw([exact.training.id, ...clients.map((p) => p.jobseeker).sort()].join('\0')));
        const { training, effect, skills } = exact;
        if (places === SUPPRESSED) {
          return {
            training,
            places,
            cost: null,
            vacanciesOpened: null,
            expectedEmployed: null,
            effect: { basis: effect.basis, participants: effect.participants, perPlace: null },
            explanation: explainFewPlaces(lang, { title: training.title, provider: training.provider, costPerPlace: training.costPerPlace, skills }),
          };
        }
        // Every figure from the published places and what a place typically brings (over every client the
        // training was tried for, whatever the budget): the exact picks' vacancies and gain per place changed
        // with every pick, so a budget swept a euro at a time told the exact number of picks.
        const cost = places * training.costPerPlace;
        const vacanciesOpened = Math.round(places * exact.typical.opens);
        const shownEffect = { basis: effect.basis, participants: effect.participants, perPlace: Math.round(exact.typical.expected.gain * 100) / 100 + 0 };
        const expectedEmployed = Math.round(shownEffect.perPlace * places * 10) / 10;
        return {
          training,
          places,
          cost,
          vacanciesOpened,
          expectedEmployed,
          effect: shownEffect,
          explanation: explainPlanPick(lang, { title: training.title, provider: training.provider, places, cost, vacancies: vacanciesOpened, skills, effect: shownEffect }),
        };
      })
    : [];
  const places = purchases.reduce((s, p) => s + (typeof p.places === 'number' ? p.places : 0), 0);
  const cost = purchases.reduce((s, p) => s + (p.cost ?? 0), 0);
  const spent = unit === 'places' ? places : cost;
  return {
    area: plan.area,
    objective: plan.objective,
    clientsExamined,
    candidatePairs,
    purchases,
    places: places === 0 ? SUPPRESSED : places,
    cost,
    // The sum of the purchases as shown (a vacancy two trainings open may be in both).
    vacanciesOpened: purchases.reduce((s, p) => s + (p.vacanciesOpened ?? 0), 0),
    expectedEmployed: Math.round(purchases.reduce((s, p) => s + (p.expectedEmployed ?? 0), 0) * 10) / 10,
    budget: { unit, given: plan.budget.given, spent, unspent: unspentRange(plan.budget.given, purchases, unit), stoppedBecause: shown ? (spent >= plan.budget.given ? 'budget spent' : STOP_NOT_TOLD) : 'withheld' },
    ...(shown ? {} : { withheld: { reason: 'too few clients' as const, minimumClients: settings.minimumClients, message: fill(NOTICES.plan_withheld[lang], { minimum: settings.minimumClients }) } }),
  };
}

/**
 * What may be left of the budget, worked out from the published plan alone: each purchase's places may
 * stand for any count its published figure allows (countsBehind; a purchase of "<5" places bought 1–4),
 * and the plan never spends more than the budget. The exact spending is not used: anyone reading the plan
 * can work out this range, so it tells nothing the purchases do not (test/core/analytics/training-plan.test.ts).
 */
export function unspentRange(given: number, purchases: readonly { places: number | typeof SUPPRESSED; training: { costPerPlace: number } }[], unit: 'places' | 'euros') {
  let least = 0;
  let most = 0;
  for (const p of purchases) {
    const price = unit === 'places' ? 1 : p.training.costPerPlace;
    const behind = countsBehind(p.places);
    least += Math.max(1, behind.low) * price;
    most += behind.high * price;
  }
  return { atLeast: Math.max(0, given - most), atMost: Math.max(0, given - least) };
}
