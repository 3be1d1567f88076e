// Russian names of countries, places and organisations, with their case forms, keyed to the ids of
// the English gazetteer (country:CC, place:slug, org:slug). Built once at module load; read-only after.
import { COUNTRIES_RU } from './countries-ru.generated.js';
import { adjectiveAllForms, phraseForms } from './morph.js';

export type LexKind = 'country' | 'adj' | 'capital' | 'city' | 'region' | 'org';

export interface LexEntry {
  /** Lower-case tokens (ё as е). */
  toks: string[];
  kind: LexKind;
  id: string;
  /** Country the entry belongs to (`country:CC`), for places and adjectives. */
  country?: string;
  /** Must be written with a capital (proper names), or exactly as listed (acronyms). */
  cap: boolean;
  exact?: string;
}

/** Extra country names and short forms: "NAME|CC" separated by ";". */
const COUNTRY_EXTRAS = `РФ|RU;Россия|RU;Российская Федерация|RU;КНР|CN;Китай|CN;Поднебесная|CN;США|US;Соединенные Штаты|US;
Соединенные Штаты Америки|US;Америка|US;ОАЭ|AE;Объединенные Арабские Эмираты|AE;ЮАР|ZA;Кыргызстан|KG;Киргизия|KG;
Кыргызская Республика|KG;Туркменистан|TM;Туркмения|TM;Молдова|MD;Молдавия|MD;Белоруссия|BY;Беларусь|BY;
Республика Беларусь|BY;Турция|TR;Турецкая Республика|TR;Азербайджанская Республика|AZ;Республика Азербайджан|AZ;
Республика Казахстан|KZ;Республика Узбекистан|UZ;Республика Таджикистан|TJ;Республика Армения|AM;Британия|GB;
Великобритания|GB;Соединенное Королевство|GB;Южная Корея|KR;Корея|KR;Северная Корея|KP;КНДР|KP;Иран|IR;
Исламская Республика Иран|IR;Германия|DE;ФРГ|DE;Франция|FR;Индия|IN;Пакистан|PK;Вьетнам|VN;Саудовская Аравия|SA;
Катар|QA;Египет|EG;Израиль|IL;Украина|UA;Грузия|GE;Монголия|MN;Афганистан|AF;Япония|JP;Бразилия|BR;Сербия|RS;
Венгрия|HU;Индонезия|ID;Малайзия|MY;Таиланд|TH;Тайланд|TH;Сирия|SY;Ирак|IQ;Эфиопия|ET;Нигерия|NG;Италия|IT;Испания|ES;
ИРИ|IR;РК|KZ;КР|KG;РУз|UZ;СРВ|VN;Зимбабве|ZW`;

