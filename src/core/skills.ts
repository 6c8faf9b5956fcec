/** Skill strings compared in a normalised form (case, compatibility characters, spacing, punctuation). */
export const normaliseSkill = (skill: string): string =>
  skill
    .normalize('NFKC')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();


/** A skill entry of more than 4 words or 60 characters is prose (a sentence): read by extraction, never one skill. */
export const isProse = (entry: string) => entry.length > 60 || entry.trim().split(/\s+/).length > 4;
