import { useState } from 'preact/hooks';
import { api, ApiError, query } from '../api';
import { OccupationBeside } from '../components/Occupation';
import { ErrorBox, Loaded, useLoad } from '../components/ui';
import { date, lang, t } from '../i18n';
import { loadPlaces } from '../places';
import { href } from '../router';
import { TransferRequest } from './Transfers';
import { SuggestionsTab } from './client/Suggestions';
import type { Me } from '../api';
import type { StoredJobseeker } from '../../core/jobseekers/schema';
import { GapPlan } from './client/GapPlan';
import { MatchesTab } from './client/Matches';
import { PrintOut } from './client/PrintOut';
import { ProfileTab } from './client/Profile';
import { ReferralsTab } from './client/Referrals';

type Client = StoredJobseeker;
const TABS = ['matches', 'suggestions', 'plan', 'profile', 'referrals'] as const;

/** A client: ranked vacancies with reasons, job suggestions and the obligation, the gap plan with referrals, the profile, referrals. */
export function ClientPage({ id, tab, print, me }: { id: string; tab: string; print: boolean; me: Me }) {
  // Its skills and occupations as concepts labelled in the page's language (the record keeps those of its own text's).
  const client = useLoad(() => api<Client>('GET', `/v1/jobseekers/${encodeURIComponent(id)}${query({ lang: lang.value })}`), [id, lang.value]);
  /** Municipalities and regions, for the profile's names in the page's language. */
  const places = useLoad(loadPlaces, []);
  /** The client just saved here (the profile form, started again from what is stored, says so). */
  const [saved, setSaved] = useState<string>();
  if (print) return <PrintOut id={id} client={client.data} />;
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
              {/* In brackets: the name's dash is before the title ("Sune Exempel — Hitsaaja (svetsare, manuell)"). */}
              <OccupationBeside title={c.title} occupation={c.normalized?.occupations[0]} brackets />
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
              <GapPlan id={id} />
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
