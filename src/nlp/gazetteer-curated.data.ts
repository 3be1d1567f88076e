// Hand-curated gazetteer lists that the generated country data lacks.

/** Extra country names, short forms and adjectives: "ALIAS|CC" separated by ";". */
export const COUNTRY_EXTRAS = `U.S.|US;US|US;U.S.A.|US;USA|US;America|US;UK|GB;U.K.|GB;Britain|GB;PRC|CN;Korea|KR;Republic of Korea|KR;
Mainland China|CN;Kyrgyz|KG;Kyrgyzstani|KG;Kirghizia|KG;Kazakh|KZ;Kazakhstani|KZ;Uzbek|UZ;Uzbekistani|UZ;Tajik|TJ;
Tajikistani|TJ;Turkmen|TM;Russian|RU;Chinese|CN;Korean|KR;Turkish|TR;Turkey|TR;Türkiye|TR;Turkiye|TR;Emirati|AE;
Saudi|SA;Saudi Arabian|SA;Iranian|IR;Iraqi|IQ;Syrian|SY;Israeli|IL;Palestinian|PS;Egyptian|EG;Jordanian|JO;
Lebanese|LB;Qatari|QA;Kuwaiti|KW;Omani|OM;Yemeni|YE;Bahraini|BH;Afghan|AF;Pakistani|PK;Indian|IN;Bangladeshi|BD;
Sri Lankan|LK;Nepali|NP;Nepalese|NP;Vietnamese|VN;Viet Nam|VN;Thai|TH;Malaysian|MY;Indonesian|ID;Filipino|PH;
Philippine|PH;Singaporean|SG;Burmese|MM;Myanmar|MM;Cambodian|KH;Laotian|LA;Lao|LA;Japanese|JP;Mongolian|MN;
Nigerian|NG;Kenyan|KE;Ethiopian|ET;South African|ZA;Ghanaian|GH;Senegalese|SN;Moroccan|MA;Algerian|DZ;Tunisian|TN;
Libyan|LY;Sudanese|SD;Tanzanian|TZ;Ugandan|UG;Rwandan|RW;Angolan|AO;Zambian|ZM;Congolese|CD;DRC|CD;DR Congo|CD;
Mozambican|MZ;Malian|ML;Nigerien|NE;Ivorian|CI;Côte d'Ivoire|CI;Cote d'Ivoire|CI;Brazilian|BR;Argentine|AR;
Argentinian|AR;Mexican|MX;Chilean|CL;Peruvian|PE;Colombian|CO;Venezuelan|VE;Bolivian|BO;Ecuadorian|EC;Cuban|CU;
Uruguayan|UY;Paraguayan|PY;German|DE;French|FR;British|GB;Italian|IT;Spanish|ES;Polish|PL;Ukrainian|UA;
Belarusian|BY;Hungarian|HU;Serbian|RS;Greek|GR;Dutch|NL;Belgian|BE;Swedish|SE;Norwegian|NO;Finnish|FI;Danish|DK;
Austrian|AT;Swiss|CH;Portuguese|PT;Romanian|RO;Bulgarian|BG;Czech|CZ;Slovak|SK;Croatian|HR;Georgian|GE;
Armenian|AM;Azerbaijani|AZ;Azeri|AZ;Moldovan|MD;Lithuanian|LT;Latvian|LV;Estonian|EE;Irish|IE;Canadian|CA;
Australian|AU;New Zealand|NZ;American|US;Americans|US;Chileans|CL;North Korean|KP;South Korean|KR;DPRK|KP;
Czechia|CZ;Holland|NL;the Netherlands|NL;Kyrgyz Republic|KG;Republic of Kazakhstan|KZ;Russian Federation|RU;
Islamic Republic|IR;Ivory Coast|CI;Burkina|BF;Burkinabe|BF;Gabonese|GA;Cameroonian|CM;Namibian|NA;Botswanan|BW;
Zimbabwean|ZW;Malawian|MW;Somali|SO;Eritrean|ER;Djiboutian|DJ;Chadian|TD;Beninese|BJ;Togolese|TG;Liberian|LR;
Guinean|GN;Mauritanian|MR;Emirates|AE;UAE|AE;KSA|SA;Kingdom of Saudi Arabia|SA;Taiwanese|TW;Uzbekistan|UZ`;

