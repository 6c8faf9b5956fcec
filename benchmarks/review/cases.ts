/**
 * The counsellor review set (issue 29): client personas and vacancies written as clients and
 * employers write them, in Finnish, Swedish and English — not in the fixture generator's wording
 * (fixtures/generate.ts, fixtures/catalogue.ts: "Työnhakija, tavoiteammatti …", "Toivomme osaamista:
 * …"). Written by hand for benchmarks/review.ts before it was run; nothing here was tuned to the engine.
 *
 * What is only the reviewer's truth and never loaded into the engine:
 * - `ReviewVacancy.isco`: the ISCO unit group the reviewer reads the ad as (the trap check compares it
 *   with a persona's `trapIsco`); fixture vacancies are read by the `occupation` the generator gave them;
 * - `ReviewVacancy.expect`: the requirements a reader takes from the ad's text, in the notation of
 *   benchmarks/requirements/sentences.ts (`licence:B!`, `lang:sv:good!`, `card:hygiene-passport?`;
 *   `!` essential, `?` an advantage);
 * - `ReviewPersona.note`, `trapIsco`: who the persona is, and the ISCO unit groups of the "same words,
 *   other job" occupations that must stay out of their top 10.
 * Everything else is the record as a counsellor or an employer would enter it.
 */

export interface ReviewVacancy {
  id: string;
  lang: 'fi' | 'sv' | 'en';
  isco: string;
  expect: string[];
  record: {
    title: string;
    description: string;
    employer?: string;
    municipality: string;
    skills?: string[];
    workingTime?: 'full' | 'part';
    remote?: boolean;
  };
}

export interface ReviewPersona {
  id: string;
  lang: 'fi' | 'sv' | 'en';
  note: string;
  trapIsco?: string[];
  record: {
    title: string;
    summary: string;
    skills?: string[];
    municipality: string;
    languages: string[];
    workingTime?: 'full' | 'part' | 'any';
    drivingLicence?: boolean;
    drivingLicences?: string[];
    cards?: string[];
    commuteKm?: number;
    wishedMunicipalities?: string[];
    wishedRegions?: string[];
    willingToRelocate?: boolean;
    educationLevel?: 'basic' | 'upper-secondary' | 'vocational' | 'bachelor' | 'master' | 'doctorate';
  };
}

const v = (id: string, lang: ReviewVacancy['lang'], isco: string, expect: string[], record: ReviewVacancy['record']): ReviewVacancy => ({ id, lang, isco, expect, record });

