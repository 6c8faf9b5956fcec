import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import { conflict, forbidden, invalidInput, KohtaantoError, rateLimited, said } from '../errors.js';
import type {
  AlertQuery,
  StoredTransfer,
  TransferAlerts,
  TransferExport,
  TransferListQuery,
  TransferRefusal,
  TransferRequest,
  TransferStatus,
  TransferView,
} from './schema.js';
import type { Clock } from '../clock.js';

/** What the transfer use cases store and read (src/adapters/sqlite/transfers.ts). */
export interface TransferStore {
  /**
   * Stores a request unless its key (`requesterKey`) made `limit.max` requests after `limit.since`
   * (its refused ids, see refuseIds, count as requests)
   * (then: `busy`, with when the oldest of them was made) or the area (`toArea`) has a pending request
   * of the client unexpired at `requestedAt` (then: `pending`, that request). The count, the check and
   * the insert are one write transaction: two requests at once cannot both pass.
   */
  addRequest(
    t: Omit<StoredTransfer, 'id'>,
    limit: { since: string; max: number },
  ): Promise<{ added: StoredTransfer } | { busy: { oldest: string | null } } | { pending: StoredTransfer }>;
  get(id: number): Promise<StoredTransfer | undefined>;
  /** Transfers asked of (`from`) or by (`to`) an area, or all (admins), newest first. */
  list(scope: { from?: string; to?: string; either?: string }): Promise<StoredTransfer[]>;
  /** Changes a transfer only if it still has status `from` (so that two deciders cannot both win). */
  update(id: number, from: StoredTransfer['status'], change: Partial<StoredTransfer>): Promise<boolean>;
  /** An approved transfer of this client to this area, unexpired at `now`. */
  active(jobseekerId: string, toArea: string, now: string): Promise<StoredTransfer | undefined>;
  approvedSince(since: string): Promise<StoredTransfer[]>;
  /**
   * Counts `refused` writes the key (`key.keyId`) made of ids another area's clients hold, at `at`,
   * against the same limit as its transfer requests: requests and refused ids together at most
   * `limit.max` after `limit.since`. Counts what still fits (`counted`); `admitted` is false when not
   * all did, or when the limit was reached already (also for `refused` 0: the question "may this key
   * still write ids its area does not hold?"), with when the oldest counted one was made. One write
   * transaction: two writes at once cannot both take the last place.
   */
  refuseIds(
    key: { keyId: string; name: string },
    at: string,
    refused: number,
    limit: { since: string; max: number },
  ): Promise<{ admitted: boolean; counted: number; oldest: string | null }>;
  /** Keys with more than `threshold` ids refused in one UTC day since `since`. */
  refusingKeys(since: string, threshold: number): Promise<{ keyId: string; name: string; day: string; refused: number }[]>;
  /** Keys with more than `threshold` requests in one UTC day since `since`. */
  busyRequesters(since: string, threshold: number): Promise<{ keyId: string; name: string; day: string; requests: number }[]>;
  ofJobseeker(jobseekerId: string): Promise<StoredTransfer[]>;
  forgetJobseeker(jobseekerId: string): Promise<void>;
}

export interface TransferPorts {
  store: TransferStore;
  /** The employment area of a stored client's home municipality; undefined when no client has the id. */
  clientArea(jobseekerId: string): string | undefined;
  /** Leaves an audit entry for an access to a client made under a transfer. */
  auditUse(p: Principal, t: StoredTransfer): void;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export interface TransferSettings {
  /** Days an approved transfer lets the requesting area read and change the client. */
  days: number;
  /** Days a request waits for a decision before it lapses. */
  requestDays: number;
  /** Requests one key may make in 24 hours. */
  requestsPerDay: number;
  /** More requests than this by one key in a day are an alert in the audit view. */
  alertPerDay: number;
  /** More writes refused because the id is another area's client than this by one key in a day are an alert in the audit view. */
  refusedIdsAlertPerDay: number;
}

const DAY_MS = 86_400_000;

const noTransfer = (id: number) => new KohtaantoError('not_found', `no transfer ${id} for your employment area`);

/**
 * Transfers of clients between employment areas, as a workflow: a counsellor asks for a client of
 * another area with a reason; a counsellor of the client's area (or an admin) approves or refuses;
 * only an approved transfer lets the requesting area read and change that one client, until it
 * expires or is withdrawn, or the client moves out of the area that approved it. Typically the
 * requesting counsellor records the client's new home municipality: then the client is simply theirs.
 */
export class Transfers {
  private readonly now: Clock;