/** Seats of government that differ from the listed capital, or extra capital spellings: "CITY|CC". */
export const SEATS_EXTRAS = `Washington|US;Astana|KZ;Nur-Sultan|KZ;Pretoria|ZA;Abuja|NG;Dar es Salaam|TZ;
The Hague|NL;Naypyidaw|MM;Naypyitaw|MM;New Delhi|IN;Delhi|IN;Yangon|MM;Ankara|TR;Riyadh|SA;Tehran|IR;Kyiv|UA;Kiev|UA;
Brasília|BR;Brasilia|BR;Canberra|AU;Ottawa|CA;Islamabad|PK;Dhaka|BD;Hanoi|VN;Jakarta|ID;Manila|PH;Seoul|KR;Tokyo|JP;
Pyongyang|KP;Tbilisi|GE;Baku|AZ;Yerevan|AM;Minsk|BY;Tashkent|UZ;Dushanbe|TJ;Ashgabat|TM;Bishkek|KG;Beijing|CN;
Moscow|RU;London|GB;Paris|FR;Berlin|DE;Rome|IT;Madrid|ES;Brussels|BE;Warsaw|PL;Budapest|HU;Cairo|EG;Addis Ababa|ET;
Nairobi|KE;Kampala|UG;Kigali|RW;Luanda|AO;Kinshasa|CD;Dakar|SN;Accra|GH;Rabat|MA;Algiers|DZ;Tunis|TN;Tripoli|LY;
Khartoum|SD;Bamako|ML;Niamey|NE;Ouagadougou|BF;Buenos Aires|AR;Mexico City|MX;Santiago|CL;Lima|PE;Bogotá|CO;Bogota|CO;
Caracas|VE;La Paz|BO;Quito|EC;Havana|CU;Montevideo|UY;Asunción|PY;Baghdad|IQ;Damascus|SY;Amman|JO;Beirut|LB;Doha|QA;
Abu Dhabi|AE;Muscat|OM;Sanaa|YE;Kabul|AF;Kathmandu|NP;Colombo|LK;Bangkok|TH;Kuala Lumpur|MY;Phnom Penh|KH;Vientiane|LA;
Ulaanbaatar|MN;Canberra|AU;Wellington|NZ;Vienna|AT;Bern|CH;Lisbon|PT;Bucharest|RO;Sofia|BG;Prague|CZ;Belgrade|RS;
Athens|GR;Stockholm|SE;Oslo|NO;Helsinki|FI;Copenhagen|DK;Dublin|IE;Chisinau|MD;Vilnius|LT;Riga|LV;Tallinn|EE;
Jerusalem|IL;Tel Aviv|IL;Lusaka|ZM;Maputo|MZ;Harare|ZW;Windhoek|NA;Gaborone|BW;Dodoma|TZ;Yaoundé|CM;Libreville|GA;
Mogadishu|SO;Asmara|ER;Djibouti|DJ;N'Djamena|TD;Lomé|TG;Cotonou|BJ;Monrovia|LR;Conakry|GN;Nouakchott|MR;Freetown|SL;
Brazzaville|CG;Bangui|CF;Juba|SS;Antananarivo|MG;Port Louis|MU;Lilongwe|MW;Male|MV;Thimphu|BT;Singapore|SG`;

