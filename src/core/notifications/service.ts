import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import type { Clock } from '../clock.js';
import type { Guard } from '../guard.js';
import type { JobSuggestionState } from '../job-suggestions/states.js';
import type { Notification, NotificationList, NotificationsSeen } from './schema.js';

/** A state an employer unit set on a suggestion. */
export interface UnitChange {
  event: number;
  suggestion: number;
  jobseekerId: string;
  vacancyId: string;
  state: JobSuggestionState;
  at: string;
  by: string;
}
/** A client shared with a unit for one of its vacancies. */
export interface ShareMade {
  vacancyId: string;
  jobseekerId: string;
  at: string;
}
/** A suggestion nobody acted on by its deadline. */
export interface DeadlinePassed {
  suggestion: number;
  jobseekerId: string;
  vacancyId: string;
  unit: string | null;
  consent: boolean;
  deadline: string;
}

/** Whose events a source reads: clients living in these municipalities (undefined: all), suggestions shared with this unit. */
export interface NotificationScope {
  municipalities?: readonly string[];
  unit?: string;
}

/** Where notifications come from (src/adapters/sqlite/notifications.ts): newest first, at most `most`, narrowed to `scope`. */
export interface NotificationSource {
  unitChanges(since: string, most: number, scope: NotificationScope): Promise<UnitChange[]>;
  sharesWith(unit: string, since: string, most: number): Promise<ShareMade[]>;
  /** Suggestions still `suggested` whose deadline is from `from` to before `before` (YYYY-MM-DD); with a unit, those the client consented to share with it. */
  deadlinesPassed(from: string, before: string, most: number, scope: NotificationScope): Promise<DeadlinePassed[]>;
}

/** Up to when each person (key or signed-in person) has read their notifications. */
export interface SeenStore {
  get(reader: string): Promise<string | null>;
  set(reader: string, until: string): Promise<void>;
}

export interface NotificationPorts {
  source: NotificationSource;
  seen: SeenStore;
  guard: Guard;
  /** The employer-services unit that owns a vacancy now; null: none. */
  ownerOf(vacancyId: string): Promise<string | null>;
  /** A vacancy's title; undefined when it is gone. */
  vacancyTitle(vacancyId: string): Promise<string | undefined>;
  /** The client as the vacancy's unit sees them (src/core/sharing.ts). */
  candidate(vacancyId: string, jobseekerId: string): Promise<{ id: string; name?: string }>;
  /** A client's name, for their counsellor; undefined when none is stored. */
  clientName(jobseekerId: string): Promise<string | undefined>;
  now: Clock;
}

export interface NotificationSettings {
  /** Days of events shown. */
  days: number;
  /** Most notifications answered. */
  most: number;
  /** Most events read from each source (already narrowed to the caller's area or unit) before the caller's reach is checked one by one. */
  scan: number;
}

const DAY_MS = 86_400_000;

/**
 * The caller's notifications of the last `days`: counsellors (and admins) the states employer units
 * set on their area's clients' suggestions and the deadlines passed of those; employer units the
 * clients shared with them and the deadlines passed of suggestions shared with them, each client by
 * the vacancy's pseudonym (name while shared). Planners have none (403 at the route).
 */
export class Notifications {
  constructor(
    private readonly ports: NotificationPorts,
    private readonly settings: NotificationSettings,
  ) {}

  async list(p: Principal, audit: AuditNote = unaudited()): Promise<NotificationList> {
    const now = this.ports.now();
    const since = new Date(now.getTime() - this.settings.days * DAY_MS).toISOString();
    const { scan } = this.settings;
    const area = this.ports.guard.jobseekerMunicipalities(p);
    const scope = p.role === 'employer-service' ? { unit: p.organisation.id } : area ? { municipalities: [...area] } : {};
    const passed = await this.ports.source.deadlinesPassed(since.slice(0, 10), now.toISOString().slice(0, 10), scan, scope);
    const found: (Notification & { client: string })[] = [];
    if (p.role === 'employer-service') {
      const unit = p.organisation.id;
      // Each vacancy's owner read once per list (the events of one vacancy are many).
      const owners = new Map<string, Promise<string | null>>();
      const ours = async (vacancyId: string) => {
        if (!owners.has(vacancyId)) owners.set(vacancyId, this.ports.ownerOf(vacancyId));
        return (await owners.get(vacancyId)) === unit;
      };
      for (const s of await this.ports.source.sharesWith(unit, since, scan)) {
        if (await ours(s.vacancyId)) found.push(await this.item(p, `shared-${s.vacancyId}-${(await this.ports.candidate(s.vacancyId, s.jobseekerId)).id}`, 'shared', s.at, null, s));
      }
      for (const d of passed) {
        if (d.consent && d.unit === unit && (await ours(d.vacancyId))) found.push(await this.item(p, `deadline-${d.suggestion}`, 'deadline-passed', dayAfter(d.deadline), d.suggestion, d));
      }
    } else {
      const reaches = (id: string) => this.ports.guard.reaches(p, id);
      // A client reached only through a transfer lives outside the area: not among these (see docs/api.md).
      for (const c of await this.ports.source.unitChanges(since, scan, scope)) {
        if (await reaches(c.jobseekerId)) found.push({ ...(await this.item(p, `state-${c.event}`, 'state-changed', c.at, c.suggestion, c)), state: c.state, by: c.by });
      }
      for (const d of passed) {
        if (await reaches(d.jobseekerId)) found.push(await this.item(p, `deadline-${d.suggestion}`, 'deadline-passed', dayAfter(d.deadline), d.suggestion, d));
      }
    }
    const seenUntil = await this.ports.seen.get(reader(p));
    const items = found.sort((a, b) => b.at.localeCompare(a.at)).slice(0, this.settings.most);
    audit.jobseekers.push(...new Set(items.map((n) => n.client)));
    const shown = items.map(({ client: _c, ...n }) => ({ ...n, unread: seenUntil === null || n.at > seenUntil }));
    return { items: shown, unread: shown.filter((n) => n.unread).length, seenUntil };
  }

  /** Marks everything up to `until` (at the latest now) read. */
  async markSeen(p: Principal, input: NotificationsSeen, audit: AuditNote = unaudited()): Promise<NotificationList> {
    const now = this.ports.now().toISOString();
    const until = new Date(input.until).toISOString();
    await this.ports.seen.set(reader(p), until < now ? until : now);
    return this.list(p, audit);
  }

  private async item(p: Principal, id: string, kind: Notification['kind'], at: string, suggestion: number | null, e: { jobseekerId: string; vacancyId: string }) {
    const person = p.role === 'employer-service' ? await this.ports.candidate(e.vacancyId, e.jobseekerId) : undefined;
    const name = person ? person.name : await this.ports.clientName(e.jobseekerId);
    const title = await this.ports.vacancyTitle(e.vacancyId);
    return {
      id,
      kind,
      at,
      jobSuggestion: suggestion,
      jobseekerId: person ? person.id : e.jobseekerId,
      ...(name ? { name } : {}),
      vacancyId: e.vacancyId,
      ...(title ? { vacancyTitle: title } : {}),
      unread: false,
      client: e.jobseekerId,
    };
  }
}

/** A deadline passes at the end of its day. */
const dayAfter = (deadline: string) => new Date(Date.parse(`${deadline}T00:00:00Z`) + DAY_MS).toISOString();

/** Whose reading marks these are: the key, or the signed-in person behind it. */
const reader = (p: Principal) => p.keyId;
