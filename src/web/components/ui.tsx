import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../i18n';

/**
 * How often a view asks again when the service answers that it is still preparing (503 with
 * Retry-After: a worker filling its concept index after start, KOHTAANTO_CONCEPT_WAIT_MS), and the
 * longest wait it takes from the answer: after that the error is shown.
 */
const PREPARING_TRIES = 5;
const PREPARING_MOST_SECONDS = 30;

/** The service said it is preparing, and when to ask again. */
export interface Preparing {
  seconds: number;
  attempt: number;
}

/** A view's data, loading, or why not. */
interface LoadState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** Set while waiting to ask again a service that is still preparing. */
  preparing?: Preparing;
}

const stillPreparing = (error: unknown): error is ApiError & { retryAfter: number } => error instanceof ApiError && error.status === 503 && error.retryAfter !== undefined;

/**
 * Asks the service, and while it answers that it is still preparing (503 with Retry-After) asks again
 * after the time it names, at most PREPARING_TRIES times, telling `waiting` each time it waits; the last
 * answer's error is thrown. Only for questions that change nothing (a GET, or a POST that computes, as
 * the training plan): asking again must be harmless. `live` false stops asking (the view is gone).
 */
export async function askUntilPrepared<T>(ask: () => Promise<T>, waiting: (preparing: Preparing) => void, live: () => boolean = () => true): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await ask();
    } catch (error) {
      if (!live() || !stillPreparing(error) || tried >= PREPARING_TRIES) throw error;
      const seconds = Math.min(Math.max(error.retryAfter, 1), PREPARING_MOST_SECONDS);
      waiting({ seconds, attempt: tried + 1 });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** That the service is still preparing and when the view asks again ("… (1/5)"). */
export const PreparingNote = ({ preparing }: { preparing: Preparing }) => (
  <p class="loading preparing" role="status" aria-live="polite">
    {t('common.preparing', { seconds: preparing.seconds, attempt: preparing.attempt, attempts: PREPARING_TRIES })}
  </p>
);

/**
 * Loads data for a view; `reload` fetches again. A service still preparing (503 with Retry-After) is
 * asked again after the time it names, at most PREPARING_TRIES times, the view saying so meanwhile.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): LoadState<T> & { reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined, preparing: undefined }));
    askUntilPrepared(
      load,
      (preparing) => setState((s) => ({ ...s, loading: true, preparing })),
      () => live,
    ).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export const Loading = () => (
  <p class="loading" role="status" aria-live="polite">
    {t('common.loading')}
  </p>
);

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;

/** A field the API names, as the form labels it in the user's language (the API's name when unknown). */
function fieldLabel(field: string): string {
  const label = t(`field.${field.replace(/\.\d+$/, '')}`);
  return label.startsWith('field.') ? field : label;
}

/** What the field takes, in the user's language (none when the app has no hint for it). */
function fieldHint(field: string): string | undefined {
  const hint = t(`hint.${field.replace(/\.\d+$/, '')}`);
  return hint.startsWith('hint.') ? undefined : hint;
}

/**
 * An API error in the user's language: the service answers in the page's language (the app sends
 * it as Accept-Language), from its one catalogue of messages; the fields it names with their labels.
 */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  // A code with a title of its own (409 changed_meanwhile is no "already exists"), else the status's.
  const byCode = e ? t(`error.code.${e.code}`) : '';
  const title = e ? (byCode.startsWith('error.') ? t(`error.${e.status}`, {}) : byCode) : t('error.network');
  return (
    <div class="error" role="alert">
      <strong>{title.startsWith('error.') ? t('error.other', { status: e?.status ?? 0 }) : title}</strong>
      {e && e.problems.length > 0 ? (
        <ul>
          {e.problems.map((p) => {
            const hint = fieldHint(p.field);
            return (
              <li>
                <strong>{fieldLabel(p.field)}</strong>
                {p.line ? ` (${t('error.line', { line: p.line })})` : ''}: {p.message}
                {hint && hint !== p.message ? <span class="muted"> — {hint}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{e?.message ?? t('error.networkDetail')}</p>
      )}
    </div>
  );
}

/** Shows loading (or that the service is preparing), error or the view of the loaded data. */
export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.loading && state.preparing) return <PreparingNote preparing={state.preparing} />;
  if (state.loading && state.data === undefined) return <Loading />;
  // While new data loads the old stays visible, marked busy (for assistive technology, and tests).
  return <div aria-busy={state.loading ? 'true' : 'false'}>{state.data !== undefined && children(state.data)}</div>;
}

/** A labelled form field. */
export function Field({ label, id, children, hint }: { label: string; id: string; children: ComponentChildren; hint?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}

/** A score (0..1) as a percentage with a bar; the bar is decoration, the number is the content. */
export const Score = ({ value, label }: { value: number | null; label?: string }) =>
  value === null ? (
    <span class="score unknown">–</span>
  ) : (
    <span class="score" title={label}>
      <span class="bar" aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      {Math.round(value * 100)} %
    </span>
  );

/** Whether the API refused this field (for aria-invalid). */
export const invalidField = (error: unknown, field: string) => error instanceof ApiError && error.problems.some((p) => p.field === field || p.field.startsWith(`${field}.`));

/** A form's save button with its outcome: "saved", or the error naming the fields. */
export function SaveBar({ saved, error, dirty, busy }: { saved: boolean; error: unknown; dirty?: boolean; busy?: boolean }) {
  return (
    <>
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      {dirty && <span class="badge">{t('edit.unsaved')}</span>}
      {saved && (
        <p role="status" class="badge ok">
          {t('common.saved')}
        </p>
      )}
      <ErrorBox error={error} />
    </>
  );
}

/** A labelled select of values whose labels are texts `${prefix}.${value}`. */
export function Choice({ id, label, value, values, prefix, onChange }: { id: string; label: string; value: string; values: string[]; prefix: string; onChange: (e: { currentTarget: HTMLSelectElement }) => void }) {
  return (
    <Field label={label} id={id}>
      <select id={id} value={value} onChange={onChange}>
        {values.map((v) => (
          <option value={v}>{t(`${prefix}.${v}`)}</option>
        ))}
      </select>
    </Field>
  );
}
