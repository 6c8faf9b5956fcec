import { useEffect, useState } from 'preact/hooks';
import { parseDate } from '../dates';
import { date, lang, t } from '../i18n';

/**
 * A date field written as the page's language writes dates (7.12.2026; 7 Dec 2026 in English), not as
 * the browser's own date input does (its locale, e.g. 12/07/2026). `value` and `onValue` are ISO days
 * ("2026-12-07", "" for none); a text that is no date is passed on as typed, for the service to name the field.
 */
export function DateInput({
  id,
  value,
  onValue,
  invalid,
  describedBy,
}: {
  id: string;
  value: string;
  onValue: (iso: string) => void;
  invalid?: boolean | 'true' | 'false';
  describedBy?: string;
}) {
  const shown = (iso: string) => (iso ? date(iso) : '');
  const [text, setText] = useState(() => shown(value));
  // A value set from outside (a form started again, another language): shown in the page's form.
  useEffect(() => {
    if ((parseDate(text) ?? text.trim()) !== value) setText(shown(value));
  }, [value]);
  useEffect(() => {
    const iso = parseDate(text);
    if (iso) setText(shown(iso));
  }, [lang.value]);
  return (
    <input
      id={id}
      type="text"
      autocomplete="off"
      placeholder={t('date.placeholder')}
      value={text}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onInput={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onValue(typed.trim() ? (parseDate(typed) ?? typed.trim()) : '');
      }}
      onBlur={() => {
        const iso = parseDate(text);
        if (iso) setText(shown(iso));
      }}
    />
  );
}
