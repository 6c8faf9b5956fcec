/** Skill strings compared in a normalised form (case, compatibility characters, spacing, punctuation). */
export const normaliseSkill = (skill: string): string =>
  skill
    .normalize('NFKC')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();

