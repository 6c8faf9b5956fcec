import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { askUntilPrepared, Empty, ErrorBox, Field, Loaded, PreparingNote, useLoad, type Preparing } from '../components/ui';
import { dateTime, eur, lang, num, pct, placeName, plural, t, valueText } from '../i18n';
import { go } from '../router';
import { WhatWorks } from './planner/WhatWorks';
import type { AreaQuery, Counted, EmploymentAreaList, JobseekerCount, MatchedShare, Mismatch, OccupationRow, SkillRow, TrainingPlan as Plan } from '../../core/analytics/schema';
import type { ExposureResponse } from '../../core/oversight/schema';
import type { MunicipalityList, RegionList } from '../../core/regions/schema';
import { oneOf } from '../one-of';

type Count = JobseekerCount;
type Share = MatchedShare;
/** A row of demand against supply: a skill's, or an occupation's (with its long-term unemployed). */
type Row = (SkillRow | OccupationRow) & { longTermUnemployed?: Count };
/** What a planner picks a place by: an employment area, a region or a municipality. */
type Kind = keyof AreaQuery;
interface Option {
  value: string;
  label: string;
}

/** Why a training plan stopped (the service says it in English: src/core/analytics/training-plan.ts). */
const STOP_REASONS: Record<string, string> = {
  'budget spent': 'planner.stopped.spent',
  'the rest of the budget buys no further place that opens vacancies': 'planner.stopped.tooDear',
  'no further place opens vacancies': 'planner.stopped.nothingOpens',
  'the rest of the budget buys no further place expected to raise employment': 'planner.stopped.tooDearEmployment',
  'no further place is expected to raise employment': 'planner.stopped.nothingHelps',
  'not told: the places are rounded': 'planner.stopped.notTold',
};
const stopReason = (reason: string) => (STOP_REASONS[reason] ? t(STOP_REASONS[reason]!) : reason);

/** A group of the exposure report in the user's language: by dimension (motherTongue.fi) or alone (unknown, yes, no). */
const groupName = (dimension: string, group: string) => {
  const own = valueText(`exposure.group.${dimension}`, group);
  return own !== group ? own : valueText('exposure.group', group);
};

/**
 * The skills vacancies of the place ask for. The service orders skills by demand less published
 * supply (a suppressed "<5" counted as 0): where jobseekers outnumber vacancies for every skill, as
 * in most areas, skills no vacancy asks for and fewer than five people hold come first, a table of
 * "0 / <5" rows. The page reads more rows and shows those in demand.
 */
const inDemand = (rows: Row[]) => rows.filter((r) => r.demand.vacancies > 0);
const SKILLS_READ = 500;

/** A count of jobseekers: a suppressed one shows as "<5", never as zero. */
const count = (c: Count) => (c === '<5' ? '<5' : num(c));
const share = (s: Share) => (s.suppressed ? '<5' : s.share === null ? '–' : `${pct(s.share)} ± ${pct(s.margin95)}`);

/** The kinds of place, in the order the select offers them. */
const KINDS: readonly Kind[] = ['area', 'region', 'municipality'];

/**
 * The place the address names: its kind and code. An unknown kind is no choice (no figures for a
 * kind the select cannot show).
 */
function placeOf(params: URLSearchParams): { kind: Kind; place: string } {
  const kind = oneOf(KINDS, params.get('kind') ?? 'area');
  return kind ? { kind, place: params.get('place') ?? '' } : { kind: 'area', place: '' };
}

/** The planners' dashboard for one area: mismatch, demand against supply, and the training plan. */
export function PlannerPage({ params }: { params: URLSearchParams }) {
  const { kind, place } = placeOf(params);
  return (
    <section>
      <h1>{t('planner.title')}</h1>
      <PlacePicker kind={kind} place={place} />
      {place ? <Dashboard kind={kind} place={place} /> : <Empty>{t('planner.pick')}</Empty>}
    </section>
  );
}

