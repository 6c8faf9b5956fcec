import { Fragment } from 'preact';
import { lang, LANGS, t } from '../i18n';

/** The language to mark words in: theirs, when it is another of the app's languages than the page's. */
export const otherLanguage = (written: string | undefined): string | undefined =>
  written && written !== lang.value && LANGS.some((l) => l === written) ? written : undefined;

/** Words as a plain string (an aria-label, a button's name), their language said after them when it is not the page's. */
export const writtenText = (text: string, written: string | undefined): string => {
  const other = otherLanguage(written);
  return other ? `${text} (${t(`skills.written.${other}`)})` : text;
};

/**
 * Words in the language they are written in: in the page's language as they are; in another, marked
 * with their `lang` (a screen reader reads them in it) and the language after them, "(på finska)", as the
 * app marks a chip, an occupation or a training name that is not in the page's language. `strong`:
 * the words in bold (a training's name in a list), the language after them not.
 */
export function Written({ text, lang: written, strong = false }: { text: string; lang?: string | undefined; strong?: boolean }) {
  const other = otherLanguage(written);
  if (!other) return strong ? <strong>{text}</strong> : <>{text}</>;
  return (
    <>
      {strong ? <strong lang={other}>{text}</strong> : <span lang={other}>{text}</span>}
      <span class="muted"> ({t(`skills.written.${other}`)})</span>
    </>
  );
}

/** Words, each as Written, joined with commas; "–" for none. */
export function WrittenList({ items }: { items: readonly { text: string; lang?: string | undefined }[] }) {
  if (items.length === 0) return <>–</>;
  return (
    <>
      {items.map((item, i) => (
        <Fragment key={`${i}:${item.text}`}>
          {i > 0 && ', '}
          <Written text={item.text} lang={item.lang} />
        </Fragment>
      ))}
    </>
  );
}
