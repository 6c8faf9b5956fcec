/** Query parameters that may carry credentials: never written to logs. */
const SECRET_PARAMS = /([?&](?:key|api_?key|token|access_token|secret|password)=)[^&#]*/gi;

/** The URL with credential-like query parameters replaced by "[redacted]". */
export const redactUrl = (url: string) => url.replace(SECRET_PARAMS, '$1[redacted]');

/** pino serializer of requests for the service's log: method, redacted URL, caller address. */
export function requestLogSerializer(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) {
  return { method: req.method, url: redactUrl(req.url ?? ''), remoteAddress: req.ip ?? req.socket?.remoteAddress };
}