/** Other cities (never stand for a government): "CITY|CC". */
export const CITIES = `Xi'an|CN;Xian|CN;Tianjin|CN;Shanghai|CN;Shenzhen|CN;Guangzhou|CN;Chongqing|CN;Chengdu|CN;Wuhan|CN;
Urumqi|CN;Kashgar|CN;Hangzhou|CN;Nanjing|CN;Qingdao|CN;Dalian|CN;Harbin|CN;Kunming|CN;Hong Kong|CN;Macau|CN;
Almaty|KZ;Shymkent|KZ;Aktau|KZ;Karaganda|KZ;Osh|KG;Jalal-Abad|KG;Samarkand|UZ;Bukhara|UZ;Khiva|UZ;Namangan|UZ;
Andijan|UZ;Khujand|TJ;Turkmenbashi|TM;St. Petersburg|RU;Saint Petersburg|RU;Sochi|RU;Kazan|RU;Vladivostok|RU;
Novosibirsk|RU;Yekaterinburg|RU;Astrakhan|RU;Kaliningrad|RU;Murmansk|RU;Istanbul|TR;Izmir|TR;Antalya|TR;Dubai|AE;
Sharjah|AE;Jeddah|SA;Mecca|SA;NEOM|SA;Isfahan|IR;Mashhad|IR;Basra|IQ;Erbil|IQ;Mosul|IQ;Aleppo|SY;Alexandria|EG;
Sharm el-Sheikh|EG;Aswan|EG;Mumbai|IN;Kolkata|IN;Chennai|IN;Bengaluru|IN;Bangalore|IN;Hyderabad|IN;Ahmedabad|IN;
Karachi|PK;Lahore|PK;Gwadar|PK;Chittagong|BD;Hambantota|LK;Ho Chi Minh City|VN;Da Nang|VN;Haiphong|VN;Surabaya|ID;
Bali|ID;Cebu|PH;Davao|PH;Penang|MY;Johor Bahru|MY;Osaka|JP;Hiroshima|JP;Busan|KR;Lagos|NG;Kano|NG;Port Harcourt|NG;
Mombasa|KE;Kisumu|KE;Durban|ZA;Johannesburg|ZA;Cape Town|ZA;Casablanca|MA;Tangier|MA;Marrakesh|MA;Benghazi|LY;
Port Sudan|SD;Lobito|AO;Beira|MZ;Nacala|MZ;Lubumbashi|CD;Kolwezi|CD;Goma|CD;Abidjan|CI;Douala|CM;Kumasi|GH;
São Paulo|BR;Sao Paulo|BR;Rio de Janeiro|BR;Belém|BR;Manaus|BR;Córdoba|AR;Rosario|AR;Valparaíso|CL;Antofagasta|CL;
Guadalajara|MX;Monterrey|MX;Cancún|MX;Medellín|CO;Cartagena|CO;Guayaquil|EC;Santa Cruz|BO;Potosí|BO;Callao|PE;
Chancay|PE;Maracaibo|VE;New York|US;Los Angeles|US;San Francisco|US;Chicago|US;Houston|US;Miami|US;Seattle|US;
Davos|CH;Geneva|CH;Zurich|CH;Munich|DE;Hamburg|DE;Frankfurt|DE;Milan|IT;Naples|IT;Barcelona|ES;Marseille|FR;
Lyon|FR;Strasbourg|FR;Manchester|GB;Edinburgh|GB;Glasgow|GB;Rotterdam|NL;Amsterdam|NL;Antwerp|BE;Gdansk|PL;
Krakow|PL;Odesa|UA;Odessa|UA;Kharkiv|UA;Lviv|UA;Piraeus|GR;Thessaloniki|GR;Batumi|GE;Poti|GE;Anaklia|GE;Gyumri|AM;
Nakhchivan|AZ;Mariupol|UA;Sevastopol|UA;Gaza|PS;Ramallah|PS;Haifa|IL;Tabriz|IR;Bandar Abbas|IR;Chabahar|IR;Aqaba|JO;
Salalah|OM;Duqm|OM;Aden|YE;Hodeidah|YE;Herat|AF;Kandahar|AF;Mazar-i-Sharif|AF;Peshawar|PK;Quetta|PK;Vancouver|CA;
Toronto|CA;Sydney|AU;Melbourne|AU;Perth|AU;Auckland|NZ;Kazan|RU;Ufa|RU;Belgorod|RU;Kursk|RU;Rostov-on-Don|RU;
Kananaskis|CA;Charlevoix|CA;Elmau|DE;Biarritz|FR;Evian|FR;Carbis Bay|GB;Borgo Egnazia|IT;Pituffik|GL;Putrajaya|MY;
Pointe-Noire|CG;Naivasha|KE;Entebbe|UG;Zanzibar|TZ;Arusha|TZ;Bulawayo|ZW;Walvis Bay|NA;Kribi|CM;Tema|GH;Lekki|NG;
Berbera|SO;Assab|ER;Massawa|ER;Oran|DZ;Sfax|TN;New Administrative Capital|EG;Ain Sokhna|EG;Kyaukphyu|MM;Mandalay|MM;
Sihanoukville|KH;Siem Reap|KH;Luang Prabang|LA;Boten|LA;Kuantan|MY;Batam|ID;Bandung|ID;Mongla|BD;Kandy|LK;Galle|LK;
Goa|IN;Faisalabad|PK;Ras Laffan|QA;Fujairah|AE;Mersin|TR;Trieste|IT;Genoa|IT;Duisburg|DE;Constanta|RO;Novi Sad|RS;
Subotica|RS;Pecs|HU;Valparaiso|CL;Medellin|CO;Cancun|MX;Mariel|CU;
Gyeongju|KR;Incheon|KR;Ulsan|KR;Yokohama|JP;Nagoya|JP;Sapporo|JP;Da Nang|VN;Danang|VN;Lae|PG;Nis|RS;Niš|RS;Kutaisi|GE;
Termez|UZ;Atyrau|KZ;Mazar-i-Sharif|AF;Khabarovsk|RU;Irkutsk|RU;Krasnoyarsk|RU;Karawang|ID`;

