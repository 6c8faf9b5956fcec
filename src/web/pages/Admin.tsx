import { t } from '../i18n';
import { href } from '../router';
import { AuditTab } from './admin/Audit';
import { KeysTab } from './admin/Keys';
import { MappingsTab } from './admin/Mappings';
import { OrganisationsTab } from './admin/Organisations';
import { oneOf } from '../one-of';

/** The service's own names (made on first start, in English) in the user's language; others as given. */
export const organisationName = (id: string, name?: string) => (id === 'national' ? t('organisation.national') : (name ?? id));
export const keyHolder = (name: string) => (name.startsWith('initial admin') ? t('admin.initialAdmin') : name);

const TABS = ['organisations', 'mappings', 'keys', 'audit'] as const;

/** Admins: organisations, sign-in mappings, API keys and the audit trail. */
export function AdminPage({ tab }: { tab: string }) {
  const shown = oneOf(TABS, tab) ?? 'keys';
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.title')}>
        {TABS.map((name) => (
          <a href={href(`/admin?tab=${name}`)} aria-current={shown === name ? 'page' : undefined}>
            {t(`admin.tab.${name}`)}
          </a>
        ))}
      </nav>
      {shown === 'organisations' ? <OrganisationsTab /> : shown === 'mappings' ? <MappingsTab /> : shown === 'audit' ? <AuditTab /> : <KeysTab />}
    </section>
  );
}
