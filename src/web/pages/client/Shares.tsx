import { Empty, Loaded } from '../../components/ui';
import { date, dateTime, t } from '../../i18n';
import { href } from '../../router';
import type { ClientShares } from '../../../core/privacy/schema';

/**
 * The client's current shares with employer-services units, each with its end button (the client
 * withdrew consent). A client shared with no one takes no room above the matches (at least five
 * hits fit a 1280×800 screen), unless a share was just ended here: then it says that none is left.
 */
export function CurrentShares({ state, unshare, endedHere }: { state: { data?: ClientShares; error?: unknown; loading: boolean }; unshare: (vacancyId: string) => void; endedHere: boolean }) {
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