/** Regions and provinces: "NAME|CC" (CC may be empty for multi-country regions). */
export const REGIONS = `Central Asia|;Middle East|;Persian Gulf|;Gulf|;Caspian Sea|;Black Sea|;Red Sea|;Horn of Africa|;Sahel|;
South Asia|;Southeast Asia|;East Asia|;Latin America|;South America|;Central America|;Caribbean|;North Africa|;
West Africa|;East Africa|;Southern Africa|;Central Africa|;sub-Saharan Africa|;Sub-Saharan Africa|;Eurasia|;Europe|;
Asia|;Africa|;Balkans|;Western Balkans|;South Caucasus|;Caucasus|;Indo-Pacific|;Arctic|;Mediterranean|;
Xinjiang|CN;Tibet|CN;Guangdong|CN;Yunnan|CN;Fujian|CN;Inner Mongolia|CN;Siberia|RU;Crimea|UA;Donbas|UA;Kherson|UA;
Zaporizhzhia|UA;Kashmir|IN;Punjab|PK;Balochistan|PK;Sindh|PK;Kurdistan|IQ;Darfur|SD;Tigray|ET;Amhara|ET;Kivu|CD;
North Kivu|CD;Katanga|CD;Cabo Delgado|MZ;Patagonia|AR;Amazon|BR;Fergana Valley|;Ferghana Valley|;Issyk-Kul|KG;
Chui|KG;Naryn|KG;Karakalpakstan|UZ;Mangystau|KZ;West Bank|PS;Gaza Strip|PS;Golan Heights|;Sinai|EG;Bavaria|DE;
Catalonia|ES;Scotland|GB;Wales|GB;Northern Ireland|GB;Gilgit-Baltistan|PK;Sabah|MY;Mindanao|PH;Java|ID;Sumatra|ID;
Kalimantan|ID;Hokkaido|JP;Okinawa|JP;Texas|US;California|US;Quebec|CA;Alberta|CA;Ontario|CA;Queensland|AU`;

