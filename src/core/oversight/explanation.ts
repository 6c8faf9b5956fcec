import type { Lang } from '../languages.js';
import { regions } from '../regions/regions.js';
import type { MatchHit } from '../matches/schema.js';

/** The sentences of a person's explanation, per language. */
const TEXT = {
  fi: {
    intro: (h: MatchHit) => `Sinulle ehdotettiin työpaikkaa ${h.title}${h.employer ? `, ${h.employer}` : ''}, ${h.municipalityName}. Perusteet:`,
    matched: (n: number, of: number, list: string) => `Osaamisesi vastaa ${n}/${of} vaaditusta taidosta: ${list}.`,
    none: 'Profiilissasi ei ole vielä yhtään ilmoituksen vaatimista taidoista.',
    missing: (list: string) => `Sinulta puuttuu vielä: ${list}. Näihin voi löytyä koulutusta; kysy neuvojaltasi.`,
    occupation: 'Ammattisi tai ammattitoiveesi on sama tai lähellä tätä työtä.',
    text: 'Profiilisi teksti on lähellä ilmoituksen tekstiä.',
    here: 'Työpaikka on kotikunnassasi tai etätyötä.',
    km: (km: number) => `Työpaikka on noin ${km} km päässä kotikunnastasi.`,
    language: 'Ilmoitus edellyttää kieltä, jota profiilissasi ei ole.',
    licence: 'Ilmoitus edellyttää ajokorttia, jota profiilissasi ei ole.',
    cards: 'Ilmoitus edellyttää korttia tai todistusta, jota profiilissasi ei ole.',
    workingTime: 'Työaika ei vastaa toivettasi.',
    beyond: (road: number, range: number) => `Työpaikka on työmatkasi ulkopuolella: tietä arviolta ${road} km, työmatkasi on enintään ${range} km.`,
    relocation: 'Työpaikka on työmatkaasi kauempana, mutta olet valmis muuttamaan työn perässä.',
    wished: 'Työpaikka on työmatkaasi kauempana, mutta toivoit työtä tältä paikkakunnalta tai alueelta.',
    score: (pct: number) => `Sopivuus ${pct} / 100 (vertailuluku muihin ehdotuksiin, ei arvio sinusta).`,
    closing:
      'Ehdotus on apu, ei päätös: päätät itse, haetko paikkaa, ja neuvojasi voi ohittaa ehdotuksen perustellusta syystä. Syntymävuotta, sukupuolta, äidinkieltä, nimeä ja yhteystietoja ei käytetä ehdotuksissa.',
  },
  sv: {
    intro: (h: MatchHit) => `Du fick förslaget ${h.title}${h.employer ? `, ${h.employer}` : ''}, ${regions.municipalityName(h.municipality, 'sv') ?? h.municipalityName}. Grunderna:`,
    matched: (n: number, of: number, list: string) => `Din kompetens motsvarar ${n}/${of} av de krävda färdigheterna: ${list}.`,
    none: 'Din profil har ännu ingen av de färdigheter annonsen kräver.',
    missing: (list: string) => `Du saknar ännu: ${list}. Det kan finnas utbildning för dem; fråga din handledare.`,
    occupation: 'Ditt yrke eller önskade yrke är detsamma som eller nära detta arbete.',
    text: 'Texten i din profil ligger nära annonsens text.',
    here: 'Arbetsplatsen finns i din hemkommun eller är distansarbete.',
    km: (km: number) => `Arbetsplatsen ligger cirka ${km} km från din hemkommun.`,
    language: 'Annonsen kräver ett språk som inte finns i din profil.',
    licence: 'Annonsen kräver körkort, som inte finns i din profil.',
    cards: 'Annonsen kräver ett kort eller intyg som inte finns i din profil.',
    workingTime: 'Arbetstiden motsvarar inte ditt önskemål.',
    beyond: (road: number, range: number) => `Arbetsplatsen ligger utanför ditt pendlingsavstånd: uppskattningsvis ${road} km längs vägen, ditt pendlingsavstånd är högst ${range} km.`,
    relocation: 'Arbetsplatsen ligger längre bort än ditt pendlingsavstånd, men du är beredd att flytta för ett arbete.',
    wished: 'Arbetsplatsen ligger längre bort än ditt pendlingsavstånd, men du har önskat arbete på den här orten eller i den här regionen.',
    score: (pct: number) => `Lämplighet ${pct} / 100 (ett jämförelsetal mellan förslagen, ingen bedömning av dig).`,
    closing:
      'Förslaget är ett stöd, inget beslut: du bestämmer själv om du söker, och din handledare kan åsidosätta förslaget med motivering. Födelseår, kön, modersmål, namn och kontaktuppgifter används inte i förslagen.',
  },
  en: {
    intro: (h: MatchHit) => `You were suggested the vacancy ${h.title}${h.employer ? `, ${h.employer}` : ''}, ${h.municipalityName}. Why:`,
    matched: (n: number, of: number, list: string) => `You have ${n} of the ${of} required skills: ${list}.`,
    none: 'Your profile does not yet list any of the skills the vacancy requires.',
    missing: (list: string) => `Still missing: ${list}. There may be training for these; ask your counsellor.`,
    occupation: 'Your occupation or the occupation you wish for is the same as or close to this job.',
    text: 'The text of your profile is close to the text of the vacancy.',
    here: 'The job is in your home municipality, or remote.',
    km: (km: number) => `The job is about ${km} km from your home municipality.`,
    language: 'The vacancy requires a language your profile does not list.',
    licence: 'The vacancy requires a driving licence your profile does not list.',
    cards: 'The vacancy requires a card or certificate your profile does not list.',
    workingTime: 'The working time is not the one you look for.',
    beyond: (road: number, range: number) => `The job is beyond your commuting range: about ${road} km by road, and your range is ${range} km.`,
    relocation: 'The job is further away than your commuting range, but you are willing to move for work.',
    wished: 'The job is further away than your commuting range, but you wished to work in this municipality or region.',
    score: (pct: number) => `Fit ${pct} / 100 (a figure to compare suggestions, not a judgement of you).`,
    closing:
      'A suggestion helps, it does not decide: you decide whether to apply, and your counsellor can set a suggestion aside with a reason. Birth year, gender, mother tongue, name and contact details are never used for suggestions.',
  },
} satisfies Record<Lang, unknown>;

