import type { Concept } from './taxonomy.js';

/**
 * Finland-Swedish words for work where ESCO's Swedish labels use Sweden's words: a Swedish-speaking
 * nurse in Vasa is a "sjukskötare", not a "sjuksköterska"; and everyday job words where ESCO's Swedish
 * label translates the English one ("distributionsförare" for a lorry driver, "lastbilschaufför"). Each pair is [Sweden-Swedish word part,
 * Finland-Swedish word part]; every Swedish label containing the first gains an alternative label
 * with the second (compounds included: "specialistsjuksköterska" → "specialistsjukskötare").
 * Sources: Institutet för de inhemska språken, "Finlandssvensk ordbok", and the Finnish
 * occupational classification's Swedish names (Statistikcentralen, Yrkesklassificering 2010).
 */
const PAIRS: [string, string][] = [
  ['sjuksköterska', 'sjukskötare'],
  ['undersköterska', 'närvårdare'],
  ['förskollärare', 'barnträdgårdslärare'],
  ['förskola', 'daghem'],
  ['distriktssköterska', 'hälsovårdare'],
  ['barnmorska', 'barnmorska'],
  ['städare', 'lokalvårdare'],
  ['lokalvårdare', 'städare'],
  ['busschaufför', 'bussförare'],
  ['lastbilsförare', 'lastbilschaufför'],
  ['lastbilschaufför', 'lastbilsförare'],
  ['elektriker', 'elmontör'],
  ['elinstallatör', 'elmontör'],
  ['rörläggare', 'rörmokare'],
  ['vvs-montör', 'rörmokare'],
  ['kock', 'kock'],
  ['kassapersonal', 'kassör'],
  ['säljare', 'försäljare'],
  ['butikssäljare', 'butiksbiträde'],
  ['lagerarbetare', 'lagerarbetare'],
  ['truckförare', 'truckchaufför'],
  ['fastighetsskötare', 'fastighetsskötare'],
  ['vårdbiträde', 'vårdbiträde'],
  ['personlig assistent', 'personlig assistent'],
  ['socionom', 'socialarbetare'],
  ['tandsköterska', 'tandskötare'],
  ['väktare', 'väktare'],
  ['mäklare', 'mäklare'],
  ['ämneslärare', 'lektor'],
  ['snickare', 'byggnadssnickare'],
  // Everyday Swedish (in Finland and Sweden alike) where ESCO's Swedish label is a translation of the English one.
  ['förare', 'chaufför'],
  ['distributionsförare', 'lastbilschaufför'],
  ['distributionsförare', 'lastbilsförare'],
  ['säkerhetsvakt', 'väktare'],
  ['fordonstekniker', 'bilmekaniker'],
];
export const FINLAND_SWEDISH: [string, string][] = PAIRS.filter(([a, b]) => a !== b);

/** The concepts with Finland-Swedish alternative labels added to their Swedish labels. */
export function withFinlandSwedish<C extends Concept>(concept: C): C {
  const sv = concept.labels.sv;
  if (!sv) return concept;
  const added = new Set<string>();
  for (const label of [sv.preferred, ...sv.alt]) {
    const lower = label.toLocaleLowerCase('sv');
    for (const [sweden, finland] of FINLAND_SWEDISH) {
      if (lower.includes(sweden)) added.add(lower.replace(sweden, finland));
    }
  }
  const existing = new Set([sv.preferred, ...sv.alt].map((l) => l.toLocaleLowerCase('sv')));
  const alt = [...added].filter((a) => !existing.has(a));
  return alt.length === 0 ? concept : { ...concept, labels: { ...concept.labels, sv: { ...sv, alt: [...sv.alt, ...alt] } } };
}
