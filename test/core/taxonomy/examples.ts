/**
 * Labelled skill-extraction examples, written for Kohtaanto: job-ad and CV sentences in Finnish,
 * Swedish and English, with the curated taxonomy's skills they name. Inflected and compounded
 * forms on purpose. Used by test/core/taxonomy/extraction.test.ts and benchmarks/skills.ts.
 */
export interface Example {
  lang: 'fi' | 'sv' | 'en';
  text: string;
  /** Keys of curated skills (fixtures/taxonomy/curated.ts) the text names. */
  skills: string[];
}

export const EXAMPLES: Example[] = [
  { lang: 'fi', text: 'Haemme hitsaajaa, jolla on kokemusta MIG-hitsauksesta ja TIG-hitsauksesta.', skills: ['welding', 'mig', 'tig'] },
  { lang: 'fi', text: 'Hitsauksen lisäksi tehtäviin kuuluu piirustusten lukemista.', skills: ['welding', 'blueprints'] },
  { lang: 'fi', text: 'Edellytämme voimassa olevaa trukkikorttia ja työturvallisuuskorttia.', skills: ['forklift', 'safetyCard'] },
  { lang: 'fi', text: 'Tulityökortin ja työturvallisuuskortin omaava asentaja.', skills: ['hotWork', 'safetyCard'] },
  { lang: 'fi', text: 'Lähihoitajalta odotamme lääkehoidon osaamista ja kokemusta vanhustyöstä.', skills: ['medication', 'elderlyCare'] },
  { lang: 'fi', text: 'Tehtäviin kuuluu asiakaspalvelua, kassatyöskentelyä ja tuotteiden esillepanoa.', skills: ['customerService', 'cashier', 'productDisplay'] },
  { lang: 'fi', text: 'Ravintola hakee kokkia. Hygieniapassi ja erityisruokavalioiden tuntemus vaaditaan.', skills: ['hygienePassport', 'specialDiets'] },
  { lang: 'fi', text: 'Kuljettajalta vaaditaan CE-ajokortti, ammattipätevyys ja ADR-lupa.', skills: ['licenceCE', 'professionalCompetence', 'adr'] },
  { lang: 'fi', text: 'Ohjelmistokehittäjä: TypeScript, React ja SQL sekä pilvipalveluiden tuntemus.', skills: ['typescript', 'react', 'sql', 'cloud'] },
  { lang: 'fi', text: 'Kirjanpidon ja palkanlaskennan osaaja, Excelin hallinta on välttämätöntä.', skills: ['accounting', 'payroll', 'excel'] },
  { lang: 'fi', text: 'Sähköasennukset ja sähköturvallisuus ovat minulle tuttuja, samoin automaatiotekniikka.', skills: ['electricalInstallation', 'electricalSafety', 'automation'] },
  { lang: 'fi', text: 'Olen tehnyt ylläpitosiivousta ja siivouskoneiden käyttö sujuu.', skills: ['cleaning', 'cleaningMachines'] },
  { lang: 'fi', text: 'Suomen kielen ja ruotsin kielen taito sekä ensiapukortti.', skills: ['finnish', 'swedish', 'firstAidTraining'] },
  { lang: 'sv', text: 'Vi söker svetsare med erfarenhet av MIG-svetsning och ritningsläsning.', skills: ['mig', 'blueprints'] },
  { lang: 'sv', text: 'Truckkort och arbetarskyddskort krävs för arbetet på lagret.', skills: ['forklift', 'safetyCard'] },
  { lang: 'sv', text: 'Du har erfarenhet av läkemedelsbehandling, äldreomsorg och dokumentation.', skills: ['medication', 'elderlyCare', 'documentation'] },
  { lang: 'sv', text: 'Arbetet omfattar kundservice, kassaarbete och försäljning.', skills: ['customerService', 'cashier', 'sales'] },
  { lang: 'sv', text: 'Kocken ska ha hygienpass och kunskaper i matlagning för specialdieter.', skills: ['hygienePassport', 'cooking', 'specialDiets'] },
  { lang: 'sv', text: 'Vi förutsätter CE-körkort och yrkeskompetens samt ADR-intyg.', skills: ['licenceCE', 'professionalCompetence', 'adr'] },
  { lang: 'sv', text: 'Kunskaper i bokföring, löneräkning och fakturering.', skills: ['accounting', 'payroll', 'invoicing'] },
  { lang: 'sv', text: 'Elinstallation och elsäkerhet, gärna även automationsteknik.', skills: ['electricalInstallation', 'electricalSafety', 'automation'] },
  { lang: 'sv', text: 'Goda kunskaper i svenska och finska, engelska är en merit.', skills: ['swedish', 'finnish', 'english'] },
  { lang: 'sv', text: 'Utvecklare med TypeScript, React och molntjänster.', skills: ['typescript', 'react', 'cloud'] },
  { lang: 'sv', text: 'Erfarenhet av småbarnspedagogik och första hjälpen.', skills: ['earlyEducation', 'firstAid'] },
  { lang: 'en', text: 'We need a welder skilled in MIG welding and reading technical drawings.', skills: ['mig', 'blueprints'] },
  { lang: 'en', text: 'A forklift licence and an occupational safety card are required.', skills: ['forklift', 'safetyCard'] },
  { lang: 'en', text: 'Experience in medication administration and elderly care is essential.', skills: ['medication', 'elderlyCare'] },
  { lang: 'en', text: 'Customer service, cash handling and product display in a busy shop.', skills: ['customerService', 'cashier', 'productDisplay'] },
  { lang: 'en', text: 'The cook must hold a hygiene passport and know special diets.', skills: ['hygienePassport', 'specialDiets'] },
  { lang: 'en', text: 'CE driving licence, driver CPC and an ADR certificate needed.', skills: ['licenceCE', 'professionalCompetence', 'adr'] },
  { lang: 'en', text: 'Developer with TypeScript, JavaScript, SQL and cloud services experience.', skills: ['typescript', 'javascript', 'sql', 'cloud'] },
  { lang: 'en', text: 'Bookkeeping and payroll experience, strong Excel skills.', skills: ['accounting', 'payroll', 'excel'] },
  { lang: 'en', text: 'Electrical installation and electrical safety work on building sites.', skills: ['electricalInstallation', 'electricalSafety'] },
  { lang: 'en', text: 'Maintenance cleaning with cleaning machines in offices.', skills: ['cleaning', 'cleaningMachines'] },
  { lang: 'en', text: 'Fluent English and Finnish language skills, some Swedish language.', skills: ['english', 'finnish', 'swedish'] },
  { lang: 'en', text: 'Early childhood education and first aid skills for day-care work.', skills: ['earlyEducation', 'firstAid'] },
];
