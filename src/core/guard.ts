import type { Principal } from './access.js';
import { unaudited, type AuditNote } from './audit-note.js';
import { forbidden, notInArea } from './errors.js';
import type { EmploymentAreas } from './regions/employment-areas-model.js';
import { regions } from './regions/regions.js';

/** What the guard reads about records (the stores answer). */
export interface GuardPorts {
  /** The home municipality code of a stored jobseeker; undefined when there is none. */
  jobseekerMunicipality(id: string): string | undefined;
  /** Whether a vacancy is stored, and the organisation that owns it (null: none, admins manage it). */
  vacancyOwner(id: string): Promise<{ owner: string | null } | undefined>;
  /**
   * Whether an approved, unexpired transfer lets this counsellor's area reach this client of
   * another area now (src/core/transfers/service.ts; it audits each such access).
   */
  transferAdmits(p: Principal, id: string): Promise<boolean>;
  /**
   * A counsellor writes ids their area does not hold: `refused` those another area's clients hold
   * (each counted against the key's daily limit and noted for the audit), none when all are new.
   * Throws (429) once the key's limit is spent, whichever they are (src/core/transfers/service.ts refuseIds).
   */
  refuseIds(p: Principal, refused: string[], audit: AuditNote): Promise<void>;
}

/**
 * The organisation boundary, one rule per question:
 * - a counsellor acts on the clients of their employment area (home municipality in it); a client
 *   of another area is reached only during an approved transfer (src/core/transfers/), and is
 *   otherwise answered exactly as an id that does not exist;
 * - employer services change and delete only the vacancies their unit created, and see candidates
 *   only for those (and for vacancies no unit owns, e.g. imported ones);
 * - admins act on everything; planners never on records (their routes hold no personal data).
 * Roles are checked before (src/http/auth.ts); this is what the role may do with whose records.
 */