/** Country adjectives (masculine nominative): "ADJ|CC". */
const ADJECTIVES = `российский|RU;китайский|CN;казахстанский|KZ;казахский|KZ;узбекский|UZ;узбекистанский|UZ;кыргызский|KG;
киргизский|KG;кыргызстанский|KG;таджикский|TJ;туркменский|TM;азербайджанский|AZ;армянский|AM;грузинский|GE;
белорусский|BY;турецкий|TR;иранский|IR;индийский|IN;пакистанский|PK;американский|US;французский|FR;
германский|DE;немецкий|DE;британский|GB;японский|JP;южнокорейский|KR;северокорейский|KP;монгольский|MN;
афганский|AF;саудовский|SA;эмиратский|AE;катарский|QA;египетский|EG;израильский|IL;украинский|UA;сербский|RS;
венгерский|HU;итальянский|IT;испанский|ES;бразильский|BR;аргентинский|AR;вьетнамский|VN;индонезийский|ID;
малайзийский|MY;молдавский|MD;польский|PL;сирийский|SY;иракский|IQ;эфиопский|ET;нигерийский|NG;кубинский|CU;
мексиканский|MX;канадский|CA;австралийский|AU;оманский|OM;кувейтский|KW;иорданский|JO;ливанский|LB;
алжирский|DZ;марокканский|MA;конголезский|CG;гвинейский|GN;малийский|ML;нигерский|NE;буркинийский|BF;
чадский|TD;сенегальский|SN;ганский|GH;кенийский|KE;угандийский|UG;руандийский|RW;ангольский|AO;
зимбабвийский|ZW;южноафриканский|ZA;мозамбикский|MZ;танзанийский|TZ;суданский|SD;ливийский|LY;тунисский|TN;
намибийский|NA;замбийский|ZM;мадагаскарский|MG;эритрейский|ER;сомалийский|SO;камерунский|CM;габонский|GA;
ивуарийский|CI;мавританский|MR;филиппинский|PH;камбоджийский|KH;лаосский|LA;мьянманский|MM;бангладешский|BD;
шри-ланкийский|LK;непальский|NP;бахрейнский|BH;колумбийский|CO;венесуэльский|VE;перуанский|PE;чилийский|CL;
уругвайский|UY;парагвайский|PY;боливийский|BO;эквадорский|EC;никарагуанский|NI;австрийский|AT;швейцарский|CH;
чешский|CZ;словацкий|SK;румынский|RO;болгарский|BG;греческий|GR;хорватский|HR;латвийский|LV;литовский|LT;
эстонский|EE;финский|FI;финляндский|FI;шведский|SE;норвежский|NO;датский|DK;нидерландский|NL;португальский|PT;
ирландский|IE;новозеландский|NZ;таиландский|TH;тайский|TH;сингапурский|SG;бельгийский|BE;словенский|SI;
черногорский|ME;албанский|AL;кипрский|CY;мальтийский|MT;йеменский|YE;палестинский|PS;джибутийский|DJ`;

