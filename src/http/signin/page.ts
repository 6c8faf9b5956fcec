import { ERRORS, type Lang } from '../../core/errors.js';

const BACK: Record<Lang, string> = { fi: 'Takaisin kirjautumiseen', sv: 'Tillbaka till inloggningen', en: 'Back to sign-in' };
const TITLE: Record<Lang, string> = { fi: 'Kirjautuminen', sv: 'Inloggning', en: 'Sign-in' };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a refused or failed sign-in ends on: the reason in the person's language and a way back. */
export function signInProblemPage(code: 'signin_refused' | 'signin_failed' | 'signin_expired', lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kohtaanto — ${TITLE[lang]}</title></head>
<body>
<main>
<h1>Kohtaanto — ${TITLE[lang]}</h1>
<p role="alert" data-error="${code}">${escape(ERRORS[code][lang])}</p>
<p><a href="/">${BACK[lang]}</a></p>
</main>
</body>
</html>
`;
}

/**
 * After a successful sign-in the browser comes from the provider's site, and a SameSite=Strict
 * cookie is not sent on that cross-site navigation: this page moves on to the web app by a
 * navigation of its own (same-site), which sends the new session cookie.
 */
export function signedInPage(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Kohtaanto</title></head>
<body><p><a href="/">Kohtaanto</a></p></body></html>
`;
}
