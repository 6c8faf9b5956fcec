import { isIP } from 'node:net';

/** What fastify's `trustProxy` accepts from KOHTAANTO_TRUST_PROXY: no trust, every hop, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for address ranges (fastify resolves them). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrCidr = (entry: string): boolean => {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // proxy-addr also takes a netmask after an IPv4 address (10.0.0.0/255.0.0.0)
  if (family === 4 && isIP(prefix) === 4) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

/**
 * KOHTAANTO_TRUST_PROXY: `false` (the default: X-Forwarded-For is ignored, the address is the
 * socket's), `true` (every hop: only when nothing but the proxy can reach the service), a hop count
 * (`1`: one proxy in front), or comma-separated proxy addresses / CIDRs. A string that is none of
 * these is an error message.
 */
export function parseTrustProxy(value: string): TrustProxy | { error: string } {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no' || v === '0' || v === '') return false;
  if (v === 'true' || v === 'yes') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= 32 ? hops : { error: `a hop count is at most 32 (got ${value})` };
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length > 0) {
    return {
      error: `expected false, true, a hop count or comma-separated proxy addresses/CIDRs (or loopback, linklocal, uniquelocal); not an address: ${bad.map((b) => `'${b}'`).join(', ')}`,
    };
  }
  return entries;
}
