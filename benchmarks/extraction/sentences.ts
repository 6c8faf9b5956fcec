/**
 * Labelled sentences for skill extraction (benchmarks/extraction.ts); see README.md in this folder.
 * Each expected item is one concept a careful reader would extract, given as the ESCO v1.1.1 (or local
 * extension) URIs that are acceptable for it (ESCO has near-duplicates). Generated concept table, hand labels.
 */

export type Lang = 'fi' | 'sv' | 'en';

/** One concept to extract: its acceptable URIs (any one counts). */
export const CONCEPTS: Record<string, string[]> = {
  python: [
    'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', // Python (computer programming)
  ],
  sql: [
    'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', // SQL
    'http://data.europa.eu/esco/skill/75f839c2-fd9a-4ad3-8921-6e734608568d', // use query languages
  ],
  js: [
    'http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7', // JavaScript
  ],
  ts: [
    'http://data.europa.eu/esco/skill/867137fb-ff1b-4ca3-99f3-cb6969aa2c68', // TypeScript
  ],
  java: [
    'http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389', // Java (computer programming)
  ],
  jsfw: [
    'http://data.europa.eu/esco/skill/9b9de2a4-d8af-4a7b-933a-a8334ae60067', // JavaScript Framework
  ],
  forklift: [
    'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da', // operate forklift
  ],
  mag: [
    'http://data.europa.eu/esco/skill/60ff3eac-7d4d-4e51-87b8-74c3b5d62498', // perform metal active gas welding
    'http://data.europa.eu/esco/skill/f015c5d5-6a1c-4f63-9012-a05f4f34105e', // perform metal inert gas welding
    'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea', // welding techniques
    'http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc', // use welding equipment
  ],
  tig: [
    'http://data.europa.eu/esco/skill/a51adea8-bf02-488a-a0d8-b0961caca5b0', // perform tungsten inert gas welding
    'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea', // welding techniques
    'http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc', // use welding equipment
  ],
  fi: [
    'http://data.europa.eu/esco/skill/0e3493f4-0cad-4fbc-8e02-025f169b8114', // Finnish
    'http://data.europa.eu/esco/skill/3048bf6d-27c7-4dc6-ae4b-e55094cec090', // interact verbally in Finnish
    'http://data.europa.eu/esco/skill/7bd84008-afc2-4f72-8b49-a1dc4723d479', // understand spoken Finnish
    'http://data.europa.eu/esco/skill/3a0814b1-5851-43f9-b886-1e496fefcf9c', // understand written Finnish
    'http://data.europa.eu/esco/skill/049de1f6-34ec-46f9-a0b1-8fc6f0199413', // write Finnish
  ],
  sv: [
    'http://data.europa.eu/esco/skill/7ee51257-8947-4b69-9bdf-322baf0a6398', // Swedish
    'http://data.europa.eu/esco/skill/bdf14dfe-437d-4fb6-95f4-72da1a593384', // interact verbally in Swedish
    'http://data.europa.eu/esco/skill/cd6484a2-bfa2-4371-8e2f-1ffa2a22dac4', // understand spoken Swedish
    'http://data.europa.eu/esco/skill/9bccf172-587b-489b-84b7-5e1c8cc91520', // understand written Swedish
    'http://data.europa.eu/esco/skill/69eb9999-814b-4293-8d6c-633e49f64de4', // write Swedish
  ],
  en: [
    'http://data.europa.eu/esco/skill/6d3edede-8951-4621-a835-e04323300fa0', // English
    'http://data.europa.eu/esco/skill/0ee9e985-0ee5-4a73-8a12-78b53b261bb2', // interact verbally in English
    'http://data.europa.eu/esco/skill/64ff8d5f-58a8-4efb-af5a-e161854b3e9a', // understand spoken English
    'http://data.europa.eu/esco/skill/7ee20fe2-facd-4cc5-837b-927429e0e7ac', // understand written English
    'http://data.europa.eu/esco/skill/3993c87c-7719-4186-811b-8ddfb40e76be', // write English
  ],
  ar: [
    'http://data.europa.eu/esco/skill/33859d93-987c-4caa-a0a9-6159ea7bbc2a', // Arabic
    'http://data.europa.eu/esco/skill/227accd5-5e70-4cc3-8f1c-3f7b52eb6848', // interact verbally in Arabic
    'http://data.europa.eu/esco/skill/b22ab5e7-11e1-435e-bdab-0f8decd6a6f4', // understand spoken Arabic
    'http://data.europa.eu/esco/skill/b0964159-d7b2-4f1e-a0d1-5d100445fcdb', // understand written Arabic
    'http://data.europa.eu/esco/skill/cf9e867f-08d7-48a8-8d11-c63bd8a65f89', // write Arabic
  ],
  office: [
    'http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535', // use microsoft office
    'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be', // use spreadsheets software
    'http://data.europa.eu/esco/skill/81633a44-f1db-4a01-a940-804c6905e330', // use word processing software
  ],
  excel: [
    'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be', // use spreadsheets software
    'http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535', // use microsoft office
  ],
  word: [
    'http://data.europa.eu/esco/skill/81633a44-f1db-4a01-a940-804c6905e330', // use word processing software
    'http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535', // use microsoft office
  ],
  custserv: [
    'http://data.europa.eu/esco/skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc', // customer service
    'http://data.europa.eu/esco/skill/75dfe1ee-5935-42ce-b820-697f827825c3', // maintain customer service
  ],
  cash: [
    'http://data.europa.eu/esco/skill/0cb013af-6dd9-4fb2-b34e-63dda1a5cf82', // operate cash register
    'http://data.europa.eu/esco/skill/279101c1-e325-4349-bf58-401b6c8ff208', // operate cash point
    'http://data.europa.eu/esco/skill/3982571a-e9ce-442a-a4a0-fdfc97727091', // manage cash desk
    'http://data.europa.eu/esco/skill/bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23', // process payments
  ],
  hygpass: [
    'urn:kohtaanto:local:skill:hygiene-passport', // urn:kohtaanto:local:skill:hygiene-passport
  ],
  firstaid: [
    'http://data.europa.eu/esco/skill/f7464f30-662b-4177-85a0-3df9693e9e58', // first aid
    'http://data.europa.eu/esco/skill/0dcea846-04b4-4ffc-8c75-a35c991454b1', // apply first response
  ],
  bookkeeping: [
    'http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b', // accounting
    'http://data.europa.eu/esco/skill/2ff405ec-f59c-4a7b-84b6-9776a49582c4', // bookkeeping regulations
    'http://data.europa.eu/esco/skill/faf8943c-72ff-4736-a587-25508695d6f0', // maintain financial records
    'http://data.europa.eu/esco/skill/dc417e19-edb4-4401-883a-2375f67a162f', // manage the general ledger
    'http://data.europa.eu/esco/skill/880c54f9-866e-4f37-b5fa-25ef8a7d49b6', // accounting techniques
  ],
  payroll: [
    'http://data.europa.eu/esco/skill/9d916d7c-89b3-4084-a6d9-e2b0b3091404', // manage payroll
    'http://data.europa.eu/esco/skill/3ee090a1-9d1c-44ed-bd93-f6b7c9b68a97', // manage payroll reports
  ],
  inventory: [
    'http://data.europa.eu/esco/skill/ab6265f2-a9bf-49e8-a9a5-67cbab4de38b', // manage inventory
    'http://data.europa.eu/esco/skill/05281013-f5ae-4bf2-ad23-d5d6f7573b46', // carry out inventory planning
    'http://data.europa.eu/esco/skill/5d2e82cc-5943-4218-a459-a1956fad2b63', // manage warehouse inventory
    'http://data.europa.eu/esco/skill/5aaf2780-04d7-4bbf-8b06-af36eafe8eba', // inventory management rules
  ],
  receive: [
    'http://data.europa.eu/esco/skill/2cae39d6-78c2-4ce3-bee8-628504371463', // receive goods
  ],
  shelves: [
    'http://data.europa.eu/esco/skill/7e9daad3-8604-4839-af9b-dc6f8db3ef68', // stock shelves
  ],
  projmgmt: [
    'http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388', // project management
    'http://data.europa.eu/esco/skill/cd5efa8c-e44d-4cbc-91c6-796018dbed68', // perform project management
  ],
  os: [
    'http://data.europa.eu/esco/skill/f9a6f35b-01a7-40c9-8b61-b6ee46f97272', // operating systems
  ],
  cleaning: [
    'http://data.europa.eu/esco/skill/4f1b6304-f54a-42f0-9604-5427a28d240f', // perform cleaning duties
    'http://data.europa.eu/esco/skill/1448431a-4fe5-4ca3-83db-665e0df3f130', // conduct cleaning tasks
    'http://data.europa.eu/esco/skill/6ff01827-907d-43d8-b6e4-7162c1cf0aca', // clean surfaces
    'http://data.europa.eu/esco/skill/52eadbe6-db74-421a-a7f1-356567dc8248', // clean public areas
    'http://data.europa.eu/esco/skill/7bb01a18-4637-4535-ba18-258f48f705b8', // clean rooms
  ],
  cleanrooms: [
    'http://data.europa.eu/esco/skill/7bb01a18-4637-4535-ba18-258f48f705b8', // clean rooms
    'http://data.europa.eu/esco/skill/50e2757f-ba69-46ce-98a4-a1e95051cfbe', // service rooms
    'http://data.europa.eu/esco/skill/4f1b6304-f54a-42f0-9604-5427a28d240f', // perform cleaning duties
    'http://data.europa.eu/esco/skill/1448431a-4fe5-4ca3-83db-665e0df3f130', // conduct cleaning tasks
  ],
  elderly: [
    'http://data.europa.eu/esco/skill/261e740b-d32d-4356-94a8-3ea29128b70b', // tend to elderly people
    'http://data.europa.eu/esco/skill/52c19dc8-651f-4095-98fe-dcb2799d702e', // geriatrics
    'http://data.europa.eu/esco/skill/0e2c082a-056c-413c-94d1-581a0133e614', // provide domestic care
    'http://data.europa.eu/esco/skill/634865e0-2ec2-4b7f-bb7f-c196637f0f7b', // older adults' needs
  ],
  medication: [
    'http://data.europa.eu/esco/skill/1fd57242-267e-46df-bd8c-849fdd593a50', // administer prescribed medication
    'http://data.europa.eu/esco/skill/f00b56a7-0160-4af4-bb7c-e6ef02d06a4f', // pharmacotherapy
    'http://data.europa.eu/esco/skill/46b391a6-bbd9-4e80-afb0-ad205101af59', // dispense medicines
    'http://data.europa.eu/esco/skill/3d7dc568-4b88-4eab-97d8-2fde5cea3df0', // applied therapeutics related to medicines
  ],
  patientdoc: [
    'http://data.europa.eu/esco/skill/342af3a1-4fdc-4ddc-898a-bb82a7f62efe', // record healthcare users' progress related to treatment
    'http://data.europa.eu/esco/skill/9a7cc3c2-b529-44a4-ab8e-f04fc91362e2', // professional documentation in health care
    'http://data.europa.eu/esco/skill/a46743b7-ff8c-49b6-99f7-7fa5bc241771', // use electronic health records in nursing
  ],
  programming: [
    'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', // computer programming
  ],
  sap: [
    'http://data.europa.eu/esco/skill/bb99af26-71ff-4dca-bde7-1eb1f6194426', // SAP R3
    'http://data.europa.eu/esco/skill/f0393af3-bcd9-41af-a36e-0cfb83b60081', // manage standard enterprise resource planning system
  ],
  cad: [
    'http://data.europa.eu/esco/skill/76415d7f-0fde-4364-b45f-5c044580d2aa', // create AutoCAD drawings
    'http://data.europa.eu/esco/skill/a2b5dcf3-5b6a-453d-876c-cff540c0faf1', // CAD software
    'http://data.europa.eu/esco/skill/b34e2ba1-9080-48c9-9b42-ee9192a4d3f1', // use CAD software
  ],
  drawings: [
    'http://data.europa.eu/esco/skill/b07daddc-8625-4360-946e-ad2b0e56ebf6', // read engineering drawings
    'http://data.europa.eu/esco/skill/68b6ef08-d823-489d-a95c-752ae6f6e6a7', // read standard blueprints
    'http://data.europa.eu/esco/skill/5c98825f-146d-4d35-97cf-207b2afd9ae2', // create technical plans
    'http://data.europa.eu/esco/skill/59ea80e1-463a-4dba-82c6-d0b6d577d532', // technical drawings
    'http://data.europa.eu/esco/skill/d1072655-88ce-4445-8803-e6273da273e7', // blueprints
  ],
  cook: [
    'http://data.europa.eu/esco/skill/f3934441-4bff-4076-9945-e6c51a01c467', // use cooking techniques
  ],
  foodsafety: [
    'http://data.europa.eu/esco/skill/3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3', // food safety principles
    'http://data.europa.eu/esco/skill/0ff99f51-40d9-42f1-a1ec-377b2bb5e15f', // comply with food safety and hygiene
    'http://data.europa.eu/esco/skill/fa46ff13-5ad7-4a11-85d6-4b0614e411de', // food safety standards
    'http://data.europa.eu/esco/skill/713f1ba8-c7a8-43e5-a5cc-0b869474efe7', // food legislation
  ],
  kitchenclean: [
    'http://data.europa.eu/esco/skill/9b31016e-c99d-4bd2-a550-d5660dac5041', // clean kitchen equipment
    'http://data.europa.eu/esco/skill/5521fcf8-80fa-489b-af18-a69823b85702', // clean food and beverage machinery
    'http://data.europa.eu/esco/skill/c747ab82-9c35-4bf6-ab90-b50b9a53d292', // ensure cleanliness of food preparation area
  ],
  dishes: [
    'http://data.europa.eu/esco/skill/c662be22-f17a-4ba0-894f-d720b20c44cf', // wash the dishes
    'http://data.europa.eu/esco/skill/f20aedf0-6543-498d-b88e-0a32e604acbb', // operate dishwashing machine
  ],
  sandwiches: [
    'http://data.europa.eu/esco/skill/493a1805-6caa-4cda-8fd3-6495ec8ea451', // prepare sandwiches
  ],
  cocktails: [
    'http://data.europa.eu/esco/skill/81d5b408-e805-4788-8dbd-42f22e8fd199', // prepare mixed beverages
  ],
  hotwork: [
    'urn:kohtaanto:local:skill:hot-work-card', // urn:kohtaanto:local:skill:hot-work-card
  ],
  safetycard: [
    'urn:kohtaanto:local:skill:occupational-safety-card', // urn:kohtaanto:local:skill:occupational-safety-card
  ],
  truck: [
    'http://data.europa.eu/esco/skill/8215bbba-2f6d-4530-bf41-904d871eaf72', // manoeuvre heavy trucks
    'http://data.europa.eu/esco/skill/2a82241a-216e-44d8-bb50-6b9a0ef82084', // drive vehicles
  ],
  licc: [
    'urn:kohtaanto:local:skill:driving-licence-c', // urn:kohtaanto:local:skill:driving-licence-c
  ],
  licce: [
    'urn:kohtaanto:local:skill:driving-licence-ce', // urn:kohtaanto:local:skill:driving-licence-ce
  ],
  cpc: [
    'urn:kohtaanto:local:skill:driver-cpc', // urn:kohtaanto:local:skill:driver-cpc
  ],
  wound: [
    'http://data.europa.eu/esco/skill/1c6736c2-77de-419c-9b84-8932e15abc21', // carry out wound care
    'http://data.europa.eu/esco/skill/fa845322-85c4-42cb-b230-c1d43d308f02', // apply wound dressings
  ],
  childcare: [
    'http://data.europa.eu/esco/skill/beb952e4-8a9c-47af-8a60-c6eb5c5f25bc', // attend to children's basic physical needs
    'http://data.europa.eu/esco/skill/f8d4a24c-fb62-444e-9525-7aa5662f440d', // supervise children
    'http://data.europa.eu/esco/skill/6b58a6d2-89cf-4ab5-bb62-eb29ae968934', // implement care programmes for children
    'http://data.europa.eu/esco/skill/a6354281-5578-46ac-a9db-d179d9962b98', // babysitting
  ],
  ecec: [
    'http://data.europa.eu/esco/skill/a117f32c-662b-4dd9-b739-1230dd04cb60', // pedagogy
    'http://data.europa.eu/esco/skill/a8c5e58f-1f0f-40bc-8860-aaab0f64f105', // teach kindergarten class content
    'http://data.europa.eu/esco/skill/eeb3e7ea-56f4-422f-8a85-0438b25ff0ce', // kindergarten school procedures
    'http://data.europa.eu/esco/skill/6b58a6d2-89cf-4ab5-bb62-eb29ae968934', // implement care programmes for children
  ],
  teachmath: [
    'http://data.europa.eu/esco/skill/71a6ac5f-f220-4bdc-95b7-b1b2e640fec5', // teach mathematics
    'http://data.europa.eu/esco/skill/4339176e-3acd-4f7f-a5d9-445bee3d23f2', // mathematics
  ],
  elinstall: [
    'http://data.europa.eu/esco/skill/52797dce-911c-4e6d-b0cb-491f6469014f', // install electrical and electronic equipment
    'http://data.europa.eu/esco/skill/d15e92c4-c8dc-48cd-a1f6-94fe13347f87', // electrical wiring plans
  ],
  ventilation: [
    'http://data.europa.eu/esco/skill/539edd73-5c9b-4498-96f2-68a9cd2e6073', // ventilation systems
    'http://data.europa.eu/esco/skill/89f40647-69e8-427a-8671-8621024311fd', // examine ventilation system
  ],
  plumbing: [
    'http://data.europa.eu/esco/skill/8755734c-2919-41a3-9ca6-1e3d1f169213', // install plumbing systems
    'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1', // repair plumbing systems
  ],
  carpentry: [
    'http://data.europa.eu/esco/skill/19858dd3-a5fe-4855-b644-6ecfefd1c384', // carpentry
  ],
  construction: [
    'http://data.europa.eu/esco/skill/6c190890-d5ab-46ab-915b-04e995dc0d76', // building construction principles
    'http://data.europa.eu/esco/skill/cc173f61-3386-44c5-a048-3889e1ec9114', // construction methods
  ],
  paint: [
    'http://data.europa.eu/esco/skill/b826a56a-811d-477c-b165-271729f644a4', // paint surfaces
  ],
  plaster: [
    'http://data.europa.eu/esco/skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1', // plaster surfaces
  ],
  digmarketing: [
    'http://data.europa.eu/esco/skill/43dfbe7f-9e10-4871-b171-e5076737b4cf', // digital marketing techniques
    'http://data.europa.eu/esco/skill/736ef286-fbd3-4e5c-a4b4-d1e2008c9898', // plan digital marketing
  ],
  socialmedia: [
    'http://data.europa.eu/esco/skill/5303169c-75d6-4751-9136-a4b88343388c', // social media management
    'http://data.europa.eu/esco/skill/509909a2-4a8f-4ead-8ad0-968df63b77cc', // social media marketing techniques
    'http://data.europa.eu/esco/skill/64e09849-a7db-4d6b-a932-66264420eb97', // apply social media marketing
  ],
  content: [
    'http://data.europa.eu/esco/skill/c1f29568-f2bb-49d2-b6c2-28748bd1629b', // manage online content
    'http://data.europa.eu/esco/skill/e74f4f21-8d45-412c-b5c3-652e6167ee32', // content development processes
  ],
  graphic: [
    'http://data.europa.eu/esco/skill/7fb699d9-182a-430e-b7a0-6d8ed05c284b', // graphic design
  ],
  photoshop: [
    'http://data.europa.eu/esco/skill/14ced458-5f4b-495f-bd3d-9c240614bda0', // Adobe Photoshop
    'http://data.europa.eu/esco/skill/a71577b2-7550-4222-88ee-dcbd2d881516', // graphics editor software
  ],
  data: [
    'http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f', // perform data analysis
    'http://data.europa.eu/esco/skill/97bd1c21-66b2-4b7e-ad0f-e3cda590e378', // data analytics
  ],
  bi: [
    'http://data.europa.eu/esco/skill/143769cb-b61e-47d8-a61e-eedfbec1016c', // business intelligence
  ],
  ml: [
    'http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43', // machine learning
    'http://data.europa.eu/esco/skill/8369c2d6-c100-4cf6-bd83-9668d8678433', // utilise machine learning
  ],
  negotiate: [
    'http://data.europa.eu/esco/skill/c842be42-81b3-40f2-904c-ea8790ac88bd', // negotiate supplier arrangements
    'http://data.europa.eu/esco/skill/5f2efbdf-08a2-49cd-9c06-bd284e4f0fbf', // negotiate terms with suppliers
    'http://data.europa.eu/esco/skill/97bcbb41-c42b-4777-ab26-1f8f7dcfafd8', // negotiate improvement with suppliers
  ],
  contracts: [
    'http://data.europa.eu/esco/skill/92721092-fe7c-4689-96bd-4f02385bc0e7', // manage contracts
  ],
  sales: [
    'http://data.europa.eu/esco/skill/450de541-797a-4da0-9fe4-a81471c8047d', // sales activities
    'http://data.europa.eu/esco/skill/29a50780-f81b-429c-b410-7f23a492e19d', // sell products
    'http://data.europa.eu/esco/skill/0c0488b3-fca5-4deb-865b-8dc605c3d909', // sales argumentation
    'http://data.europa.eu/esco/skill/c81c9ea3-4689-4146-9076-24dd175c69bc', // carry out active selling
  ],
  recruit: [
    'http://data.europa.eu/esco/skill/496932f1-0b6b-4f73-9432-d95c7ddcd43b', // recruit employees
    'http://data.europa.eu/esco/skill/65715f7a-c791-416b-b88a-2933a1c81647', // recruit personnel
    'http://data.europa.eu/esco/skill/5bb4e18e-4bee-428c-b8b6-7316e4704b92', // carry out recruiting services
  ],
  onboard: [
    'http://data.europa.eu/esco/skill/9d9ba780-4aa2-43d2-888c-95a41a713fb9', // introduce new employees
  ],
  labourlaw: [
    'http://data.europa.eu/esco/skill/08fe5910-8c4c-4679-a988-eb2ded3c4909', // labour legislation
    'http://data.europa.eu/esco/skill/b3f22ab4-b553-439d-80a2-5b8ae6d11e0d', // labour law
  ],
  calls: [
    'http://data.europa.eu/esco/skill/5a0bffcf-4ff6-49cf-a7db-4142e63f5f04', // answer incoming calls
    'http://data.europa.eu/esco/skill/de2f0ce8-f8d6-48c5-a213-4d065251cecf', // communicate by telephone
  ],
  problem: [
    'http://data.europa.eu/esco/skill/adc6dc11-3376-467b-96c5-9b0a21edc869', // solve problems
  ],
  cnc: [
    'http://data.europa.eu/esco/skill/bf942c60-8539-4951-83ee-63f770da1cb8', // program a CNC controller
    'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79', // tend CNC milling machine
    'http://data.europa.eu/esco/skill/c4949dcf-bbcc-40f2-8584-6c6299beb7fb', // tend computer numerical control lathe machine
  ],
  lathe: [
    'http://data.europa.eu/esco/skill/e4a9ec84-4eb3-494b-8a70-0fcf0d687f03', // tend lathe
    'http://data.europa.eu/esco/skill/c4949dcf-bbcc-40f2-8584-6c6299beb7fb', // tend computer numerical control lathe machine
  ],
  milling: [
    'http://data.europa.eu/esco/skill/7b969ac9-f085-4afb-a480-c5210fb4da7d', // milling machines
    'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79', // tend CNC milling machine
  ],
  qc: [
    'http://data.europa.eu/esco/skill/1177c6f5-09c5-4c35-873c-afd22d170ad3', // quality assurance procedures
    'http://data.europa.eu/esco/skill/d56358e4-3bcc-4b5d-981d-ea15b2743e9e', // quality control systems
  ],
  lean: [
    'http://data.europa.eu/esco/skill/82fea746-853f-4f1b-8ab7-55de8619cccd', // lean manufacturing
  ],
  pick: [
    'http://data.europa.eu/esco/skill/ee5e2297-39cc-4ed6-89e5-d58016118a7f', // pick orders for dispatching
  ],
  pack: [
    'http://data.europa.eu/esco/skill/667cbbaf-f377-46d8-8f2d-1f6d8a55d74a', // pack goods
  ],
  load: [
    'http://data.europa.eu/esco/skill/048affec-04db-4bd5-b7a6-c666d16c0fef', // load cargo
    'http://data.europa.eu/esco/skill/042f91e3-cccc-4d51-b635-bb14ffe90cfc', // unload cargo
  ],
  wms: [
    'http://data.europa.eu/esco/skill/7c821387-b428-4f75-b5a7-7b038aa81cfd', // use a warehouse management system
    'http://data.europa.eu/esco/skill/fa7be6bf-f906-4b8e-857d-48a9a7da901c', // manage warehouse operations
  ],
  haircut: [
    'http://data.europa.eu/esco/skill/96d1e352-6cfe-4400-bd4d-1e11c03aa20b', // apply hair cutting techniques
    'http://data.europa.eu/esco/skill/03d8e93a-861a-45d3-a2d6-80781d6af1c9', // hair cutting techniques
    'http://data.europa.eu/esco/skill/d2c5d356-43d9-4118-827c-6801e32a452a', // hairdressing
  ],
  haircolour: [
    'http://data.europa.eu/esco/skill/26db1e50-aa8f-407c-87b9-87a48dd4d29a', // hair colouring
    'http://data.europa.eu/esco/skill/d2c5d356-43d9-4118-827c-6801e32a452a', // hairdressing
    'http://data.europa.eu/esco/skill/dbc20527-0852-4dde-a2e9-d25d8356115f', // dye hair
  ],
  swtest: [
    'http://data.europa.eu/esco/skill/913e7e83-b8f8-4574-b1ca-1b38f3fd974a', // execute software tests
    'http://data.europa.eu/esco/skill/5d74614d-32c8-4ca4-9818-6980e52424b1', // plan software testing
    'http://data.europa.eu/esco/skill/85f46538-ae70-498a-bfbc-b8ddafe96c7d', // levels of software testing
  ],
  testauto: [
    'http://data.europa.eu/esco/skill/7557f0f4-b8bc-4ac0-b91e-222ab1ba744f', // tools for ICT test automation
    'http://data.europa.eu/esco/skill/6a322874-e32f-4cd8-9683-badce67a7f73', // develop automated software tests
  ],
  budget: [
    'http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea', // manage budgets
  ],
  finreport: [
    'http://data.europa.eu/esco/skill/dd7c9dfd-6e2c-46fd-aefc-369402d0200c', // create a financial report
    'http://data.europa.eu/esco/skill/60f51172-37c0-4933-a27a-cbf55dcd7580', // prepare financial statements
    'http://data.europa.eu/esco/skill/4a460161-eaea-4fe2-bd0e-164ccc635be1', // financial statements
  ],
  teachlang: [
    'http://data.europa.eu/esco/skill/a9ead737-a7cd-4046-adea-1ff7326db09f', // teach languages
    'http://data.europa.eu/esco/skill/89a1fa04-5a83-4c56-9b25-48ef48cdbc69', // language teaching methods
  ],
  team: [
    'http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0', // work in teams
    'http://data.europa.eu/esco/skill/a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01', // teamwork principles
  ],
  reception: [
    'http://data.europa.eu/esco/skill/add193d6-b7bf-40ab-98ff-4a4c6c807387', // check in guests
    'http://data.europa.eu/esco/skill/59b2d857-dd1c-4596-925e-219c0ebf9c5d', // maintain reception area
  ],
  translate: [
    'http://data.europa.eu/esco/skill/449f0945-4943-49f9-bd98-edfdfd7c00ba', // translate texts
    'http://data.europa.eu/esco/skill/2ca8f0db-2c2a-4d07-af6c-effb99fed08b', // translate foreign language
  ],
  vat: [
    'http://data.europa.eu/esco/skill/b0132abb-7e1f-4b03-ae15-c7de85e6e8ca', // value-added tax law
    'http://data.europa.eu/esco/skill/d669af41-756c-48d9-a286-1443253f54b1', // tax legislation
  ],
  tax: [
    'http://data.europa.eu/esco/skill/d669af41-756c-48d9-a286-1443253f54b1', // tax legislation
  ],
};

