/**
 * Whether a skill named in free text is held, wished for (or being learnt), or said to be
 * missing: "Minulla ei ole trukkikorttia" and "Haluaisin jakeluun" name skills the writer does
 * not have. A cue word governs the rest of its clause: up to a full stop, semicolon, line break or
 * a contrasting word ("mutta", "men", "but"), or a comma followed by the start of a new clause
 * ("olen", "osaan", "jag", "I"); a list after a comma stays in the scope ("ei trukkikorttia,
 * työturvallisuuskorttia tai hygieniapassia"). A cue that ends its clause governs the whole clause
 * ("ruotsia opiskelen", "ajokortti puuttuu"). Two readings take precedence: what an ad offers
 * ("Tarjoamme työterveyshuollon…", "We offer…", to the end of the sentence, or of the list under a
 * heading "Tarjoamme:") is no skill, and a clause that negates a need ("Körkort krävs inte",
 * "Ajokortti ei ole välttämätön", "not required") asks for none of what it names.
 */
export type Stance = 'held' | 'wish' | 'missing' | 'offered' | 'not-needed';

const MISSING = [
  // Finnish: "ei ole", "en osaa", "eikä", "ilman", "puuttuu"
  'ei', 'en', 'emme', 'eivät', 'eikä', 'enkä', 'ilman', 'puuttuu', 'puuttuvat', 'vailla',
  // Swedish
  'inte', 'ej', 'ingen', 'inget', 'inga', 'saknar', 'utan', 'aldrig',
  // English
  'no', 'not', "don't", "doesn't", "haven't", "hasn't", 'never', 'without', 'lack', 'lacking', 'nor', 'neither',
];
const WISH = [
  // Finnish
  'haluaisin', 'haluan', 'haluaa', 'haluaisi', 'toivon', 'toiveena', 'toiveeni', 'toive', 'kiinnostaa', 'kiinnostaisi',
  'kiinnostunut', 'haaveilen', 'tavoitteena', 'tavoitteeni', 'opiskelen', 'opettelen', 'aion', 'suunnittelen', 'hakeudun', 'haen',
  // Swedish
  'vill', 'vilja', 'önskar', 'önskemål', 'intresserad', 'intresserar', 'drömmer', 'studerar', 'planerar', 'hoppas', 'lär',
  // English
  'would', 'want', 'wants', 'wish', 'interested', 'hope', 'hoping', 'learning', 'studying', 'plan', 'planning', 'aim', 'aiming', 'seeking',
];
/** Words that start a new clause whatever came before. */
const CONTRAST = new Set(['mutta', 'vaan', 'kuitenkin', 'men', 'but', 'however', 'although']);
const CLAUSE_START = new Set([
  'minulla', 'minä', 'mä', 'olen', 'osaan', 'on', 'hallitsen', 'myös', 'lisäksi', 'sen', 'sekä',
  'jag', 'har', 'är', 'kan', 'också', 'dessutom',
  'i', "i'm", "i've", 'have', 'also', 'plus',
  // a level or quality names something held: "learning Finnish, fluent in English"
  'sujuva', 'sujuvasti', 'hyvä', 'erinomainen', 'kokenut', 'äidinkieli', 'äidinkielenä',
  'flytande', 'god', 'goda', 'utmärkt', 'erfaren', 'modersmål',
  'fluent', 'native', 'good', 'excellent', 'experienced',
]);
/** Words that introduce what an employer offers (benefits, conditions). */
const OFFER = new Set([
  'tarjoamme', 'tarjoaa', 'tarjolla', 'tarjoamaan', 'edut', 'etuja', 'etuina', 'etuihin', 'henkilöstöedut', 'työsuhde-edut', 'henkilökuntaedut',
  'erbjuds', 'erbjudande', 'förmåner', 'personalförmåner',
  'benefits', 'perks',
]);
/** Verbs that offer only after the employer ("We offer", "Vi erbjuder", "we can offer"; not "you will offer advice"). */
const OFFER_VERBS = new Set(['offer', 'offers', 'offering', 'provide', 'erbjuder', 'erbjuda']);
const EMPLOYER = new Set(['we', 'vi', 'can', 'kan', 'also', 'också']);
/** Words that state a need or requirement; negated in the same clause, nothing in it is asked for. */
const NEED = new Set([
  'välttämätön', 'välttämätöntä', 'välttämättä', 'vaadita', 'vaadi', 'vaatimus', 'vaatimuksena', 'edellytä', 'edellytetä', 'tarvita', 'tarvitse', 'tarvitaan', 'pakollinen', 'pakko',
  'krävs', 'krav', 'kräver', 'kravet', 'behövs', 'behöver', 'behov', 'nödvändig', 'nödvändigt', 'förutsätter', 'förutsätts', 'obligatorisk', 'obligatoriskt',
  'required', 'require', 'requires', 'requirement', 'needed', 'need', 'needs', 'necessary', 'mandatory', 'essential', 'must',
]);
const NEGATION = new Set(['ei', 'eikä', 'inte', 'ej', 'icke', 'not', "isn't", "aren't", "don't", "doesn't", 'no', 'never', 'ingen', 'inget', 'inga']);