/** International organisations and initiatives: "id|Full name|alias1|alias2..." one per line. */
export const ORGANIZATIONS = `sco|Shanghai Cooperation Organization|Shanghai Cooperation Organisation|SCO
eaeu|Eurasian Economic Union|EAEU|EEU|Eurasian Union
cis|Commonwealth of Independent States|CIS
csto|Collective Security Treaty Organization|Collective Security Treaty Organisation|CSTO
brics|BRICS|BRICS+|BRICS Plus
asean|Association of Southeast Asian Nations|ASEAN
eu|European Union|EU|E.U.
european-commission|European Commission
european-council|European Council
european-parliament|European Parliament
nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|NATO|North Atlantic Alliance
un|United Nations|UN|U.N.
unsc|UN Security Council|United Nations Security Council|U.N. Security Council|UNSC|Security Council
unga|UN General Assembly|United Nations General Assembly|UNGA|General Assembly
undp|United Nations Development Programme|UN Development Programme|UNDP
unesco|United Nations Educational, Scientific and Cultural Organization|UNESCO
unicef|United Nations Children's Fund|UNICEF
unhcr|UN Refugee Agency|UNHCR|United Nations High Commissioner for Refugees
wfp|World Food Programme|WFP
fao|Food and Agriculture Organization|FAO
who|World Health Organization|World Health Organisation|WHO
iaea|International Atomic Energy Agency|IAEA
ilo|International Labour Organization|ILO
unctad|UNCTAD|UN Conference on Trade and Development
osce|Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe|OSCE
wto|World Trade Organization|World Trade Organisation|WTO
imf|International Monetary Fund|IMF
world-bank|World Bank|World Bank Group
adb|Asian Development Bank|ADB
aiib|Asian Infrastructure Investment Bank|AIIB
afdb|African Development Bank|AfDB
ebrd|European Bank for Reconstruction and Development|EBRD
eib|European Investment Bank|EIB
ndb|New Development Bank|NDB
isdb|Islamic Development Bank|IsDB
opec|Organization of the Petroleum Exporting Countries|OPEC
opec-plus|OPEC+|OPEC Plus
g7|G7|Group of Seven|G-7
g20|G20|Group of Twenty|G-20
gcc|Gulf Cooperation Council|GCC|Cooperation Council for the Arab States of the Gulf
au|African Union|AU
ecowas|Economic Community of West African States|ECOWAS
commonwealth|Commonwealth of Nations|Commonwealth
epc|European Political Community|EPC
focac|Forum on China-Africa Cooperation|Forum on China–Africa Cooperation|FOCAC
sadc|Southern African Development Community|SADC
eac|East African Community|EAC
igad|Intergovernmental Authority on Development|IGAD
mercosur|Mercosur|MERCOSUR|Southern Common Market
oas|Organization of American States|OAS
celac|Community of Latin American and Caribbean States|CELAC
apec|Asia-Pacific Economic Cooperation|APEC
oic|Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC
arab-league|Arab League|League of Arab States
saarc|South Asian Association for Regional Cooperation|SAARC
bimstec|BIMSTEC
cica|Conference on Interaction and Confidence-Building Measures in Asia|CICA
ots|Organization of Turkic States|Organisation of Turkic States|OTS
quad|Quad|Quadrilateral Security Dialogue
aukus|AUKUS
icc|International Criminal Court|ICC
icj|International Court of Justice|ICJ
interpol|Interpol|INTERPOL
iea|International Energy Agency|IEA
oecd|Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development|OECD
pif|Pacific Islands Forum
npc|National People's Congress|NPC
cpc|Communist Party of China|CPC|Chinese Communist Party|CCP
council-of-europe|Council of Europe
eurasian-development-bank|Eurasian Development Bank|EDB
jbic|Japan Bank for International Cooperation|JBIC
jica|Japan International Cooperation Agency|JICA
usaid|USAID|United States Agency for International Development
dfc|U.S. International Development Finance Corporation|DFC
kfw|KfW|KfW Development Bank
afreximbank|Afreximbank|African Export-Import Bank
china-exim-bank|Export-Import Bank of China|China Exim Bank|China Eximbank
cdb|China Development Bank|CDB
silk-road-fund|Silk Road Fund
pif-saudi|Public Investment Fund|PIF
rdif|Russian Direct Investment Fund|RDIF
mubadala|Mubadala|Mubadala Investment Company
qia|Qatar Investment Authority|QIA`;

/** Initiatives that the contract treats as projects: "slug|Full name|aliases...". */
export const INITIATIVES = `belt-and-road-initiative|Belt and Road Initiative|Belt and Road|BRI|OBOR|One Belt, One Road|One Belt One Road|One Belt - One Road|One Belt – One Road|One Belt — One Road|New Silk Road
global-gateway|Global Gateway
middle-corridor|Middle Corridor|Trans-Caspian International Transport Route|TITR
north-south-transport-corridor|International North-South Transport Corridor|North-South Transport Corridor|INSTC
cpec|China-Pakistan Economic Corridor|CPEC`;

