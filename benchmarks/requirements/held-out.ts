/**
 * A held-out set of ad sentences for requirement extraction, written on 2026-12-06 before reading
 * src/core/requirements/ (its cue lists, negations and card names) and not edited after seeing what
 * the extractor does. The author knew only the labels' shape (licence classes, language levels
 * basic/good/fluent/native, card ids). Wording as in Finnish, Swedish and English job ads: the cue
 * before or after the requirement, in the middle of a list, in a heading ("Must have:"), as a
 * second-person statement ("Du har B-körkort"), with several items of different importance in one
 * sentence, negations, and cards or languages the employer offers or trains rather than asks for.
 *
 * Labels are what a reader takes from the sentence:
 * - `licence:<class>`, `lang:<code>:<level>`, `card:<id>`, each `!` (essential) or `?` (an advantage);
 * - a language without a level is `good`; "fluent/sujuva/flytande/erinomainen/C1" is `fluent`,
 *   "basic/perustaidot/grundläggande/tyydyttävä/A2" is `basic`, "native/äidinkieli/modersmål" `native`,
 *   "good/hyvä/goda/B1/B2" `good`;
 * - "ajokortti"/"körkort"/"driving licence" without a class is B;
 * - a card or licence the employer pays for or trains is not a requirement;
 * - "you have X" in a list of what the applicant brings is a requirement.
 */
import type { LabelledSentence } from './sentences.js';

const fi = (text: string, ...expect: string[]): LabelledSentence => ({ lang: 'fi', text, expect });
const sv = (text: string, ...expect: string[]): LabelledSentence => ({ lang: 'sv', text, expect });
const en = (text: string, ...expect: string[]): LabelledSentence => ({ lang: 'en', text, expect });