/** "en" is a Finnish negation but a Swedish article: only read as a cue in Finnish texts. */
const FINNISH_ONLY = new Set(['en', 'emme']);

const CUES = new Map<string, Stance>([...MISSING.map((w) => [w, 'missing'] as const), ...WISH.map((w) => [w, 'wish'] as const)]);

interface Span {
  start: number;
  end: number;
  stance: Stance;
}

/** The stance spans of a text: where a cue's scope begins and ends. */
export function stanceSpans(text: string, lang?: string): Span[] {
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’-]+|[.;!?\n:]|,/gu)];
  return [...offers(text, tokens), ...negatedNeeds(text, tokens), ...cueSpans(text, lang)];
}

const lower = (m: RegExpMatchArray) => m[0].toLocaleLowerCase('fi').replace('’', "'");
const SENTENCE_END = /^[.;!?\n]$/;

/** From an offer word to the end of its sentence; under a heading ("Tarjoamme:"), to the next blank line. */
function offers(text: string, tokens: RegExpMatchArray[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = lower(tokens[i]!);
    if (!OFFER.has(word) && !(OFFER_VERBS.has(word) && i > 0 && EMPLOYER.has(lower(tokens[i - 1]!)))) continue;
    const start = tokens[i]!.index!;
    let j = i + 1;
    while (j < tokens.length && tokens[j]![0] !== ':' && !SENTENCE_END.test(tokens[j]![0])) j++;
    let end = j < tokens.length ? tokens[j]!.index! : text.length;
    if (tokens[j]?.[0] === ':') {
      const blank = text.slice(end).search(/\n\s*\n/);
      end = blank < 0 ? text.length : end + blank;
    }
    spans.push({ start, end, stance: 'offered' });
    i = j;
  }
  return spans;
}

/** Clauses (to a comma, a sentence end or a contrasting word) that negate a need. */
function negatedNeeds(text: string, tokens: RegExpMatchArray[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  let negated = false;
  let need = false;
  const close = (at: number) => {
    if (negated && need) spans.push({ start: from, end: at, stance: 'not-needed' });
    negated = need = false;
  };
  for (const m of tokens) {
    const word = lower(m);
    if (SENTENCE_END.test(word) || word === ',' || word === ':' || CONTRAST.has(word)) {
      close(m.index!);
      from = m.index! + m[0].length;
      continue;
    }
    if (NEGATION.has(word)) negated = true;
    if (NEED.has(word)) need = true;
  }
  close(text.length);
  return spans;
}

/** The spans of stance cues: a cue governs the rest of its clause, or all of it when it ends it. */
function cueSpans(text: string, lang?: string): Span[] {
  const spans: Span[] = [];
  let open: Span | undefined;
  let clauseStart = 0;
  let cuesInClause = 0;
  const close = (at: number) => {
    if (open) {
      open.end = at;
      spans.push(open);
      open = undefined;
    }
  };
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’]+|[.;!?\n]|,/gu)];
  for (let i = 0; i < tokens.length; i++) {
    const m = tokens[i]!;
    const word = lower(m);
    if (/^[.;!?\n]$/.test(word)) {
      close(m.index!);
      clauseStart = m.index! + 1;
      cuesInClause = 0;
      continue;
    }
    if (word === ',') {
      const next = tokens[i + 1]?.[0].toLocaleLowerCase('fi');
      if (!next || CLAUSE_START.has(next)) close(m.index!);
      clauseStart = m.index! + 1;
      cuesInClause = 0;
      continue;
    }
    if (CONTRAST.has(word)) {
      close(m.index!);
      clauseStart = m.index!;
      cuesInClause = 0;
      continue;
    }
    const cue = CUES.get(word);
    if (!cue || (FINNISH_ONLY.has(word) && lang !== 'fi')) continue;
    cuesInClause++;
    // A cue that ends its clause governs all of it ("ruotsia opiskelen", "ajokortti puuttuu").
    const next = tokens[i + 1]?.[0];
    if (cuesInClause === 1 && !open && (next === undefined || /^[.;!?\n,]$/.test(next))) {
      spans.push({ start: clauseStart, end: m.index! + m[0].length, stance: cue });
      continue;
    }
    // A wish that is negated ("en halua") is still not a held skill; the stronger cue wins.
    if (open && open.stance === 'missing') continue;
    close(m.index!);
    open = { start: m.index!, end: text.length, stance: cue };
  }
  close(text.length);
  return spans;
}
/** The stance of the text between `start` and `end` (a found skill's span). */
export function stanceAt(spans: Span[], start: number): Stance {
  for (const s of spans) if (start >= s.start && start < s.end) return s.stance;
  return 'held';
}
