/**
 * Query parameters whose values the request log keeps: numbers, codes, enums, dates and record ids
 * (jobseeker ids are kept and replaced by `npm run logs:scrub` once the person is erased). Every
 * other parameter is written as `name=[redacted]`: free text (`q`, the client search of counsellors
 * by name or e-mail, and the taxonomy search, which is not personal but may be mistyped into),
 * credentials (`key=`, `token=`), and names no route takes (the log line is written before the
 * query is validated).
 */
const KEPT_PARAMS = new Set([
  'limit', 'after', 'k', 'lang', 'format', 'owner', 'municipality', 'region', 'area', 'within', 'failedGates', 'commute',
  'reach', 'vacancy', 'jobseeker', 'source', 'from', 'to', 'sample', 'asOf', 'occupationGroup', 'language',
  'candidates', 'skill', 'direction', 'status',
]);

const decodeName = (raw: string): string | undefined => {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

/** One `name=value` of a query string, as the log may keep it. */
function redactParam(param: string): string {
  if (param === '') return param;
  const eq = param.indexOf('=');
  const rawName = eq < 0 ? param : param.slice(0, eq);
  const name = decodeName(rawName);
  if (name !== undefined && KEPT_PARAMS.has(name)) return param;
  // A name that is itself free text (`?Mäkinen`) is not kept either.
  return /^[A-Za-z0-9_.-]{1,40}$/.test(rawName) ? `${rawName}=[redacted]` : '[redacted]';
}

/**
 * The URL as the log may keep it: the path, and the query string with every value but those of
 * KEPT_PARAMS replaced by "[redacted]" (`/v1/jobseekers?q=[redacted]&limit=20`).
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const hash = url.indexOf('#', at);
  const query = hash < 0 ? url.slice(at + 1) : url.slice(at + 1, hash);
  return `${url.slice(0, at)}?${query.split('&').map(redactParam).join('&')}`;
}

/**
 * Paths with a query string inside a free-text message (an error naming the request's URL); a
 * quote or backslash ends one (in a JSON line, `\"` closes the quoted URL).
 */
const URLS_IN_TEXT = /\/[^\s"'`\\?]*\?(?:[^\s"'`\\]|\\u[0-9a-fA-F]{4})*/g;
/** The same redaction applied to every URL with a query string in a message. */
export const redactText = (text: string) => text.replace(URLS_IN_TEXT, (url) => redactUrl(url));

/** pino serializer of requests for the service's log: method, redacted URL, caller address. */
export function requestLogSerializer(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) {
  return { method: req.method, url: redactUrl(req.url ?? ''), remoteAddress: req.ip ?? req.socket?.remoteAddress };
}

/** pino serializer of errors: message and stack with the URLs in them redacted. */
export function errorLogSerializer(err: unknown) {
  if (!(err instanceof Error)) return err;
  const out: Record<string, unknown> = { type: err.name, message: redactText(err.message) };
  if (err.stack) out.stack = redactText(err.stack);
  const code = 'code' in err ? err.code : undefined;
  if (code !== undefined) out.code = code;
  const statusCode = 'statusCode' in err ? err.statusCode : undefined;
  if (statusCode !== undefined) out.statusCode = statusCode;
  return out;
}

/**
 * The pino options of the service's log: requests and errors through the serializers above, and
 * every string logged as a message with its URLs redacted (fastify names the URL in some warnings).
 */
export function serviceLogOptions(level: string) {
  return {
    level,
    serializers: { req: requestLogSerializer, err: errorLogSerializer },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)));
      },
    },
  };
}

/** The `url` field of a JSON log line (pino), as JSON string content. */
const URL_FIELD = /("url":")((?:[^"\\]|\\.)*)(")/g;

/**
 * A line of a request log written before the redaction above existed (or by another logger), as
 * the service writes it now: the `url` field of a JSON line and every URL in the text redacted.
 */
export function redactLogLine(line: string): string {
  const fields = line.replace(URL_FIELD, (whole, open: string, body: string, close: string) => {
    let url: unknown;
    try {
      url = JSON.parse(`"${body}"`);
    } catch {
      return whole;
    }
    return typeof url === 'string' ? `${open}${JSON.stringify(redactUrl(url)).slice(1, -1)}${close}` : whole;
  });
  return redactText(fields);
}
