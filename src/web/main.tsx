import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, setCsrf, whenSignedOut, type Me, type Role } from './api';
import { ErrorBox, Loading } from './components/ui';
import { isLang } from '../core/languages';
import { lang, LANGS, setLang, t } from './i18n';
import { AdminPage, keyHolder, organisationName } from './pages/Admin';
import { ClientPage } from './pages/Client';
import { ClientsPage } from './pages/Clients';
import { NewClientPage } from './pages/NewClient';
import { NotificationsLink, NotificationsPage } from './pages/Notifications';
import { TransfersPage } from './pages/Transfers';
import { PlannerPage } from './pages/Planner';
import { VacanciesPage } from './pages/Vacancies';
import { VacancyPage } from './pages/Vacancy';
import { href, parse, route } from './router';
import './styles.css';
import type { SignedOut, SignInProviderList } from '../core/signin/schema';

/** Each page and the roles it is for; the API enforces the same and more. */
const PAGES: { path: string; roles: Role[]; nav?: string }[] = [
  { path: 'clients', roles: ['counsellor', 'admin'], nav: 'nav.clients' },
  { path: 'vacancies', roles: ['employer-service', 'counsellor', 'admin'], nav: 'nav.vacancies' },
  { path: 'transfers', roles: ['counsellor', 'admin'], nav: 'nav.transfers' },
  { path: 'planner', roles: ['planner', 'admin'], nav: 'nav.planner' },
  { path: 'admin', roles: ['admin'], nav: 'nav.admin' },
  // In the header with its unread count (NotificationsLink), not among the pages above.
  { path: 'notifications', roles: ['counsellor', 'employer-service', 'admin'] },
];
const HOME: Record<Role, string> = { counsellor: '/clients', 'employer-service': '/vacancies', planner: '/planner', admin: '/admin' };

/** Why the last session ended, as the service said (see SessionEnd in src/core/sessions.ts). */
const ENDED = ['timeout', 'revoked', 'ended'];

function SignIn({ onSignedIn, ended }: { onSignedIn: (me: Me) => void; ended?: string }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<SignInProviderList>([]);
  useEffect(() => {
    api<SignInProviderList>('GET', '/signin').then(setProviders, () => setProviders([]));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await api<Me>('POST', '/v1/session', { key: key.trim() });
      setKey('');
      onSignedIn(me);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>{t('signIn.title')}</h1>
      {ended && ENDED.includes(ended) && <p role="status">{t(`signIn.ended.${ended}`)}</p>}
      {providers.map((p) => (
        <p>
          <a class="button" href={`/signin/${encodeURIComponent(p.id)}?lang=${lang.value}`}>
            {t('signIn.with', { name: p.name })}
          </a>
        </p>
      ))}
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="key">{t('signIn.key')}</label>
          <input id="key" type="password" autocomplete="off" required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <ErrorBox error={error} />
    </main>
  );
}

function LanguageSwitch() {
  return (
    <div class="lang">
      <label for="lang">{t('lang.label')}</label>
      <select id="lang" value={lang.value} onChange={(e) => {
          const chosen = e.currentTarget.value;
          if (isLang(chosen)) setLang(chosen);
        }}>
        {LANGS.map((l) => (
          <option value={l}>{t(`lang.${l}`)}</option>
        ))}
      </select>
    </div>
  );
}

function Page({ me, path }: { me: Me; path: string }) {
  const { parts, params } = parse(path);
  const [first, second] = parts;
  if (!first) {
    location.hash = HOME[me.role];
    return <Loading />;
  }
  const page = PAGES.find((p) => p.path === first);
  if (!page) return <p>{t('page.notFound')}</p>;
  if (!page.roles.includes(me.role)) {
    return (
      <div class="error" role="alert">
        <strong>{t('page.refused')}</strong>
        <p>{t('page.refusedFor', { role: t(`role.${me.role}`) })}</p>
      </div>
    );
  }
  switch (first) {
    case 'clients':
      if (second === 'new') return <NewClientPage />;
      return second ? <ClientPage id={second} tab={params.get('tab') ?? 'matches'} print={parts[2] === 'print'} me={me} /> : <ClientsPage params={params} />;
    case 'vacancies':
      return second ? (
        <VacancyPage me={me} id={second === 'new' ? undefined : second} view={parts[2] === 'edit' ? 'edit' : parts[2] === 'read' ? 'read' : 'summary'} />
      ) : (
        <VacanciesPage me={me} params={params} />
      );
    case 'transfers':
      return <TransfersPage me={me} />;
    case 'planner':
      return <PlannerPage params={params} />;
    case 'notifications':
      return <NotificationsPage me={me} />;
    default:
      return <AdminPage tab={params.get('tab') ?? 'keys'} />;
  }
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState<string>();
  useEffect(() => {
    whenSignedOut((why) => {
      setEnded(why);
      setMe(null);
    });
    api<Me>('GET', '/v1/session').then(
      (found) => {
        setCsrf(found.csrf);
        setMe(found);
      },
      (error) => {
        setEnded(error instanceof ApiError ? error.ended : undefined);
        setMe(null);
      },
    );
  }, []);
  useEffect(() => {
    document.title = `Kohtaanto${me ? ` — ${t(`role.${me.role}`)}` : ''}`;
  }, [me, lang.value]);
  const signOut = async () => {
    const out = await api<SignedOut | undefined>('DELETE', '/v1/session').catch(() => undefined);
    setCsrf('');
    // Signed in with an identity provider: its session ends too, on its own page.
    if (out?.endSessionUrl) return location.assign(out.endSessionUrl);
    setMe(null);
    location.hash = '/';
  };
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('nav.skip')}
      </a>
      <header class="top">
        <span class="brand">Kohtaanto</span>
        {me && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {PAGES.filter((p) => p.roles.includes(me.role) && p.nav).map((p) => (
                <li>
                  <a href={href(`/${p.path}`)} aria-current={route.value.startsWith(`/${p.path}`) ? 'page' : undefined}>
                    {t(p.nav!)}
                  </a>
                </li>
              ))}
              {PAGES.find((p) => p.path === 'notifications')!.roles.includes(me.role) && (
                <li>
                  <NotificationsLink />
                </li>
              )}
            </ul>
          </nav>
        )}
        <LanguageSwitch />
        {me && (
          <div class="who">
            <span>
              {keyHolder(me.name)} · {t(`role.${me.role}`)} · {organisationName(me.organisation.id, me.organisation.name)}
            </span>
            <button type="button" onClick={signOut}>
              {t('signOut')}
            </button>
          </div>
        )}
      </header>
      {me === undefined ? (
        <main id="main" tabIndex={-1}>
          <Loading />
        </main>
      ) : me === null ? (
        <SignIn
          ended={ended}
          onSignedIn={(signedIn) => {
            setEnded(undefined);
            setCsrf(signedIn.csrf);
            setMe(signedIn);
            location.hash = HOME[signedIn.role];
          }}
        />
      ) : (
        <main id="main" tabIndex={-1}>
          <Page me={me} path={route.value} />
        </main>
      )}
    </>
  );
}

render(<App />, document.getElementById('app')!);
