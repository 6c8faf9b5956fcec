import { lang } from '../i18n';
import { Written } from './Written';

const folded = (s: string) => s.normalize('NFC').toLocaleLowerCase().trim();
/** A name's head: what comes before ESCO's qualifier ("svetsare" of "svetsare, manuell", "kokki" of "kokki (ravintola)"). */
const head = (s: string) => folded(s.split(/[,(]/)[0] ?? s);

/**
 * Whether a title already names the occupation by its label: the label, or the label's head, is in the
 * title ("Svetsare" names "svetsare, manuell", "Hitsaaja" names "hitsaaja, kaarihitsaus"), or the title's
 * head ends the label's (a compound or a longer name of the same work: "asentaja, teollisuuden
 * kunnossapito" names "koneasentaja, teollisuuskoneet ja -laitteet"). Words of another language do not
 * name a label of the page's ("Hitsaaja" and "svetsare"), so a title in another language gets its
 * occupation beside it, unless it is the same word ("Barista"), which would only repeat it.
 */
export function namesOccupation(title: string, occupation: string): boolean {
  const words = folded(title);
  const own = head(title);
  const label = head(occupation);
  return words.includes(folded(occupation)) || (label.length > 0 && words.includes(label)) || (own.length >= 4 && label.endsWith(own));
}

/**
 * A title as its writer wrote it (an employer's "Sairaanhoitaja" stays theirs), with the occupation the
 * service read it as, in the page's language, beside it when the title does not name it already:
 * "Sairaanhoitaja — sjuksköterska, grundutbildad" on a Swedish page; nothing more beside "Svetsare" on
 * a Swedish page or "Hitsaaja" on a Finnish one. An occupation the taxonomy has no label of in the
 * page's language is shown by the label it has, marked with its language.
 */
export function OccupationBeside({
  title,
  occupation,
  brackets = false,
}: {
  title: string;
  occupation?: { label: string; fallbackLanguage?: string | undefined } | undefined;
  /** In brackets, "Hitsaaja (welder)": where another dash is on the same line (a client's "name — title", the print view's "— employer"). */
  brackets?: boolean;
}) {
  if (!occupation || namesOccupation(title, occupation.label)) return null;
  const label = <Written text={occupation.label} lang={occupation.fallbackLanguage ?? lang.value} />;
  return <span class="occupation muted">{brackets ? <> ({label})</> : <> — {label}</>}</span>;
}
