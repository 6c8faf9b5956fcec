import { useState } from 'preact/hooks';
import { formEdits, SaveRefusal, useUnsavedWarning, useVersionedSave, withEdits } from '../components/editing';
import { api, ApiError, query, type Hit } from '../api';
import { ByStanding } from '../components/ByStanding';
import { SkillPicker } from '../components/SkillPicker';
import { Choice, Empty, ErrorBox, Field, invalidField, Loaded, SaveBar, Score, useLoad } from '../components/ui';
import { date, dateTime, eur, lang, num, placeName, plural, t } from '../i18n';
import { loadPlaces, sentPlace, shownPlace, shownPlaces, type Places } from '../places';
import { href } from '../router';
import { TransferRequest } from './Transfers';
import { SuggestionsTab, SuggestVacancy } from './client/Suggestions';
import { assessmentOf, eligibleOf, PaySubsidyField } from './client/PaySubsidy';
import type { Me } from '../api';
import type { GapReportView as Plan, TrainingOfferView as Training } from '../../core/gaps/schema';
import type { MatchResponse } from '../../core/matches/schema';
import type { PersonExplanation } from '../../core/oversight/schema';
import type { ClientShares } from '../../core/privacy/schema';
import type { Referral, ReferralList } from '../../core/referrals/schema';
import { NEXT_REFERRAL_STATES, type SettableReferralState } from '../../core/referrals/states';
import type { RegionList } from '../../core/regions/schema';
import type { StoredJobseeker } from '../../core/jobseekers/schema';
import type { StoredTraining } from '../../core/trainings/schema';
import type { StoredVacancy } from '../../core/vacancies/schema';
import { HowToApply } from './client/HowToApply';

type Client = StoredJobseeker;
const TABS = ['matches', 'suggestions', 'plan', 'profile', 'referrals'] as const;

/** A client: ranked vacancies with reasons, job suggestions and the obligation, the gap plan with referrals, the profile, referrals. */
export function ClientPage({ id, tab, print, me }: { id: string; tab: string; print: boolean; me: Me }) {
  const client = useLoad(() => api<Client>('GET', `/v1/jobseekers/${encodeURIComponent(id)}`), [id]);
  /** Municipalities and regions, for the profile's names in the page's language. */
  const places = useLoad(loadPlaces, []);
  /** The client just saved here (the profile form, started again from what is stored, says so). */
  const [saved, setSaved] = useState<string>();
  if (print) return <PrintPlan id={id} client={client.data} />;
  // Not a client of the counsellor's area (or no one's: the service does not say): ask for a transfer, saying why.
  const elsewhere = me.role === 'counsellor' && client.error instanceof ApiError && client.error.status === 404;
  return (
    <section>
      <p>
        <a href={href('/clients')}>← {t('clients.title')}</a>
      </p>
      {elsewhere && (
        <>
          <ErrorBox error={client.error} />
          <TransferRequest id={id} />
        </>
      )}
      {!elsewhere && (
      <Loaded state={client}>
        {(c) => (
          <>
            <h1>
              {c.name ?? c.id} <span class="muted">— {c.title}</span>
            </h1>
            <p class="muted">
              {c.name && (
                <>
                  <code>{c.id}</code> ·{' '}
                </>
              )}
              {t(`status.${c.status}`)}
              {c.unemployedSince ? ` · ${t('client.unemployedSince', { date: date(c.unemployedSince) })}` : ''}
            </p>
            <nav class="tabs" aria-label={t('client.sections')}>
              {TABS.map((name) => (
                <a href={href(`/clients/${id}?tab=${name}`)} aria-current={tab === name ? 'page' : undefined}>
                  {t(`client.tab.${name}`)}
                </a>
              ))}
            </nav>
            {tab === 'plan' ? (
              <PlanTab id={id} />
            ) : tab === 'profile' ? (
              // A form per client and version: another client, or a reload after a save, starts from what is stored.
              <Loaded state={places}>
                {(found) => (
                  <ProfileTab
                    key={`${c.id}@${c.version ?? 0}`}
                    client={c}
                    places={found}
                    saved={saved === c.id}
                    onSaved={() => {
                      setSaved(c.id);
                      client.reload();
                    }}
                    onReload={client.reload}
                  />
                )}
              </Loaded>
            ) : tab === 'referrals' ? (
              <ReferralsTab id={id} />
            ) : tab === 'suggestions' ? (
              <SuggestionsTab id={id} />
            ) : (
              <MatchesTab id={id} eligible={c.paySubsidyEligible === true} />
            )}
          </>
        )}
      </Loaded>
      )}
    </section>
  );
}

