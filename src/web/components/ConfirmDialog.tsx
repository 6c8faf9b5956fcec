import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

/**
 * A modal question before an action that cannot be undone (revoking or rotating a key): the
 * browser's own <dialog>, so focus stays inside it and Escape cancels. `question` names what is acted on.
 */
export function ConfirmDialog({ title, question, confirm, onConfirm, onCancel }: { title: string; question: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-question" onCancel={onCancel}>
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-question">{question}</p>
      <div class="actions">
        <button type="button" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