/** Well-known companies that carry no legal suffix in prose: "slug|Name|aliases...". */
export const COMPANIES = `rosatom|Rosatom
gazprom|Gazprom
rosneft|Rosneft
lukoil|Lukoil
novatek|Novatek
cnpc|China National Petroleum Corporation|CNPC
sinopec|Sinopec
cnooc|CNOOC
huawei|Huawei
zte|ZTE
byd|BYD
catl|CATL
powerchina|PowerChina|Power Construction Corporation of China
crcc|China Railway Construction Corporation|CRCC
crec|China Railway Group|CREC
cccc|China Communications Construction Company|CCCC
cosco|COSCO|COSCO Shipping
state-grid|State Grid|State Grid Corporation of China
totalenergies|TotalEnergies|Total
shell|Shell
bp|BP
exxonmobil|ExxonMobil|Exxon
chevron|Chevron
eni|Eni
equinor|Equinor
siemens|Siemens
siemens-energy|Siemens Energy
aramco|Saudi Aramco|Aramco
adnoc|ADNOC
masdar|Masdar
acwa-power|ACWA Power
dp-world|DP World
qatarenergy|QatarEnergy
petrobras|Petrobras
vale|Vale
pemex|Pemex
glencore|Glencore
rio-tinto|Rio Tinto
bhp|BHP
tesla|Tesla
apple|Apple
microsoft|Microsoft
google|Google
amazon|Amazon
boeing|Boeing
airbus|Airbus
samsung|Samsung
samsung-electronics|Samsung Electronics
hyundai|Hyundai
toyota|Toyota
tata-group|Tata Group|Tata
adani-group|Adani Group|Adani
reliance|Reliance Industries
kazmunaygas|KazMunayGas
kazatomprom|Kazatomprom
uzbekneftegaz|Uzbekneftegaz
socar|SOCAR
ocp|OCP|OCP Group
dangote-group|Dangote Group|Dangote
safaricom|Safaricom
mtn|MTN|MTN Group
ethiopian-airlines|Ethiopian Airlines
emirates-airline|Emirates Airline
maersk|Maersk
vodafone|Vodafone
volkswagen|Volkswagen
stellantis|Stellantis
ikea|IKEA`;

/** Titles that introduce a person; the value is the normalised title. */
export const TITLE_WORDS: Record<string, string> = {
  president: 'President',
  'vice president': 'Vice President',
  'vice-president': 'Vice President',
  'prime minister': 'Prime Minister',
  premier: 'Premier',
  chairman: 'Chairman',
  chairwoman: 'Chairwoman',
  chair: 'Chair',
  chancellor: 'Chancellor',
  king: 'King',
  queen: 'Queen',
  emir: 'Emir',
  sultan: 'Sultan',
  'crown prince': 'Crown Prince',
  prince: 'Prince',
  sheikh: 'Sheikh',
  shaikh: 'Sheikh',
  'foreign minister': 'Foreign Minister',
  'minister of foreign affairs': 'Foreign Minister',
  'secretary of state': 'Secretary of State',
  // Kenya's and others' ministers; the secretaries of ministries of state elsewhere.
  'cabinet secretary': 'Cabinet Secretary',
  'minister of state': 'Minister of State',
  'state secretary': 'State Secretary',
  'defence minister': 'Defence Minister',
  'defense minister': 'Defense Minister',
  'finance minister': 'Finance Minister',
  'economy minister': 'Economy Minister',
  'trade minister': 'Trade Minister',
  'energy minister': 'Energy Minister',
  minister: 'Minister',
  'deputy prime minister': 'Deputy Prime Minister',
  'first deputy prime minister': 'First Deputy Prime Minister',
  // A deputy is not the minister: "Deputy Minister of Foreign Affairs X" must not become the Foreign Minister.
  'deputy minister': 'Deputy Minister',
  'vice minister': 'Vice Minister',
  'deputy foreign minister': 'Deputy Foreign Minister',
  'vice foreign minister': 'Vice Foreign Minister',
  // The head of Tatarstan's title.
  rais: 'Rais',
  'secretary-general': 'Secretary-General',
  'secretary general': 'Secretary-General',
  'general secretary': 'General Secretary',
  ambassador: 'Ambassador',
  envoy: 'Envoy',
  governor: 'Governor',
  mayor: 'Mayor',
  ceo: 'CEO',
  'chief executive': 'Chief Executive',
  'chief executive officer': 'CEO',
  spokesperson: 'Spokesperson',
  spokesman: 'Spokesman',
  spokeswoman: 'Spokeswoman',
  director: 'Director',
  'director-general': 'Director-General',
  'director general': 'Director-General',
  commissioner: 'Commissioner',
  speaker: 'Speaker',
  head: 'Head',
  leader: 'Leader',
  'supreme leader': 'Supreme Leader',
  general: 'General',
  counterpart: 'Counterpart',
  'party chief': 'Party Chief',
  'party leader': 'Party Leader',
  chief: 'Chief',
  'head of state': 'Head of State',
  'head of government': 'Head of Government',
  founder: 'Founder',
};