export const REVIEW_VACANCIES: ReviewVacancy[] = [
  v('RV-01', 'fi', '3334', ['licence:B!'], {
    title: 'Kiinteistönvälittäjä (LKV)',
    employer: 'Savon Koti LKV',
    municipality: 'Kuopio',
    description:
      'Kasvava välitystoimistomme etsii Kuopioon myyntihenkistä kiinteistönvälittäjää. Hoidat asunto- ja kiinteistökaupat alusta loppuun: arvioinnit, näytöt, kauppakirjat. LKV-tutkinto tai valmius suorittaa se. Edellytämme B-ajokorttia ja omaa autoa. Palkka provisiopohjainen.',
  }),
  v('RV-02', 'fi', '5153', ['licence:B!', 'card:work-safety?', 'card:hot-work?'], {
    title: 'Huoltomies / kiinteistönhoitaja',
    employer: 'Kuopion Kiinteistöpalvelu Oy',
    municipality: 'Kuopio',
    description:
      'Tarvitsemme luotettavan huoltomiehen asuinkiinteistöjemme päivittäisiin töihin: vikailmoitukset, lämmitys- ja vesilaitteiden tarkistukset, piha ja talvella lumityöt. Päivystysvuoroja noin kerran kuussa. Edellytämme B-ajokorttia. Työturvallisuuskortti ja tulityökortti katsotaan eduksi.',
  }),
  v('RV-03', 'fi', '3334', [], {
    title: 'Kiinteistönvälittäjä, asuntomyynti',
    employer: 'Siilin Asuntomyynti',
    municipality: 'Siilinjärvi',
    description:
      'Haluatko myydä koteja? Haemme kiinteistönvälittäjää omakotitalojen ja rivitaloasuntojen myyntiin. Asiakaspalveluasenne ja neuvottelutaito ovat tärkeimmät. Kokemus kiinteistönvälityksestä on plussaa.',
  }),
  v('RV-04', 'sv', '5153', [], {
    title: 'Fastighetsskötare',
    employer: 'Vasa Bostäder Ab',
    municipality: 'Vasa',
    description:
      'Vi söker en fastighetsskötare till våra hyreshus i centrum. Du sköter felanmälningar, små reparationer, bastur och tvättstugor, och gården året runt. Körkort krävs inte, vi har servicebil för arbetstid. Tillsvidare anställning.',
  }),
  v('RV-05', 'sv', '3334', [], {
    title: 'Fastighetsmäklare',
    employer: 'Österbottens Fastighetsförmedling',
    municipality: 'Vasa',
    description:
      'Vill du hjälpa människor att hitta sitt nästa hem? Vi söker en fastighetsmäklare till vårt kontor i Vasa. Du gör värderingar, visningar och köpebrev. AFM-examen är ett plus.',
  }),
  v('RV-06', 'sv', '6121', ['licence:B!'], {
    title: 'Djurskötare till mjölkgård',
    employer: 'Lillsjö gård',
    municipality: 'Närpes',
    description:
      'Vi har 120 kor och en mjölkrobot. Vi behöver en djurskötare för utfodring, kalvskötsel och att hålla ladugården i skick. Vana vid djur är viktigare än utbildning. Körkort krävs, gården ligger 12 km från centrum.',
  }),
  v('RV-07', 'sv', '2221', ['lang:sv:good!'], {
    title: 'Sjukskötare till bäddavdelning',
    employer: 'Välfärdsområdet i Österbotten',
    municipality: 'Vasa',
    description:
      'Till vår internmedicinska bäddavdelning söker vi legitimerade sjukskötare, både fast och vikarier. Treskiftsarbete. Goda kunskaper i svenska krävs. Vi erbjuder en ordentlig introduktion.',
  }),
  v('RV-08', 'sv', '2221', ['lang:sv:good!', 'lang:fi:good?'], {
    title: 'Sjukskötare, hälsostation',
    employer: 'Välfärdsområdet i Österbotten',
    municipality: 'Malax',
    description:
      'Malax hälsostation behöver en sjukskötare till mottagningen och vårdavdelningen. Dagarbete med några kvällar. Goda kunskaper i svenska krävs, finska är en merit.',
  }),
  v('RV-09', 'sv', '6121', [], {
    title: 'Djurskötare',
    employer: 'Sydkustens Päls',
    municipality: 'Kristinestad',
    description:
      'Farmen söker en djurskötare för säsongen. Arbetet består av utfodring, rengöring av burar och hälsokontroller av djuren. Passar dig som tycker om fysiskt arbete utomhus.',
  }),
  v('RV-10', 'en', '2144', ['lang:en:fluent!'], {
    title: 'Welding Engineer (IWE)',
    employer: 'Baltic Yards Ltd',
    municipality: 'Turku',
    description:
      'We are looking for a welding engineer to own welding procedure specifications (WPS/WPQR), qualify welders and support production in hull block fabrication. IWE diploma and a BSc in mechanical engineering expected. Fluent English required; Finnish is a plus but not needed.',
  }),
  v('RV-11', 'en', '7212', ['card:hot-work!'], {
    title: 'MIG/MAG welder',
    employer: 'Rauma Steel Works',
    municipality: 'Rauma',
    description:
      'Experienced welder wanted for steel structures, mostly MAG welding of thick plate in the shop, some site work. You read drawings on your own. Hot work licence required. Two-shift work.',
  }),
  v('RV-12', 'fi', '2144', [], {
    title: 'Hitsausinsinööri',
    employer: 'Satakunnan Konepaja Oy',
    municipality: 'Pori',
    description:
      'Vastaat hitsausohjeista (WPS), menetelmäkokeista ja hitsaajien pätevöinneistä sekä laadunvalvonnasta. Odotamme insinöörin tutkintoa ja IWE/IWT-pätevyyttä. Tehtävä on toimihenkilötehtävä.',
  }),
  v('RV-13', 'fi', '7212', ['card:hot-work!'], {
    title: 'Hitsaaja konepajaan',
    employer: 'Satakunnan Konepaja Oy',
    municipality: 'Pori',
    description:
      'Haemme hitsaajaa raskaiden teräsrakenteiden valmistukseen. Hitsaat pääasiassa MIG/MAG-menetelmällä, joskus puikolla. Tulityökortti edellytetään. Kaksivuorotyö, vakituinen työsuhde.',
  }),
  v('RV-14', 'en', '8332', ['licence:CE!', 'card:professional-competence!', 'card:adr?'], {
    title: 'Truck driver, CE',
    employer: 'Nordic Haulage Oy',
    municipality: 'Vantaa',
    description:
      'Night runs between Vantaa terminal and Tampere with a full trailer. CE licence and valid professional competence (CPC) required. ADR is a plus. Fixed routes, home every morning.',
  }),
  v('RV-15', 'en', '8322', ['licence:B!'], {
    title: 'Parcel delivery driver',
    employer: 'CityDrop',
    municipality: 'Vantaa',
    description:
      'Deliver parcels to homes and businesses in Vantaa and Helsinki with a company van. B licence required, no heavy vehicle licence needed. Route app in English and Finnish. Part-time and full-time shifts.',
  }),
  v('RV-16', 'fi', '8332', ['licence:CE!', 'card:professional-competence!'], {
    title: 'Yhdistelmäajoneuvon kuljettaja',
    employer: 'Pirkan Kuljetus Oy',
    municipality: 'Tampere',
    description:
      'Ajat täysperävaunuyhdistelmällä kappaletavaraa Tampereelta Ouluun ja takaisin. Vaadimme CE-ajokortin ja ammattipätevyyden. Kokemus raskaasta kalustosta on eduksi.',
  }),
  v('RV-17', 'fi', '8322', ['licence:B!'], {
    title: 'Jakelukuljettaja pakettiautolla',
    employer: 'Tampereen Jakelu Oy',
    municipality: 'Tampere',
    description:
      'Jaat ruokatoimituksia ja paketteja pakettiautolla Tampereen alueella. Edellytämme B-ajokorttia ja hyvää paikallistuntemusta. Työ alkaa aamuisin klo 6.',
  }),
  v('RV-18', 'en', '2512', ['lang:en:fluent!'], {
    title: 'Backend developer (TypeScript)',
    employer: 'Loop Software',
    municipality: 'Helsinki',
    description:
      'Build and run our Node.js services: API design, PostgreSQL, cloud deployment, code reviews. 3+ years of backend development. Fluent English required. Hybrid work from our Helsinki office.',
  }),
  v('RV-19', 'en', '2519', [], {
    title: 'QA engineer / software tester',
    employer: 'Loop Software',
    municipality: 'Helsinki',
    description:
      'You plan and run manual and automated tests for our web and mobile apps, write bug reports developers can act on and keep our Robot Framework suite healthy. ISTQB certificate is an advantage.',
  }),
  v('RV-20', 'fi', '2519', ['lang:fi:good!'], {
    title: 'Ohjelmistotestaaja',
    employer: 'Pohjoisen Softa Oy',
    municipality: 'Oulu',
    description:
      'Testaat terveysteknologian ohjelmistoja: testitapausten suunnittelu, regressiotestaus ja testiautomaation ylläpito. Suomen kielen hyvä taito edellytetään, koska dokumentaatio on suomeksi.',
  }),
  v('RV-21', 'fi', '2512', [], {
    title: 'Ohjelmistokehittäjä, Java',
    employer: 'Pohjoisen Softa Oy',
    municipality: 'Oulu',
    description:
      'Kehität potilastietojärjestelmän taustapalveluita Javalla ja Springillä. Arvostamme kokemusta rajapinnoista ja tietokannoista. Etätyö mahdollista osittain.',
  }),
  v('RV-22', 'en', '4321', ['card:forklift!'], {
    title: 'Warehouse worker',
    employer: 'Airport Logistics Center',
    municipality: 'Vantaa',
    description:
      'Receiving, picking and packing orders in a busy warehouse near the airport. Forklift licence required. Three shifts. Safety shoes provided.',
  }),
  v('RV-23', 'fi', '5120', ['card:hygiene-passport?'], {
    title: 'Kokki hotellin ravintolaan',
    employer: 'Rukan Hotelli',
    municipality: 'Kuusamo',
    description:
      'Talvikaudeksi kokki à la carte -keittiöön ja aamiaiselle. Kokemus ravintolakeittiöstä tarvitaan, hygieniapassi katsotaan eduksi. Majoitus järjestyy tarvittaessa.',
  }),
  v('RV-24', 'fi', '5120', ['card:hygiene-passport!'], {
    title: 'Kokki / keittiötyöntekijä',
    employer: 'Sallatunturin Tuvat',
    municipality: 'Salla',
    description:
      'Laskettelukeskuksen ravintola hakee kokkia joulusta huhtikuun loppuun. Lounas ja illallinen, pienet ryhmät. Hygieniapassi on pakollinen.',
  }),
  v('RV-25', 'fi', '5153', ['licence:B!'], {
    title: 'Kiinteistönhoitaja Rukalle',
    employer: 'Rukan Huolto Oy',
    municipality: 'Kuusamo',
    description:
      'Hoidat loma-asuntojen ja rinnepalvelujen kiinteistöjä: lämmitys, vesi, lumityöt traktorilla ja pienet korjaukset. Ajokortti on välttämätön, kohteet ovat laajalla alueella.',
  }),
  v('RV-26', 'sv', '7411', ['licence:B!', 'card:electrical-safety!'], {
    title: 'Elmontör',
    employer: 'Närpes El Ab',
    municipality: 'Närpes',
    description:
      'Vi söker en elmontör till installationer i egnahemshus, växthus och lantbruk i Närpesnejden. Elsäkerhetsutbildning (SFS 6002) krävs. Körkort krävs, servicebil ingår.',
  }),
  v('RV-27', 'fi', '7411', ['card:electrical-safety!'], {
    title: 'Sähköasentaja',
    employer: 'Savon Sähkötyö Oy',
    municipality: 'Kuopio',
    description:
      'Uudiskohteiden ja saneerausten sähköasennukset Kuopion seudulla. Sähköturvallisuuskoulutus SFS 6002 vaaditaan. Hyvä palkka ja vakituinen työ.',
  }),
  v('RV-28', 'sv', '4321', ['card:forklift!'], {
    title: 'Lagerarbetare',
    employer: 'Jakobstads Logistik',
    municipality: 'Jakobstad',
    description:
      'Plockning, packning och lastning av gods till butiker i hela Österbotten. Truckkort krävs. Dagskift måndag–fredag.',
  }),
  v('RV-29', 'fi', '2221', [], {
    title: 'Sairaanhoitaja sisätautiosastolle',
    employer: 'Pirkanmaan hyvinvointialue',
    municipality: 'Tampere',
    skills: ['hoitotyön kirjaaminen', 'lääkehoito'],
    description:
      'Sisätautien vuodeosasto hakee sairaanhoitajaa vakituiseen kolmivuorotyöhön. Tehtävään kuuluvat potilaiden kokonaisvaltainen hoito, lääkehoito ja rakenteinen kirjaaminen potilastietojärjestelmään.',
  }),
  v('RV-30', 'fi', '5322', ['licence:B?'], {
    title: 'Lähihoitaja kotihoitoon',
    employer: 'Lapin hyvinvointialue',
    municipality: 'Rovaniemi',
    description:
      'Kotihoidon tiimiin tarvitaan lähihoitajaa. Käyt asiakkaiden luona, huolehdit lääkkeistä ja arjen sujumisesta. B-ajokortti katsotaan eduksi, työautoja on käytössä.',
  }),
  v('RV-31', 'en', '5246', ['card:hygiene-passport!'], {
    title: 'Barista',
    employer: 'Kahvila Latte',
    municipality: 'Espoo',
    description:
      'Friendly barista wanted for a busy café in Tapiola. Hygiene passport required. Finnish not required, our team speaks English. Weekends included.',
  }),
  v('RV-32', 'sv', '5322', ['lang:sv:good!'], {
    title: 'Närvårdare till boendeservice',
    employer: 'Borgå stad',
    municipality: 'Borgå',
    description:
      'Vi söker närvårdare till ett serviceboende för äldre. Du deltar i den dagliga vården och aktiviteterna. Goda kunskaper i svenska krävs, då de flesta boende är svenskspråkiga.',
  }),
];

