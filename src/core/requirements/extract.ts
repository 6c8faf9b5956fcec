/**
 * Hard requirements written in an ad's text, in Finnish, Swedish or English: driving-licence
 * classes, languages with their level, and cards ("Edellytämme B-ajokorttia", "Goda kunskaper i
 * svenska krävs", "Trukkikortti katsotaan eduksi"). A clause (a sentence, or its part between
 * commas and "mutta"/"men"/"but") that names one is read by its cue words: required, an
 * advantage, negated ("Körkort krävs inte"), or an offer or a question ("Tarjoamme trukkikortin
 * suorittamisen", "Tell us whether you hold a driving licence"), which make no requirement. A
 * clause without a cue takes the cue of the clause before it in the sentence (a list: "Vaatimukset:
 * hygieniapassi, trukkikortti"), else of the one after; a clause holding both a requirement cue and
 * an advantage cue is read in its parts between conjunctions ("…vaaditaan ja ruotsi on eduksi"); "sinulla on", "du har", "you have" require
 * unless a clause before them or the heading says otherwise (a cue after them is another item's). Measured by benchmarks/requirements.ts.
 */
import type { VacancyRequirements } from '../schemas/requirements.js';
import { CARDS, LANGUAGE_LEVELS, LICENCE_CLASSES, type CardId, type LanguageLevel, type LicenceClass } from './vocabulary.js';

type Stance = 'essential' | 'optional' | 'negated' | 'offer';

/** Cue words and phrases, as lower-case regular-expression sources matched at word starts. */
const CUES: [Stance, string[]][] = [
  ['negated', ['ei', 'eikä', 'et', 'eivät', 'ilman', 'inte', 'ej', 'ingen', 'inget', 'inga', 'utan', 'not', 'no', "don't", "doesn't", "isn't", "aren't", 'without', 'never']],
  ['offer', ['tarjoamme', 'maksamme', 'koulutamme', 'perehdytämme', 'kustannuksella', 'mahdollisuu\\p{L}*', 'kerro', 'onko', 'erbjuder', 'står för', 'bekostar', 'möjlighet\\p{L}*', 'ange', 'offer\\p{L}*', 'train', 'pay for', 'whether', 'tell us', 'provide']],
  ['optional', ['eduksi', 'etua', 'etu', 'plussaa?', 'hyödyksi', 'hyötyä', 'ansioksi', 'toivomme', 'toivotaan', 'toivottava\\p{L}*', 'arvostamme', 'merit\\p{L}*', 'fördel\\p{L}*', 'ser gärna', 'önskvärd\\p{L}*', 'plus', 'advantage\\p{L}*', 'asset', 'bonus', 'nice to have', 'beneficial', 'preferred', 'desirable', 'would be']],
  ['essential', ['edellyt\\p{L}*', 'vaadi\\p{L}*', 'vaati\\p{L}*', 'vaatimu\\p{L}*', 'välttämät\\p{L}*', 'pakolli\\p{L}*', 'ehdoton', 'ehdottom\\p{L}*', 'tulee olla', 'pitää olla', 'on oltava', 'täytyy', 'odotamme', 'riittää', 'työkiel\\p{L}*', 'krävs', 'krav\\p{L}*', 'kräver', 'förutsätt\\p{L}*', 'måste', 'behöver', 'räcker', 'arbetsspråk\\p{L}*', 'nödvändig\\p{L}*', 'obligatorisk\\p{L}*', 'ett villkor', 'requir\\p{L}*', 'must', 'mandatory', 'compulsory', 'prerequisite', 'essential', 'need\\p{L}*', 'necessary', 'working language']],
];
/** Said of a candidate without a cue ("Sinulla on B-ajokortti"): a requirement when nothing else is said. */
const WEAK = /(?<!\p{L})(sinulla on|hallitset|puhut|du har|du behärskar|du talar|you have|you hold|you speak)(?!\p{L})/u;
/** "en" negates in Finnish only (in Swedish it is an article). */
const FINNISH_EN = /(?<!\p{L})(en|emme)(?!\p{L})/u;