/** Places: "RUSSIAN NAME|ENGLISH NAME|CC|kind" (kind c = capital or seat, t = city, r = region). */
const PLACES = `Москва|Moscow|RU|c;Кремль|Moscow|RU|c;Акорда|Astana|KZ|c;Дом народных собраний|Beijing|CN|c;Пекин|Beijing|CN|c;Астана|Astana|KZ|c;Нур-Султан|Astana|KZ|c;Ташкент|Tashkent|UZ|c;
Бишкек|Bishkek|KG|c;Душанбе|Dushanbe|TJ|c;Ашхабад|Ashgabat|TM|c;Баку|Baku|AZ|c;Ереван|Yerevan|AM|c;
Тбилиси|Tbilisi|GE|c;Минск|Minsk|BY|c;Анкара|Ankara|TR|c;Тегеран|Tehran|IR|c;Нью-Дели|New Delhi|IN|c;
Дели|New Delhi|IN|c;Вашингтон|Washington|US|c;Лондон|London|GB|c;Париж|Paris|FR|c;Берлин|Berlin|DE|c;Рим|Rome|IT|c;
Мадрид|Madrid|ES|c;Токио|Tokyo|JP|c;Сеул|Seoul|KR|c;Пхеньян|Pyongyang|KP|c;Ханой|Hanoi|VN|c;Исламабад|Islamabad|PK|c;
Кабул|Kabul|AF|c;Эр-Рияд|Riyadh|SA|c;Абу-Даби|Abu Dhabi|AE|c;Доха|Doha|QA|c;Каир|Cairo|EG|c;Киев|Kyiv|UA|c;
Брюссель|Brussels|BE|c;Варшава|Warsaw|PL|c;Будапешт|Budapest|HU|c;Белград|Belgrade|RS|c;Улан-Батор|Ulaanbaatar|MN|c;
Джакарта|Jakarta|ID|c;Куала-Лумпур|Kuala Lumpur|MY|c;Бангкок|Bangkok|TH|c;Дамаск|Damascus|SY|c;Багдад|Baghdad|IQ|c;
Аддис-Абеба|Addis Ababa|ET|c;Бразилиа|Brasilia|BR|c;Гавана|Havana|CU|c;Кишинев|Chisinau|MD|c;
Шанхай|Shanghai|CN|t;Тяньцзинь|Tianjin|CN|t;Сиань|Xi'an|CN|t;Урумчи|Urumqi|CN|t;Кашгар|Kashgar|CN|t;
Харбин|Harbin|CN|t;Гуанчжоу|Guangzhou|CN|t;Шэньчжэнь|Shenzhen|CN|t;Циндао|Qingdao|CN|t;Ханчжоу|Hangzhou|CN|t;
Алма-Ата|Almaty|KZ|t;Алматы|Almaty|KZ|t;Шымкент|Shymkent|KZ|t;Актау|Aktau|KZ|t;Караганда|Karaganda|KZ|t;
Ош|Osh|KG|t;Чолпон-Ата|Cholpon-Ata|KG|t;Самарканд|Samarkand|UZ|t;Бухара|Bukhara|UZ|t;Хива|Khiva|UZ|t;
Андижан|Andijan|UZ|t;Худжанд|Khujand|TJ|t;Туркменбаши|Turkmenbashi|TM|t;Санкт-Петербург|Saint Petersburg|RU|t;
Петербург|Saint Petersburg|RU|t;Сочи|Sochi|RU|t;Казань|Kazan|RU|t;Владивосток|Vladivostok|RU|t;
Новосибирск|Novosibirsk|RU|t;Екатеринбург|Yekaterinburg|RU|t;Уфа|Ufa|RU|t;Калининград|Kaliningrad|RU|t;
Стамбул|Istanbul|TR|t;Дубай|Dubai|AE|t;Нахчыван|Nakhchivan|AZ|t;Нахичевань|Nakhchivan|AZ|t;Гянджа|Ganja|AZ|t;
Шуша|Shusha|AZ|t;Батуми|Batumi|GE|t;Гюмри|Gyumri|AM|t;Мумбаи|Mumbai|IN|t;Гвадар|Gwadar|PK|t;Нью-Йорк|New York|US|t;
Женева|Geneva|CH|t;Давос|Davos|CH|t;Шарм-эш-Шейх|Sharm el-Sheikh|EG|t;Аляска|Alaska|US|r;Синьцзян|Xinjiang|CN|r;
Сибирь|Siberia|RU|r;Крым|Crimea||r;Центральная Азия|Central Asia||r;Средняя Азия|Central Asia||r;
Южный Кавказ|South Caucasus||r;Африка|Africa||r;Латинская Америка|Latin America||r;Ближний Восток|Middle East||r;Европа|Europe||r;Азия|Asia||r;Арктика|Arctic||r;Каракалпакстан|Karakalpakstan|UZ|r;Иссык-Куль|Issyk-Kul|KG|r;Мангистау|Mangystau|KZ|r;
Браззавиль|Brazzaville|CG|c;Конакри|Conakry|GN|c;Уагадугу|Ouagadougou|BF|c;Бамако|Bamako|ML|c;
Ниамей|Niamey|NE|c;Нджамена|N'Djamena|TD|c;Дакар|Dakar|SN|c;Абуджа|Abuja|NG|c;Лагос|Lagos|NG|t;Аккра|Accra|GH|c;
Найроби|Nairobi|KE|c;Момбаса|Mombasa|KE|t;Кампала|Kampala|UG|c;Кигали|Kigali|RW|c;Луанда|Luanda|AO|c;Хараре|Harare|ZW|c;
Претория|Pretoria|ZA|c;Йоханнесбург|Johannesburg|ZA|t;Кейптаун|Cape Town|ZA|t;Мапуту|Maputo|MZ|c;
Дар-эс-Салам|Dar es Salaam|TZ|t;Додома|Dodoma|TZ|c;Хартум|Khartoum|SD|c;Порт-Судан|Port Sudan|SD|t;Триполи|Tripoli|LY|c;
Бенгази|Benghazi|LY|t;Рабат|Rabat|MA|c;Виндхук|Windhoek|NA|c;Лусака|Lusaka|ZM|c;Габороне|Gaborone|BW|c;
Антананариву|Antananarivo|MG|c;Асмэра|Asmara|ER|c;Могадишо|Mogadishu|SO|c;Малабо|Malabo|GQ|c;Либревиль|Libreville|GA|c;
Яунде|Yaounde|CM|c;Банги|Bangui|CF|c;Киншаса|Kinshasa|CD|c;Абиджан|Abidjan|CI|t;Ямусукро|Yamoussoukro|CI|c;
Фритаун|Freetown|SL|c;Монровия|Monrovia|LR|c;Ломе|Lome|TG|c;Котону|Cotonou|BJ|t;Нуакшот|Nouakchott|MR|c;
Манила|Manila|PH|c;Пномпень|Phnom Penh|KH|c;Вьентьян|Vientiane|LA|c;Нейпьидо|Naypyidaw|MM|c;Янгон|Yangon|MM|t;
Дакка|Dhaka|BD|c;Коломбо|Colombo|LK|c;Катманду|Kathmandu|NP|c;Маскат|Muscat|OM|c;Манама|Manama|BH|c;Амман|Amman|JO|c;
Бейрут|Beirut|LB|c;Тель-Авив|Tel Aviv|IL|t;Эль-Кувейт|Kuwait City|KW|c;Джидда|Jeddah|SA|t;Тебриз|Tabriz|IR|t;
Решт|Rasht|IR|t;Исфахан|Isfahan|IR|t;Богота|Bogota|CO|c;Каракас|Caracas|VE|c;Лима|Lima|PE|c;Сантьяго|Santiago|CL|c;
Буэнос-Айрес|Buenos Aires|AR|c;Монтевидео|Montevideo|UY|c;Асунсьон|Asuncion|PY|c;Ла-Пас|La Paz|BO|c;Кито|Quito|EC|c;
Мехико|Mexico City|MX|c;Манагуа|Managua|NI|c;Рио-де-Жанейро|Rio de Janeiro|BR|t;Сан-Паулу|Sao Paulo|BR|t;
Вена|Vienna|AT|c;Берн|Bern|CH|c;Прага|Prague|CZ|c;Братислава|Bratislava|SK|c;Бухарест|Bucharest|RO|c;София|Sofia|BG|c;
Афины|Athens|GR|c;Любляна|Ljubljana|SI|c;Загреб|Zagreb|HR|c;Сараево|Sarajevo|BA|c;Подгорица|Podgorica|ME|c;
Скопье|Skopje|MK|c;Тирана|Tirana|AL|c;Рига|Riga|LV|c;Вильнюс|Vilnius|LT|c;Таллин|Tallinn|EE|c;Хельсинки|Helsinki|FI|c;
Стокгольм|Stockholm|SE|c;Осло|Oslo|NO|c;Копенгаген|Copenhagen|DK|c;Амстердам|Amsterdam|NL|c;Гаага|The Hague|NL|t;
Лиссабон|Lisbon|PT|c;Дублин|Dublin|IE|c;Оттава|Ottawa|CA|c;Канберра|Canberra|AU|c;Веллингтон|Wellington|NZ|c;
Нижний Новгород|Nizhny Novgorod|RU|t;Ростов-на-Дону|Rostov-on-Don|RU|t;Самара|Samara|RU|t;Красноярск|Krasnoyarsk|RU|t;
Иркутск|Irkutsk|RU|t;Хабаровск|Khabarovsk|RU|t;Мурманск|Murmansk|RU|t;Астрахань|Astrakhan|RU|t;Волгоград|Volgograd|RU|t;
Краснодар|Krasnodar|RU|t;Новороссийск|Novorossiysk|RU|t;Махачкала|Makhachkala|RU|t;Грозный|Grozny|RU|t;
Ханты-Мансийск|Khanty-Mansiysk|RU|t`;