export interface LabelledSentence {
  lang: Lang;
  text: string;
  /** Keys of CONCEPTS; empty: the sentence names no skill (a benefit, a blurb, a negation, a wish). */
  expect: string[];
}

export const SENTENCES: LabelledSentence[] = [
  { lang: 'en', text: "It is a fast-paced environment where no two days are the same.", expect: [] },
  { lang: 'en', text: "You will be reporting to the Head of Sales and work closely with our marketing team.", expect: [] },
  { lang: 'en', text: "We are a family-owned business founded in 1978 with offices in Tampere and Oulu.", expect: [] },
  { lang: 'en', text: "Applicants with a degree from a business school are encouraged to apply.", expect: [] },
  { lang: 'en', text: "A driving licence is not required for this role.", expect: [] },
  { lang: 'en', text: "We offer occupational health care, lunch benefit and a sports allowance.", expect: [] },
  { lang: 'en', text: "Experience with Python and SQL is essential.", expect: ['python', 'sql'] },
  { lang: 'en', text: "You have solid experience in JavaScript and TypeScript.", expect: ['js', 'ts'] },
  { lang: 'en', text: "Knowledge of Java is considered an advantage.", expect: ['java'] },
  { lang: 'en', text: "You must hold a valid forklift licence.", expect: ['forklift'] },
  { lang: 'en', text: "The role involves MIG/MAG welding of steel structures.", expect: ['mag'] },
  { lang: 'en', text: "Good command of Finnish and English is required.", expect: ['fi', 'en'] },
  { lang: 'en', text: "Swedish language skills are considered an asset.", expect: ['sv'] },
  { lang: 'en', text: "You are comfortable with Microsoft Office, especially Excel.", expect: ['office', 'excel'] },
  { lang: 'en', text: "Previous experience in customer service is a plus.", expect: ['custserv'] },
  { lang: 'en', text: "You will operate the cash register and serve customers at the checkout.", expect: ['cash'] },
  { lang: 'en', text: "We expect you to have a hygiene passport.", expect: ['hygpass'] },
  { lang: 'en', text: "A valid first aid certificate is required.", expect: ['firstaid'] },
  { lang: 'en', text: "The position is full-time and permanent, starting in March.", expect: [] },
  { lang: 'en', text: "Salary according to the collective agreement.", expect: [] },
  { lang: 'en', text: "Send your application and CV by 15 May.", expect: [] },
  { lang: 'en', text: "Our team consists of twelve friendly professionals.", expect: [] },
  { lang: 'en', text: "We value diversity and encourage everyone to apply.", expect: [] },
  { lang: 'en', text: "Interviews will be held on a rolling basis.", expect: [] },
  { lang: 'en', text: "For more information, contact our HR manager by phone.", expect: [] },
  { lang: 'en', text: "The job includes bookkeeping and preparing monthly payroll.", expect: ['bookkeeping', 'payroll'] },
  { lang: 'en', text: "You will be responsible for managing inventory and ordering supplies.", expect: ['inventory'] },
  { lang: 'en', text: "Experience in project management is needed.", expect: ['projmgmt'] },
  { lang: 'en', text: "You will maintain our Linux servers and Docker containers.", expect: ['os'] },
  { lang: 'en', text: "I have five years of experience in accounting.", expect: ['bookkeeping'] },
  { lang: 'en', text: "I worked as a forklift driver in a warehouse for three years.", expect: ['forklift'] },
  { lang: 'en', text: "I am fluent in English and Swedish and I am learning Finnish.", expect: ['en', 'sv'] },
  { lang: 'en', text: "I have good skills in Microsoft Excel and Word.", expect: ['office', 'word'] },
  { lang: 'en', text: "I have completed a course in first aid.", expect: ['firstaid'] },
  { lang: 'en', text: "In my previous job I cleaned offices and hotel rooms.", expect: ['cleaning'] },
  { lang: 'en', text: "I have experience of caring for elderly people in their homes.", expect: ['elderly'] },
  { lang: 'en', text: "I administered medication and documented patient care.", expect: ['medication', 'patientdoc'] },
  { lang: 'en', text: "I enjoy hiking and spending time with my family.", expect: [] },
  { lang: 'en', text: "My strengths are reliability and punctuality.", expect: [] },
  { lang: 'en', text: "I am looking for a full-time job in the Helsinki area.", expect: [] },
  { lang: 'en', text: "I do not have a driving licence.", expect: [] },
  { lang: 'en', text: "I am interested in learning programming.", expect: [] },
  { lang: 'en', text: "I graduated from high school in 2015.", expect: [] },
  { lang: 'en', text: "I have developed web applications using React and Node.js.", expect: ['jsfw'] },
  { lang: 'en', text: "I have worked with SAP in purchasing.", expect: ['sap'] },
  { lang: 'en', text: "I am familiar with AutoCAD and drawing technical plans.", expect: ['cad', 'drawings'] },
  { lang: 'en', text: "You will plan and cook lunches for our customers.", expect: ['cook'] },
  { lang: 'en', text: "Knowledge of food safety regulations is required.", expect: ['foodsafety'] },
  { lang: 'en', text: "The job includes cleaning of the kitchen and dishwashing.", expect: ['kitchenclean', 'dishes'] },
  { lang: 'en', text: "You will prepare salads and sandwiches in our café.", expect: ['sandwiches'] },
  { lang: 'en', text: "We are looking for a bartender who can mix cocktails.", expect: ['cocktails'] },
  { lang: 'en', text: "The applicant should have a hot work licence and an occupational safety card.", expect: ['hotwork', 'safetycard'] },
  { lang: 'en', text: "You will drive a truck and deliver goods to stores in the region.", expect: ['truck'] },
  { lang: 'en', text: "A C driving licence is required; CE is an advantage.", expect: ['licc', 'licce'] },
  { lang: 'en', text: "We are looking for a nurse to our internal medicine ward.", expect: [] },
  { lang: 'en', text: "You will take care of wound care and give injections.", expect: ['wound'] },
  { lang: 'en', text: "Experience in child care is required.", expect: ['childcare'] },
  { lang: 'en', text: "You will teach mathematics to secondary school pupils.", expect: ['teachmath'] },
  { lang: 'en', text: "We need an electrician for electrical installation work in new buildings.", expect: ['elinstall'] },
  { lang: 'en', text: "The job includes maintenance and repair of HVAC systems.", expect: ['ventilation'] },
  { lang: 'en', text: "You will install and repair plumbing in apartment buildings.", expect: ['plumbing'] },
  { lang: 'en', text: "Carpentry skills and experience in construction are needed.", expect: ['carpentry', 'construction'] },
  { lang: 'en', text: "Painting and plastering experience is a plus.", expect: ['paint', 'plaster'] },
  { lang: 'en', text: "We are looking for someone who knows digital marketing and social media.", expect: ['digmarketing', 'socialmedia'] },
  { lang: 'en', text: "You will create content for our website and write blog posts.", expect: ['content'] },
  { lang: 'en', text: "Graphic design skills and knowledge of Adobe Photoshop are required.", expect: ['graphic', 'photoshop'] },
  { lang: 'en', text: "You will analyse data and build reports in Power BI.", expect: ['data', 'bi'] },
  { lang: 'en', text: "Knowledge of machine learning is an advantage.", expect: ['ml'] },
  { lang: 'en', text: "You will negotiate with suppliers and manage contracts.", expect: ['negotiate', 'contracts'] },
  { lang: 'en', text: "Sales experience in B2B is required.", expect: ['sales'] },
  { lang: 'en', text: "You will recruit new employees and handle onboarding.", expect: ['recruit', 'onboard'] },
  { lang: 'en', text: "Knowledge of labour law is considered an advantage.", expect: ['labourlaw'] },
  { lang: 'en', text: "You will answer customer calls and emails.", expect: ['calls'] },
  { lang: 'en', text: "The job requires good problem-solving skills.", expect: ['problem'] },
  { lang: 'en', text: "The work is done in two shifts.", expect: [] },
  { lang: 'en', text: "The workplace is easily accessible by public transport.", expect: [] },
  { lang: 'en', text: "Our office is located in the heart of the city.", expect: [] },
  { lang: 'en', text: "We have a relaxed atmosphere and flexible working hours.", expect: [] },
  { lang: 'en', text: "We offer a competitive salary and a bonus scheme.", expect: [] },
  { lang: 'en', text: "Employees receive a discount on our products.", expect: [] },
  { lang: 'en', text: "The company has grown rapidly over the past five years.", expect: [] },
  { lang: 'en', text: "Working time is Monday to Friday, 8 am to 4 pm.", expect: [] },
  { lang: 'en', text: "It will be a great opportunity for the right person.", expect: [] },
  { lang: 'en', text: "It is important that you are punctual and reliable.", expect: [] },
  { lang: 'en', text: "You will operate CNC machines and read technical drawings.", expect: ['cnc', 'drawings'] },
  { lang: 'en', text: "Experience in machining and lathe work is needed.", expect: ['lathe'] },
  { lang: 'en', text: "You will be responsible for quality control of the products.", expect: ['qc'] },
  { lang: 'en', text: "Knowledge of lean manufacturing is an advantage.", expect: ['lean'] },
  { lang: 'en', text: "You will pick orders and pack goods for shipping.", expect: ['pick', 'pack'] },
  { lang: 'en', text: "You will load and unload trucks at the terminal.", expect: ['load'] },
  { lang: 'en', text: "Experience with warehouse management systems is an advantage.", expect: ['wms'] },
  { lang: 'en', text: "I have cared for children in a kindergarten for six years.", expect: ['childcare'] },
  { lang: 'en', text: "I am a trained hairdresser and can cut and colour hair.", expect: ['haircut', 'haircolour'] },
  { lang: 'en', text: "I have worked as a cashier and handled cash.", expect: ['cash'] },
  { lang: 'en', text: "I have a C driving licence and a driver CPC.", expect: ['licc', 'cpc'] },
  { lang: 'en', text: "I welded steel structures using TIG welding.", expect: ['tig'] },
  { lang: 'en', text: "I have experience in software testing and test automation.", expect: ['swtest', 'testauto'] },
  { lang: 'en', text: "I have experience of budgeting and financial reporting.", expect: ['budget', 'finreport'] },
  { lang: 'en', text: "I have taught English to adults.", expect: ['teachlang', 'en'] },
  { lang: 'en', text: "I am good at working in a team.", expect: ['team'] },
  { lang: 'en', text: "I have no experience of customer service.", expect: [] },
  { lang: 'en', text: "I did my internship in a hotel reception.", expect: ['reception'] },
  { lang: 'en', text: "I have worked in cleaning for ten years and I have a valid hygiene passport.", expect: ['cleaning', 'hygpass'] },
  { lang: 'en', text: "I speak Arabic as my mother tongue.", expect: ['ar'] },
  { lang: 'en', text: "I have completed the occupational safety card training.", expect: ['safetycard'] },
  { lang: 'en', text: "The successful candidate will translate documents from English into Finnish.", expect: ['translate', 'en', 'fi'] },
  { lang: 'en', text: "You will manage the company's social media accounts.", expect: ['socialmedia'] },
  { lang: 'en', text: "You will keep the accounts and prepare VAT returns.", expect: ['bookkeeping', 'vat'] },
  { lang: 'en', text: "We are an equal opportunity employer.", expect: [] },
  { lang: 'en', text: "The job is a temporary position for six months.", expect: [] },
  { lang: 'fi', text: "Tehtävässä tarvitset hyvää MIG/MAG-hitsauksen osaamista.", expect: ['mag'] },
  { lang: 'fi', text: "Edellytämme kokemusta MIG/MAG-hitsauksesta ja piirustusten lukutaitoa.", expect: ['mag', 'drawings'] },
  { lang: 'fi', text: "Tarjoamme työterveyshuollon, lounasedun ja liikuntasetelit.", expect: [] },
  { lang: 'fi', text: "Työ on vakituinen ja kokoaikainen.", expect: [] },
  { lang: 'fi', text: "Palkkaus työehtosopimuksen mukaan.", expect: [] },
  { lang: 'fi', text: "Hakemukset pyydämme lähettämään 31.5. mennessä.", expect: [] },
  { lang: 'fi', text: "Lisätietoja antaa myymäläpäällikkö puhelimitse.", expect: [] },
  { lang: 'fi', text: "Olemme vuonna 1985 perustettu perheyritys.", expect: [] },
  { lang: 'fi', text: "Työpaikalle pääsee helposti julkisilla.", expect: [] },
  { lang: 'fi', text: "Työ on kaksivuorotyötä.", expect: [] },
  { lang: 'fi', text: "Edellytämme voimassa olevaa trukkikorttia.", expect: ['forklift'] },
  { lang: 'fi', text: "Hygieniapassi on oltava.", expect: ['hygpass'] },
  { lang: 'fi', text: "Työturvallisuuskortti ja tulityökortti ovat eduksi.", expect: ['safetycard', 'hotwork'] },
  { lang: 'fi', text: "Ajokortti ei ole välttämätön.", expect: [] },
  { lang: 'fi', text: "Tehtävä ei edellytä ajokorttia.", expect: [] },
  { lang: 'fi', text: "Hyvä suomen kielen taito on välttämätön ja ruotsin kielen taito katsotaan eduksi.", expect: ['fi', 'sv'] },
  { lang: 'fi', text: "Englannin kielen taito on eduksi.", expect: ['en'] },
  { lang: 'fi', text: "Työtehtäviin kuuluu asiakaspalvelu ja kassatyöskentely.", expect: ['custserv', 'cash'] },
  { lang: 'fi', text: "Tehtäviisi kuuluu tavaroiden vastaanotto, hyllytys ja inventaarioihin osallistuminen.", expect: ['receive', 'shelves', 'inventory'] },
  { lang: 'fi', text: "Toivomme sinulta kokemusta asiakaspalvelusta.", expect: ['custserv'] },
  { lang: 'fi', text: "Työhön kuuluu toimistojen ja porraskäytävien siivous.", expect: ['cleaning'] },
  { lang: 'fi', text: "Tehtäviin kuuluu myös ruoanvalmistus ja astianpesu.", expect: ['cook', 'dishes'] },
  { lang: 'fi', text: "Haemme kokkia, joka osaa valmistaa lounasta isoille ryhmille.", expect: ['cook'] },
  { lang: 'fi', text: "Haemme sairaanhoitajaa sisätautien osastolle.", expect: [] },
  { lang: 'fi', text: "Työ sisältää lääkehoitoa ja haavanhoitoa.", expect: ['medication', 'wound'] },
  { lang: 'fi', text: "Edellytämme voimassa olevaa LOVe-lääkehoidon osaamista.", expect: ['medication'] },
  { lang: 'fi', text: "Kotihoidossa autat ikäihmisiä päivittäisissä toimissa.", expect: ['elderly'] },
  { lang: 'fi', text: "Sinulla on kokemusta lasten hoidosta ja varhaiskasvatuksesta.", expect: ['childcare', 'ecec'] },
  { lang: 'fi', text: "Opetat matematiikkaa yläkoulun oppilaille.", expect: ['teachmath'] },
  { lang: 'fi', text: "Haemme sähköasentajaa uudiskohteiden sähköasennuksiin.", expect: ['elinstall'] },
  { lang: 'fi', text: "Tehtävä sisältää ilmanvaihtolaitteiden huoltoa ja korjausta.", expect: ['ventilation'] },
  { lang: 'fi', text: "Teet putkiasennuksia kerrostalokohteissa.", expect: ['plumbing'] },
  { lang: 'fi', text: "Kokemus kirvesmiehen töistä ja rakentamisesta on eduksi.", expect: ['carpentry', 'construction'] },
  { lang: 'fi', text: "Maalaus- ja tasoitetöiden osaaminen katsotaan eduksi.", expect: ['paint', 'plaster'] },
  { lang: 'fi', text: "Työssä ajetaan kuorma-autoa ja jaetaan tavaraa alueen kauppoihin.", expect: ['truck'] },
  { lang: 'fi', text: "C-ajokortti on välttämätön, CE-kortti eduksi.", expect: ['licc', 'licce'] },
  { lang: 'fi', text: "Kuljettajan ammattipätevyys vaaditaan.", expect: ['cpc'] },
  { lang: 'fi', text: "Hallitset Python-ohjelmoinnin ja SQL-kyselyt.", expect: ['python', 'sql'] },
  { lang: 'fi', text: "Sinulla on kokemusta JavaScriptistä ja TypeScriptistä.", expect: ['js', 'ts'] },
  { lang: 'fi', text: "Java-osaaminen katsotaan eduksi.", expect: ['java'] },
  { lang: 'fi', text: "Ylläpidät Linux-palvelimia.", expect: ['os'] },
  { lang: 'fi', text: "Hallitset Office-ohjelmat, erityisesti Excelin.", expect: ['office', 'excel'] },
  { lang: 'fi', text: "Tehtäviisi kuuluu kirjanpito ja palkanlaskenta.", expect: ['bookkeeping', 'payroll'] },
  { lang: 'fi', text: "Vastaat tilinpäätöksen laadinnasta ja arvonlisäverotuksesta.", expect: ['finreport', 'vat'] },
  { lang: 'fi', text: "Kokemus projektinhallinnasta on tarpeen.", expect: ['projmgmt'] },
  { lang: 'fi', text: "Neuvottelet toimittajien kanssa ja hoidat sopimuksia.", expect: ['negotiate', 'contracts'] },
  { lang: 'fi', text: "Edellytämme myyntikokemusta yritysasiakkaista.", expect: ['sales'] },
  { lang: 'fi', text: "Vastaat uusien työntekijöiden rekrytoinnista ja perehdytyksestä.", expect: ['recruit', 'onboard'] },
  { lang: 'fi', text: "Työehtosopimusten tuntemus on eduksi.", expect: ['labourlaw'] },
  { lang: 'fi', text: "Vastaat asiakkaiden puheluihin ja sähköposteihin.", expect: ['calls'] },
  { lang: 'fi', text: "Ohjelmoit ja käytät CNC-koneita.", expect: ['cnc'] },
  { lang: 'fi', text: "Koneistuksen ja sorvauksen kokemus on tarpeen.", expect: ['lathe'] },
  { lang: 'fi', text: "Vastaat tuotteiden laadunvalvonnasta.", expect: ['qc'] },
  { lang: 'fi', text: "Keräät tilauksia ja pakkaat tavaraa lähetettäväksi.", expect: ['pick', 'pack'] },
  { lang: 'fi', text: "Lastaat ja purat kuorma-autoja terminaalissa.", expect: ['load'] },
  { lang: 'fi', text: "Tuotat sisältöä verkkosivuillemme ja sosiaaliseen mediaan.", expect: ['content', 'socialmedia'] },
  { lang: 'fi', text: "Graafisen suunnittelun osaaminen ja Photoshopin hallinta ovat välttämättömiä.", expect: ['graphic', 'photoshop'] },
  { lang: 'fi', text: "Analysoit dataa ja rakennat raportteja Power BI:llä.", expect: ['data', 'bi'] },
  { lang: 'fi', text: "Koneoppimisen tuntemus on eduksi.", expect: ['ml'] },
  { lang: 'fi', text: "Käännät asiakirjoja englannista suomeksi.", expect: ['translate', 'en', 'fi'] },
  { lang: 'fi', text: "Tarjoamme mukavan työyhteisön ja joustavat työajat.", expect: [] },
  { lang: 'fi', text: "Henkilökunta saa alennusta tuotteistamme.", expect: [] },
  { lang: 'fi', text: "Yrityksemme on kasvanut nopeasti viime vuosina.", expect: [] },
  { lang: 'fi', text: "Työaika on maanantaista perjantaihin klo 8–16.", expect: [] },
  { lang: 'fi', text: "Työ alkaa sopimuksen mukaan.", expect: [] },
  { lang: 'fi', text: "Toivomme sinulta reipasta asennetta ja oma-aloitteisuutta.", expect: [] },
  { lang: 'fi', text: "Arvostamme täsmällisyyttä ja luotettavuutta.", expect: [] },
  { lang: 'fi', text: "Työpaikka sijaitsee Tampereen keskustassa.", expect: [] },
  { lang: 'fi', text: "Kyseessä on määräaikainen työsuhde, joka kestää kuusi kuukautta.", expect: [] },
  { lang: 'fi', text: "Tehtävä on osa-aikainen, 25 tuntia viikossa.", expect: [] },
  { lang: 'fi', text: "Tarjoamme kattavan perehdytyksen ja koulutusta.", expect: [] },
  { lang: 'fi', text: "Työhön voi tulla myös alanvaihtaja.", expect: [] },
  { lang: 'fi', text: "Olet tunnollinen ja pidät asiakkaista.", expect: [] },
  { lang: 'fi', text: "Käytössäsi on työsuhdepuhelin ja -auto.", expect: [] },
  { lang: 'fi', text: "Rekisteröidy ja hae työpaikkaa sivuillamme.", expect: [] },
  { lang: 'fi', text: "Olen työskennellyt trukinkuljettajana varastossa kolme vuotta.", expect: ['forklift'] },
  { lang: 'fi', text: "Minulla on trukkikortti ja hygieniapassi.", expect: ['forklift', 'hygpass'] },
  { lang: 'fi', text: "Minulla ei ole ajokorttia.", expect: [] },
  { lang: 'fi', text: "Puhun sujuvasti suomea ja englantia, ruotsia opiskelen.", expect: ['fi', 'en'] },
  { lang: 'fi', text: "Hallitsen Excelin ja Wordin hyvin.", expect: ['excel', 'word'] },
  { lang: 'fi', text: "Olen suorittanut ensiapukurssin.", expect: ['firstaid'] },
  { lang: 'fi', text: "Edellisessä työssäni siivosin toimistoja ja hotellihuoneita.", expect: ['cleanrooms'] },
  { lang: 'fi', text: "Minulla on kokemusta vanhusten hoidosta kotihoidossa.", expect: ['elderly'] },
  { lang: 'fi', text: "Olen jakanut lääkkeitä ja kirjannut potilastietoja.", expect: ['medication', 'patientdoc'] },
  { lang: 'fi', text: "Harrastan retkeilyä ja vietän aikaa perheeni kanssa.", expect: [] },
  { lang: 'fi', text: "Vahvuuksiani ovat luotettavuus ja täsmällisyys.", expect: [] },
  { lang: 'fi', text: "Etsin kokoaikaista työtä pääkaupunkiseudulta.", expect: [] },
  { lang: 'fi', text: "Haluaisin oppia ohjelmointia.", expect: [] },
  { lang: 'fi', text: "Valmistuin ylioppilaaksi vuonna 2015.", expect: [] },
  { lang: 'fi', text: "Olen koulutukseltani parturi-kampaaja ja osaan hiusten leikkauksen ja värjäyksen.", expect: ['haircut', 'haircolour'] },
  { lang: 'fi', text: "Olen työskennellyt kassalla ja käsitellyt käteistä.", expect: ['cash'] },
  { lang: 'fi', text: "Hitsasin teräsrakenteita TIG-hitsauksella.", expect: ['tig'] },
  { lang: 'fi', text: "Minulla on kokemusta ohjelmistotestauksesta ja testiautomaatiosta.", expect: ['swtest', 'testauto'] },
  { lang: 'fi', text: "Olen tehnyt budjetointia ja taloudellista raportointia.", expect: ['budget', 'finreport'] },
  { lang: 'fi', text: "Olen opettanut englantia aikuisille.", expect: ['teachlang', 'en'] },
  { lang: 'fi', text: "Minulla ei ole kokemusta asiakaspalvelusta.", expect: [] },
  { lang: 'fi', text: "Äidinkieleni on arabia.", expect: ['ar'] },
  { lang: 'fi', text: "Tein harjoitteluni hotellin vastaanotossa.", expect: ['reception'] },
  { lang: 'fi', text: "Olen tehnyt siivoustyötä kymmenen vuotta.", expect: ['cleaning'] },
  { lang: 'fi', text: "Olen käynyt työturvallisuuskorttikoulutuksen.", expect: ['safetycard'] },
  { lang: 'fi', text: "Olen kehittänyt verkkosovelluksia Reactilla.", expect: ['jsfw'] },
  { lang: 'fi', text: "Olen toiminut SAP-järjestelmän pääkäyttäjänä ostoissa.", expect: ['sap'] },
  { lang: 'fi', text: "Osaan AutoCADin ja teknisten piirustusten laatimisen.", expect: ['cad', 'drawings'] },
  { lang: 'fi', text: "Pidän tiimityöstä ja olen hyvä ryhmässä.", expect: ['team'] },
  { lang: 'fi', text: "Työskentelin baarimikkona ja sekoitin cocktaileja.", expect: ['cocktails'] },
  { lang: 'fi', text: "Työtä tehdään myös viikonloppuisin.", expect: [] },
  { lang: 'sv', text: "Körkort krävs inte.", expect: [] },
  { lang: 'sv', text: "Du rapporterar avvikelser till arbetsledaren.", expect: [] },
  { lang: 'sv', text: "Vi erbjuder företagshälsovård, lunchförmån och motionsförmån.", expect: [] },
  { lang: 'sv', text: "Tjänsten är fast och på heltid.", expect: [] },
  { lang: 'sv', text: "Lön enligt kollektivavtal.", expect: [] },
  { lang: 'sv', text: "Skicka din ansökan senast den 31 maj.", expect: [] },
  { lang: 'sv', text: "Mer information ger butikschefen per telefon.", expect: [] },
  { lang: 'sv', text: "Vi är ett familjeföretag grundat 1985.", expect: [] },
  { lang: 'sv', text: "Arbetsplatsen ligger nära kollektivtrafik.", expect: [] },
  { lang: 'sv', text: "Arbetet sker i två skift.", expect: [] },
  { lang: 'sv', text: "Truckkort är ett krav.", expect: ['forklift'] },
  { lang: 'sv', text: "Du ska ha hygienpass.", expect: ['hygpass'] },
  { lang: 'sv', text: "Arbetarskyddskort och heta arbeten-kort är meriterande.", expect: ['safetycard', 'hotwork'] },
  { lang: 'sv', text: "Tjänsten förutsätter inte körkort.", expect: [] },
  { lang: 'sv', text: "Goda kunskaper i svenska och finska krävs.", expect: ['sv', 'fi'] },
  { lang: 'sv', text: "Kunskaper i engelska är meriterande.", expect: ['en'] },
  { lang: 'sv', text: "Arbetet omfattar kundservice och kassaarbete.", expect: ['custserv', 'cash'] },
  { lang: 'sv', text: "I arbetet ingår varumottagning, påfyllning av hyllor och inventering.", expect: ['receive', 'shelves', 'inventory'] },
  { lang: 'sv', text: "Vi önskar att du har erfarenhet av kundservice.", expect: ['custserv'] },
  { lang: 'sv', text: "Arbetet består av städning av kontor och trapphus.", expect: ['cleaning'] },
  { lang: 'sv', text: "I uppgifterna ingår även matlagning och disk.", expect: ['cook', 'dishes'] },
  { lang: 'sv', text: "Vi söker en kock som kan laga lunch för stora grupper.", expect: ['cook'] },
  { lang: 'sv', text: "Vi söker en sjukskötare till avdelningen för internmedicin.", expect: [] },
  { lang: 'sv', text: "Arbetet omfattar läkemedelsbehandling och sårvård.", expect: ['medication', 'wound'] },
  { lang: 'sv', text: "Inom hemvården hjälper du äldre i deras vardag.", expect: ['elderly'] },
  { lang: 'sv', text: "Du har erfarenhet av barnomsorg och småbarnspedagogik.", expect: ['childcare', 'ecec'] },
  { lang: 'sv', text: "Du undervisar matematik för elever i högstadiet.", expect: ['teachmath'] },
  { lang: 'sv', text: "Vi söker en elektriker för elinstallationer i nybyggen.", expect: ['elinstall'] },
  { lang: 'sv', text: "Arbetet omfattar service och reparation av ventilationsaggregat.", expect: ['ventilation'] },
  { lang: 'sv', text: "Du utför rörinstallationer i flervåningshus.", expect: ['plumbing'] },
  { lang: 'sv', text: "Erfarenhet av snickeri och byggarbete är meriterande.", expect: ['carpentry', 'construction'] },
  { lang: 'sv', text: "Du kör lastbil och levererar varor till butiker i regionen.", expect: ['truck'] },
  { lang: 'sv', text: "C-körkort krävs, CE-körkort är meriterande.", expect: ['licc', 'licce'] },
  { lang: 'sv', text: "Yrkeskompetens för förare krävs.", expect: ['cpc'] },
  { lang: 'sv', text: "Du behärskar Python och SQL.", expect: ['python', 'sql'] },
  { lang: 'sv', text: "Du har erfarenhet av JavaScript och TypeScript.", expect: ['js', 'ts'] },
  { lang: 'sv', text: "Kunskaper i Java är meriterande.", expect: ['java'] },
  { lang: 'sv', text: "Du sköter våra Linux-servrar.", expect: ['os'] },
  { lang: 'sv', text: "Du behärskar Office-programmen, särskilt Excel.", expect: ['office', 'excel'] },
  { lang: 'sv', text: "I uppgifterna ingår bokföring och löneräkning.", expect: ['bookkeeping', 'payroll'] },
  { lang: 'sv', text: "Du ansvarar för bokslut och momsdeklarationer.", expect: ['finreport', 'vat'] },
  { lang: 'sv', text: "Erfarenhet av projektledning behövs.", expect: ['projmgmt'] },
  { lang: 'sv', text: "Du förhandlar med leverantörer och sköter avtal.", expect: ['negotiate', 'contracts'] },
  { lang: 'sv', text: "Vi förutsätter erfarenhet av försäljning till företagskunder.", expect: ['sales'] },
  { lang: 'sv', text: "Du ansvarar för rekrytering och introduktion av nya medarbetare.", expect: ['recruit', 'onboard'] },
  { lang: 'sv', text: "Kännedom om arbetsrätt är en fördel.", expect: ['labourlaw'] },
  { lang: 'sv', text: "Du svarar på kundernas samtal och e-post.", expect: ['calls'] },
  { lang: 'sv', text: "Du programmerar och kör CNC-maskiner.", expect: ['cnc'] },
  { lang: 'sv', text: "Erfarenhet av svarvning och fräsning behövs.", expect: ['lathe', 'milling'] },
  { lang: 'sv', text: "Du ansvarar för kvalitetskontrollen av produkterna.", expect: ['qc'] },
  { lang: 'sv', text: "Du plockar order och packar varor för leverans.", expect: ['pick', 'pack'] },
  { lang: 'sv', text: "Du lastar och lossar lastbilar vid terminalen.", expect: ['load'] },
  { lang: 'sv', text: "Du producerar innehåll för vår webbplats och sociala medier.", expect: ['content', 'socialmedia'] },
  { lang: 'sv', text: "Kunskaper i grafisk design och Photoshop krävs.", expect: ['graphic', 'photoshop'] },
  { lang: 'sv', text: "Du analyserar data och bygger rapporter i Power BI.", expect: ['data', 'bi'] },
  { lang: 'sv', text: "Kännedom om maskininlärning är meriterande.", expect: ['ml'] },
  { lang: 'sv', text: "Du översätter dokument från finska till svenska.", expect: ['translate', 'fi', 'sv'] },
  { lang: 'sv', text: "Vi erbjuder en trevlig arbetsgemenskap och flexibla arbetstider.", expect: [] },
  { lang: 'sv', text: "Personalen får rabatt på våra produkter.", expect: [] },
  { lang: 'sv', text: "Företaget har vuxit snabbt de senaste åren.", expect: [] },
  { lang: 'sv', text: "Arbetstiden är måndag till fredag kl. 8–16.", expect: [] },
  { lang: 'sv', text: "Arbetet inleds enligt överenskommelse.", expect: [] },
  { lang: 'sv', text: "Vi hoppas att du har en positiv attityd och eget initiativ.", expect: [] },
  { lang: 'sv', text: "Vi värdesätter punktlighet och pålitlighet.", expect: [] },
  { lang: 'sv', text: "Arbetsplatsen finns i centrala Vasa.", expect: [] },
  { lang: 'sv', text: "Det är fråga om ett visstidsanställning på sex månader.", expect: [] },
  { lang: 'sv', text: "Tjänsten är på deltid, 25 timmar i veckan.", expect: [] },
  { lang: 'sv', text: "Vi erbjuder en grundlig introduktion och utbildning.", expect: [] },
  { lang: 'sv', text: "Även branschbytare är välkomna att söka.", expect: [] },
  { lang: 'sv', text: "Du är noggrann och tycker om att möta kunder.", expect: [] },
  { lang: 'sv', text: "Du får tjänstetelefon och tjänstebil.", expect: [] },
  { lang: 'sv', text: "Registrera dig och sök jobbet på vår webbplats.", expect: [] },
  { lang: 'sv', text: "Rapporterna skickas varje månad till ledningen.", expect: [] },
  { lang: 'sv', text: "Jag har arbetat som truckförare på ett lager i tre år.", expect: ['forklift'] },
  { lang: 'sv', text: "Jag har truckkort och hygienpass.", expect: ['forklift', 'hygpass'] },
  { lang: 'sv', text: "Jag har inget körkort.", expect: [] },
  { lang: 'sv', text: "Jag talar flytande svenska och engelska och studerar finska.", expect: ['sv', 'en'] },
  { lang: 'sv', text: "Jag behärskar Excel och Word väl.", expect: ['excel', 'word'] },
  { lang: 'sv', text: "Jag har gått en kurs i första hjälpen.", expect: ['firstaid'] },
  { lang: 'sv', text: "På mitt förra jobb städade jag kontor och hotellrum.", expect: ['cleanrooms'] },
  { lang: 'sv', text: "Jag har erfarenhet av äldreomsorg inom hemvården.", expect: ['elderly'] },
  { lang: 'sv', text: "Jag har delat ut läkemedel och dokumenterat patientvård.", expect: ['medication', 'patientdoc'] },
  { lang: 'sv', text: "På fritiden vandrar jag och umgås med familjen.", expect: [] },
  { lang: 'sv', text: "Mina styrkor är pålitlighet och punktlighet.", expect: [] },
  { lang: 'sv', text: "Jag söker ett heltidsjobb i huvudstadsregionen.", expect: [] },
  { lang: 'sv', text: "Jag vill lära mig programmering.", expect: [] },
  { lang: 'sv', text: "Jag tog studenten 2015.", expect: [] },
  { lang: 'sv', text: "Jag är utbildad frisör och kan klippa och färga hår.", expect: ['haircut', 'haircolour'] },
  { lang: 'sv', text: "Jag har jobbat i kassan och hanterat kontanter.", expect: ['cash'] },
  { lang: 'sv', text: "Jag svetsade stålkonstruktioner med TIG-svetsning.", expect: ['tig'] },
  { lang: 'sv', text: "Jag har erfarenhet av programvarutestning och testautomatisering.", expect: ['swtest', 'testauto'] },
  { lang: 'sv', text: "Jag har arbetat med budgetering och ekonomisk rapportering.", expect: ['budget', 'finreport'] },
  { lang: 'sv', text: "Jag har undervisat engelska för vuxna.", expect: ['teachlang', 'en'] },
  { lang: 'sv', text: "Jag har ingen erfarenhet av kundservice.", expect: [] },
  { lang: 'sv', text: "Mitt modersmål är arabiska.", expect: ['ar'] },
  { lang: 'sv', text: "Jag gjorde min praktik i en hotellreception.", expect: ['reception'] },
  { lang: 'sv', text: "Jag har jobbat med städning i tio år.", expect: ['cleaning'] },
  { lang: 'sv', text: "Jag har utvecklat webbapplikationer med React.", expect: ['jsfw'] },
  { lang: 'sv', text: "Jag har gått kursen för arbetarskyddskort.", expect: ['safetycard'] },
  { lang: 'sv', text: "Jag kan AutoCAD och att göra tekniska ritningar.", expect: ['cad', 'drawings'] },
  { lang: 'sv', text: "Jag trivs med lagarbete.", expect: ['team'] },
  { lang: 'sv', text: "Jag har arbetat som bartender och blandat cocktails.", expect: ['cocktails'] },
  { lang: 'sv', text: "Arbetet utförs även på veckoslut.", expect: [] },
  { lang: 'sv', text: "Vi har MIG/MAG-svetsning i vår verkstad och söker en erfaren svetsare.", expect: ['mag'] },
];