const wordsRe = (words: string[]) => new RegExp(`(?<![\\p{L}'])(?:${words.join('|')})(?![\\p{L}])`, 'u');
const CUE_RES = CUES.map(([stance, words]) => [stance, wordsRe(words)] as const);

/** The stances whose cues a clause holds, in the order of CUES (negation first). */
function stancesIn(clause: string, lang: string | undefined): Stance[] {
  const lower = clause.toLocaleLowerCase('fi').replace('’', "'");
  return CUE_RES.filter(([stance, re]) => re.test(lower) || (stance === 'negated' && lang === 'fi' && FINNISH_EN.test(lower))).map(([stance]) => stance);
}

function stanceOf(clause: string, lang: string | undefined): Stance | 'weak' | undefined {
  return stancesIn(clause, lang)[0] ?? (WEAK.test(clause.toLocaleLowerCase('fi')) ? 'weak' : undefined);
}

/** Conjunctions that join two statements in one clause ("B-ajokortti vaaditaan ja ruotsin taito on eduksi"). */
const CONJUNCTION = /\s(?:ja|sekä|och|samt|and|while|whereas)\s/iu;

/**
 * A clause's parts, each to be read by its own cue: the clause whole, unless it holds a requirement
 * cue and an advantage cue — then the parts between its conjunctions, so that each cue governs the
 * items near it rather than the first cue in CUES' order governing all.
 */
function partsOf(clause: string, lang: string | undefined): string[] {
  const stances = new Set(stancesIn(clause, lang));
  if (!(stances.has('essential') && stances.has('optional'))) return [clause];
  const parts = clause.split(CONJUNCTION).filter((p) => p.trim().length > 0);
  return parts.length > 1 ? parts : [clause];
}