/** Organisations: "slug|Russian name or acronym|..." (acronyms are matched exactly as written). */
const ORGS = `sco|ШОС|Шанхайская организация сотрудничества
cis|СНГ|Содружество Независимых Государств|Содружество независимых государств
csto|ОДКБ|Организация Договора о коллективной безопасности
eaeu|ЕАЭС|ЕврАзЭС|Евразийский экономический союз|Высший Евразийский экономический совет|Высший Евразийский совет|Евразийский межправительственный совет
brics|БРИКС
un|ООН|Организация Объединенных Наций
unsc|Совбез ООН|Совет Безопасности ООН|СБ ООН
ots|ОТГ|Организация тюркских государств|Тюркский совет
asean|АСЕАН
eu|ЕС|Евросоюз|Европейский союз
nato|НАТО|Североатлантический альянс
imf|МВФ|Международный валютный фонд
wto|ВТО|Всемирная торговая организация
world-bank|Всемирный банк
g20|G20|«Группа двадцати»|Группа двадцати
g7|G7|«Группа семи»|Группа семи
opec|ОПЕК
opec-plus|ОПЕК+
cica|СВМДА|Совещание по взаимодействию и мерам доверия в Азии
osce|ОБСЕ
who|ВОЗ
iaea|МАГАТЭ
adb|АБР|Азиатский банк развития
aiib|АБИИ|Азиатский банк инфраструктурных инвестиций
eurasian-development-bank|ЕАБР|Евразийский банк развития
ndb|НБР|Новый банк развития
oic|ОИС|Организация исламского сотрудничества
au|Африканский союз
gcc|ССАГПЗ|Совет сотрудничества арабских государств Персидского залива
cpc|КПК|Коммунистическая партия Китая
rdif|РФПИ|Российский фонд прямых инвестиций`;

