import type { Principal } from './access.js';
import { forbidden } from './errors.js';
import type { EmploymentAreas } from './regions/employment-areas-model.js';
import { regions } from './regions/regions.js';

/** What the guard reads about records (the stores answer). */
export interface GuardPorts {
  /** The home municipality code of a stored jobseeker; undefined when there is none. */
  jobseekerMunicipality(id: string): string | undefined;
  /** Whether a vacancy is stored, and the organisation that owns it (null: none, admins manage it). */
  vacancyOwner(id: string): { owner: string | null } | undefined;
}

/** Least length of the reason a counsellor gives for reaching a client of another area. */
export const TRANSFER_REASON_MIN = 10;

/**
 * The organisation boundary, one rule per question:
 * - a counsellor acts on the clients of their employment area (home municipality in it); a client
 *   of another area is reached only by a transfer, with a reason that the audit keeps;
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

  /** Whether the caller sees this stored jobseeker as a person (else pseudonymously, or not at all). */
  servesJobseeker(p: Principal, id: string): boolean {
    if (!this.jobseekerMunicipalities(p)) return true; // admins: no need to read the record
    const municipality = this.ports.jobseekerMunicipality(id);
    return municipality === undefined || this.servesMunicipality(p, municipality);
  }

  /**
   * Refuses acting on a stored client of another area, unless it is a transfer with a reason.
   * An unknown id passes (the service answers not found).
   */
  jobseeker(p: Principal, id: string, transferReason?: string): void {
    if (this.servesJobseeker(p, id)) return;
    if (transferReason !== undefined && p.role === 'counsellor' && transferReason.trim().length >= TRANSFER_REASON_MIN) return;
    throw forbidden(
      `jobseeker '${id}' is a client of another employment area than ${this.areaName(p)}; ` +
        `a transfer needs the header X-Transfer-Reason (at least ${TRANSFER_REASON_MIN} characters), which the audit keeps`,
    );
  }

  /**
   * Writing jobseekers: each must be a client of the caller's area already (or new), and a new
   * one must live there. Moving a client's home elsewhere hands them over to that area.
   */
  jobseekerWrites(p: Principal, records: { id: string; municipality: string }[], transferReason?: string): void {
    for (const record of records) {
      if (this.ports.jobseekerMunicipality(record.id) !== undefined) this.jobseeker(p, record.id, transferReason);
      else if (!this.servesMunicipality(p, record.municipality)) {
        throw forbidden(`jobseeker '${record.id}' would live outside ${this.areaName(p)}: their own area's counsellors register them`);
      }
    }
  }

  /** Refuses changing or deleting vacancies another unit owns (or no unit owns, unless admin). */
  vacancyWrites(p: Principal, ids: string[]): void {
    if (p.role === 'admin') return;
    for (const id of ids) {
      const stored = this.ports.vacancyOwner(id);
      if (stored === undefined) continue; // new: the caller's unit will own it
      if (stored.owner !== p.organisation.id) {
        throw forbidden(
          stored.owner === null
            ? `vacancy '${id}' belongs to no unit (imported); an admin changes it`
            : `vacancy '${id}' belongs to another unit: only it and admins change it`,
        );
      }
    }
  }

  /** Refuses employer services the candidates of another unit's vacancy. */
  candidatesOf(p: Principal, vacancyId: string): void {
    if (p.role !== 'employer-service') return;
    const stored = this.ports.vacancyOwner(vacancyId);
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
