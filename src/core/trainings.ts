import { notFound, tooManyRecords } from './errors.js';
import { regions } from './regions/regions.js';
import type { StoredTraining, Training } from './schemas/training.js';
import { sameAsStored, stripDerived } from './same-record.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';

export interface TrainingStore {
  get(id: string): StoredTraining | undefined;
  all(): StoredTraining[];
  saveAll(trainings: StoredTraining[], derivedBy: string): void;
  remove(id: string): boolean;
  stale(derivedBy: string): StoredTraining[];
}

/** The training catalogue: courses normalised to the skills they teach, looked up by skill. */
export class TrainingCatalogue {
  private readonly bySkill = new Map<string, Set<string>>();
  private readonly byId = new Map<string, StoredTraining>();

  private constructor(
    private readonly store: TrainingStore,
    private readonly normalizer: SkillNormalizer,
    private readonly maxBatchSize: number,
  ) {}

  static async open(store: TrainingStore, normalizer: SkillNormalizer, maxBatch: number): Promise<TrainingCatalogue> {
    const catalogue = new TrainingCatalogue(store, normalizer, maxBatch);
    const stale = store.stale(normalizer.id);
    if (stale.length > 0) await catalogue.save(stale.map((t) => stripDerived(t) as Training));
    for (const t of store.all()) catalogue.remember(t);
    return catalogue;
  }

  /** Largest batch putMany accepts. */
  get maxBatch(): number {
    return this.maxBatchSize;
  }

  get(id: string): StoredTraining {
    const t = this.byId.get(id);
    if (!t) throw notFound('training', id);
    return t;
  }

  list(): StoredTraining[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  count(): number {
    return this.byId.size;
  }

  /** Trainings that teach the skill concept. */
  teaching(uri: string): StoredTraining[] {
    return [...(this.bySkill.get(uri) ?? [])].map((id) => this.byId.get(id)!);
  }

  async put(input: Training): Promise<{ training: StoredTraining; created: boolean }> {
    const created = !this.byId.has(input.id);
    await this.putMany([input]);
    return { training: this.get(input.id), created };
  }

  /** Creates or replaces trainings atomically; those equal to the stored ones are left as they are. */
  async putMany(inputs: Training[]): Promise<{ created: number; updated: number; unchanged: number }> {
    if (inputs.length > this.maxBatchSize) throw tooManyRecords(this.maxBatchSize, inputs.length);
    const changed = inputs.filter((t) => {
      const stored = this.byId.get(t.id);
      return !stored || !sameAsStored(t, stored as Training);
    });
    return { ...(await this.save(changed)), unchanged: inputs.length - changed.length };
  }

  /** Derives and stores trainings (all of them, changed or not). */
  private async save(inputs: Training[]): Promise<{ created: number; updated: number }> {
    const now = new Date().toISOString();
    const stored: StoredTraining[] = [];
    for (const t of inputs) {
      const previous = this.byId.get(t.id);
      const taught = await this.normalizer.fromStrings(t.skills, 'skills');
      const municipality = t.municipality ? regions.municipality(t.municipality) : undefined;
      stored.push({
        ...t,
        ...(municipality ? { municipality: municipality.code, region: municipality.regionCode } : {}),
        normalized: { skills: taught },
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      });
    }
    this.store.saveAll(stored, this.normalizer.id);
    let created = 0;
    for (const t of stored) {
      if (!this.byId.has(t.id)) created++;
      this.forget(t.id);
      this.remember(t);
    }
    return { created, updated: stored.length - created };
  }

  remove(id: string): void {
    if (!this.store.remove(id)) throw notFound('training', id);
    this.forget(id);
  }

  private remember(t: StoredTraining) {
    this.byId.set(t.id, t);
    for (const s of t.normalized.skills) {
      const set = this.bySkill.get(s.uri) ?? new Set<string>();
      set.add(t.id);
      this.bySkill.set(s.uri, set);
    }
  }

  private forget(id: string) {
    const old = this.byId.get(id);
    if (!old) return;
    for (const s of old.normalized.skills) this.bySkill.get(s.uri)?.delete(id);
    this.byId.delete(id);
  }
}