  constructor(
    private readonly ports: TransferPorts,
    private readonly settings: TransferSettings,
  ) {
    this.now = ports.now;
  }

  /**
   * A counsellor asks for a client of another area. The answer does not tell whether the id is
   * anyone's: a request for an unknown id is accepted like any other and simply lapses.
   */
  async request(p: Principal, jobseekerId: string, input: TransferRequest, audit: AuditNote = unaudited()): Promise<TransferView> {
    audit.jobseekers.push(jobseekerId);
    const toArea = this.areaOf(p);
    const clientArea = this.ports.clientArea(jobseekerId);
    if (clientArea === toArea) {
      throw invalidInput([{ field: 'id', message: `jobseeker '${jobseekerId}' is already a client of your employment area: no transfer needed` }]);
    }
    const now = this.now();
    const iso = now.toISOString();
    const since = new Date(now.getTime() - DAY_MS).toISOString();
    const stored = await this.ports.store.addRequest(
      {
        jobseekerId,
        fromArea: clientArea ?? null,
        toArea,
        requesterKey: p.keyId,
        requesterName: p.name,
        reason: input.reason,
        status: 'pending',
        requestedAt: iso,
        expiresAt: new Date(now.getTime() + this.settings.requestDays * DAY_MS).toISOString(),
        decidedKey: null,
        decidedAt: null,
        refusal: null,
        withdrawnAt: null,
      },
      { since, max: this.settings.requestsPerDay },
    );
    if ('busy' in stored) {
      const wait = Math.max(1, Math.ceil((Date.parse(stored.busy.oldest ?? iso) + DAY_MS - now.getTime()) / 1000));
      throw rateLimited(`at most ${this.settings.requestsPerDay} transfer requests per 24 hours per key; retry in ${wait} s`, wait);
    }
    if ('pending' in stored) throw conflict(`your area already asked for jobseeker '${jobseekerId}': transfer ${stored.pending.id} waits for a decision`);
    const transfer = this.view(p, stored.added);
    audit.detail = { transfer: transfer.id, reason: transfer.reason };
    return transfer;
  }

  /**
   * A counsellor wrote clients under ids they may not write (`refused`: ids another area's clients
   * hold), or under ids their area does not hold yet (`refused` empty). Each refused id counts against
   * the key's daily limit of reaching for other areas' clients, with its transfer requests; once it is
   * spent, every write of an id the area does not hold is refused (429) until the oldest counted one
   * is 24 hours old — an unused id as another area's client, so that the refusal tells nothing either.
   * The refused ids go to the request's audit entry (the trail of each of those clients shows the try).
   */
  async refuseIds(p: Principal, refused: string[], audit: AuditNote = unaudited()): Promise<void> {
    const now = this.now();
    const iso = now.toISOString();
    const max = this.settings.requestsPerDay;
    const result = await this.ports.store.refuseIds({ keyId: p.keyId, name: p.name }, iso, refused.length, {
      since: new Date(now.getTime() - DAY_MS).toISOString(),
      max,
    });
    if (refused.length > 0) {
      audit.jobseekers.push(...refused.filter((id) => !audit.jobseekers.includes(id)));
      audit.detail = { refusedIds: refused.length, counted: result.counted };
    }
    if (!result.admitted) {
      const wait = Math.max(1, Math.ceil((Date.parse(result.oldest ?? iso) + DAY_MS - now.getTime()) / 1000));
      throw Object.assign(said('other_areas_per_day', { limit: max, wait }), { retryAfterSeconds: wait });
    }
  }

