import { useEffect, useState } from 'preact/hooks';
import { fill, ERRORS } from '../../core/errors';
import { api, ApiError } from '../api';
import type { StoredJobseeker } from '../../core/jobseekers/schema';
import type { StoredVacancy } from '../../core/vacancies/schema';
import { date, dateTime, lang, t } from '../i18n';
import { guardLeaving, href } from '../router';

/** A stored record as the API gives it: its version is its ETag. */
export type Versioned = Pick<StoredVacancy | StoredJobseeker, 'id' | 'version'>;

/** Fields the service derives or keeps itself: never sent back. */
const DERIVED = ['normalized', 'region', 'createdAt', 'updatedAt', 'version'];

/**
 * The stored record as an input: every field the form does not show is sent back as it is stored,
 * so that an edit in the app keeps them (occupation, education level, remote work, …).
 */
export function editable(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !DERIVED.includes(k)));
}

/** The form's fields over the stored ones; a field set to undefined is left out (cleared). */
export const withEdits = (stored: object, edits: Record<string, unknown>) => {
  const merged = { ...editable(stored), ...edits };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
};

const etag = (record: Versioned) => `"${record.version ?? 0}"`;

/** Warns before leaving a form with unsaved changes: another page of the app, or the browser's tab. */
/**
 * A form's changes: `edit` replaces its values and marks it changed (unsaved); `set(field)` is an
 * input's handler for one field (a checkbox's state, else its text).
 */
export function formEdits<F extends object>(form: F, setForm: (next: F) => void, setDirty: (dirty: boolean) => void) {
  const edit = (next: F) => {
    setForm(next);
    setDirty(true);
  };
  const set = (field: keyof F) => (e: { currentTarget: { value: string; type?: string; checked?: boolean } }) => {
    const target = e.currentTarget;
    edit({ ...form, [field]: target.type === 'checkbox' ? target.checked : target.value });
  };
  return { edit, set };
}

export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = t('edit.leave'); // older browsers ask only when it is set
    };
    addEventListener('beforeunload', beforeUnload);
    guardLeaving(() => confirm(t('edit.leave')));
    return () => {
      removeEventListener('beforeunload', beforeUnload);
      guardLeaving(undefined);
    };
  }, [dirty]);
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'taken'; id: string; path: string }
  | { kind: 'conflict'; current: Record<string, unknown> & Versioned; mine: Record<string, unknown> };

/**
 * Saving a record with its version: a new one with `If-None-Match: *` (never replacing one that
 * exists), a change with `If-Match` (never overwriting someone else's change unknowingly). A
 * refusal becomes what the form shows: the existing record to open, or what changed meanwhile.
 */
export function useVersionedSave(options: { path: (id: string) => string; openPath: (id: string) => string; base?: Versioned; onSaved: (id: string) => void }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const put = async (id: string, body: Record<string, unknown>, condition: Record<string, string>) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', options.path(id), body, condition);
      setOutcome({ kind: 'none' });
      guardLeaving(undefined); // saved: moving on to the saved record asks nothing
      options.onSaved(id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'id_taken') setOutcome({ kind: 'taken', id, path: options.openPath(id) });
      else if (err instanceof ApiError && err.code === 'version_mismatch') {
        try {
          const current = await api<Record<string, unknown> & Versioned>('GET', options.path(id));
          setOutcome({ kind: 'conflict', current, mine: body });
        } catch (gone) {
          setError(gone);
        }
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return {
    outcome,
    error,
    busy,
    /** Saves the form: a create when there is no stored record, else a change of the version shown. */
    save: (id: string, body: Record<string, unknown>) => put(id, body, options.base ? { 'if-match': etag(options.base) } : { 'if-none-match': '*' }),
    /** After a conflict, knowingly: the person's edits over the version stored now. */
    overwrite: () => {
      if (outcome.kind !== 'conflict') return;
      void put(String(outcome.current.id), outcome.mine, { 'if-match': etag(outcome.current) });
    },
  };
}

/** A value as the conflict table shows it. */
function shown(v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (Array.isArray(v)) return v.length === 0 ? '–' : v.map((x) => (typeof x === 'object' ? Object.values(x ?? {}).join(' ') : String(x))).join(', ');
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${shown(x)}`).join('; ');
  // A date (unemployed since, deadline, expires) as the page writes dates, not as stored.
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v)) return date(v);
  return String(v);
}

const label = (field: string) => {
  const text = t(`field.${field}`);
  return text.startsWith('field.') ? field : text;
};

/** The fields whose stored value differs from the person's edit. */
export function differences(current: Record<string, unknown>, mine: Record<string, unknown>): string[] {
  const stored = editable(current);
  const keys = [...new Set([...Object.keys(stored), ...Object.keys(mine)])].filter((k) => k !== 'id');
  return keys.filter((k) => JSON.stringify(stored[k] ?? null) !== JSON.stringify(mine[k] ?? null));
}

/** A refused create (the id is taken) or a change someone else made first: what happened and what the person can do. */
export function SaveRefusal({ outcome, onReload, onOverwrite, busy }: { outcome: Outcome; onReload: () => void; onOverwrite: () => void; busy: boolean }) {
  if (outcome.kind === 'taken') {
    return (
      <div class="error" role="alert">
        <strong>{t('edit.taken.title')}</strong>
        <p>{fill(ERRORS.id_taken[lang.value], { id: outcome.id })}</p>
        <p>
          <a href={href(outcome.path)}>{t('edit.taken.open', { id: outcome.id })}</a>
        </p>
      </div>
    );
  }
  if (outcome.kind !== 'conflict') return null;
  const fields = differences(outcome.current, outcome.mine);
  const when = typeof outcome.current.updatedAt === 'string' ? outcome.current.updatedAt : undefined;
  return (
    <div class="error conflict" role="alert">
      <strong>{t('edit.conflict.title')}</strong>
      <p>{fill(ERRORS.version_mismatch[lang.value], { id: String(outcome.current.id) })}</p>
      {when && <p>{t('edit.conflict.when', { time: dateTime(when) })}</p>}
      {fields.length === 0 ? (
        <p>{t('edit.conflict.same')}</p>
      ) : (
        <table>
          <caption>{t('edit.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('edit.conflict.field')}</th>
              <th scope="col">{t('edit.conflict.stored')}</th>
              <th scope="col">{t('edit.conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr>
                <th scope="row">{label(f)}</th>
                <td>{shown(outcome.current[f])}</td>
                <td>{shown(outcome.mine[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="actions">
        <button type="button" onClick={onReload} disabled={busy}>
          {t('edit.conflict.reload')}
        </button>{' '}
        <button type="button" class="secondary" onClick={onOverwrite} disabled={busy}>
          {t('edit.conflict.overwrite')}
        </button>
      </p>
    </div>
  );
}
