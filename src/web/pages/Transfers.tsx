import { useState } from 'preact/hooks';
import { api, type Me } from '../api';
import { Empty, ErrorBox, Field, Loaded, useLoad } from '../components/ui';
import { dateTime, placeName, t } from '../i18n';
import { href } from '../router';
import type { EmploymentAreaList } from '../../core/analytics/schema';
import type { TransferView } from '../../core/transfers/schema';

/** Least length of a reason, as the service checks it (TRANSFER_REASON_MIN in core/transfers/schema.ts). */
const REASON_MIN = 10;

/**
 * A counsellor asks for a client of another employment area, saying why (the audit keeps it). The
 * service answers alike whether or not the id is anyone's: the page says the request was sent.
 */
export function TransferRequest({ id }: { id: string }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<TransferView>();
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setSent(await api<TransferView>('POST', `/v1/jobseekers/${encodeURIComponent(id)}/transfers`, { reason }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (sent) {
    return (
      <div class="notice" role="status">
        <p>{t('transfers.sent', { id, until: dateTime(sent.expiresAt) })}</p>
        <p>
          <a href={href('/transfers')}>{t('transfers.title')}</a>
        </p>
      </div>
    );
  }
  return (
    <form class="transfer-request" onSubmit={send} noValidate>
      <h2>{t('transfers.ask', { id })}</h2>
      <p>{t('transfers.askIntro')}</p>
      <Field label={t('transfers.reason')} id="transfer-reason" hint={t('transfers.reasonHint', { min: REASON_MIN })}>
        <textarea
          id="transfer-reason"
          rows={3}
          required
          minLength={REASON_MIN}
          value={reason}
          aria-describedby="transfer-reason-hint"
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" disabled={busy}>
        {t('transfers.send')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

/** Transfers asked of the counsellor's area (to approve or refuse) and by it (to follow or withdraw). */
export function TransfersPage({ me }: { me: Me }) {
  const transfers = useLoad(() => api<{ items: TransferView[] }>('GET', '/v1/transfers'), []);
  const areas = useLoad(() => api<EmploymentAreaList>('GET', '/v1/employment-areas'), []);
  const areaName = (id: string | null | undefined) => {
    const area = areas.data?.items.find((a) => a.id === id);
    return area ? placeName(area) : (id ?? '–');
  };
  const [error, setError] = useState<unknown>();
  const [refusing, setRefusing] = useState<number>();
  const [reason, setReason] = useState('');
  const act = async (method: string, path: string, body?: unknown) => {
    setError(undefined);
    try {
      await api(method, path, body);
      setRefusing(undefined);
      setReason('');
      transfers.reload();
    } catch (err) {
      setError(err);
    }
  };
  const incoming = (x: TransferView) => x.direction === 'incoming' || (me.role === 'admin' && x.status === 'pending');
  return (
    <section>
      <h1>{t('transfers.title')}</h1>
      <p>{t('transfers.intro')}</p>
      <ErrorBox error={error} />
      <Loaded state={transfers}>
        {(list) => (
          <>
            {(['incoming', 'outgoing'] as const).map((side) => {
              const items = list.items.filter((x) => (side === 'incoming' ? incoming(x) : !incoming(x)));
              return (
                <>
                  <h2>{t(`transfers.${side}`)}</h2>
                  {items.length === 0 ? (
                    <Empty>{t('transfers.none')}</Empty>
                  ) : (
                    <table>
                      <caption class="visually-hidden">{t(`transfers.${side}`)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('transfers.client')}</th>
                          <th scope="col">{t(side === 'incoming' ? 'transfers.askedBy' : 'transfers.status')}</th>
                          <th scope="col">{t('transfers.reason')}</th>
                          <th scope="col">{t('transfers.when')}</th>
                          <th scope="col">{t('transfers.actions')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((x) => (
                          <tr key={x.id}>
                            <td class="nowrap">
                              {side === 'incoming' || x.status === 'approved' ? <a href={href(`/clients/${x.jobseekerId}`)}>{x.jobseekerId}</a> : x.jobseekerId}
                            </td>
                            <td>
                              {side === 'incoming' ? (
                                <>
                                  {x.requester.name} ({areaName(x.toArea)})
                                  <br />
                                </>
                              ) : null}
                              <span class={`badge ${x.status === 'approved' ? 'ok' : x.status === 'refused' ? 'bad' : ''}`}>{t(`transferStatus.${x.status}`)}</span>
                              {x.refusal ? <span class="muted"> {x.refusal}</span> : null}
                            </td>
                            <td>{x.reason}</td>
                            <td>
                              {dateTime(x.requestedAt)}
                              <br />
                              <span class="muted">{t(x.status === 'approved' ? 'transfers.until' : 'transfers.lapses', { date: dateTime(x.expiresAt) })}</span>
                            </td>
                            <td>
                              {side === 'incoming' && x.status === 'pending' ? (
                                refusing === x.id ? (
                                  <form
                                    class="search"
                                    onSubmit={(e) => {
                                      e.preventDefault();
                                      void act('POST', `/v1/transfers/${x.id}/refuse`, { reason });
                                    }}
                                  >
                                    <Field label={t('transfers.refusalReason')} id={`refusal-${x.id}`}>
                                      <input id={`refusal-${x.id}`} required minLength={REASON_MIN} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                                    </Field>
                                    <button type="submit">{t('transfers.refuseConfirm')}</button>
                                  </form>
                                ) : (
                                  <>
                                    <button type="button" onClick={() => act('POST', `/v1/transfers/${x.id}/approve`, {})}>
                                      {t('transfers.approve', { id: x.jobseekerId })}
                                    </button>{' '}
                                    <button type="button" class="secondary" onClick={() => (setRefusing(x.id), setReason(''))}>
                                      {t('transfers.refuse', { id: x.jobseekerId })}
                                    </button>
                                  </>
                                )
                              ) : side === 'outgoing' && (x.status === 'pending' || x.status === 'approved') && (x.requester.name === me.name || me.role === 'admin') ? (
                                <button type="button" class="secondary" onClick={() => act('DELETE', `/v1/transfers/${x.id}`)}>
                                  {t(x.status === 'pending' ? 'transfers.withdraw' : 'transfers.end', { id: x.jobseekerId })}
                                </button>
                              ) : (
                                '–'
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </>
              );
            })}
          </>
        )}
      </Loaded>
    </section>
  );
}