const p = (id: string, lang: ReviewPersona['lang'], note: string, record: ReviewPersona['record'], trapIsco?: string[]): ReviewPersona => ({
  id,
  lang,
  note,
  record,
  ...(trapIsco ? { trapIsco } : {}),
});

const DEVELOPERS = ['2512', '2513', '2514'];

export const REVIEW_PERSONAS: ReviewPersona[] = [
  p('RP-01', 'fi', 'Kuopio kiinteistönhoitaja (trap: kiinteistönvälittäjä nearby)', {
    title: 'kiinteistönhoitaja',
    summary:
      'Olen tehnyt kiinteistönhoitoa kahdeksan vuotta taloyhtiöissä. Lumityöt, lämmityksen säätö, pienet putki- ja sähkökorjaukset ja vikapäivystys ovat tuttuja. Haen vakituista työtä Kuopiosta.',
    municipality: 'Kuopio',
    languages: ['fi'],
    drivingLicence: true,
  }, ['3334']),
  p('RP-02', 'fi', 'Siilinjärvi huoltomies (trap: kiinteistönvälittäjä in Siilinjärvi)', {
    title: 'huoltomies',
    summary: 'Kiinteistöhuollon hommia takana 15 vuotta, viimeksi kauppakeskuksessa. Traktorilla lumitöitä, ilmanvaihdon suodattimet, lamppujen vaihdot. Tulityökortti voimassa.',
    skills: ['tulityökortti'],
    municipality: 'Siilinjärvi',
    languages: ['fi'],
    drivingLicence: true,
  }, ['3334']),
  p('RP-03', 'sv', 'Vasa fastighetsskötare (trap: fastighetsmäklare in Vasa)', {
    title: 'fastighetsskötare',
    summary: 'Jag har jobbat som fastighetsskötare i tio år, med värme, vatten, ventilation och snöröjning. Trivs med praktiskt arbete och att hjälpa hyresgäster.',
    municipality: 'Vasa',
    languages: ['sv', 'fi'],
  }, ['3334']),
  p('RP-04', 'fi', 'Kuopio kiinteistönvälittäjä (reverse trap: huoltomies)', {
    title: 'kiinteistönvälittäjä',
    summary: 'LKV-pätevyys, kuusi vuotta asuntokauppaa. Teen arvioinnit, näytöt ja kaupat itsenäisesti ja olen hyvä neuvottelija.',
    municipality: 'Kuopio',
    languages: ['fi', 'en'],
    drivingLicence: true,
  }, ['5153']),
  p('RP-05', 'sv', 'Närpes sjukskötare (trap: djurskötare in Närpes and Kristinestad)', {
    title: 'sjukskötare',
    summary: 'Legitimerad sjukskötare med tio års erfarenhet från hälsocentralens bäddavdelning. Läkemedelsbehandling, sårvård och journalföring hör till vardagen. Jag vill jobba i Närpes eller Kristinestad.',
    municipality: 'Närpes',
    languages: ['sv', 'fi'],
    drivingLicence: true,
  }, ['6121', '5164']),
  p('RP-06', 'sv', 'Malax sjukskötare', {
    title: 'sjukskötare',
    summary: 'Nyutexaminerad sjukskötare från Novia. Praktik på akuten och inom hemvården. Söker fast jobb i närheten av Malax.',
    municipality: 'Malax',
    languages: ['sv', 'fi', 'en'],
  }, ['6121', '5164']),
  p('RP-07', 'fi', 'Vaasa sairaanhoitaja without Swedish', {
    title: 'sairaanhoitaja',
    summary: 'Sairaanhoitaja, kokemusta sisätautien osastolta ja päivystyksestä seitsemän vuotta. Muutin Vaasaan perheen takia. Ruotsia en juuri osaa, mutta olen valmis opiskelemaan.',
    municipality: 'Vaasa',
    languages: ['fi', 'en'],
  }, ['6121', '5164']),
  p('RP-08', 'sv', 'Kristinestad djurskötare (reverse trap: sjukskötare)', {
    title: 'djurskötare',
    summary: 'Jag har skött kor och kalvar på två gårdar i sammanlagt åtta år. Kan mjölkrobot och utfodring, kör traktor.',
    municipality: 'Kristinestad',
    languages: ['sv'],
    drivingLicence: true,
  }, ['2221']),
  p('RP-09', 'en', 'Turku welder (trap: welding engineer in Turku)', {
    title: 'welder',
    summary: 'Welder with 9 years in shipbuilding subcontracting. MIG/MAG and stick welding, fillet and butt welds, reading drawings. EN ISO 9606 certificates. Hot work card valid.',
    skills: ['MIG welding', 'hot work licence'],
    municipality: 'Turku',
    languages: ['en'],
  }, ['2144']),
  p('RP-10', 'fi', 'Pori hitsaaja (trap: hitsausinsinööri in Pori)', {
    title: 'hitsaaja',
    summary: 'Konepajahitsaaja, 20 vuotta alalla. Raskaat teräsrakenteet, MAG ja puikko. Luen piirustukset itse. Tulityökortti ja työturvallisuuskortti voimassa.',
    municipality: 'Pori',
    languages: ['fi'],
    drivingLicence: true,
  }, ['2144']),
  p('RP-11', 'fi', 'Rauma hitsaaja, range 40 km', {
    title: 'hitsaaja',
    summary: 'Hitsaan teräsrakenteita, olen tehnyt töitä telakalla ja konepajassa. Haluan päivätyötä lähellä Raumaa, en lähde kauas.',
    municipality: 'Rauma',
    languages: ['fi'],
    commuteKm: 40,
  }, ['2144']),
  p('RP-12', 'sv', 'Närpes elektriker', {
    title: 'elmontör',
    summary: 'Elmontör med 12 års erfarenhet av installationer i bostäder och växthus. SFS 6002 i kraft. Vill inte pendla till Vasa varje dag.',
    municipality: 'Närpes',
    languages: ['sv', 'fi'],
    drivingLicence: true,
  }),
  p('RP-13', 'en', 'Vantaa delivery driver, B licence only (trap: CE truck driver)', {
    title: 'delivery driver',
    summary: 'I have driven a van for a courier company for four years, parcels and food deliveries around Helsinki and Vantaa. I have a B licence only. I speak English and some Finnish.',
    municipality: 'Vantaa',
    languages: ['en'],
    drivingLicences: ['B'],
  }, ['8332']),
  p('RP-14', 'fi', 'Tampere jakelukuljettaja (trap: CE driver)', {
    title: 'jakelukuljettaja',
    summary: 'Ajanut pakettiautolla kotijakelua ja kauppojen täydennyksiä kolme vuotta. B-kortti. Aamuvuorot sopivat hyvin.',
    municipality: 'Tampere',
    languages: ['fi'],
    drivingLicences: ['B'],
  }, ['8332']),
  p('RP-15', 'en', 'Helsinki software tester (trap: developer)', {
    title: 'software tester',
    summary: 'Software tester for 5 years: test planning, exploratory testing, bug reports in Jira, some Robot Framework automation. I like finding what breaks. ISTQB Foundation.',
    municipality: 'Helsinki',
    languages: ['en', 'fi'],
  }, DEVELOPERS),
  p('RP-16', 'fi', 'Oulu ohjelmistotestaaja (trap: developer)', {
    title: 'ohjelmistotestaaja',
    summary: 'Olen testannut mobiilisovelluksia ja verkkopalveluita neljä vuotta. Regressiotestaus, testitapausten kirjoittaminen ja vähän testiautomaatiota.',
    municipality: 'Oulu',
    languages: ['fi', 'en'],
  }, DEVELOPERS),
  p('RP-17', 'fi', 'Tampere nurse, 14 years, missing only documentation', {
    title: 'sairaanhoitaja',
    summary: 'Sairaanhoitaja, 14 vuotta sisätautien ja kirurgian vuodeosastoilla. Lääkehoito, haavanhoito, potilasohjaus ja vuorovastaavan tehtävät ovat tuttuja. Haen vakituista työtä Tampereelta.',
    skills: ['lääkehoito', 'haavanhoito', 'potilasohjaus'],
    municipality: 'Tampere',
    languages: ['fi', 'en'],
    educationLevel: 'bachelor',
  }, ['6121', '5164']),
  p('RP-18', 'fi', 'Salla kokki (small place)', {
    title: 'kokki',
    summary: 'Kokki, tehnyt ruokaa lounasravintolassa ja hiihtokeskuksessa kymmenen vuotta. Hygieniapassi on. Asun Sallassa enkä halua muuttaa.',
    municipality: 'Salla',
    languages: ['fi'],
    cards: ['hygiene-passport'],
  }),
  p('RP-19', 'fi', 'Kuusamo kokki', {
    title: 'kokki',
    summary: 'Keittiössä olen ollut 6 vuotta, viimeksi hotellin aamiaisella ja à la cartessa Rukalla. Vuorotyö sopii.',
    municipality: 'Kuusamo',
    languages: ['fi', 'en'],
  }),
  p('RP-20', 'fi', 'Kuusamo kiinteistönhoitaja (trap: kiinteistönvälittäjä)', {
    title: 'kiinteistönhoitaja',
    summary: 'Kiinteistönhoitoa ja lumitöitä traktorilla Kuusamossa viisi vuotta. Korjaan pieniä vikoja itse.',
    municipality: 'Kuusamo',
    languages: ['fi'],
    drivingLicence: true,
  }, ['3334']),
  p('RP-21', 'fi', 'Salla metsäkoneenkuljettaja, willing to move', {
    title: 'metsäkoneenkuljettaja',
    summary: 'Harvesterilla ja kuormatraktorilla ajoa 11 vuotta. Sallassa ei ole töitä, joten olen valmis muuttamaan minne vain.',
    municipality: 'Salla',
    languages: ['fi'],
    drivingLicence: true,
    willingToRelocate: true,
  }),
  p('RP-22', 'en', 'Helsinki developer, willing to relocate', {
    title: 'software developer',
    summary: 'Full-stack developer, 6 years of TypeScript, React and Node.js, some Java. Open to moving anywhere in Finland for the right team.',
    municipality: 'Helsinki',
    languages: ['en'],
    willingToRelocate: true,
  }, ['2519']),
  p('RP-23', 'sv', 'Malax butiksbiträde, wishes Vasa', {
    title: 'butiksbiträde',
    summary: 'Jag har jobbat i mataffär i fem år, kassa, varupåfyllning och kundservice. Kan tänka mig att jobba i Vasa också.',
    municipality: 'Malax',
    languages: ['sv', 'fi'],
    wishedMunicipalities: ['Vasa'],
  }),
  p('RP-24', 'fi', 'Närpiö lähihoitaja, wishes Vaasa', {
    title: 'lähihoitaja',
    summary: 'Lähihoitaja, vanhustyötä kotihoidossa ja palvelutalossa kuusi vuotta. Ruotsia puhun arjessa. Vaasa käy myös.',
    municipality: 'Närpes',
    languages: ['fi', 'sv'],
    wishedMunicipalities: ['Vaasa'],
  }),
  p('RP-25', 'fi', 'Joensuu siivooja', {
    title: 'siivooja',
    summary: 'Siivoan toimistoja ja kouluja, kokemusta 12 vuotta. Koneellinen lattianhoito onnistuu. Aamuvuorot parhaat.',
    municipality: 'Joensuu',
    languages: ['fi'],
  }),
  p('RP-26', 'en', 'Espoo barista, learning Finnish', {
    title: 'barista',
    summary: 'Barista for 3 years in Lisbon and Helsinki, espresso drinks, latte art, cash register. I am learning Finnish. I have the hygiene passport.',
    municipality: 'Espoo',
    languages: ['en', 'pt'],
    cards: ['hygiene-passport'],
  }),
  p('RP-27', 'sv', 'Jakobstad lagerarbetare with truckkort', {
    title: 'lagerarbetare',
    summary: 'Har plockat och packat på lager i sju år och kör truck dagligen. Truckkort finns.',
    municipality: 'Jakobstad',
    languages: ['sv'],
    cards: ['forklift'],
  }),
  p('RP-28', 'fi', 'Vantaa varastotyöntekijä without forklift card', {
    title: 'varastotyöntekijä',
    summary: 'Keräilyä ja pakkaamista logistiikkakeskuksessa kaksi vuotta. Trukkikorttia minulla ei ole vielä.',
    municipality: 'Vantaa',
    languages: ['fi', 'en'],
  }),
  p('RP-29', 'fi', 'Rovaniemi lähihoitaja', {
    title: 'lähihoitaja',
    summary: 'Valmistuin lähihoitajaksi keväällä, harjoittelut kotihoidossa ja vammaispalveluissa. Ajokortti on.',
    municipality: 'Rovaniemi',
    languages: ['fi'],
    drivingLicence: true,
  }),
  p('RP-30', 'sv', 'Borgå närvårdare', {
    title: 'närvårdare',
    summary: 'Närvårdare inom äldreomsorgen i femton år. Jag har jobbat både på boende och i hemvården i Borgå.',
    municipality: 'Borgå',
    languages: ['sv', 'fi'],
  }),
  p('RP-31', 'fi', 'Seinäjoki sähköasentaja, range 80 km', {
    title: 'sähköasentaja',
    summary: 'Sähköasentaja, talotekniikan asennuksia ja huoltoja kymmenen vuotta. SFS 6002 voimassa. Voin ajaa työmatkaa vähän pidempäänkin.',
    municipality: 'Seinäjoki',
    languages: ['fi'],
    drivingLicence: true,
    commuteKm: 80,
  }),
  p('RP-32', 'fi', 'Lahti CE-kuljettaja', {
    title: 'rekkakuski',
    summary: 'Ajanut rekkaa 18 vuotta, kotimaan runkoliikennettä ja jakelua. CE-kortti, ammattipätevyys ja ADR.',
    municipality: 'Lahti',
    languages: ['fi'],
    drivingLicences: ['CE'],
    cards: ['professional-competence', 'adr'],
  }),
  p('RP-33', 'en', 'Turku welding engineer (reverse trap: welder)', {
    title: 'welding engineer',
    summary: 'Mechanical engineer (BSc) with IWE diploma. Eight years writing WPS, running procedure tests and welder qualifications in a shipyard. Looking for an engineering role, not shop floor work.',
    municipality: 'Turku',
    languages: ['en', 'fi'],
    educationLevel: 'bachelor',
  }, ['7212']),
  p('RP-34', 'fi', 'Helsinki ohjelmistokehittäjä (reverse trap: tester)', {
    title: 'ohjelmistokehittäjä',
    summary: 'Koodannut C#:lla ja TypeScriptillä seitsemän vuotta, taustajärjestelmiä ja rajapintoja. Haluan jatkaa kehittäjänä.',
    municipality: 'Helsinki',
    languages: ['fi', 'en'],
  }, ['2519']),
  p('RP-35', 'fi', 'Jyväskylä kirjanpitäjä', {
    title: 'kirjanpitäjä',
    summary: 'Tilitoimistossa 9 vuotta: kirjanpito, alv-ilmoitukset, tilinpäätökset pienyrityksille. Procountor ja Netvisor tuttuja.',
    municipality: 'Jyväskylä',
    languages: ['fi', 'sv', 'en'],
  }),
  p('RP-36', 'sv', 'Korsholm snickare', {
    title: 'snickare',
    summary: 'Byggsnickare med 14 år på byggen: stommar, takstolar, inredning. Kan läsa ritningar. Bor i Korsholm.',
    municipality: 'Korsholm',
    languages: ['sv', 'fi'],
    drivingLicence: true,
  }),
  p('RP-37', 'fi', 'Mikkeli lastenhoitaja', {
    title: 'lastenhoitaja',
    summary: 'Varhaiskasvatuksen lastenhoitaja, päiväkodissa viisi vuotta. Pidän ulkoilusta ja musiikista lasten kanssa.',
    municipality: 'Mikkeli',
    languages: ['fi'],
  }),
  p('RP-38', 'en', 'Oulu IT support, wishes Kempele and Liminka', {
    title: 'IT support specialist',
    summary: 'Helpdesk and desktop support for 4 years: Windows, Microsoft 365, user accounts, laptops. Happy to work in Oulu, Kempele or Liminka.',
    municipality: 'Oulu',
    languages: ['en', 'fi'],
    wishedMunicipalities: ['Kempele', 'Liminka'],
  }),
  p('RP-39', 'fi', 'Kajaani vartija', {
    title: 'vartija',
    summary: 'Vartijakortti voimassa, kokemusta kauppakeskuksen ja teollisuuslaitoksen vartioinnista. Yövuorot käyvät.',
    municipality: 'Kajaani',
    languages: ['fi'],
    cards: ['security-guard'],
  }),
  p('RP-40', 'sv', 'Raseborg kock', {
    title: 'kock',
    summary: 'Kock sedan tolv år, lunchrestaurang och catering i Ekenäs. Hygienpass finns. Söker heltid.',
    municipality: 'Raseborg',
    languages: ['sv', 'fi'],
    cards: ['hygiene-passport'],
  }),
  p('RP-41', 'fi', 'Kemijärvi myyjä, wishes Lapland', {
    title: 'myyjä',
    summary: 'Kaupan alalla 8 vuotta, kassa, hyllytys ja asiakaspalvelu. Voisin lähteä töihin muualle Lappiin, jos asunto järjestyy.',
    municipality: 'Kemijärvi',
    languages: ['fi'],
    wishedRegions: ['Lappi'],
  }),
  p('RP-42', 'fi', 'Kuopio sähköasentaja, willing to move', {
    title: 'sähköasentaja',
    summary: 'Sähköasentaja, teollisuuden asennukset ja kunnossapito. Muutto toiselle paikkakunnalle on mahdollinen.',
    municipality: 'Kuopio',
    languages: ['fi'],
    willingToRelocate: true,
  }),
  p('RP-43', 'en', 'Tampere van driver (trap: CE driver)', {
    title: 'van driver',
    summary: 'Van driver for a bakery for 2 years, early morning deliveries to shops. I only have a B licence, so no trucks.',
    municipality: 'Tampere',
    languages: ['en', 'fi'],
    drivingLicences: ['B'],
  }, ['8332']),
  p('RP-44', 'fi', 'Posio kiinteistönhoitaja, range 100 km (small place)', {
    title: 'kiinteistönhoitaja',
    summary: 'Talonmiehen ja kiinteistönhoitajan töitä 20 vuotta kunnan kiinteistöissä. Ajan tarvittaessa pitkänkin matkan töihin.',
    municipality: 'Posio',
    languages: ['fi'],
    drivingLicence: true,
    commuteKm: 100,
  }, ['3334']),
  // Written for the page checks of the counsellor's review of a cleaner (where each vacancy stands,
  // the gap report's count, occupations within reach): cleaners and a hotel room attendant in three
  // languages, whose own line has few vacancies nearby and whose ESCO unit group holds many variants.
  p('RP-45', 'sv', 'Vasa städare', {
    title: 'städare',
    summary: 'Jag har städat kontor och trappuppgångar i Vasa i nio år, mest kvällsstädning. Maskinell golvvård går bra. Vill helst jobba dagtid.',
    municipality: 'Vasa',
    languages: ['sv', 'fi'],
  }),
  p('RP-46', 'en', 'Tampere hotel room attendant', {
    title: 'room attendant',
    summary: 'Four years making up rooms in two hotels in Tampere: beds, bathrooms, minibar, lost property. Some Finnish, fluent English.',
    municipality: 'Tampere',
    languages: ['en', 'fi'],
  }),
  p('RP-47', 'fi', 'Lahti laitoshuoltaja', {
    title: 'laitoshuoltaja',
    summary: 'Sairaalan osastolla laitoshuoltajana seitsemän vuotta: eritetahrat, vuodepaikkojen siivous, ruokahuolto osastolla. Aseptiikka hallussa.',
    municipality: 'Lahti',
    languages: ['fi'],
  }),
  p('RP-48', 'en', 'Espoo office cleaner, evenings', {
    title: 'office cleaner',
    summary: 'I clean offices in the evenings, vacuuming, emptying bins, kitchens and toilets, for a cleaning company since 2019. I would like more hours.',
    municipality: 'Espoo',
    languages: ['en'],
    workingTime: 'part',
  }),
];
