import { ConceptIndex, type ConceptKey } from './concept-index.js';

/** What filling a concept index reads of the store. */
export interface ConceptReads {
  /** The labels of the matchable records now. */
  labels(): number[];
  /** These records' concept keys and place, read from the store. */
  conceptsOf(labels: number[]): { label: number; keys: ConceptKey[]; place: string }[];
}

/** Records read per step: one step holds the event loop for tens of milliseconds at most. */
const CHUNK = 1000;

/**
 * A concept index filled from the store a chunk of records at a time, so that a process can fill it
 * in the background with requests served between two chunks (at national scale reading 300,000
 * records at once held a vacancy's first candidate ranking for 3-14 s). The labels are read at the
 * start; writes seen meanwhile patch the index as they patch a filled one, and their records are
 * left out of the chunks read after (the patch is newer than the list), so the filled index holds the
 * records and concepts a read of every record at once would (in the same order when nothing was written meanwhile).
 */
export class ConceptIndexFilling {
  readonly index = new ConceptIndex();
  private readonly labels: number[];
  private next = 0;
  private readonly patched = new Set<number>();

  constructor(private readonly reads: ConceptReads) {
    this.labels = reads.labels();
  }

  /** Records read (or passed over) of those listed at the start. */
  get progress(): { done: number; total: number } {
    return { done: Math.min(this.next, this.labels.length), total: this.labels.length };
  }

  get done(): boolean {
    return this.next >= this.labels.length;
  }

  set(label: number, keys: ConceptKey[], place?: string): void {
    this.patched.add(label);
    this.index.set(label, keys, place);
  }

  remove(label: number): void {
    this.patched.add(label);
    this.index.remove(label);
  }

  /** Reads the next chunk of records into the index; whether every record is in. */
  step(): boolean {
    const chunk = this.labels.slice(this.next, this.next + CHUNK).filter((label) => !this.patched.has(label));
    this.next += CHUNK;
    for (const c of this.reads.conceptsOf(chunk)) this.index.set(c.label, c.keys, c.place);
    return this.done;
  }

  /** Reads the rest at once. */
  fill(): ConceptIndex {
    while (!this.done) this.step();
    return this.index;
  }
}
