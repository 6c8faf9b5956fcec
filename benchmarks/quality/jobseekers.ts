/**
 * Hand-written clients of the labelled match set (see match-set.ts): how people describe
 * themselves to a counsellor, in Finnish, Swedish and English, in real municipalities. `family`
 * is the writer's judgement of the work they are suited to and seek. Traps: negations ("ei ole
 * trukkikorttia"), wishes ("haluaisin"), learners of a language, similar words for other jobs.
 */
export interface LabelledJobseeker {
  id: string;
  family: string;
  lang: 'fi' | 'sv' | 'en';
  municipality: string;
  title: string;
  summary: string;
  skills?: string[];
  languages: string[];
  drivingLicence?: boolean;
  workingTime?: 'full' | 'part' | 'any';
}

const j = (
  id: string,
  family: string,
  lang: LabelledJobseeker['lang'],
  municipality: string,
  languages: string[],
  title: string,
  summary: string,
  extra: Partial<LabelledJobseeker> = {},
): LabelledJobseeker => ({ id, family, lang, municipality, languages, title, summary, ...extra });

export const JOBSEEKERS: LabelledJobseeker[] = [
  j('j01', 'nurse', 'sv', 'Vaasa', ['sv', 'fi'], 'Sjukskötare', 'Jag är legitimerad sjukskötare med sju års erfarenhet från en medicinsk avdelning på Vasa centralsjukhus. Jag har skött läkemedelsbehandling och sårvård och talar både svenska och finska.', { drivingLicence: true }),
  j('j02', 'nurse', 'fi', 'Tampere', ['fi', 'en'], 'Sairaanhoitaja', 'Valmistuin sairaanhoitajaksi keväällä. Harjoittelut tein päivystyksessä ja kirurgisella osastolla. Lääkehoidon luvat kunnossa.'),
  j('j03', 'nurse', 'en', 'Helsinki', ['en', 'fi'], 'Registered nurse', 'Registered nurse from the Philippines, licensed in Finland (Valvira) since last year. Eight years in surgical and intensive care. My Finnish is at B1 level.'),
  j('j04', 'practical-nurse', 'fi', 'Lahti', ['fi'], 'Lähihoitaja', 'Olen lähihoitaja ja tehnyt kotihoitoa viisi vuotta. Ikäihmisten kanssa työskentely on minulle tuttua. Minulla on ajokortti.', { drivingLicence: true }),
  j('j05', 'practical-nurse', 'sv', 'Vaasa', ['sv'], 'Närvårdare', 'Utbildad närvårdare, har jobbat på äldreboende i Korsholm. Vill gärna fortsätta inom äldreomsorgen.'),
  j('j06', 'practical-nurse', 'en', 'Espoo', ['en'], 'Practical nurse', 'I finished the practical nurse (lähihoitaja) programme in English last year and did my placements in elderly care. Learning Finnish (A2).'),
  j('j07', 'welder', 'fi', 'Pori', ['fi'], 'Hitsaaja', 'Olen hitsannut teräsrakenteita konepajoissa 15 vuotta, MIG ja puikko. Luen piirustuksia ja minulla on työturvallisuuskortti.', { drivingLicence: true }),
  j('j08', 'welder', 'en', 'Rauma', ['en'], 'Welder', 'I welded ship hull sections in a Polish shipyard for ten years and drove forklifts in the yard. MIG/MAG and TIG certificates.'),
  j('j09', 'welder', 'sv', 'Pietarsaari', ['sv', 'fi'], 'Svetsare', 'Svetsare med erfarenhet av TIG-svetsning i rostfritt. Har arbetat på verkstad i Jakobstad.'),
  j('j10', 'warehouse', 'fi', 'Lahti', ['fi'], 'Varastotyöntekijä', 'Pitkään työttömänä ollut varastomies. Tein keräilyä ja lähettämön töitä Lahdessa kymmenen vuotta. Trukkikortti vanheni, mutta trukkia olen ajanut paljon.', { drivingLicence: false }),
  j('j11', 'warehouse', 'en', 'Vantaa', ['en'], 'Warehouse worker', 'Experienced in picking, packing and loading trucks at a distribution centre. I hold a forklift licence.'),
  j('j12', 'warehouse', 'sv', 'Vaasa', ['sv'], 'Lagerarbetare', 'Jag har jobbat på lager med plock och packning. Har truckkort.'),
  j('j13', 'delivery-driver', 'fi', 'Lahti', ['fi'], 'Kuljettaja', 'Minulla ei ole trukkikorttia eikä työturvallisuuskorttia. Haluaisin jakeluun, olen ajanut pakettiautoa kuriiriliikkeessä.', { drivingLicence: true }),
  j('j14', 'truck-driver', 'sv', 'Vaasa', ['sv', 'fi'], 'Lastbilschaufför', 'Har CE-körkort och yrkeskompetens. Kört fjärrtransporter i tio år.', { drivingLicence: true }),
  j('j15', 'bus-driver', 'en', 'Espoo', ['en'], 'Bus driver', 'Bus driver with a D licence from Estonia, converted to a Finnish one. I drove city routes in Tallinn for six years.', { drivingLicence: true }),
  j('j16', 'cleaner', 'fi', 'Helsinki', ['fi'], 'Siivooja', 'Olen siivonnut toimistoja ja kauppakeskuksia. Sopii myös ilta- tai aamuvuoro.'),
  j('j17', 'cleaner', 'en', 'Vantaa', ['en'], 'Cleaner', 'I have cleaned hotels and offices for four years. I do not speak Finnish yet.'),
  j('j18', 'property-maintenance', 'fi', 'Jyväskylä', ['fi'], 'Kiinteistönhoitaja', 'Kiinteistönhoitaja, 20 vuotta taloyhtiöiden huoltoa: lämmönjakohuoneet, ilmanvaihto, lumityöt ja pienet korjaukset.', { drivingLicence: true }),
  j('j19', 'property-maintenance', 'sv', 'Porvoo', ['sv', 'fi'], 'Fastighetsskötare', 'Jag har skött fastigheter i Borgå i tolv år: värme, ventilation och snöröjning.', { drivingLicence: true }),
  j('j20', 'real-estate-agent', 'fi', 'Helsinki', ['fi', 'sv'], 'Kiinteistönvälittäjä', 'LKV-tutkinnon suorittanut kiinteistönvälittäjä. Asuntokauppa ja näytöt tuttuja.'),
  j('j21', 'cook', 'fi', 'Kuopio', ['fi'], 'Kokki', 'Olen valmistunut kokiksi ja tehnyt lounasravintolassa töitä kolme vuotta. Hygieniapassi on voimassa.'),
  j('j22', 'cook', 'en', 'Helsinki', ['en'], 'Cook', 'Cook from Nepal with experience in hotel kitchens and fast food. English speaking.'),
  j('j23', 'waiter', 'sv', 'Turku', ['sv', 'fi', 'en'], 'Servitör', 'Servitör med erfarenhet från restauranger i Åbo och Stockholm.'),
  j('j24', 'developer', 'en', 'Helsinki', ['en'], 'Software developer', 'Full-stack developer: TypeScript, React, Node.js and PostgreSQL. Five years in startups. Open to remote work.'),
  j('j25', 'developer', 'fi', 'Oulu', ['fi', 'en'], 'Ohjelmistokehittäjä', 'Java- ja Kotlin-kehittäjä, taustalla mobiilisovelluksia ja taustajärjestelmiä.'),
  j('j26', 'developer', 'sv', 'Espoo', ['sv', 'en'], 'Systemutvecklare', 'Jag utvecklar program i C# och .NET och har jobbat med webbtjänster.'),
  j('j27', 'accountant', 'fi', 'Tampere', ['fi'], 'Kirjanpitäjä', 'Merkonomi, kymmenen vuotta tilitoimistossa: kirjanpito, palkanlaskenta ja arvonlisäverotus.'),
  j('j28', 'accountant', 'en', 'Helsinki', ['en'], 'Accountant', 'Chartered accountant from India, experienced in accounts payable, reconciliations and month-end closing.'),
  j('j29', 'electrician', 'sv', 'Kokkola', ['sv'], 'Elmontör', 'Elmontör med behörighet, erfarenhet av installationer i egnahemshus och industri.'),
  j('j30', 'electrician', 'fi', 'Lahti', ['fi'], 'Sähköasentaja', 'Sähköasentaja, urakoita uudiskohteissa ja saneerauksissa. Työturvallisuuskortti ja SFS 6002.'),
  j('j31', 'plumber', 'fi', 'Tampere', ['fi'], 'Putkiasentaja', 'Olen tehnyt putkiremontteja ja lämpöjohtoja kymmenen vuotta.'),
  j('j32', 'carpenter', 'en', 'Helsinki', ['en'], 'Carpenter', 'Carpenter from Ukraine, formwork and interior finishing on apartment building sites.'),
  j('j33', 'carpenter', 'sv', 'Närpiö', ['sv'], 'Snickare', 'Byggnadssnickare, jag har byggt egnahemshus och gjort renoveringar i Närpes.'),
  j('j34', 'kindergarten-teacher', 'fi', 'Espoo', ['fi', 'en'], 'Varhaiskasvatuksen opettaja', 'Kasvatustieteen kandidaatti, viisi vuotta esiopetusryhmän opettajana.'),
  j('j35', 'childcare', 'sv', 'Vaasa', ['sv'], 'Barnskötare', 'Barnskötare som har arbetat på daghem med små barn.'),
  j('j36', 'salesperson', 'fi', 'Lahti', ['fi'], 'Myyjä', 'Olen myynyt urheiluvälineitä ja tehnyt kassatyötä. Asiakaspalvelu on vahvuuteni.', { workingTime: 'any' }),
  j('j37', 'customer-service', 'en', 'Espoo', ['en', 'sv'], 'Customer service', 'Customer support agent, phone and email, in English and Swedish.'),
  j('j38', 'dental-nurse', 'fi', 'Tampere', ['fi'], 'Hammashoitaja', 'Suun terveydenhuollon osaaja, olen avustanut hammaslääkäriä ja huoltanut välineitä.'),
  j('j39', 'mechanic', 'sv', 'Kokkola', ['sv', 'fi'], 'Bilmekaniker', 'Bilmekaniker, service och reparation av personbilar och paketbilar.'),
  j('j40', 'hairdresser', 'en', 'Helsinki', ['en'], 'Hairdresser', 'Hairdresser trained in Brazil, cutting, colouring and styling.'),
  j('j41', 'social-worker', 'fi', 'Lahti', ['fi', 'en'], 'Sosiaalityöntekijä', 'Yhteiskuntatieteiden maisteri, pätevä sosiaalityöntekijä, kokemusta lastensuojelusta.'),
  j('j42', 'security-guard', 'fi', 'Vantaa', ['fi'], 'Vartija', 'Vartijakortti voimassa, kokemusta kauppakeskusvartioinnista.'),
  j('j43', 'physiotherapist', 'sv', 'Pietarsaari', ['sv', 'fi'], 'Fysioterapeut', 'Legitimerad fysioterapeut, rehabilitering av äldre och idrottsskador.'),
  j('j44', 'machinist', 'en', 'Tampere', ['en'], 'CNC operator', 'I set up and ran CNC milling machines in a factory in Romania for seven years.'),
];