export interface PlaceInfo {
  id: string;
  name: string;
  country?: string;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower case with ё folded to е: the key every lookup uses. */
export function fold(s: string): string {
  const lo = s.toLowerCase();
  return lo.includes('ё') ? lo.replace(/ё/g, 'е') : lo;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*\+?|[«»"]/gu;

function tokensOf(s: string): string[] {
  return (s.match(TOKEN) ?? []).map(fold);
}

export interface Lexicon {
  /** First-token index of every form, longest entries first. */
  lex: Map<string, LexEntry[]>;
  /** Places this module names (id -> English name and country), for ids the English gazetteer lacks. */
  placeInfo: Map<string, PlaceInfo>;
  /** Capital (or seat of government) of a country: "country:BY" -> "place:minsk". */
  capitalOf: Map<string, string>;
  /** Stems of country adjectives ("российск" -> country:RU), for compounds like "российско-китайские". */
  adjStems: Map<string, string>;
  /** Display names of Russian acronyms for summit names ("org:sco" -> "SCO"). */
  orgShort: Map<string, string>;
  /** The listed (nominative) name each form stands for: "country:KZ|казахстана" -> "Казахстан". */
  nominative: Map<string, string>;
}

let cache: Lexicon | undefined;

/** The lexicon, built on first use: a process that reads no Russian never builds it. */
export function lexicon(): Lexicon {
  cache ??= build();
  return cache;
}

function build(): Lexicon {
  const LEX = new Map<string, LexEntry[]>();
  const PLACE_INFO = new Map<string, PlaceInfo>();
  const CAPITAL_OF = new Map<string, string>();
  const ADJ_STEMS = new Map<string, string>();
  const ORG_SHORT = new Map<string, string>();
  const NOMINATIVE = new Map<string, string>();
  const seenEntries = new Set<string>();

  function addEntry(form: string, e: Omit<LexEntry, 'toks'>, name?: string): void {
    const toks = tokensOf(form);
    if (!toks.length) return;
    if (name && !NOMINATIVE.has(`${e.id}|${toks.join(' ')}`)) NOMINATIVE.set(`${e.id}|${toks.join(' ')}`, name);
    const key = toks.join(' ') + '|' + (e.exact ?? '') + '|' + e.id;
    if (seenEntries.has(key)) return;
    seenEntries.add(key);
    let list = LEX.get(toks[0]);
    if (!list) LEX.set(toks[0], (list = []));
    list.push({ ...e, toks });
  }

  const skip = new Set(['Того', 'Чад', 'Мали', 'Гана', 'Нигер', 'Джерси', 'Гернси', 'Острова Кайман']);
  const names: [string, string][] = [];
  for (const [code, ns] of COUNTRIES_RU) for (const n of ns) if (!skip.has(n)) names.push([n, code]);
  for (const p of COUNTRY_EXTRAS.split(/;\s*/)) {
    const [n, c] = p.split('|');
    names.push([n.trim(), c.trim()]);
  }
  for (const [n, code] of names) {
    const acr = /^[А-ЯЁA-Z]{2,}$/.test(n);
    for (const f of acr ? [n] : phraseForms(n.replace(/ё/g, 'е'))) {
      addEntry(f, { kind: 'country', id: 'country:' + code, cap: true, exact: acr ? f : undefined }, n);
    }
  }
  // Plural country names decline as plurals.
  for (const [stem, code] of [
    ['Соединенны', 'US'],
    ['Объединенны', 'AE'],
  ] as const) {
    const tail =
      code === 'US'
        ? ['Штатов', 'Штатам', 'Штатами', 'Штатах']
        : ['Арабских Эмиратов', 'Арабским Эмиратам', 'Арабскими Эмиратами', 'Арабских Эмиратах'];
    const adj = [stem + 'х', stem + 'м', stem + 'ми', stem + 'х'];
    tail.forEach((t, i) => {
      addEntry(`${adj[i]} ${t}`, { kind: 'country', id: 'country:' + code, cap: true });
      if (code === 'US') addEntry(`${adj[i]} ${t} Америки`, { kind: 'country', id: 'country:US', cap: true });
    });
  }
  for (const p of ADJECTIVES.split(/;\s*/)) {
    const [a, c] = p.split('|').map((x) => x.trim());
    for (const f of adjectiveAllForms(a)) addEntry(f, { kind: 'adj', id: 'country:' + c, country: 'country:' + c, cap: false });
    ADJ_STEMS.set(fold(a).replace(/(ий|ый|ой)$/, ''), 'country:' + c);
  }
  for (const p of PLACES.split(/;\s*/)) {
    const [ru, en, cc, k] = p.split('|').map((x) => x.trim());
    const id = 'place:' + slug(en);
    PLACE_INFO.set(id, { id, name: en, country: cc ? 'country:' + cc : undefined });
    const kind: LexKind = k === 'c' ? 'capital' : k === 't' ? 'city' : 'region';
    if (kind === 'capital' && cc && !CAPITAL_OF.has('country:' + cc)) CAPITAL_OF.set('country:' + cc, id);
    for (const f of phraseForms(ru.replace(/ё/g, 'е'))) addEntry(f, { kind, id, country: cc ? 'country:' + cc : undefined, cap: true }, ru);
  }
  for (const line of ORGS.split('\n')) {
    const [sl, ...ns] = line.split('|');
    const id = 'org:' + sl;
    for (const n of ns) {
      const acr = /^[А-ЯЁA-Z0-9+]{2,}\+?$/.test(n) && !/\s/.test(n);
      if (acr && !ORG_SHORT.has(id)) ORG_SHORT.set(id, n);
      for (const f of acr ? [n] : phraseForms(n.replace(/ё/g, 'е')))
        addEntry(f, { kind: 'org', id, cap: !acr, exact: acr ? f : undefined }, n.replace(/^«(.*)»$/, '$1'));
    }
  }
  for (const l of LEX.values()) l.sort((a, b) => b.toks.length - a.toks.length);
  return { lex: LEX, placeInfo: PLACE_INFO, capitalOf: CAPITAL_OF, adjStems: ADJ_STEMS, orgShort: ORG_SHORT, nominative: NOMINATIVE };
}

let listed: Map<string, string> | undefined;
/**
 * The Russian name an organisation is listed under: its first name of several words ("org:sco" -> "Шанхайская
 * организация сотрудничества", not "ЕврАзЭС" for the EAEU), or its one name when that is all ("БРИКС").
 */
export function listedName(id: string): string | undefined {
  if (!listed) {
    listed = new Map();
    for (const line of ORGS.split('\n')) {
      const [slug, ...names] = line.split('|').map((n) => n.trim().replace(/^«(.*)»$/, '$1'));
      const name = names.find((n) => /\s/.test(n)) ?? names[0];
      if (name) listed.set(`org:${slug}`, name);
    }
  }
  return listed.get(id);
}

/** The listed nominative name of `id` that a text's form (any case) stands for ("Пекине" -> "Пекин"), if any. */
export function nominativeOf(id: string, form: string): string | undefined {
  return lexicon().nominative.get(`${id}|${tokensOf(form).join(' ')}`);
}
