/**
 * Hand-written vacancies of the labelled match set (see match-set.ts): natural ad wording in
 * Finnish, Swedish and English, real municipalities, the writer's own judgement of the occupation
 * (`family`). Not the fixture generator's vocabulary. Traps: similar words for another job,
 * expired and closed ads.
 */
export interface LabelledVacancy {
  id: string;
  family: string;
  lang: 'fi' | 'sv' | 'en';
  municipality: string;
  title: string;
  description: string;
  skills?: string[];
  languages?: string[];
  drivingLicenceRequired?: boolean;
  workingTime?: 'full' | 'part';
  remote?: boolean;
  expiresAt?: string;
  status?: 'open' | 'closed';
}

const v = (
  id: string,
  family: string,
  lang: LabelledVacancy['lang'],
  municipality: string,
  title: string,
  description: string,
  extra: Partial<LabelledVacancy> = {},
): LabelledVacancy => ({ id, family, lang, municipality, title, description, ...extra });

export const VACANCIES: LabelledVacancy[] = [
  // Registered nurses
  v('v001', 'nurse', 'fi', 'Vaasa', 'Sairaanhoitaja, sisätautien osasto', 'Etsimme laillistettua sairaanhoitajaa vakituiseen työsuhteeseen Vaasan keskussairaalan sisätautiosastolle. Työ on kolmivuorotyötä. Edellytämme sujuvaa suomen ja ruotsin kielen taitoa.', { languages: ['fi', 'sv'], skills: ['potilaiden hoito', 'lääkehoito'] }),
  v('v002', 'nurse', 'sv', 'Närpiö', 'Sjukskötare till hemsjukvården', 'Vi söker en legitimerad sjukskötare till hemsjukvården i Närpes. Du besöker patienter i deras hem, sköter läkemedel och sår. Körkort krävs.', { languages: ['sv'], drivingLicenceRequired: true }),
  v('v003', 'nurse', 'en', 'Helsinki', 'Registered nurse, surgical ward', 'Helsinki University Hospital is hiring registered nurses for its surgical ward. You will care for patients before and after operations and give medication. Finnish at a working level is required.', { languages: ['fi'] }),
  v('v004', 'nurse', 'fi', 'Tampere', 'Sairaanhoitaja päivystykseen', 'Tampereen yliopistollisen sairaalan päivystykseen haetaan sairaanhoitajia. Arvostamme kokemusta akuuttihoidosta ja lääkehoidon osaamista.', { languages: ['fi'] }),
  v('v005', 'nurse', 'fi', 'Mustasaari', 'Sairaanhoitaja terveysasemalle', 'Mustasaaren terveysasemalle tarvitaan sairaanhoitaja vastaanottotyöhön. Työ on päivätyötä. Kaksikielinen työympäristö, ruotsin kielen taito on eduksi.', { languages: ['fi'] }),
  v('v006', 'nurse', 'fi', 'Oulu', 'Sairaanhoitaja, vanhentunut ilmoitus', 'Oulun kaupungin kotisairaalaan sairaanhoitaja. Haku päättyi.', { expiresAt: '2025-02-01' }),
  // Practical nurses
  v('v007', 'practical-nurse', 'fi', 'Lahti', 'Lähihoitaja kotihoitoon', 'Lahden kotihoito etsii lähihoitajia. Autat ikäihmisiä arjessa heidän kotonaan: hygienia, ruokailu ja lääkkeiden anto. Ajokortti on välttämätön.', { drivingLicenceRequired: true, languages: ['fi'] }),
  v('v008', 'practical-nurse', 'sv', 'Vaasa', 'Närvårdare till äldreboende', 'Vi söker närvårdare till vårt äldreboende i Vasa. Arbetet sker i tre skift. Du hjälper de boende i vardagen och delar ut mediciner.', { languages: ['sv', 'fi'] }),
  v('v009', 'practical-nurse', 'en', 'Espoo', 'Practical nurse for a care home', 'A private care home in Espoo needs practical nurses (lähihoitaja) for elderly residents. Basic Finnish is enough, the team also speaks English.', { languages: ['en'] }),
  v('v010', 'practical-nurse', 'fi', 'Kuopio', 'Lähihoitaja vammaispalveluihin', 'Kuopion asumispalveluyksikköön haetaan lähihoitajaa. Työ on kehitysvammaisten aikuisten arjen tukemista.'),
  v('v011', 'practical-nurse', 'fi', 'Hollola', 'Lähihoitaja palvelutaloon', 'Hollolan palvelutalo palkkaa lähihoitajan vakituiseen toimeen. Vuorotyö, myös viikonloppuja.'),
  // Personal assistants
  v('v012', 'personal-assistant', 'fi', 'Jyväskylä', 'Henkilökohtainen avustaja', 'Nuori liikuntavammainen mies etsii henkilökohtaista avustajaa Jyväskylään. Avustat kotitöissä, asioinnissa ja harrastuksissa. Osa-aikainen.', { workingTime: 'part' }),
  v('v013', 'personal-assistant', 'sv', 'Porvoo', 'Personlig assistent', 'Kvinna i rullstol söker personlig assistent i Borgå, ca 20 timmar i veckan. Du hjälper till med hushållet och följer med på ärenden.', { workingTime: 'part', languages: ['sv'] }),
  v('v014', 'personal-assistant', 'en', 'Turku', 'Personal assistant for a student', 'A university student with a visual impairment needs a personal assistant in Turku for daily errands and reading support. English is fine.', { languages: ['en'], workingTime: 'part' }),
  // Welders
  v('v015', 'welder', 'en', 'Rauma', 'Welder, shipyard', 'Rauma shipyard needs experienced welders for hull block assembly. MIG/MAG welding and reading welding drawings. Valid welding certificates required.', { skills: ['welding', 'MIG welding', 'reading technical drawings', 'occupational safety'], languages: ['en'] }),
  v('v016', 'welder', 'fi', 'Pori', 'Hitsaaja konepajaan', 'Porilainen konepaja hakee hitsaajaa. Hitsaat teräsrakenteita MIG-menetelmällä ja tulkitset piirustuksia. Työturvallisuuskortti on plussaa.'),
  v('v017', 'welder', 'fi', 'Seinäjoki', 'Levyseppähitsaaja', 'Haemme Seinäjoelle levyseppähitsaajaa maatalouskoneiden valmistukseen. Hitsaus, särmäys ja kokoonpano.'),
  v('v018', 'welder', 'sv', 'Pietarsaari', 'Svetsare till verkstadsindustrin', 'Vi behöver två svetsare till vår verkstad i Jakobstad. Du svetsar rostfria konstruktioner med TIG. Svenska eller finska.'),
  v('v019', 'welder', 'fi', 'Ulvila', 'Hitsaaja, TIG', 'Ulvilassa toimiva ruostumattomien säiliöiden valmistaja etsii TIG-hitsaajaa. Kokemus ohutlevyistä eduksi.'),
  v('v020', 'welder', 'fi', 'Kotka', 'Hitsaaja, ilmoitus suljettu', 'Kotkan satamaan hitsaaja huoltotöihin.', { status: 'closed' }),
  // Machinists / CNC
  v('v021', 'machinist', 'fi', 'Pori', 'CNC-koneistaja', 'Haemme CNC-koneistajaa sorvaus- ja jyrsintätöihin. Ohjelmointitaito on eduksi, perehdytämme koneisiin.'),
  v('v022', 'machinist', 'en', 'Tampere', 'CNC machinist', 'Precision parts manufacturer in Tampere seeks a CNC machinist to set up and run milling machines. Two-shift work.', { languages: ['en'] }),
  v('v023', 'machinist', 'sv', 'Vaasa', 'CNC-operatör', 'Vi söker en CNC-operatör till vår fabrik i Vasa. Du ställer in och kör fleroperationsmaskiner.'),
  // Warehouse and forklift
  v('v024', 'warehouse', 'fi', 'Lahti', 'Terminaalityöntekijä', 'Lahden logistiikkaterminaaliin haetaan terminaalityöntekijöitä. Tavaran vastaanotto, keräily ja lastaus. Trukkikortti vaaditaan.', { skills: ['trukin ajo', 'keräily'] }),
  v('v025', 'warehouse', 'fi', 'Vantaa', 'Varastotyöntekijä', 'Vantaan jakelukeskukseen varastotyöntekijöitä keräilyyn ja pakkaamiseen. Trukkikortti on eduksi.'),
  v('v026', 'warehouse', 'sv', 'Vaasa', 'Lagerarbetare', 'Lagerarbetare sökes till vår grossist i Vasa. Plock, packning och truckkörning. Truckkort krävs.'),
  v('v027', 'warehouse', 'en', 'Vantaa', 'Warehouse worker, airport cargo', 'Air cargo handler at Helsinki-Vantaa needs warehouse workers for loading and unloading shipments. Forklift licence is a must.', { languages: ['en'] }),
  v('v028', 'warehouse', 'fi', 'Lappeenranta', 'Varastotyöntekijä', 'Lappeenrantalainen rautakauppa hakee varastoon työntekijää. Tavaran vastaanotto ja hyllytys.'),
  v('v029', 'warehouse', 'fi', 'Orimattila', 'Trukinkuljettaja', 'Orimattilan tehtaalle trukinkuljettaja kaksivuorotyöhön. Voimassa oleva trukkikortti.'),
  v('v030', 'warehouse', 'fi', 'Hollola', 'Varastotyöntekijä, haku päättynyt', 'Hollolan varastoon keräilijä. Haku on päättynyt.', { expiresAt: '2025-11-30' }),
  // Delivery drivers
  v('v031', 'delivery-driver', 'fi', 'Lahti', 'Jakelukuljettaja', 'Etsimme jakelukuljettajaa pakettiautolla Lahden seudulle. B-ajokortti riittää.', { drivingLicenceRequired: true }),
  v('v032', 'delivery-driver', 'sv', 'Espoo', 'Budbilsförare', 'Budfirma i Esbo söker förare till paketutdelning. B-körkort krävs.', { drivingLicenceRequired: true }),
  v('v033', 'delivery-driver', 'en', 'Helsinki', 'Food courier', 'Deliver meals around Helsinki by car or e-bike. Flexible hours, English is enough.', { languages: ['en'], workingTime: 'part' }),
  // Truck drivers
  v('v034', 'truck-driver', 'fi', 'Kouvola', 'Rekkakuski', 'Kouvolalainen kuljetusliike hakee yhdistelmäajoneuvon kuljettajaa kotimaan ajoihin. CE-kortti ja ammattipätevyys vaaditaan.', { drivingLicenceRequired: true }),
  v('v035', 'truck-driver', 'sv', 'Kristiinankaupunki', 'Lastbilschaufför', 'Vi söker lastbilschaufför med CE-körkort för transporter mellan Kristinestad och Vasa.', { drivingLicenceRequired: true }),
  v('v036', 'truck-driver', 'fi', 'Oulu', 'Kuorma-autonkuljettaja', 'Oulun alueen maansiirtotöihin kuorma-autonkuljettaja. C-kortti.', { drivingLicenceRequired: true }),
  // Bus drivers
  v('v037', 'bus-driver', 'fi', 'Tampere', 'Linja-autonkuljettaja', 'Tampereen joukkoliikenteeseen bussikuskeja. D-ajokortti ja ammattipätevyys. Koulutamme reitit.', { drivingLicenceRequired: true }),
  v('v038', 'bus-driver', 'en', 'Espoo', 'Bus driver', 'Bus operator in Espoo is recruiting drivers with a category D licence. We help with Finnish language training.', { drivingLicenceRequired: true, languages: ['en'] }),
  v('v039', 'bus-driver', 'sv', 'Raasepori', 'Bussförare', 'Bussförare till linjetrafiken i Raseborg. D-körkort krävs.', { drivingLicenceRequired: true }),
  // Cleaners
  v('v040', 'cleaner', 'fi', 'Helsinki', 'Siivooja toimistoihin', 'Siivoamme toimistoja Helsingin keskustassa. Haemme siivoojia iltavuoroon.', { workingTime: 'part' }),
  v('v041', 'cleaner', 'en', 'Vantaa', 'Cleaner', 'Cleaning company in Vantaa hires cleaners for shopping centres. Early mornings. English or Finnish.'),
  v('v042', 'cleaner', 'sv', 'Vaasa', 'Lokalvårdare', 'Lokalvårdare till sjukhusets avdelningar i Vasa. Du städar patientrum och allmänna utrymmen.'),
  v('v043', 'cleaner', 'fi', 'Pori', 'Laitoshuoltaja', 'Porin koulujen laitoshuoltoon haetaan laitoshuoltajaa. Puhtaanapito ja ruokailun avustaminen.'),
  v('v044', 'cleaner', 'fi', 'Lahti', 'Siivooja', 'Lahden toimitiloihin ylläpitosiivooja aamuvuoroon.'),
  // Real-estate maintenance (trap: real-estate agent)
  v('v045', 'property-maintenance', 'fi', 'Jyväskylä', 'Kiinteistönhoitaja', 'Jyväskyläläinen kiinteistöhuoltoyhtiö hakee kiinteistönhoitajaa. Työ sisältää LVI-laitteiden tarkistuksia, vikakorjauksia ja ulkoalueiden hoitoa.', { drivingLicenceRequired: true }),
  v('v046', 'property-maintenance', 'sv', 'Porvoo', 'Fastighetsskötare', 'Fastighetsskötare till bostadsbolag i Borgå. Service av värme och ventilation, snöröjning vintertid.', { drivingLicenceRequired: true }),
  v('v047', 'property-maintenance', 'fi', 'Tampere', 'Huoltomies', 'Tamperelaisten taloyhtiöiden huoltomieheksi. Pienet korjaukset, lämmönjako ja kiinteistön kunnossapito.'),
  v('v048', 'property-maintenance', 'en', 'Espoo', 'Property maintenance technician', 'We maintain apartment buildings in Espoo and need a technician for heating, ventilation and small repairs.', { languages: ['en'] }),
  v('v049', 'real-estate-agent', 'fi', 'Jyväskylä', 'Kiinteistönvälittäjä', 'Kiinteistönvälitysliike Jyväskylässä hakee kiinteistönvälittäjää. LKV-tutkinto on eduksi. Myyntihenkisyys!'),
  v('v050', 'real-estate-agent', 'sv', 'Helsinki', 'Fastighetsmäklare', 'Mäklarbyrå i Helsingfors söker fastighetsmäklare. Du sköter bostadsförmedling och visningar.'),
  v('v051', 'real-estate-agent', 'en', 'Tampere', 'Real estate agent', 'Estate agency in Tampere seeks an agent to sell apartments and hold viewings. Commission-based pay.'),
  // Cooks
  v('v052', 'cook', 'fi', 'Kuopio', 'Kokki lounasravintolaan', 'Kuopion keskustan lounasravintola hakee kokkia. Valmistat lounaat alusta asti. Hygieniapassi vaaditaan.'),
  v('v053', 'cook', 'sv', 'Maarianhamina', 'Kock till restaurang', 'Restaurang i Mariehamn söker kock för sommarsäsongen. À la carte och grupper.'),
  v('v054', 'cook', 'en', 'Helsinki', 'Line cook', 'Busy burger restaurant in Kamppi needs line cooks. English is the kitchen language.', { languages: ['en'] }),
  v('v055', 'cook', 'fi', 'Lahti', 'Ravintolakokki', 'Lahden satamassa toimiva ravintola etsii kokkia iltavuoroihin.'),
  v('v056', 'cook', 'fi', 'Rovaniemi', 'Kokki hotelliin', 'Rovaniemen hotelliravintolaan kokki talvikaudeksi. Asunto järjestyy.'),
  // Waiters
  v('v057', 'waiter', 'fi', 'Turku', 'Tarjoilija', 'Turun jokirannan ravintolaan tarjoilijoita. Kokemus anniskelusta ja anniskelupassi.'),
  v('v058', 'waiter', 'sv', 'Turku', 'Servitör', 'Servitör till vår restaurang i Åbo. Du tar emot beställningar och serverar.'),
  v('v059', 'waiter', 'en', 'Rovaniemi', 'Waiter for winter season', 'Lapland resort hires waiters for the tourist season. Good English required, other languages are a plus.', { languages: ['en'] }),
  // Software developers
  v('v060', 'developer', 'en', 'Helsinki', 'Full-stack developer', 'Fintech startup in Helsinki seeks a full-stack developer: TypeScript, React and Node.js. English is our working language. Hybrid work.', { languages: ['en'], skills: ['TypeScript', 'JavaScript', 'software development'] }),
  v('v061', 'developer', 'fi', 'Oulu', 'Ohjelmistokehittäjä', 'Oululainen ohjelmistotalo hakee ohjelmistokehittäjää Java- ja Kotlin-projekteihin. Etätyö mahdollinen.', { remote: true }),
  v('v062', 'developer', 'sv', 'Espoo', 'Systemutvecklare', 'Vi söker en systemutvecklare med erfarenhet av C# och .NET till vårt kontor i Esbo.'),
  v('v063', 'developer', 'en', 'Tampere', 'Backend engineer (Python)', 'Build data pipelines and APIs in Python for an industrial IoT company. Fully remote within Finland.', { remote: true, languages: ['en'] }),
  v('v064', 'developer', 'fi', 'Jyväskylä', 'Web-kehittäjä', 'Jyväskyläläinen mainostoimisto palkkaa web-kehittäjän. JavaScript, HTML ja CSS hallussa.'),
  // Accountants
  v('v065', 'accountant', 'fi', 'Tampere', 'Kirjanpitäjä', 'Tilitoimisto Tampereella hakee kirjanpitäjää. Hoidat asiakasyritysten kirjanpidon, palkat ja arvonlisäverot.'),
  v('v066', 'accountant', 'sv', 'Vaasa', 'Bokförare', 'Bokföringsbyrå i Vasa söker bokförare. Du sköter bokslut och löneräkning för små företag.'),
  v('v067', 'accountant', 'en', 'Helsinki', 'Accountant', 'International company in Helsinki needs an accountant for accounts payable and month-end closing. Fluent English.', { languages: ['en'] }),
  // Electricians
  v('v068', 'electrician', 'fi', 'Lahti', 'Sähköasentaja', 'Lahtelainen sähköurakoitsija hakee sähköasentajaa uudiskohteisiin. Sähköturvallisuustutkinto ja työturvallisuuskortti.'),
  v('v069', 'electrician', 'sv', 'Kokkola', 'Elmontör', 'Elmontör till installationsföretag i Karleby. Du drar el i nybyggen och renoveringar.'),
  v('v070', 'electrician', 'en', 'Espoo', 'Electrician', 'Electrical contractor in Espoo needs electricians for commercial sites. Finnish qualification (S2) required.', { languages: ['en'] }),
  v('v071', 'electrician', 'fi', 'Rovaniemi', 'Sähköasentaja, sulkeutunut', 'Rovaniemen sähköasennuksiin.', { expiresAt: '2026-01-15' }),
  // Plumbers
  v('v072', 'plumber', 'fi', 'Tampere', 'Putkiasentaja', 'Putkiremontteihin erikoistunut yritys hakee putkiasentajaa Tampereelle. Käyttövesi- ja viemäriasennukset.'),
  v('v073', 'plumber', 'sv', 'Pietarsaari', 'Rörmokare', 'Rörmokare till VVS-firma i Jakobstad. Installation av värme och sanitet.'),
  v('v074', 'plumber', 'fi', 'Pori', 'LVI-asentaja', 'Porilainen LVI-liike hakee asentajaa. Lämpöpumput ja putkityöt.'),
  // Carpenters
  v('v075', 'carpenter', 'fi', 'Oulu', 'Kirvesmies', 'Rakennusliike hakee kirvesmiehiä Oulun kerrostalotyömaille. Muottityöt ja runkovaihe.'),
  v('v076', 'carpenter', 'sv', 'Närpiö', 'Snickare', 'Snickare till byggföretag i Närpes. Nybygge och renovering av egnahemshus.'),
  v('v077', 'carpenter', 'en', 'Helsinki', 'Carpenter', 'Construction company needs carpenters for renovation projects in Helsinki. Own tools are a plus.', { languages: ['en'] }),
  v('v078', 'carpenter', 'fi', 'Lahti', 'Rakennuspuuseppä', 'Lahtelainen korjausrakentaja hakee rakennuspuuseppää sisävalmistusvaiheeseen.'),
  // Early childhood teachers (degree) and childcare workers
  v('v079', 'kindergarten-teacher', 'fi', 'Espoo', 'Varhaiskasvatuksen opettaja', 'Espoon päiväkotiin varhaiskasvatuksen opettaja. Kelpoisuus: kasvatustieteen kandidaatti tai sosionomi.'),
  v('v080', 'kindergarten-teacher', 'sv', 'Porvoo', 'Lärare inom småbarnspedagogik', 'Svenskspråkigt daghem i Borgå söker lärare inom småbarnspedagogik.', { languages: ['sv'] }),
  v('v081', 'kindergarten-teacher', 'fi', 'Tampere', 'Lastentarhanopettaja', 'Tampereen päiväkotiin lastentarhanopettaja esiopetusryhmään.'),
  v('v082', 'childcare', 'fi', 'Vantaa', 'Lastenhoitaja päiväkotiin', 'Vantaan päiväkotiin varhaiskasvatuksen lastenhoitaja. Lähihoitajan tai lastenohjaajan tutkinto.'),
  v('v083', 'childcare', 'sv', 'Vaasa', 'Barnskötare', 'Barnskötare till daghem i Vasa. Du arbetar i en grupp med barn under tre år.'),
  v('v084', 'childcare', 'en', 'Helsinki', 'Childminder, English-speaking daycare', 'English-language kindergarten in Helsinki needs a childcare worker. Relevant vocational qualification required.', { languages: ['en'] }),
  // Salespeople and cashiers
  v('v085', 'salesperson', 'fi', 'Lahti', 'Myyjä', 'Lahden kauppakeskuksen urheiluliikkeeseen myyjä. Asiakaspalvelu ja kassatyö.', { workingTime: 'part' }),
  v('v086', 'salesperson', 'sv', 'Vaasa', 'Butiksbiträde', 'Butiksbiträde till livsmedelsbutik i Vasa. Kassa, påfyllning och kundbetjäning.'),
  v('v087', 'salesperson', 'en', 'Vantaa', 'Sales assistant', 'Electronics store at Jumbo in Vantaa is hiring sales assistants. You advise customers and work at the till.'),
  v('v088', 'salesperson', 'fi', 'Tampere', 'Kassamyyjä', 'Tampereen marketti hakee kassamyyjiä iltoihin ja viikonloppuihin.', { workingTime: 'part' }),
  v('v089', 'sales-manager', 'fi', 'Helsinki', 'Myyntipäällikkö', 'B2B-ohjelmistoyhtiö hakee myyntipäällikköä vastaamaan yritysasiakkaista ja myyntitiimistä.'),
  // Customer service
  v('v090', 'customer-service', 'fi', 'Oulu', 'Asiakaspalvelija puhelinpalveluun', 'Oululaiseen asiakaspalvelukeskukseen asiakaspalvelijoita. Vastaat puheluihin ja chattiin.'),
  v('v091', 'customer-service', 'sv', 'Helsinki', 'Kundtjänstmedarbetare', 'Kundtjänst för ett försäkringsbolag i Helsingfors. Svenska och finska krävs.', { languages: ['sv', 'fi'] }),
  v('v092', 'customer-service', 'en', 'Espoo', 'Customer support agent', 'Support our international customers by phone and email from our Espoo office. English and one Nordic language.', { languages: ['en'] }),
  // Dental nurses (trap: nurse)
  v('v093', 'dental-nurse', 'fi', 'Tampere', 'Hammashoitaja', 'Tamperelainen hammaslääkäriasema hakee hammashoitajaa avustamaan hammaslääkäriä ja huoltamaan välineitä.'),
  v('v094', 'dental-nurse', 'sv', 'Vaasa', 'Tandskötare', 'Tandskötare till privat tandklinik i Vasa.'),
  v('v095', 'dental-nurse', 'en', 'Helsinki', 'Dental nurse', 'Dental clinic in central Helsinki needs a dental nurse to assist the dentist and sterilise instruments.'),
  // Car mechanics
  v('v096', 'mechanic', 'fi', 'Seinäjoki', 'Automekaanikko', 'Seinäjokelainen merkkikorjaamo hakee automekaanikkoa huolto- ja korjaustöihin.'),
  v('v097', 'mechanic', 'sv', 'Kokkola', 'Bilmekaniker', 'Bilmekaniker till verkstad i Karleby. Service och reparation av personbilar.'),
  v('v098', 'mechanic', 'en', 'Vantaa', 'Heavy vehicle mechanic', 'Truck service centre in Vantaa needs mechanics for lorries and buses.'),
  v('v099', 'mechanic', 'fi', 'Pori', 'Raskaskalustomekaanikko', 'Porin kuljetusliikkeen korjaamolle raskaan kaluston mekaanikko.'),
  // Hairdressers
  v('v100', 'hairdresser', 'fi', 'Kuopio', 'Kampaaja', 'Kampaamo Kuopion keskustassa etsii parturi-kampaajaa tuolivuokralle tai palkalle.'),
  v('v101', 'hairdresser', 'sv', 'Porvoo', 'Frisör', 'Frisörsalong i Borgå söker frisör. Klippning, färgning och styling.'),
  v('v102', 'hairdresser', 'en', 'Helsinki', 'Hairdresser', 'Salon in Punavuori is looking for a hairdresser who speaks English with international clients.'),
  // Social workers
  v('v103', 'social-worker', 'fi', 'Lahti', 'Sosiaalityöntekijä', 'Lahden lastensuojeluun sosiaalityöntekijä. Kelpoisuus sosiaalityöntekijän tehtävään.'),
  v('v104', 'social-worker', 'sv', 'Raasepori', 'Socialarbetare', 'Socialarbetare till vuxensocialarbetet i Raseborg. Svenska och finska.', { languages: ['sv', 'fi'] }),
  v('v105', 'social-worker', 'en', 'Helsinki', 'Social worker, immigrant services', 'City of Helsinki immigrant services seeks a qualified social worker. Finnish and English required.', { languages: ['fi', 'en'] }),
  // Farm / forestry
  v('v106', 'farm-worker', 'fi', 'Ilmajoki', 'Maatalouslomittaja', 'Ilmajoen lomituspalveluihin maatalouslomittaja karjatilojen töihin.'),
  v('v107', 'farm-worker', 'sv', 'Närpiö', 'Växthusarbetare', 'Tomatodling i Närpes söker växthusarbetare för plantering och skörd.'),
  v('v108', 'farm-worker', 'en', 'Suonenjoki', 'Seasonal berry picker', 'Strawberry farm in Suonenjoki hires seasonal pickers for summer. Accommodation available.', { workingTime: 'part' }),
  // Security guards
  v('v109', 'security-guard', 'fi', 'Helsinki', 'Vartija', 'Vartiointiliike hakee vartijoita kauppakeskuksiin. Voimassa oleva vartijakortti.'),
  v('v110', 'security-guard', 'sv', 'Vaasa', 'Väktare', 'Väktare till bevakningsföretag i Vasa. Väktarkort krävs.'),
  v('v111', 'security-guard', 'en', 'Vantaa', 'Security officer, airport', 'Airport security officers wanted at Helsinki-Vantaa. Security guard card required; we train the rest.'),
  // Teachers (secondary)
  v('v112', 'teacher', 'fi', 'Jyväskylä', 'Matematiikan lehtori', 'Jyväskylän lukioon matematiikan ja fysiikan lehtori.'),
  v('v113', 'teacher', 'sv', 'Vaasa', 'Ämneslärare i engelska', 'Ämneslärare i engelska till svenskspråkig högstadieskola i Vasa.', { languages: ['sv'] }),
  v('v114', 'teacher', 'en', 'Espoo', 'Science teacher, international school', 'International school in Espoo seeks a science teacher for grades 6–9. Teaching qualification and English.', { languages: ['en'] }),
  // Physiotherapists
  v('v115', 'physiotherapist', 'fi', 'Tampere', 'Fysioterapeutti', 'Tamperelainen fysioterapiayritys hakee fysioterapeuttia. Kuntoutus, terapiaharjoittelu ja kotikäynnit.'),
  v('v116', 'physiotherapist', 'sv', 'Pietarsaari', 'Fysioterapeut', 'Fysioterapeut till hälsocentralen i Jakobstad.'),
  v('v117', 'physiotherapist', 'en', 'Helsinki', 'Physiotherapist', 'Sports clinic in Helsinki hires a licensed physiotherapist to rehabilitate athletes after injuries.'),
  // More expired/closed traps in busy families
  v('v118', 'warehouse', 'en', 'Lahti', 'Warehouse picker (closed)', 'Lahti warehouse picker, night shift.', { status: 'closed' }),
  v('v119', 'welder', 'sv', 'Rauma', 'Svetsare (utgånget)', 'Svetsare till varvet i Raumo. Ansökningstiden har gått ut.', { expiresAt: '2026-03-31' }),
  v('v120', 'practical-nurse', 'en', 'Vaasa', 'Practical nurse (expired)', 'Care home in Vaasa, practical nurse for night shifts.', { expiresAt: '2025-12-31' }),
  v('v121', 'developer', 'fi', 'Helsinki', 'Ohjelmistokehittäjä (päättynyt)', 'Helsinkiläinen pelistudio hakee C++-kehittäjää.', { expiresAt: '2026-06-30' }),
  v('v122', 'cook', 'sv', 'Kuopio', 'Kock (stängd)', 'Kock till lunchrestaurang i Kuopio.', { status: 'closed' }),
];
