import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { Empty, ErrorBox, invalidField, Loaded, useLoad } from '../../components/ui';
import { Written, writtenText } from '../../components/Written';
import { date, dateTime, t } from '../../i18n';
import type { Referral, ReferralList } from '../../../core/referrals/schema';
import { NEXT_REFERRAL_STATES, type SettableReferralState } from '../../../core/referrals/states';
import type { StoredTraining } from '../../../core/trainings/schema';

/** The client's referrals to training: by the training's name, each with its history and the steps that may follow. */

export function ReferralsTab({ id }: { id: string }) {
  // Each referral by its training's name and provider (T-0152 says nothing to a counsellor); the id when it is gone.
  const referrals = useLoad(async () => {
    const { items } = await api<ReferralList>('GET', `/v1/jobseekers/${encodeURIComponent(id)}/referrals`);
    const ids = [...new Set(items.map((x) => x.trainingId))];
    const found = await Promise.all(
      ids.map((trainingId) => api<StoredTraining>('GET', `/v1/trainings/${encodeURIComponent(trainingId)}`).catch(() => undefined)),
    );
    // Its name is in the language it is given in (the catalogue names each training once): marked when not the page's.
    const names = new Map(found.flatMap((tr) => (tr ? [[tr.id, { title: tr.title, provider: tr.provider, language: tr.language }] as const] : [])));
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
                    <td>
                      {x.training ? (
                        <>
                          <Written text={x.training.title} lang={x.training.language} /> — {x.training.provider}
                        </>
                      ) : (
                        <code>{x.trainingId}</code>
                      )}
                    </td>
                    <td>{x.counsellor}</td>
                    <td>{x.reason ?? '–'}</td>
                    <td>
                      <ReferralHistory referral={x} />
                    </td>
                    <td>
                      {/* A new version starts the step afresh: no note or refusal of the version before. */}
                      <ReferralStep key={`${x.id}:${x.version}`} referral={x} training={x.training ? `${writtenText(x.training.title, x.training.language)} — ${x.training.provider}` : x.trainingId} onChanged={referrals.reload} />
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
