import { useState } from 'preact/hooks';
import { api, ApiError, query, type Hit } from '../../api';
import { ErrorBox, Loaded, useLoad } from '../../components/ui';
import { lang, t } from '../../i18n';
import type { MatchResponse } from '../../../core/matches/schema';
import type { PersonExplanation } from '../../../core/oversight/schema';
import type { ClientShares } from '../../../core/privacy/schema';
import { ByStanding } from '../../components/ByStanding';
import { HitActions, type HitActionsState } from './HitActions';
import { MatchFilter, NO_MATCH_FILTER } from './MatchFilter';
import { CurrentShares } from './Shares';

/** The client's vacancies by standing, with the client's shares above them and what a counsellor does with each hit. */
export function MatchesTab({ id, eligible }: { id: string; eligible: boolean }) {
  const [filter, setFilter] = useState(NO_MATCH_FILTER);
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
  const [explained, setExplained] = useState<Record<string, string[]>>({});
  const [settingAside, setSettingAside] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [noUnit, setNoUnit] = useState<Record<string, boolean>>({});
  const [ended, setEnded] = useState<Record<string, boolean>>({});
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
  const actions: HitActionsState = {
    clientId: id,
    sharedUntil: (vacancyId) => shares.data?.items.find((s) => s.vacancyId === vacancyId)?.expiresAt,
    noUnit,
    ended,
    explained,
    settingAside,
    reason,
    setReason,
    startSetAside: (hit) => (setSettingAside(hit.id), setReason('')),
    /** A counsellor's override: the vacancy is no longer suggested to this client; the reason is kept. */
    setAside: async (e: Event, hit: Hit) => {
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
    },
    /** The client's own explanation of a suggestion, in the language of the page. */
    explain: async (hit: Hit) => {
      setError(undefined);
      try {
        const r = await api<PersonExplanation>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/matches/${encodeURIComponent(hit.id)}/explanation${query({ lang: lang.value })}`);
        setExplained({ ...explained, [hit.id]: r.sentences });
      } catch (e) {
        setError(e);
      }
    },
    share: async (hit: Hit) => {
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
    },
    unshare,
  };
  return (
    <>
      <h2>{t('client.tab.matches')}</h2>
      <MatchFilter eligible={eligible} onShow={setFilter} />
      <ErrorBox error={error} />
      <CurrentShares state={shares} unshare={unshare} endedHere={Object.values(ended).some(Boolean)} />
      <Loaded state={matches}>{(m) => <ByStanding hits={m.hits} texts="matches.group" link={(hit) => `/vacancies/${hit.id}`} action={(hit) => <HitActions hit={hit} state={actions} />} />}</Loaded>
    </>
  );
}