const CLASS = '(AM|A1|A2|BE|B|C1E|C1|CE|C|D1E|D1|DE|D|T|A)';
const LICENCE_WORD = "(?:[Aa]jokort\\p{L}*|[Kk]örkort\\p{L}*|[Ll]icen[cs]e\\p{L}*|-kortti\\p{L}*|-kort(?!\\p{L}))";
const LICENCES: [RegExp, LicenceClass | undefined][] = [
  // "B-ajokortti", "C-luokan ajokorttia", "C class driving licence", "A1 motorcycle licence", "BE-körkort"
  [new RegExp(`(?<![\\p{L}\\p{N}])${CLASS}(?:[- ]?(?:luokan|class|category|klass|kategori))?[- ]?(?:(?:motorcycle|driving|driver's)[- ])?${LICENCE_WORD}`, 'gu'), undefined],
  // "Moottoripyöräkortti (A)", "Tractor licence (T)"
  [new RegExp(`(?:kortti|kort|licen[cs]e|card)\\p{L}*\\s*\\(${CLASS}\\)`, 'giu'), undefined],
  [/traktorikort\p{L}*|tractor licen[cs]e/giu, 'T'],
  [/linja-autokort\p{L}*|bussikort\p{L}*/giu, 'D'],
  [/moottoripyöräkort\p{L}*|motorcycle licen[cs]e|motorcykelkort\p{L}*/giu, 'A'],
  // A licence without a class is B ("ajokortti ja oma auto", "körkort krävs").
  [/(?<!\p{L})(?:ajokort\p{L}*|körkort\p{L}*|driving licen[cs]e|driver'?s licen[cs]e)/giu, 'B'],
];

const CARD_PATTERNS: Record<CardId, RegExp> = {
  'hygiene-passport': /hygieniapass|hygienpass|hygiene passport/iu,
  'alcohol-passport': /anniskelupass|alkoholpass|alcohol (?:licen[cs]e )?passport/iu,
  'work-safety': /työturvallisuuskort|arbetarskyddskort|(?:work|occupational) safety card/iu,
  forklift: /trukkikort|trukinkuljettajan kort|truckkort|forklift (?:licen[cs]e|card|certificate)/iu,
  'first-aid': /ensiapukort|(?<!\p{L})EA ?[12](?!\p{N})|första hjälpen|first aid (?:certificate|card|training)/iu,
  'hot-work': /tulityökort|heta arbeten|hot work (?:licen[cs]e|card)/iu,
  'electrical-safety': /sähköturvallisuus|SFS ?6002|elsäkerhet|electrical safety/iu,
  'road-safety': /tieturva|tietyöturvallisuus|vägsäkerhetskort|road safety card/iu,
  valtti: /valtti/iu,
  'security-guard': /vartijakort|väktarkort|security guard (?:card|licen[cs]e)/iu,
  adr: /(?<!\p{L})ADR(?!\p{L})/u,
  'professional-competence': /ammattipätevyy|yrkeskompetens|professional competence|(?<!\p{L})CPC(?!\p{L})/iu,
};

const LANGUAGES: [string, string][] = [
  ['fi', 'suomen kiel\\p{L}*|suomi|suomea|suomeksi|finska\\p{L}*|finsk|finnish'],
  ['sv', 'ruotsin kiel\\p{L}*|ruotsi|ruotsia|ruotsiksi|svenska\\p{L}*|svensk|swedish'],
  ['en', 'englannin kiel\\p{L}*|englanti|englantia|englanniksi|engelska\\p{L}*|english'],
  ['ru', 'venäjän kiel\\p{L}*|venäjä|venäjää|venäjäksi|ryska\\p{L}*|russian'],
  ['et', 'viron kiel\\p{L}*|viro|viroa|estniska\\p{L}*|estonian'],
  ['de', 'saksan kiel\\p{L}*|saksa|saksaa|tyska\\p{L}*|german'],
];
const LANGUAGE_RE = new RegExp(LANGUAGES.map(([code, words]) => `(?<${code}>(?<![\\p{L}])(?:${words})(?![\\p{L}]))`).join('|'), 'giu');
/** Level words, highest first (so that "mycket goda" is fluent, not good). */
const LEVELS: [LanguageLevel, RegExp][] = [
  ['native', /äidinkiel\p{L}*|natiivi\p{L}*|modersmål\p{L}*|native/giu],
  ['fluent', /sujuv\p{L}*|erinomai\p{L}*|vahv\p{L}*|flytande|utmärkt\p{L}*|mycket god\p{L}*|fluent\p{L}*|excellent|strong|proficient/giu],
  ['good', /(?<!\p{L})(?:hyvä|hyvää|hyvät|hyviä|hyvän|goda?|gott|good)(?!\p{L})/giu],
  ['basic', /perus\p{L}*|alkeet|alkeis\p{L}*|tyydyttäv\p{L}*|auttav\p{L}*|välttäv\p{L}*|grundläggande|nöjaktig\p{L}*|basic|elementary/giu],
];

interface Found {
  licences: { class: LicenceClass; at: number }[];
  cards: CardId[];
  languages: { code: string; level: LanguageLevel }[];
}

function itemsIn(clause: string): Found {
  const licences: Found['licences'] = [];
  const taken: [number, number][] = [];
  for (const [re, fixed] of LICENCES) {
    for (const m of clause.matchAll(re)) {
      // One licence per stretch of text: "Ajokortti (C)" is C, not C and a licence without a class (B).
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => m.index < e && end > s)) continue;
      // A class in brackets is read in either case ("kortti (b)"), and only if it is a class.
      const written = fixed ?? m[1]?.toUpperCase();
      const licence = LICENCE_CLASSES.find((c) => c === written);
      if (!licence) continue;
      taken.push([m.index, end]);
      licences.push({ class: licence, at: m.index });
    }
  }
  const cards = CARDS.filter((c) => CARD_PATTERNS[c.id].test(clause)).map((c) => c.id);
  const levels: { level: LanguageLevel; start: number; end: number }[] = [];
  for (const [level, re] of LEVELS) {
    for (const m of clause.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!levels.some((l) => m.index < l.end && end > l.start)) levels.push({ level, start: m.index, end });
    }
  }
  const mentions = [...clause.matchAll(LANGUAGE_RE)].map((m) => ({
    code: Object.entries(m.groups!).find(([, v]) => v !== undefined)![0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const languages = mentions.map((m, i) => {
    const from = i > 0 ? mentions[i - 1]!.end : 0;
    const to = mentions[i + 1]?.start ?? clause.length;
    const before = levels.filter((l) => l.start >= from && l.end <= m.start).sort((a, b) => b.start - a.start)[0];
    const after = levels.filter((l) => l.start >= m.end && l.end <= to).sort((a, b) => a.start - b.start)[0];
    return { code: m.code, level: (before ?? after)?.level ?? 'good' };
  });
  return { licences, cards, languages };
}

const isEmpty = (f: Found) => f.licences.length === 0 && f.cards.length === 0 && f.languages.length === 0;

/** The requirements a text states, each with the clause it was read from; `uncued`: what a clause without a cue is (a skill list's prose). */
export function extractRequirements(text: string, lang?: string, uncued?: 'essential' | 'optional'): VacancyRequirements {
  const out: VacancyRequirements = { licences: [], languages: [], cards: [] };
  // A heading with a cue ("Vaatimukset:", "Meriterande:") governs the lines after it, up to a blank line.
  let heading: Stance | undefined;
  for (const block of text.split(/\n\s*\n/)) {
    heading = undefined;
    for (const sentence of block.split(/(?<=[.!?;])\s+|\n/)) {
      const clauses = sentence
        .split(/,|(?<!\p{L})(?:mutta|vaan|men|but|however)(?!\p{L})/iu)
        .filter((c) => c.trim().length > 0)
        .flatMap((c) => partsOf(c, lang));
      const read = clauses.map((c) => ({ text: c.trim(), stance: stanceOf(c, lang), found: itemsIn(c) }));
      const own = read.map((r) => (r.stance === 'weak' ? undefined : r.stance));
      read.forEach((r, i) => {
        if (isEmpty(r.found)) return;
        // A clause saying what the candidate has ("Sinulla on hygieniapassi") is not a list item waiting for a
        // later clause's cue: "…, trukkikortti on eduksi" says that of the forklift card alone.
        const before = own.slice(0, i).reverse().find(Boolean);
        const stance =
          own[i] ?? before ?? (r.stance === 'weak' ? (heading ?? 'essential') : (own.slice(i + 1).find(Boolean) ?? heading ?? uncued));
        if (stance !== 'essential' && stance !== 'optional') return;
        const required = stance === 'essential';
        const evidence = r.text.slice(0, 200);
        for (const l of r.found.licences) out.licences.push({ class: l.class, required, evidence });
        for (const id of r.found.cards) out.cards.push({ id, required, evidence });
        for (const l of r.found.languages) out.languages.push({ ...l, required, evidence });
      });
      const trimmed = sentence.trim();
      if (trimmed.endsWith(':') && read.every((r) => isEmpty(r.found))) {
        const s = own.find(Boolean);
        heading = s === 'essential' || s === 'optional' ? s : undefined;
      }
    }
  }
  return mergeRequirements(out);
}

/** One entry per licence class, card and language: required over an advantage, then the higher level. */
export function mergeRequirements(r: VacancyRequirements): VacancyRequirements {
  const pick = <T extends { required: boolean }>(items: T[], key: (t: T) => string, better: (a: T, b: T) => boolean = () => false) => {
    const best = new Map<string, T>();
    for (const item of items) {
      const seen = best.get(key(item));
      if (!seen || (item.required && !seen.required) || (item.required === seen.required && better(item, seen))) best.set(key(item), item);
    }
    return [...best.values()];
  };
  return {
    licences: pick(r.licences, (l) => l.class),
    cards: pick(r.cards, (c) => c.id),
    languages: pick(r.languages, (l) => l.code, (a, b) => LANGUAGE_LEVELS.indexOf(a.level) > LANGUAGE_LEVELS.indexOf(b.level)),
  };
}
