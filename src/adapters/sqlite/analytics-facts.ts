/**
 * The SQL that keeps one kind's analytics facts in SQLite (migrations 5, 6 and schema step 24):
 * triggers refreshing a record's rows on insert, update and delete, then (with `copy`) the copy of
 * the records already stored. From step 24 a client's row also holds the ISCO code of their first
 * occupation and their birth year (the what-works report's matching cells), read from the JSON once
 * when written instead of on every report.
 */
export function analyticsFacts(kind: 'jobseekers' | 'vacancies', version: 5 | 6 | 24, copy = true): string {
  const vacancy = kind === 'vacancies';
  const occupation = (R: string) =>
    version === 5
      ? `${R}.record ->> '$.occupation'`
      : vacancy
        ? `coalesce(${R}.record ->> '$.occupation', ${R}.record ->> '$.normalized.occupation.uri', ${R}.record ->> '$.normalized.occupation.isco')`
        : `coalesce(${R}.record ->> '$.occupation', ${R}.record ->> '$.normalized.occupations[0].uri', ${R}.record ->> '$.normalized.occupations[0].isco')`;
  const clientFacts = version >= 24 && !vacancy;
  /** Statements inserting the facts of record R (NEW in a trigger) drawn `from` the given source. */
  const insert = (R: string, from: string) => {
    const skills = (vacancy ? [['essential', 'essential'], ['optional', 'optional']] : [['skills', 'has']]).map(
      ([path, importance]) => `INSERT OR IGNORE INTO analytics_skills (kind, label, uri, importance)
        SELECT '${kind}', ${R}.label, s.value ->> '$.uri', '${importance}' FROM ${from ? `${from}, ` : ''}json_each(${R}.record, '$.normalized.${path}') s;`,
    );
    return [
      `INSERT INTO analytics_records (kind, label, municipality, active, occupation, positions, published, unemployed_since, languages${version >= 6 ? ', expires' : ''}${clientFacts ? ', isco, birth_year' : ''})
        SELECT '${kind}', ${R}.label, ${R}.municipality, ${R}.matchable, ${occupation(R)},
          ${vacancy ? `coalesce(${R}.record ->> '$.positions', 1)` : '1'},
          ${vacancy ? `coalesce(${R}.record ->> '$.publishedAt', substr(${R}.record ->> '$.createdAt', 1, 10))` : 'NULL'},
          ${vacancy ? 'NULL' : `${R}.record ->> '$.unemployedSince'`},
          ',' || coalesce((SELECT group_concat(value, ',') FROM json_each(${R}.record, '$.languages')), '') || ','${
            version >= 6 ? `, ${vacancy ? `${R}.record ->> '$.expiresAt'` : 'NULL'}` : ''
          }${clientFacts ? `, ${clientIsco(R)}, ${clientBirthYear(R)}` : ''}${from ? ` FROM ${from}` : ''};`,
      ...skills,
    ].join('\n      ');
  };
  const drop = `DELETE FROM analytics_skills WHERE kind = '${kind}' AND label = OLD.label;
      DELETE FROM analytics_records WHERE kind = '${kind}' AND label = OLD.label;`;
  return `
    CREATE TRIGGER ${kind}_facts_insert AFTER INSERT ON ${kind} BEGIN
      ${insert('NEW', '')}
    END;
    CREATE TRIGGER ${kind}_facts_update AFTER UPDATE ON ${kind} BEGIN
      ${drop}
      ${insert('NEW', '')}
    END;
    CREATE TRIGGER ${kind}_facts_delete AFTER DELETE ON ${kind} BEGIN
      ${drop}
    END;
    ${copy ? insert('R', `${kind} R`) : ''}`;
}

/** A client's ISCO code (their first occupation's) and birth year, from record R's JSON. */
export const clientIsco = (R: string) => `${R}.record ->> '$.normalized.occupations[0].isco'`;
export const clientBirthYear = (R: string) => `${R}.record ->> '$.birthYear'`;