/** Why a vacancy was suggested, in plain words for the person it was suggested to. */
export function explainToPerson(hit: MatchHit, lang: Lang): { vacancy: string; lang: Lang; sentences: string[] } {
  const t = TEXT[lang];
  const required = hit.matchedSkills.length + hit.missingSkills.length;
  const names = (skills: MatchHit['matchedSkills']) => skills.map((s) => s.label).join(', ');
  const sentences = [t.intro(hit)];
  if (required > 0) sentences.push(hit.matchedSkills.length > 0 ? t.matched(hit.matchedSkills.length, required, names(hit.matchedSkills)) : t.none);
  if (hit.missingSkills.length > 0) sentences.push(t.missing(names(hit.missingSkills)));
  if ((hit.parts.occupation ?? 0) >= 0.8) sentences.push(t.occupation);
  if ((hit.parts.semantic ?? 0) >= 0.5) sentences.push(t.text);
  if (hit.distanceKm === undefined || hit.distanceKm < 1) sentences.push(t.here);
  else sentences.push(t.km(Math.round(hit.distanceKm)));
  if (hit.gates.language === 'fail') sentences.push(t.language);
  if (hit.gates.licence === 'fail') sentences.push(t.licence);
  if (hit.gates.cards === 'fail') sentences.push(t.cards);
  if (hit.gates.workingTime === 'fail') sentences.push(t.workingTime);
  const commute = hit.commute;
  // A client's own vacancies always carry their range (only a pseudonymous candidate's commute lacks it).
  if (commute?.beyondRange && commute.rangeKm !== undefined) sentences.push(commute.waivedBy === 'relocation' ? t.relocation : commute.waivedBy ? t.wished : t.beyond(commute.roadKm, commute.rangeKm));
  sentences.push(t.score(Math.round(hit.score * 100)), t.closing);
  return { vacancy: hit.id, lang, sentences };
}
