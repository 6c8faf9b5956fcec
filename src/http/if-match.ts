import type { FastifyRequest } from 'fastify';
import { changedMeanwhile, versionRequired } from '../core/errors.js';
import { versionsOf } from '../core/records.js';

/**
 * The one version an admin's change expects (If-Match: "<version>", the ETag of what they read):
 * without the header 428 version_required; `*`, junk or several versions name no one version and
 * are answered as a stale one (409 changed_meanwhile), nothing stored.
 */
export function expectedVersion(request: FastifyRequest, id: string): number {
  const header = request.headers['if-match'];
  if (header === undefined) throw versionRequired();
  const versions = versionsOf(Array.isArray(header) ? header.join(',') : header);
  if (versions === 'any' || versions.length !== 1) throw changedMeanwhile(id);
  return versions[0]!;
}

export const etag = (version: number) => `"${version}"`;
