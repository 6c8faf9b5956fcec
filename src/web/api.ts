/** The service's API from the page: same origin, the session cookie, the CSRF token on changes. */
import type { FieldProblem as Problem } from '../core/errors';
import type { ErrorBody } from '../core/schemas/error-answer';
import { lang } from './i18n';

/** A field the service refused, and why (see src/core/errors.ts). */
export type { Problem };

/** An error answer of the API, shown with its message and fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    /** A 401 to a session that ended: why (timeout, revoked, ended), for the sign-in page. */
    readonly ended?: string,
    /** A 503 of a service still preparing (a worker filling its indexes after start): seconds to wait before asking again (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

let csrf = '';
/** Set at sign-in (and when the page finds its session again). */
export const setCsrf = (token: string) => {
  csrf = token;
};

/** Called when the session has ended, so that the app shows the sign-in. */
let onSignedOut: (ended?: string) => void = () => {};
export const whenSignedOut = (f: (ended?: string) => void) => {
  onSignedOut = f;
};

/**
 * Calls the service; its error texts come in the page's language. `extra` headers: e.g. `If-Match`
 * (a change of the version the page shows) or `If-None-Match: *` (a create).
 */
export async function api<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang.value, ...extra };
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const e = (parsed ?? {}) as Partial<ErrorBody>;
    const ended = response.headers.get('x-session-ended') ?? undefined;
    if (response.status === 401 && path !== '/v1/session') onSignedOut(ended);
    const retry = Number(response.headers.get('retry-after') ?? NaN);
    throw new ApiError(response.status, e.error ?? 'error', e.message ?? response.statusText, e.problems ?? [], ended, Number.isFinite(retry) && retry >= 0 ? retry : undefined);
  }
  return parsed as T;
}

/** A query string from the defined values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).flatMap(([k, v]): [string, string][] => (v === undefined || v === '' ? [] : [[k, String(v)]]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

export type { Role } from '../core/access';
/** Who is signed in, and the CSRF token of their session. */
export type { SignedIn as Me } from '../core/signin/schema';
/** A skill in a match explanation. */
export type { ExplainedSkill as Skill } from '../core/schemas/skills';
/** A hit of a match: a vacancy for a client, or a candidate for a vacancy. */
export type { MatchHit as Hit } from '../core/matches/schema';

/** A page of records, and the cursor of the next one. */
export type { RecordPage as Page } from '../core/schemas/records';