/** The kind and place selects, starting from the place shown; submitting shows the chosen one. */
function PlacePicker({ kind, place }: { kind: Kind; place: string }) {
  const options = useLoad(async (): Promise<Record<Kind, Option[]>> => {
    const [areas, regions, municipalities] = await Promise.all([
      api<EmploymentAreaList>('GET', '/v1/employment-areas'),
      api<RegionList>('GET', '/v1/regions'),
      api<MunicipalityList>('GET', '/v1/municipalities'),
    ]);
    const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, lang.value);
    return {
      area: areas.items.map((a) => ({ value: a.id, label: placeName(a) })),
      region: regions.items.map((r) => ({ value: r.code, label: placeName(r) })),
      municipality: municipalities.items.map((m) => ({ value: m.code, label: placeName(m) })).sort(byName),
    };
  }, [lang.value]);
  const [pickKind, setPickKind] = useState<Kind>(kind);
  const [pickPlace, setPickPlace] = useState(place);
  // A link, the back button or a pasted address shows another place: the selects follow it (the
  // same form stays, so the focus of a keyboard user who pressed Show stays on it).
  useEffect(() => {
    setPickKind(kind);
    setPickPlace(place);
  }, [kind, place]);
  return (
    <form
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(`/planner${query({ kind: pickKind, place: pickPlace })}`);
      }}
    >
      <Field label={t('planner.kind')} id="area-kind">
        <select id="area-kind" value={pickKind} onChange={(e) => (setPickKind(oneOf(KINDS, e.currentTarget.value) ?? pickKind), setPickPlace(''))}>
          {KINDS.map((k) => (
            <option value={k}>{t(`planner.kind.${k}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('planner.place')} id="area-place">
        <select id="area-place" value={pickPlace} onChange={(e) => setPickPlace(e.currentTarget.value)} required>
          <option value="">{t('planner.choose')}</option>
          {(options.data?.[pickKind] ?? []).map((o) => (
            <option value={o.value} selected={o.value === pickPlace}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit">{t('common.show')}</button>
    </form>
  );
}

function Dashboard({ kind, place }: { kind: Kind; place: string }) {
  const where = { [kind]: place, lang: lang.value };
  const mismatch = useLoad(() => api<Mismatch>('GET', `/v1/analytics/mismatch${query(where)}`), [kind, place, lang.value]);
  const skills = useLoad(
    () => api<Counted & { items: Row[] }>('GET', `/v1/analytics/skills${query({ ...where, limit: SKILLS_READ })}`).then((r) => ({ ...r, items: inDemand(r.items).slice(0, 15) })),
    [kind, place, lang.value],
  );
  const occupations = useLoad(() => api<Counted & { items: Row[] }>('GET', `/v1/analytics/occupations${query({ ...where, limit: 15 })}`), [kind, place, lang.value]);
  return (
    <>
      <h2>{t('planner.mismatch')}</h2>
      <Loaded state={mismatch}>
        {(m) => (
          <>
            <dl class="indicators">
              <div>
                <dt>{t('planner.vacancies')}</dt>
                <dd>{num(m.vacancies)}</dd>
              </div>
              <div>
                <dt>{t('planner.jobseekers')}</dt>
                <dd>{count(m.jobseekers)}</dd>
              </div>
              <div>
                <dt>{t('planner.longTerm')}</dt>
                <dd>{count(m.longTermUnemployed)}</dd>
              </div>
              <div>
                <dt>{t('planner.perJobseeker')}</dt>
                <dd>{m.vacanciesPerJobseeker === null ? '–' : num(m.vacanciesPerJobseeker, 2)}</dd>
              </div>
              <div>
                <dt>{t('planner.staffed', { n: m.vacanciesWithSuitableCandidates.candidates })}</dt>
                <dd>{share(m.vacanciesWithSuitableCandidates)}</dd>
              </div>
              <div>
                <dt>{t('planner.stranded')}</dt>
                <dd>{share(m.longTermWithoutSuitableVacancy)}</dd>
              </div>
            </dl>
            {m.matchedAt && (
              <p class="muted">
                {t('planner.matchedAt', { time: dateTime(m.matchedAt) })}
                {m.matchedCurrent === false && ` ${t('planner.matchedStale')}`}
              </p>
            )}
          </>
        )}
      </Loaded>
      <BarTable title={t('planner.skills')} state={skills} csv={`/v1/analytics/skills${query({ ...where, limit: 20000, format: 'csv' })}`} />
      <BarTable title={t('planner.occupations')} state={occupations} csv={`/v1/analytics/occupations${query({ ...where, limit: 20000, format: 'csv' })}`} longTerm />
      <WhatWorks where={{ [kind]: place, lang: lang.value }} />
      {/* Its own state per place: a plan (or a refusal) asked for one place is not shown under another's figures. */}
      <TrainingPlan key={`${kind}:${place}`} kind={kind} place={place} />
      <Exposure where={where} />
    </>
  );
}

/** Who is seen in the candidate rankings of the area (oversight): groups against their share of jobseekers. */
function Exposure({ where }: { where: Record<string, string> }) {
  const [source, setSource] = useState<'decisions' | 'replay'>('decisions');
  const report = useLoad(
    () => api<ExposureResponse>('GET', `/v1/oversight/exposure${query({ ...where, source, sample: 100, lang: undefined })}`),
    [JSON.stringify(where), source],
  );
  const csv = `/v1/oversight/exposure${query({ ...where, source, format: 'csv', lang: undefined })}`;
  return (
    <>
      <h2>{t('exposure.title')}</h2>
      <p class="muted">{t('exposure.intro')}</p>
      <Field label={t('exposure.source')} id="exposure-source">
        <select id="exposure-source" value={source} onChange={(e) => setSource(oneOf(['decisions', 'replay'] as const, e.currentTarget.value) ?? source)}>
          <option value="decisions">{t('exposure.source.decisions')}</option>
          <option value="replay">{t('exposure.source.replay')}</option>
        </select>
      </Field>
      <Loaded state={report}>
        {(r) =>
          r.rankings === 0 ? (
            <Empty>{t(source === 'decisions' ? 'exposure.noneServed' : 'exposure.none')}</Empty>
          ) : (
            <>
              <p role="status">
                {plural('exposure.summary', r.rankings)} {r.flagged.length === 0 ? t('exposure.noFlags') : plural('exposure.flags', r.flagged.length)}
              </p>
              <CountedNote counted={r} />
              <NotRecorded groups={r.groups} />
              <table>
                <caption class="visually-hidden">{t('exposure.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exposure.group')}</th>
                    <th scope="col">{t('exposure.eligible')}</th>
                    <th scope="col">{t('exposure.eligibleShare')}</th>
                    <th scope="col">{t('exposure.exposureShare')}</th>
                    <th scope="col">{t('exposure.ratio')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.groups
                    .filter((g) => g.dimension !== 'municipality')
                    .map((g) => (
                      <tr>
                        <th scope="row">
                          {t(`exposure.dimension.${g.dimension}`)}: {groupName(g.dimension, g.group)}
                          {g.flagged && <span class="badge bad"> {t('exposure.flagged')}</span>}
                        </th>
                        <td>{count(g.eligible)}</td>
                        <td>{g.eligibleShare === null ? '–' : pct(g.eligibleShare)}</td>
                        <td>{g.exposureShare === null ? '–' : pct(g.exposureShare)}</td>
                        <td>{g.ratio === null ? '–' : `${num(g.ratio, 2)} (${num(g.ratioLow ?? 0, 2)}–${num(g.ratioHigh ?? 0, 2)})`}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <p>
                <a href={csv} download>
                  {t('planner.csv')}
                </a>
              </p>
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** What a person may leave unrecorded (the records of the demo population have none of it). */
const RECORDED_BY_CHOICE = ['ageBand', 'gender', 'motherTongue'] as const;

/**
 * Why rows of the exposure table say only "unknown": the jobseekers of the place have no age, gender
 * or mother tongue recorded, so those groups cannot be compared (said, rather than a table that looks
 * empty).
 */
function NotRecorded({ groups }: { groups: ExposureResponse['groups'] }) {
  const missing = RECORDED_BY_CHOICE.filter((d) => {
    const own = groups.filter((g) => g.dimension === d);
    return own.length > 0 && own.every((g) => g.group === 'unknown');
  });
  if (missing.length === 0) return null;
  const names = missing.map((d) => t(`exposure.dimension.${d}`).toLocaleLowerCase(lang.value)).join(', ');
  return <p role="note">{t('exposure.notRecorded', { dimensions: names })}</p>;
}

/** Demand against supply as a table whose rows carry bars: readable by screen readers as a table, no canvas. */
/** When kept figures were counted (src/runtime/kept-answers.ts); said only when the records have changed since. */
function CountedNote({ counted }: { counted: Counted }) {
  if (counted.countedCurrent !== false || !counted.countedAt) return null;
  return <p class="muted">{t('planner.countedStale', { time: dateTime(counted.countedAt) })}</p>;
}

function BarTable({ title, state, csv, longTerm }: { title: string; state: { data?: Counted & { items: Row[] }; error?: unknown; loading: boolean }; csv: string; longTerm?: boolean }) {
  return (
    <>
      <h2>{title}</h2>
      <p>
        <a href={csv} download>
          {t('planner.csv')}
        </a>
      </p>
      <Loaded state={state}>
        {(data) => {
          const max = Math.max(1, ...data.items.map((r) => Math.max(r.demand.vacancies, typeof r.supply === 'number' ? r.supply : 0)));
          const width = (n: number) => `${Math.round((n / max) * 100)}%`;
          return data.items.length === 0 ? (
            <Empty>{t('planner.noRows')}</Empty>
          ) : (
            <>
              <CountedNote counted={data} />
              <table class="bars">
                <caption class="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('planner.label')}</th>
                    <th scope="col">{t('planner.demand')}</th>
                    <th scope="col">{t('planner.supply')}</th>
                    <th scope="col">{t('planner.gap')}</th>
                    {longTerm && <th scope="col">{t('planner.longTerm')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr>
                      <th scope="row">{r.label}</th>
                      <td>
                        <span class="hbar demand" style={{ width: width(r.demand.vacancies) }} aria-hidden="true" />
                        {num(r.demand.vacancies)}
                      </td>
                      <td>
                        <span class="hbar supply" style={{ width: width(typeof r.supply === 'number' ? r.supply : 0) }} aria-hidden="true" />
                        {count(r.supply)}
                      </td>
                      <td>{r.gap === null ? '–' : num(r.gap)}</td>
                      {longTerm && <td>{r.longTermUnemployed === undefined ? '–' : count(r.longTermUnemployed)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function TrainingPlan({ kind, place }: { kind: Kind; place: string }) {
  const [unit, setUnit] = useState<'places' | 'euros'>('places');
  const [amount, setAmount] = useState('20');
  const [plan, setPlan] = useState<Plan>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [preparing, setPreparing] = useState<Preparing>();
  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // The plan changes nothing stored: asked again while the service is still preparing, as a view's GET.
      const body = { [kind]: place, budget: { [unit]: Number(amount) }, lang: lang.value };
      setPlan(await askUntilPrepared(() => api<Plan>('POST', '/v1/analytics/training-plan', body), setPreparing));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setPreparing(undefined);
    }
  };
  return (
    <>
      <h2>{t('planner.plan')}</h2>
      <form class="search" onSubmit={run}>
        <Field label={t('planner.budgetUnit')} id="budget-unit">
          <select id="budget-unit" value={unit} onChange={(e) => setUnit(oneOf(['places', 'euros'] as const, e.currentTarget.value) ?? unit)}>
            <option value="places">{t('planner.places')}</option>
            <option value="euros">{t('planner.euros')}</option>
          </select>
        </Field>
        <Field label={t('planner.budget')} id="budget">
          <input id="budget" inputMode="numeric" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={busy}>
          {t('planner.makePlan')}
        </button>
      </form>
      {busy &&
        (preparing ? (
          <PreparingNote preparing={preparing} />
        ) : (
          <p role="status" class="loading">
            {t('common.loading')}
          </p>
        ))}
      <ErrorBox error={error} />
      {plan && (
        <div aria-live="polite">
          {plan.withheld ? (
            <p role="note">{plan.withheld.message}</p>
          ) : (
            <PlanSummary plan={plan} />
          )}
          {plan.withheld ? null : (
            <p class="muted">{t('planner.planRounded')}</p>
          )}
          {plan.withheld ? null : plan.purchases.length === 0 ? (
            <Empty>{t('planner.noPurchases')}</Empty>
          ) : (
            <table>
              <caption class="visually-hidden">{t('planner.plan')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.training')}</th>
                  <th scope="col">{t('planner.places')}</th>
                  <th scope="col">{t('planner.cost')}</th>
                  <th scope="col">{t('planner.opened')}</th>
                  <th scope="col">{t('planner.expected')}</th>
                  <th scope="col">{t('planner.why')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.purchases.map((p) => (
                  <tr>
                    <th scope="row">
                      {p.training.title} <span class="muted">({p.training.provider})</span>
                    </th>
                    <td>{count(p.places)}</td>
                    <td>{p.cost === null ? '–' : eur(p.cost)}</td>
                    <td>{p.vacanciesOpened === null ? '–' : num(p.vacanciesOpened)}</td>
                    <td>
                      {p.expectedEmployed === null ? '–' : num(p.expectedEmployed, 1)}{' '}
                      {/* A purchase of "<5" places shows no gain: "estimated" would describe a figure not shown; "measured" still tells that the training's effect was measured. */}
                      {p.effect.basis === 'measured' ? (
                        <span class="muted">
                          {t('planner.basis.measured', { participants: typeof p.effect.participants === 'number' ? num(p.effect.participants) : String(p.effect.participants) })}
                        </span>
                      ) : p.expectedEmployed !== null ? (
                        <span class="muted">{t('planner.basis.estimated')}</span>
                      ) : null}
                    </td>
                    <td>{p.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </>
  );
}

/**
 * What the plan buys, said as the published figures allow. The service's totals sum the purchases whose
 * places are shown (a purchase of "<5" places counts 0: its places told would describe 1–4 clients), so
 * they are said as totals of those purchases, and the purchases of fewer than 5 places are counted
 * beside them: a planner does not read 13 rows of "<5" as places left unspent. Nothing is computed
 * from hidden figures: the number of such purchases is the number of rows the plan shows, and what is left
 * of the budget is the service's range (budget.unspent).
 */
/**
 * What is left of the budget, as the range the service works out from the published purchases (a purchase
 * of "<5" places bought 1–4 of them): "16–19", one figure when the range is one, in euros for a budget of euros.
 */
function unspentRange({ unit, unspent }: Plan['budget']): string {
  const amount = unit === 'euros' ? eur : num;
  return unspent.atLeast === unspent.atMost ? amount(unspent.atLeast) : `${amount(unspent.atLeast)}–${amount(unspent.atMost)}`;
}

function PlanSummary({ plan }: { plan: Plan }) {
  const hidden = plan.purchases.filter((p) => p.places === '<5').length;
  const shown = plan.purchases.length - hidden;
  return (
    <p class="plan-summary">
      {shown > 0 && (
        <>
          {t('planner.planShown', { places: count(plan.places), cost: eur(plan.cost) })} {plural('planner.planOpened', plan.vacanciesOpened)}{' '}
          {plural('planner.expectedSummary', plan.expectedEmployed, {}, 1)}{' '}
        </>
      )}
      {hidden > 0 && <>{plural('planner.planHidden', hidden)} </>}
      {stopReason(plan.budget.stoppedBecause)} {t(`planner.unspent.${plan.budget.unit}`, { range: unspentRange(plan.budget) })}
    </p>
  );
}
