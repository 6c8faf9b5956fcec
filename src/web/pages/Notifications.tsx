import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { api, type Me } from '../api';
import { Empty, ErrorBox, Loaded, useLoad } from '../components/ui';
import { dateTime, plural, t } from '../i18n';
import { href, route } from '../router';
import type { Notification, NotificationList } from '../../core/notifications/schema';

/** Unread notifications, as the header's link shows them (set by the link's loads and by this page). */
const unread = signal<number | undefined>(undefined);

/** The header's link to the notifications, with how many are unread; counted again on every page change. */
export function NotificationsLink() {
  useEffect(() => {
    api<NotificationList>('GET', '/v1/notifications').then(
      (l) => (unread.value = l.unread),
      () => (unread.value = undefined),
    );
  }, [route.value]);
  return (
    <a href={href('/notifications')} aria-current={route.value.startsWith('/notifications') ? 'page' : undefined}>
      {unread.value ? plural('notifications.link', unread.value) : t('notifications.title')}
    </a>
  );
}

/** What happened, in a sentence in the page's language, and where to see it. */
function said(n: Notification, me: Me): { text: string; to: string } {
  const who = n.name ?? n.jobseekerId;
  const vacancy = n.vacancyTitle ?? n.vacancyId;
  const toClient = `/clients/${n.jobseekerId}?tab=suggestions`;
  const toVacancy = `/vacancies/${n.vacancyId}`;
  if (n.kind === 'state-changed') return { text: t('notifications.stateChanged', { by: n.by ?? '–', state: t(`suggestionState.${n.state ?? 'suggested'}`), who, vacancy }), to: toClient };
  if (n.kind === 'shared') return { text: t('notifications.shared', { who, vacancy }), to: toVacancy };
  return { text: t('notifications.deadlinePassed', { who, vacancy }), to: me.role === 'employer-service' ? toVacancy : toClient };
}

/** The caller's notifications, newest first, the unread marked; "mark all read". */
export function NotificationsPage({ me }: { me: Me }) {
  const list = useLoad(() => api<NotificationList>('GET', '/v1/notifications'), []);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (list.data) unread.value = list.data.unread;
  }, [list.data]);
  const markRead = async (newest: string) => {
    setError(undefined);
    try {
      const after = await api<NotificationList>('POST', '/v1/notifications/seen', { until: newest });
      unread.value = after.unread;
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      <ErrorBox error={error} />
      <Loaded state={list}>
        {(l) =>
          l.items.length === 0 ? (
            <Empty>{t('notifications.none')}</Empty>
          ) : (
            <>
              <p role="status">{t('notifications.unread', { n: l.unread })}</p>
              {l.unread > 0 && (
                <button type="button" onClick={() => markRead(l.items[0]!.at)}>
                  {t('notifications.markRead')}
                </button>
              )}
              <ul class="notifications">
                {l.items.map((n) => {
                  const { text, to } = said(n, me);
                  return (
                    <li key={n.id} class={n.unread ? 'unread' : undefined}>
                      {n.unread && <span class="badge ok">{t('notifications.new')}</span>} <time dateTime={n.at}>{dateTime(n.at)}</time> — <a href={href(to)}>{text}</a>
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