  /** Transfers asked of the caller's area (incoming) and by it (outgoing); admins see all. */
  async list(p: Principal, query: TransferListQuery): Promise<TransferView[]> {
    let rows: StoredTransfer[];
    if (p.role === 'admin') rows = await this.ports.store.list({});
    else {
      const area = this.areaOf(p);
      rows = await this.ports.store.list(query.direction === 'incoming' ? { from: area } : query.direction === 'outgoing' ? { to: area } : { either: area });
    }
    const views = rows.map((t) => this.view(p, t));
    return query.status ? views.filter((v) => v.status === query.status) : views;
  }

  /** One transfer, if the caller's area is one of its two sides (or the caller is an admin). */
  async get(p: Principal, id: number): Promise<TransferView> {
    return this.view(p, await this.visible(p, id));
  }

  /** A counsellor of the client's area, or an admin, lets the requesting area reach the client. */
  async approve(p: Principal, id: number, audit: AuditNote = unaudited()): Promise<TransferView> {
    const t = await this.decidable(p, id);
    const now = this.now();
    const changed = await this.ports.store.update(id, 'pending', {
      status: 'approved',
      decidedKey: p.keyId,
      decidedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.days * DAY_MS).toISOString(),
    });
    if (!changed) throw this.notPending((await this.ports.store.get(id)) ?? t);
    const transfer = this.view(p, (await this.ports.store.get(id))!);
    audit.jobseekers.push(transfer.jobseekerId);
    audit.detail = { transfer: transfer.id, approved: true, toArea: transfer.toArea, expiresAt: transfer.expiresAt };
    return transfer;
  }

  /** A counsellor of the client's area, or an admin, refuses, saying why. */
  async refuse(p: Principal, id: number, input: TransferRefusal, audit: AuditNote = unaudited()): Promise<TransferView> {
    const t = await this.decidable(p, id);
    const changed = await this.ports.store.update(id, 'pending', {
      status: 'refused',
      decidedKey: p.keyId,
      decidedAt: this.now().toISOString(),
      refusal: input.reason,
    });
    if (!changed) throw this.notPending((await this.ports.store.get(id)) ?? t);
    const transfer = this.view(p, (await this.ports.store.get(id))!);
    audit.jobseekers.push(transfer.jobseekerId);
    audit.detail = { transfer: transfer.id, refused: transfer.refusal };
    return transfer;
  }

  /** The requester (or an admin) withdraws a request, or ends an approved transfer early. */
  async withdraw(p: Principal, id: number, audit: AuditNote = unaudited()): Promise<TransferView> {
    const t = await this.visible(p, id);
    if (p.role !== 'admin' && t.requesterKey !== p.keyId) {
      throw forbidden(`transfer ${id} was asked for by ${t.requesterName}: only they (or an admin) withdraw it`);
    }
    const status = this.statusOf(t);
    if (status !== 'pending' && status !== 'approved') throw conflict(`transfer ${id} is ${status}: nothing to withdraw`);
    if (!(await this.ports.store.update(id, t.status, { status: 'withdrawn', withdrawnAt: this.now().toISOString() }))) {
      throw conflict(`transfer ${id} changed meanwhile: ask again`);
    }
    const transfer = this.view(p, (await this.ports.store.get(id))!);
    audit.jobseekers.push(transfer.jobseekerId);
    audit.detail = { transfer: transfer.id, withdrawn: true };
    return transfer;
  }

  /**
   * Whether an approved transfer lets this counsellor's area reach this client now (asked by the
   * guard for a client of another area). Each access made under a transfer is audited.
   */
  async admits(p: Principal, jobseekerId: string): Promise<boolean> {
    if (p.role !== 'counsellor' || !p.organisation.area) return false;
    const t = await this.ports.store.active(jobseekerId, p.organisation.area, this.now().toISOString());
    // The client moved out of the area that approved it: that area can no longer hand them over.
    if (!t || t.fromArea === null || this.ports.clientArea(jobseekerId) !== t.fromArea) return false;
    this.ports.auditUse(p, t);
    return true;
  }

