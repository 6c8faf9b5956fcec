/**
 * Whether a skill named in free text is held, wished for (or being learnt), or said to be
 * missing: "Minulla ei ole trukkikorttia" and "Haluaisin jakeluun" name skills the writer does
 * not have. A cue word governs the rest of its clause: up to a full stop, semicolon, line break or
 * a contrasting word ("mutta", "men", "but"), or a comma followed by the start of a new clause
 * ("olen", "osaan", "jag", "I"); a list after a comma stays in the scope ("ei trukkikorttia,
 * työturvallisuuskorttia tai hygieniapassia").
 */
export type Stance = 'held' | 'wish' | 'missing';

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
  const spans: Span[] = [];
  let open: Span | undefined;
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
    const word = m[0].toLocaleLowerCase('fi').replace('’', "'");
    if (/^[.;!?\n]$/.test(word)) {
      close(m.index);
      continue;
    }
    if (word === ',') {
      const next = tokens[i + 1]?.[0].toLocaleLowerCase('fi');
      if (!next || CLAUSE_START.has(next)) close(m.index);
      continue;
    }
    if (CONTRAST.has(word)) {
      close(m.index);
      continue;
    }
    const cue = CUES.get(word);
    if (!cue || (FINNISH_ONLY.has(word) && lang !== 'fi')) continue;
    // A wish that is negated ("en halua") is still not a held skill; the stronger cue wins.
    if (open && open.stance === 'missing') continue;
    close(m.index);
    open = { start: m.index, end: text.length, stance: cue };
  }
  close(text.length);
  return spans;
}

/** The stance of the text between `start` and `end` (a found skill's span). */
export function stanceAt(spans: Span[], start: number): Stance {
  for (const s of spans) if (start >= s.start && start < s.end) return s.stance;
  return 'held';
}
