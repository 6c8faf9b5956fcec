import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { dateTime, t } from '../i18n';
import { ErrorBox, invalidField } from './ui';
import type { JobSuggestionView as Suggestion } from '../../core/job-suggestions/schema';
import { REASON_REQUIRED, type SettableState } from '../../core/job-suggestions/states';

/** A suggestion's state, and each change: when, to what, who (and in which role), why. */
export function SuggestionHistory({ suggestion }: { suggestion: Suggestion }) {
  return (
    <>
      <strong>{t(`suggestionState.${suggestion.state}`)}</strong>
      <details>
        <summary>{t('suggestions.history', { n: suggestion.history.length })}</summary>
        <ol class="history">
          {suggestion.history.map((e) => (
            <li>
              {dateTime(e.at)} {t(`suggestionState.${e.state}`)} — {e.by} ({t(`role.${e.role}`)})
              {e.reason ? `: ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}

/**
 * A button for each state the caller may set next, with a reason (required where the service asks
 * one), sent with the version read: a change someone made meanwhile is refused (412) with the
 * service's message, and the row can be shown as it is now.
 */
export function SuggestionStep({ suggestion, steps, label, onChanged }: { suggestion: Suggestion; steps: readonly SettableState[]; label: string; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (steps.length === 0) return <span class="muted">{t('suggestions.final')}</span>;
  const change = async (state: SettableState) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/v1/job-suggestions/${suggestion.id}/state`, { state, version: suggestion.version, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setReason('');
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reasonId = `suggestion-reason-${suggestion.id}`;
  const needsReason = steps.some((s) => REASON_REQUIRED.includes(s));
  return (
    <div class="referral-step">
      <label for={reasonId}>{t(needsReason ? 'suggestions.reasonDeclined' : 'suggestions.reason')}</label>
      <input id={reasonId} type="text" value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={invalidField(error, 'reason')} />
      <div role="group" aria-label={t('suggestions.stepsFor', { who: label })}>
        {steps.map((state) => (
          <button type="button" disabled={busy} onClick={() => change(state)}>
            {t(`suggestionStep.${state}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={error} />
      {error instanceof ApiError && (error.status === 409 || error.status === 412) ? (
        <button type="button" onClick={onChanged}>
          {t('suggestions.reload')}
        </button>
      ) : null}
    </div>
  );
}
