import type { SkillRef } from '../core/schemas/skills';
import { lang } from './i18n';

/** A chip kept as free text by the user's choice: stored as "text:…", a note that never counts as a skill. */
export const FREE = 'text:';

/**
 * A record's skill as the page's reader reads it, and the language it is shown in (for Written to mark
 * when it is not the page's). Written in the page's language, as its writer wrote it: a Finnish client's
 * "MIG-hitsaus" on a Finnish page, not ESCO's "suorittaa MIG-hitsausta". Written in another language, the
 * label in the page's language of the taxonomy concept the service read it as (the record's `normalized`,
 * asked for in that language: "MIG-hitsaus" reads "utföra MIG-svetsning" in Swedish); when the taxonomy has
 * no label in the page's language, the label it has, in its own language (`fallbackLanguage`). With no
 * concept, as written. The skill's language: the one of the label its words matched when that is not the
 * record's (`labelLanguage`: an English "MIG welding" in a Finnish profile), else the record's (`written`:
 * its `normalized.language`; unknown, the concept's label is shown).
 */
export function skillShown(skill: string, concepts: readonly SkillRef[], written: string | undefined): { text: string; lang?: string | undefined } {
  const concept = concepts.find((c) => c.evidence === skill && !c.uri.startsWith(FREE) && c.method !== 'embedding');
  const entry = concept?.labelLanguage ?? written;
  if (!concept || entry === lang.value) return { text: skill, lang: entry };
  return { text: concept.label, lang: concept.fallbackLanguage ?? lang.value };
}

/**
 * A vacancy's skills of one kind (required or advantage), its `normalized` concepts, as the page's reader
 * reads them: one the writer listed in the page's language as written (skillShown), any other by its label
 * in the page's language (or the fallback's, with its language), a free-text one as written; each text once.
 */
export function skillsShown(concepts: readonly SkillRef[], written: string | undefined): { text: string; lang?: string | undefined }[] {
  const shown = concepts.map((c) => {
    if (c.uri.startsWith(FREE)) return { text: c.label, lang: written };
    const entry = c.labelLanguage ?? written;
    if ((c.source === 'skills' || c.source === 'optionalSkills') && entry === lang.value) return { text: c.evidence, lang: entry };
    return { text: c.label, lang: c.fallbackLanguage ?? lang.value };
  });
  return shown.filter((s, i) => shown.findIndex((o) => o.text === s.text) === i);
}