/**
 * The client's current shares with employer-services units, each with its end button (the client
 * withdrew consent). A client shared with no one takes no room above the matches (at least five
 * hits fit a 1280×800 screen), unless a share was just ended here: then it says that none is left.
 */
function CurrentShares({ state, unshare, endedHere }: { state: { data?: ClientShares; error?: unknown; loading: boolean }; unshare: (vacancyId: string) => void; endedHere: boolean }) {
  if (!state.error && (state.data?.items.length ?? 0) === 0 && !endedHere) return null;
  return (
    <section class="shares" aria-labelledby="shares-title">
      <h3 id="shares-title">{t('shares.title')}</h3>
      <Loaded state={state}>
        {(s) =>
          s.items.length === 0 ? (
            <Empty>{t('shares.none')}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('shares.vacancy')}</th>
                  <th scope="col">{t('shares.unit')}</th>
                  <th scope="col">{t('shares.sharedAt')}</th>
                  <th scope="col">{t('shares.sharedBy')}</th>
                  <th scope="col">{t('shares.expires')}</th>
                  <th scope="col">{t('shares.action')}</th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((share) => (
                  <tr>
                    <td>
                      <a href={href(`/vacancies/${share.vacancyId}`)}>{share.vacancyTitle ?? t('shares.unknownVacancy')}</a> <code>{share.vacancyId}</code>
                    </td>
                    <td>{share.unit.name}</td>
                    <td>{dateTime(share.sharedAt)}</td>
                    <td>{share.sharedBy ?? '–'}</td>
                    <td>{date(share.expiresAt)}</td>
                    <td>
                      <button type="button" onClick={() => unshare(share.vacancyId)}>
                        {t('matches.unshare', { title: share.vacancyTitle ?? share.vacancyId })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

function MatchesTab({ id, eligible }: { id: string; eligible: boolean }) {
  const [within, setWithin] = useState('');
  const [region, setRegion] = useState('');
  const [k, setK] = useState('20');
  const [commute, setCommute] = useState('');
  const [paySubsidy, setPaySubsidy] = useState(false);
  const [filter, setFilter] = useState({ within: '', region: '', k: '20', commute: '', paySubsidy: false });
  const regions = useLoad(() => api<RegionList>('GET', '/v1/regions'), []);
  const matches = useLoad(
    () =>
      api<MatchResponse>(
        'GET',
        `/v1/jobseekers/${encodeURIComponent(id)}/matches${query({ k: filter.k, within: filter.within, region: filter.region, commute: filter.commute, paySubsidy: filter.paySubsidy && eligible ? 'true' : undefined, lang: lang.value })}`,
      ),
    [id, filter, lang.value],
  );
  /** The client's current shares (kept in the service: also those made in another session). */
  const shares = useLoad(() => api<ClientShares>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/shares`), [id]);
  const sharedUntil = (vacancyId: string) => shares.data?.items.find((s) => s.vacancyId === vacancyId)?.expiresAt;
  const [explained, setExplained] = useState<Record<string, string[]>>({});
  const [settingAside, setSettingAside] = useState<string>();
  const [reason, setReason] = useState('');
  /** A counsellor's override: the vacancy is no longer suggested to this client; the reason is kept. */
  const setAside = async (e: Event, hit: Hit) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('POST', `/v1/jobseekers/${encodeURIComponent(id)}/overrides`, { vacancyId: hit.id, action: 'set-aside', reason });
      setSettingAside(undefined);
      setReason('');
      matches.reload();
    } catch (err) {
      setError(err);
    }
  };
  const [error, setError] = useState<unknown>();
  const [noUnit, setNoUnit] = useState<Record<string, boolean>>({});
  const [ended, setEnded] = useState<Record<string, boolean>>({});
  /** The client's own explanation of a suggestion, in the language of the page. */
  const explain = async (hit: Hit) => {
    setError(undefined);
    try {
      const r = await api<PersonExplanation>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/matches/${encodeURIComponent(hit.id)}/explanation${query({ lang: lang.value })}`);
      setExplained({ ...explained, [hit.id]: r.sentences });
    } catch (e) {
      setError(e);
    }
  };
  const share = async (hit: Hit) => {
    setError(undefined);
    try {
      await api('POST', `/v1/vacancies/${encodeURIComponent(hit.id)}/shares`, { jobseekerId: id });
      setEnded({ ...ended, [hit.id]: false });
      shares.reload();
    } catch (e) {
      // A vacancy no employer-services unit owns (e.g. from a job feed): nobody to share with.
      if (e instanceof ApiError && e.code === 'conflict') setNoUnit({ ...noUnit, [hit.id]: true });
      else setError(e);
    }
  };
  /** The client withdrew consent: the share ends now, not when it expires (from the list or the hit). */
  const unshare = async (vacancyId: string) => {
    setError(undefined);
    try {
      await api('DELETE', `/v1/vacancies/${encodeURIComponent(vacancyId)}/shares/${encodeURIComponent(id)}`);
      setEnded({ ...ended, [vacancyId]: true });
    } catch (e) {
      setError(e);
    }
    shares.reload(); // also after a 404: ended meanwhile (another tab, another counsellor)
  };
  return (
    <>
      <h2>{t('client.tab.matches')}</h2>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ within, region, k, commute, paySubsidy });
        }}
      >
        <Field label={t('matches.within')} id="within">
          <input id="within" inputMode="numeric" placeholder={t('matches.withinAny')} value={within} onInput={(e) => setWithin(e.currentTarget.value)} />
        </Field>
        <Field label={t('matches.region')} id="region">
          <select id="region" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
            <option value="">{t('common.any')}</option>
            {(regions.data?.items ?? []).map((r) => (
              <option value={r.code}>{placeName(r)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('matches.commute')} id="commute">
          <select id="commute" value={commute} onChange={(e) => setCommute(e.currentTarget.value)}>
            <option value="">{t('matches.commute.default')}</option>
            <option value="strict">{t('matches.commute.strict')}</option>
            <option value="fits">{t('matches.commute.fits')}</option>
          </select>
        </Field>
        <Field label={t('matches.k')} id="k">
          <select id="k" value={k} onChange={(e) => setK(e.currentTarget.value)}>
            {['10', '20', '50'].map((n) => (
              <option value={n}>{n}</option>
            ))}
          </select>
        </Field>
        {eligible && (
          // Only for a client assessed eligible: both must hold (the vacancy accepts a subsidised hire).
          <div class="field checkbox">
            <input id="pay-subsidy" type="checkbox" checked={paySubsidy} onChange={(e) => setPaySubsidy(e.currentTarget.checked)} />
            <label for="pay-subsidy">{t('matches.paySubsidy')}</label>
          </div>
        )}
        <button type="submit">{t('common.show')}</button>
      </form>
      <ErrorBox error={error} />
      <CurrentShares state={shares} unshare={unshare} endedHere={Object.values(ended).some(Boolean)} />
      <Loaded state={matches}>
        {(m) => (
          <ByStanding
            hits={m.hits}
            texts="matches.group"
            link={(hit) => `/vacancies/${hit.id}`}
            action={(hit) => (
              <>
                <SuggestVacancy clientId={id} hit={hit} />{' '}
                {sharedUntil(hit.id) ? (
                  <>
                    <p role="status">{t('matches.sharedUntil', { date: date(sharedUntil(hit.id)!) })}</p>
                    <button type="button" onClick={() => unshare(hit.id)}>
                      {t('matches.unshare', { title: hit.title })}
                    </button>
                  </>
                ) : noUnit[hit.id] ? (
                  <p role="status">{t('matches.shareNoUnit')}</p>
                ) : (
                  <>
                    {ended[hit.id] && <p role="status">{t('matches.unshared')}</p>}
                    <button type="button" onClick={() => share(hit)}>
                      {t('matches.share', { title: hit.title })}
                    </button>
                  </>
                )}{' '}
                {explained[hit.id] ? (
                  <div class="explanation" aria-live="polite">
                    <h4>{t('matches.explanation')}</h4>
                    {explained[hit.id]!.map((sentence) => (
                      <p>{sentence}</p>
                    ))}
                  </div>
                ) : (
                  <button type="button" onClick={() => explain(hit)}>
                    {t('matches.explain', { title: hit.title })}
                  </button>
                )}{' '}
                {hit.counsellorOverride ? (
                  <p class="badge">{t('matches.putForward', { reason: hit.counsellorOverride.reason })}</p>
                ) : settingAside === hit.id ? (
                  <form class="search" onSubmit={(e) => setAside(e, hit)}>
                    <Field label={t('matches.setAsideReason')} id={`reason-${hit.id}`}>
                      <input id={`reason-${hit.id}`} required minLength={10} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                    </Field>
                    <button type="submit">{t('matches.setAsideConfirm')}</button>
                  </form>
                ) : (
                  <button type="button" onClick={() => (setSettingAside(hit.id), setReason(''))}>
                    {t('matches.setAside', { title: hit.title })}
                  </button>
                )}
              </>
            )}
          />
        )}
      </Loaded>
    </>
  );
}

function PlanTab({ id }: { id: string }) {
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
                            <strong>{tr.title}</strong> — {tr.provider}, {tr.online ? t('plan.online') : t('hits.km', { km: num(tr.distanceKm) })},{' '}
                            {t('plan.days', { days: tr.durationDays })}, {eur(tr.cost)}
                            {tr.nextStart ? `, ${t('plan.starts', { date: date(tr.nextStart) })}` : ''}
                            {tr.measured && <MeasuredEffect measured={tr.measured} />}
                            <br />
                            {referred[tr.id] ? (
                              <span role="status" class="badge ok">
                                {t('plan.referred')}
                              </span>
                            ) : (
                              <button type="button" onClick={() => refer(tr, s.label)}>
                                {t('plan.refer', { training: tr.title })}
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

/**
 * Why a skill is worth learning, from the report's numbers (the service's own sentence names the
 * first training too, which the page lists below it anyway).
 */
const skillLine = (s: Plan['skills'][number], now: number) =>
  t(s.together?.length ? 'plan.skillWith' : 'plan.skill', { demand: s.demand, with: s.suitableWith, now, together: (s.together ?? []).map((c) => c.label).join(', ') });

/** A training's measured effect on employment in the client's area (What works), in percentage points with its 95 % interval. */
function MeasuredEffect({ measured: m }: { measured: NonNullable<Training['measured']> }) {
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

/** A training as the client reads it: title and provider, where, how long, when it starts (a date in the page's locale), the cost. */
const trainingLine = (tr: Training) =>
  [
    `${tr.title} — ${tr.provider}`,
    tr.online ? t('plan.online') : t('hits.km', { km: num(tr.distanceKm) }),
    t('plan.days', { days: tr.durationDays }),
    tr.nextStart ? t('plan.starts', { date: date(tr.nextStart) }) : t('plan.continuous'),
    eur(tr.cost),
  ].join(', ');

/** The vacancies that fit and the gap plan, to hand to the client: a plain page for the printer, each thing said once. */
function PrintPlan({ id, client }: { id: string; client?: Client }) {
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
            <ol class="print-list">
              {m.hits.map(({ hit, vacancy }) => (
                <li>
                  <strong>{hit.title}</strong>
                  {hit.employer ? ` — ${hit.employer}` : ''}, {hit.municipalityName}
                  {hit.distanceKm !== undefined ? ` (${t('hits.km', { km: num(hit.distanceKm) })})` : ''} · {t('hits.score')} {Math.round(hit.score * 100)} %
                  <HowToApply id={hit.id} vacancy={vacancy} />
                </li>
              ))}
            </ol>
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

function ProfileTab({ client, places, saved, onSaved, onReload }: { client: Client; places: Places; saved: boolean; onSaved: () => void; onReload: () => void }) {
  // Places by their names in the page's language (a record stores codes: "837" is Tampere, Tammerfors).
  const [shown] = useState(() => ({
    municipality: shownPlace(places.municipalities, client.municipality),
    wishedMunicipalities: shownPlaces(places.municipalities, client.wishedMunicipalities),
    wishedRegions: shownPlaces(places.regions, client.wishedRegions),
  }));
  const [form, setForm] = useState({
    title: client.title,
    summary: client.summary,
    skills: client.skills,
    municipality: shown.municipality,
    languages: client.languages.join(', '),
    workingTime: client.workingTime,
    drivingLicence: client.drivingLicence ?? false,
    status: client.status,
    unemployedSince: client.unemployedSince ?? '',
    name: client.name ?? '',
    email: client.contact?.email ?? '',
    phone: client.contact?.phone ?? '',
    commuteKm: client.commuteKm === undefined ? '' : String(client.commuteKm),
    wishedMunicipalities: shown.wishedMunicipalities,
    wishedRegions: shown.wishedRegions,
    willingToRelocate: client.willingToRelocate ?? false,
    paySubsidyEligible: assessmentOf(client.paySubsidyEligible),
  });
  const [dirty, setDirty] = useState(false);
  useUnsavedWarning(dirty);
  const saver = useVersionedSave({
    path: (id) => `/v1/jobseekers/${encodeURIComponent(id)}`,
    openPath: (id) => `/clients/${id}?tab=profile`,
    base: client,
    onSaved: () => {
      setDirty(false);
      onSaved();
    },
  });
  const error = saver.error;
  const { edit, set } = formEdits(form, setForm, setDirty);
  const save = async (e: Event) => {
    e.preventDefault();
    const contact = { ...client.contact, email: form.email || undefined, phone: form.phone || undefined };
    const list = (text: string) => text.split(',').map((x) => x.trim()).filter(Boolean);
    // Every field the form does not show (occupation, education, remote work, languages with levels,
    // cards, oversight fields, …) is sent back as stored: an edit here never erases them.
    await saver.save(
      client.id,
      withEdits(client, {
        title: form.title,
        summary: form.summary,
        skills: form.skills,
        // A place left as shown is sent as stored; one typed is read by the service (Finnish or Swedish name, or code).
        municipality: sentPlace(form.municipality, shown.municipality, client.municipality),
        languages: list(form.languages),
        workingTime: form.workingTime,
        drivingLicence: form.drivingLicence || client.drivingLicence !== undefined ? form.drivingLicence : undefined,
        status: form.status,
        // An empty range is the default of the home municipality's type; a number the service checks (0–300).
        commuteKm: form.commuteKm.trim() !== '' ? Number(form.commuteKm) : undefined,
        wishedMunicipalities:
          form.wishedMunicipalities === shown.wishedMunicipalities ? client.wishedMunicipalities : list(form.wishedMunicipalities).length ? list(form.wishedMunicipalities) : undefined,
        wishedRegions: form.wishedRegions === shown.wishedRegions ? client.wishedRegions : list(form.wishedRegions).length ? list(form.wishedRegions) : undefined,
        // Not stored and not ticked: left unsaid, as before.
        willingToRelocate: form.willingToRelocate || client.willingToRelocate !== undefined ? form.willingToRelocate : undefined,
        unemployedSince: form.unemployedSince || undefined,
        paySubsidyEligible: eligibleOf(form.paySubsidyEligible),
        name: form.name || undefined,
        contact: contact.email || contact.phone ? JSON.parse(JSON.stringify(contact)) : undefined,
      }),
    );
  };
  const invalid = (field: string) => invalidField(error, field);
  return (
    <form class="profile" onSubmit={save}>
      <h2>{t('client.tab.profile')}</h2>
      <Field label={t('profile.title')} id="p-title">
        <input id="p-title" required value={form.title} onInput={set('title')} aria-invalid={invalid('title')} />
      </Field>
      <Field label={t('profile.summary')} id="p-summary">
        <textarea id="p-summary" required rows={5} value={form.summary} onInput={set('summary')} aria-invalid={invalid('summary')} />
      </Field>
      <SkillPicker id="p-skills" label={t('profile.skills')} skills={form.skills} onChange={(skills) => edit({ ...form, skills })} />
      <Field label={t('common.municipality')} id="p-municipality" hint={t('profile.municipalityHint')}>
        <input id="p-municipality" required value={form.municipality} onInput={set('municipality')} aria-invalid={invalid('municipality')} />
      </Field>
      <Field label={t('profile.commuteKm')} id="p-commute" hint={t('profile.commuteKmHint')}>
        <input id="p-commute" type="number" min={0} max={300} step={1} inputMode="numeric" value={form.commuteKm} onInput={set('commuteKm')} aria-invalid={invalid('commuteKm')} />
      </Field>
      <Field label={t('profile.wishedMunicipalities')} id="p-wished-municipalities" hint={t('profile.wishedHint')}>
        <input id="p-wished-municipalities" value={form.wishedMunicipalities} onInput={set('wishedMunicipalities')} aria-invalid={invalid('wishedMunicipalities')} />
      </Field>
      <Field label={t('profile.wishedRegions')} id="p-wished-regions" hint={t('profile.wishedHint')}>
        <input id="p-wished-regions" value={form.wishedRegions} onInput={set('wishedRegions')} aria-invalid={invalid('wishedRegions')} />
      </Field>
      <div class="field checkbox">
        <input id="p-relocate" type="checkbox" checked={form.willingToRelocate} onChange={set('willingToRelocate')} />
        <label for="p-relocate">{t('profile.relocate')}</label>
      </div>
      <Field label={t('profile.languages')} id="p-languages" hint={t('profile.languagesHint')}>
        <input id="p-languages" value={form.languages} onInput={set('languages')} />
      </Field>
      <Choice id="p-working" label={t('profile.workingTime')} value={form.workingTime} values={['any', 'full', 'part']} prefix="workingTime" onChange={set('workingTime')} />
      <div class="field checkbox">
        <input id="p-licence" type="checkbox" checked={form.drivingLicence} onChange={set('drivingLicence')} />
        <label for="p-licence">{t('profile.licence')}</label>
      </div>
      <Choice id="p-status" label={t('common.status')} value={form.status} values={['active', 'inactive']} prefix="status" onChange={set('status')} />
      <Field label={t('profile.unemployedSince')} id="p-since">
        <input id="p-since" type="date" value={form.unemployedSince} onInput={set('unemployedSince')} aria-invalid={invalid('unemployedSince')} />
      </Field>
      <PaySubsidyField
        value={form.paySubsidyEligible}
        unemployedSince={form.unemployedSince || undefined}
        invalid={invalid('paySubsidyEligible')}
        onChange={(paySubsidyEligible) => edit({ ...form, paySubsidyEligible })}
      />
      <Field label={t('common.name')} id="p-name">
        <input id="p-name" value={form.name} onInput={set('name')} autocomplete="off" />
      </Field>
      <Field label={t('profile.email')} id="p-email">
        <input id="p-email" type="email" value={form.email} onInput={set('email')} autocomplete="off" />
      </Field>
      <Field label={t('profile.phone')} id="p-phone">
        <input id="p-phone" type="tel" value={form.phone} onInput={set('phone')} autocomplete="off" />
      </Field>
      <SaveRefusal outcome={saver.outcome} busy={saver.busy} onReload={onReload} onOverwrite={saver.overwrite} />
      <SaveBar saved={saved && !dirty} error={error} dirty={dirty} busy={saver.busy} />
    </form>
  );
}

function ReferralsTab({ id }: { id: string }) {
  // Each referral by its training's name and provider (T-0152 says nothing to a counsellor); the id when it is gone.
  const referrals = useLoad(async () => {
    const { items } = await api<ReferralList>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/referrals`);
    const ids = [...new Set(items.map((x) => x.trainingId))];
    const found = await Promise.all(
      ids.map((trainingId) => api<StoredTraining>('GET', `/v1/trainings/${encodeURIComponent(trainingId)}`).catch(() => undefined)),
    );
    const names = new Map(found.flatMap((tr) => (tr ? [[tr.id, `${tr.title} — ${tr.provider}`] as const] : [])));
    return { items: items.map((x) => ({ ...x, training: names.get(x.trainingId) })) };
  }, [id]);
  return (
    <>
      <h2>{t('client.tab.referrals')}</h2>
      <Loaded state={referrals}>
        {(r) =>
          r.items.length === 0 ? (
            <Empty>{t('referrals.none')}</Empty>
          ) : (
            <table>
              <caption class="visually-hidden">{t('client.tab.referrals')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.when')}</th>
                  <th scope="col">{t('referrals.training')}</th>
                  <th scope="col">{t('referrals.counsellor')}</th>
                  <th scope="col">{t('referrals.reason')}</th>
                  <th scope="col">{t('referrals.state')}</th>
                  <th scope="col">{t('referrals.next')}</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((x) => (
                  <tr key={x.id}>
                    <td>{dateTime(x.at)}</td>
                    <td>{x.training ?? <code>{x.trainingId}</code>}</td>
                    <td>{x.counsellor}</td>
                    <td>{x.reason ?? '–'}</td>
                    <td>
                      <ReferralHistory referral={x} />
                    </td>
                    <td>
                      {/* A new version starts the step afresh: no note or refusal of the version before. */}
                      <ReferralStep key={`${x.id}:${x.version}`} referral={x} training={x.training ?? x.trainingId} onChanged={referrals.reload} />
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

/** A referral's state, and each change: the day it happened, who recorded it, the note. */
function ReferralHistory({ referral }: { referral: Referral }) {
  return (
    <>
      <strong>{t(`referralState.${referral.state}`)}</strong>
      <details>
        <summary>{t('referrals.history', { n: referral.history.length })}</summary>
        <ol class="history">
          {referral.history.map((e) => (
            <li>
              {date(e.on)} {t(`referralState.${e.state}`)} — {e.by}
              {e.note ? `: ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}

/** Buttons for the states that may follow (a note with it; required to say why a client declined), sent with the version read. */
function ReferralStep({ referral, training, onChanged }: { referral: Referral; training: string; onChanged: () => void }) {
  const next = NEXT_REFERRAL_STATES[referral.state];
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (next.length === 0) return <span class="muted">{t('referrals.final')}</span>;
  const change = async (state: SettableReferralState) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/v1/referrals/${referral.id}/state`, { state, version: referral.version, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const noteId = `referral-note-${referral.id}`;
  return (
    <div class="referral-step">
      <label for={noteId}>{t('referrals.note')}</label>
      <input id={noteId} type="text" value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} aria-invalid={invalidField(error, 'note')} />
      <div role="group" aria-label={t('referrals.stepsFor', { training })}>
        {next.map((state) => (
          <button type="button" disabled={busy} onClick={() => change(state)}>
            {t(`referralStep.${state}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={error} />
      {error instanceof ApiError && (error.status === 409 || error.status === 412) ? (
        <button type="button" onClick={onChanged}>
          {t('referrals.reload')}
        </button>
      ) : null}
    </div>
  );
}