  /** For a person's data export. */
  async ofJobseeker(jobseekerId: string): Promise<TransferExport[]> {
    return (await this.ports.store.ofJobseeker(jobseekerId)).map((t) => ({
      id: t.id,
      fromArea: t.fromArea,
      toArea: t.toArea,
      reason: t.reason,
      status: this.statusOf(t),
      requestedAt: t.requestedAt,
      decidedAt: t.decidedAt,
      expiresAt: t.expiresAt,
      refusal: t.refusal,
    }));
  }

  /** The audit view's alerts: every approved transfer, and counsellors asking for many in a day. */
  async alerts(query: AlertQuery): Promise<TransferAlerts> {
    const since = new Date(this.now().getTime() - query.days * DAY_MS).toISOString();
    return {
      since,
      approved: (await this.ports.store.approvedSince(since)).map((t) => ({
        transfer: t.id,
        jobseekerId: t.jobseekerId,
        fromArea: t.fromArea,
        toArea: t.toArea,
        requesterKey: t.requesterKey,
        approvedBy: t.decidedKey,
        approvedAt: t.decidedAt,
        expiresAt: t.expiresAt,
        withdrawnAt: t.withdrawnAt,
      })),
      busyRequesters: await this.ports.store.busyRequesters(since, this.settings.alertPerDay),
      refusedIds: await this.ports.store.refusingKeys(since, this.settings.refusedIdsAlertPerDay),
    };
  }

  /** A transfer the caller may decide: pending, asked of their area, and its client still lives there. */
  private async decidable(p: Principal, id: number): Promise<StoredTransfer> {
    const t = await this.visible(p, id);
    if (p.role !== 'admin') {
      if (t.requesterKey === p.keyId) throw forbidden(`transfer ${id} is your own request: a counsellor of the client's area decides it`);
      if (t.fromArea !== p.organisation.area) {
        throw forbidden(`transfer ${id} was asked by your area: a counsellor of the client's area (or an admin) decides it`);
      }
    }
    const status = this.statusOf(t);
    if (status !== 'pending') throw this.notPending(t);
    if (t.fromArea === null || this.ports.clientArea(t.jobseekerId) !== t.fromArea) {
      throw conflict(`jobseeker '${t.jobseekerId}' is no longer a client of the area asked (moved or erased): transfer ${id} lapses`);
    }
    return t;
  }

  /** A transfer whose either side is the caller's area; the same not-found for any other id. */
  private async visible(p: Principal, id: number): Promise<StoredTransfer> {
    const t = await this.ports.store.get(id);
    if (!t) throw noTransfer(id);
    if (p.role === 'admin') return t;
    const area = p.organisation.area;
    if (!area || (t.toArea !== area && t.fromArea !== area)) throw noTransfer(id);
    return t;
  }

  private notPending(t: StoredTransfer) {
    return conflict(`transfer ${t.id} is already ${this.statusOf(t)}: only a pending request is decided`);
  }

  private statusOf(t: StoredTransfer): TransferStatus {
    if ((t.status === 'pending' || t.status === 'approved') && t.expiresAt <= this.now().toISOString()) return 'expired';
    return t.status;
  }

  private areaOf(p: Principal): string {
    const area = p.organisation.area;
    if (p.role !== 'counsellor' || !area) throw forbidden('transfers are asked for by counsellors of an employment area');
    return area;
  }

  private view(p: Principal, t: StoredTransfer): TransferView {
    const direction = p.role === 'admin' ? 'other' : t.fromArea === p.organisation.area ? 'incoming' : 'outgoing';
    return {
      id: t.id,
      jobseekerId: t.jobseekerId,
      direction,
      ...(direction === 'outgoing' ? {} : { fromArea: t.fromArea }),
      toArea: t.toArea,
      requester: { keyId: t.requesterKey, name: t.requesterName },
      reason: t.reason,
      status: this.statusOf(t),
      requestedAt: t.requestedAt,
      expiresAt: t.expiresAt,
      decidedAt: t.decidedAt,
      refusal: t.refusal,
    };
  }
}
