/** Skill strings compared in a normalised form (case, compatibility characters, spacing, punctuation). */
export const normaliseSkill = (skill: string): string =>
  skill
    .normalize('NFKC')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();

export interface SkillComparison {
  /** Skills the vacancy asks for that the jobseeker has (vacancy's wording). */
  matched: string[];
  /** Skills the vacancy asks for that the jobseeker lacks. */
  missing: string[];
  /** Share of the vacancy's skills the jobseeker has; null when either side lists none. */
  coverage: number | null;
}

/**
 * The vacancy's skills split into those the jobseeker has and those missing. A skill counts as had
 * when the jobseeker lists it, or when it appears word for word in the jobseeker's own text
 * (a CV that says "MIG-hitsaus" in prose has that skill even if the list forgot it).
 */
export function compareSkills(
  vacancySkills: readonly string[],
  jobseekerSkills: readonly string[],
  jobseekerText = '',
): SkillComparison {
  const has = new Set(jobseekerSkills.map(normaliseSkill));
  const text = ` ${normaliseSkill(jobseekerText)} `;
  const matched: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const skill of vacancySkills) {
    const key = normaliseSkill(skill);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    (has.has(key) || text.includes(` ${key} `) ? matched : missing).push(skill);
  }
  const asked = matched.length + missing.length;
  const known = has.size > 0 || text.trim().length > 0;
  return { matched, missing, coverage: asked === 0 || !known ? null : matched.length / asked };
}