/** Titles that make their holder the leader of a country for role coreference. */
export const LEADER_TITLES = new Set([
  'President',
  'Chairman',
  'King',
  'Queen',
  'Emir',
  'Sultan',
  'Supreme Leader',
  'Head of State',
  'Leader',
]);

/** Titles of heads of government. */
export const GOVERNMENT_HEAD_TITLES = new Set(['Prime Minister', 'Premier', 'Chancellor', 'Head of Government']);

/** Titles of a country's chief diplomat. */
export const DIPLOMAT_TITLES = new Set(['Foreign Minister', 'Secretary of State']);

/** Common family names written first in Chinese personal names. */
export const CHINESE_SURNAMES = new Set(
  (
    'Xi Li Wang Zhao Zhang Liu Chen Yang Huang Wu Zhou Xu Sun Ma Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han ' +
    'Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Qin Wen ' +
    'Hua Lai Zhu Ding Fu Shi Kong Mao Qian Bai Hou Meng Long Duan Lei Jin Wan Qiu Ou'
  ).split(' '),
);

/** Seats and palaces named for their city: "Landmark|City|CC" (a government when acting, a place after "at"). */
export const LANDMARKS = `White House|Washington|US;Oval Office|Washington|US;Kremlin|Moscow|RU;Great Hall of the People|Beijing|CN;
Zhongnanhai|Beijing|CN;Diaoyutai State Guesthouse|Beijing|CN;Elysee Palace|Paris|FR;Élysée Palace|Paris|FR;Downing Street|London|GB;
Rashtrapati Bhavan|New Delhi|IN;Hyderabad House|New Delhi|IN;Qasr Al Watan|Abu Dhabi|AE;Qasr Al-Watan|Abu Dhabi|AE;Akorda|Astana|KZ;
Ak Orda|Astana|KZ;Kuksaroy|Tashkent|UZ;Blue House|Seoul|KR;Malacanang Palace|Manila|PH;Malacañang Palace|Manila|PH;
Planalto Palace|Brasilia|BR;Casa Rosada|Buenos Aires|AR;Union Buildings|Pretoria|ZA;Aso Rock|Abuja|NG;Aso Villa|Abuja|NG;
Bestepe|Ankara|TR;Beştepe|Ankara|TR;Dolmabahce Palace|Istanbul|TR;Dolmabahçe Palace|Istanbul|TR;Quirinal Palace|Rome|IT;
Palazzo Chigi|Rome|IT;Moncloa Palace|Madrid|ES;Bellevue Palace|Berlin|DE;Prague Castle|Prague|CZ;Hofburg|Vienna|AT;
Kantei|Tokyo|JP;Akasaka Palace|Tokyo|JP;Yongsan|Seoul|KR;Al Yamamah Palace|Riyadh|SA;Ittihadiya Palace|Cairo|EG;
Carthage Palace|Tunis|TN;Istana Negara|Kuala Lumpur|MY;Perdana Putra|Putrajaya|MY;Merdeka Palace|Jakarta|ID;
Bogor Palace|Bogor|ID;Presidential Palace in Hanoi|Hanoi|VN;Ata-Jurt|Bishkek|KG;Ala Archa|Bishkek|KG`;
