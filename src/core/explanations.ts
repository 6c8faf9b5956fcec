/** Plain-language sentences a counsellor can show the client, in Finnish, Swedish or English. */
import { LOCALES, pluralForm, type Lang } from './languages.js';

export type { Lang };

export interface SkillGapFacts {
  skill: string;
  /** Of the best-fitting vacancies in the area, how many ask for the skill. */
  demand: number;
  suitableNow: number;
  suitableWith: number;
  /** Skills needed together with this one to open the vacancies counted in `suitableWith`. */
  together?: string[];
}

export interface TrainingFacts {
  title: string;
  provider: string;
  place: string;
  durationDays: number;
  start: string;
}

/** A count as the language writes it (1 240, 1,240). */
const count = (lang: Lang, n: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
/** A count and the word it names, in the form the language's plural rules ask for ("1 ledigt jobb", "2 lediga jobb"). */
const counted = (lang: Lang, n: number, one: string, other: string) => `${count(lang, n)} ${pluralForm(lang, n) === 'one' ? one : other}`;

const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
const skillGap: Record<Lang, (f: SkillGapFacts) => string> = {
  fi: (f) =>
    `Taito "${f.skill}" puuttuu ${f.demand} sopivimmasta työpaikasta. Sen kanssa${f.together?.length ? ` (yhdessä: ${quoted(f.together)})` : ''} sopivia työpaikkoja olisi ${f.suitableWith} (nyt ${f.suitableNow}, +${f.suitableWith - f.suitableNow}).`,
  sv: (f) =>
    `Färdigheten "${f.skill}" saknas i ${f.demand} av de bäst passande jobben. Med den${f.together?.length ? ` (tillsammans med ${quoted(f.together)})` : ''} skulle ${f.suitableWith} jobb passa (nu ${f.suitableNow}, +${f.suitableWith - f.suitableNow}).`,
  en: (f) =>
    `The skill "${f.skill}" is asked for by ${f.demand} of the best-fitting vacancies. With it${f.together?.length ? ` (together with ${quoted(f.together)})` : ''}, ${counted('en', f.suitableWith, 'vacancy', 'vacancies')} would fit (now ${f.suitableNow}, +${f.suitableWith - f.suitableNow}).`,
};

/** `start` is already worded: "alkaa 2027-01-15" or "jatkuva haku". */
const training: Record<Lang, (f: TrainingFacts) => string> = {
  fi: (f) => `Koulutus: ${f.title} (${f.provider}, ${f.place}, ${f.durationDays} pv, ${f.start}).`,
  sv: (f) => `Utbildning: ${f.title} (${f.provider}, ${f.place}, ${f.durationDays} dagar, ${f.start}).`,
  en: (f) => `Training: ${f.title} (${f.provider}, ${f.place}, ${f.durationDays} days, ${f.start}).`,
};
const starts: Record<Lang, (date: string) => string> = {
  fi: (d) => `alkaa ${d}`,
  sv: (d) => `börjar ${d}`,
  en: (d) => `starts ${d}`,
};

const online: Record<Lang, string> = { fi: 'verkossa', sv: 'på nätet', en: 'online' };
const continuous: Record<Lang, string> = { fi: 'jatkuva haku', sv: 'löpande antagning', en: 'continuous intake' };

export const explainSkillGap = (lang: Lang, facts: SkillGapFacts) => skillGap[lang](facts);
export const explainTraining = (lang: Lang, facts: Omit<TrainingFacts, 'place' | 'start'> & { place?: string; start?: string }) =>
  training[lang]({ ...facts, place: facts.place ?? online[lang], start: facts.start ? starts[lang](facts.start) : continuous[lang] });

const target: Record<Lang, (occupation: string, vacancies: number, missing: string[]) => string> = {
  fi: (o, n, m) => `${o}: ${counted('fi', n, 'avoin työpaikka', 'avointa työpaikkaa')} lähellä. ${m.length ? `Puuttuvat taidot: ${m.join(', ')}.` : 'Taidot riittävät.'}`,
  sv: (o, n, m) => `${o}: ${counted('sv', n, 'ledigt jobb', 'lediga jobb')} i närheten. ${m.length ? `Färdigheter som saknas: ${m.join(', ')}.` : 'Färdigheterna räcker.'}`,
  en: (o, n, m) => `${o}: ${counted('en', n, 'open vacancy', 'open vacancies')} nearby. ${m.length ? `Missing skills: ${m.join(', ')}.` : 'The skills are there.'}`,
};
export const explainTarget = (lang: Lang, occupation: string, vacancies: number, missing: string[]) => target[lang](occupation, vacancies, missing);

export interface PlanPickFacts {
  title: string;
  provider: string;
  places: number;
  cost: number;
  vacancies: number;
  skills: string[];
  /** The expected employment gain per place, and whether it was measured (over how many earlier participants, as published) or estimated. */
  effect?: { basis: 'measured' | 'estimated'; perPlace: number; participants: number | string | null };
}

/** Euros as the language writes them: "47 200 €" in Finnish and Swedish (a space between thousands), "€47,200" in English. */
const euros = (lang: Lang, n: number) => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
const pp = (lang: Lang, x: number) => `${x >= 0 ? '+' : '−'}${Math.round(Math.abs(x) * 100)} ${lang === 'en' ? 'percentage points' : lang === 'sv' ? 'procentenheter' : 'prosenttiyksikköä'}`;
const planEffect: Record<Lang, (e: NonNullable<PlanPickFacts['effect']>) => string> = {
  fi: (e) =>
    e.basis === 'measured'
      ? ` Odotettu työllistyminen ${pp('fi', e.perPlace)} paikkaa kohden, mitattu alueen aiemmista osallistujista (${e.participants}) ja vertailuryhmästä.`
      : ` Odotettu työllistyminen ${pp('fi', e.perPlace)} paikkaa kohden on arvio avautuvista työpaikoista: tuloksia ei ole vielä riittävästi.`,
  sv: (e) =>
    e.basis === 'measured'
      ? ` Väntad sysselsättning ${pp('sv', e.perPlace)} per plats, mätt bland områdets tidigare deltagare (${e.participants}) mot en jämförelsegrupp.`
      : ` Väntad sysselsättning ${pp('sv', e.perPlace)} per plats är en uppskattning utifrån jobben som blir nåbara: det finns ännu inte tillräckligt med resultat.`,
  en: (e) =>
    e.basis === 'measured'
      ? ` Expected employment ${pp('en', e.perPlace)} per place, measured on the area's earlier participants (${e.participants}) against a comparison group.`
      : ` Expected employment ${pp('en', e.perPlace)} per place is estimated from the vacancies it opens: there are not yet enough outcomes.`,
};

const planPick: Record<Lang, (f: PlanPickFacts) => string> = {
  fi: (f) =>
    `Osta ${counted('fi', f.places, 'paikka', 'paikkaa')} koulutuksesta ${f.title} (${f.provider}, ${euros('fi', f.cost)}): se opettaa taidot ${f.skills.join(', ')}, joilla ${counted('fi', f.vacancies, 'uusi avoin työpaikka', 'uutta avointa työpaikkaa')} tulee koulutettujen asiakkaiden ulottuville.`,
  sv: (f) =>
    `Köp ${counted('sv', f.places, 'plats', 'platser')} i ${f.title} (${f.provider}, ${euros('sv', f.cost)}): den lär ut ${f.skills.join(', ')}, som gör ${counted('sv', f.vacancies, 'nytt ledigt jobb nåbart', 'nya lediga jobb nåbara')} för de utbildade kunderna.`,
  en: (f) =>
    `Buy ${counted('en', f.places, 'place', 'places')} in ${f.title} (${f.provider}, ${euros('en', f.cost)}): it teaches ${f.skills.join(', ')}, which puts ${count('en', f.vacancies)} more ${pluralForm('en', f.vacancies) === 'one' ? 'open vacancy' : 'open vacancies'} within reach of the clients trained.`,
};
export const explainPlanPick = (lang: Lang, facts: PlanPickFacts) => planPick[lang](facts) + (facts.effect ? planEffect[lang](facts.effect) : '');

/** A purchase of fewer than 5 places: its places, cost, reach and gain describe fewer than 5 clients, so none is said. */
const planFewPlaces: Record<Lang, (f: Pick<PlanPickFacts, 'title' | 'provider' | 'skills'> & { costPerPlace: number }) => string> = {
  fi: (f) =>
    `Osta alle 5 paikkaa koulutuksesta ${f.title} (${f.provider}, ${euros('fi', f.costPerPlace)} paikka): se opettaa taidot ${f.skills.join(', ')}. Paikkamäärää, hintaa ja vaikutusta ei näytetä, koska ne kertoisivat alle viidestä asiakkaasta.`,
  sv: (f) =>
    `Köp färre än 5 platser i ${f.title} (${f.provider}, ${euros('sv', f.costPerPlace)} per plats): den lär ut ${f.skills.join(', ')}. Antalet platser, kostnaden och effekten visas inte, eftersom de skulle beskriva färre än fem kunder.`,
  en: (f) =>
    `Buy fewer than 5 places in ${f.title} (${f.provider}, ${euros('en', f.costPerPlace)} a place): it teaches ${f.skills.join(', ')}. The number of places, the cost and the effect are not shown: they would describe fewer than five clients.`,
};
export const explainFewPlaces = (lang: Lang, facts: Parameters<(typeof planFewPlaces)['en']>[0]) => planFewPlaces[lang](facts);