export const HELD_OUT: LabelledSentence[] = [
  // Finnish
  fi('Hygieniapassi on pakollinen.', 'card:hygiene-passport!'),
  fi('Pakollisena vaatimuksena on voimassa oleva tulityökortti.', 'card:hot-work!'),
  fi('Ehdoton edellytys tehtävään on CE-luokan ajokortti.', 'licence:CE!'),
  fi('Sujuva suomen kielen taito on ehdoton.', 'lang:fi:fluent!'),
  fi('Työssä tarvitset B-ajokortin ja hyvän suomen kielen taidon, ruotsin kielen taito katsotaan eduksi.', 'licence:B!', 'lang:fi:good!', 'lang:sv:good?'),
  fi('Toivomme, että sinulla on trukkikortti, mutta se ei ole välttämätön.', 'card:forklift?'),
  fi('Plussaa on, jos sinulla on ensiapukortti.', 'card:first-aid?'),
  fi('Hakijalta vaaditaan Valtti-kortti ja työturvallisuuskortti.', 'card:valtti!', 'card:work-safety!'),
  fi('Maksamme hygieniapassin kustannukset työsuhteen alussa.'),
  fi('Koulutamme sinut ja hankimme trukkikortin työn puolesta.'),
  fi('Ajokorttia ei tarvita, työmatkat kuljetaan yhtiön autolla.'),
  fi('Sinulla on voimassa oleva vartijakortti.', 'card:security-guard!'),
  fi('Englannin kielen perustaidot riittävät.', 'lang:en:basic!'),
  fi('Eduksi katsotaan venäjän tai viron kielen taito.', 'lang:ru:good?', 'lang:et:good?'),
  fi('Tehtävä vaatii C-ajokortin, ammattipätevyyden ja ADR-luvan.', 'licence:C!', 'card:professional-competence!', 'card:adr!'),
  fi('Sähkötyöturvallisuuskortti on välttämätön, tieturvakortti luetaan eduksi.', 'card:electrical-safety!', 'card:road-safety?'),
  fi('Työkieli on englanti.', 'lang:en:good!'),
  fi('Odotamme sinulta erinomaista suomen ja hyvää ruotsin kielen taitoa.', 'lang:fi:fluent!', 'lang:sv:good!'),
  fi('Anniskelupassi ja hygieniapassi ovat työssä välttämättömiä.', 'card:alcohol-passport!', 'card:hygiene-passport!'),
  fi('Mikäli sinulla ei vielä ole työturvallisuuskorttia, järjestämme koulutuksen.'),
  fi('Ruotsin kieli ei ole tehtävässä tarpeen.'),
  fi('Arvostamme BE-ajokorttia, sillä työhön kuuluu peräkärryn vetämistä.', 'licence:BE?'),
  fi('Suomen kielen taito vähintään tasolla B1.', 'lang:fi:good!'),
  fi('Hakijalla tulee olla ajokortti ja oma auto.', 'licence:B!'),
  fi('Kuljettajalta edellytetään D-ajokorttia; äidinkielenä suomi.', 'licence:D!', 'lang:fi:native!'),
  fi('Vaadimme hygieniapassin, EA1-kortti on hyvä lisä.', 'card:hygiene-passport!', 'card:first-aid?'),
  fi('Ensiapukoulutus annetaan työnantajan puolesta.'),
  fi('Vartijakortin suorittaminen on mahdollista meillä.'),
  // Swedish
  sv('Hygienpass är obligatoriskt.', 'card:hygiene-passport!'),
  sv('Du har B-körkort och goda kunskaper i svenska.', 'licence:B!', 'lang:sv:good!'),
  sv('Det är meriterande om du talar finska.', 'lang:fi:good?'),
  sv('Finska är ett plus men inget krav.', 'lang:fi:good?'),
  sv('Krav: C-körkort och yrkeskompetensbevis.', 'licence:C!', 'card:professional-competence!'),
  sv('Truckkort är ett krav för tjänsten.', 'card:forklift!'),
  sv('Vi ser gärna att du har heta arbeten-certifikat.', 'card:hot-work?'),
  sv('Körkort är inget krav.'),
  sv('Vi bekostar ditt hygienpass.'),
  sv('Flytande svenska i tal och skrift är ett måste.', 'lang:sv:fluent!'),
  sv('Du behärskar engelska och har grundläggande kunskaper i finska.', 'lang:en:good!', 'lang:fi:basic!'),
  sv('Meriterande: CE-körkort och ADR-intyg.', 'licence:CE?', 'card:adr?'),
  sv('Tjänsten förutsätter giltigt arbetarskyddskort.', 'card:work-safety!'),
  sv('Vi förutsätter att du har svenska som modersmål.', 'lang:sv:native!'),
  sv('Det är en fördel om du har första hjälpen-kort.', 'card:first-aid?'),
  sv('Väktarkort krävs; tidigare erfarenhet av bevakning är meriterande.', 'card:security-guard!'),
  sv('Arbetsspråket är svenska, finska behövs inte.', 'lang:sv:good!'),
  sv('Den som saknar truckkort får utbildning av oss.'),
  sv('Du måste ha D-körkort för att söka.', 'licence:D!'),
  sv('Elsäkerhetskort är obligatoriskt, vägsäkerhetskort är en fördel.', 'card:electrical-safety!', 'card:road-safety?'),
  sv('Kunskaper i ryska är till fördel.', 'lang:ru:good?'),
  sv('Krav på serveringspass och hygienpass.', 'card:alcohol-passport!', 'card:hygiene-passport!'),
  sv('Du behöver inte ha körkort.'),
  sv('Vi önskar att du kan kommunicera på finska, svenska och engelska.', 'lang:fi:good?', 'lang:sv:good?', 'lang:en:good?'),
  // English
  en('A valid hygiene passport is mandatory.', 'card:hygiene-passport!'),
  en('Must have: category C driving licence.', 'licence:C!'),
  en('Fluent Finnish is a must.', 'lang:fi:fluent!'),
  en('Swedish is nice to have.', 'lang:sv:good?'),
  en('Knowledge of Swedish is a plus but not essential.', 'lang:sv:good?'),
  en('Having a forklift licence is an advantage.', 'card:forklift?'),
  en('You hold a valid occupational safety card.', 'card:work-safety!'),
  en('A driving licence is not needed for this role.'),
  en('We cover the cost of your hot work licence.'),
  en('Applicants must hold a CE licence and an ADR certificate.', 'licence:CE!', 'card:adr!'),
  en('Good English is required; basic Finnish is considered an asset.', 'lang:en:good!', 'lang:fi:basic?'),
  en('The working language is English, no Finnish needed.', 'lang:en:good!'),
  en('Preferred: first aid certificate (EA1).', 'card:first-aid?'),
  en('An electrical safety card is essential for the job.', 'card:electrical-safety!'),
  en('Native-level Finnish required.', 'lang:fi:native!'),
  en('We expect a Tieturva road safety card, and a Valtti card is a bonus.', 'card:road-safety!', 'card:valtti?'),
  en('No licence? No problem: we train you for the forklift licence on the job.'),
  en('You will need a B licence and your own car.', 'licence:B!'),
  en('Ideally you also speak some Russian.', 'lang:ru:basic?'),
  en('Security guard card mandatory, experience in retail security preferred.', 'card:security-guard!'),
  en('A D licence with professional competence (CPC) is required.', 'licence:D!', 'card:professional-competence!'),
  en('It would be great if you had an alcohol licence certificate (anniskelupassi).', 'card:alcohol-passport?'),
  en('Proficiency in Finnish at C1 level is mandatory.', 'lang:fi:fluent!'),
];
