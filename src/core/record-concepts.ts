import { REMOTE, type ConceptKey } from './concept-index.js';
import type { BaseRecord, RecordKind, Stored } from './kinds.js';

/**
 * A record's concepts as the concept index files them: its keys (occupation, ISCO unit group,
 * skills: RecordKind.conceptKeys) and its place (the municipality; remote work is near everyone).
 * Worked out when the record is written and kept by the store beside it, so that filling a concept
 * index reads these instead of parsing every record (at national scale most of a fill's time).
 * A change of what conceptKeys gives needs a schema step working them out again for the stored records.
 */
export interface RecordConcepts {
  keys: ConceptKey[];
  place: string;
}

export const conceptsOf = <In extends BaseRecord>(kind: RecordKind<In>, record: Stored<In>): RecordConcepts => ({
  keys: kind.conceptKeys(record),
  place: record.remote ? REMOTE : record.municipality,
});