export class Guard {
  private readonly areaMunicipalities = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly ports: GuardPorts,
    private readonly areas: EmploymentAreas,
  ) {}

  /** Municipality codes whose jobseekers the caller serves; undefined: all of them. */
  jobseekerMunicipalities(p: Principal): ReadonlySet<string> | undefined {
    if (p.role === 'admin') return undefined;
    const areaId = p.organisation.kind === 'employment-area' ? p.organisation.area : undefined;
    if (!areaId) return new Set();
    let set = this.areaMunicipalities.get(areaId);
    if (!set) {
      set = new Set(this.areas.area(areaId)?.municipalities ?? []);
      this.areaMunicipalities.set(areaId, set);
    }
    return set;
  }

  /** Whether the caller serves jobseekers living in this municipality (code or name). */
  servesMunicipality(p: Principal, municipality: string): boolean {
    const scope = this.jobseekerMunicipalities(p);
    if (!scope) return true;
    const code = regions.municipality(municipality)?.code;
    return code !== undefined && scope.has(code);
  }

  /**
   * Refuses a counsellor a jobseeker who is not a client of their area, unless an approved transfer
   * lets their area reach them. An unknown id gets the same answer (not found, same wording), so
   * the answer never tells whether another area has a client under the id. Admins pass (the
   * service answers not found for an unknown id).
   */
  async jobseeker(p: Principal, id: string): Promise<void> {
    if (!this.jobseekerMunicipalities(p)) return;
    if (!(await this.reaches(p, id))) throw notInArea(id);
  }

  /** Whether the caller may act on this stored jobseeker (false for an unknown id). */
  async reaches(p: Principal, id: string): Promise<boolean> {
    if (!this.jobseekerMunicipalities(p)) return this.ports.jobseekerMunicipality(id) !== undefined;
    const municipality = this.ports.jobseekerMunicipality(id);
    if (municipality === undefined) return false;
    return this.servesMunicipality(p, municipality) || (p.role === 'counsellor' && (await this.ports.transferAdmits(p, id)));
  }

  /**
   * Writing jobseekers: each must be a client of the caller's area already (or reached by an
   * approved transfer), or new and living there. Moving a client's home elsewhere hands them over
   * to that area; under a transfer the home moves only into the caller's area (or stays in its own).
   */
  async jobseekerWrites(p: Principal, records: { id: string; municipality: string }[], audit: AuditNote = unaudited()): Promise<void> {
    // Ids another area's clients hold (refused, each counted), and whether any id is new to the caller's area.
    const othersIds: string[] = [];
    let unheld = false;
    for (const record of records) {
      // A record the caller does not reach, to live outside their area: one answer whether the id is
      // another area's client or no one's (the answer must not tell which).
      if (!this.servesMunicipality(p, record.municipality) && !(await this.reaches(p, record.id))) {
        throw forbidden(
          `jobseeker '${record.id}' would live outside ${this.areaName(p)}: a client is registered and changed by the counsellors of the area ` +
            'they live in (another area\'s client is reached by an approved transfer)',
        );
      }
      const current = this.ports.jobseekerMunicipality(record.id);
      if (current === undefined) unheld = true;
      else if (!(await this.reaches(p, record.id))) othersIds.push(record.id);
      else {
        if (this.servesMunicipality(p, current) || this.servesMunicipality(p, record.municipality)) continue;
        const to = regions.municipality(record.municipality)?.code;
        if (to === undefined || this.areas.areaOf(to)?.id !== this.areas.areaOf(current)?.id) {
          throw forbidden(`under a transfer, jobseeker '${record.id}' moves only into ${this.areaName(p)} (or stays in their own area)`);
        }
      }
    }
    // KNOWN HOLE (docs/privacy-and-oversight.md, "Ids across areas"): ids are one namespace, so an id another
    // area's client holds is refused where an unused one is created. Each such refusal counts against the
    // key's daily limit; once it is spent, unused ids are refused alike (429), so probing stops there.
    if (this.jobseekerMunicipalities(p) && (unheld || othersIds.length > 0)) await this.ports.refuseIds(p, othersIds, audit);
    if (othersIds.length > 0) throw notInArea(othersIds[0]!);
  }

  /** Refuses changing or deleting vacancies another unit owns (or no unit owns, unless admin). */
  async vacancyWrites(p: Principal, ids: string[]): Promise<void> {
    if (p.role === 'admin') return;
    const stored = await Promise.all(ids.map((id) => this.ports.vacancyOwner(id)));
    ids.forEach((id, i) => this.refuseVacancyWrite(p, id, stored[i]));
  }

  /**
   * The same check inside a record write's transaction, on what it found stored under the ids
   * written (see WriteTerms): what it found cannot change before the write lands.
   */
  vacancyWritesFound(p: Principal, found: ReadonlyMap<string, { owner: string | null }>): void {
    if (p.role === 'admin') return;
    for (const [id, stored] of found) this.refuseVacancyWrite(p, id, stored);
  }

  private refuseVacancyWrite(p: Principal, id: string, stored: { owner: string | null } | undefined): void {
    if (stored === undefined) return; // new: the caller's unit will own it
    if (stored.owner !== p.organisation.id) {
      throw forbidden(
        stored.owner === null
          ? `vacancy '${id}' belongs to no unit (imported); an admin changes it`
          : `vacancy '${id}' belongs to another unit: only it and admins change it`,
      );
    }
  }

  /** Refuses employer services the candidates of another unit's vacancy. */
  async candidatesOf(p: Principal, vacancyId: string): Promise<void> {
    if (p.role !== 'employer-service') return;
    const stored = await this.ports.vacancyOwner(vacancyId);
    if (stored && stored.owner !== null && stored.owner !== p.organisation.id) {
      throw forbidden(`vacancy '${vacancyId}' belongs to another unit: its candidates are for that unit`);
    }
  }

  /** The organisation that will own vacancies this caller creates (admins' are owned by none). */
  ownerFor(p: Principal): string | null {
    return p.role === 'employer-service' ? p.organisation.id : null;
  }

  private areaName(p: Principal): string {
    const area = p.organisation.area ? this.areas.area(p.organisation.area) : undefined;
    return area ? `${area.nameFi} (${area.id})` : 'your organisation (no employment area)';
  }
}
