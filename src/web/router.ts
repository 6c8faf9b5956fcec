import { signal } from '@preact/signals';

/** The page shown: the part of the address after '#', e.g. "/clients/JS-1?tab=plan". */
const read = () => decodeURI(location.hash.slice(1)) || '/';
export const route = signal(read());

/**
 * Asked before the page changes (a form with unsaved changes): false keeps the page, and the
 * address goes back to it.
 */
let leaving: (() => boolean) | undefined;
export const guardLeaving = (ask: (() => boolean) | undefined) => {
  leaving = ask;
};

addEventListener('hashchange', () => {
  const next = read();
  if (next === route.value) return;
  if (leaving && !leaving()) {
    history.replaceState(history.state, '', `#${encodeURI(route.value)}`);
    return;
  }
  route.value = next;
});

export const go = (path: string) => {
  location.hash = path;
};

/** The path's parts and its query parameters. */
export function parse(path: string): { parts: string[]; params: URLSearchParams } {
  const [p = '/', q = ''] = path.split('?');
  return { parts: p.split('/').filter(Boolean), params: new URLSearchParams(q) };
}

export const href = (path: string) => `#${encodeURI(path)}`;
