import { notFound, tooManyRecords } from './errors.js';
import { regions } from './regions/regions.js';
import { LEGACY_TRAINING_KINDS, type StoredTraining, type Training } from './trainings/schema.js';
import { sameAsStored, stripDerived } from './same-record.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';
import type { Clock } from './clock.js';

export interface TrainingStore {
  get(id: string): Promise<StoredTraining | undefined>;
  all(): Promise<StoredTraining[]>;
  saveAll(trainings: StoredTraining[], derivedBy: string): Promise<void>;
  remove(id: string): Promise<boolean>;
  stale(derivedBy: string): Promise<StoredTraining[]>;
  /** Grows with every committed change (by any process on the same store). */
  generation(): Promise<number>;
}

/**
 * The training catalogue: courses normalised to the skills they teach, looked up by skill. The maps
 * are in memory (read synchronously by gaps and plans); the store behind them answers promises.
 */
export class TrainingCatalogue {
  private readonly bySkill = new Map<string, Set<string>>();
  private readonly byId = new Map<string, StoredTraining>();
  /** The store's generation the maps reflect. */
  private seen = -1;

  private constructor(
    private readonly store: TrainingStore,
    private readonly normalizer: SkillNormalizer,
    private readonly maxBatchSize: number,
    private readonly now: Clock,
  ) {}

  /** The store's generation the catalogue reflects (changes with every write this process sees). */
  get reflects(): number {
    return this.seen;
  }

  static async open(store: TrainingStore, normalizer: SkillNormalizer, maxBatch: number, now: Clock): Promise<TrainingCatalogue> {
    const catalogue = new TrainingCatalogue(store, normalizer, maxBatch, now);
    const stale = await store.stale(normalizer.id);
    if (stale.length > 0) await catalogue.save(stale.map((t) => stripDerived(t)));
    await catalogue.reload();
    return catalogue;
  }

  /**
   * Reads the catalogue again when another process (a worker of the same service) changed it
   * since; a catalogue is small (thousands of courses), so it is read whole.
   */
  async sync(): Promise<boolean> {
    if ((await this.store.generation()) === this.seen) return false;
    await this.reload();
    return true;
  }

  private async reload(): Promise<void> {
    const seen = await this.store.generation();
    const all = await this.store.all();
    // Replaced at once, after both reads: a request meanwhile sees the maps whole, old or new.
    this.seen = seen;
    this.byId.clear();
    this.bySkill.clear();
    for (const t of all) this.remember(t);
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
      return !stored || !sameAsStored(t, stored);
    });
    return { ...(await this.save(changed)), unchanged: inputs.length - changed.length };
  }

  /** Derives and stores trainings (all of them, changed or not). */
  private async save(inputs: Training[]): Promise<{ created: number; updated: number }> {
    const now = this.now().toISOString();
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
    await this.saved(() => this.store.saveAll(stored, this.normalizer.id));
    let created = 0;
    for (const t of stored) {
      if (!this.byId.has(t.id)) created++;
      this.forget(t.id);
      this.remember(t);
    }
    return { created, updated: stored.length - created };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.saved(() => this.store.remove(id)))) throw notFound('training', id);
    this.forget(id);
  }

  /** Runs a write; when no other process wrote since the maps were read, they stay current after it. */
  private async saved<T>(write: () => Promise<T>): Promise<T> {
    const before = this.seen;
    const result = await write();
    const generation = await this.store.generation();
    if (generation === before + 1) this.seen = generation;
    return result;
  }

  private remember(t: StoredTraining) {
    // A store written before the kinds of issue 29 holds the earlier ones (vocational, licence…).
    const legacy = LEGACY_TRAINING_KINDS[t.kind];
    if (legacy) t = { ...t, kind: legacy };
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
