import type { Hit } from '../../api';
import { Field } from '../../components/ui';
import { date, t } from '../../i18n';
import { SuggestVacancy } from './Suggestions';

/** What the match list knows of each hit and does with it (kept by MatchesTab across reloads of the list). */
export type HitActionsState = {
  clientId: string;
  /** When the client's share with the vacancy's unit ends; none when not shared. */
  sharedUntil: (vacancyId: string) => string | undefined;
  /** The vacancy has no employer-services unit to share with (from a job feed). */
  noUnit: Record<string, boolean>;
  /** A share ended here (the client withdrew consent). */
  ended: Record<string, boolean>;
  /** The client's own explanation of each hit asked for. */
  explained: Record<string, string[]>;
  /** The hit whose set-aside reason is being written (one at a time), and the reason. */
  settingAside?: string;
  reason: string;
  share: (hit: Hit) => void;
  unshare: (vacancyId: string) => void;
  explain: (hit: Hit) => void;
  startSetAside: (hit: Hit) => void;
  setReason: (reason: string) => void;
  setAside: (e: Event, hit: Hit) => void;
};

/** A hit's actions: suggest it, share the client with its unit (or end the share), the client's explanation, set it aside with a reason. */
export function HitActions({ hit, state: s }: { hit: Hit; state: HitActionsState }) {
  const sharedUntil = s.sharedUntil(hit.id);
  return (
    <>
      <SuggestVacancy clientId={s.clientId} hit={hit} />{' '}
      {sharedUntil ? (
        <>
          <p role="status">{t('matches.sharedUntil', { date: date(sharedUntil) })}</p>
          <button type="button" onClick={() => s.unshare(hit.id)}>
            {t('matches.unshare', { title: hit.title })}
          </button>
        </>
      ) : s.noUnit[hit.id] ? (
        <p role="status">{t('matches.shareNoUnit')}</p>
      ) : (
        <>
          {s.ended[hit.id] && <p role="status">{t('matches.unshared')}</p>}
          <button type="button" onClick={() => s.share(hit)}>
            {t('matches.share', { title: hit.title })}
          </button>
        </>
      )}{' '}
      {s.explained[hit.id] ? (
        <div class="explanation" aria-live="polite">
          <h4>{t('matches.explanation')}</h4>
          {s.explained[hit.id]!.map((sentence) => (
            <p>{sentence}</p>
          ))}
        </div>
      ) : (
        <button type="button" onClick={() => s.explain(hit)}>
          {t('matches.explain', { title: hit.title })}
        </button>
      )}{' '}
      {hit.counsellorOverride ? (
        <p class="badge">{t('matches.putForward', { reason: hit.counsellorOverride.reason })}</p>
      ) : s.settingAside === hit.id ? (
        <form class="search" onSubmit={(e) => s.setAside(e, hit)}>
          <Field label={t('matches.setAsideReason')} id={`reason-${hit.id}`}>
            <input id={`reason-${hit.id}`} required minLength={10} value={s.reason} onInput={(e) => s.setReason(e.currentTarget.value)} />
          </Field>
          <button type="submit">{t('matches.setAsideConfirm')}</button>
        </form>
      ) : (
        <button type="button" onClick={() => s.startSetAside(hit)}>
          {t('matches.setAside', { title: hit.title })}
        </button>
      )}
    </>
  );
}
