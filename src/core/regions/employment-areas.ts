// Employment areas (työllisyysalueet / sysselsättningsområden) of the TE24 reform, in force since
// 1 January 2025: the municipalities that organise public employment services together.
//
// STATUS: compiled without network access from public announcements (the Government decisions of
// 2023–2024: the 45 areas, the self-organising cities Helsinki, Vantaa, Lahti and Kouvola, the joint
// authorities Suupohja and Kymppi, the exceptions granted to Hanko-Inkoo-Raasepori, Pietarsaari,
// Savonlinna, Ylä-Savo, Tunturi-Lappi-Pello and Pohjois- ja Itä-Lappi, Valkeakoski joined to
// Tampere, Myrskylä to Porvoo). It has 39 areas, not the official 45: where the composition was not
// known, neighbouring areas are merged. Verify it against the official list of the Ministry of
// Economic Affairs and Employment and replace it with KOHTAANTO_EMPLOYMENT_AREAS_FILE (same format)
// before relying on area figures. Åland organises its own services (AMS) and is its own area here.
//
// Format: id;name_fi;name_sv;municipalities (Finnish names, comma-separated)
export const EMPLOYMENT_AREA_TABLE = `
id;name_fi;name_sv;municipalities
helsinki;Helsingin työllisyysalue;Helsingfors sysselsättningsområde;Helsinki
vantaa;Vantaan työllisyysalue;Vanda sysselsättningsområde;Vantaa
espoo;Espoon seudun työllisyysalue;Esbo regions sysselsättningsområde;Espoo,Kauniainen,Kirkkonummi
lansi-uusimaa;Länsi-Uudenmaan työllisyysalue;Västra Nylands sysselsättningsområde;Lohja,Karkkila,Siuntio,Vihti
hanko-inkoo-raasepori;Hangon, Inkoon ja Raaseporin työllisyysalue;Hangö, Ingå och Raseborgs sysselsättningsområde;Hanko,Inkoo,Raasepori
keski-uusimaa;Keski-Uudenmaan työllisyysalue;Mellersta Nylands sysselsättningsområde;Hyvinkää,Järvenpää,Kerava,Mäntsälä,Nurmijärvi,Pornainen,Tuusula
porvoo;Porvoon työllisyysalue;Borgå sysselsättningsområde;Porvoo,Askola,Lapinjärvi,Loviisa,Myrskylä,Pukkila,Sipoo
turku;Turun seudun työllisyysalue;Åbo regions sysselsättningsområde;Turku,Aura,Kaarina,Koski Tl,Kustavi,Kemiönsaari,Laitila,Lieto,Loimaa,Parainen,Marttila,Masku,Mynämäki,Naantali,Nousiainen,Oripää,Paimio,Pyhäranta,Pöytyä,Raisio,Rusko,Sauvo,Taivassalo,Uusikaupunki,Vehmaa
salo;Salon työllisyysalue;Salo sysselsättningsområde;Salo,Somero
pori;Porin seudun työllisyysalue;Björneborgs regions sysselsättningsområde;Pori,Harjavalta,Huittinen,Jämijärvi,Kankaanpää,Karvia,Kokemäki,Merikarvia,Nakkila,Pomarkku,Siikainen,Ulvila
rauma;Rauman seudun työllisyysalue;Raumo regions sysselsättningsområde;Rauma,Eura,Eurajoki,Säkylä
hameenlinna;Hämeenlinnan ja Forssan seudun työllisyysalue;Tavastehus och Forssa regions sysselsättningsområde;Hämeenlinna,Hattula,Janakkala,Forssa,Humppila,Jokioinen,Tammela,Ypäjä
riihimaki;Riihimäen seudun työllisyysalue;Riihimäki regions sysselsättningsområde;Riihimäki,Hausjärvi,Loppi
tampere;Tampereen seudun työllisyysalue;Tammerfors regions sysselsättningsområde;Tampere,Akaa,Hämeenkyrö,Ikaalinen,Juupajoki,Kangasala,Kihniö,Kuhmoinen,Lempäälä,Mänttä-Vilppula,Nokia,Orivesi,Parkano,Pirkkala,Punkalaidun,Pälkäne,Ruovesi,Sastamala,Urjala,Valkeakoski,Vesilahti,Virrat,Ylöjärvi
lahti;Lahden työllisyysalue;Lahtis sysselsättningsområde;Lahti
paijat-hame;Päijät-Hämeen kuntien työllisyysalue;Päijänne-Tavastlands kommuners sysselsättningsområde;Hollola,Asikkala,Hartola,Heinola,Iitti,Kärkölä,Orimattila,Padasjoki,Sysmä
kouvola;Kouvolan työllisyysalue;Kouvola sysselsättningsområde;Kouvola
kymppi;Kymenlaakson työllisyysalue Kymppi;Kymmenedalens sysselsättningsområde Kymppi;Kotka,Hamina,Miehikkälä,Pyhtää,Virolahti
etela-karjala;Etelä-Karjalan työllisyysalue;Södra Karelens sysselsättningsområde;Lappeenranta,Imatra,Lemi,Luumäki,Parikkala,Rautjärvi,Ruokolahti,Savitaipale,Taipalsaari
mikkeli;Mikkelin seudun työllisyysalue;S:t Michels regions sysselsättningsområde;Mikkeli,Hirvensalmi,Juva,Kangasniemi,Mäntyharju,Pertunmaa,Puumala
savonlinna;Savonlinnan työllisyysalue;Nyslotts sysselsättningsområde;Savonlinna,Enonkoski,Rantasalmi,Sulkava
keski-savo;Keski-Savon työllisyysalue;Mellersta Savolax sysselsättningsområde;Varkaus,Joroinen,Leppävirta,Pieksämäki
kuopio;Kuopion seudun työllisyysalue;Kuopio regions sysselsättningsområde;Kuopio,Kaavi,Rautalampi,Siilinjärvi,Suonenjoki,Tervo,Tuusniemi,Vesanto
yla-savo;Ylä-Savon työllisyysalue;Övre Savolax sysselsättningsområde;Iisalmi,Keitele,Kiuruvesi,Lapinlahti,Pielavesi,Rautavaara,Sonkajärvi,Vieremä
pohjois-karjala;Pohjois-Karjalan työllisyysalue;Norra Karelens sysselsättningsområde;Joensuu,Heinävesi,Ilomantsi,Juuka,Kitee,Kontiolahti,Outokumpu,Lieksa,Liperi,Nurmes,Polvijärvi,Rääkkylä,Tohmajärvi
jyvaskyla;Jyväskylän seudun työllisyysalue;Jyväskylä regions sysselsättningsområde;Jyväskylä,Hankasalmi,Joutsa,Jämsä,Keuruu,Laukaa,Luhanka,Multia,Muurame,Petäjävesi,Toivakka,Uurainen
pohjoinen-keski-suomi;Pohjoisen Keski-Suomen työllisyysalue;Norra Mellersta Finlands sysselsättningsområde;Äänekoski,Kannonkoski,Karstula,Kinnula,Kivijärvi,Konnevesi,Kyyjärvi,Pihtipudas,Saarijärvi,Viitasaari
seinajoki;Etelä-Pohjanmaan työllisyysalue;Södra Österbottens sysselsättningsområde;Seinäjoki,Alajärvi,Alavus,Evijärvi,Ilmajoki,Isokyrö,Kauhava,Kuortane,Kurikka,Lappajärvi,Lapua,Soini,Vimpeli,Ähtäri
suupohja;Suupohjan työllisyysalue;Sydösterbottens sysselsättningsområde;Kauhajoki,Isojoki,Karijoki,Teuva
vaasa;Pohjanmaan työllisyysalue;Österbottens sysselsättningsområde;Vaasa,Kaskinen,Korsnäs,Kristiinankaupunki,Laihia,Maalahti,Mustasaari,Närpiö,Vöyri
pietarsaari;Pietarsaaren työllisyysalue;Jakobstads sysselsättningsområde;Pietarsaari,Kruunupyy,Luoto,Pedersören kunta,Uusikaarlepyy
keski-pohjanmaa;Keski-Pohjanmaan työllisyysalue;Mellersta Österbottens sysselsättningsområde;Kokkola,Halsua,Kannus,Kaustinen,Lestijärvi,Perho,Toholampi,Veteli
oulu;Oulun seudun työllisyysalue;Uleåborgs regions sysselsättningsområde;Oulu,Hailuoto,Ii,Kempele,Kuusamo,Liminka,Lumijoki,Muhos,Pudasjärvi,Pyhäjoki,Raahe,Siikajoki,Taivalkoski,Tyrnävä,Utajärvi,Vaala
jokilaaksot;Jokilaaksojen työllisyysalue;Älvdalarnas sysselsättningsområde;Ylivieska,Alavieska,Haapajärvi,Haapavesi,Kalajoki,Kärsämäki,Merijärvi,Nivala,Oulainen,Pyhäjärvi,Pyhäntä,Reisjärvi,Sievi,Siikalatva
kainuu;Kainuun työllisyysalue;Kajanalands sysselsättningsområde;Kajaani,Hyrynsalmi,Kuhmo,Paltamo,Puolanka,Ristijärvi,Sotkamo,Suomussalmi
rovaniemi;Rovaniemen työllisyysalue;Rovaniemi sysselsättningsområde;Rovaniemi,Posio,Ranua
kemi-tornio;Kemi-Tornion työllisyysalue;Kemi-Torneå sysselsättningsområde;Kemi,Keminmaa,Simo,Tervola,Tornio,Ylitornio
tunturi-lappi-pello;Tunturi-Lapin ja Pellon työllisyysalue;Fjäll-Lapplands och Pello sysselsättningsområde;Enontekiö,Kittilä,Kolari,Muonio,Pello
pohjois-ja-ita-lappi;Pohjois- ja Itä-Lapin työllisyysalue;Norra och Östra Lapplands sysselsättningsområde;Inari,Kemijärvi,Pelkosenniemi,Salla,Savukoski,Sodankylä,Utsjoki
ahvenanmaa;Ahvenanmaa (AMS, ei TE24);Åland (AMS, inte TE24);Brändö,Eckerö,Finström,Föglö,Geta,Hammarland,Jomala,Kumlinge,Kökar,Lemland,Lumparland,Maarianhamina,Saltvik,Sottunga,Sund,Vårdö
`;
